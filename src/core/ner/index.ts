// Public API of the trained entity recogniser (CoNLL-style tokens, averaged perceptron, Viterbi).
export { createNerEngine, checkNerModel, sentencesOf, postRules, harmonizeKinds, LABEL_TO_KIND, type NerEngineOptions } from './engine';
export { deserializeModel, serializeModel, newModel, type NerModel, type Stage } from './model';
export { tokenize, type Token } from './tokenize';
export { tagSentences, type TaggedDoc } from './tagger';
export { parseConll, type ConllDoc, type ConllSentence } from './conllFormat';
export { conllEvaluate, conllChunks, formatConllScore, type ConllScore, type TypeScore } from './conllEval';
export { makeTagSet, chunksFromIob, chunksFromTags, tagsFromChunks, ENTITY_TYPES, type TagSet, type TagScheme } from './tags';
export { TITLE_WORDS, PERSON_TITLES, isTitleWord, isPersonTitle } from './titles';
export { FEATURES_VERSION } from './features';
