// The date engine's cache (per-keystroke re-analysis): after any series of edits, the dates found
// with the cache of the earlier versions equal, deeply, those found without it. The texts are made
// of date phrases, the words the rules check before and after a match, and line breaks (which cut
// the text into chunks, see candidates.ts), so that dates run over chunk ends and edits change
// what a chunk's neighbours hold.
import * as assert from 'assert';
import * as fc from 'fast-check';
import { CHUNK_MIN } from '../../../src/core/dates/candidates';
import { recognizeDates } from '../../../src/core/dates/engine';
import { DateCache } from '../../../src/core/dates/incremental';
import type { ArticleDateInfo } from '../../../src/core/types';
import { deleteAt, insertAt } from '../helpers/textEdits';

const FILLER = 'The council met in the capital and the minister said the talks went on. ';
const PIECES = [
  FILLER, FILLER, FILLER, '\n', '\r\n', '\n\n', ' ', 'e', '.', 'October', ' 13, 1998', 'October\n13, 1998', 'Friday, Oct.\n13', ' at 10:30 a.m.', '\nFriday',
  ' two years', '\nlater', ' the following year', ' last week', ' did last', ' year', ' high noon', ' USA Today', ' daily', '\nGranma', ' 12/03/2019',
  ' 3/4/21', ' currently', '\naccounts', ' the third quarter', ' a year earlier', ' twice a week', ' in 2024', ' the 1990s', ' March', '😀',
  'noon', '\nnoon', ' high', '13', 'ago', 'Granma',
];
const DATES: (ArticleDateInfo | undefined)[] = [undefined, { value: '2024-03-05', source: 'test' }, { value: '1998-10-20', source: 'test' }];

/** Edits anywhere, and edits next to a line break (where chunks end, so that a chunk's context changes). */
type Edit =
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'at-break'; nth: number; side: -1 | 1; piece: string }
  | { kind: 'cut-at-break'; nth: number; side: -1 | 1; length: number }
  | { kind: 'date'; which: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...PIECES) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('at-break' as const), nth: fc.nat(), side: fc.constantFrom(-1 as const, 1 as const), piece: fc.constantFrom(...PIECES) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('cut-at-break' as const), nth: fc.nat(), side: fc.constantFrom(-1 as const, 1 as const), length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('date' as const), which: fc.nat() }) },
);

/** Where the nth line break (counted modulo their number) is, or where text ends. */
function breakAt(text: string, nth: number): number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return breaks.length ? breaks[nth % breaks.length] : text.length;
}

function apply(text: string, e: Exclude<Edit, { kind: 'date' }>): string {
  switch (e.kind) {
    case 'insert':
      return insertAt(text, e.at, e.piece);
    case 'delete':
      return deleteAt(text, e.at, e.length);
    case 'at-break': {
      const b = breakAt(text, e.nth);
      const p = e.side < 0 ? b : Math.min(text.length, b + 1);
      return text.slice(0, p) + e.piece + text.slice(p);
    }
    case 'cut-at-break': {
      const b = breakAt(text, e.nth);
      return e.side < 0 ? text.slice(0, Math.max(0, b - e.length)) + text.slice(b) : text.slice(0, b + 1) + text.slice(b + 1 + e.length);
    }
  }
}

describe('date engine cache', function () {
  this.timeout(120_000);

  it('finds exactly the dates found without it, after random edits (dates over line breaks and chunk ends, context words, article date)', () => {
    const cache = new DateCache(3000); // small, so that chunks are also dropped
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 40, maxLength: 120 }), fc.nat(), fc.array(edit, { minLength: 1, maxLength: 8 }), (pieces, d, edits) => {
        let text = pieces.join('');
        let date = DATES[d % DATES.length];
        recognizeDates(text, date, true, cache);
        for (const e of edits) {
          if (e.kind === 'date') date = DATES[e.which % DATES.length];
          else text = apply(text, e);
          assert.deepStrictEqual(recognizeDates(text, date, true, cache), recognizeDates(text, date));
        }
      }),
      { numRuns: 300, seed: 9 },
    );
    assert.ok(cache.hits > 0 && cache.misses > 0, 'the cache was used');
  });

  it('a chunk\'s dates follow edits of the text its rules read around it (before its start, after its end)', () => {
    const line = FILLER.repeat(Math.ceil(CHUNK_MIN / FILLER.length));
    const date: ArticleDateInfo = { value: '1998-10-20', source: 'test' };
    // Each pair: a version, then an edit next to a chunk's end that changes what the next chunk's rules accept or match.
    const pairs: [string, string][] = [
      [`${line}It was\nnoon on Friday when they met.\n`, `${line}It was high\nnoon on Friday when they met.\n`],
      [`${line}They met on Friday, Oct.\n3 of them signed.\n`, `${line}They met on Friday, Oct.\n13, 1998 and signed.\n`],
      [`${line}The paper appears daily\nin Bamako.\n`, `${line}The paper appears daily\nGranma reported.\n`],
    ];
    for (const [a, b] of pairs) {
      const cache = new DateCache();
      recognizeDates(a, date, true, cache);
      const fresh = recognizeDates(b, date);
      assert.notDeepStrictEqual(fresh, recognizeDates(a, date), 'the edit changes the dates');
      assert.deepStrictEqual(recognizeDates(b, date, true, cache), fresh);
    }
  });

  it('a date running over the line break that ends a chunk is found once, whole', () => {
    const line = FILLER.repeat(Math.ceil(CHUNK_MIN / FILLER.length));
    const text = `${line}They signed it on Friday, October\n13, 1998, in Bamako.\n`;
    for (const cache of [undefined, new DateCache()]) {
      const found = recognizeDates(text, { value: '1998-10-20', source: 'test' }, true, cache).filter((m) => m.value === '1998-10-13');
      assert.deepStrictEqual(found.map((m) => m.text), ['Friday, October\n13, 1998']);
    }
  });
});
