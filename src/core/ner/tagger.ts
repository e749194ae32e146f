// Tags a document (sentences of tokens) with the model: stage 0 from local
// features, then, when the model has a second stage, again with document-level
// evidence of how stage 0 labelled the same words elsewhere in the document.
import { mix } from './hash';
import { prepareDoc, sentenceFeatures, type DocFeatures, type Lexicon } from './features';
import type { NerModel } from './model';
import { chunksFromTags, type TagSet, type TokenChunk } from './tags';
import { stageEmissions, tagMarginals, viterbi } from './viterbi';

export interface TaggedDoc {
  /** Tag indices per sentence (into model.tagSet.tags). */
  tags: Uint8Array[];
  /** Per-token confidence of the chosen tag, per sentence. */
  confidence: Float32Array[];
}

export interface SentenceRows {
  rows: Int32Array;
  offsets: Int32Array;
}

const TYPE_INDEX: Record<string, number> = { PER: 0, ORG: 1, LOC: 2, MISC: 3 };

/** Reused key buffer for document evidence (copied out per sentence). */
let ebuf = new Int32Array(1 << 12);

/** What document evidence is computed from: stage 0's labels of each folded word and each phrase, document-wide. */
export interface EvidenceTotals {
  /** Per folded word: [PER, ORG, LOC, MISC, occurrences, PER..MISC in mixed-case sentences]. */
  counts: Map<number, Int32Array>;
  /** Per phrase hash (chunks of up to 6 tokens): counts per type. */
  phrases: Map<number, Int32Array>;
  /** Hashes of the proper prefixes of those phrases. */
  prefixes: Set<number>;
  chunks: TokenChunk[][];
  /** Per sentence, per token: type index of the stage-0 chunk it is in, or -1. */
  typeOf: Int8Array[];
}

/** Hash of a phrase of tokens, extended one token at a time from PHRASE_SEED. */
export const PHRASE_SEED = 0x51ed;

/** The document-wide totals of stage 0's labels (chunksOf: chunksFromTags, or a memo of it). */
export function evidenceTotals(
  doc: DocFeatures, set: TagSet, stage0: Uint8Array[], chunksOf: (tags: Uint8Array) => TokenChunk[] = (t) => chunksFromTags(set, t),
): EvidenceTotals {
  const counts = new Map<number, Int32Array>();
  // Grown with push, not made with map (see docFromSentences in features.ts).
  const chunksBySentence: TokenChunk[][] = [];
  const typeOf: Int8Array[] = [];
  for (let si = 0; si < stage0.length; si++) {
    const chunks = chunksOf(stage0[si]);
    chunksBySentence.push(chunks);
    const a = new Int8Array(stage0[si].length).fill(-1);
    for (const c of chunks) for (let i = c.start; i < c.end; i++) a[i] = TYPE_INDEX[c.type] ?? -1;
    typeOf.push(a);
  }
  doc.sentences.forEach((s, si) => {
    for (let i = 0; i < s.length; i++) {
      const t = s[i];
      if (!t.hasLetter) continue;
      let c = counts.get(t.hL);
      if (!c) counts.set(t.hL, (c = new Int32Array(9)));
      c[4]++;
      const ty = typeOf[si][i];
      if (ty >= 0) {
        c[ty]++;
        if (!doc.caps[si]) c[5 + ty]++;
      }
    }
  });
  // Phrases stage 0 recognised anywhere in the document, with counts per type.
  const phrases = new Map<number, Int32Array>();
  const prefixes = new Set<number>();
  chunksBySentence.forEach((chunks, si) => {
    const s = doc.sentences[si];
    for (const c of chunks) {
      if (c.end - c.start > 6) continue;
      let h = PHRASE_SEED;
      for (let i = c.start; i < c.end; i++) {
        h = mix(h, s[i].hL);
        if (i < c.end - 1) prefixes.add(h);
      }
      let v = phrases.get(h);
      if (!v) phrases.set(h, (v = new Int32Array(4)));
      v[TYPE_INDEX[c.type] ?? 0]++;
    }
  });
  return { counts, phrases, prefixes, chunks: chunksBySentence, typeOf };
}

/**
 * Document evidence for the second stage, as feature rows per sentence: how stage-0 tags labelled
 * this folded word across the document (types seen elsewhere, majority, share, in mixed-case
 * sentences), whether a phrase stage 0 recognised elsewhere covers the token (type and position),
 * and the stage-0 tags of the token and its neighbours.
 */
export function documentEvidence(doc: DocFeatures, set: TagSet, stage0: Uint8Array[], mask: number, rowIndex?: Int32Array): SentenceRows[] {
  const totals = evidenceTotals(doc, set, stage0);
  const out: SentenceRows[] = [];
  for (let si = 0; si < doc.sentences.length; si++) out.push(sentenceEvidence(doc, si, stage0[si], totals, mask, rowIndex));
  return out;
}

