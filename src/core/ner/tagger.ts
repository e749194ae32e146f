// Tags a document (sentences of tokens) with the model: stage 0 from local
// features, then, when the model has a second stage, again with document-level
// evidence of how stage 0 labelled the same words elsewhere in the document.
import { mix } from './hash';
import { prepareDoc, sentenceFeatures, type DocFeatures, type Lexicon } from './features';
import type { NerModel } from './model';
import { chunksFromTags, type TagSet } from './tags';
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

/**
 * Document evidence for the second stage: per sentence, per token, keys describing how stage-0 tags
 * labelled this folded word across the document (types seen, majority, in mixed-case sentences),
 * and the stage-0 tags of the token and its neighbours.
 */
export function documentEvidence(doc: DocFeatures, set: TagSet, stage0: Uint8Array[]): number[][][] {
  // Per folded word: counts of types over tokens inside predicted chunks, and occurrences.
  const counts = new Map<number, Int32Array>(); // [PER, ORG, LOC, MISC, occurrences, mixed-case PER..MISC]
  const typeOf: Int8Array[] = stage0.map((tags, si) => {
    const a = new Int8Array(tags.length).fill(-1);
    for (const c of chunksFromTags(set, tags)) for (let i = c.start; i < c.end; i++) a[i] = TYPE_INDEX[c.type] ?? -1;
    void si;
    return a;
  });
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
  // Phrases stage 0 recognised anywhere in the document, with counts per type; matched again
  // everywhere so a name recognised once informs its other mentions.
  const phrases = new Map<number, Int32Array>();
  const prefixes = new Set<number>();
  const chunksBySentence = stage0.map((tags) => chunksFromTags(set, tags));
  chunksBySentence.forEach((chunks, si) => {
    const s = doc.sentences[si];
    for (const c of chunks) {
      if (c.end - c.start > 6) continue;
      let h = 0x51ed;
      for (let i = c.start; i < c.end; i++) {
        h = mix(h, s[i].hL);
        if (i < c.end - 1) prefixes.add(h);
      }
      let v = phrases.get(h);
      if (!v) phrases.set(h, (v = new Int32Array(4)));
      v[TYPE_INDEX[c.type] ?? 0]++;
    }
  });
  const phraseKeys: number[][][] = doc.sentences.map((s, si) => {
    const keys: number[][] = s.map(() => []);
    const own = new Map<number, number>(chunksBySentence[si].map((c) => [c.start * 4096 + (c.end - c.start), TYPE_INDEX[c.type] ?? 0]));
    for (let i = 0; i < s.length; i++) {
      if (!(s[i].capFirst || (doc.caps[si] && s[i].hasLetter))) continue;
      let h = 0x51ed;
      for (let len = 1; len <= 6 && i + len <= s.length; len++) {
        h = mix(h, s[i + len - 1].hL);
        const v = phrases.get(h);
        if (v) {
          const self = own.get(i * 4096 + len);
          for (let ty = 0; ty < 4; ty++) {
            if (v[ty] - (self === ty ? 1 : 0) <= 0) continue;
            for (let k = i; k < i + len; k++) {
              const pos = len === 1 ? 3 : k === i ? 0 : k === i + len - 1 ? 2 : 1;
              keys[k].push(mix(10, ty * 4 + pos));
            }
          }
        }
        if (!prefixes.has(h)) break;
      }
    }
    return keys;
  });
  return doc.sentences.map((s, si) =>
    s.map((t, i) => {
      const keys: number[] = phraseKeys[si][i];
      const ty = typeOf[si][i];
      keys.push(mix(1, stage0[si][i]));
      keys.push(mix(2, i > 0 ? stage0[si][i - 1] : 99));
      keys.push(mix(3, i + 1 < s.length ? stage0[si][i + 1] : 99));
      if (!t.hasLetter) return keys;
      const c = counts.get(t.hL)!;
      let ents = 0;
      let best = -1;
      for (let k = 0; k < 4; k++) {
        ents += c[k];
        if (c[k] > 0 && (best < 0 || c[k] > c[best])) best = k;
      }
      const others = c[4] - 1;
      if (others <= 0) {
        keys.push(mix(4, ty + 1));
        return keys;
      }
      // Evidence from the other occurrences (this one's own label left out).
      const own = ty;
      const otherCounts = [0, 0, 0, 0];
      for (let k = 0; k < 4; k++) otherCounts[k] = c[k] - (own === k ? 1 : 0);
      const otherEnts = ents - (own >= 0 ? 1 : 0);
      let ob = -1;
      for (let k = 0; k < 4; k++) if (otherCounts[k] > 0 && (ob < 0 || otherCounts[k] > otherCounts[ob])) ob = k;
      for (let k = 0; k < 4; k++) if (otherCounts[k] > 0) keys.push(mix(5, k));
      keys.push(mix(6, ob + 1));
      const frac = otherEnts / others;
      keys.push(mix(7, (ob + 1) * 8 + Math.min(4, Math.floor(frac * 4))));
      keys.push(mix(8, (ob + 1) * 8 + (ty + 1)));
      if (doc.caps[si]) {
        let mb = -1;
        for (let k = 0; k < 4; k++) if (c[5 + k] > 0 && (mb < 0 || c[5 + k] > c[5 + mb])) mb = k;
        keys.push(mix(9, mb + 1));
      }
      void best;
      return keys;
    }),
  );
}

/** Rows for evidence keys, in the same layout as sentenceFeatures. */
export function evidenceRows(keys: number[][], mask: number, rowIndex?: Int32Array): SentenceRows {
  const offsets = new Int32Array(keys.length + 1);
  let n = 0;
  for (let i = 0; i < keys.length; i++) n += keys[i].length;
  const rows = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < keys.length; i++) {
    offsets[i] = k;
    for (const key of keys[i]) {
      const h = mix(0x7e57, key) & mask;
      const r = rowIndex ? rowIndex[h] : h;
      if (r >= 0) rows[k++] = r;
    }
  }
  offsets[keys.length] = k;
  return { rows: rows.subarray(0, k), offsets };
}

/** Tags sentences of one document. With confidence = false, confidence arrays are empty (faster). */
export function tagSentences(model: NerModel, sentences: string[][], confidence = true): TaggedDoc {
  const lex: Lexicon = model.lexicon;
  const set = model.tagSet;
  const nt = set.tags.length;
  const mask = (1 << model.bits) - 1;
  const doc = prepareDoc(sentences, lex);
  const base = doc.sentences.map((_, si) => sentenceFeatures(doc, si, lex, mask, model.rowIndex));
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
      const seq = viterbi(set, e, n, st.trans);
      tags.push(seq);
      if (last && confidence) {
        // Marginals only matter where something was recognised.
        let any = false;
        for (let i = 0; i < n && !any; i++) any = seq[i] !== 0;
        conf.push(any ? tagMarginals(set, e, n, st.trans, seq, temperature) : new Float32Array(n));
      }
    }
    return { tags, confidence: conf };
  };
  const two = model.stages.length > 1;
  let out = run(0, !two);
  if (two) {
    const ev = documentEvidence(doc, set, out.tags).map((k) => evidenceRows(k, mask, model.rowIndex));
    out = run(1, true, ev);
  }
  return out;
}

