// Entry point of an analysis worker thread in Node (bundled as dist/analysisWorker.js): the trained
// tagger's model is read from disk here, with a tagging cache so that re-analysing an edited article
// reuses the sentences the edit did not touch; the worker logic itself is src/worker (core only).
import { isMainThread, workerData } from 'node:worker_threads';
import * as workerpool from 'workerpool';
import { assembleEngines } from '../core/analysis/defaultEngines';
import type { EntityEngine } from '../core/engines';
import { createRuleEngine } from '../core/entities/ruleEngine';
import { createNerEngine } from '../core/ner';
import { TagCache } from '../core/ner/incremental';
import { createAnalysisWorker } from '../worker/analysisWorker';
import type { AnalysisWorkerMethods } from '../worker/protocol';
import { currentKnowledgeBase } from './knowledgeBase';
import { loadNerModel } from './nerModel';
import { lowerThreadPriority } from './threadPriority';

// A worker of a background pool (corpus indexing) yields the cores to the host thread first.
if (!isMainThread && (workerData as { background?: boolean } | undefined)?.background) lowerThreadPriority();

let fallbackReason: string | undefined;

const methods = createAnalysisWorker(() => {
  let entities: EntityEngine;
  let corpusEntities: EntityEngine;
  try {
    const model = loadNerModel(process.env.NCA_NER_MODEL || undefined);
    // NCA_NER_NO_GATE=1 (for measuring): every token scored, as training does (see NerEngineOptions.gate).
    const gate = process.env.NCA_NER_NO_GATE !== '1';
    entities = createNerEngine(model, { cache: new TagCache(), gate });
    // Indexing sees each article once: no tagging cache (it cost 40% of the tagger's time there).
    corpusEntities = createNerEngine(model, { gate });
  } catch (e) {
    fallbackReason = (e as Error).message;
    entities = corpusEntities = createRuleEngine();
  }
  return {
    engines: assembleEngines(entities),
    corpusEngines: assembleEngines(corpusEntities),
    fallbackReason: () => fallbackReason,
    knowledgeBase: currentKnowledgeBase,
  };
});

// Under test only (the integration harness sets NEWS_CORPUS_TEST_HOOKS=1): a method that ends the
// worker thread as a crash would, so that tests can check the host restarts it and says so.
const testOnly: Pick<AnalysisWorkerMethods, 'exitForTest'> = process.env.NEWS_CORPUS_TEST_HOOKS === '1' ? { exitForTest: () => process.exit(70) } : {};

workerpool.worker({ ...methods, ...testOnly });
