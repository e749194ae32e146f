import { strict as assert } from 'node:assert';
import { conllChunks, conllEvaluate } from '../../../src/core/ner/conllEval';
import { parseConll } from '../../../src/core/ner/conllFormat';

describe('conlleval scorer', () => {
  it('finds IOB1 chunks as conlleval does', () => {
    // I- after O starts a chunk; B- only separates two adjacent chunks of one type.
    assert.deepEqual(conllChunks(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-LOC', 'I-ORG']), [
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 6, type: 'LOC' },
      { start: 6, end: 7, type: 'ORG' },
    ]);
    // IOB2 and IOB1 spellings of the same chunks agree.
    assert.deepEqual(conllChunks(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC', 'B-ORG']), conllChunks(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-LOC', 'I-ORG']));
    // A type change inside I- tags ends one chunk and starts another.
    assert.deepEqual(conllChunks(['I-PER', 'I-ORG']), [{ start: 0, end: 1, type: 'PER' }, { start: 1, end: 2, type: 'ORG' }]);
  });

  it('scores exact matches only, per type and micro-averaged (hand-computed)', () => {
    const s = conllEvaluate([
      // gold: PER(0,2) LOC(3,4)   guess: PER(0,2) correct, LOC(3,5) wrong end
      { gold: ['I-PER', 'I-PER', 'O', 'I-LOC', 'O'], guess: ['B-PER', 'I-PER', 'O', 'B-LOC', 'I-LOC'] },
      // gold: ORG(0,1) MISC(2,3)  guess: ORG(0,1) correct, PER(2,3) wrong type
      { gold: ['I-ORG', 'O', 'I-MISC'], guess: ['B-ORG', 'O', 'B-PER'] },
    ]);
    assert.equal(s.overall.gold, 4);
    assert.equal(s.overall.guessed, 4);
    assert.equal(s.overall.correct, 2);
    assert.equal(s.overall.precision, 50);
    assert.equal(s.overall.recall, 50);
    assert.equal(s.overall.f1, 50);
    // PER: guessed 2, gold 1, correct 1 → P 50, R 100, F 66.67
    assert.equal(s.byType.PER.guessed, 2);
    assert.equal(s.byType.PER.recall, 100);
    assert.ok(Math.abs(s.byType.PER.f1 - 200 / 3) < 1e-9);
    // MISC: never guessed → P 0, R 0, F 0
    assert.equal(s.byType.MISC.precision, 0);
    assert.equal(s.byType.MISC.f1, 0);
    assert.equal(s.byType.LOC.correct, 0);
    assert.equal(s.tokens, 8);
    // Raw tag equality: I-PER=I-PER and O=O in the first sentence, O=O in the second.
    assert.equal(s.accuracy, (100 * 3) / 8);
  });

  it('rejects sequences of different lengths', () => {
    assert.throws(() => conllEvaluate([{ gold: ['O'], guess: ['O', 'O'] }]));
  });

  it('parses CoNLL text with -DOCSTART- lines and CRLF', () => {
    const docs = parseConll('-DOCSTART- -X- O O\r\n\r\nEU NNP I-NP I-ORG\r\nrejects VBZ I-VP O\r\n\r\nPeter NNP I-NP I-PER\r\n\r\n-DOCSTART- -X- O O\r\n\r\nBonn NNP I-NP I-LOC\r\n');
    assert.equal(docs.length, 2);
    assert.deepEqual(docs[0].sentences.map((s) => s.tokens), [['EU', 'rejects'], ['Peter']]);
    assert.deepEqual(docs[0].sentences[0].tags, ['I-ORG', 'O']);
    assert.deepEqual(docs[1].sentences[0].tags, ['I-LOC']);
    assert.deepEqual(parseConll(''), []);
  });
});
