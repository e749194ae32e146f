// Tagging with reuse across calls, for per-keystroke re-analysis: the decoded tags of a sentence
// are kept under a 64-bit hash of its feature rows (stage 0), and of its feature rows plus its
// document-evidence rows (stage 1). A sentence an edit did not touch has the same rows, so its
// emissions, Viterbi decoding and marginals are not computed again; a sentence whose words or
// document evidence changed gets new rows and is decoded afresh. Because the keys are the feature
// rows themselves, the results are exactly those of tagSentences, whatever features the model uses.
import { prepareDoc, sentenceFeatures, type DocFeatures } from './features';
import type { NerModel } from './model';
import { documentEvidence, type SentenceRows, type TaggedDoc } from './tagger';
import { stageEmissions, tagMarginals, viterbi } from './viterbi';

interface Decoded {
  tags: Uint8Array;
  confidence: Float32Array;
}

/** A bounded map from row hashes to decoded sentences (least recently used entries dropped). */
export class TagCache {
  private readonly map = new Map<string, Decoded>();
  hits = 0;
  misses = 0;

  constructor(readonly maxEntries = 20_000) {}

  get(key: string): Decoded | undefined {
    const v = this.map.get(key);
    if (v) {
      // Refresh recency (Map keeps insertion order).
      this.map.delete(key);
      this.map.set(key, v);
      this.hits++;
    } else this.misses++;
    return v;
  }

  set(key: string, v: Decoded): void {
    this.map.set(key, v);
    if (this.map.size > this.maxEntries) {
      let drop = this.map.size - this.maxEntries;
      for (const k of this.map.keys()) {
        if (drop-- <= 0) break;
        this.map.delete(k);
      }
    }
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

/** Two independent 32-bit hashes of Int32 rows (and their token boundaries), as one string key. */
function rowsKey(prefix: string, rows: Int32Array, offsets: Int32Array, extra?: SentenceRows): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 | 0;
  const feed = (x: number) => {
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995);
    b ^= b >>> 15;
  };
  for (let i = 0; i < rows.length; i++) feed(rows[i]);
  feed(-1);
  for (let i = 0; i < offsets.length; i++) feed(offsets[i]);
  if (extra) {
    feed(-2);
    for (let i = 0; i < extra.rows.length; i++) feed(extra.rows[i]);
    feed(-3);
    for (let i = 0; i < extra.offsets.length; i++) feed(extra.offsets[i]);
  }
  return prefix + (a >>> 0).toString(36) + ':' + (b >>> 0).toString(36);
}

/**
 * The inputs of a sentence's local feature rows: its words, whether it is an all-caps line, and for
 * each token whose features read document-level evidence (sentenceFeatures' docLower template: a
 * capitalised token, or any token of an all-caps line or the first token) whether the document has
 * it in lower case elsewhere and capitalised mid-sentence elsewhere. Equal keys give equal rows.
 */
function featureKey(doc: DocFeatures, si: number, words: readonly string[]): string {
  const s = doc.sentences[si];
  const caps = doc.caps[si];
  let bits = '';
  for (let i = 0; i < s.length; i++) {
    const t = s[i];
    if (t.hasLetter && (caps || i === 0 || t.capFirst)) bits += String.fromCharCode(48 + (doc.lowerSeen.has(t.hL) ? 2 : 0) + (doc.capMidSeen.has(t.hL) ? 1 : 0));
  }
  return (caps ? 'C' : 'c') + bits + '\u0000' + words.join('\u0001');
}

/** Local feature rows of sentences, kept under their featureKey (bounded; least recently used dropped). */
export class FeatureCache {
  private readonly map = new Map<string, SentenceRows>();
  constructor(readonly maxEntries = 20_000) {}
  rows(doc: DocFeatures, si: number, words: readonly string[], compute: () => SentenceRows): SentenceRows {
    const key = featureKey(doc, si, words);
    let v = this.map.get(key);
    if (v) {
      this.map.delete(key);
      this.map.set(key, v);
      return v;
    }
    v = compute();
    this.map.set(key, v);
    if (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value as string);
    return v;
  }
}

const featureCaches = new WeakMap<TagCache, FeatureCache>();

/** tagSentences with reuse of decoded sentences through `cache` (same results). */
export function tagSentencesCached(model: NerModel, sentences: string[][], cache: TagCache): TaggedDoc {
  const lex = model.lexicon;
  const set = model.tagSet;
  const nt = set.tags.length;
  const mask = (1 << model.bits) - 1;
  const doc = prepareDoc(sentences, lex);
  let fc = featureCaches.get(cache);
  if (!fc) featureCaches.set(cache, (fc = new FeatureCache(cache.maxEntries)));
  const features = fc;
  const base = doc.sentences.map((_, si) => features.rows(doc, si, sentences[si], () => sentenceFeatures(doc, si, lex, mask, model.rowIndex)));
  const temperature = typeof model.info.temperature === 'number' ? model.info.temperature : 1;
  let e = new Float32Array(0);
  const two = model.stages.length > 1;
  const decode = (stage: number, si: number, last: boolean, extra?: SentenceRows): Decoded => {
    const f = base[si];
    const n = f.offsets.length - 1;
    if (e.length < n * nt) e = new Float32Array(n * nt * 2);
    const st = model.stages[stage];
    stageEmissions(st, nt, f, extra, e);
    const tags = viterbi(set, e, n, st.trans);
    let confidence: Float32Array = new Float32Array(n);
    if (last) {
      let any = false;
      for (let i = 0; i < n && !any; i++) any = tags[i] !== 0;
      if (any) confidence = tagMarginals(set, e, n, st.trans, tags, temperature);
    }
    return { tags, confidence };
  };
  const keys0 = base.map((f) => rowsKey('0:', f.rows, f.offsets));
  const stage0 = base.map((_, si) => {
    let hit = cache.get(keys0[si]);
    if (!hit) cache.set(keys0[si], (hit = decode(0, si, !two)));
    return hit;
  });
  if (!two) return { tags: stage0.map((d) => d.tags), confidence: stage0.map((d) => d.confidence) };
  const ev = documentEvidence(doc, set, stage0.map((d) => d.tags), mask, model.rowIndex);
  const final = base.map((f, si) => {
    const key = rowsKey('1:', f.rows, f.offsets, ev[si]);
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = decode(1, si, true, ev[si])));
    return hit;
  });
  return { tags: final.map((d) => d.tags), confidence: final.map((d) => d.confidence) };
}
