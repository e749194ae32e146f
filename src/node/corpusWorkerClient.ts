// The host's side of the corpus worker (corpusWorkerMain.ts): starts the thread on first use, sends
// requests and routes the answers, run progress and the worker's events. A worker that stopped (a
// crash), or whose event loop stopped turning (it answers a ping at once between any two steps of
// its work; none answered for `hangMs`: terminated), fails what was asked of it, is started again on
// the next request, and `onRestart` tells the host, which tells the user and runs the index again
// (from the store: quickly).
import { Worker } from 'node:worker_threads';
import { locateWorkerScript } from './analysisPool';
import type { CorpusAnswer, CorpusQuery, CorpusRunReport, CorpusRunRequest, CorpusWorkerHeap, CorpusWorkerToHost, HostToCorpusWorker } from './corpusWorkerProtocol';
import type { CorpusWorkerData } from './corpusWorkerMain';

export interface CorpusWorkerOptions extends CorpusWorkerData {
  /** Progress-free events of the worker: changes and notices. */
  onEvent: (m: Extract<CorpusWorkerToHost, { type: 'changed' | 'notice' }>) => void;
  /** The worker stopped unexpectedly (it is started again on the next request). */
  onRestart?: (reason: string) => void;
  /** Worker script (default: dist/corpusWorker.js beside this bundle, or the TypeScript source under tsx). */
  script?: string;
  /** A worker that answers no ping for this long is taken for hung and restarted (ms; default HANG_MS). */
  hangMs?: number;
  /** How often a busy worker is pinged (ms; default PING_MS). */
  pingMs?: number;
}

/**
 * The worker's steps are bounded (a turn of its event loop between any two), so a ping is answered in
 * well under a second even while it indexes; a minute of silence is a hang.
 */
export const HANG_MS = 60_000;
export const PING_MS = 5_000;

