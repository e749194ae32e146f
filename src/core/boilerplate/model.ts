// Two-stage logistic regression over lines: stage 1 scores each line from its
// own and its neighbourhood's features; stage 2 re-scores it from stage 1's
// scores of the lines around it (boilerplate comes in runs). Training is
// plain, deterministic full-batch gradient descent (Adam), here so that the
// training script and the engine share one implementation.
import { compileTrees, flatScore, trainBoosted, type BoostedTrees, type BoostOptions, type FlatTrees } from './boost';
import { articleFeatures, contextFeatures, CONTEXT_NAMES, FEATURE_NAMES, RUN_NAMES, runFeatures, type ArticleFeatures } from './features';

/** One stage: logistic regression weights (first feature = bias) or boosted trees. */
export type Stage = { kind: 'lr'; w: number[] } | { kind: 'gbdt'; trees: BoostedTrees };

export interface BoilerplateModel {
  version: 2;
  featureNames: string[];
  contextNames: string[];
  /** Stage 1 over the line features. */
  stage1: Stage;
  /** Stage 2 over [line features…, logit of stage-1 context figures…]. */
  stage2: Stage;
  /** Stage-2 probability at which a line is called boilerplate (maps to confidence 0.5). */
  threshold: number;
  /** Free text: what the weights were trained on. */
  trainedOn?: string;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q)) / 4;
}

export function dot(w: number[], x: number[]): number {
  let s = 0;
  const n = Math.min(w.length, x.length);
  for (let i = 0; i < n; i++) s += w[i] * x[i];
  return s;
}

export function stage2Rows(rows: number[][], p1: number[]): number[][] {
  const ctx = contextFeatures(p1);
  const runs = runFeatures(p1);
  return rows.map((r, j) => {
    const c = ctx[j];
    // Sized once (pushing onto a copy would grow it twice per row).
    const out = new Array<number>(r.length + c.length + 2);
    let i = 0;
    for (; i < r.length; i++) out[i] = r[i];
    for (let k = 0; k < c.length; k++) out[i++] = logit(c[k]);
    out[i++] = runs[j][0];
    out[i] = runs[j][1];
    return out;
  });
}

export interface ArticleScores {
  features: ArticleFeatures;
  /** Stage-1 probability per non-empty line. */
  p1: number[];
  /** Final probability per non-empty line. */
  p: number[];
}

const compiled = new WeakMap<BoostedTrees, FlatTrees>();

function compiledTrees(trees: BoostedTrees): FlatTrees {
  let c = compiled.get(trees);
  if (!c) {
    c = compileTrees(trees);
    compiled.set(trees, c);
  }
  return c;
}

export function stageProb(stage: Stage, x: number[]): number {
  return sigmoid(stage.kind === 'lr' ? dot(stage.w, x) : flatScore(compiledTrees(stage.trees), x));
}

/** Scores of each non-empty line (see ./incremental for the per-keystroke version with reuse). */
export function scoreArticle(model: BoilerplateModel, lineTexts: string[]): ArticleScores {
  const features = articleFeatures(lineTexts);
  const p1 = features.rows.map((r) => stageProb(model.stage1, r));
  const rows2 = stage2Rows(features.rows, p1);
  const p = rows2.map((r) => stageProb(model.stage2, r));
  return { features, p1, p };
}

/** Confidence 0..1 with the model's threshold mapped to 0.5 (monotone in p). */
export function confidenceOf(model: BoilerplateModel, p: number): number {
  const t = Math.min(0.99, Math.max(0.01, model.threshold));
  return p >= t ? 0.5 + (0.5 * (p - t)) / (1 - t) : (0.5 * p) / t;
}

export interface TrainOptions {
  kind: 'lr' | 'gbdt';
  l2: number;
  epochs: number;
  learningRate: number;
  boost?: BoostOptions;
  /** Exponent of the line length in a line's training weight (default 0.5). */
  lineWeightPower?: number;
}

function trainStage(X: number[][], y: number[], sw: number[], opts: TrainOptions): Stage {
  if (opts.kind === 'gbdt') return { kind: 'gbdt', trees: trainBoosted(X, y, sw, opts.boost) };
  return { kind: 'lr', w: trainLogistic(X, y, sw, opts).map(round6) };
}

/** Weighted L2-regularised logistic regression (bias = feature 0, not regularised). Deterministic. */
export function trainLogistic(X: number[][], y: number[], sw: number[], opts: TrainOptions): number[] {
  const d = X[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0);
  const m = new Array<number>(d).fill(0);
  const v = new Array<number>(d).fill(0);
  const b1 = 0.9;
  const b2 = 0.999;
  let totalW = 0;
  for (const s of sw) totalW += s;
  if (totalW === 0) return w;
  const g = new Array<number>(d);
  for (let t = 1; t <= opts.epochs; t++) {
    g.fill(0);
    for (let i = 0; i < X.length; i++) {
      const x = X[i];
      const err = (sigmoid(dot(w, x)) - y[i]) * sw[i];
      for (let k = 0; k < d; k++) g[k] += err * x[k];
    }
    for (let k = 0; k < d; k++) {
      const gk = g[k] / totalW + (k === 0 ? 0 : opts.l2 * w[k]);
      m[k] = b1 * m[k] + (1 - b1) * gk;
      v[k] = b2 * v[k] + (1 - b2) * gk * gk;
      const mh = m[k] / (1 - Math.pow(b1, t));
      const vh = v[k] / (1 - Math.pow(b2, t));
      w[k] -= (opts.learningRate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return w;
}

export interface TrainingArticle {
  lineTexts: string[];
  /** 1 = boilerplate, per line of lineTexts (blank lines ignored). */
  labels: number[];
  /** Weight of the article's lines (e.g. to balance variants). */
  weight: number;
  /** Factor on the weight of lines labelled article (a source whose article labels follow another convention); default 1. */
  articleWeight?: number;
  /** articleFeatures(lineTexts), when already computed (cross-validation reuses them). */
  features?: ArticleFeatures;
}

/** Training weight of a line of `chars` characters: chars^power (0.5 by default: long lines count more, not linearly). */
export function lineWeight(chars: number, power = 0.5): number {
  const c = Math.max(1, chars);
  return power === 0.5 ? Math.sqrt(c) : Math.pow(c, power);
}

/** Trains both stages on the articles. */
export function trainModel(articles: TrainingArticle[], opts: TrainOptions, threshold = 0.5): BoilerplateModel {
  const feats = articles.map((a) => a.features ?? articleFeatures(a.lineTexts));
  const X: number[][] = [];
  const y: number[] = [];
  const sw: number[] = [];
  const spans: [number, number][] = [];
  feats.forEach((f, i) => {
    const start = X.length;
    for (let j = 0; j < f.infos.length; j++) {
      X.push(f.rows[j]);
      const label = articles[i].labels[f.infos[j].line] ?? 0;
      y.push(label);
      sw.push(articles[i].weight * (label === 0 ? articles[i].articleWeight ?? 1 : 1) * lineWeight(f.infos[j].chars, opts.lineWeightPower));
    }
    spans.push([start, X.length]);
  });
  const stage1 = trainStage(X, y, sw, opts);
  const X2: number[][] = [];
  feats.forEach((f, i) => {
    const [a, b] = spans[i];
    const p1 = X.slice(a, b).map((r) => stageProb(stage1, r));
    X2.push(...stage2Rows(f.rows, p1));
  });
  const stage2 = trainStage(X2, y, sw, opts);
  return { version: 2, featureNames: [...FEATURE_NAMES], contextNames: [...CONTEXT_NAMES, ...RUN_NAMES], stage1, stage2, threshold };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
