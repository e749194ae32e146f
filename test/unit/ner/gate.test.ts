import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createNerEngine } from '../../../src/core/ner/engine';
import type { EntityMention } from '../../../src/core/types';
import { outsideTokens, tokInfo } from '../../../src/core/ner/features';
import { tagSentences } from '../../../src/core/ner/tagger';
import { TagCache, tagSentencesCached } from '../../../src/core/ner/incremental';
import { makeTagSet } from '../../../src/core/ner/tags';
import { tagMarginals, viterbi } from '../../../src/core/ner/viterbi';
import { seededRandom } from '../../../src/core/ner/train';
import { loadNerModel } from '../../../src/node/nerModel';

const fixed = (words: string[], caps = false) => {
  const m = outsideTokens(words.map(tokInfo), caps);
  return m ? words.filter((_, i) => m[i]) : [];
};

describe('gated tagging (tokens fixed outside any entity)', () => {
  it('fixes a plain token only between plain tokens', () => {
    const words = 'the interim Malian President , Colonel Assimi Goïta , said on Monday that the vote of the people was won'.split(' ');
    assert.deepEqual(fixed(words), ['the', 'said', 'the', 'vote', 'of', 'the', 'people', 'was', 'won']);
    // Next to a capital, a plain token may be inside a name.
    assert.deepEqual(fixed('on the day the Bank of England and Charles de Gaulle and Procter & Gamble met'.split(' ')), ['on', 'the', 'day']);
    // Digits and punctuation have no capital: plain.
    assert.deepEqual(fixed('in 1998 , 40 % of votes'.split(' ')), ['in', '1998', ',', '40', '%', 'of', 'votes']);
    // Mixed case inside a word is not plain (iPhone, eBay); a caseless script is never fixed.
    assert.deepEqual(fixed('a new iPhone sold on eBay for less'.split(' ')), ['a', 'less']);
    assert.deepEqual(fixed('المتحدث باسم الحكومة قال'.split(' ')), []);
    // An all-caps headline is not gated, nor is a sentence with nothing fixed.
    assert.equal(outsideTokens('PRESIDENT GOITA WINS the vote'.split(' ').map(tokInfo), true), undefined);
    assert.equal(outsideTokens(['Mali', 'and', 'Niger'].map(tokInfo), false), undefined);
    assert.deepEqual(fixed(['ok']), ['ok']);
    // A function word opening the sentence is capitalised for its place only; before a name it is scored.
    assert.deepEqual(fixed('The president said so'.split(' ')), ['The', 'president', 'said', 'so']);
    assert.deepEqual(fixed('The Hague said so'.split(' ')), ['so']);
    assert.deepEqual(fixed('Reuters said so'.split(' ')), ['so']);
    // In capitals, a function word may be a name: WHO, IS (Islamic State).
    assert.deepEqual(fixed('WHO said on Monday'.split(' ')), []);
    assert.deepEqual(fixed('IS claimed the attack late on Sunday'.split(' ')), ['the', 'attack', 'late']);
    assert.deepEqual(fixed('A spokesman said'.split(' ')), ['said']);
    // Only at the opening: a capitalised function word further on is scored, and so are its neighbours.
    assert.deepEqual(fixed('We said The'.split(' ')), ['We']);
    assert.equal(outsideTokens([], false), undefined);
  });

  it('decodes a fixed token as O, and the rest as if its other tags had no chance', () => {
    for (const scheme of ['BIO', 'BILOU'] as const) {
      const set = makeTagSet(scheme);
      const nt = set.tags.length;
      const rand = seededRandom(scheme === 'BIO' ? 3 : 4);
      const trans = new Float32Array((nt + 1) * nt).map(() => (rand() - 0.5) * 4);
      for (let trial = 0; trial < 200; trial++) {
        const n = 1 + Math.floor(rand() * 9);
        const e = new Float32Array(n * nt).map(() => (rand() - 0.5) * 10);
        const outside = new Uint8Array(n).map(() => (rand() < 0.4 ? 1 : 0));
        // The reference: every tag but O of a fixed token made hopeless in the emissions.
        const forced = e.slice();
        for (let i = 0; i < n; i++) if (outside[i]) for (let t = 1; t < nt; t++) forced[i * nt + t] = -1e6;
        const tags = viterbi(set, e, n, trans, outside);
        assert.deepEqual(Array.from(tags), Array.from(viterbi(set, forced, n, trans)), `${scheme} trial ${trial}`);
        for (let i = 0; i < n; i++) if (outside[i]) assert.equal(tags[i], 0);
        const p = tagMarginals(set, e, n, trans, tags, 1.5, outside);
        const q = tagMarginals(set, forced, n, trans, tags, 1.5);
        for (let i = 0; i < n; i++) assert.ok(Math.abs(p[i] - q[i]) < 1e-5, `${scheme} trial ${trial} token ${i}: ${p[i]} vs ${q[i]}`);
      }
    }
  });

  it('tags as the ungated tagger wherever it labels the fixed tokens O, cached or not', () => {
    const model = loadNerModel();
    const sents = [
      'Colonel Assimi Goïta , the interim Malian President , met the leaders of the Economic Community of West African States in Accra on Sunday .',
      'He said that the talks with the delegation had gone well and that elections would be held in February next year .',
      'The African Union and the United Nations called for calm , and the streets of Bamako were quiet .',
    ].map((s) => s.split(' '));
    const gated = tagSentences(model, sents);
    const full = tagSentences(model, sents, true, false);
    assert.deepEqual(gated.tags, full.tags);
    assert.ok(gated.tags.some((t) => t.some((x) => x !== 0)), 'names are found');
    // The per-keystroke tagger gates alike: same tags and confidences.
    const cached = tagSentencesCached(model, sents, new TagCache());
    assert.deepEqual(cached.tags, gated.tags);
    assert.deepEqual(cached.confidence, gated.confidence);
    const ungatedCache = tagSentencesCached(model, sents, new TagCache(), false);
    assert.deepEqual(ungatedCache.tags, full.tags);
    assert.deepEqual(ungatedCache.confidence, full.confidence);
    // The confidences of the names differ a little: with the gate, a fixed token's other tags carry no
    // weight in the marginals.
    assert.notDeepEqual(gated.confidence, full.confidence);
  });
});

