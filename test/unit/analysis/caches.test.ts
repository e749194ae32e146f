// The caches of per-keystroke re-analysis, one by one: bounded, keyed by their exact inputs, and
// giving the results of computing afresh.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_MODEL } from '../../../src/core/boilerplate/engine';
import { articleFeatures, lineLocal } from '../../../src/core/boilerplate/features';
import { BoilerplateCache, scoreArticleCached } from '../../../src/core/boilerplate/incremental';
import { scoreArticle, type BoilerplateModel } from '../../../src/core/boilerplate/model';
import { lineKey } from '../../../src/core/boilerplate/templates';
import { createNerEngine, sentencesOf } from '../../../src/core/ner';
import { TagCache, tagSentencesCached } from '../../../src/core/ner/incremental';
import { tagSentences } from '../../../src/core/ner/tagger';
import { LruMap } from '../../../src/core/text/lru';
import { loadNerModel } from '../../../src/node/nerModel';

const FIX = path.join(__dirname, '..', '..', 'fixtures');
const article = fs.readFileSync(path.join(FIX, 'workspace', 'corpus', 'site-b', 'border-patrols.txt'), 'utf8');
const insertAt = (text: string, at: number, s: string) => text.slice(0, at) + s + text.slice(at);

describe('LruMap', () => {
  it('with weights, holds at most its bound of weight', () => {
    const m = new LruMap<string, string>(100, (v) => v.length);
    for (let i = 0; i < 50; i++) {
      m.set(`k${i}`, 'x'.repeat(10 + (i % 7)));
      assert.ok(m.weight <= 100, `weight ${m.weight}`);
    }
    assert.ok(m.get('k49'));
    assert.strictEqual(m.get('k0'), undefined);
  });

  it('holds at most its bound, keeps what is in use and drops what is not', () => {
    const m = new LruMap<string, number>(4);
    for (let i = 0; i < 4; i++) m.set(`k${i}`, i);
    for (let i = 4; i < 40; i++) {
      assert.strictEqual(m.get('k0'), 0, `k0 in use at ${i}`);
      m.set(`k${i}`, i);
      assert.ok(m.size <= 4, `size ${m.size}`);
    }
    assert.strictEqual(m.get('k5'), undefined);
    assert.strictEqual(m.get('k39'), 39);
    m.set('k39', 1);
    assert.strictEqual(m.get('k39'), 1);
    m.clear();
    assert.strictEqual(m.size, 0);
  });
});

describe('boilerplate cache', () => {
  const lines = (t: string) => t.split('\n');

  it('keeps line features and keys per line text, within its bound', () => {
    const c = new BoilerplateCache(60);
    const a = c.line('Share this article on Facebook');
    assert.strictEqual(c.line('Share this article on Facebook'), a);
    assert.deepStrictEqual(a, lineLocal('Share this article on Facebook'));
    assert.strictEqual(c.hits, 1);
    assert.strictEqual(c.key('Read more »'), lineKey('Read more »'));
    for (let i = 0; i < 10; i++) c.line(`line ${i}`);
    assert.ok(c.size <= 60 / 7, `${c.size} lines of 7 characters within 60`);
  });

  it('articleFeatures with kept line features equals articleFeatures afresh', () => {
    const c = new BoilerplateCache();
    articleFeatures(lines(article), (r) => c.line(r));
    const edited = lines(insertAt(article, 200, 'e'));
    assert.deepStrictEqual(articleFeatures(edited, (r) => c.line(r)), articleFeatures(edited));
  });

  it('rescoring after an edit reuses the lines whose rows score the same, with the scores of scoring afresh', () => {
    const c = new BoilerplateCache();
    let text = article;
    scoreArticleCached(DEFAULT_MODEL, lines(text), c);
    for (const [at, s] of [[100, 'e'], [900, '\n\nRead more: related story\n'], [10, 'X'], [text.length, '\n© 2025 Sahel Daily']] as const) {
      text = insertAt(text, Math.min(at, text.length), s);
      const before = c.hits;
      assert.deepStrictEqual(scoreArticleCached(DEFAULT_MODEL, lines(text), c), scoreArticle(DEFAULT_MODEL, lines(text)));
      assert.ok(c.hits > before, 'scores reused');
    }
  });

  it('a linear stage reuses only identical rows, with the same scores', () => {
    const width = DEFAULT_MODEL.featureNames.length;
    const w = Array.from({ length: width }, (_, i) => ((i * 37) % 11) / 10 - 0.5);
    const w2 = Array.from({ length: width + DEFAULT_MODEL.contextNames.length }, (_, i) => ((i * 13) % 7) / 10 - 0.3);
    const linear: BoilerplateModel = { ...DEFAULT_MODEL, stage1: { kind: 'lr', w }, stage2: { kind: 'lr', w: w2 } };
    const c = new BoilerplateCache();
    scoreArticleCached(linear, lines(article), c);
    const edited = lines(insertAt(article, 300, 'e'));
    assert.deepStrictEqual(scoreArticleCached(linear, edited, c), scoreArticle(linear, edited));
  });

  it('keeps at most its bound of article versions, and one article does not disturb another', () => {
    const c = new BoilerplateCache(20_000, 2);
    const other = lines('Headline of another story\n\nA paragraph of prose that goes on for a while, long enough to read as prose to the model.\n\nShare this\n');
    scoreArticleCached(DEFAULT_MODEL, lines(article), c);
    scoreArticleCached(DEFAULT_MODEL, other, c);
    scoreArticleCached(DEFAULT_MODEL, lines(insertAt(article, 50, 'a')), c);
    assert.deepStrictEqual(scoreArticleCached(DEFAULT_MODEL, other, c), scoreArticle(DEFAULT_MODEL, other));
  });
});

