import * as assert from 'node:assert';
import { fullGc } from '../../../scripts/lib/fullGc';
import { compactActors, shareConstantStrings, type ArticleSummary } from '../../../src/core/corpus/articleSummary';

const heapMb = () => {
  fullGc();
  return process.memoryUsage().heapUsed / 1e6;
};

/** 2,000 summaries of 100 actors and 50 boilerplate lines each, every kind and category a string of its own (as a copy from another thread has them). */
function received(): ArticleSummary[] {
  const fresh = (s: string) => s.split('').join('');
  const out: ArticleSummary[] = [];
  for (let i = 0; i < 2000; i++) {
    out.push({
      relPath: `a${i}.txt`,
      chars: 100,
      lineHashes: [],
      boilerplate: Array.from({ length: 50 }, (_, line) => [line, line, fresh(line % 2 ? 'navigation' : 'read-more')]).flat(),
      actors: Array.from({ length: 100 }, (_, k) => ({ name: 'A', kind: fresh(k % 2 ? 'organization' : 'person') as 'person', aliases: [], roles: [], demonyms: [], mentionCount: 1 })),
      mentionSpans: Array.from({ length: 100 }, () => [0, 1]).flat(),
      acronyms: [],
    });
  }
  return out;
}

/** Heap (MB) held by the strings of the received summaries, kept as `keep` leaves them. */
function heldBy(keep: (s: ArticleSummary) => ArticleSummary): number {
  let summaries = received();
  const before = heapMb();
  summaries = summaries.map(keep);
  const after = heapMb();
  assert.strictEqual(summaries.length, 2000);
  return before - after;
}

describe('shareConstantStrings', () => {
  it('keeps every value as it was, unknown kinds and categories included', () => {
    const s: ArticleSummary = {
      relPath: 'a.txt',
      chars: 1,
      lineHashes: [1],
      boilerplate: [0, 0, 'byline', 1, 1, 'some-future-category'],
      actors: [{ name: 'Mali', kind: 'place', aliases: [], roles: [], demonyms: ['Malian'], mentionCount: 1 }, { name: 'X', kind: 'thing' as 'other', aliases: [], roles: [], demonyms: [], mentionCount: 1 }],
      mentionSpans: [0, 4, 5, 6],
      acronyms: [],
    };
    const copy = structuredClone(s);
    assert.strictEqual(shareConstantStrings(copy), copy);
    assert.deepStrictEqual(copy, s);
    // A summary without its lists (a damaged or older entry) is left alone.
    assert.doesNotThrow(() => shareConstantStrings({ relPath: 'b.txt' } as ArticleSummary));
  });

  it('frees the copies of kinds and categories that summaries from another thread bring', () => {
    // 200,000 kinds and 100,000 categories of their own: about 8 MB, which sharing frees.
    const freed = heldBy(shareConstantStrings);
    assert.ok(freed > 5, `sharing freed ${freed.toFixed(1)} MB`);
    // The control: kept as they came, nothing is freed.
    const control = heldBy((s) => s);
    assert.ok(Math.abs(control) < 1.5, `kept as they came, ${control.toFixed(1)} MB changed`);
  });
});

describe('compactActors', () => {
  /** 1,000 summaries of 100 actors each, as a copy from another thread has them (structured clone). */
  const cloned = (): ArticleSummary[] =>
    structuredClone(
      Array.from({ length: 1000 }, (_, i): ArticleSummary => ({
        relPath: `a${i}.txt`,
        chars: 100,
        lineHashes: [],
        boilerplate: [],
        actors: Array.from({ length: 100 }, (_, k) => ({ name: `A${k}`, kind: 'person' as const, aliases: [], roles: [`r${k}`], demonyms: [], mentionCount: 1 })),
        mentionSpans: Array.from({ length: 100 }, (_, k) => [k, k + 1]).flat(),
        acronyms: [],
      })),
    );

  it('keeps every actor as it was, in place', () => {
    const s = cloned()[0];
    const before = structuredClone(s);
    const actors = s.actors;
    assert.strictEqual(compactActors(s), s);
    assert.strictEqual(s.actors, actors);
    assert.deepStrictEqual(s, before);
    assert.doesNotThrow(() => compactActors({ relPath: 'b.txt' } as ArticleSummary));
  });

  it('frees the property arrays that actors copied from another thread carry', () => {
    let summaries = cloned();
    const before = heapMb();
    summaries = summaries.map(compactActors);
    const freed = before - heapMb();
    assert.strictEqual(summaries.length, 1000);
    // 100,000 actors: 24 bytes each in Node (no pointer compression): a clone holds 4 properties in the object and 2 in a property array.
    assert.ok(freed > 1.5, `compacting freed ${freed.toFixed(1)} MB`);
  });
});
