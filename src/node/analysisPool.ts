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
}

export interface AnalysisPool {
  analyze(req: AnalyzeRequest): Promise<AnalysisResult>;
  summarize(req: SummarizeRequest): Promise<{ results: SummarizeResult[]; workerMs: number }>;
  engineInfo(): Promise<{ entities: string; fallbackReason?: string }>;
  parseKnowledgeBase(req: { text: string; relFile: string }): Promise<PackedKnowledgeBase>;
  readonly size: number;
  terminate(): Promise<void>;
  /**
   * Under test only: ends one worker thread as a crash would (the worker offers this only when
   * NEWS_CORPUS_TEST_HOOKS=1); rejects with the crash.
   */
  crashForTest?(): Promise<void>;
}

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
  const pool = workerpool.pool(script, {
    maxWorkers: size,
    workerType: 'thread',
    workerThreadOpts: { execArgv, resourceLimits: { maxOldGenerationSizeMb: 2048 }, workerData: { background: options.background === true } },
  });
  type Method<K extends keyof AnalysisWorkerMethods> = NonNullable<AnalysisWorkerMethods[K]>;
  const run = async <K extends keyof AnalysisWorkerMethods>(method: K, params: Parameters<Method<K>>): Promise<ReturnType<Method<K>>> => {
    try {
      return (await pool.exec(method, params).timeout(timeout)) as ReturnType<Method<K>>;
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (e instanceof workerpool.Promise.TimeoutError) options.onRestart?.(`an analysis worker took longer than ${Math.round(timeout / 1000)} s on one task and was restarted`);
      else if (/terminated unexpectedly|exited unexpectedly|Worker terminated|exitCode/i.test(msg)) options.onRestart?.(`an analysis worker stopped unexpectedly (${msg}) and was restarted`);
      throw e;
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
    terminate: async () => {
      await pool.terminate(true);
    },
  };
}
