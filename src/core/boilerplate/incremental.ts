// Reuse across calls for per-keystroke re-analysis of boilerplate: a line's line-only features
// (shape, lexicon hits, flags, their columns of the feature row) and its normalised key are kept
// under its text, since they depend on nothing else. The document-level columns (position, body
// segment, windows, shares of prose) are recomputed on each call: a one-character edit changes the
// shares of prose of every row. A line's model scores are taken from the closest earlier version of
// the article when its new row provably scores the same (see sameScore). Results are exactly those
// of detecting afresh.
import type { TreeNode } from './boost';
import { articleFeatures, lineLocal, type LineLocal } from './features';
import { smoothRuns, stage2Rows, stage3Rows, stageProb, type ArticleScores, type BoilerplateModel, type Stage } from './model';
import { lineKey } from './templates';
import { LruMap } from '../text/lru';

export class BoilerplateCache {
  private readonly lines: LruMap<string, LineLocal>;
  private readonly keys: LruMap<string, string>;
  /** The latest scored versions, most recent last (one per article being edited, at most maxVersions). */
  private readonly versions: ScoredVersion[] = [];
  hits = 0;
  misses = 0;

  /** maxChars: characters of the line texts kept (2,000,000: several articles of the 300,000 limit); maxVersions: scored article versions kept. */
  constructor(readonly maxChars = 2_000_000, readonly maxVersions = 3) {
    this.lines = new LruMap(maxChars, (_, raw) => raw.length + 1);
    this.keys = new LruMap(maxChars, (k, raw) => raw.length + k.length + 1);
  }

  /** lineLocal(raw), kept per line text. */
  line(raw: string): LineLocal {
    let v = this.lines.get(raw);
    if (v) this.hits++;
    else {
      this.misses++;
      this.lines.set(raw, (v = lineLocal(raw)));
    }
    return v;
  }

  /** lineKey(raw) (the normalised key of templates, duplicates and keep), kept per line text. */
  key(raw: string): string {
    let v = this.keys.get(raw);
    if (v === undefined) this.keys.set(raw, (v = lineKey(raw)));
    return v;
  }

  get size(): number {
    return this.lines.size;
  }

  /** The kept version sharing most lines at its head and tail with these lines (undefined: none shares any). */
  closestVersion(locals: readonly LineLocal[]): ScoredVersion | undefined {
    let best: ScoredVersion | undefined;
    let bestShared = 0;
    for (const v of this.versions) {
      const n = Math.min(v.locals.length, locals.length);
      let shared = 0;
      while (shared < n && v.locals[shared] === locals[shared]) shared++;
      for (let k = 1; shared < n && v.locals[v.locals.length - k] === locals[locals.length - k]; k++) shared++;
      if (shared > bestShared) {
        best = v;
        bestShared = shared;
      }
    }
    return best;
  }

  /** Keeps a scored version in place of the one it was made from (or of the oldest). */
  remember(v: ScoredVersion, from: ScoredVersion | undefined): void {
    const i = from ? this.versions.indexOf(from) : -1;
    if (i >= 0) this.versions.splice(i, 1);
    this.versions.push(v);
    while (this.versions.length > this.maxVersions) this.versions.shift();
  }
}

/** A scored version of an article: its lines' local features, rows and probabilities per stage. */
interface ScoredVersion {
  locals: LineLocal[];
  rows1: number[][];
  p1: number[];
  rows2: number[][];
  p2: number[];
  rows3?: number[][];
  p3?: number[];
}

/** Per feature, the stage's split thresholds in ascending order (trees), or undefined (linear stage). */
const thresholdsOf = new WeakMap<Stage, Float64Array[]>();

