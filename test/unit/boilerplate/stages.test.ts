// Stage 3, run decoding and out-of-fold stacking of the boilerplate line model, on invented lines.
import assert from 'node:assert/strict';
import { DEFAULT_MODEL } from '../../../src/core/boilerplate/engine';
import { anchorFeatures, ANCHOR_NAMES, articleFeatures, CONTEXT_NAMES, RUN_NAMES } from '../../../src/core/boilerplate/features';
import { BoilerplateCache, scoreArticleCached } from '../../../src/core/boilerplate/incremental';
import { scoreArticle, smoothRuns, stage2Rows, stage3Rows, trainModel, type TrainingArticle, type TrainOptions } from '../../../src/core/boilerplate/model';
import { BUDGET_BODY, BUDGET_HEADLINE, BUDGET_TAIL } from './fixtures';

const long = (s: string): { chars: number } => ({ chars: s.length });

describe('boilerplate anchors (place among the lines a stage is sure are article text)', () => {
  // Lines: menu, menu, paragraph, short subhead, paragraph, share, footer.
  const chars = [10, 12, 200, 30, 150, 15, 40].map((c) => ({ chars: c }));
  const p = [0.9, 0.95, 0.05, 0.3, 0.1, 0.9, 0.8];

  it('measures distances to the previous and next anchor, and whether a line is before the first or after the last', () => {
    const a = anchorFeatures(p, chars);
    assert.equal(a.length, 7);
    assert.equal(a[0].length, ANCHOR_NAMES.length);
    const dist = (d: number): number => Math.log1p(d) / Math.log1p(100);
    // Line 0: no anchor before, the next (line 2) 2 lines on; before the first anchor.
    assert.deepEqual(a[0].slice(0, 4), [1, dist(2), 1, 0]);
    // Line 3 (short, p 0.3: not an anchor) between anchors 2 and 4: inside the body.
    assert.deepEqual(a[3].slice(0, 4), [dist(1), dist(1), 0, 0]);
    // Line 6: after the last anchor (line 4), none after it.
    assert.deepEqual(a[6].slice(0, 4), [dist(2), 1, 0, 1]);
    // Anchors are neither before nor after the body.
    assert.deepEqual([a[2][2], a[2][3], a[4][2], a[4][3]], [0, 0, 0, 0]);
  });

  it('gives the share of anchor characters before a line and the characters to the nearest anchor', () => {
    const a = anchorFeatures(p, chars);
    assert.equal(a[0][4], 0);
    assert.equal(a[3][4], 200 / 350);
    assert.equal(a[6][4], 1);
    assert.equal(a[2][5], 0);
    // Line 6: the share line (15 characters) lies between it and anchor 4.
    assert.equal(a[6][5], Math.log1p(15) / Math.log1p(20000));
    // Line 1: line 0 is not between it and anchor 2; nothing is.
    assert.equal(a[1][5], 0);
  });

  it('says "no anchor" when the stage is sure of no long line: short lines and doubtful long ones do not count', () => {
    const a = anchorFeatures([0.05, 0.5, 0.1], [{ chars: 20 }, { chars: 300 }, long('x'.repeat(79))]);
    for (const row of a) assert.deepEqual(row, [1, 1, 0, 0, 0.5, 1]);
    assert.deepEqual(anchorFeatures([], []), []);
  });
});

describe('boilerplate run decoding (smoothRuns)', () => {
  it('leaves scores as they are at cost 0', () => {
    const p = [0.1, 0.7, 0.2, 0.95, 0.55];
    smoothRuns(p, 0.6, 0).forEach((q, i) => assert.ok(Math.abs(q - p[i]) < 1e-9, `${q} vs ${p[i]}`));
  });

  it('absorbs a weak isolated line into the run around it, and keeps a strong one', () => {
    const t = 0.5;
    // A weak article line (p 0.4) inside boilerplate becomes boilerplate; a sure one (p 0.01) stays.
    const weak = smoothRuns([0.95, 0.95, 0.4, 0.95, 0.95], t, 2);
    assert.ok(weak[2] >= t, `${weak[2]}`);
    const sure = smoothRuns([0.95, 0.95, 0.01, 0.95, 0.95], t, 2);
    assert.ok(sure[2] < t, `${sure[2]}`);
    // A line already on the run's side stays there, its neighbours too.
    assert.ok(weak.every((q) => q >= t));
  });

  it('calls a line boilerplate exactly when the best labelling of the chain does', () => {
    // Brute force over every labelling of 6 lines.
    const p = [0.8, 0.3, 0.65, 0.2, 0.7, 0.45];
    const t = 0.6;
    const cost = 0.7;
    const z = p.map((x) => Math.log(x / (1 - x)) - Math.log(t / (1 - t)));
    let best = -Infinity;
    let bestLabels: number[] = [];
    for (let m = 0; m < 1 << p.length; m++) {
      const labels = p.map((_, j) => (m >> j) & 1);
      let s = 0;
      labels.forEach((l, j) => {
        s += l ? z[j] / 2 : -z[j] / 2;
        if (j > 0 && l !== labels[j - 1]) s -= cost;
      });
      if (s > best) {
        best = s;
        bestLabels = labels;
      }
    }
    assert.deepEqual(smoothRuns(p, t, cost).map((q) => (q >= t ? 1 : 0)), bestLabels);
  });
});

