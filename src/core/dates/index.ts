export { createDateEngine, recognizeDates, MAX_DATE_TEXT, MAX_DATE_MENTIONS, type DateEngineOptions } from './engine';
export { resolveArticleDate } from './articleDate';
export { scoreTempEval, matchDocument, type ScoredTimex, type TempEvalScores, type PRF, type DocumentMatch, type MatchedPair } from './tempevalScore';
