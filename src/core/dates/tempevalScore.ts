// TempEval-3 temporal-expression scoring (UzZaman et al., 2013): strict and
// relaxed span precision/recall/F1, and attribute (type, value) accuracy over
// relaxed-matched pairs; attribute F1 = accuracy × relaxed F1.

export interface ScoredTimex {
  start: number;
  end: number;
  type: string;
  value: string | null;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface TempEvalScores {
  gold: number;
  predicted: number;
  strictMatches: number;
  relaxedMatches: number;
  strict: PRF;
  relaxed: PRF;
  typeAccuracy: number;
  valueAccuracy: number;
  typeF1: number;
  valueF1: number;
}

export interface MatchedPair {
  gold: ScoredTimex;
  pred: ScoredTimex;
}

export interface DocumentMatch {
  pairs: MatchedPair[];
  missed: ScoredTimex[];
  spurious: ScoredTimex[];
}

function prf(tp: number, pred: number, gold: number): PRF {
  const precision = pred === 0 ? 0 : tp / pred;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * One-to-one matching of one document: exact-span pairs first, then each
 * remaining gold timex with the first remaining prediction that overlaps it.
 */
export function matchDocument(gold: ScoredTimex[], pred: ScoredTimex[]): DocumentMatch {
  const g = [...gold].sort((a, b) => a.start - b.start || a.end - b.end);
  const p = [...pred].sort((a, b) => a.start - b.start || a.end - b.end);
  const usedG = new Array<boolean>(g.length).fill(false);
  const usedP = new Array<boolean>(p.length).fill(false);
  const pairs: MatchedPair[] = [];
  for (let i = 0; i < g.length; i++) {
    const j = p.findIndex((x, k) => !usedP[k] && x.start === g[i].start && x.end === g[i].end);
    if (j >= 0) {
      usedG[i] = usedP[j] = true;
      pairs.push({ gold: g[i], pred: p[j] });
    }
  }
  for (let i = 0; i < g.length; i++) {
    if (usedG[i]) continue;
    const j = p.findIndex((x, k) => !usedP[k] && x.start < g[i].end && g[i].start < x.end);
    if (j >= 0) {
      usedG[i] = usedP[j] = true;
      pairs.push({ gold: g[i], pred: p[j] });
    }
  }
  pairs.sort((a, b) => a.gold.start - b.gold.start);
  return { pairs, missed: g.filter((_, i) => !usedG[i]), spurious: p.filter((_, k) => !usedP[k]) };
}

/** Scores documents (pairs of gold and predicted timexes), micro-averaged over all of them. */
export function scoreTempEval(docs: { gold: ScoredTimex[]; pred: ScoredTimex[] }[]): TempEvalScores {
  let gold = 0, predicted = 0, strictMatches = 0, relaxedMatches = 0, typeOk = 0, valueOk = 0;
  for (const d of docs) {
    gold += d.gold.length;
    predicted += d.pred.length;
    const m = matchDocument(d.gold, d.pred);
    relaxedMatches += m.pairs.length;
    for (const pair of m.pairs) {
      if (pair.gold.start === pair.pred.start && pair.gold.end === pair.pred.end) strictMatches++;
      if (pair.gold.type === pair.pred.type) typeOk++;
      if (pair.pred.value !== null && pair.gold.value === pair.pred.value) valueOk++;
    }
  }
  const strict = prf(strictMatches, predicted, gold);
  const relaxed = prf(relaxedMatches, predicted, gold);
  const typeAccuracy = relaxedMatches === 0 ? 0 : typeOk / relaxedMatches;
  const valueAccuracy = relaxedMatches === 0 ? 0 : valueOk / relaxedMatches;
  return {
    gold, predicted, strictMatches, relaxedMatches, strict, relaxed, typeAccuracy, valueAccuracy,
    typeF1: typeAccuracy * relaxed.f1,
    valueF1: valueAccuracy * relaxed.f1,
  };
}
