import { strict as assert } from 'node:assert';
import { matchDocument, scoreTempEval, type ScoredTimex } from '../../../src/core/dates';

const t = (start: number, end: number, type = 'DATE', value: string | null = '2025'): ScoredTimex => ({ start, end, type, value });

describe('TempEval-3 scorer', () => {
  it('hand-computed case: strict, relaxed, type and value figures', () => {
    // gold: A[0,4) B[10,20) C[30,35)        pred: A exact, B overlapping [12,20), D spurious [40,45)
    const gold = [t(0, 4, 'DATE', '2025'), t(10, 20, 'DURATION', 'P3Y'), t(30, 35, 'DATE', '2024-05')];
    const pred = [t(0, 4, 'DATE', '2025'), t(12, 20, 'DATE', 'P3Y'), t(40, 45, 'DATE', '2020')];
    const s = scoreTempEval([{ gold, pred }]);
    assert.equal(s.strictMatches, 1);
    assert.equal(s.relaxedMatches, 2);
    // strict P = R = 1/3; relaxed P = R = 2/3
    assert.ok(Math.abs(s.strict.f1 - 1 / 3) < 1e-12);
    assert.ok(Math.abs(s.relaxed.f1 - 2 / 3) < 1e-12);
    // type right for A only (1/2); value right for both (2/2)
    assert.equal(s.typeAccuracy, 0.5);
    assert.equal(s.valueAccuracy, 1);
    assert.ok(Math.abs(s.typeF1 - 1 / 3) < 1e-12);
    assert.ok(Math.abs(s.valueF1 - 2 / 3) < 1e-12);
  });

  it('unequal counts: precision and recall differ, micro-averaged over documents', () => {
    const d1 = { gold: [t(0, 5)], pred: [t(0, 5), t(7, 9)] };
    const d2 = { gold: [t(0, 5), t(10, 12)], pred: [] as ScoredTimex[] };
    const s = scoreTempEval([d1, d2]);
    assert.equal(s.strict.precision, 1 / 2);
    assert.equal(s.strict.recall, 1 / 3);
    assert.ok(Math.abs(s.strict.f1 - 0.4) < 1e-12);
  });

  it('one prediction overlapping two gold timexes matches only one of them', () => {
    const m = matchDocument([t(0, 5), t(6, 10)], [t(0, 10)]);
    assert.equal(m.pairs.length, 1);
    assert.equal(m.missed.length, 1);
    assert.equal(m.spurious.length, 0);
  });

  it('exact pairs are made before overlapping ones', () => {
    const m = matchDocument([t(0, 10), t(5, 10)], [t(0, 6), t(5, 10)]);
    assert.equal(m.pairs.length, 2);
    assert.deepEqual(m.pairs.map((p) => [p.gold.start, p.pred.start]), [[0, 0], [5, 5]]);
  });

  it('a null value never counts as right; nothing to score gives zeros', () => {
    const s = scoreTempEval([{ gold: [t(0, 3, 'DATE', 'PAST_REF')], pred: [t(0, 3, 'DATE', null)] }]);
    assert.equal(s.valueAccuracy, 0);
    const z = scoreTempEval([]);
    assert.deepEqual([z.strict.f1, z.relaxed.f1, z.valueF1], [0, 0, 0]);
  });
});
