// Tagging with reuse across calls, for per-keystroke re-analysis. A sentence's preparation (token
// infos, caps, gazetteer matches) is kept under its words; its local feature rows and stage-0
// decoding under its words and the few document-level bits those rows read. Its stage-1 decoding is
// taken from the closest earlier version of the document when the document evidence it reads
// provably did not change, else looked up under its entry and its evidence rows (compared in full),
// else decoded. A sentence an edit did not touch is thus neither featurised nor decoded again; the
// results are exactly those of tagSentences. A cache serves one model (its lexicon and weights).
import { docFromSentences, prepareSentence, sentenceFeatures, type DocFeatures, type Lexicon, type SentencePrep } from './features';
import { LruMap } from '../text/lru';
import type { NerModel } from './model';
import { evidenceTotals, PHRASE_SEED, sentenceEvidence, type EvidenceTotals, type SentenceRows, type TaggedDoc } from './tagger';
import { mix } from './hash';
import { chunksFromTags, type TokenChunk } from './tags';
import { stageEmissions, tagMarginals, viterbi } from './viterbi';

interface Decoded {
  tags: Uint8Array;
  confidence: Float32Array;
  /** Stage 1: the document-evidence rows it was decoded with. */
  evidence?: SentenceRows;
}

/** A bounded map from row hashes to decoded sentences (least recently used entries dropped: see LruMap). */
export class TagCache {
  private readonly map: LruMap<string, Decoded>;
  hits = 0;
  misses = 0;

  constructor(readonly maxEntries = 20_000) {
    this.map = new LruMap(maxEntries);
  }

  get(key: string): Decoded | undefined {
    const v = this.map.get(key);
    if (v) this.hits++;
    else this.misses++;
    return v;
  }

