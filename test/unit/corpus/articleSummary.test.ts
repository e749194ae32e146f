import * as assert from 'node:assert';
import { lineKeyHash } from '../../../src/core/boilerplate/templates';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../../../src/core/analysis/analyzeArticle';
import { assembleEngines } from '../../../src/core/analysis/defaultEngines';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';
import { actorSpans, boilerplateLinesOf, boilerplateRuns, lineHashesOf, summarizeArticle } from '../../../src/core/corpus/articleSummary';
import { createRuleEngine } from '../../../src/core/entities/ruleEngine';
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

describe('article summary: mention spans', () => {
  it("gives each actor its own spans out of the article's one flat list", () => {
    const actor = (name: string, mentionCount: number) => ({ name, kind: 'person' as const, aliases: [], roles: [], demonyms: [], mentionCount });
    const summary = {
      relPath: 'a.txt',
      chars: 100,
      lineHashes: [],
      boilerplate: [],
      actors: [actor('A', 2), actor('B', 0), actor('C', 1), actor('D', 3)],
      mentionSpans: [0, 1, 10, 11, 20, 21, 30, 31, 40, 41, 50, 51],
      acronyms: [],
    };
    assert.deepStrictEqual([0, 1, 2, 3].map((i) => actorSpans(summary, i)), [[0, 1, 10, 11], [], [20, 21], [30, 31, 40, 41, 50, 51]]);
    // A new list each time: a caller may keep or change it.
    assert.notStrictEqual(actorSpans(summary, 0), actorSpans(summary, 0));
  });

  it("summarises an analysed article's actors with their own mentions, as the analysis has them", () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'corpus', 'wire', 'ecowas-mediation-bamako.txt'), 'utf8');
    const analysis = analyzeArticle(text, { config: structuredClone(DEFAULT_CONFIG), engines: assembleEngines(createRuleEngine()) });
    const summary = summarizeArticle(analysis, 'wire/ecowas-mediation-bamako.txt');
    const expected = analysis.actors;
    assert.ok(expected.length >= 3, `${expected.length} actors`);
    assert.deepStrictEqual(
      summary.actors.map((a, i) => [a.name, actorSpans(summary, i)]),
      expected.map((a) => [a.name, a.mentions.flatMap((m) => [m.start, m.end])]),
    );
    assert.strictEqual(summary.mentionSpans.length, 2 * expected.reduce((n, a) => n + a.mentions.length, 0));
  });
});
