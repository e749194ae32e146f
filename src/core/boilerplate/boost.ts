// Small gradient-boosted trees (depth 2, logistic loss, histogram splits) for
// the line model: boilerplate depends on combinations of features (a short
// line is fine inside the body, not after it) that a linear model misses.
// Deterministic: quantile bins and a fixed scan order, no sampling.

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
}

export const DEFAULT_BOOST: BoostOptions = { rounds: 250, learningRate: 0.1, lambda: 1, minLeaf: 20, bins: 32 };

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

export function trainBoosted(X: number[][], y: number[], sw: number[], opts: BoostOptions = DEFAULT_BOOST): BoostedTrees {
  const n = X.length;
  const d = X[0]?.length ?? 0;
  // Quantile thresholds per feature.
  const thresholds: number[][] = [];
  const binned: Uint8Array[] = [];
  for (let f = 0; f < d; f++) {
    const vals = X.map((r) => r[f]).sort((a, b) => a - b);
    const th: number[] = [];
    for (let b = 1; b < opts.bins; b++) {
      const v = vals[Math.floor((b * (n - 1)) / opts.bins)];
      if (th.length === 0 || v > th[th.length - 1]) th.push(v);
    }
    // Drop a threshold equal to the max (no split possible).
    while (th.length > 0 && th[th.length - 1] >= vals[n - 1]) th.pop();
    thresholds.push(th);
    const col = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = X[i][f];
      let b = 0;
      while (b < th.length && v > th[b]) b++;
      col[i] = b;
    }
    binned.push(col);
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
  const G = new Float64Array(nb);
  const H = new Float64Array(nb);

  const bestSplit = (idx: Int32Array | null, count: number): Split | undefined => {
    let best: Split | undefined;
    let gt = 0;
    let ht = 0;
    for (let k = 0; k < count; k++) {
      const i = idx ? idx[k] : k;
      gt += g[i];
      ht += h[i];
    }
    const parent = (gt * gt) / (ht + opts.lambda);
    for (let f = 0; f < d; f++) {
      const th = thresholds[f];
      if (th.length === 0) continue;
      G.fill(0);
      H.fill(0);
      const col = binned[f];
      for (let k = 0; k < count; k++) {
        const i = idx ? idx[k] : k;
        G[col[i]] += g[i];
        H[col[i]] += h[i];
      }
      let gl = 0;
      let hl = 0;
      for (let b = 0; b < th.length; b++) {
        gl += G[b];
        hl += H[b];
        const gr = gt - gl;
        const hr = ht - hl;
        if (hl < opts.minLeaf || hr < opts.minLeaf) continue;
        const gain = (gl * gl) / (hl + opts.lambda) + (gr * gr) / (hr + opts.lambda) - parent;
        if (!best || gain > best.gain + 1e-12) best = { gain, f, bin: b };
      }
    }
    return best && best.gain > 1e-9 ? best : undefined;
  };
  const leaf = (idx: Int32Array): number => {
    let gs = 0;
    let hs = 0;
    for (const i of idx) {
      gs += g[i];
      hs += h[i];
    }
    return (-gs / (hs + opts.lambda)) * opts.learningRate;
  };
  const partition = (idx: Int32Array | null, count: number, s: Split): [Int32Array, Int32Array] => {
    const left: number[] = [];
    const right: number[] = [];
    const col = binned[s.f];
    for (let k = 0; k < count; k++) {
      const i = idx ? idx[k] : k;
      (col[i] <= s.bin ? left : right).push(i);
    }
    return [Int32Array.from(left), Int32Array.from(right)];
  };

  for (let round = 0; round < opts.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(score[i]);
      g[i] = (p - y[i]) * sw[i];
      h[i] = Math.max(1e-6, p * (1 - p)) * sw[i];
    }
    const root = bestSplit(null, n);
    if (!root) break;
    const [li, ri] = partition(null, n, root);
    const child = (idx: Int32Array): TreeNode | number => {
      const s = bestSplit(idx, idx.length);
      if (!s) return leaf(idx);
      const [a, b] = partition(idx, idx.length, s);
      return { f: s.f, t: thresholds[s.f][s.bin], l: leaf(a), r: leaf(b) };
    };
    const tree: TreeNode = { f: root.f, t: thresholds[root.f][root.bin], l: child(li), r: child(ri) };
    trees.push(tree);
    for (let i = 0; i < n; i++) score[i] += treeValue(tree, X[i]);
  }
  return { base, trees: trees.map(roundTree) };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function roundTree(t: TreeNode): TreeNode {
  const r = (x: TreeNode | number): TreeNode | number => (typeof x === 'number' ? round6(x) : roundTree(x));
  return { f: t.f, t: t.t, l: r(t.l), r: r(t.r) };
}
