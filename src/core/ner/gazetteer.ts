// Phrase gazetteers kept as hashes only: a phrase is the mix of the hashes of its
// folded tokens, so the model file holds no text. Each entry has a bit mask of
// sources (entity types learnt from training data, places, demonyms, listed organisations, brands);
// PREFIX marks a proper prefix of a longer phrase so matching can stop early.
import { mix } from './hash';

/** Phrase sources; 8 sources * 4 positions fill the 32 match bits of a token. */
export const GAZ_SOURCES = ['PER', 'ORG', 'LOC', 'MISC', 'PLACE', 'DEMONYM', 'ORG_LIST', 'BRAND'] as const;
/** Token-only lists (not phrases): their bits live in Lexicon.tokenTypes only. */
export const TOKEN_SOURCES = { FIRST_NAME: 8, LAST_NAME: 9 } as const;
export const PREFIX = 1 << 30;
export const MAX_PHRASE = 6;
const PHRASE_SEED = 0x2545f491;

export class Gazetteer {
  readonly map = new Map<number, number>();

  /** Adds a phrase given as the hashes of its folded tokens, with source bit `source`. */
  add(tokenHashes: readonly number[], source: number): void {
    if (tokenHashes.length === 0 || tokenHashes.length > MAX_PHRASE) return;
    let h = PHRASE_SEED;
    for (let i = 0; i < tokenHashes.length; i++) {
      h = mix(h, tokenHashes[i]);
      const bit = i === tokenHashes.length - 1 ? 1 << source : PREFIX;
      this.map.set(h, (this.map.get(h) ?? 0) | bit);
    }
  }

  /**
   * For each token, a mask of (source * 4 + position) bits, position 0 = B, 1 = I, 2 = L, 3 = U,
   * over every phrase match that starts at a token for which canStart is true.
   */
  match(tokenHashes: ArrayLike<number>, canStart: (i: number) => boolean, out: Uint32Array): void {
    const n = tokenHashes.length;
    for (let i = 0; i < n; i++) {
      if (!canStart(i)) continue;
      let h = PHRASE_SEED;
      for (let len = 1; len <= MAX_PHRASE && i + len <= n; len++) {
        h = mix(h, tokenHashes[i + len - 1]);
        const v = this.map.get(h);
        if (v === undefined) break;
        const types = v & ~PREFIX;
        if (types) {
          for (let s = 0; s < GAZ_SOURCES.length; s++) {
            if (!(types & (1 << s))) continue;
            if (len === 1) out[i] |= 1 << (s * 4 + 3); // bit 31 makes the int32 negative: Uint32Array keeps it
            else {
              out[i] |= 1 << (s * 4);
              for (let k = i + 1; k < i + len - 1; k++) out[k] |= 1 << (s * 4 + 1);
              out[i + len - 1] |= 1 << (s * 4 + 2);
            }
          }
        }
        if (!(v & PREFIX)) break;
      }
    }
  }

  /** Source bits of the exact phrase (hashes of its folded tokens), 0 when it is not listed. */
  sources(tokenHashes: readonly number[]): number {
    let h = PHRASE_SEED;
    for (const t of tokenHashes) h = mix(h, t);
    return (this.map.get(h) ?? 0) & ~PREFIX;
  }

  /** Serialised as pairs of uint32 (key, value). */
  toUint32(): Uint32Array {
    const out = new Uint32Array(this.map.size * 2);
    let i = 0;
    const keys = [...this.map.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      out[i++] = k >>> 0;
      out[i++] = this.map.get(k)! >>> 0;
    }
    return out;
  }

  static fromUint32(a: Uint32Array): Gazetteer {
    const g = new Gazetteer();
    for (let i = 0; i + 1 < a.length; i += 2) g.map.set(a[i], a[i + 1]);
    return g;
  }
}
