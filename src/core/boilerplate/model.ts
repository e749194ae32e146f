// Two-stage line model (boosted trees or logistic regression): stage 1 scores
// each line from its own and its neighbourhood's features; stage 2 re-scores
// it from stage 1's scores of the lines around it (boilerplate comes in runs).
// A model may add a third stage over stage 2's scores and a decoding of the
// final scores as runs (smoothRuns); the shipped one has neither. Training is
// deterministic, here so that the training script and the engine share one
// implementation.
import { compileTrees, fixFeature, flatScore, trainBoosted, type BoostedTrees, type BoostOptions, type FlatTrees } from './boost';
import { anchorFeatures, ANCHOR_NAMES, articleFeatures, contextFeatures, CONTEXT_NAMES, FEATURE_NAMES, RUN_NAMES, runFeatures, type ArticleFeatures, type LineInfo } from './features';

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
  /** Stage 2 also reads the line's place among stage 1's sure article lines (stage2Rows with anchors). */
  stage2Anchors?: boolean;
  /** Optional stage 3 over [stage-2 rows…, logit of stage-2 context figures…, stage-2 runs, anchors of stage 2] (stage3Rows). */
  stage3?: Stage;
  /** Names of the columns stage 3 adds to the stage-2 row (of stage 2's scores). */
  stage3Names?: string[];
  /** Optional decoding of the last stage's scores as runs (smoothRuns): the cost of a switch between boilerplate and article. */
  switchCost?: number;
  /** Final probability at which a line is called boilerplate (maps to confidence 0.5). */
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

/** Rows of stage 2: a line's row, then stage 1's scores around it and their runs; with `infos`, also its place among stage 1's sure article lines (anchorFeatures). */
export function stage2Rows(rows: number[][], p1: number[], infos?: readonly LineInfo[]): number[][] {
  const ctx = contextFeatures(p1);
  const runs = runFeatures(p1);
  const anchors = infos ? anchorFeatures(p1, infos) : undefined;
  const extra = anchors ? ANCHOR_NAMES.length : 0;
  return rows.map((r, j) => {
    const c = ctx[j];
    // Sized once (pushing onto a copy would grow it twice per row).
    const out = new Array<number>(r.length + c.length + 2 + extra);
    let i = 0;
    for (; i < r.length; i++) out[i] = r[i];
    for (let k = 0; k < c.length; k++) out[i++] = logit(c[k]);
    out[i++] = runs[j][0];
    out[i++] = runs[j][1];
    if (anchors) for (let k = 0; k < extra; k++) out[i++] = anchors[j][k];
    return out;
  });
}

/** Rows of stage 3: a line's stage-2 row, then stage 2's scores around it, their runs and its place among stage 2's sure article lines (stage2Rows one stage on). */
export function stage3Rows(rows2: number[][], p2: number[], infos: readonly LineInfo[]): number[][] {
  return stage2Rows(rows2, p2, infos);
}

/**
 * Boilerplate comes in runs: decodes the lines as a two-state chain (boilerplate, article) whose
 * evidence per line is its log-odds against the threshold and where each switch of state costs
 * `cost` (natural log-odds). Returns, per line, the probability whose log-odds against the threshold
 * is the difference of the best labelling with the line boilerplate and the best with it article
 * (max-marginals of the Viterbi decoding): at or above the threshold exactly when the best labelling
 * calls it boilerplate; cost 0 returns p unchanged (up to clamping). Linear in the lines.
 */