/** The document-evidence rows of one sentence (see documentEvidence). */
export function sentenceEvidence(doc: DocFeatures, si: number, tags: Uint8Array, totals: EvidenceTotals, mask: number, rowIndex?: Int32Array): SentenceRows {
  const { counts, phrases, prefixes } = totals;
  const s = doc.sentences[si];
  const n = s.length;
  const types = totals.typeOf[si];
  // Phrase evidence per token: how many matches give it (type * 4 + position), position B I L U.
  const phraseHits = new Uint8Array(n * 16);
  if (phrases.size) {
    const own = new Map<number, number>(totals.chunks[si].map((c) => [c.start * 4096 + (c.end - c.start), TYPE_INDEX[c.type] ?? 0]));
    for (let i = 0; i < n; i++) {
      if (!(s[i].capFirst || (doc.caps[si] && s[i].hasLetter))) continue;
      let h = PHRASE_SEED;
      for (let len = 1; len <= 6 && i + len <= n; len++) {
        h = mix(h, s[i + len - 1].hL);
        const v = phrases.get(h);
        if (v) {
          const self = own.get(i * 4096 + len);
          for (let ty = 0; ty < 4; ty++) {
            if (v[ty] - (self === ty ? 1 : 0) <= 0) continue;
            for (let k = i; k < i + len; k++) {
              const pos = len === 1 ? 3 : k === i ? 0 : k === i + len - 1 ? 2 : 1;
              const cell = k * 16 + ty * 4 + pos;
              if (phraseHits[cell] < 255) phraseHits[cell]++;
            }
          }
        }
        if (!prefixes.has(h)) break;
      }
    }
  }
  if (ebuf.length < n * 64 + 16) ebuf = new Int32Array(n * 64 + 1024);
  let len = 0;
  const offsets = new Int32Array(n + 1);
  const key = (k: number): void => {
    const r0 = mix(0x7e57, k) & mask;
    const r = rowIndex ? rowIndex[r0] : r0;
    if (r < 0) return;
    if (len === ebuf.length) {
      const b = new Int32Array(ebuf.length * 2);
      b.set(ebuf);
      ebuf = b;
    }
    ebuf[len++] = r;
  };
  const outside = doc.outside?.[si];
  for (let i = 0; i < n; i++) {
    offsets[i] = len;
    // A token fixed outside any entity (gated tagging) is not scored: no rows.
    if (outside !== undefined && outside[i]) continue;
    const t = s[i];
    if (phrases.size)
      for (let b = 0; b < 16; b++) for (let m = phraseHits[i * 16 + b]; m > 0; m--) key(mix(10, b));
    const ty = types[i];
    key(mix(1, tags[i]));
    key(mix(2, i > 0 ? tags[i - 1] : 99));
    key(mix(3, i + 1 < n ? tags[i + 1] : 99));
    if (!t.hasLetter) continue;
    const c = counts.get(t.hL)!;
    const others = c[4] - 1;
    if (others <= 0) {
      key(mix(4, ty + 1));
      continue;
    }
    // Evidence from the other occurrences (this one's own label left out).
    let otherEnts = 0;
    let ob = -1;
    for (let k = 0; k < 4; k++) {
      const ck = c[k] - (ty === k ? 1 : 0);
      otherEnts += ck;
      if (ck > 0) {
        key(mix(5, k));
        if (ob < 0 || ck > c[ob] - (ty === ob ? 1 : 0)) ob = k;
      }
    }
    key(mix(6, ob + 1));
    key(mix(7, (ob + 1) * 8 + Math.min(4, Math.floor((otherEnts / others) * 4))));
    key(mix(8, (ob + 1) * 8 + (ty + 1)));
    if (doc.caps[si]) {
      let mb = -1;
      for (let k = 0; k < 4; k++) if (c[5 + k] > 0 && (mb < 0 || c[5 + k] > c[5 + mb])) mb = k;
      key(mix(9, mb + 1));
    }
  }
  offsets[n] = len;
  return { rows: ebuf.slice(0, len), offsets };
}

/**
 * Tags sentences. gate (default): plain tokens between plain tokens are fixed at O without being
 * featurised or scored (outsideTokens in features.ts), most function words and common nouns of news
 * prose; false scores every token, as training does.
 */
export function tagSentences(model: NerModel, sentences: string[][], confidence = true, gate = true): TaggedDoc {
  const lex: Lexicon = model.lexicon;
  const set = model.tagSet;
  const nt = set.tags.length;
  const mask = (1 << model.bits) - 1;
  const doc = prepareDoc(sentences, lex, gate);
  const base: SentenceRows[] = [];
  for (let si = 0; si < doc.sentences.length; si++) base.push(sentenceFeatures(doc, si, lex, mask, model.rowIndex));
  let e = new Float32Array(0);
  const temperature = typeof model.info.temperature === 'number' ? model.info.temperature : 1;
  const run = (stage: number, last: boolean, extra?: SentenceRows[]): TaggedDoc => {
    const st = model.stages[stage];
    const tags: Uint8Array[] = [];
    const conf: Float32Array[] = [];
    for (let si = 0; si < base.length; si++) {
      const f = base[si];
      const n = f.offsets.length - 1;
      if (e.length < n * nt) e = new Float32Array(n * nt * 2);
      stageEmissions(st, nt, f, extra?.[si], e);
      const outside = doc.outside?.[si];
      const seq = viterbi(set, e, n, st.trans, outside);
      tags.push(seq);
      if (last && confidence) {
        // Marginals only matter where something was recognised.
        let any = false;
        for (let i = 0; i < n && !any; i++) any = seq[i] !== 0;
        conf.push(any ? tagMarginals(set, e, n, st.trans, seq, temperature, outside) : new Float32Array(n));
      }
    }
    return { tags, confidence: conf };
  };
  const two = model.stages.length > 1;
  let out = run(0, !two);
  if (two) {
    const ev = documentEvidence(doc, set, out.tags, mask, model.rowIndex);
    out = run(1, true, ev);
  }
  return out;
}