/** A corpus's id, folder and knowledge-base files, as every question carries them. */
export interface CorpusRef {
  root: string;
  rootPath?: string;
  knowledgeBase: readonly string[];
}

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class CorpusWorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private readonly progress = new Map<number, (done: number, total: number) => void>();
  private disposed = false;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  /** When the oldest unanswered ping was sent (undefined: none waiting). */
  private pingSent: number | undefined;
  /** Times the worker stopped unexpectedly. */
  restarts = 0;

  constructor(private readonly options: CorpusWorkerOptions) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const { script, execArgv } = locateWorkerScript('corpus worker', 'corpusWorker.js', 'corpusWorkerMain.ts', this.options.script);
    const data: CorpusWorkerData = { workers: this.options.workers, taskTimeoutMs: this.options.taskTimeoutMs, background: this.options.background, indexIdleMs: this.options.indexIdleMs, idleCollection: this.options.idleCollection };
    const worker = new Worker(script, { execArgv, workerData: data, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    worker.on('message', (m: CorpusWorkerToHost) => {
      if (m.type === 'reply') {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error !== undefined) w?.reject(new Error(m.error));
        else w?.resolve(m.value);
      } else if (m.type === 'progress') this.progress.get(m.runId)?.(m.done, m.total);
      else this.options.onEvent(m);
    });
    worker.on('error', (e) => this.stopped(worker, `the corpus worker failed (${e.message})`));
    worker.on('exit', (code) => this.stopped(worker, `the corpus worker stopped unexpectedly (exit code ${code})`));
    this.worker = worker;
    this.pingSent = undefined;
    const hangMs = this.options.hangMs ?? HANG_MS;
    this.watchdog = setInterval(() => this.ping(worker, hangMs), this.options.pingMs ?? PING_MS);
    this.watchdog.unref?.();
    return worker;
  }

  /** Pings a worker that has work in hand; one that left the last ping unanswered for `hangMs` is terminated and reported. */
  private ping(worker: Worker, hangMs: number): void {
    if (this.worker !== worker) return;
    if (this.pingSent !== undefined) {
      if (Date.now() - this.pingSent < hangMs) return;
      this.stopped(worker, `the corpus worker did not answer for ${Math.round(hangMs / 1000)} s and was restarted`);
      void worker.terminate();
      return;
    }
    if (this.waiting.size === 0) return; // idle: nothing waits on it
    const id = this.nextId++;
    this.pingSent = Date.now();
    this.waiting.set(id, { resolve: () => (this.pingSent = undefined), reject: () => undefined });
    worker.postMessage({ type: 'ping', id } satisfies HostToCorpusWorker);
  }

  private stopped(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
    this.pingSent = undefined;
    const failed = [...this.waiting.values()];
    this.waiting.clear();
    this.progress.clear();
    for (const w of failed) w.reject(new Error(reason));
    if (this.disposed) return;
    this.restarts++;
    this.options.onRestart?.(reason);
  }

  /** Sends a request; its answer, or a rejection when the worker stops, or after `timeoutMs` (the answer then dropped). */
  private request<T>(make: (id: number) => HostToCorpusWorker, timeoutMs?: number): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('the corpus worker is disposed'));
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.waiting.delete(id);
              reject(new Error(`the corpus worker did not answer within ${timeoutMs} ms`));
            }, timeoutMs);
      const done = () => timer !== undefined && clearTimeout(timer);
      this.waiting.set(id, {
        resolve: (v) => {
          done();
          resolve(v as T);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      });
      worker.postMessage(make(id));
    });
  }

  /** A new run id (to cancel the run with). */
  newRunId(): number {
    return this.nextId++;
  }

  /** Runs the index over some articles of a corpus; `onProgress` hears of each batch. */
  async run(request: CorpusRunRequest, onProgress?: (done: number, total: number) => void): Promise<CorpusRunReport> {
    if (onProgress) this.progress.set(request.runId, onProgress);
    try {
      return await this.request<CorpusRunReport>((id) => ({ type: 'run', id, request }));
    } finally {
      this.progress.delete(request.runId);
    }
  }

  cancel(runId: number): void {
    this.worker?.postMessage({ type: 'cancel', runId } satisfies HostToCorpusWorker);
  }

  removeFile(root: string, relPath: string): Promise<void> {
    return this.request((id) => ({ type: 'remove', id, root, relPath }));
  }

  /** Forgets what the worker holds in memory (stores flushed), as a window reload does. */
  forget(): Promise<void> {
    return this.request((id) => ({ type: 'forget', id }));
  }

  /** Asks about a corpus; with `timeoutMs`, gives up after that long (for what must not wait: an edit's analysis). */
  query<Q extends CorpusQuery>(corpus: CorpusRef, query: Q, timeoutMs?: number): Promise<CorpusAnswer<Q>> {
    return this.request((id) => ({ type: 'query', id, root: corpus.root, rootPath: corpus.rootPath, knowledgeBase: [...corpus.knowledgeBase], query }), timeoutMs);
  }

  /** The worker's heap (benches). */
  heap(): Promise<CorpusWorkerHeap> {
    return this.request((id) => ({ type: 'heap', id }));
  }

  /** Under test only: ends the worker thread as a crash would (see NEWS_CORPUS_TEST_HOOKS). */
  crashForTest(): void {
    this.start().postMessage({ type: 'crashForTest' } satisfies HostToCorpusWorker);
  }

  /** Under test only: the worker stops answering, as a hung one would (see NEWS_CORPUS_TEST_HOOKS). */
  hangForTest(): void {
    this.start().postMessage({ type: 'hangForTest' } satisfies HostToCorpusWorker);
  }

  /** Flushes the stores, ends the analysis workers and the thread. */
  async terminate(): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
    const worker = this.worker;
    if (!worker) {
      this.disposed = true;
      return;
    }
    try {
      await Promise.race([this.request((id) => ({ type: 'dispose', id })), new Promise((resolve) => setTimeout(resolve, 5000))]);
    } catch {
      // stopped already
    }
    this.disposed = true;
    this.worker = undefined;
    await worker.terminate();
  }
}
