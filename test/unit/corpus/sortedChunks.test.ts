import * as assert from 'assert';
import { SortedChunks } from '../../../src/core/corpus/sortedChunks';

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
