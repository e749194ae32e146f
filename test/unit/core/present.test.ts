import * as assert from 'assert';
import { applyDeletions, blockOfLine, boilerplateBlocks, deletionSpan, removalTitle, removeAllSpans } from '../../../src/core/edits/boilerplateRemoval';
import { actorHover, boilerplateMessage, dateHover, describeValue } from '../../../src/core/present/hoverMarkdown';
import { confidenceBar, confidenceWords, detailsLine, labelWords, suggestionHoverLine } from '../../../src/core/present/readerWords';
import { splitLines } from '../../../src/core/text/lines';
import type { Actor, BoilerplateFinding } from '../../../src/core/types';

const finding = (lines: ReturnType<typeof splitLines>, line: number, category: BoilerplateFinding['category']): BoilerplateFinding => ({
  line, start: lines[line].start, end: lines[line].end, category, confidence: 0.9, message: 'x',
});

describe('boilerplate removal', () => {
  const text = ['Headline', '', 'Body one.', '', 'Byline', '', 'Teaser one...', '', 'Teaser two...', '', 'Leave a Reply'].join('\n');
  const lines = splitLines(text);
  const fs = [finding(lines, 4, 'byline'), finding(lines, 6, 'related'), finding(lines, 8, 'related'), finding(lines, 10, 'comments')];

  it('groups flagged lines with blank lines between into blocks, by category when asked', () => {
    assert.deepStrictEqual(boilerplateBlocks(lines, fs, true), [{ first: 4, last: 4 }, { first: 6, last: 8 }, { first: 10, last: 10 }]);
    assert.deepStrictEqual(boilerplateBlocks(lines, fs, false), [{ first: 4, last: 10 }]);
    // A quick fix's block is the whole run, whatever the categories, blank lines included.
    assert.deepStrictEqual(blockOfLine(lines, fs, 8), { first: 4, last: 10 });
    assert.deepStrictEqual(blockOfLine(lines, fs, 2), undefined);
    assert.deepStrictEqual(blockOfLine(lines, fs.slice(0, 1), 4), { first: 4, last: 4 });
  });

  it('says how many lines a removal takes', () => {
    assert.strictEqual(removalTitle({ first: 4, last: 10 }), 'Remove this boilerplate block (7 lines, 5–11)');
    assert.strictEqual(removalTitle({ first: 4, last: 4 }), 'Remove this boilerplate line (line 5)');
  });

  it('removes a block in the middle without leaving a double blank line', () => {
    const out = applyDeletions(text, [deletionSpan(lines, { first: 6, last: 8 })]);
    assert.strictEqual(out, ['Headline', '', 'Body one.', '', 'Byline', '', 'Leave a Reply'].join('\n'));
  });

  it('removes a tail with the blank lines before it, keeping a final line break', () => {
    assert.strictEqual(applyDeletions(text, removeAllSpans(lines, fs)), 'Headline\n\nBody one.');
    const t2 = 'A\nB.\nRead more: x\n';
    const l2 = splitLines(t2);
    assert.strictEqual(applyDeletions(t2, removeAllSpans(l2, [finding(l2, 2, 'read-more')])), 'A\nB.\n');
  });

  it('removes a line in running text (no blank lines) whole', () => {
    const t = 'H\nP one.\nDup.\nP two.';
    const l = splitLines(t);
    assert.strictEqual(applyDeletions(t, removeAllSpans(l, [finding(l, 2, 'duplicate')])), 'H\nP one.\nP two.');
  });
});

