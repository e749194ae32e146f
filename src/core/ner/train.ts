// Averaged structured perceptron over hashed feature rows (Collins 2002), with
// the lazy averaging trick: u accumulates c * update so the average is w - u / c.
// Pure and deterministic: the order of sentences comes from a seeded generator.
import { hashString } from './hash';
import { Gazetteer, GAZ_SOURCES } from './gazetteer';
import { foldToken, type Lexicon } from './features';
import type { Stage } from './model';
import type { TagSet } from './tags';
import { emissions, viterbi } from './viterbi';
import type { SentenceRows } from './tagger';

export interface TrainItem extends SentenceRows {
  gold: Uint8Array;
  extra?: SentenceRows;
}

/** mulberry32: small seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export class PerceptronTrainer {
  readonly nt: number;
  readonly w: Float32Array;
  readonly u: Float64Array;
  readonly tw: Float32Array;
  readonly tu: Float64Array;
  c = 1;
  private e = new Float32Array(0);

  constructor(
    readonly set: TagSet,
    readonly bits: number,
  ) {
    this.nt = set.tags.length;
    this.w = new Float32Array((1 << bits) * this.nt);
    this.u = new Float64Array((1 << bits) * this.nt);
    this.tw = new Float32Array((this.nt + 1) * this.nt);
    this.tu = new Float64Array((this.nt + 1) * this.nt);
  }

  /** One pass over items in the given order; returns the number of sentences with a mistake. */
  epoch(items: readonly TrainItem[]): number {
    const nt = this.nt;
    let mistakes = 0;
    for (const it of items) {
      const n = it.gold.length;
      if (n === 0) continue;
      if (this.e.length < n * nt) this.e = new Float32Array(n * nt * 2);
      const e = emissions(this.w, nt, it.rows, it.offsets, this.e);
      if (it.extra) emissions(this.w, nt, it.extra.rows, it.extra.offsets, e, true);
      const pred = viterbi(this.set, e, n, this.tw);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = it.gold[i];
        const p = pred[i];
        const gp = i > 0 ? it.gold[i - 1] : nt;
        const pp = i > 0 ? pred[i - 1] : nt;
        if (g !== p) {
          wrong = true;
          this.updateRows(it.rows, it.offsets, i, g, p);
          if (it.extra) this.updateRows(it.extra.rows, it.extra.offsets, i, g, p);
        }
        if (g !== p || gp !== pp) {
          this.tw[gp * nt + g] += 1;
          this.tu[gp * nt + g] += this.c;
          this.tw[pp * nt + p] -= 1;
          this.tu[pp * nt + p] -= this.c;
        }
      }
      if (wrong) mistakes++;
      this.c++;
    }
    return mistakes;
  }

  private updateRows(rows: Int32Array, offsets: Int32Array, i: number, g: number, p: number): void {
    const nt = this.nt;
    const c = this.c;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const r = rows[k] * nt;
      this.w[r + g] += 1;
      this.u[r + g] += c;
      this.w[r + p] -= 1;
      this.u[r + p] -= c;
    }
  }

  /** The averaged weights as a stage. */
  averaged(): Stage {
    const weights = new Float32Array(this.w.length);
    for (let i = 0; i < weights.length; i++) weights[i] = this.w[i] - this.u[i] / this.c;
    const trans = new Float32Array(this.tw.length);
    for (let i = 0; i < trans.length; i++) trans[i] = this.tw[i] - this.tu[i] / this.c;
    return { weights, scale: 1, trans };
  }
}

export interface LexiconEntry {
  /** Tokens of the phrase as written (they are folded here). */
  tokens: string[];
  /**
   * Index into GAZ_SOURCES (0 PER, 1 ORG, 2 LOC, 3 MISC from training data; 4 PLACE, 5 DEMONYM,
   * 6 ORG_LIST, 7 BRAND from lists), or a TOKEN_SOURCES value (first and last names: token bits only).
   */
  source: number;
}

/** Builds the hashed lexicon: phrases into the gazetteer, each token's source bits into tokenTypes. */
export function buildLexicon(entries: Iterable<LexiconEntry>): Lexicon {
  const gazetteer = new Gazetteer();
  const tokenTypes = new Map<number, number>();
  for (const e of entries) {
    if (e.source < 0 || e.source > 30) continue;
    const hashes = e.tokens.map((t) => hashString(foldToken(t)));
    if (e.source < GAZ_SOURCES.length) gazetteer.add(hashes, e.source);
    for (const h of hashes) tokenTypes.set(h, (tokenTypes.get(h) ?? 0) | (1 << e.source));
  }
  return { gazetteer, tokenTypes };
}
