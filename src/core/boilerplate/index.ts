// Boilerplate detection on plain-text articles (see engine.ts).
export { createBoilerplateEngine, DEFAULT_MODEL, MAX_LINES, DUPLICATE_MIN_CHARS, DUPLICATE_MIN_WORDS, snippet } from './engine';
export type { BoilerplateEngineOptions, BoilerplateDetectInput } from './engine';
export { lineKey, TemplateIndex, isTemplate, TEMPLATE_MIN_ARTICLES, TEMPLATE_MIN_SHARE, TEMPLATE_ALWAYS } from './templates';
export type { TemplateIndexOptions } from './templates';
export { compilePatterns, PATTERN_MAX_LINE } from './user-rules';
export type { CompiledPatterns } from './user-rules';
export { trainModel, scoreArticle, confidenceOf } from './model';
export type { BoilerplateModel, TrainingArticle, TrainOptions } from './model';
export { lexiconHits } from './lexicon';
export { ScoreAccumulator, keptPR, tokens } from './score';
export type { Scores } from './score';
