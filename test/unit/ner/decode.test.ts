import { strict as assert } from 'node:assert';
import { chunksFromIob, chunksFromTags, iob1FromChunks, makeTagSet, tagsFromChunks } from '../../../src/core/ner/tags';
import { viterbi } from '../../../src/core/ner/viterbi';

describe('ner tags and Viterbi decoding', () => {
  it('round-trips chunks through BIO and BILOU tags', () => {
    const chunks = [
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'PER' },
      { start: 4, end: 7, type: 'ORG' },
    ];
    for (const scheme of ['BIO', 'BILOU'] as const) {
      const set = makeTagSet(scheme);
      const tags = tagsFromChunks(set, 8, chunks);
      assert.deepEqual(chunksFromTags(set, tags), chunks, scheme);
    }
    const bilou = makeTagSet('BILOU');
    assert.deepEqual(Array.from(tagsFromChunks(bilou, 8, chunks), (t) => bilou.tags[t]), ['B-PER', 'L-PER', 'U-PER', 'O', 'B-ORG', 'I-ORG', 'L-ORG', 'O']);
  });

  it('spells chunks in IOB1 as CoNLL-2003 does', () => {
    const chunks = [
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 5, end: 6, type: 'LOC' },
    ];
    const iob1 = iob1FromChunks(7, chunks);
    assert.deepEqual(iob1, ['I-PER', 'I-PER', 'B-PER', 'I-LOC', 'O', 'I-LOC', 'O']);
    assert.deepEqual(chunksFromIob(iob1), chunks);
  });

  it('picks the best allowed path, never I- after O', () => {
    const set = makeTagSet('BIO');
    const nt = set.tags.length;
    const idx = (t: string) => set.tags.indexOf(t);
    const e = new Float32Array(3 * nt);
    // Token 0 strongly prefers I-PER (not allowed at the start), then B-PER; token 1 prefers I-PER; token 2 O.
    e[idx('I-PER')] = 5;
    e[idx('B-PER')] = 3;
    e[nt + idx('I-PER')] = 4;
    e[2 * nt + idx('O')] = 1;
    const trans = new Float32Array((nt + 1) * nt);
    const out = Array.from(viterbi(set, e, 3, trans), (t) => set.tags[t]);
    assert.deepEqual(out, ['B-PER', 'I-PER', 'O']);
    // A strong O→B-LOC transition bonus changes the best path.
    const e2 = new Float32Array(2 * nt);
    e2[idx('O')] = 1;
    e2[nt + idx('O')] = 1;
    e2[nt + idx('B-LOC')] = 0.5;
    trans[idx('O') * nt + idx('B-LOC')] = 1;
    assert.deepEqual(Array.from(viterbi(set, e2, 2, trans), (t) => set.tags[t]), ['O', 'B-LOC']);
    assert.equal(viterbi(set, new Float32Array(0), 0, trans).length, 0);
  });

  it('lists the allowed neighbours of each tag', () => {
    const set = makeTagSet('BILOU');
    const names = (a: Uint8Array) => Array.from(a, (t) => set.tags[t]).sort();
    assert.deepEqual(names(set.prev[set.tags.indexOf('I-PER')]), ['B-PER', 'I-PER']);
    assert.deepEqual(names(set.next[set.tags.indexOf('B-ORG')]), ['I-ORG', 'L-ORG']);
    assert.equal(set.prev[set.tags.indexOf('U-LOC')].length, 9); // O, and L- or U- of each type
  });

  it('BILOU decoding closes every chunk', () => {
    const set = makeTagSet('BILOU');
    const nt = set.tags.length;
    const e = new Float32Array(2 * nt);
    e[set.tags.indexOf('B-ORG')] = 5; // B then end of sentence is not allowed: must become U or B+L
    const out = Array.from(viterbi(set, e, 2, new Float32Array((nt + 1) * nt)), (t) => set.tags[t]);
    assert.deepEqual(out, ['B-ORG', 'L-ORG']);
  });
});