describe('boilerplate stage 3 and out-of-fold stacking', () => {
  const article = (i: number): TrainingArticle => {
    const body = BUDGET_BODY.map((l, k) => (k === i % BUDGET_BODY.length ? l.replace('city', 'town') : l));
    const lines = ['Home | News | Sport | Contact', BUDGET_HEADLINE, ...body, ...BUDGET_TAIL.map(([t]) => t)];
    return { lineTexts: lines, labels: [1, 0, ...body.map(() => 0), ...BUDGET_TAIL.map(() => 1)], weight: 1, group: `site${i % 3}` };
  };
  const articles = [0, 1, 2, 3, 4, 5].map(article);
  const opts: TrainOptions = { kind: 'gbdt', l2: 0, epochs: 0, learningRate: 0, boost: { rounds: 20, learningRate: 0.3, lambda: 1, minLeaf: 2, bins: 16, depth: 2, subsample: 1 } };

  it('stage-3 rows are the stage-2 row, then stage 2 context, runs and anchors', () => {
    const f = articleFeatures(articles[0].lineTexts);
    const p1 = f.rows.map((_, j) => (j === 0 ? 0.9 : 0.2));
    const rows2 = stage2Rows(f.rows, p1);
    const p2 = f.rows.map((_, j) => (j > 7 ? 0.9 : 0.1));
    const rows3 = stage3Rows(rows2, p2, f.infos);
    assert.equal(rows3.length, rows2.length);
    for (let j = 0; j < rows3.length; j++) {
      assert.equal(rows3[j].length, rows2[j].length + CONTEXT_NAMES.length + RUN_NAMES.length + ANCHOR_NAMES.length);
      assert.deepEqual(rows3[j].slice(0, rows2[j].length), rows2[j]);
    }
    assert.deepEqual(rows3[9].slice(-ANCHOR_NAMES.length), anchorFeatures(p2, f.infos)[9]);
  });

  it('trains a third stage, deterministically, and scores with it (with reuse after an edit too)', () => {
    const a = trainModel(articles, { ...opts, stage3: true, stackFolds: 3 }, 0.5);
    const b = trainModel(articles, { ...opts, stage3: true, stackFolds: 3 }, 0.5);
    assert.ok(a.stage3);
    assert.deepEqual(a.stage3Names, [...CONTEXT_NAMES, ...RUN_NAMES, ...ANCHOR_NAMES]);
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    const lines = article(7).lineTexts;
    const s = scoreArticle(a, lines);
    assert.ok(s.p[0] > 0.5 && s.p[2] < 0.5, `${s.p}`);
    const c = new BoilerplateCache();
    scoreArticleCached(a, lines, c);
    const edited = [...lines.slice(0, 4), lines[4] + ' Again.', ...lines.slice(5)];
    assert.deepStrictEqual(scoreArticleCached(a, edited, c), scoreArticle(a, edited));
    assert.deepStrictEqual(scoreArticleCached({ ...a, switchCost: 1 }, edited, c), scoreArticle({ ...a, switchCost: 1 }, edited));
  });

  it('stage 2 with anchors reads the anchors of stage 1 after its usual columns, and scores the same with reuse', () => {
    const f = articleFeatures(articles[0].lineTexts);
    const p1 = f.rows.map((_, j) => (j === 0 || j > 7 ? 0.9 : 0.1));
    const plain = stage2Rows(f.rows, p1);
    const withAnchors = stage2Rows(f.rows, p1, f.infos);
    plain.forEach((r, j) => assert.deepEqual(withAnchors[j], [...r, ...anchorFeatures(p1, f.infos)[j]]));
    const m = trainModel(articles, { ...opts, stage2Anchors: true }, 0.5);
    assert.equal(m.stage2Anchors, true);
    assert.deepEqual(m.contextNames, [...CONTEXT_NAMES, ...RUN_NAMES, ...ANCHOR_NAMES]);
    const lines = article(8).lineTexts;
    const c = new BoilerplateCache();
    scoreArticleCached(m, lines, c);
    const edited = [...lines.slice(0, 3), 'Share this', ...lines.slice(3)];
    assert.deepStrictEqual(scoreArticleCached(m, edited, c), scoreArticle(m, edited));
  });

  it('out-of-fold stacking changes what stage 2 learns from, not stage 1; without it the model is as before', () => {
    const plain = trainModel(articles, opts, 0.5);
    const stacked = trainModel(articles, { ...opts, stackFolds: 3 }, 0.5);
    assert.deepEqual(stacked.stage1, plain.stage1);
    assert.notDeepEqual(stacked.stage2, plain.stage2);
    assert.equal(plain.stage3, undefined);
    assert.equal(Object.keys(plain).join(), 'version,featureNames,contextNames,stage1,stage2,threshold');
  });

  it('the shipped model has no third stage and no run decoding', () => {
    assert.equal(DEFAULT_MODEL.stage3, undefined);
    assert.equal(DEFAULT_MODEL.switchCost, undefined);
  });
});
