// Entry point of the corpus worker thread (bundled as dist/corpusWorker.js), started by the
// extension host (corpusWorkerClient.ts): it runs the corpus service (corpusService.ts) with a pool
// of analysis workers of its own, so that the host thread only sends file lists and questions and
// receives progress and answers (see corpusWorkerProtocol.ts).
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalysisPool, INDEX_IDLE_MS, type AnalysisPool } from './analysisPool';
import { CorpusService } from './corpusService';
import type { CorpusWorkerHeap, CorpusWorkerToHost, HostToCorpusWorker } from './corpusWorkerProtocol';
import { engineKey } from './engineKey';
import { IDLE_COLLECTION, IdleCollector, idleCollector, inOnePause, type IdleCollectionPolicy } from './idleCollection';
import { CORPUS_WORKER_NICE, currentThreadId, lowerThreadPriority } from './threadPriority';

export interface CorpusWorkerData {
  /** Analysis worker threads of the pool. */
  workers: number;
  /** Time limit of one analysis task (ms), past which its worker is restarted. */
  taskTimeoutMs: number;
  /** The analysis workers lower their priority, and this thread a little (see lowerThreadPriority; default true). */
  background?: boolean;
  /** The index workers end after this long without work (ms; default INDEX_IDLE_MS); the next run starts them again. */
  indexIdleMs?: number;
  /**
   * Collect this thread's garbage between its steps once its heap has grown (see idleCollection.ts):
   * true (the default) with IDLE_COLLECTION's policy, or another policy (tests); 'full' makes each in
   * one pause, as the worker did before it started them (the host-gc bench's comparison).
   */
  idleCollection?: boolean | IdleCollectionPolicy | 'full';
}

if (!parentPort) throw new Error('corpusWorkerMain runs in a worker thread');
const port = parentPort;
const options = workerData as CorpusWorkerData;
// Below the host thread, above its index workers: while a corpus is indexed, the host thread gets a
// core before this thread's steps do (Linux; see threadPriority.ts).
if (options.background !== false) lowerThreadPriority(CORPUS_WORKER_NICE);
const collector =
  options.idleCollection === false
    ? undefined
    : new IdleCollector(options.idleCollection === 'full' ? inOnePause() : idleCollector(), typeof options.idleCollection === 'object' ? options.idleCollection : IDLE_COLLECTION);
const post = (m: CorpusWorkerToHost) => {
  port.postMessage(m);
  collector?.afterWork();
};

let pool: AnalysisPool | undefined;
const service = new CorpusService({
  engineKey,
  pool: () =>
    (pool ??= createAnalysisPool({
      workers: options.workers,
      taskTimeoutMs: options.taskTimeoutMs,
      background: options.background !== false,
      idleMs: options.indexIdleMs ?? INDEX_IDLE_MS,
      onRestart: (reason) => post({ type: 'notice', level: 'warn', message: reason, show: `${reason}. Analysis goes on.` }),
    })),
  emit: post,
});

const reply = async (id: number, work: () => Promise<unknown>) => {
  try {
    post({ type: 'reply', id, value: await work() });
  } catch (e) {
    post({ type: 'reply', id, error: e instanceof Error ? e.message : String(e) });
  }
};

port.on('message', (m: HostToCorpusWorker) => {
  collector?.afterWork();
  switch (m.type) {
    case 'run':
      return void reply(m.id, () => service.run(m.request));
    case 'cancel':
      return service.cancel(m.runId);
    case 'remove':
      return void reply(m.id, () => service.removeFile(m.root, m.relPath));
    case 'forget':
      return void reply(m.id, () => service.forget());
    case 'query':
      return void reply(m.id, () => service.query(m.root, m.rootPath, m.knowledgeBase, m.query));
    case 'dispose':
      return void reply(m.id, async () => {
        collector?.dispose();
        await service.dispose();
        await pool?.terminate();
      });
    case 'ping':
      return post({ type: 'reply', id: m.id });
    case 'heap': {
      const h = getHeapStatistics();
      const mb = (bytes: number) => bytes / 2 ** 20;
      return post({ type: 'reply', id: m.id, value: { usedMb: mb(h.used_heap_size), totalMb: mb(h.total_heap_size), externalMb: mb(h.external_memory), indexWorkers: pool?.liveWorkers?.() ?? 0, threadId: currentThreadId(), ...(collector ? { idleCollections: { ...collector.stats } } : {}) } satisfies CorpusWorkerHeap });
    }
    case 'crashForTest':
      // Under test only (the integration harness sets NEWS_CORPUS_TEST_HOOKS=1): ends the thread as a crash would.
      if (process.env.NEWS_CORPUS_TEST_HOOKS === '1') process.exit(70);
      return;
    case 'hangForTest':
      // Under test only: never answers again, as a worker stuck in a loop would.
      if (process.env.NEWS_CORPUS_TEST_HOOKS === '1') for (;;);
      return;
  }
});

