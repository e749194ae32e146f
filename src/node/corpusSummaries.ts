// The summaries of a corpus's articles: the one input of the corpus model (corpus actors, dossier),
// for the command line. They come from the corpus's persisted index (the store `news-annotate index`
// and the editor keep), brought up to date first: only articles that changed are analysed, in the
// analysis workers.
import { join } from 'node:path';
import type { ArticleSummary } from '../core/corpus/articleSummary';
import type { KnowledgeBase } from '../core/corpus/knowledgeBase';
import type { AnalysisPool } from './analysisPool';
import { corpusStoreDir, defaultCacheDir } from './cacheDir';
import { corpusFor, type CorpusOnDisk } from './corpusFiles';
import { walkArticles } from './fileWalk';
import { updateIndex, type IndexReport } from './corpusIndexer';
import { CorpusStore, formerLayoutNotice } from './corpusStore';
import { engineKey } from './engineKey';
import { loadKnowledgeBase } from './knowledgeBase';
import { DEFAULT_MAX_ANALYSED_CHARS } from '../core/text/input';

export interface CorpusSummaries {
  corpus: CorpusOnDisk;
  summaries: ArticleSummary[];
  knowledgeBase?: KnowledgeBase;
  /** Articles that could not be read or analysed, and notes (one line each, path first). */
  problems: string[];
  /** What the index update did, and where the store is. */
  report: IndexReport;
  cacheDir: string;
}

export interface CorpusSummaryOptions {
  pool: AnalysisPool;
  /** Folder of the persisted index (default: the user's cache folder for this corpus). */
  cache?: string;
  onProgress?: (done: number, total: number | undefined) => void;
}

/** The summaries of every article of the corpus whose newscorpus.yaml is in `root` (defaults without one). */
export async function corpusSummaries(root: string, opts: CorpusSummaryOptions): Promise<CorpusSummaries> {
  const corpus = corpusFor(join(root, 'newscorpus.yaml'));
  const base = corpus.root ?? root;
  const knowledgeBase = loadKnowledgeBase(corpus.root, corpus.config);
  const problems: string[] = [];
  // The safe walk: in the corpus folder, include/exclude applied; links out of it, loops, FIFOs reported.
  const files = [...walkArticles([root], { onProblem: (p) => problems.push(`${p.path}: ${p.message}`) })]
    .filter((f) => f.corpus === corpus || !corpus.root) // a nested corpus of its own is left out
    .map((f) => ({ path: f.path, relPath: corpus.root ? f.relPath : f.rel, size: f.size, mtimeMs: f.mtimeMs }));
  // opts.cache names a cache folder, one store per corpus in it (as the editor's newsCorpus.index.cacheDirectory).
  const cacheDir = opts.cache === undefined ? defaultCacheDir(base) : corpusStoreDir(opts.cache, base);
  const former = opts.cache === undefined ? undefined : formerLayoutNotice(opts.cache, cacheDir);
  if (former) problems.push(former);
  const { store, report: opened } = await CorpusStore.open(cacheDir, await engineKey());
  if (opened.discarded) problems.push(`${cacheDir}: corpus index rebuilt (${opened.discarded})`);
  const byPath = new Map<string, ArticleSummary>();
  const report = await updateIndex({
    files,
    total: files.length,
    config: corpus.config,
    store,
    pool: opts.pool,
    // As the editor's corpus worker analyses them, so that the two share a store.
    maxChars: DEFAULT_MAX_ANALYSED_CHARS,
    corpusRoot: base,
    onProgress: opts.onProgress,
    onSummary: (rel, s) => byPath.set(rel, s),
    onSkip: (rel, reason) => problems.push(`${rel}: ${reason}`),
  });
  for (const p of knowledgeBase?.problems ?? []) problems.push(`${p.file}:${p.line}: ${p.message}`);
  // In the order of the files (the store hands reused and new summaries out as they come).
  const summaries = files.map((f) => byPath.get(f.relPath)).filter((s): s is ArticleSummary => s !== undefined);
  return { corpus, summaries, ...(knowledgeBase ? { knowledgeBase } : {}), problems, report, cacheDir };
}
