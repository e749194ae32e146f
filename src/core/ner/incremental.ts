// Tagging with reuse across calls, for per-keystroke re-analysis: a sentence's local feature rows
// and its stage-0 decoding are kept under the exact inputs of those rows (its words and the few
// document-level bits its features read), its stage-1 decoding under that entry and its
// document-evidence rows (compared in full). A sentence an edit did not touch keeps its inputs, so
// its rows, emissions, Viterbi decoding and marginals are not computed again; a sentence whose words
// or document evidence changed is decoded afresh. The results are exactly those of tagSentences.
import { prepareDoc, sentenceFeatures, type DocFeatures } from './features';
import type { NerModel } from './model';
import { documentEvidence, type SentenceRows, type TaggedDoc } from './tagger';
import { stageEmissions, tagMarginals, viterbi } from './viterbi';

interface Decoded {
  tags: Uint8Array;
  confidence: Float32Array;
  /** Stage 1: the document-evidence rows it was decoded with. */
  evidence?: SentenceRows;
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

/** Two independent 32-bit hashes of Int32 rows and their token boundaries, as one string key. */
function rowsHash(rows: SentenceRows): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 | 0;
  const feed = (x: number) => {
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995);
    b ^= b >>> 15;
  };
  for (let i = 0; i < rows.rows.length; i++) feed(rows.rows[i]);
  feed(-1);
  for (let i = 0; i < rows.offsets.length; i++) feed(rows.offsets[i]);
  return (a >>> 0).toString(36) + ':' + (b >>> 0).toString(36);
}

function sameRows(x: SentenceRows, y: SentenceRows): boolean {
  if (x.rows.length !== y.rows.length || x.offsets.length !== y.offsets.length) return false;
  for (let i = 0; i < x.rows.length; i++) if (x.rows[i] !== y.rows[i]) return false;
  for (let i = 0; i < x.offsets.length; i++) if (x.offsets[i] !== y.offsets[i]) return false;
  return true;
}

/**
 * The inputs of a sentence's local feature rows: its words, whether it is an all-caps line, and for
 * each token whose features read document-level evidence (sentenceFeatures' docLower template: a
 * capitalised token, or any token of an all-caps line or the first token) whether the document has
 * it in lower case elsewhere and capitalised mid-sentence elsewhere. Equal keys give equal rows.
 * Words are joined by a line break, which no token holds (a word that does is quoted instead).
 */
function featureKey(doc: DocFeatures, si: number, words: readonly string[]): string {
  const s = doc.sentences[si];
  const caps = doc.caps[si];
  let bits = '';
  for (let i = 0; i < s.length; i++) {
    const t = s[i];
    if (t.hasLetter && (caps || i === 0 || t.capFirst)) bits += String.fromCharCode(48 + (doc.lowerSeen.has(t.hL) ? 2 : 0) + (doc.capMidSeen.has(t.hL) ? 1 : 0));
  }
  let plain = true;
  for (let i = 0; i < words.length && plain; i++) plain = !words[i].includes('\n');
  return (caps ? 'C' : 'c') + bits + '\u0000' + (plain ? words.join('\n') : JSON.stringify(words));
}

/** A sentence's local rows under its featureKey, with its stage-0 decoding once made. */
interface SentenceEntry {
  /** Unique for the life of the cache: an entry dropped and made again gets a new id. */
  id: number;
  rows: SentenceRows;
  stage0?: Decoded;
}

/** Local feature rows (and stage-0 decodings) of sentences under their featureKey (bounded; least recently used dropped). */
export class FeatureCache {
  private readonly map = new Map<string, SentenceEntry>();
  private nextId = 0;
  constructor(readonly maxEntries = 20_000) {}
  entry(doc: DocFeatures, si: number, words: readonly string[], compute: () => SentenceRows): SentenceEntry {
    const key = featureKey(doc, si, words);
    let v = this.map.get(key);
    if (v) {
      this.map.delete(key);
      this.map.set(key, v);
      return v;
    }
    v = { id: this.nextId++, rows: compute() };
    this.map.set(key, v);
    if (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value as string);
    return v;
  }
  get size(): number {
    return this.map.size;
  }
}

const featureCaches = new WeakMap<TagCache, FeatureCache>();

/**
 * tagSentences with reuse of decoded sentences through `cache` (same results). Stage 0 of a sentence
 * is kept with its local rows (its featureKey determines them); stage 1 under the sentence's entry
 * and its document-evidence rows, compared in full on a hit (the hash only finds the candidate).
 */
export function tagSentencesCached(model: NerModel, sentences: string[][], cache: TagCache): TaggedDoc {
  const lex = model.lexicon;
  const set = model.tagSet;
  const nt = set.tags.length;
  const mask = (1 << model.bits) - 1;
  const doc = prepareDoc(sentences, lex);
  let fc = featureCaches.get(cache);
  if (!fc) featureCaches.set(cache, (fc = new FeatureCache(cache.maxEntries)));
  const features = fc;
  const entries = doc.sentences.map((_, si) => features.entry(doc, si, sentences[si], () => sentenceFeatures(doc, si, lex, mask, model.rowIndex)));
  const temperature = typeof model.info.temperature === 'number' ? model.info.temperature : 1;
  let e = new Float32Array(0);
  const two = model.stages.length > 1;
  const decode = (stage: number, si: number, last: boolean, extra?: SentenceRows): Decoded => {
    const f = entries[si].rows;
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
  const stage0 = entries.map((entry, si) => {
    if (entry.stage0) cache.hits++;
    else {
      cache.misses++;
      entry.stage0 = decode(0, si, !two);
    }
    return entry.stage0;
  });
  if (!two) return { tags: stage0.map((d) => d.tags), confidence: stage0.map((d) => d.confidence) };
  const ev = documentEvidence(doc, set, stage0.map((d) => d.tags), mask, model.rowIndex);
  const final = entries.map((entry, si) => {
    const key = entry.id + ':' + rowsHash(ev[si]);
    let hit = cache.get(key);
    if (hit && !(hit.evidence && sameRows(hit.evidence, ev[si]))) hit = undefined;
    if (!hit) cache.set(key, (hit = { ...decode(1, si, true, ev[si]), evidence: ev[si] }));
    return hit;
  });
  return { tags: final.map((d) => d.tags), confidence: final.map((d) => d.confidence) };
}
