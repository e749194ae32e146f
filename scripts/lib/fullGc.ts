// A full garbage collection on demand, for benches that measure memory: V8's `gc`, had as the corpus
// worker has it (src/node/idleCollection.ts).
import { fullCollector } from '../../src/node/idleCollection';

const gc = fullCollector();

/** Collects everything unreachable (twice: what the first collection's finalizers freed too). */
export function fullGc(): void {
  if (!gc) throw new Error("V8's gc could not be had: the benches that measure memory need it");
  gc();
  gc();
}