export function smoothRuns(p: readonly number[], threshold: number, cost: number): number[] {
  const n = p.length;
  if (n === 0) return [];
  const lt = Math.log(threshold / (1 - threshold));
  const z = p.map((x) => {
    const q = Math.min(1 - 1e-9, Math.max(1e-9, x));
    return Math.log(q / (1 - q)) - lt;
  });
  // Scores of state 1 (boilerplate, +z/2) and state 0 (article, -z/2); forward then backward.
  const f1 = new Float64Array(n);
  const f0 = new Float64Array(n);
  f1[0] = z[0] / 2;
  f0[0] = -z[0] / 2;
  for (let j = 1; j < n; j++) {
    f1[j] = z[j] / 2 + Math.max(f1[j - 1], f0[j - 1] - cost);
    f0[j] = -z[j] / 2 + Math.max(f0[j - 1], f1[j - 1] - cost);
  }
  const out = new Array<number>(n);
  let b1 = 0;
  let b0 = 0;
  for (let j = n - 1; j >= 0; j--) {
    out[j] = sigmoid(f1[j] + b1 - (f0[j] + b0) + lt);
    const n1 = z[j] / 2 + b1;
    const n0 = -z[j] / 2 + b0;
    b1 = Math.max(n1, n0 - cost);
    b0 = Math.max(n0, n1 - cost);
  }
  return out;
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
  const rows2 = stage2Rows(features.rows, p1, model.stage2Anchors ? features.infos : undefined);
  let p = rows2.map((r) => stageProb(model.stage2, r));
  if (model.stage3) {
    const stage3 = model.stage3;
    p = stage3Rows(rows2, p, features.infos).map((r) => stageProb(stage3, r));
  }
  if (model.switchCost) p = smoothRuns(p, model.threshold, model.switchCost);
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
  /** Stage 2 also reads anchor features of stage 1's scores (BoilerplateModel.stage2Anchors). */
  stage2Anchors?: boolean;
  /** Train a third stage (stage3Rows). */
  stage3?: boolean;
  /**
   * Folds of out-of-fold stacking (0 or absent: none): the rows a later stage is trained on carry the
   * earlier stage's scores from a model not trained on the article (articles grouped by `group`),
   * as on unseen pages, instead of its in-sample scores.
   */
  stackFolds?: number;
  /**
   * Source-aware training ("frustratingly easy domain adaptation"): the stages named here ('stage1':
   * stage 1 only; 'all': every stage) also read each article's `convention` as a last column, so the
   * trees can learn where sources label alike and where they differ; the trained trees are then fixed
   * at convention 0 (fixFeature) and read no such column: the model scores as the convention-0 source.
   * Boosted trees only.
   */
  conventionFeature?: 'stage1' | 'all';
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
  /** Articles of one group (site) fall in the same fold of out-of-fold stacking (default: the article alone). */
  group?: string;
  /** Which labelling convention the article follows (TrainOptions.conventionFeature); 0, the default, is the one the model scores as. */
  convention?: number;
  /** articleFeatures(lineTexts), when already computed (cross-validation reuses them). */
  features?: ArticleFeatures;
}

/** Training weight of a line of `chars` characters: chars^power (0.5 by default: long lines count more, not linearly). */
export function lineWeight(chars: number, power = 0.5): number {
  const c = Math.max(1, chars);
  return power === 0.5 ? Math.sqrt(c) : Math.pow(c, power);
}

