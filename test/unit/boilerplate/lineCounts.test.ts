// The corpus's line counts (a typed-array hash table) against a Map doing the same, and the template
// table built from them.
import assert from 'node:assert/strict';
import { LineCounts } from '../../../src/core/boilerplate/lineCounts';
import { buildTemplateTable, TableLineStats } from '../../../src/core/boilerplate/templateTable';
import { lineKeyHash } from '../../../src/core/boilerplate/templates';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('corpus line counts', () => {
  it('counts as a Map would through random adds and removes (hash 0, hashes past 2^31, growth, deletions in probe runs)', () => {
    for (const seed of [1, 2, 3]) {
      const r = rng(seed);
      // Few distinct hashes, so that runs of probes form and deletions move entries back.
      const pool = [0, 1, 2 ** 31, 2 ** 32 - 1, ...Array.from({ length: 300 }, () => Math.floor(r() * 2 ** 32))];
      const counts = new LineCounts(16);
      const ref = new Map<number, number>();
      const articles: number[][] = [];
      for (let step = 0; step < 3000; step++) {
        if (articles.length && r() < 0.45) {
          const [gone] = articles.splice(Math.floor(r() * articles.length), 1);
          counts.remove(gone);
          for (const h of gone) {
            const c = ref.get(h)! - 1;
            if (c === 0) ref.delete(h);
            else ref.set(h, c);
          }
        } else {
          const hashes = [...new Set(Array.from({ length: 1 + Math.floor(r() * 12) }, () => pool[Math.floor(r() * pool.length)]))];
          articles.push(hashes);
          counts.add(hashes);
          for (const h of hashes) ref.set(h, (ref.get(h) ?? 0) + 1);
        }
        if (step % 97 === 0 || step === 2999) {
          assert.equal(counts.size, ref.size, `seed ${seed}, step ${step}: size`);
          assert.equal(counts.articles, articles.length);
          for (const h of pool) assert.equal(counts.get(h), ref.get(h) ?? 0, `seed ${seed}, step ${step}: count of ${h}`);
          const twice = [...ref].filter(([, c]) => c >= 2).map(([h]) => h).sort((a, b) => a - b);
          assert.deepEqual([...counts.hashesAtLeast(2)], twice);
        }
      }
    }
  });

  it('takes back nothing for a hash it never counted', () => {
    const counts = new LineCounts();
    counts.add([5, 6]);
    counts.remove([7]);
    assert.deepEqual([counts.get(5), counts.get(6), counts.get(7), counts.size], [1, 1, 0, 2]);
  });

  it('builds the template table of lines in two or more articles, and reads it back without the article itself', () => {
    const counts = new LineCounts();
    const key = (s: string) => lineKeyHash(s);
    counts.add([key('share this'), key('a')]);
    counts.add([key('share this'), key('b')]);
    counts.add([key('share this'), key('b'), key('c')]);
    const table = buildTemplateTable(counts);
    assert.equal(table.articleCount, 3);
    assert.deepEqual([...table.hashes], [key('share this'), key('b')].map((h) => h >>> 0).sort((a, b) => a - b));
    const stats = new TableLineStats(table, [{ text: 'Share this' }], (l) => l.toLowerCase());
    assert.equal(stats.occurrences('share this'), 2); // three articles, minus this one
    assert.equal(stats.occurrences('b'), 2);
    assert.equal(stats.occurrences('a'), 0);
  });
});
