// Data readers of the recent-news work: inline-marked articles (the recent-news dev set), CoNLL gold
// columns and the error breakdown of eval:ner.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conllErrors, formatConllErrors } from '../../../src/core/ner/conllEval';
import { parseConll } from '../../../src/core/ner/conllFormat';
import { markedSentences, markedToConll, parseMarkedArticles } from '../../../src/core/ner/markedText';

describe('inline-marked articles', () => {
  it('reads marks, comments and article separators into text and spans', () => {
    const [a, b, ...rest] = parseMarkedArticles('# comment\n{PER Joe Biden} met {ORG NATO} chiefs.\n===\nIn {LOC Kyiv}.\n');
    assert.equal(rest.length, 0);
    assert.equal(a.text, 'Joe Biden met NATO chiefs.');
    assert.deepEqual(a.spans, [{ start: 0, end: 9, type: 'PER' }, { start: 14, end: 18, type: 'ORG' }]);
    assert.equal(b.text, 'In Kyiv.');
    assert.deepEqual(b.spans, [{ start: 3, end: 7, type: 'LOC' }]);
  });

  it('rejects malformed marks with the line number', () => {
    assert.throws(() => parseMarkedArticles('ok\n{PERSON Joe}'), /line 2/);
    assert.throws(() => parseMarkedArticles('{PER Joe'), /line 1/);
    assert.throws(() => parseMarkedArticles('Joe}'), /line 1/);
  });

  it('cuts tokens at mark edges and writes IOB2 CoNLL', () => {
    const [a] = parseMarkedArticles('The {LOC Mali}-{LOC Russia} pact with {ORG Africa Corps}.');
    assert.deepEqual(markedSentences(a)[0].map((t) => t.text), ['The', 'Mali', '-', 'Russia', 'pact', 'with', 'Africa', 'Corps', '.']);
    const docs = parseConll(markedToConll([a]));
    assert.equal(docs.length, 1);
    assert.deepEqual(docs[0].sentences[0].tags, ['O', 'B-LOC', 'O', 'B-LOC', 'O', 'O', 'B-ORG', 'I-ORG', 'O']);
  });

  it('the recent-news dev set is built from its marked source', () => {
    const dir = join(__dirname, '..', '..', 'fixtures', 'ner', 'recent-news');
    const built = markedToConll(parseMarkedArticles(readFileSync(join(dir, 'articles.txt'), 'utf8'))) + '\n';
    assert.equal(readFileSync(join(dir, 'recent-news.conll'), 'utf8'), built, 'run npm run build:recent-news');
  });
});

describe('CoNLL gold column and error breakdown', () => {
  it('takes the 4th column of longer lines (a prediction file), else the last, or the one asked for', () => {
    const text = 'Joe NNP I-NP B-PER O\nBiden NNP I-NP I-PER B-PER\n';
    assert.deepEqual(parseConll(text)[0].sentences[0].tags, ['B-PER', 'I-PER']);
    assert.deepEqual(parseConll(text, { goldColumn: 5 })[0].sentences[0].tags, ['O', 'B-PER']);
    assert.deepEqual(parseConll('Joe -X- B-PER\n')[0].sentences[0].tags, ['B-PER']);
  });

  it('sorts errors into wrong type, wrong span, missed and spurious (hand-counted)', () => {
    const e = conllErrors([
      // PER right; LOC found as ORG (same span); MISC found with a longer span.
      { gold: ['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-MISC', 'O'], guess: ['B-PER', 'I-PER', 'O', 'B-ORG', 'O', 'B-MISC', 'I-MISC'] },
      // ORG missed; a spurious PER (IOB1 gold).
      { gold: ['I-ORG', 'O', 'O'], guess: ['O', 'O', 'I-PER'] },
    ]);
    assert.deepEqual(e.PER, { correct: 1, wrongType: 0, wrongSpan: 0, missed: 0, spurious: 1 });
    assert.deepEqual(e.LOC, { correct: 0, wrongType: 1, wrongSpan: 0, missed: 0, spurious: 0 });
    assert.deepEqual(e.MISC, { correct: 0, wrongType: 0, wrongSpan: 1, missed: 0, spurious: 0 });
    assert.deepEqual(e.ORG, { correct: 0, wrongType: 0, wrongSpan: 0, missed: 1, spurious: 0 });
    assert.match(formatConllErrors(e), /^all\s+1\s+1\s+1\s+1\s+1$/m);
  });
});
