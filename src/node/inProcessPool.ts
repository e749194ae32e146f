// The AnalysisPool interface served on the calling thread: for `--jobs 1` on the command line and
// for tests. Same worker logic (src/worker) and engines as a worker thread.
import { createAnalysisWorker } from '../worker/analysisWorker';
import { currentKnowledgeBase } from './knowledgeBase';
import type { AnalysisPool } from './analysisPool';
import { nodeEngines } from './engines';

export function createInProcessPool(): AnalysisPool {
  const worker = createAnalysisWorker(() => {
    const n = nodeEngines();
    return { engines: n.engines, fallbackReason: () => n.fallbackReason, knowledgeBase: currentKnowledgeBase };
  });
  return {
    size: 1,
    analyze: async (req) => worker.analyze(req),
    summarize: async (req) => worker.summarize(req),
    engineInfo: async () => worker.engineInfo(),
    parseKnowledgeBase: async (req) => worker.parseKnowledgeBase(req),
    terminate: async () => undefined,
  };
}
