// How long the host thread's own full collections wait while a corpus is indexed cold: V8's C++
// heap (cppgc) holds a mutex of the whole process in the final pause of each thread's full
// collection, so a full collection of the host's heap waits for any other thread's pause in
// progress (see src/node/idleCollection.ts). The extension host collects its heap now and then
// (every extension allocates in it); this bench stands in for that: the host thread holds a small
// heap and makes a full collection of it every PROBE_EVERY_MS, timed, while the corpus worker
// indexes the articles into a fresh store. Of each, the time the thread slept (neither ran nor
// waited for a core, from Linux's schedstat) is the wait for another thread's pause. Three
// arrangements, in turns, each a fresh corpus worker: its collections between steps started for V8
// to make (as the extension runs it), made in one pause each (as it did before 2026-12-06), and none.
//   npm run bench -- --only hostGc [--data DIR] [--articles N]
// Default data: the corpus bench's 10,000 real articles (../shared/data).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from '../bench';
import { benchCorpusDir, benchCorpusWorker } from '../lib/benchCorpus';
import { median, percentile } from '../lib/stats';
import { hostSchedReader } from '../lib/threadCpu';
import { fullCollector } from '../../src/node/idleCollection';
import { DEFAULT_CONFIG } from '../../src/core/config/types';
import { CorpusWorkerClient } from '../../src/node/corpusWorkerClient';
import type { CorpusWorkerData } from '../../src/node/corpusWorkerMain';

const PROBE_EVERY_MS = 200;
const ARRANGEMENTS: { name: string; idleCollection: CorpusWorkerData['idleCollection'] }[] = [
  { name: 'started', idleCollection: true },
  { name: 'one pause', idleCollection: 'full' },
  { name: 'none', idleCollection: false },
];

interface Figures {
  name: string;
  coldS: number;
  probes: number[];
  /** Of each probe, the time the host thread neither ran nor waited for a core: asleep, on cppgc's mutex (Linux). */
  asleep: number[];
  peakRssMb: number;
  heap: string;
  collections: string;
}

async function once(dir: string, n: number, script: string, arrangement: (typeof ARRANGEMENTS)[number], gc: () => void): Promise<Figures> {
  const cache = mkdtempSync(join(tmpdir(), 'nca-bench-hostgc-'));
  const client = new CorpusWorkerClient({ workers: 2, taskTimeoutMs: 300_000, script, background: true, indexIdleMs: 2_000, idleCollection: arrangement.idleCollection, onEvent: () => undefined });
  const probes: number[] = [];
  const asleep: number[] = [];
  const sched = hostSchedReader();
  let peakRss = process.memoryUsage.rss();
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  const probeTimer = setInterval(() => {
    const before = sched?.read();
    const t0 = performance.now();
    gc();
    const ms = performance.now() - t0;
    probes.push(ms);
    const after = sched?.read();
    if (before && after) asleep.push(Math.max(0, ms - (after[0] - before[0] + after[1] - before[1]) / 1e6));
  }, PROBE_EVERY_MS);
  try {
    const config = structuredClone(DEFAULT_CONFIG);
    const t0 = performance.now();
    await client.run({ runId: client.newRunId(), root: 'file:///bench-host-gc', rootPath: dir, cacheDir: cache, config, files: [], walk: { include: config.include, exclude: config.exclude, maxFiles: n }, maxChars: 300_000, full: true });
    const coldS = (performance.now() - t0) / 1000;
    clearInterval(probeTimer);
    clearInterval(rssTimer);
    const h = await client.heap();
    const c = h.idleCollections;
    return {
      name: arrangement.name,
      coldS,
      probes,
      asleep,
      peakRssMb: peakRss / 2 ** 20,
      heap: `${h.usedMb.toFixed(0)} / ${h.totalMb.toFixed(0)}`,
      collections: c ? `${c.count} / ${c.longestMs.toFixed(0)} / ${c.fullCollections} / ${c.longestFullMs.toFixed(0)}` : 'off',
    };
  } finally {
    clearInterval(probeTimer);
    clearInterval(rssTimer);
    sched?.close();
    await client.terminate();
    rmSync(cache, { recursive: true, force: true });
  }
}

export async function bench(opts: BenchOptions & { articles?: number }): Promise<Record<string, number | string>> {
  const n = opts.articles ?? 10_000;
  const dir = benchCorpusDir('hostGc', opts.data, n);
  if (!dir) return { skipped: 'no data' };
  const gc = fullCollector();
  if (!gc) throw new Error("V8's gc could not be had: this bench needs it");
  const script = benchCorpusWorker();
  // The host's heap: 40,000 small objects besides the bench's own, live throughout (a full collection of it alone takes a few ms).
  const held: { i: number; s: string }[] = [];
  for (let i = 0; i < 40_000; i++) held.push({ i, s: `held ${i}` });
  // A full collection of it with nothing else running, before and after the arrangements.
  const alone = (): number => {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      gc();
      times.push(performance.now() - t0);
    }
    return median(times);
  };
  const out: Record<string, number | string> = { source: dir, articles: n, 'host heap MB': process.memoryUsage().heapUsed / 2 ** 20, 'host full collection alone, median ms, before': alone() };
  for (const arrangement of ARRANGEMENTS) {
    const f = await once(dir, n, script, arrangement, gc);
    const s = [...f.probes].sort((a, b) => a - b);
    out[`${f.name}: host full collections (every ${PROBE_EVERY_MS} ms), count, p50, p99, max ms`] = `${s.length}, ${percentile(s, 50).toFixed(1)}, ${percentile(s, 99).toFixed(1)}, ${(s[s.length - 1] ?? 0).toFixed(1)}`;
    out[`${f.name}: host full collections over 16 / over 50 ms`] = `${s.filter((x) => x > 16).length} / ${s.filter((x) => x > 50).length}`;
    out[`${f.name}: longest host full collection ms`] = s[s.length - 1] ?? 0;
    // What the host thread slept in them (Linux): a collection waiting for another thread's pause, not for a core.
    const a = [...f.asleep].sort((x, y) => x - y);
    out[`${f.name}: host thread asleep in a full collection, p99, max ms; over 16 ms`] = a.length ? `${percentile(a, 99).toFixed(1)}, ${(a[a.length - 1] ?? 0).toFixed(1)}; ${a.filter((x) => x > 16).length}` : 'n/a';
    out[`${f.name}: longest host sleep in a full collection ms`] = a.length ? (a[a.length - 1] ?? 0) : 'n/a';
    out[`${f.name}: cold s`] = f.coldS;
    out[`${f.name}: peak RSS MB`] = f.peakRssMb;
    out[`${f.name}: corpus worker heap MB at the end, used / total`] = f.heap;
    out[`${f.name}: corpus worker collections between steps, count / longest ms on its thread / full collections / longest full pause ms`] = f.collections;
  }
  out['host full collection alone, median ms, after'] = alone();
  // Read here, so that the host's heap stays what it was through every arrangement.
  out['host heap objects held'] = held.length;
  return out;
}
