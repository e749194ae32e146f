import * as assert from 'node:assert';
import { fullGc } from '../../../scripts/lib/fullGc';
import { tokInfo } from '../../../src/core/ner/features';
import { LruMap } from '../../../src/core/text/lru';
import { ownString } from '../../../src/core/text/ownString';

const heapMb = () => {
  fullGc();
  return process.memoryUsage().heapUsed / 1e6;
};

/** Heap (MB) held by what `keep` keeps of 40 distinct texts of 1 MB each (a slice of 40 letters, distinct per text). */
function heldBy(keep: (piece: string) => unknown): number {
  const before = heapMb();
  const kept: unknown[] = [];
  for (let i = 0; i < 40; i++) {
    const word = String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26)).repeat(20);
    const text = 'x'.repeat(100) + word + 'y'.repeat(1_000_000);
    kept.push(keep(text.slice(100, 140)));
  }
  const held = heapMb() - before;
  assert.strictEqual(kept.length, 40);
  return held;
}

describe('ownString', () => {
  it('is equal to its input, short, long, or with characters outside the BMP', () => {
    for (const s of ['', 'Mali', 'Assimi Goïta, interim President', 'Goi\u0308ta 😀 Bamako and Niamey']) assert.strictEqual(ownString(s), s);
    const text = 'x'.repeat(100) + 'Economic Community of West African States';
    assert.strictEqual(ownString(text.slice(100)), 'Economic Community of West African States');
  });

  it('keeps none of the text a slice was cut from; nor do LruMap keys', () => {
    // The control: V8 shares a slice's parent (should that change, ownString has nothing left to do).
    const plain = heldBy((s) => s);
    assert.ok(plain >= 20, `plain slices held ${plain.toFixed(1)} MB of their parents: V8 no longer shares them`);
    assert.ok(heldBy(ownString) < 5, 'owned slices hold their parents');
    const m = new LruMap<string, number>(100);
    assert.ok(heldBy((s) => m.set(s, 1)) < 5, 'LruMap keys hold their parents');
    assert.strictEqual(m.size, 40);
    // The tagger's token cache (a token's lower case is cut from the article too).
    assert.ok(heldBy((s) => tokInfo(s)) < 5, 'the token cache holds its articles');
  });
});
