// A pool of analysis worker threads for Node hosts (extension host, CLI), over workerpool: it
// starts workers on demand, restarts one that crashed, and terminates one that runs past a task's
// time limit (a hung worker never freezes its host). The host sends text and receives results;
// `onRestart` tells the host so that it can tell the user.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import * as workerpool from 'workerpool';
import type { PackedKnowledgeBase } from '../core/corpus/kbParse';
import type { AnalysisResult, AnalysisWorkerMethods, AnalyzeRequest, SummarizeRequest, SummarizeResult } from '../worker/protocol';

export interface AnalysisPoolOptions {
  /** Worker threads at most (default: cores − 1, at least 1). */
  workers?: number;
  /** Time limit of one task in ms, after which its worker is terminated and replaced (default 60 s). */
  taskTimeoutMs?: number;
  /** Called when a worker crashed or hung and was replaced. */
  onRestart?: (reason: string) => void;
  /** Worker script (default: dist/analysisWorker.js beside this bundle, or the TypeScript source under tsx). */
  script?: string;
  /**
   * Background work (indexing a corpus): each worker thread lowers its own scheduling priority (see
   * lowerThreadPriority), so that the host thread, and everything else the editor runs, gets a core
   * first while the workers keep every core busy.
   */
  background?: boolean;
  /**
   * Ends the worker threads once no task has run for this long (ms); the next task starts them again
   * (a fresh worker loads its model and warms up: about a second). Default: they stay. For pools that
   * work in bursts (indexing a corpus, an export), whose workers otherwise hold their heaps, 100–200 MB
   * each after a corpus was indexed, for the rest of the session.
   */
  idleMs?: number;
}

export interface AnalysisPool {
  analyze(req: AnalyzeRequest): Promise<AnalysisResult>;
  summarize(req: SummarizeRequest): Promise<{ results: SummarizeResult[]; workerMs: number }>;
  engineInfo(): Promise<{ entities: string; fallbackReason?: string }>;
  parseKnowledgeBase(req: { text: string; relFile: string }): Promise<PackedKnowledgeBase>;
  readonly size: number;
  /** Worker threads running now (0 before the first task and after an idle stop); pools of threads only. */
  liveWorkers?(): number;
  terminate(): Promise<void>;
  /**
   * Under test only: ends one worker thread as a crash would (the worker offers this only when
   * NEWS_CORPUS_TEST_HOOKS=1); rejects with the crash.
   */
  crashForTest?(): Promise<void>;
}

/**
 * How long the workers of a pool that indexes or exports stay without work (ms): an index worker
 * holds 100–200 MB of heap after a corpus was indexed; between runs (a file changed on disk, a
 * setting) its threads end after a minute of quiet, and the next run starts them again (about a
 * second before a fresh worker is up to speed).
 */
export const INDEX_IDLE_MS = 60_000;

/**
 * Heap limit of an analysis worker thread, MB. V8 sizes a heap's growth by its limit: under a limit
 * of 2,048 MB a thread analysing the corpus bench's articles one after another let its heap grow to
 * 246 MB (340 MB resident) for 39 MB of live data, under 1,024 MB to 134 MB (218 MB resident), as
 * fast. The most an article took is 596 MB, 1,000,000 characters with every word on a line of its own
 * (newsCorpus.maxAnalysedCharacters is 300,000 by default); a unit test runs that article in a worker.
 */
export const WORKER_HEAP_LIMIT_MB = 1024;

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * A worker thread's script and how to start it: `explicit` when given, else the bundled JS beside
 * this code (dist/<bundled>), else its TypeScript source beside it through tsx (tests, benches).
 */
export function locateWorkerScript(what: string, bundledName: string, sourceName: string, explicit?: string): { script: string; execArgv: string[] } {
  if (explicit) return { script: explicit, execArgv: explicit.endsWith('.ts') ? ['--require', 'tsx/cjs'] : [] };
  const bundled = join(__dirname, bundledName);
  if (existsSync(bundled)) return { script: bundled, execArgv: [] };
  const source = join(__dirname, sourceName);
  if (existsSync(source)) return { script: source, execArgv: ['--require', 'tsx/cjs'] };
  throw new Error(`${what} not found (looked for ${bundled}); run npm run build`);
}

/** The analysis worker's script and how to start it (see locateWorkerScript). */
export function workerScript(explicit?: string): { script: string; execArgv: string[] } {
  return locateWorkerScript('analysis worker', 'analysisWorker.js', 'analysisWorkerMain.ts', explicit);
}

export function createAnalysisPool(options: AnalysisPoolOptions = {}): AnalysisPool {
  const { script, execArgv } = workerScript(options.script);
  const size = Math.max(1, options.workers ?? defaultWorkerCount());
  const timeout = options.taskTimeoutMs ?? 60_000;
  const start = () =>
    workerpool.pool(script, {
      maxWorkers: size,
      workerType: 'thread',
      workerThreadOpts: { execArgv, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_LIMIT_MB }, workerData: { background: options.background === true } },
    });
  // The threads, started on the first task and, with idleMs, ended after a quiet spell.
  let pool: ReturnType<typeof workerpool.pool> | undefined;
  let inFlight = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const idle = () => {
    if (options.idleMs === undefined || inFlight > 0 || !pool) return;
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      if (inFlight > 0 || !pool) return;
      const ending = pool;
      pool = undefined; // a task from now on starts new threads
      void ending.terminate();
    }, options.idleMs);
    idleTimer.unref?.();
  };
  type Method<K extends keyof AnalysisWorkerMethods> = NonNullable<AnalysisWorkerMethods[K]>;
  const run = async <K extends keyof AnalysisWorkerMethods>(method: K, params: Parameters<Method<K>>): Promise<ReturnType<Method<K>>> => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = undefined;
    inFlight++;
    try {
      return (await (pool ??= start()).exec(method, params).timeout(timeout)) as ReturnType<Method<K>>;
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (e instanceof workerpool.Promise.TimeoutError) options.onRestart?.(`an analysis worker took longer than ${Math.round(timeout / 1000)} s on one task and was restarted`);
      else if (/terminated unexpectedly|exited unexpectedly|Worker terminated|exitCode/i.test(msg)) options.onRestart?.(`an analysis worker stopped unexpectedly (${msg}) and was restarted`);
      throw e;
    } finally {
      inFlight--;
      idle();
    }
  };
  return {
    size,
    analyze: (req) => run('analyze', [req]),
    summarize: (req) => run('summarize', [req]),
    engineInfo: () => run('engineInfo', []),
    parseKnowledgeBase: (req) => run('parseKnowledgeBase', [req]),
    crashForTest: async () => {
      await run('exitForTest', []);
    },
    liveWorkers: () => pool?.stats().totalWorkers ?? 0,
    terminate: async () => {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = undefined;
      const ending = pool;
      pool = undefined;
      await ending?.terminate(true);
    },
  };
}