/** Trains the stages on the articles. */
export function trainModel(articles: TrainingArticle[], opts: TrainOptions, threshold = 0.5): BoilerplateModel {
  const feats = articles.map((a) => a.features ?? articleFeatures(a.lineTexts));
  const y: number[] = [];
  const sw: number[] = [];
  feats.forEach((f, i) => {
    for (let j = 0; j < f.infos.length; j++) {
      const label = articles[i].labels[f.infos[j].line] ?? 0;
      y.push(label);
      sw.push(articles[i].weight * (label === 0 ? articles[i].articleWeight ?? 1 : 1) * lineWeight(f.infos[j].chars, opts.lineWeightPower));
    }
  });
  // Rows of each stage per article; a stage is trained on all articles' rows.
  const flat = (rows: number[][][]): number[][] => rows.flat();
  const weightsOf = (keep: (i: number) => boolean): [number[], number[]] => {
    const yy: number[] = [];
    const ww: number[] = [];
    let k = 0;
    feats.forEach((f, i) => {
      for (let j = 0; j < f.infos.length; j++, k++) {
        if (!keep(i)) continue;
        yy.push(y[k]);
        ww.push(sw[k]);
      }
    });
    return [yy, ww];
  };
  const folds = opts.stackFolds ?? 0;
  const foldOf = feats.map((_, i) => (folds > 1 ? stackFold(articles[i].group ?? String(i), folds) : 0));
  /** Scores of `rows` per article by `stage`, or out of fold (a stage trained without the article's fold) when stacking. */
  const scores = (stage: Stage, rows: number[][][]): number[][] => {
    if (folds <= 1) return rows.map((r) => r.map((x) => stageProb(stage, x)));
    const out: number[][] = rows.map(() => []);
    for (let k = 0; k < folds; k++) {
      const keep = (i: number): boolean => foldOf[i] !== k;
      const [yy, ww] = weightsOf(keep);
      if (yy.length === 0) continue;
      const s = trainStage(flat(rows.filter((_, i) => keep(i))), yy, ww, opts);
      rows.forEach((r, i) => {
        if (!keep(i)) out[i] = r.map((x) => stageProb(s, x));
      });
    }
    // A fold with no training rows elsewhere (a single group): in-sample scores.
    rows.forEach((r, i) => {
      if (out[i].length !== r.length) out[i] = r.map((x) => stageProb(stage, x));
    });
    return out;
  };
  // Source-aware training: a stage's rows get the article's convention as a last column (withConvention),
  // its trees are trained on them and scores computed with them, then fixed at convention 0 (atConvention0).
  const conv = opts.conventionFeature;
  if (conv && opts.kind !== 'gbdt') throw new Error('conventionFeature needs boosted trees (kind gbdt)');
  const withConvention = (rows: number[][][], on: boolean): number[][][] =>
    on ? rows.map((r, i) => r.map((x) => [...x, articles[i].convention ?? 0])) : rows;
  const atConvention0 = (stage: Stage, rows: number[][][], on: boolean): Stage => {
    const width = rows.find((r) => r.length > 0)?.[0].length;
    return on && stage.kind === 'gbdt' && width !== undefined ? { kind: 'gbdt', trees: fixFeature(stage.trees, width, 0) } : stage;
  };
  const train = (rows: number[][][], on: boolean): { stage: Stage; x: number[][][] } => {
    const x = withConvention(rows, on);
    return { stage: trainStage(flat(x), y, sw, opts), x };
  };
  const rows1 = feats.map((f) => f.rows);
  const s1 = train(rows1, conv !== undefined);
  const stage1 = atConvention0(s1.stage, rows1, conv !== undefined);
  const p1 = scores(s1.stage, s1.x);
  const rows2 = feats.map((f, i) => stage2Rows(f.rows, p1[i], opts.stage2Anchors ? f.infos : undefined));
  const s2 = train(rows2, conv === 'all');
  const stage2 = atConvention0(s2.stage, rows2, conv === 'all');
  const model: BoilerplateModel = {
    version: 2, featureNames: [...FEATURE_NAMES], contextNames: [...CONTEXT_NAMES, ...RUN_NAMES, ...(opts.stage2Anchors ? ANCHOR_NAMES : [])], stage1, stage2, threshold,
  };
  if (opts.stage2Anchors) model.stage2Anchors = true;
  if (opts.stage3) {
    const p2 = scores(s2.stage, s2.x);
    const rows3 = feats.map((f, i) => stage3Rows(rows2[i], p2[i], f.infos));
    model.stage3 = atConvention0(train(rows3, conv === 'all').stage, rows3, conv === 'all');
    model.stage3Names = [...CONTEXT_NAMES, ...RUN_NAMES, ...ANCHOR_NAMES];
  }
  return model;
}

function stackFold(group: string, folds: number): number {
  // FNV-1a: a fixed, platform-independent fold per group.
  let h = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 0x01000193) >>> 0;
  return h % folds;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
