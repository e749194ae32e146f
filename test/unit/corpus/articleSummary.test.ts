import * as assert from 'node:assert';
import { lineKeyHash } from '../../../src/core/boilerplate/templates';
import { boilerplateLinesOf, boilerplateRuns, lineHashesOf } from '../../../src/core/corpus/articleSummary';
import { hash32 } from '../../../src/core/text/hash';

describe('article summary: boilerplate runs', () => {
  it('packs flagged lines as runs of consecutive lines of one category, and gives them back line by line', () => {
    const findings = [
      { line: 7, category: 'navigation' },
      { line: 3, category: 'navigation' },
      { line: 4, category: 'navigation' },
      { line: 5, category: 'navigation' },
      { line: 6, category: 'share' },
      { line: 40, category: 'footer' },
      { line: 41, category: 'footer' },
      { line: 43, category: 'footer' },
    ];
    const runs = boilerplateRuns(findings);
    assert.deepStrictEqual(runs, [3, 5, 'navigation', 6, 6, 'share', 7, 7, 'navigation', 40, 41, 'footer', 43, 43, 'footer']);
    assert.deepStrictEqual(boilerplateLinesOf(runs), [...findings].sort((a, b) => a.line - b.line));
    // Through JSON (the store) and back.
    assert.deepStrictEqual(boilerplateLinesOf(JSON.parse(JSON.stringify(runs))), boilerplateLinesOf(runs));
  });

  it('counts a line flagged twice once, and reads empty or damaged lists as what they hold', () => {
    assert.deepStrictEqual(boilerplateRuns([{ line: 2, category: 'byline' }, { line: 2, category: 'share' }]), [2, 2, 'byline']);
    assert.deepStrictEqual(boilerplateRuns([]), []);
    assert.deepStrictEqual(boilerplateLinesOf(undefined), []);
    assert.deepStrictEqual(boilerplateLinesOf([5, 3, 'share', 'x', 1, 'byline', 8, 9, 'footer', 10]), [{ line: 8, category: 'footer' }, { line: 9, category: 'footer' }]);
  });
});

describe('article summary: line hashes', () => {
  it('are the 31-bit line key hashes, small integers that a list holds without a heap number each', () => {
    const lines = ['Share this article', 'Share this article', '', 'Read more: 12 comments', 'Le président malien'].map((text) => ({ text }));
    const hashes = lineHashesOf(lines);
    assert.strictEqual(hashes.length, 3);
    for (const h of hashes) {
      assert.ok(Number.isInteger(h) && h >= -(2 ** 30) && h < 2 ** 30, String(h));
    }
    // One bit of the 32-bit hash is dropped, nothing else.
    assert.strictEqual(lineKeyHash('share this article'), hash32('share this article') >> 1);
    let outside = 0;
    for (let i = 0; i < 10_000; i++) {
      const h = lineKeyHash(`line ${i}`);
      if (h < -(2 ** 30) || h >= 2 ** 30) outside++;
    }
    assert.strictEqual(outside, 0);
  });
});
