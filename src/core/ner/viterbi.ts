// Emission scoring over hashed feature rows and first-order Viterbi decoding
// with the tag set's constraints (no I- after O, and so on).
import type { TagSet } from './tags';

/** e[i * nt + t] = sum over token i's feature rows of w[row * nt + t]. */
export function emissions(
  weights: Float32Array,
  nt: number,
  rows: Int32Array,
  offsets: Int32Array,
  out?: Float32Array,
  accumulate = false,
): Float32Array {
  const n = offsets.length - 1;
  const e = out && out.length >= n * nt ? out : new Float32Array(n * nt);
  if (!accumulate || e !== out) e.fill(0, 0, n * nt);
  for (let i = 0; i < n; i++) {
    const base = i * nt;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const r = rows[k] * nt;
      for (let t = 0; t < nt; t++) e[base + t] += weights[r + t];
    }
  }
  return e;
}

/**
 * Best tag sequence. trans[(prev) * nt + cur] with prev = nt for the sentence start.
 * Disallowed transitions of the tag set are never taken.
 */
export function viterbi(set: TagSet, e: Float32Array, n: number, trans: Float32Array): Uint8Array {
  const nt = set.tags.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * nt);
  const back = new Uint8Array(n * nt);
  const NEG = -Infinity;
  for (let t = 0; t < nt; t++) score[t] = set.allowed[nt * nt + t] ? e[t] + trans[nt * nt + t] : NEG;
  for (let i = 1; i < n; i++) {
    const pb = (i - 1) * nt;
    const cb = i * nt;
    for (let t = 0; t < nt; t++) {
      let best = NEG;
      let arg = 0;
      for (let p = 0; p < nt; p++) {
        if (!set.allowed[p * nt + t]) continue;
        const s = score[pb + p] + trans[p * nt + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[cb + t] = best + e[cb + t];
      back[cb + t] = arg;
    }
  }
  let best = NEG;
  let arg = 0;
  const lb = (n - 1) * nt;
  for (let t = 0; t < nt; t++) {
    if (!set.allowedEnd[t]) continue;
    if (score[lb + t] > best) {
      best = score[lb + t];
      arg = t;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * nt + out[i]];
  return out;
}

/**
 * Per-token confidence of the decoded tags: softmax over the margin between the best score of the
 * chosen tag at the token and the best alternative (a cheap proxy; 0.5 = tie, near 1 = clear).
 */
export function marginConfidence(e: Float32Array, nt: number, i: number, chosen: number): number {
  let alt = -Infinity;
  for (let t = 0; t < nt; t++) if (t !== chosen && e[i * nt + t] > alt) alt = e[i * nt + t];
  const m = e[i * nt + chosen] - alt;
  return 1 / (1 + Math.exp(-m));
}