describe('tagging caches', () => {
  const model = loadNerModel();
  const words = (text: string) => sentencesOf(text, [{ start: 0, end: text.length }]).map((s) => s.map((t) => t.text));

  it('keeps a sentence decoded when its document evidence did not change, and decodes it again when it did', () => {
    const cache = new TagCache();
    tagSentencesCached(model, words(article), cache);
    // A new sentence naming a word the article already has changes that word's evidence elsewhere.
    for (const add of [' The weather was fine.', ' Goïta spoke in Bamako again.', ' ECOWAS']) {
      const text = article + add;
      const before = cache.hits;
      const got = tagSentencesCached(model, words(text), cache);
      const fresh = tagSentences(model, words(text));
      assert.deepStrictEqual(got, fresh, add);
      assert.ok(cache.hits > before);
    }
  });

  it('the same words in new arrays find their entries (the key is the words, not the array)', () => {
    const cache = new TagCache();
    tagSentencesCached(model, words(article), cache);
    const misses = cache.misses;
    tagSentencesCached(model, words(article), cache);
    assert.strictEqual(cache.misses, misses);
  });

  it('a word holding a line break cannot pass for two words', () => {
    const cache = new TagCache();
    const a = tagSentencesCached(model, [['Niger\nMali']], cache);
    const b = tagSentencesCached(model, [['Niger', 'Mali']], cache);
    assert.deepStrictEqual(a, tagSentences(model, [['Niger\nMali']]));
    assert.deepStrictEqual(b, tagSentences(model, [['Niger', 'Mali']]));
  });

  it('the entity engine keeps a region\'s sentences under its text and what follows it', () => {
    const cached = createNerEngine(model, { cache: new TagCache() });
    const plain = createNerEngine(model);
    // The same region text, once followed by a full stop (an initial) and once not.
    for (const text of ['Talks with J. Smith in Bamako', 'Talks with J.\nSmith in Bamako', 'Talks with J Smith in Bamako', 'Talks with J. Smith in Bamako']) {
      const regions = [{ start: 0, end: 12 }, { start: 13, end: text.length }];
      assert.deepStrictEqual(cached.recognize(text, regions), plain.recognize(text, regions), text);
      assert.deepStrictEqual(cached.recognize(text, [{ start: 0, end: text.length }]), plain.recognize(text, [{ start: 0, end: text.length }]), text);
    }
    // "U.S" then a full stop past the region: the tokenizer takes the stop into "U.S.".
    for (const text of ['Troops of the U.S. left Niger', 'Troops of the U.S left Niger', 'Troops of the U.S. left Niger']) {
      const regions = [{ start: 0, end: 17 }];
      assert.deepStrictEqual(cached.recognize(text, regions), plain.recognize(text, regions), text);
    }
  });

  it('the entity engine with a small token budget gives the cut results of the engine without cache', () => {
    const cached = createNerEngine(model, { cache: new TagCache(), maxTokens: 40 });
    const plain = createNerEngine(model, { maxTokens: 40 });
    const regions = article.split('\n').reduce<{ start: number; end: number }[]>((acc, l) => {
      const start = acc.length ? acc[acc.length - 1].end + 1 : 0;
      acc.push({ start, end: start + l.length });
      return acc;
    }, []);
    for (let i = 0; i < 3; i++) assert.deepStrictEqual(cached.recognize(article, regions), plain.recognize(article, regions));
  });
});
