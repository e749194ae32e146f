// The analysis worker's logic: engines in, the AnalysisWorkerMethods out. Imports the core only and
// no Node API, so the same module runs in a Node worker thread (src/node/analysisWorkerMain.ts) or
// a browser web worker; how the engines (the tagger's model) are loaded is the entry point's job.
import { analyzeArticle, type Engines } from '../core/analysis/analyzeArticle';
import { AnalysisCache } from '../core/analysis/incremental';
import { TableLineStats } from '../core/boilerplate/templateTable';
import { summarizeArticle } from '../core/corpus/articleSummary';
import { packKnowledgeBase, parseKnowledgeBaseText, type PackedKnowledgeBase } from '../core/corpus/kbParse';
import type { KnowledgeBase } from '../core/corpus/knowledgeBase';
import { toResult, type AnalysisResult, type AnalysisWorkerMethods, type AnalyzeRequest, type SummarizeRequest, type SummarizeResult } from './protocol';

export interface WorkerEngines {
  /** Engines for the editor's re-analysis of an open article (may keep per-sentence caches). */
  engines: Engines;
  /**
   * Engines for indexing a corpus (summarize): each article is seen once, so a cache of its sentences
   * costs time and memory for nothing. Defaults to `engines`.
   */
  corpusEngines?: Engines;
  /** The knowledge base of a corpus (its files read by the host's own means, cached there). */
  knowledgeBase?: (corpusRoot: string, files: readonly string[]) => KnowledgeBase | undefined;
  /** Why the trained tagger is not in use, when it is not. */
  fallbackReason?: () => string | undefined;
}

export function createAnalysisWorker(load: () => WorkerEngines): AnalysisWorkerMethods {
  let loaded: WorkerEngines | undefined;
  const engines = () => (loaded ??= load()).engines;
  const corpusEngines = () => {
    const l = (loaded ??= load());
    return l.corpusEngines ?? l.engines;
  };
  // Reuse across the editor's successive analyses of open articles (bounded); not for batches.
  const editCache = new AnalysisCache();
  const kbFor = (req: { corpusRoot?: string; config: { knowledgeBase?: readonly string[] } }) =>
    req.corpusRoot && req.config.knowledgeBase?.length ? (loaded ??= load()).knowledgeBase?.(req.corpusRoot, req.config.knowledgeBase) : undefined;
  return {
    analyze(req: AnalyzeRequest): AnalysisResult {
      const t0 = performance.now();
      const cache = req.batch ? undefined : editCache;
      const a = analyzeArticle(req.text, {
        config: req.config,
        engines: req.batch ? corpusEngines() : engines(),
        relPath: req.relPath,
        // Only the part of the text that is analysed counts as the article's own lines.
        corpus: req.templates
          ? new TableLineStats(req.templates, req.maxChars && req.text.length > req.maxChars ? req.text.slice(0, req.maxChars) : req.text, cache && ((l) => cache.boilerplate.key(l)))
          : undefined,
        limits: req.maxChars ? { maxChars: req.maxChars } : undefined,
        stages: req.stages,
        cache,
        knowledgeBase: req.stages?.entities === false ? undefined : kbFor(req),
      });
      return toResult(a, performance.now() - t0);
    },

    summarize(req: SummarizeRequest): { results: SummarizeResult[]; workerMs: number } {
      const t0 = performance.now();
      const results: SummarizeResult[] = req.items.map((item) => {
        try {
          const a = analyzeArticle(item.text, {
            config: req.config,
            engines: corpusEngines(),
            relPath: item.relPath,
            limits: req.maxChars ? { maxChars: req.maxChars } : undefined,
            knowledgeBase: req.onlyDate ? undefined : kbFor(req),
            stages: req.onlyDate ? { entities: false, boilerplate: false, dates: false, articleDate: true } : { dates: false, articleDate: true },
          });
          const blocking = a.problems.find((p) => p.kind === 'binary' || p.kind === 'engine-error');
          return { relPath: item.relPath, summary: summarizeArticle(a, item.relPath), ...(blocking ? { problem: blocking.message } : {}) };
        } catch (e) {
          return { relPath: item.relPath, problem: `analysis failed: ${e instanceof Error ? e.message : String(e)}` };
        }
      });
      return { results, workerMs: performance.now() - t0 };
    },

    parseKnowledgeBase(req: { text: string; relFile: string }): PackedKnowledgeBase {
      return packKnowledgeBase(parseKnowledgeBaseText(req.text, req.relFile));
    },

    engineInfo() {
      const e = engines();
      const reason = loaded?.fallbackReason?.();
      return { entities: e.entities.name, ...(reason ? { fallbackReason: reason } : {}) };
    },
  };
}