function stageThresholds(stage: Stage, width: number): Float64Array[] | undefined {
  if (stage.kind !== 'gbdt') return undefined;
  let t = thresholdsOf.get(stage);
  if (!t) {
    const per: number[][] = Array.from({ length: width }, () => []);
    const walk = (node: TreeNode | number): void => {
      if (typeof node === 'number') return;
      (per[node.f] ??= []).push(node.t);
      walk(node.l);
      walk(node.r);
    };
    for (const tree of stage.trees.trees) walk(tree);
    t = per.map((ts) => Float64Array.from(new Set(ts)).sort());
    thresholdsOf.set(stage, t);
  }
  return t;
}

/** How many of the ascending thresholds a value is not ≤ to (equal counts: the same branch at every split). */
function side(ts: Float64Array, v: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= ts[mid]) hi = mid;
    else lo = mid + 1;
  }
  // NaN is ≤ no threshold: every split sends it right, as it does a value above them all.
  return v !== v ? ts.length : lo;
}

/**
 * Whether the stage gives row `b` the very score it gave row `a`: the same numbers, or, for trees,
 * every changed number on the same side of every threshold of its feature (then every tree takes
 * the same branches and the same leaves are added in the same order). Numbers before `from` are
 * known to be equal. Equal numbers (=== : 0 and -0 too) compare alike with every threshold.
 */
function sameScore(stage: Stage, a: readonly number[], b: readonly number[], from: number): boolean {
  if (a.length !== b.length) return false;
  const ts = stageThresholds(stage, a.length);
  for (let f = from; f < a.length; f++) {
    if (a[f] === b[f]) continue;
    if (!ts) return false;
    const t = ts[f];
    if (t && t.length && side(t, a[f]) !== side(t, b[f])) return false;
  }
  return true;
}

/**
 * scoreArticle with reuse of the scores of an earlier version of the same article: lines outside
 * the edited stretch (the common head and tail of the two versions) keep their probability at each
 * stage when their new row provably scores the same (sameScore). Exactly scoreArticle's result.
 */
export function scoreArticleCached(model: BoilerplateModel, lineTexts: string[], cache: BoilerplateCache): ArticleScores {
  const locals: LineLocal[] = [];
  const features = articleFeatures(lineTexts, (raw) => {
    const l = cache.line(raw);
    locals.push(l);
    return l;
  });
  const old = cache.closestVersion(locals);
  const n = locals.length;
  // Aligned old index of each new line (-1: in the edited stretch).
  const at = new Int32Array(n).fill(-1);
  if (old) {
    const m = old.locals.length;
    let head = 0;
    while (head < n && head < m && locals[head] === old.locals[head]) head++;
    let tail = 0;
    while (tail < n - head && tail < m - head && locals[n - 1 - tail] === old.locals[m - 1 - tail]) tail++;
    for (let j = 0; j < head; j++) at[j] = j;
    for (let k = 1; k <= tail; k++) at[n - k] = m - k;
  }
  const score = (stage: Stage, rows: number[][], oldRows: number[][] | undefined, oldP: number[] | undefined): number[] =>
    rows.map((r, j) => {
      const o = at[j];
      // An aligned line has the same line features: its row starts [1, ...its line-only columns].
      if (o >= 0 && oldRows && oldP && sameScore(stage, oldRows[o], r, 1 + locals[j].columns.length)) {
        cache.hits++;
        return oldP[o];
      }
      cache.misses++;
      return stageProb(stage, r);
    });
  const p1 = score(model.stage1, features.rows, old?.rows1, old?.p1);
  const rows2 = stage2Rows(features.rows, p1, model.stage2Anchors ? features.infos : undefined);
  const p2 = score(model.stage2, rows2, old?.rows2, old?.p2);
  let p = p2;
  let rows3: number[][] | undefined;
  let p3: number[] | undefined;
  if (model.stage3) {
    rows3 = stage3Rows(rows2, p2, features.infos);
    p = p3 = score(model.stage3, rows3, old?.rows3, old?.p3);
  }
  cache.remember({ locals, rows1: features.rows, p1, rows2, p2, rows3, p3 }, old);
  if (model.switchCost) p = smoothRuns(p, model.threshold, model.switchCost);
  return { features, p1, p };
}
