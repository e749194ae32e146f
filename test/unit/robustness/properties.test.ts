// The generated-input properties (properties.ts), a few hundred runs each in `npm test`;
// `npm run fuzz -- --seconds N` runs them for longer.
import * as fc from 'fast-check';
import { PROPERTIES } from './properties';

describe('robustness: generated inputs keep the invariants', function () {
  this.timeout(120000);
  for (const { name, property } of PROPERTIES) {
    it(name, () => fc.assert(property, { numRuns: 150 }));
  }
});
