// Emission scoring over hashed feature rows and first-order Viterbi decoding
// with the tag set's constraints (no I- after O, and so on).
import type { Stage } from './model';
import type { TagSet } from './tags';

export interface RowsLike {
  rows: Int32Array;
  offsets: Int32Array;
}

/** Emission scores of a stage for a sentence's base rows plus optional extra rows (same layout). */
export function stageEmissions(st: Stage, nt: number, base: RowsLike, extra?: RowsLike, out?: Float32Array): Float32Array {
  const e = emissions(st.weights, nt, base.rows, base.offsets, out);
  if (extra) emissions(st.weights, nt, extra.rows, extra.offsets, e, true);
  if (st.scale !== 1) {
    const m = (base.offsets.length - 1) * nt;
    for (let i = 0; i < m; i++) e[i] *= st.scale;
  }
  return e;
}

/** e[i * nt + t] = sum over token i's feature rows of w[row * nt + t]. */
export function emissions(
  weights: Float32Array | Int16Array,
  nt: number,
  rows: Int32Array,
  offsets: Int32Array,
  out?: Float32Array,
  accumulate = false,
): Float32Array {
  const n = offsets.length - 1;
  const e = out && out.length >= n * nt ? out : new Float32Array(n * nt);
  if (!accumulate || e !== out) e.fill(0, 0, n * nt);
  if (weights instanceof Int16Array) {
    emissions16(weights, nt, rows, offsets, e, n);
    return e;
  }
  for (let i = 0; i < n; i++) {
    const base = i * nt;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const r = rows[k] * nt;
      for (let t = 0; t < nt; t++) e[base + t] += weights[r + t];
    }
  }
  return e;
}

function emissions16(weights: Int16Array, nt: number, rows: Int32Array, offsets: Int32Array, e: Float32Array, n: number): void {
  if (nt === 9) {
    // Unrolled for the BIO tag set (9 tags): the hot loop of tagging.
    for (let i = 0; i < n; i++) {
      const b = i * 9;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0;
      for (let k = offsets[i], end = offsets[i + 1]; k < end; k++) {
        const r = rows[k] * 9;
        a0 += weights[r]; a1 += weights[r + 1]; a2 += weights[r + 2]; a3 += weights[r + 3]; a4 += weights[r + 4];
        a5 += weights[r + 5]; a6 += weights[r + 6]; a7 += weights[r + 7]; a8 += weights[r + 8];
      }
      e[b] += a0; e[b + 1] += a1; e[b + 2] += a2; e[b + 3] += a3; e[b + 4] += a4;
      e[b + 5] += a5; e[b + 6] += a6; e[b + 7] += a7; e[b + 8] += a8;
    }
    return;
  }
  if (nt === 17) {
    // Unrolled for the BILOU tag set (17 tags).
    for (let i = 0; i < n; i++) {
      const b = i * 17;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0, a16 = 0;
      for (let k = offsets[i], end = offsets[i + 1]; k < end; k++) {
        const r = rows[k] * 17;
        a0 += weights[r + 0]; a1 += weights[r + 1]; a2 += weights[r + 2]; a3 += weights[r + 3]; a4 += weights[r + 4]; a5 += weights[r + 5];
        a6 += weights[r + 6]; a7 += weights[r + 7]; a8 += weights[r + 8]; a9 += weights[r + 9]; a10 += weights[r + 10]; a11 += weights[r + 11];
        a12 += weights[r + 12]; a13 += weights[r + 13]; a14 += weights[r + 14]; a15 += weights[r + 15]; a16 += weights[r + 16];
      }
      e[b + 0] += a0; e[b + 1] += a1; e[b + 2] += a2; e[b + 3] += a3; e[b + 4] += a4; e[b + 5] += a5;
      e[b + 6] += a6; e[b + 7] += a7; e[b + 8] += a8; e[b + 9] += a9; e[b + 10] += a10; e[b + 11] += a11;
      e[b + 12] += a12; e[b + 13] += a13; e[b + 14] += a14; e[b + 15] += a15; e[b + 16] += a16;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const base = i * nt;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const r = rows[k] * nt;
      for (let t = 0; t < nt; t++) e[base + t] += weights[r + t];
    }
  }
}

let vScore = new Float64Array(4096);
let vBack = new Uint8Array(4096);

/**
 * Best tag sequence. trans[(prev) * nt + cur] with prev = nt for the sentence start.
 * Disallowed transitions of the tag set are never taken. outside: tokens fixed at O (tag 0) whatever
 * their emissions (gated tagging: see outsideTokens in features.ts).
 */
