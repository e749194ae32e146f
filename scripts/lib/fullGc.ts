// A full garbage collection on demand, for benches that measure memory: V8 exposes `gc` only behind a
// flag, which can be set at run time and read in a fresh context.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Collects everything unreachable (twice: what the first collection's finalizers freed too). */
export function fullGc(): void {
  gc();
  gc();
}
