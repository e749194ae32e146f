// A pool that works in bursts (indexing a corpus, an export) ends its worker threads after a quiet
// spell, and starts them again for the next task.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';
import { createAnalysisPool } from '../../../src/node/analysisPool';
import { attachText } from '../../../src/worker/protocol';

const FIX = path.join(__dirname, '..', '..', 'fixtures');
const SCRIPT = path.join(__dirname, '..', '..', '..', 'src', 'node', 'analysisWorkerMain.ts');
const article = readFileSync(path.join(FIX, 'workspace', 'corpus', 'site-b', 'border-patrols.txt'), 'utf8');
/** Threads of this process (Linux), or undefined elsewhere. */
const threads = () => (existsSync('/proc/self/task') ? readdirSync('/proc/self/task').length : undefined);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(test: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (test()) return true;
    await sleep(25);
  }
  return test();
}

describe('analysis pool with an idle limit', function () {
  this.timeout(60_000);

  it('ends its worker threads after the quiet spell and starts them again for the next task, with the same results', async () => {
    const pool = createAnalysisPool({ workers: 2, script: SCRIPT, idleMs: 400 });
    try {
      const before = threads();
      assert.equal(pool.liveWorkers?.(), 0, 'no thread before the first task');
      const req = { text: article, config: structuredClone(DEFAULT_CONFIG), relPath: 'site-b/border-patrols.txt' };
      const first = await pool.analyze(req);
      assert.ok((pool.liveWorkers?.() ?? 0) >= 1);
      const busy = threads();
      if (before !== undefined && busy !== undefined) assert.ok(busy > before, `a worker thread runs (${before} → ${busy} threads)`);
      // Still there within the spell.
      await sleep(100);
      assert.ok((pool.liveWorkers?.() ?? 0) >= 1);
      // Ended after it: the process's threads back to what they were.
      assert.ok(await until(() => pool.liveWorkers?.() === 0, 3000), 'the pool let its workers go');
      if (before !== undefined) assert.ok(await until(() => threads()! <= before, 5000), `the worker threads ended (${threads()} threads, ${before} before)`);
      const again = await pool.analyze(req);
      assert.ok((pool.liveWorkers?.() ?? 0) >= 1);
      const strip = (r: typeof first) => ({ ...r, workerMs: 0, timings: {} });
      assert.deepStrictEqual(strip(again), strip(first));
    } finally {
      await pool.terminate();
    }
  });

  it('never ends a worker while a task runs, however long it takes', async () => {
    const restarts: string[] = [];
    const pool = createAnalysisPool({ workers: 1, script: SCRIPT, idleMs: 1, onRestart: (r) => restarts.push(r) });
    try {
      // Three tasks queued on one worker, each longer than the spell (a batch analysis: no cache of the repeated paragraphs).
      const text = article.repeat(20);
      const req = { text, config: structuredClone(DEFAULT_CONFIG), relPath: 'long.txt', batch: true };
      const results = await Promise.all([pool.analyze(req), pool.analyze(req), pool.analyze(req)]);
      assert.equal(results.length, 3);
      // Each task far longer than the 1 ms spell, none cut short, the same analysis each time.
      for (const r of results) assert.ok(r.workerMs > 1, `a task of ${r.workerMs.toFixed(1)} ms`);
      const strip = (r: (typeof results)[number]) => ({ ...r, workerMs: 0, timings: {} });
      assert.deepStrictEqual(strip(results[2]), strip(results[0]));
      assert.ok(attachText(results[0], article.repeat(20)).entities.length > 0);
      assert.deepEqual(restarts, []);
    } finally {
      await pool.terminate();
    }
  });

  it('keeps its workers without an idle limit', async () => {
    const pool = createAnalysisPool({ workers: 1, script: SCRIPT });
    try {
      await pool.engineInfo();
      await sleep(300);
      assert.equal(pool.liveWorkers?.(), 1);
    } finally {
      await pool.terminate();
    }
  });
});