describe('gated tagging on whole articles', () => {
  // The sample corpus (ours) and the real seed articles when ../shared is there: the gate changes no
  // name, kind or span the engine finds; only the confidences move a little.
  const samples = resolve(__dirname, '..', '..', '..', 'samples', 'corpus');
  const seeds = process.env.NEWS_CORPUS_SHARED ? resolve(process.env.NEWS_CORPUS_SHARED, 'seeds') : resolve(__dirname, '..', '..', '..', '..', 'shared', 'seeds');
  const articles = [
    ...readdirSync(samples, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).map((f) => join(samples, f)),
    ...(existsSync(seeds) ? readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => join(seeds, f)) : []),
  ].sort();

  it('finds the same names, kinds and spans as the ungated engine', () => {
    const model = loadNerModel();
    const gated = createNerEngine(model);
    const full = createNerEngine(model, { gate: false });
    const spans = (ms: EntityMention[]) => ms.map((m) => `${m.start}-${m.end} ${m.kind} ${m.text}`);
    assert.ok(articles.length >= 6, `articles: ${articles.length}`);
    let names = 0;
    for (const file of articles) {
      const text = readFileSync(file, 'utf8');
      const regions = [{ start: 0, end: text.length }];
      const a = gated.recognize(text, regions);
      assert.deepEqual(spans(a), spans(full.recognize(text, regions)), file);
      names += a.length;
    }
    assert.ok(names > 50, `names found: ${names}`);
  });
});
