// Source-aware training of the boilerplate line model (TrainOptions.conventionFeature) and the
// fixing of a tree feature at one value (fixFeature), on invented trees and lines.
import assert from 'node:assert/strict';
import { fixFeature, flatScore, compileTrees, type BoostedTrees, type TreeNode } from '../../../src/core/boilerplate/boost';
import { FEATURE_NAMES } from '../../../src/core/boilerplate/features';
import { scoreArticle, trainModel, type Stage, type TrainingArticle, type TrainOptions } from '../../../src/core/boilerplate/model';
import { BUDGET_BODY, BUDGET_HEADLINE, BUDGET_TAIL } from './fixtures';

const features = (node: TreeNode | number, out = new Set<number>()): Set<number> => {
  if (typeof node !== 'number') {
    out.add(node.f);
    features(node.l, out);
    features(node.r, out);
  }
  return out;
};
const stageFeatures = (s: Stage): Set<number> => {
  assert.equal(s.kind, 'gbdt');
  const out = new Set<number>();
  if (s.kind === 'gbdt') for (const t of s.trees.trees) features(t, out);
  return out;
};

describe('boilerplate trees fixed at one value of a feature (fixFeature)', () => {
  const trees: BoostedTrees = {
    base: -0.5,
    trees: [
      // Splits on feature 2 at the root, then on 0 (left) or a leaf (right).
      { f: 2, t: 0.5, l: { f: 0, t: 1, l: 0.25, r: -0.75 }, r: 1.5 },
      // Splits on 1, then on 2 under both branches.
      { f: 1, t: 3, l: { f: 2, t: 1.5, l: -0.125, r: 2 }, r: { f: 2, t: 0.5, l: 0.5, r: -1 } },
      // Only on 2: collapses to a leaf.
      { f: 2, t: 1, l: 0.375, r: -0.25 },
    ],
  };
  const rows = [
    [0, 0], [2, 0], [0, 5], [2, 5], [1, 3], [1.5, 2.5],
  ];

  for (const value of [0, 1, 2]) {
    it(`scores every row as the original trees do with feature 2 at ${value}, without reading it`, () => {
      const fixed = fixFeature(trees, 2, value);
      for (const t of fixed.trees) assert.ok(!features(t).has(2));
      const a = compileTrees(fixed);
      const b = compileTrees(trees);
      for (const r of rows) assert.ok(Math.abs(flatScore(a, r) - flatScore(b, [r[0], r[1], value])) < 1e-12, `${r} at ${value}`);
    });
  }

  it('adds a tree left with a leaf alone to the base, and leaves trees that never read the feature as they are', () => {
    const fixed = fixFeature(trees, 2, 0);
    // Tree 1 becomes its left subtree, tree 3 the leaf 0.375.
    assert.equal(fixed.trees.length, 2);
    assert.equal(fixed.base, -0.5 + 0.375);
    assert.deepEqual(fixed.trees[0], { f: 0, t: 1, l: 0.25, r: -0.75 });
    assert.deepEqual(fixFeature(trees, 7, 0), trees);
  });
});

describe('boilerplate source-aware training (conventionFeature)', () => {
  // Two conventions of one page: convention 0 calls the byline boilerplate, convention 1 article text.
  const BYLINE = 'By Jane Smith, City Reporter';
  const article = (i: number, convention: number): TrainingArticle => {
    const body = BUDGET_BODY.map((l, k) => (k === i % BUDGET_BODY.length ? l.replace('city', 'town') : l));
    const lines = ['Home | News | Sport | Contact', BUDGET_HEADLINE, BYLINE, ...body, ...BUDGET_TAIL.map(([t]) => t)];
    const labels = [1, 0, convention === 0 ? 1 : 0, ...body.map(() => 0), ...BUDGET_TAIL.map(() => 1)];
    return { lineTexts: lines, labels, weight: 1, convention, group: `site${i}` };
  };
  // Three pages of convention 0, nine of convention 1: the majority labels the byline article text.
  const articles = [...[0, 1, 2].map((i) => article(i, 0)), ...[3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => article(i, 1))];
  const opts: TrainOptions = { kind: 'gbdt', l2: 0, epochs: 0, learningRate: 0, boost: { rounds: 30, learningRate: 0.3, lambda: 1, minLeaf: 2, bins: 16, depth: 2, subsample: 1 } };
  const byline = (m: ReturnType<typeof trainModel>): number => scoreArticle(m, article(20, 0).lineTexts).p[2];

  it('without it the majority convention wins on the line where the sources differ', () => {
    assert.ok(byline(trainModel(articles, opts, 0.5)) < 0.5);
  });

  for (const where of ['stage1', 'all'] as const) {
    it(`with it (${where}) the model scores as convention 0 and reads no convention column`, () => {
      const m = trainModel(articles, { ...opts, conventionFeature: where }, 0.5);
      assert.ok(byline(m) > 0.5, `byline ${byline(m)}`);
      // The line features end at FEATURE_NAMES.length: the convention column was there in training only.
      for (const f of stageFeatures(m.stage1)) assert.ok(f < FEATURE_NAMES.length, `stage 1 reads column ${f}`);
      const width2 = FEATURE_NAMES.length + m.contextNames.length;
      for (const f of stageFeatures(m.stage2)) assert.ok(f < width2, `stage 2 reads column ${f}`);
      // Lines where the conventions agree keep their labels.
      const p = scoreArticle(m, article(21, 0).lineTexts).p;
      assert.ok(p[0] > 0.5 && p[4] < 0.5 && p[p.length - 1] > 0.5, `${p}`);
      assert.equal(JSON.stringify(m), JSON.stringify(trainModel(articles, { ...opts, conventionFeature: where }, 0.5)));
    });
  }

  it('changes nothing when every article follows convention 0', () => {
    const same = articles.map((a) => ({ ...a, labels: article(0, 0).labels, convention: 0 }));
    assert.deepEqual(trainModel(same, { ...opts, conventionFeature: 'all' }, 0.5), trainModel(same, opts, 0.5));
  });

  it('needs boosted trees', () => {
    assert.throws(() => trainModel(articles, { ...opts, kind: 'lr', epochs: 1, conventionFeature: 'stage1' }, 0.5), /boosted trees/);
  });
});
