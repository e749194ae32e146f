import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import * as path from 'node:path';
import { createAnalysisPool } from '../../../src/node/analysisPool';
import { CorpusWorkerClient } from '../../../src/node/corpusWorkerClient';
import { BACKGROUND_NICE, CORPUS_WORKER_NICE, lowerThreadPriority } from '../../../src/node/threadPriority';

const WORKER = path.join(__dirname, '..', '..', '..', 'src', 'node', 'analysisWorkerMain.ts');

/** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/<tid>/stat). */
function threadNices(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** Off Linux, where a thread has no priority of its own: starting `threads` and waiting for them leaves the process (the editor with it) at its priority. */
async function keepsProcessPriority<T extends { terminate(): Promise<unknown> }>(threads: () => T, ready: (t: T) => Promise<unknown>): Promise<void> {
  const base = getPriority();
  const t = threads();
  try {
    await ready(t);
    assert.equal(getPriority(), base);
  } finally {
    await t.terminate();
  }
}

describe('background threads (index workers) at a lower priority', function () {
  this.timeout(60_000);

  it('leaves the main thread as it is (and every thread off Linux)', () => {
    const before = getPriority();
    assert.match(lowerThreadPriority(), process.platform === 'linux' ? /main thread/ : /Linux only/);
    assert.equal(getPriority(), before);
  });

  it('lowers the priority of a background pool’s worker threads only (Linux; elsewhere the process keeps its priority)', async () => {
    const base = getPriority();
    // os.setPriority would change the whole process there: nothing is changed.
    if (process.platform !== 'linux') return keepsProcessPriority(() => createAnalysisPool({ workers: 1, script: WORKER, background: true }), (pool) => pool.engineInfo());
    const niced = () => [...threadNices().values()].filter((n) => n === Math.min(19, base + BACKGROUND_NICE)).length;
    const already = niced();
    const background = createAnalysisPool({ workers: 2, script: WORKER, background: true });
    try {
      await Promise.all([background.engineInfo(), background.engineInfo()]);
      assert.ok(niced() > already, 'a worker thread runs at the background priority');
      assert.ok(niced() - already <= 2, 'no more threads than workers');
      assert.equal(getPriority(), base, 'the process (its main thread) keeps its priority');
    } finally {
      await background.terminate();
    }
    // A pool for the editor's own analyses stays at normal priority.
    const editor = createAnalysisPool({ workers: 1, script: WORKER });
    try {
      await editor.engineInfo();
      assert.equal(niced(), already);
    } finally {
      await editor.terminate();
    }
  });

  it('runs the corpus worker below the host thread and above its index workers (Linux), or at normal priority when asked', async () => {
    const base = getPriority();
    if (process.platform !== 'linux') return keepsProcessPriority(() => new CorpusWorkerClient({ workers: 1, taskTimeoutMs: 60_000, onEvent: () => undefined }), (client) => client.heap());
    const niceOf = (tid: number | undefined) => (tid === undefined ? undefined : threadNices().get(tid));
    for (const [background, expected] of [[undefined, Math.min(19, base + CORPUS_WORKER_NICE)], [false, base]] as const) {
      const client = new CorpusWorkerClient({ workers: 1, taskTimeoutMs: 60_000, background, onEvent: () => undefined });
      try {
        const heap = await client.heap();
        assert.equal(niceOf(heap.threadId), expected, `background ${background}`);
        assert.equal(getPriority(), base, 'the process (its main thread) keeps its priority');
      } finally {
        await client.terminate();
      }
    }
    assert.ok(CORPUS_WORKER_NICE > 0 && CORPUS_WORKER_NICE < BACKGROUND_NICE);
  });
});
