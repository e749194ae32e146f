// Entry point of an analysis worker thread in Node (bundled as dist/analysisWorker.js): the trained
// tagger's model is read from disk here, with a tagging cache so that re-analysing an edited article
// reuses the sentences the edit did not touch; the worker logic itself is src/worker (core only).
import * as workerpool from 'workerpool';
import { assembleEngines } from '../core/analysis/defaultEngines';
import type { EntityEngine } from '../core/engines';
import { createRuleEngine } from '../core/entities/ruleEngine';
import { createNerEngine } from '../core/ner';
import { TagCache } from '../core/ner/incremental';
import { createAnalysisWorker } from '../worker/analysisWorker';
import { currentKnowledgeBase } from './knowledgeBase';
import { loadNerModel } from './nerModel';

let fallbackReason: string | undefined;

const methods = createAnalysisWorker(() => {
  let entities: EntityEngine;
  try {
    entities = createNerEngine(loadNerModel(process.env.NCA_NER_MODEL || undefined), { cache: new TagCache() });
  } catch (e) {
    fallbackReason = (e as Error).message;
    entities = createRuleEngine();
  }
  return { engines: assembleEngines(entities), fallbackReason: () => fallbackReason, knowledgeBase: currentKnowledgeBase };
});

workerpool.worker({ ...methods });
