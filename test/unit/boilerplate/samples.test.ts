// The sample corpus (samples/, part of the project) must stay flagged exactly as it is:
// every file alone, and the corpus read as one (a TemplateIndex over its files), as the
// extension and the CLI read it. A retrained model that changes any of these lines fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBoilerplateEngine, TemplateIndex } from '../../../src/core/boilerplate';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';
import { splitLines } from '../../../src/core/text/lines';

const SAMPLES = resolve(__dirname, '..', '..', '..', 'samples');

type Flags = [line: number, category: string][];

/** 0-based line and category of every finding, per file, each file read alone. */
const ALONE: Record<string, Flags> = {
  'corpus/sahel-tribune/aes-summit-niamey.txt': [[2, 'byline'], [12, 'duplicate'], [14, 'related'], [16, 'related'], [18, 'related'], [19, 'related'], [21, 'related'], [22, 'related'], [24, 'comments'], [26, 'comments']],
  'corpus/sahel-tribune/bamako-fuel-convoys.txt': [[2, 'byline'], [12, 'share'], [14, 'related'], [16, 'related'], [18, 'related'], [19, 'related'], [21, 'comments'], [23, 'comments']],
  'corpus/sahel-tribune/ouagadougou-ministers.txt': [[2, 'byline'], [12, 'related'], [14, 'related'], [16, 'related'], [17, 'related'], [19, 'comments'], [21, 'comments']],
  'corpus/wire/ecowas-mediation-bamako.txt': [[6, 'related'], [7, 'read-more'], [8, 'share'], [9, 'share']],
  'corpus/wire/tiani-lome-visit.txt': [[5, 'related'], [6, 'read-more'], [7, 'share'], [8, 'share']],
  'corpus/wire/un-drawdown-gao.txt': [[5, 'related'], [6, 'read-more'], [7, 'share'], [8, 'share']],
  'not-a-corpus/notes.txt': [[6, 'share']],
};

/** The same with the corpus's files read as one corpus: lines repeated across its articles become templates. */
const IN_CORPUS: Record<string, Flags> = {
  'corpus/sahel-tribune/aes-summit-niamey.txt': [[2, 'byline'], [12, 'duplicate'], [14, 'related'], [16, 'related'], [18, 'template'], [19, 'related'], [21, 'related'], [22, 'related'], [24, 'comments'], [26, 'comments']],
  'corpus/sahel-tribune/bamako-fuel-convoys.txt': [[0, 'template'], [2, 'byline'], [12, 'share'], [14, 'related'], [16, 'related'], [18, 'related'], [19, 'related'], [21, 'comments'], [23, 'comments']],
  'corpus/sahel-tribune/ouagadougou-ministers.txt': [[2, 'byline'], [12, 'related'], [14, 'related'], [16, 'template'], [17, 'related'], [19, 'comments'], [21, 'comments']],
  'corpus/wire/ecowas-mediation-bamako.txt': [[6, 'template'], [7, 'read-more'], [8, 'share'], [9, 'share']],
  'corpus/wire/tiani-lome-visit.txt': [[5, 'template'], [6, 'read-more'], [7, 'share'], [8, 'share']],
  'corpus/wire/un-drawdown-gao.txt': [[5, 'template'], [6, 'read-more'], [7, 'share'], [8, 'share']],
};

const read = (rel: string): string => readFileSync(join(SAMPLES, rel), 'utf8');

describe('boilerplate on the sample corpus (samples/)', () => {
  const engine = createBoilerplateEngine();

  for (const [rel, expected] of Object.entries(ALONE)) {
    it(`${rel}, alone`, () => {
      const text = read(rel);
      const f = engine.detect({ text, lines: splitLines(text), settings: DEFAULT_CONFIG.boilerplate });
      assert.deepEqual(f.map((x): [number, string] => [x.line, x.category]), expected);
    });
  }

  it('every file of samples/corpus, read as one corpus', () => {
    const index = new TemplateIndex();
    for (const rel of Object.keys(IN_CORPUS)) index.update(rel, read(rel));
    for (const [rel, expected] of Object.entries(IN_CORPUS)) {
      const text = read(rel);
      const f = engine.detect({ text, lines: splitLines(text), settings: DEFAULT_CONFIG.boilerplate, corpus: index, docId: rel });
      assert.deepEqual(f.map((x): [number, string] => [x.line, x.category]), expected, rel);
    }
  });
});
