// What crosses back from the analysis worker: records as columns, rebuilt exactly on the host, and
// the whole analysis through toResult and attachText equal to the analysis itself (its JSON too).
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle } from '../../../src/core/analysis/analyzeArticle';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';
import { nodeEngines } from '../../../src/node/engines';
import { fromColumns, toColumns } from '../../../src/worker/columns';
import { attachText, toResult } from '../../../src/worker/protocol';

const FIX = path.join(__dirname, '..', '..', 'fixtures');

describe('records as columns', () => {
  it('gives back every field: absent, undefined, null, -0, NaN, booleans, strings, nested values', () => {
    const text = 'Assimi Goïta met Tinubu.';
    const records: object[] = [
      { start: 0, end: 12, text: 'Assimi Goïta', kind: 'person', confidence: 0.919 },
      { start: 17, end: 23, text: 'Tinubu', kind: 'person', refersTo: undefined, flag: true },
      { start: 17, end: 23, text: 'not the slice', kind: 'other', confidence: -0, value: null },
      { start: 0, end: 1, kind: 'place', confidence: NaN, nested: { a: [1, 2] } },
    ];
    const c = toColumns(records, text);
    const back = fromColumns(structuredClone(c), text);
    assert.deepStrictEqual(back, records);
    assert.ok(Object.is((back[2] as { confidence: number }).confidence, -0));
    assert.ok(!('refersTo' in back[0]) && 'refersTo' in back[1], 'absent stays absent, undefined stays present');
    // The texts that are slices at their spans are not sent; the other one is.
    const textColumn = c.columns.find((x) => x.key === 'text')!;
    assert.deepStrictEqual(textColumn.values, [undefined, undefined, 'not the slice', undefined]);
  });

  it('keeps the fields in their order, a field first seen later in its place', () => {
    const records = [{ start: 0, end: 1, kind: 'x', last: true }, { start: 1, end: 2, kind: 'y', refersTo: 'Mali', last: false }];
    assert.deepStrictEqual(fromColumns(toColumns(records)).map((r) => Object.keys(r as object)), [
      ['start', 'end', 'kind', 'last'],
      ['start', 'end', 'kind', 'refersTo', 'last'],
    ]);
  });

  it('sends a field of repeated strings once per distinct value, and only such a field', () => {
    const records: object[] = [];
    for (let i = 0; i < 50; i++) records.push({ line: i, category: i % 3 === 0 ? 'share' : 'navigation', message: `line ${i}`, ...(i === 7 ? {} : { source: 'model' }), mixed: i === 9 ? 1 : 'a' });
    const c = toColumns(records);
    const col = (key: string) => c.columns.find((x) => x.key === key)!;
    assert.deepStrictEqual(col('category').dict, ['share', 'navigation']);
    assert.strictEqual(col('category').values, undefined);
    assert.deepStrictEqual(col('source').dict, ['model'], 'a field some records lack');
    assert.ok(col('message').values && !col('message').dict, 'distinct strings are sent as they are');
    assert.ok(col('mixed').values && !col('mixed').dict, 'a field that is not strings only is sent as it is');
    assert.deepStrictEqual(fromColumns(structuredClone(c)), records);
  });

  it('needs the article text only when a text was left out', () => {
    const c = toColumns([{ start: 0, end: 2, text: 'ab' }], 'abc');
    assert.throws(() => fromColumns(c), /need the article text/);
    assert.deepStrictEqual(fromColumns(toColumns([{ start: 0, end: 2, line: 3 }], 'abc')), [{ start: 0, end: 2, line: 3 }]);
    assert.deepStrictEqual(fromColumns(toColumns([])), []);
  });

  it('gives back any array of flat records (property)', () => {
    const value = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const record = fc.dictionary(fc.constantFrom('start', 'end', 'text', 'kind', 'a', 'b'), value).map((d) => ({ ...d }));
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), fc.string(), (records, text) => {
        assert.deepStrictEqual(fromColumns(structuredClone(toColumns(records, text)), text), records);
      }),
      { numRuns: 300 },
    );
  });
});

describe('an analysis across the worker boundary', () => {
  const engines = nodeEngines().engines;
  const articles = [
    path.join(FIX, 'workspace', 'corpus', 'site-b', 'border-patrols.txt'),
    ...['000_d213b76e413ff8b6.txt', '004_541c3a396b04bdde.txt'].map((f) => path.join(__dirname, '..', '..', '..', '..', 'shared', 'seeds', f)).filter((f) => fs.existsSync(f)),
  ];
  for (const file of articles) {
    it(`is the analysis itself once the host attaches the text: ${path.basename(file)}`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const a = analyzeArticle(text, { config: structuredClone(DEFAULT_CONFIG), engines });
      assert.ok(a.entities.length > 0 && a.boilerplate.length > 0 && a.sentences.length > 0, 'the article has what is tested');
      const result = structuredClone(toResult(a, 1));
      const entityTexts = result.columns.entities.columns.find((c) => c.key === 'text');
      assert.ok(entityTexts?.sliced && entityTexts.values?.every((v) => v === undefined), 'entity texts are not sent');
      const { workerMs, ...back } = attachText(result, text);
      assert.strictEqual(workerMs, 1);
      assert.deepStrictEqual(back, a);
      for (const list of ['entities', 'dates', 'boilerplate', 'blocks', 'sentences', 'actors'] as const) {
        assert.strictEqual(JSON.stringify(back[list]), JSON.stringify(a[list]), `${list}: the same fields in the same order`);
      }
    });
  }
});
