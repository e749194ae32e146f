// Small gradient-boosted trees (depth 2 by default, logistic loss, histogram
// splits) for the line model: boilerplate depends on combinations of features
// (a short line is fine inside the body, not after it) that a linear model
// misses. Deterministic: quantile bins, a fixed scan order, and row
// subsampling (when asked for) from a seeded generator.

/** A node: split on feature f at threshold t (x[f] <= t goes left); leaves are numbers (log-odds). */
export interface TreeNode {
  f: number;
  t: number;
  l: TreeNode | number;
  r: TreeNode | number;
}

export interface BoostedTrees {
  base: number;
  trees: TreeNode[];
}

export interface BoostOptions {
  rounds: number;
  learningRate: number;
  /** L2 on leaf values. */
  lambda: number;
  /** Minimum hessian weight per leaf. */
  minLeaf: number;
  bins: number;
  /** Tree depth (default 2). */
  depth?: number;
  /** Share of the rows each round is fitted on (deterministic sampling; default 1, all rows). */
  subsample?: number;
}

export const DEFAULT_BOOST: BoostOptions = { rounds: 250, learningRate: 0.1, lambda: 1, minLeaf: 20, bins: 32, depth: 2, subsample: 1 };

function treeValue(node: TreeNode | number, x: number[]): number {
  while (typeof node !== 'number') node = (x[node.f] ?? 0) <= node.t ? node.l : node.r;
  return node;
}

/**
 * Trees compiled to flat arrays for scoring: node i splits on feature[i] at
 * threshold[i]; a child ≥ 0 is a node, a child < 0 is leaf ~child.
 */
export interface FlatTrees {
  base: number;
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  leaf: Float64Array;
}

export function compileTrees(model: BoostedTrees): FlatTrees {
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const leaf: number[] = [];
  const add = (node: TreeNode | number): number => {
    if (typeof node === 'number') {
      leaf.push(node);
      return ~(leaf.length - 1);
    }
    const i = feature.length;
    feature.push(node.f);
    threshold.push(node.t);
    left.push(0);
    right.push(0);
    left[i] = add(node.l);
    right[i] = add(node.r);
    return i;
  };
  const roots = model.trees.map(add);
  return {
    base: model.base, roots: Int32Array.from(roots), feature: Int32Array.from(feature), threshold: Float64Array.from(threshold),
    left: Int32Array.from(left), right: Int32Array.from(right), leaf: Float64Array.from(leaf),
  };
}

