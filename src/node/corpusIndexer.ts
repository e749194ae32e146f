// Brings a corpus's persisted index up to date: each listed article whose size and mtime, or else
// whose content, and whose config keys match its stored entry is reused; a changed article is read
// and summarised in the worker pool (in batches, several in flight); an article whose article-date
// settings alone changed gets only its date recomputed; entries of articles no longer listed are
// removed. The calling thread (the corpus worker's, or the CLI's) only stats, reads and hashes files
// and receives summaries.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { CorpusConfig } from '../core/config/types';
import type { ArticleSummary } from '../core/corpus/articleSummary';
import { SUMMARY_VERSION } from '../core/corpus/articleSummary';
import { decodeBytes } from '../core/text/decode';
import { looksBinary } from '../core/text/input';
import type { SummarizeItem } from '../worker/protocol';
import type { AnalysisPool } from './analysisPool';
import { FLUSH_BYTES, type CorpusStore, type StoreEntry } from './corpusStore';
import { knowledgeBaseSignature } from './knowledgeBase';

export const MAX_INDEXED_FILE_BYTES = 5 * 1024 * 1024;

export interface IndexFile {
  path: string;
  relPath: string;
  /**
   * The file's size and modification time, when the caller's walk has just taken them (a regular
   * file, a link followed): not asked of the file system again. An article that changes after the
   * walk is seen by the next run (or the editor's file watcher), as one that changes during a run.
   */
  size?: number;
  mtimeMs?: number;
}

export interface IndexOptions {
  files: Iterable<IndexFile> | AsyncIterable<IndexFile>;
  /** Number of files, when known (for progress). */
  total?: number;
  config: CorpusConfig;
  store: CorpusStore;
  pool: AnalysisPool;
  maxChars?: number;
  maxFileBytes?: number;
  /** Characters of text per batch sent to a worker. */
  batchChars?: number;
  token?: { readonly isCancellationRequested: boolean };
  onProgress?: (done: number, total: number | undefined) => void;
  /** Each article's summary, reused or new, in no particular order. */
  onSummary?: (relPath: string, summary: ArticleSummary) => void;
  /** An article left out, with the reason. */
  onSkip?: (relPath: string, reason: string) => void;
  /** Entries removed because their article is no longer listed. */
  onRemove?: (relPath: string) => void;
  /** Remove the entries of articles not listed (default true; false to update a few files). */
  removeUnseen?: boolean;
  /** The corpus folder, where its knowledge-base files are (they shape the summaries: see summaryConfigKey). */
  corpusRoot?: string;
}

export interface IndexReport {
  files: number;
  reused: number;
  analysed: number;
  dateOnly: number;
  removed: number;
  skipped: number;
  cancelled: boolean;
  ms: number;
  /** Summed worker time (ms): CPU spent analysing. */
  workerMs: number;
}

function hashOf(v: unknown): string {
  return createHash('sha1').update(JSON.stringify(v)).digest('hex').slice(0, 16);
}

/**
 * Key of what shapes a summary besides the text: the config's entities, boilerplate, trust (for
 * patterns) and knowledge base (the files' names, mtimes and sizes), and the analysis limit.
 */
export function summaryConfigKey(config: CorpusConfig, maxChars?: number, corpusRoot?: string): string {
  const kb = corpusRoot && config.knowledgeBase.length ? knowledgeBaseSignature(corpusRoot, config.knowledgeBase) : '';
  // Trust decides only whether the config's patterns run (analyzeArticle): without patterns, a
  // summary made under an untrusted config (the command line's default) is the same as a trusted one.
  const patternsRun = config.trusted || config.boilerplate.patterns.length === 0;
  return hashOf([SUMMARY_VERSION, config.entities, config.boilerplate, patternsRun, maxChars ?? null, kb]);
}

/** Key of the article-date settings. */
export function dateConfigKey(config: CorpusConfig): string {
  return hashOf(config.articleDate);
}

/**
 * Below this many bytes to analyse, a run keeps to one worker. Measured with a fresh corpus worker
 * on the corpus bench's 10,000 real articles, 100 of them changed (650 KB), three runs each way,
 * interleaved: the run done after 2.7–3.0 s with one worker, 3.0–3.2 s with two, the workers' time
 * 1.3–1.5 s against 3.0–3.4 s.
 */
