// npm run fuzz [-- --seconds N] [--seed S]: runs the robustness properties of
// test/unit/robustness/properties.ts (core, brat reader/writer, config parser,
// JSONL import) with generated inputs for about N seconds in all, prints the inputs
// tried and the failures (with the counterexample), and ends with one JSON line.
import * as fc from 'fast-check';
import { parseArgs } from './lib/args';
import { PROPERTIES } from '../test/unit/robustness/properties';

const args = parseArgs(process.argv.slice(2), { seconds: 'number', seed: 'number' });
const seconds = (args.seconds as number | undefined) ?? 60;
const seed = (args.seed as number | undefined) ?? Date.now() % 2147483647;
const per = (seconds * 1000) / PROPERTIES.length;
const figures: Record<string, number | string> = { seconds, seed };
let tried = 0;
let failures = 0;
for (const [i, { name, property }] of PROPERTIES.entries()) {
  const t0 = Date.now();
  let runs = 0;
  let failure: string | undefined;
  // Batches of runs until this property's share of the time is used (or it fails).
  while (Date.now() - t0 < per && !failure) {
    const r = fc.check(property, { numRuns: 200, seed: seed + i * 7919 + runs });
    runs += r.numRuns;
    if (r.failed) failure = `${r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance)}; counterexample ${JSON.stringify(r.counterexample)?.slice(0, 500)}; seed ${r.seed}, path ${r.counterexamplePath}`;
  }
  tried += runs;
  if (failure) failures++;
  console.log(`${failure ? 'FAIL' : 'ok  '} ${runs} inputs in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${name}${failure ? `\n     ${failure}` : ''}`);
  figures[`inputs.p${i + 1}`] = runs;
}
figures.inputs = tried;
figures.failures = failures;
console.log(JSON.stringify(figures));
process.exit(failures ? 1 : 0);