/** Sum of the trees' leaves for x (features beyond x's length read as 0). */
export function flatScore(m: FlatTrees, x: ArrayLike<number>): number {
  let s = m.base;
  const { roots, feature, threshold, left, right, leaf } = m;
  const d = x.length;
  for (let k = 0; k < roots.length; k++) {
    let i = roots[k];
    while (i >= 0) {
      const f = feature[i];
      i = (f < d ? x[f] : 0) <= threshold[i] ? left[i] : right[i];
    }
    s += leaf[~i];
  }
  return s;
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

interface Split {
  gain: number;
  f: number;
  bin: number;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainBoosted(X: number[][], y: number[], sw: number[], opts: BoostOptions = DEFAULT_BOOST): BoostedTrees {
  const n = X.length;
  const d = X[0]?.length ?? 0;
  const depth = opts.depth ?? 2;
  const subsample = opts.subsample ?? 1;
  // Quantile thresholds per feature.
  const thresholds: number[][] = [];
  const binned: Uint8Array[] = [];
  const col = new Float64Array(n);
  for (let f = 0; f < d; f++) {
    for (let i = 0; i < n; i++) col[i] = X[i][f];
    const vals = col.slice().sort();
    const th: number[] = [];
    for (let b = 1; b < opts.bins; b++) {
      const v = vals[Math.floor((b * (n - 1)) / opts.bins)];
      if (th.length === 0 || v > th[th.length - 1]) th.push(v);
    }
    // Drop a threshold equal to the max (no split possible).
    while (th.length > 0 && th[th.length - 1] >= vals[n - 1]) th.pop();
    thresholds.push(th);
    const bins = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = col[i];
      let lo = 0;
      let hi = th.length;
      // First threshold ≥ v (the bin: how many thresholds v exceeds).
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v > th[mid]) lo = mid + 1;
        else hi = mid;
      }
      bins[i] = lo;
    }
    binned.push(bins);
  }
  let wSum = 0;
  let ySum = 0;
  for (let i = 0; i < n; i++) {
    wSum += sw[i];
    ySum += sw[i] * y[i];
  }
  const prior = Math.min(0.999, Math.max(0.001, ySum / Math.max(1e-9, wSum)));
  const base = Math.log(prior / (1 - prior));
  const score = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: TreeNode[] = [];
  const nb = opts.bins + 1;
  const random = rng(0x5eed);

  /** Gradient and hessian histograms of the rows idx, per feature (d × nb). */
  const histograms = (idx: Int32Array): { G: Float64Array; H: Float64Array } => {
    const G = new Float64Array(d * nb);
    const H = new Float64Array(d * nb);
    for (let f = 0; f < d; f++) {
      if (thresholds[f].length === 0) continue;
      const bins = binned[f];
      const off = f * nb;
      for (let k = 0; k < idx.length; k++) {
        const i = idx[k];
        const b = off + bins[i];
        G[b] += g[i];
        H[b] += h[i];
      }
    }
    return { G, H };
  };
  const bestSplit = (G: Float64Array, H: Float64Array, gt: number, ht: number): Split | undefined => {
    let best: Split | undefined;
    const parent = (gt * gt) / (ht + opts.lambda);
    for (let f = 0; f < d; f++) {
      const th = thresholds[f];
      if (th.length === 0) continue;
      const off = f * nb;
      let gl = 0;
      let hl = 0;
      for (let b = 0; b < th.length; b++) {
        gl += G[off + b];
        hl += H[off + b];
        const gr = gt - gl;
        const hr = ht - hl;
        if (hl < opts.minLeaf || hr < opts.minLeaf) continue;
        const gain = (gl * gl) / (hl + opts.lambda) + (gr * gr) / (hr + opts.lambda) - parent;
        if (!best || gain > best.gain + 1e-12) best = { gain, f, bin: b };
      }
    }
    return best && best.gain > 1e-9 ? best : undefined;
  };
  const sums = (idx: Int32Array): [number, number] => {
    let gs = 0;
    let hs = 0;
    for (const i of idx) {
      gs += g[i];
      hs += h[i];
    }
    return [gs, hs];
  };
  const partition = (idx: Int32Array, s: Split): [Int32Array, Int32Array] => {
    const left: number[] = [];
    const right: number[] = [];
    const bins = binned[s.f];
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k];
      (bins[i] <= s.bin ? left : right).push(i);
    }
    return [Int32Array.from(left), Int32Array.from(right)];
  };
  /** Grows a node over idx with its histograms; the smaller child's are built, the other's subtracted. */
  const grow = (idx: Int32Array, hist: { G: Float64Array; H: Float64Array }, level: number): TreeNode | number => {
    const [gt, ht] = sums(idx);
    const leafValue = (-gt / (ht + opts.lambda)) * opts.learningRate;
    if (level >= depth) return leafValue;
    const s = bestSplit(hist.G, hist.H, gt, ht);
    if (!s) return leafValue;
    const [li, ri] = partition(idx, s);
    let lh: { G: Float64Array; H: Float64Array } | undefined;
    let rh: { G: Float64Array; H: Float64Array } | undefined;
    if (level + 1 < depth) {
      const small = li.length <= ri.length ? li : ri;
      const sh = histograms(small);
      const oh = { G: hist.G.slice(), H: hist.H.slice() };
      for (let k = 0; k < oh.G.length; k++) {
        oh.G[k] -= sh.G[k];
        oh.H[k] -= sh.H[k];
      }
      [lh, rh] = small === li ? [sh, oh] : [oh, sh];
    }
    const empty = { G: hist.G, H: hist.H };
    return { f: s.f, t: thresholds[s.f][s.bin], l: grow(li, lh ?? empty, level + 1), r: grow(ri, rh ?? empty, level + 1) };
  };

  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  for (let round = 0; round < opts.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(score[i]);
      g[i] = (p - y[i]) * sw[i];
      h[i] = Math.max(1e-6, p * (1 - p)) * sw[i];
    }
    let idx = all;
    if (subsample < 1) {
      const picked: number[] = [];
      for (let i = 0; i < n; i++) if (random() < subsample) picked.push(i);
      idx = Int32Array.from(picked);
    }
    const tree = grow(idx, histograms(idx), 0);
    if (typeof tree === 'number') break;
    trees.push(tree);
    for (let i = 0; i < n; i++) score[i] += treeValue(tree, X[i]);
  }
  return { base, trees: trees.map(roundTree) };
}

/**
 * The trees as they score when feature f always reads `value`: every split on f is replaced by the
 * branch the value takes (a tree left with a leaf alone adds it to the base), so the trees no longer
 * read f and score every row exactly as the originals score it with x[f] = value.
 */
export function fixFeature(model: BoostedTrees, f: number, value: number): BoostedTrees {
  const fix = (node: TreeNode | number): TreeNode | number => {
    while (typeof node !== 'number' && node.f === f) node = value <= node.t ? node.l : node.r;
    return typeof node === 'number' ? node : { f: node.f, t: node.t, l: fix(node.l), r: fix(node.r) };
  };
  let base = model.base;
  const trees: TreeNode[] = [];
  for (const t of model.trees) {
    const fixed = fix(t);
    if (typeof fixed === 'number') base += fixed;
    else trees.push(fixed);
  }
  return { base, trees };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function roundTree(t: TreeNode): TreeNode {
  const r = (x: TreeNode | number): TreeNode | number => (typeof x === 'number' ? round6(x) : roundTree(x));
  return { f: t.f, t: t.t, l: r(t.l), r: r(t.r) };
}
