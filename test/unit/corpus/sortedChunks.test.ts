import * as assert from 'assert';
import { SortedChunks, sortInSteps } from '../../../src/core/corpus/sortedChunks';

describe('sorted chunks', () => {
  it('keeps the order of a sorted array over random inserts and removals, across chunk splits', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const list = new SortedChunks<number>((a, b) => a - b);
    const reference: number[] = [];
    list.reset([5, 3, 9]);
    reference.push(3, 5, 9);
    for (let step = 0; step < 6000; step++) {
      if (random() < 0.7 || reference.length === 0) {
        const x = Math.floor(random() * 1e9);
        if (reference.includes(x)) continue;
        list.insert(x);
        reference.push(x);
        reference.sort((a, b) => a - b);
      } else {
        const x = reference.splice(Math.floor(random() * reference.length), 1)[0];
        assert.strictEqual(list.remove(x), true);
        assert.strictEqual(list.remove(x), false);
      }
      if (step % 500 === 0) assert.deepStrictEqual(list.toArray(), reference);
    }
    assert.ok(reference.length > 2000, 'several chunks');
    assert.deepStrictEqual(list.toArray(), reference);
    assert.deepStrictEqual([...list], reference);
    assert.strictEqual(list.length, reference.length);
    assert.deepStrictEqual(list.slice(1000, 1700), reference.slice(1000, 1700));
    assert.deepStrictEqual(list.slice(510, 520), reference.slice(510, 520));
    assert.deepStrictEqual(list.slice(-5), reference.slice(-5));
    assert.deepStrictEqual(list.slice(reference.length + 3, reference.length + 9), []);
  });
});

describe('sortInSteps', () => {
  it('sorts as Array.prototype.sort does (stably), in steps of bounded work, leaving its input alone', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    for (const n of [0, 1, 2, 1023, 1024, 1025, 3000, 9000]) {
      // Pairs with repeated keys: stability shows in the second field.
      const items = Array.from({ length: n }, (_, i) => ({ key: Math.floor(random() * (n / 3 + 1)), at: i }));
      const copy = items.slice();
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const steps = sortInSteps(items, byKey, 500);
      let yields = 0;
      let r = steps.next();
      for (; !r.done; r = steps.next()) yields++;
      assert.deepStrictEqual(r.value, items.slice().sort(byKey), `n = ${n}`);
      assert.deepStrictEqual(items, copy, 'the input is not changed');
      // Runs sorted, then about n elements merged per doubling of the runs: each step does at most 500.
      if (n >= 3000) assert.ok(yields >= Math.floor(n / 500), `n = ${n}: ${yields} steps`);
      if (n <= 1) assert.strictEqual(yields, 0);
    }
  });
});