export const ONE_WORKER_BELOW_BYTES = 2_000_000;

/** Whether an entry is reused as it is: made under these keys, for a file of this size and modification time. */
function entryIsCurrent(old: StoreEntry | undefined, configKey: string, dateKey: string, size: number, mtimeMs: number): boolean {
  return old !== undefined && old.configKey === configKey && old.dateKey === dateKey && old.size === size && old.mtimeMs === mtimeMs;
}

/** Bytes of the listed files whose entry is not current (Infinity when a file's stat is not given). */
function bytesToAnalyse(files: readonly IndexFile[], store: CorpusStore, configKey: string, dateKey: string): number {
  let bytes = 0;
  for (const f of files) {
    if (f.size === undefined || f.mtimeMs === undefined) return Infinity;
    if (!entryIsCurrent(store.get(f.relPath), configKey, dateKey, f.size, f.mtimeMs)) bytes += f.size;
  }
  return bytes;
}

export async function updateIndex(opts: IndexOptions): Promise<IndexReport> {
  const t0 = performance.now();
  const { store, pool, config } = opts;
  const configKey = summaryConfigKey(config, opts.maxChars, opts.corpusRoot);
  const dateKey = dateConfigKey(config);
  const maxBytes = opts.maxFileBytes ?? MAX_INDEXED_FILE_BYTES;
  const batchChars = opts.batchChars ?? 150_000;
  const report: IndexReport = { files: 0, reused: 0, analysed: 0, dateOnly: 0, removed: 0, skipped: 0, cancelled: false, ms: 0, workerMs: 0 };
  const seen = new Set<string>();
  // Batches read ahead (waiting) and being analysed (running), at most maxInFlight in all. They are
  // analysed one at a time (one lane, one worker busy) until the reading gets that far ahead of the
  // analysis, then by up to as many workers as the pool has (a cold run opens every lane within its
  // first batches); by one worker only when the files listed with their stat say that less than
  // ONE_WORKER_BELOW_BYTES is to be analysed (1% of a corpus changed): a second worker would pay its
  // start and its first articles again (about a second before V8 has optimised the code), on a
  // core that the corpus worker's reading and model need meanwhile.
  const waiting: (() => Promise<void>)[] = [];
  const running = new Set<Promise<void>>();
  const maxInFlight = Math.max(2, pool.size * 2);
  const maxLanes = Array.isArray(opts.files) && bytesToAnalyse(opts.files, store, configKey, dateKey) < ONE_WORKER_BELOW_BYTES ? 1 : pool.size;
  let lanes = 1;
  const startWaiting = (): void => {
    while (running.size < lanes && waiting.length > 0) {
      const job = waiting.shift()!();
      running.add(job);
      void job.finally(() => {
        running.delete(job);
        startWaiting();
      });
    }
  };
  let done = 0;
  const progress = () => opts.onProgress?.(done, opts.total);

  interface Pending {
    item: SummarizeItem;
    entry: Omit<StoreEntry, 'summary' | 'problem'>;
    previous?: ArticleSummary;
  }
  let batch: Pending[] = [];
  let batchSize = 0;
  let dateBatch: Pending[] = [];
  let dateBatchSize = 0;

  const dispatch = async (items: Pending[], onlyDate: boolean): Promise<void> => {
    waiting.push(async () => {
      try {
        const res = await pool.summarize({ items: items.map((p) => p.item), config, maxChars: opts.maxChars, onlyDate, corpusRoot: opts.corpusRoot });
        report.workerMs += res.workerMs;
        res.results.forEach((r, i) => {
          const p = items[i];
          let summary = r.summary;
          if (onlyDate && summary && p.previous) {
            summary = { ...p.previous, date: summary.date };
            if (!summary.date) delete summary.date;
          }
          store.put({ ...p.entry, ...(summary ? { summary } : {}), ...(r.problem && !summary ? { problem: r.problem } : {}) });
          if (summary) opts.onSummary?.(p.item.relPath, summary);
          else opts.onSkip?.(p.item.relPath, r.problem ?? 'not analysed');
          if (onlyDate) report.dateOnly++;
          else report.analysed++;
          done++;
        });
      } catch (e) {
        // A worker that crashed or hung on this batch: its articles are left out of this run (and
        // retried on the next), the others go on.
        for (const p of items) {
          opts.onSkip?.(p.item.relPath, `analysis failed: ${(e as Error).message}`);
          report.skipped++;
          done++;
        }
      }
      progress();
      if (store.unflushedBytes >= FLUSH_BYTES) await store.flush();
    });
    startWaiting();
    while (running.size + waiting.length >= maxInFlight) {
      if (lanes < maxLanes) {
        lanes++;
        startWaiting();
        continue;
      }
      await Promise.race(running);
    }
  };

  for await (const file of opts.files) {
    if (opts.token?.isCancellationRequested) {
      report.cancelled = true;
      break;
    }
    report.files++;
    seen.add(file.relPath);
    const skip = (reason: string) => {
      report.skipped++;
      done++;
      opts.onSkip?.(file.relPath, reason);
    };
    let st: { size: number; mtimeMs: number };
    if (file.size !== undefined && file.mtimeMs !== undefined) st = { size: file.size, mtimeMs: file.mtimeMs };
    else {
      let found;
      try {
        found = await stat(file.path);
      } catch (e) {
        skip(`cannot be read: ${(e as Error).message}`);
        continue;
      }
      if (!found.isFile()) {
        skip('not a regular file');
        continue;
      }
      st = found;
    }
    if (st.size > maxBytes) {
      skip(`larger than ${Math.round(maxBytes / 1024 / 1024)} MB (${(st.size / 1024 / 1024).toFixed(1)} MB)`);
      continue;
    }
    const old = store.get(file.relPath);
    const keysMatch = old && old.configKey === configKey;
    if (old && entryIsCurrent(old, configKey, dateKey, st.size, st.mtimeMs)) {
      reuse(old);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file.path);
    } catch (e) {
      skip(`cannot be read: ${(e as Error).message}`);
      continue;
    }
    const contentHash = createHash('sha1').update(bytes).digest('hex');
    const entry = { relPath: file.relPath, size: st.size, mtimeMs: st.mtimeMs, contentHash, configKey, dateKey };
    if (keysMatch && old.contentHash === contentHash) {
      // Same content: only the stat changed (a touch, a copy); an entry without a summary has no date to redo.
      if (old.dateKey === dateKey || !old.summary) {
        store.put({ ...old, ...entry });
        reuse(old);
        continue;
      }
    }
    const { text } = decodeBytes(bytes);
    if (looksBinary(text)) {
      store.put({ ...entry, problem: 'binary file: not an article' });
      skip('binary file: not an article');
      continue;
    }
    const pending: Pending = { item: { relPath: file.relPath, text }, entry };
    if (keysMatch && old.contentHash === contentHash && old.summary) {
      pending.previous = old.summary;
      dateBatch.push(pending);
      dateBatchSize += text.length;
      if (dateBatchSize >= batchChars * 4) {
        await dispatch(dateBatch, true);
        dateBatch = [];
        dateBatchSize = 0;
      }
      continue;
    }
    batch.push(pending);
    batchSize += text.length;
    if (batchSize >= batchChars) {
      await dispatch(batch, false);
      batch = [];
      batchSize = 0;
    }
  }
  if (batch.length && !report.cancelled) await dispatch(batch, false);
  if (dateBatch.length && !report.cancelled) await dispatch(dateBatch, true);
  while (running.size > 0) await Promise.race(running);
  if (!report.cancelled && opts.removeUnseen !== false) {
    for (const p of [...store.paths()]) {
      if (seen.has(p)) continue;
      store.delete(p);
      report.removed++;
      opts.onRemove?.(p);
    }
  }
  await store.flush();
  report.ms = performance.now() - t0;
  return report;

  function reuse(e: StoreEntry): void {
    report.reused++;
    done++;
    if (e.summary) opts.onSummary?.(e.relPath, e.summary);
    else opts.onSkip?.(e.relPath, e.problem ?? 'not analysed');
    if (done % 200 === 0) progress();
  }
}