export function viterbi(set: TagSet, e: Float32Array, n: number, trans: Float32Array, outside?: Uint8Array): Uint8Array {
  const nt = set.tags.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  if (vScore.length < n * nt) {
    vScore = new Float64Array(n * nt * 2);
    vBack = new Uint8Array(n * nt * 2);
  }
  const score = vScore;
  const back = vBack;
  const NEG = -Infinity;
  for (let t = 0; t < nt; t++) score[t] = set.allowed[nt * nt + t] && !(outside?.[0] && t !== 0) ? e[t] + trans[nt * nt + t] : NEG;
  for (let i = 1; i < n; i++) {
    const pb = (i - 1) * nt;
    const cb = i * nt;
    // A token fixed at O: only O is scored (every other tag unreachable).
    const only = outside !== undefined && outside[i] === 1;
    for (let t = 0; t < nt; t++) {
      if (only && t !== 0) {
        score[cb + t] = NEG;
        back[cb + t] = 0;
        continue;
      }
      let best = NEG;
      let arg = 0;
      const preds = set.prev[t];
      for (let q = 0; q < preds.length; q++) {
        const p = preds[q];
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
 * Per-token marginal probability of the given tags under a softmax of the path scores divided by
 * temperature (forward-backward over the allowed transitions). Perceptron scores are not
 * probabilities; temperature is chosen on development data so these read as rough confidences.
 */
export function tagMarginals(set: TagSet, e: Float32Array, n: number, trans: Float32Array, tags: Uint8Array, temperature: number, outside?: Uint8Array): Float32Array {
  const nt = set.tags.length;
  const out = new Float32Array(n);
  if (n === 0) return out;
  const inv = 1 / temperature;
  // Scaled forward-backward in probability space: per-token emission factors are normalised by their
  // maximum and alpha/beta by their sums, so nothing overflows.
  let T = expTrans.get(trans);
  if (!T || T.temperature !== temperature) {
    const t = new Float64Array((nt + 1) * nt);
    for (let i = 0; i < t.length; i++) t[i] = set.allowed[i] ? Math.exp(trans[i] * inv) : 0;
    expTrans.set(trans, (T = { t, temperature }));
  }
  return marginalsWith(set, e, n, T.t, tags, inv, out, outside);
}

const expTrans = new WeakMap<Float32Array, { t: Float64Array; temperature: number }>();
let fbE = new Float64Array(4096);
let fbA = new Float64Array(4096);
let fbB = new Float64Array(4096);

function marginalsWith(set: TagSet, e: Float32Array, n: number, T: Float64Array, tags: Uint8Array, inv: number, out: Float32Array, outside?: Uint8Array): Float32Array {
  const nt = set.tags.length;
  if (fbE.length < n * nt) {
    fbE = new Float64Array(n * nt * 2);
    fbA = new Float64Array(n * nt * 2);
    fbB = new Float64Array(n * nt * 2);
  }
  const E = fbE;
  for (let i = 0; i < n; i++) {
    if (outside !== undefined && outside[i] === 1) {
      // Fixed at O: the other tags have no weight.
      E[i * nt] = 1;
      for (let t = 1; t < nt; t++) E[i * nt + t] = 0;
      continue;
    }
    let m = -Infinity;
    for (let t = 0; t < nt; t++) m = Math.max(m, e[i * nt + t]);
    for (let t = 0; t < nt; t++) E[i * nt + t] = Math.exp((e[i * nt + t] - m) * inv);
  }
  const a = fbA;
  const b = fbB;
  let sum = 0;
  for (let t = 0; t < nt; t++) sum += a[t] = T[nt * nt + t] * E[t];
  for (let t = 0; t < nt; t++) a[t] /= sum || 1;
  for (let i = 1; i < n; i++) {
    sum = 0;
    if (outside !== undefined && outside[i] === 1) {
      // Fixed at O: only O carries weight on.
      let s = 0;
      const preds = set.prev[0];
      for (let q = 0; q < preds.length; q++) s += a[(i - 1) * nt + preds[q]] * T[preds[q] * nt];
      a[i * nt] = 1;
      for (let t = 1; t < nt; t++) a[i * nt + t] = 0;
      if (!(s > 0)) a[i * nt] = 0;
      continue;
    }
    for (let t = 0; t < nt; t++) {
      let s = 0;
      const preds = set.prev[t];
      for (let q = 0; q < preds.length; q++) s += a[(i - 1) * nt + preds[q]] * T[preds[q] * nt + t];
      sum += a[i * nt + t] = s * E[i * nt + t];
    }
    for (let t = 0; t < nt; t++) a[i * nt + t] /= sum || 1;
  }
  for (let t = 0; t < nt; t++) b[(n - 1) * nt + t] = set.allowedEnd[t] ? 1 : 0;
  for (let i = n - 2; i >= 0; i--) {
    sum = 0;
    if (outside !== undefined && outside[i + 1] === 1) {
      // The next token is fixed at O: every tag here leads on only through O.
      const bo = b[(i + 1) * nt];
      for (let p = 0; p < nt; p++) sum += b[i * nt + p] = T[p * nt] * bo;
      for (let p = 0; p < nt; p++) b[i * nt + p] /= sum || 1;
      continue;
    }
    for (let p = 0; p < nt; p++) {
      let s = 0;
      const next = set.next[p];
      for (let q = 0; q < next.length; q++) {
        const t = next[q];
        s += T[p * nt + t] * E[(i + 1) * nt + t] * b[(i + 1) * nt + t];
      }
      sum += b[i * nt + p] = s;
    }
    for (let p = 0; p < nt; p++) b[i * nt + p] /= sum || 1;
  }
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let t = 0; t < nt; t++) z += a[i * nt + t] * b[i * nt + t];
    out[i] = z > 0 ? (a[i * nt + tags[i]] * b[i * nt + tags[i]]) / z : 0;
  }
  return out;
}