  set(key: string, v: Decoded): void {
    this.map.set(key, v);
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

/** A sentence's words as one string: joined by a line break, which no token holds (a word that does is quoted). */
function wordsKey(words: readonly string[]): string {
  let plain = true;
  for (let i = 0; i < words.length && plain; i++) plain = !words[i].includes('\n');
  return plain ? words.join('\n') : JSON.stringify(words);
}

/**
 * The document-level inputs of a sentence's local feature rows (sentenceFeatures' docLower
 * template): for each capitalised token, or any token of an all-caps line or the first token,
 * whether the document has it in lower case elsewhere and capitalised mid-sentence elsewhere. With
 * the sentence's words (which give its caps flag and gazetteer matches), equal bits give equal rows.
 */
function docBits(doc: DocFeatures, si: number): string {
  const s = doc.sentences[si];
  const caps = doc.caps[si];
  let bits = '';
  for (let i = 0; i < s.length; i++) {
    const t = s[i];
    if (t.hasLetter && (caps || i === 0 || t.capFirst)) bits += String.fromCharCode(48 + (doc.lowerSeen.has(t.hL) ? 2 : 0) + (doc.capMidSeen.has(t.hL) ? 1 : 0));
  }
  return bits;
}

/** A sentence's local rows for one docBits, with its stage-0 decoding once made. */
interface SentenceEntry {
  /** Unique for the life of the cache: an entry dropped and made again gets a new id. */
  id: number;
  rows: SentenceRows;
  stage0?: Decoded;
}

/** What is kept of a sentence (its words): its preparation, and its entries per docBits. */
interface SentenceLocal {
  prep: SentencePrep;
  entries: Map<string, SentenceEntry>;
}

/** Entries kept per sentence (the docBits a sentence had lately). */
const MAX_BITS = 2;

/**
 * Sentences' preparations and feature entries, found by their words array (the same array again,
 * as the entity engine hands out for an unchanged line) or by the words themselves (bounded in
 * characters of the words; least recently used dropped).
 */
export class FeatureCache {
  private readonly byWords: LruMap<string, SentenceLocal>;
  private readonly byArray = new WeakMap<readonly string[], SentenceLocal>();
  private nextId = 0;
  /** gate: sentences are prepared for gated tagging (outsideTokens), fixed for the cache's life. */
  constructor(readonly maxChars = 2_000_000, readonly gate = true) {
    this.byWords = new LruMap(maxChars, (_, words) => words.length + 1);
  }

  local(words: readonly string[], lex: Lexicon): SentenceLocal {
    let v = this.byArray.get(words);
    if (v) return v;
    const key = wordsKey(words);
    v = this.byWords.get(key);
    if (!v) this.byWords.set(key, (v = { prep: prepareSentence(words, lex, this.gate), entries: new Map() }));
    this.byArray.set(words, v);
    return v;
  }

  /** The entry of a sentence for the document-level bits it reads in `doc`. */
  entry(local: SentenceLocal, doc: DocFeatures, si: number, compute: () => SentenceRows): SentenceEntry {
    const bits = docBits(doc, si);
    let e = local.entries.get(bits);
    if (!e) {
      local.entries.set(bits, (e = { id: this.nextId++, rows: compute() }));
      if (local.entries.size > MAX_BITS) local.entries.delete(local.entries.keys().next().value as string);
    }
    return e;
  }
}

/** The stage-1 result of a tagged version of a document: its totals, and each sentence's final decoding. */
interface EvidenceState {
  totals: EvidenceTotals;
  finals: Map<SentenceEntry, Decoded>;
}

/** What a TagCache keeps besides its stage-1 decodings. */
interface CacheContext {
  features: FeatureCache;
  /** chunksFromTags of stage-0 tags (kept with the tags, which live in their sentence's entry). */
  chunks: WeakMap<Uint8Array, TokenChunk[]>;
  /** The latest tagged versions (one per document being edited), most recent last. */
  states: EvidenceState[];
}

const MAX_STATES = 3;
const contexts = new WeakMap<TagCache, CacheContext>();

function sameInts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Keys whose values differ between two maps (present in one only, or with other counts). */
function changedKeys(a: Map<number, Int32Array>, b: Map<number, Int32Array>, out: Set<number>): Set<number> {
  for (const [k, v] of b) {
    const o = a.get(k);
    if (!o || !sameInts(o, v)) out.add(k);
  }
  for (const k of a.keys()) if (!b.has(k)) out.add(k);
  return out;
}

/**
 * Whether a sentence's document evidence is provably what it was in the earlier version: no folded
 * word of it has other counts, and no phrase lookup it makes (up to where either version's prefixes
 * stop it) finds another count or another prefix answer. With the same tokens, caps and stage-0
 * tags (the same entry), sentenceEvidence then computes the same rows.
 */
function sameEvidence(doc: DocFeatures, si: number, words: Set<number>, phrases: Set<number>, a: EvidenceTotals, b: EvidenceTotals): boolean {
  const s = doc.sentences[si];
  for (let i = 0; i < s.length; i++) if (s[i].hasLetter && words.has(s[i].hL)) return false;
  if (phrases.size === 0) return true;
  for (let i = 0; i < s.length; i++) {
    if (!(s[i].capFirst || (doc.caps[si] && s[i].hasLetter))) continue;
    let h = PHRASE_SEED;
    for (let len = 1; len <= 6 && i + len <= s.length; len++) {
      h = mix(h, s[i + len - 1].hL);
      if (phrases.has(h)) return false;
      if (!a.prefixes.has(h) && !b.prefixes.has(h)) break;
    }
  }
  return true;
}

/**
 * tagSentences with reuse of decoded sentences through `cache` (same results). Stage 0 of a sentence
 * is kept with its local rows (its featureKey determines them). Stage 1 of a sentence is taken from
 * the closest earlier version of the document when its evidence provably did not change
 * (sameEvidence), else looked up under the sentence's entry and its evidence rows (compared in full
 * on a hit; the hash only finds the candidate), else decoded.
 */
export function tagSentencesCached(model: NerModel, sentences: string[][], cache: TagCache, gate = true): TaggedDoc {
  const lex = model.lexicon;
  const set = model.tagSet;
  const nt = set.tags.length;
  const mask = (1 << model.bits) - 1;
  let ctx = contexts.get(cache);
  // Sentences' features, bounded in characters of their words: 100 per entry the cache may hold (2,000,000 by default).
  if (!ctx) contexts.set(cache, (ctx = { features: new FeatureCache(cache.maxEntries * 100, gate), chunks: new WeakMap(), states: [] }));
  const { features, chunks } = ctx;
  // Grown with push, not made with map (see docFromSentences).
  const locals: SentenceLocal[] = [];
  const preps: SentencePrep[] = [];
  for (let si = 0; si < sentences.length; si++) {
    const local = features.local(sentences[si], lex);
    locals.push(local);
    preps.push(local.prep);
  }
  const doc = docFromSentences(preps, features.gate);
  const entries: SentenceEntry[] = [];
  for (let si = 0; si < locals.length; si++) entries.push(features.entry(locals[si], doc, si, () => sentenceFeatures(doc, si, lex, mask, model.rowIndex)));
  const temperature = typeof model.info.temperature === 'number' ? model.info.temperature : 1;
  let e = new Float32Array(0);
  const two = model.stages.length > 1;
  const decode = (stage: number, si: number, last: boolean, extra?: SentenceRows): Decoded => {
    const f = entries[si].rows;
    const n = f.offsets.length - 1;
    if (e.length < n * nt) e = new Float32Array(n * nt * 2);
    const st = model.stages[stage];
    stageEmissions(st, nt, f, extra, e);
    const outside = doc.outside?.[si];
    const tags = viterbi(set, e, n, st.trans, outside);
    let confidence: Float32Array = new Float32Array(n);
    if (last) {
      let any = false;
      for (let i = 0; i < n && !any; i++) any = tags[i] !== 0;
      if (any) confidence = tagMarginals(set, e, n, st.trans, tags, temperature, outside);
    }
    return { tags, confidence };
  };
  const stage0: Decoded[] = [];
  const stage0Tags: Uint8Array[] = [];
  for (let si = 0; si < entries.length; si++) {
    const entry = entries[si];
    if (entry.stage0) cache.hits++;
    else {
      cache.misses++;
      entry.stage0 = decode(0, si, !two);
    }
    stage0.push(entry.stage0);
    stage0Tags.push(entry.stage0.tags);
  }
  if (!two) return taggedDoc(stage0);
  const totals = evidenceTotals(doc, set, stage0Tags, (tags) => {
    let c = chunks.get(tags);
    if (!c) chunks.set(tags, (c = chunksFromTags(set, tags)));
    return c;
  });
  // The earlier version sharing most sentences, and what changed in the totals since.
  let prev: EvidenceState | undefined;
  let shared = 0;
  for (const st of ctx.states) {
    let k = 0;
    for (const entry of entries) if (st.finals.has(entry)) k++;
    if (k > shared) {
      prev = st;
      shared = k;
    }
  }
  const words = prev ? changedKeys(prev.totals.counts, totals.counts, new Set()) : undefined;
  let phrases: Set<number> | undefined;
  if (prev) {
    phrases = changedKeys(prev.totals.phrases, totals.phrases, new Set());
    for (const h of totals.prefixes) if (!prev.totals.prefixes.has(h)) phrases.add(h);
    for (const h of prev.totals.prefixes) if (!totals.prefixes.has(h)) phrases.add(h);
  }
  const finals = new Map<SentenceEntry, Decoded>();
  const final: Decoded[] = [];
  for (let si = 0; si < entries.length; si++) {
    const entry = entries[si];
    const earlier = prev?.finals.get(entry);
    if (earlier && prev && words && phrases && sameEvidence(doc, si, words, phrases, prev.totals, totals)) {
      cache.hits++;
      finals.set(entry, earlier);
      final.push(earlier);
      continue;
    }
    const ev = sentenceEvidence(doc, si, stage0[si].tags, totals, mask, model.rowIndex);
    const key = entry.id + ':' + rowsHash(ev);
    let hit = cache.get(key);
    if (hit && !(hit.evidence && sameRows(hit.evidence, ev))) hit = undefined;
    if (!hit) cache.set(key, (hit = { ...decode(1, si, true, ev), evidence: ev }));
    finals.set(entry, hit);
    final.push(hit);
  }
  const i = prev ? ctx.states.indexOf(prev) : -1;
  if (i >= 0) ctx.states.splice(i, 1);
  ctx.states.push({ totals, finals });
  while (ctx.states.length > MAX_STATES) ctx.states.shift();
  return taggedDoc(final);
}

/** The tags and confidences of decoded sentences, as arrays grown with push (see docFromSentences in features.ts). */
function taggedDoc(decoded: readonly Decoded[]): TaggedDoc {
  const tags: Uint8Array[] = [];
  const confidence: Float32Array[] = [];
  for (let i = 0; i < decoded.length; i++) {
    tags.push(decoded[i].tags);
    confidence.push(decoded[i].confidence);
  }
  return { tags, confidence };
}