describe('hover texts', () => {
  const actor: Actor = {
    id: 'person:assimi goita', name: 'Assimi Goïta', kind: 'person', aliases: ['Goita'], roles: ['interim President'], demonyms: [],
    mentions: [{ start: 0, end: 12 }, { start: 30, end: 35 }], coOccurring: [{ name: 'Mali', kind: 'place', count: 2 }],
  };

  it('summarises an actor with corpus counts', () => {
    const md = actorHover(actor, { start: 0, end: 12, text: 'Assimi Goïta', kind: 'person', source: 'perceptron', confidence: 0.93 }, { articles: ['a.txt', 'b.txt'], indexed: 5 });
    assert.strictEqual(
      md,
      [
        '**Assimi Goïta** — person',
        'Roles and titles: *interim President*',
        'Also named: Goita',
        'Mentions in this article: 2',
        'In the corpus: 2 of 5 articles (a\\.txt, b\\.txt)',
        'Appears with: Mali (place, 2×)',
        'A person: almost certain ▰▰▰▰▰',
        '*Details: found by the trained tagger, score 0.93*',
      ].join('\n\n'),
    );
  });

  it('says when the corpus actors do not hold the article yet, and why', () => {
    const mention = { start: 0, end: 12, text: 'Assimi Goïta', kind: 'person', source: 'perceptron' } as const;
    const lineOf = (md: string) => md.split('\n\n').find((l) => l.startsWith('In the corpus'));
    assert.strictEqual(lineOf(actorHover(actor, mention, { articles: undefined, indexed: 40, complete: false })), 'In the corpus: not counted yet — the corpus is still being indexed');
    assert.strictEqual(lineOf(actorHover(actor, mention, { articles: undefined, indexed: 40, complete: true })), 'In the corpus: not counted yet — it is counted once this version of the article is saved and indexed');
    assert.strictEqual(lineOf(actorHover(actor, mention, { articles: [], indexed: 40, complete: true })), 'In the corpus: 0 of 40 articles');
  });

  it('escapes names that hold Markdown', () => {
    const md = actorHover({ ...actor, name: '[x](command:y)', roles: ['<img src=x>'] }, { start: 0, end: 1, text: 'x', kind: 'person', source: 'r' });
    assert.ok(md.startsWith('**\\[x\\]\\(command\\:y\\)** — person'), md);
    assert.match(md, /\*\\<img src=x\\>\*/);
  });

  it('shows a date value with its anchor, or why it cannot be resolved', () => {
    const md = dateHover({ start: 0, end: 7, text: 'Tuesday', type: 'DATE', value: '2025-09-16', anchor: 'article date 2025-09-20 (from newscorpus.yaml)' }, undefined);
    assert.strictEqual(md, '**Tuesday** — date\n\nValue: `2025-09-16` — Tuesday, 16 September 2025\n\nResolved against: article date 2025\\-09\\-20 \\(from newscorpus\\.yaml\\)');
    const unknown = dateHover({ start: 0, end: 11, text: 'September 4', type: 'DATE', value: 'XXXX-09-04', note: 'year unknown: no article date' }, undefined);
    assert.match(unknown, /4 September, year unknown/);
    assert.match(unknown, /Article date: unknown/);
    assert.strictEqual(describeValue('P10Y'), ' — 10 years');
    assert.strictEqual(describeValue('2025-Q3'), ' — quarter 3 of 2025');
  });

  it('says the category of a boilerplate line once (the engine message names it and says why)', () => {
    assert.strictEqual(boilerplateMessage({ line: 0, start: 0, end: 1, category: 'related', confidence: 1, message: 'Related-post teaser ("x"): starts with "more from"' }), 'Related-post teaser ("x"): starts with "more from"');
  });
});

describe('reader words', () => {
  it('says how sure in words and as a bar, engine terms only on the details line', () => {
    assert.deepStrictEqual([0.97, 0.8, 0.6, 0.3, undefined].map(confidenceWords), ['almost certain', 'likely', 'possible', 'uncertain', undefined]);
    assert.strictEqual(confidenceBar(0.6), '▰▰▰▱▱');
    assert.strictEqual(detailsLine('rules', undefined), '*Details: found by the rule\\-based engine*');
    assert.strictEqual(detailsLine('my*engine', 0.5), '*Details: found by the my\\*engine engine, score 0.50*');
  });

  it('names suggestion labels for a reader, US spelling, corpus labels as they are', () => {
    assert.strictEqual(labelWords('ORG'), 'organization (ORG)');
    assert.strictEqual(labelWords('EVENT'), 'EVENT');
    const line = suggestionHoverLine('PER', 0.93);
    assert.strictEqual(line, '**Suggested:** person \\(PER\\), almost certain · Alt+N A accept · Alt+N X reject');
    assert.doesNotMatch(line, /perceptron|engine|confidence/);
  });

  it('actor hovers of a rule-based name have no confidence line', () => {
    const md = actorHover(
      { id: 'o:x', name: 'ECOWAS', kind: 'organization', aliases: [], roles: [], demonyms: [], mentions: [{ start: 0, end: 6 }], coOccurring: [] },
      { start: 0, end: 6, text: 'ECOWAS', kind: 'organization', source: 'rules' },
    );
    assert.strictEqual(md, '**ECOWAS** — organization\n\nMentions in this article: 1\n\n*Details: found by the rule\\-based engine*');
  });
});
