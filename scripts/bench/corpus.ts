// The corpus at scale, as the extension runs it: the persisted index built cold, loaded warm, updated
// after 1% of the articles changed, by the corpus worker (store, summaries, corpus actors) with its
// index workers busy, the host thread only sending the file list, and measured for blocks
// and for how long it was busy (event-loop utilization, and the thread's own CPU where Linux tells it:
// what the host takes from the workers on a small machine), each block over 16 ms told apart as a
// collection of the host's own heap or not, and for the longest other one how long the thread ran,
// waited for a core or slept in the system meanwhile (Linux schedstat), and the stalls of the whole
// machine a canary process sees told apart (scripts/lib/machineStalls.ts);
// memory for 1,000 articles against the full size (peak RSS of the process, and the corpus worker's
// heap at the end of each run: the part that grows with the corpus); and the per-keystroke re-analysis cost of an open 10 KB and
// 300 KB article in the editor worker (worker time, p50/p95 over one-character edits). The cold run
// also reports the workers' time per article analysed (wall time inside the workers, both running).
// After the cold run it waits for the index workers to end (their idle stop, shortened to
// BENCH_INDEX_IDLE_MS here) and reports what the process then holds.
//   npm run bench -- --only corpus [--data DIR] [--articles N] [--workers N]
// --workers N: that many index workers (default one per core, as the extension starts them).
// The index workers run in the background as the extension starts them (a lower priority on Linux,
// see src/node/threadPriority.ts); NCA_BENCH_FOREGROUND=1 runs them at normal priority, and
// NCA_BENCH_NO_IDLE_GC=1 runs the corpus worker without its collections between steps;
// NCA_BENCH_SCHED_TRACE=1 (root, Linux tracefs) records the scheduler's events in the cold run and
// reports whom the host thread waited behind for a core (scripts/lib/schedTrace.ts). The workers
// are the bundles the extension ships, built first (see benchCorpusWorker; NCA_BENCH_SOURCE=1: the
// sources through tsx, as the bench ran them until 2026-12-05).
// Default data: real text only — the pages under ../shared/data/boilerplate*/full, then Wikipedia
// pages of ../shared/data/ner/wikitext/ (one document per line), written once as .txt files into a
// temp folder. Nothing is repeated.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance as nodePerformance, PerformanceObserver } from 'node:perf_hooks';
import type { BenchOptions } from '../bench';
import { benchCorpusDir, benchCorpusWorker } from '../lib/benchCorpus';
import { fullGc } from '../lib/fullGc';
import { watchMachineStalls, type MachineStall } from '../lib/machineStalls';
import { median } from '../lib/stats';
import { hostSchedReader, mainThreadCpuMs, threadsCpuMs } from '../lib/threadCpu';
import { ranDuringWaits, startSchedTrace, type HostWait } from '../lib/schedTrace';
import { DEFAULT_CONFIG } from '../../src/core/config/types';
import { CorpusWorkerClient } from '../../src/node/corpusWorkerClient';
import type { CorpusWorkerHeap } from '../../src/node/corpusWorkerProtocol';
import { walkArticles } from '../../src/node/fileWalk';
import { KEYSTROKE_RUNS, keystrokes, keystrokeTexts } from './keystrokes';

/** The .txt files under folders, sorted, as { file, root } (the safe walk; nothing to report here). */
const listArticles = (dirs: string[]) => [...walkArticles(dirs, { onProblem: () => undefined, globs: false })].map((f) => ({ file: f.path, root: f.root }));
import type { IndexFile } from '../../src/node/corpusIndexer';

/** The period of the timer that finds the host thread's blocks, ms. */
const BLOCK_TICK_MS = 4;

/** A block of the host thread: when (performance.now()), how long, and of it how long the thread ran and how long it waited for a core (Linux). */
interface HostBlock {
  start: number;
  ms: number;
  ranMs?: number;
  waitedMs?: number;
}

/** The longest of some blocks (undefined among them skipped). */
function longestBlock(blocks: readonly (HostBlock | undefined)[]): HostBlock | undefined {
  let out: HostBlock | undefined;
  for (const b of blocks) if (b && (!out || b.ms > out.ms)) out = b;
  return out;
}

/**
 * Of some blocks, the one in which the thread slept longest (neither ran nor waited for a core), with
 * that time beyond the timer's own period (at least what it slept in the block); undefined without schedstat.
 */
function longestSleep(blocks: readonly (HostBlock | undefined)[]): (HostBlock & { sleptMs: number }) | undefined {
  let out: (HostBlock & { sleptMs: number }) | undefined;
  for (const b of blocks) {
    if (!b || b.ranMs === undefined || b.waitedMs === undefined) continue;
    const sleptMs = Math.max(0, b.ms - b.ranMs - b.waitedMs);
    if (!out || sleptMs > out.sleptMs) out = { ...b, sleptMs };
  }
  return out;
}

/** Runs at 1,000 articles, each in a fresh process, whose median peak the RSS ratio divides by. */
const ONE_K_RUNS = 3;

interface RunFigures {
  /** The corpus worker's start, the store's opening and the update. */
  ms: number;
  analysed: number;
  reused: number;
  /** Summed worker time of the articles analysed (what the analysis itself costs, both cores together). */
  workerMs: number;
  cpuMs: number;
  maxBlockMs: number;
  /** 99th percentile of the event-loop delay samples (1 ms resolution). */
  p99BlockMs: number;
  /** Garbage-collection pauses of the host thread over 16 ms, and the longest (what most long blocks are). */
  gcOver16: number;
  maxGcMs: number;
  /**
   * Blocks of the host thread over 16 ms (a BLOCK_TICK_MS timer late by more than that), those that
   * overlap a collection of the host's own heap over 16 ms, and the longest of the others with how
   * long the thread ran in it and waited for a core (the rest it slept in the system).
   */
  blocksOver16: number;
  blocksOver16InGc: number;
  longestOutsideGc?: HostBlock;
  /**
   * Of the blocks in a host collection, the one in which the host thread slept longest (neither ran
   * nor waited for a core: in its collection's final pause, waiting for another thread's, since V8's
   * C++ heap holds a mutex of the whole process there; see src/node/idleCollection.ts), and that time.
   */
  longestSleepInGc?: HostBlock & { sleptMs: number };
  /** Stalls of the whole machine over 16 ms (Linux; see scripts/lib/machineStalls.ts), and the longest block outside a host collection that no stall overlaps. */
  machineStalls?: MachineStall[];
  longestOutsideGcAndStall?: HostBlock;
  /** Highest resident set size sampled during the run (every 50 ms), MB. */
  peakRssMb: number;
  /** Start to the corpus actor model holding every summary (and a first screen worked out), ms. */
  modelReadyMs: number;
  /** Time the host thread was not idle in its event loop (event-loop utilization × wall; includes waiting for a core), ms. */
  hostBusyMs: number;
  /** CPU time of the host thread alone (Linux), ms. */
  hostCpuMs: number | undefined;
  /** The corpus worker's heap at the end of the run (the corpus's data, with garbage not yet collected). */
  heap: CorpusWorkerHeap;
  /** Resident set size once the index workers ended after the run (their idle stop), MB; when asked. */
  settledRssMb?: number;
  /** CPU time of the run by thread (Linux): the index workers, the corpus worker, this thread, the rest (V8's and libuv's helper threads: collection, compilation, file system), ms. */
  cpuByThread?: { indexWorkers: number; corpusWorker: number; host: number; helpers: number };
  /** The host thread's waits for a core over 4 ms and who ran meanwhile (a scheduler trace; NCA_BENCH_SCHED_TRACE=1, cold run). */
  hostWaits?: HostWait[];
}

/**
 * NCA_BENCH_SCHED_TRACE=1: the cold run records the scheduler's events (scripts/lib/schedTrace.ts;
 * root, Linux tracefs) and reports whom the host thread waited behind; schedTraceOff says why not.
 */
const SCHED_TRACE = process.env.NCA_BENCH_SCHED_TRACE === '1';
const schedTraceOff: { reason?: string } = {};

/** The index workers' quiet spell before they end, in the bench (the extension's is INDEX_IDLE_MS, a minute). */
const BENCH_INDEX_IDLE_MS = 2_000;

async function indexOnce(dir: string, files: IndexFile[], cache: string, workers: number, script: string, settle = false): Promise<RunFigures> {
  // As the extension runs it (src/extension/analysis/corpusIndexer.ts): the corpus worker owns the
  // store, the summaries, the line counts and the corpus actors, with the index workers of its own;
  // this thread sends the file list and receives progress. A fresh worker per run, as a window load.
  const client = new CorpusWorkerClient({ workers, taskTimeoutMs: 300_000, script, background: process.env.NCA_BENCH_FOREGROUND !== '1', indexIdleMs: BENCH_INDEX_IDLE_MS, idleCollection: process.env.NCA_BENCH_NO_IDLE_GC !== '1', onEvent: () => undefined });
  // Set up before any of the measuring starts: the kernel allocates the trace's buffers in the call.
  const schedTrace = settle && SCHED_TRACE ? startSchedTrace(schedTraceOff) : undefined;
  const h = monitorEventLoopDelay({ resolution: 1 });
  const gc = { over16: 0, max: 0 };
  // The host thread's blocks, found by a timer that runs late, and the host's own collections over 16 ms, to tell them apart.
  const blocks: HostBlock[] = [];
  const gcSpans: [number, number][] = [];
  let lastTick = nodePerformance.now();
  const schedReader = hostSchedReader();
  const stallWatch = watchMachineStalls();
  let lastSched = schedReader?.read();
  const blockTimer = setInterval(() => {
    const now = nodePerformance.now();
    const sched = schedReader?.read();
    const ms = now - lastTick - BLOCK_TICK_MS;
    if (ms > 16)
      blocks.push({ start: lastTick, ms, ...(sched && lastSched ? { ranMs: (sched[0] - lastSched[0]) / 1e6, waitedMs: (sched[1] - lastSched[1]) / 1e6 } : {}) });
    lastTick = now;
    lastSched = sched;
  }, BLOCK_TICK_MS);
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration > 16) {
        gc.over16++;
        gcSpans.push([e.startTime, e.startTime + e.duration]);
      }
      gc.max = Math.max(gc.max, e.duration);
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  let peakRss = process.memoryUsage.rss();
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  const cpu0 = process.cpuUsage();
  const elu0 = nodePerformance.eventLoopUtilization();
  const hostCpu0 = mainThreadCpuMs();
  h.enable();
  try {
    // The worker's start and the store's opening (reading the log back) are part of a run: a warm load is mostly that.
    // libuv starts its thread pool on first use: started now, its threads count with the helpers, not as new (index worker) threads.
    await stat(dir);
    const threads0 = threadsCpuMs();
    schedTrace?.begin();
    const t0 = performance.now();
    const root = 'file:///bench-corpus';
    // A folder with its newscorpus.yaml is walked by the corpus worker, as the extension has it do
    // (this thread sends no list); any other folder's articles are sent.
    const config = structuredClone(DEFAULT_CONFIG);
    const walk = existsSync(join(dir, 'newscorpus.yaml')) ? { include: config.include, exclude: config.exclude, maxFiles: files.length } : undefined;
    const r = await client.run({ runId: client.newRunId(), root, rootPath: walk ? dir : undefined, cacheDir: cache, config, files: walk ? [] : files, walk, maxChars: 300_000, full: true });
    const ms = performance.now() - t0;
    schedTrace?.stop();
    // Read at once: the index workers end after their quiet spell, and a thread that ended takes its time with it.
    const threads1 = threadsCpuMs();
    // The corpus actors holding every summary, and a view's first screen.
    await client.query({ root, knowledgeBase: [] }, { type: 'settled' });
    await client.query({ root, knowledgeBase: [] }, { type: 'list', kind: 'person', needle: '', limit: 100 });
    const modelReadyMs = performance.now() - t0;
    const heap = await client.heap();
    h.disable();
    gcObserver.disconnect();
    clearInterval(rssTimer);
    clearInterval(blockTimer);
    schedReader?.close();
    // A block overlaps a span from `start` to `end` (a host collection, a machine stall).
    const overlaps = (b: HostBlock, start: number, end: number) => start < b.start + b.ms + BLOCK_TICK_MS && end > b.start;
    const inHostGc = (b: HostBlock) => gcSpans.some(([g0, g1]) => overlaps(b, g0, g1));
    const outsideGc = blocks.filter((b) => !inHostGc(b));
    const machineStalls = await stallWatch?.stop();
    const inStall = (b: HostBlock) => machineStalls?.some((s) => overlaps(b, s.start, s.start + s.ms)) ?? false;
    const cpu = process.cpuUsage(cpu0);
    const hostBusyMs = nodePerformance.eventLoopUtilization(elu0).active;
    const hostCpu1 = mainThreadCpuMs();
    let cpuByThread: RunFigures['cpuByThread'];
    if (threads0 && threads1) {
      cpuByThread = { indexWorkers: 0, corpusWorker: 0, host: 0, helpers: 0 };
      for (const [tid, cpu] of threads1) {
        const spent = cpu - (threads0.get(tid) ?? 0);
        if (tid === process.pid) cpuByThread.host += spent;
        else if (tid === heap.threadId) cpuByThread.corpusWorker += spent;
        else if (threads0.has(tid)) cpuByThread.helpers += spent;
        else cpuByThread.indexWorkers += spent;
      }
    }
    // Who ran while the host thread waited for a core: this process's threads by their part, others by name.
    const hostWaits = await schedTrace?.hostWaits(
      process.pid,
      (tid, comm) => {
        if (comm.startsWith('swapper')) return undefined; // a CPU idle
        if (tid === heap.threadId) return 'corpus worker';
        if (tid === stallWatch?.pid) return "the bench's canary";
        if (threads0?.has(tid)) return 'helper threads (V8, libuv)';
        if (threads1?.has(tid)) return 'index workers';
        return `other: ${comm}`;
      },
      4,
    );
    // What the process keeps once indexing is over: the index workers end after their quiet spell.
    let settledRssMb: number | undefined;
    if (settle) {
      const end = performance.now() + BENCH_INDEX_IDLE_MS + 15_000;
      while ((await client.heap()).indexWorkers > 0 && performance.now() < end) await new Promise((r) => setTimeout(r, 250));
      fullGc();
      settledRssMb = process.memoryUsage.rss() / 2 ** 20;
    }
    return {
      settledRssMb,
      cpuByThread,
      hostWaits,
      modelReadyMs,
      hostBusyMs,
      hostCpuMs: hostCpu0 !== undefined && hostCpu1 !== undefined ? hostCpu1 - hostCpu0 : undefined,
      ms,
      analysed: r.analysed,
      reused: r.reused,
      workerMs: r.workerMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxBlockMs: h.max / 1e6,
      p99BlockMs: h.percentile(99) / 1e6,
      gcOver16: gc.over16,
      blocksOver16: blocks.length,
      blocksOver16InGc: blocks.length - outsideGc.length,
      longestOutsideGc: longestBlock(outsideGc),
      longestSleepInGc: longestSleep(blocks.filter(inHostGc)),
      machineStalls,
      longestOutsideGcAndStall: machineStalls ? longestBlock(outsideGc.filter((b) => !inStall(b))) : undefined,
      maxGcMs: gc.max,
      peakRssMb: peakRss / 2 ** 20,
      heap,
    };
  } finally {
    schedTrace?.restore();
    await stallWatch?.stop();
    await client.terminate();
  }
}

export async function bench(opts: BenchOptions & { articles?: number }): Promise<Record<string, number | string>> {
  const n = opts.articles ?? 10_000;
  const dir = benchCorpusDir('corpus', opts.data, n);
  if (!dir) return { skipped: 'no data' };
  const files: IndexFile[] = listArticles([dir]).slice(0, n).map((f) => ({ path: f.file, relPath: f.file.slice(dir.length + 1) }));
  const workers = opts.workers ?? availableParallelism();
  const cache = mkdtempSync(join(tmpdir(), 'nca-bench-cache-'));
  try {
    // Each run starts without the garbage of the one before (its store and model), as a window that
    // loads the corpus again does: a full collection in between.
    // Built once by the parent; the 1,000-article child uses the same bundles.
    const script = (process.env.NCA_BENCH_CHILD && process.env.NCA_BENCH_CORPUS_WORKER) || benchCorpusWorker();
    // The bench's own setup collected first too (compiling its TypeScript, listing the articles):
    // otherwise V8 shrank this thread's heap 24–33 s into the cold run (a memory-reducing collection
    // of 16–34 ms here), a pause of the bench's making counted as the index's.
    fullGc();
    const cold = await indexOnce(dir, files, cache, workers, script, true);
    fullGc();
    const warm = await indexOnce(dir, files, cache, workers, script);
    fullGc();
    const changed = files.filter((_, i) => i % 100 === 0);
    const originals = changed.map((f) => readFileSync(f.path, 'utf8'));
    changed.forEach((f, i) => writeFileSync(f.path, originals[i] + `\nUpdated by the bench at ${Date.now()}.\n`));
    const update = await indexOnce(dir, files, cache, workers, script);
    changed.forEach((f, i) => writeFileSync(f.path, originals[i]));
    const rssFull = process.resourceUsage().maxRSS / 1024;
    // Memory for 1,000 articles, in a fresh process, ONE_K_RUNS times: its peak swings between runs
    // (550–673 MB in single runs), more than the full size's, so the ratio takes their median.
    let rss1k: number | undefined;
    let heap1k: number | undefined;
    const rss1kRuns: number[] = [];
    if (files.length > 1000 && !process.env.NCA_BENCH_CHILD) {
      const heaps: number[] = [];
      for (let i = 0; i < ONE_K_RUNS; i++) {
        const child = spawnSync(process.execPath, [...process.execArgv, join(__dirname, '..', 'bench.ts'), '--only', 'corpus', '--data', dir, '--articles', '1000', '--workers', String(workers)], {
          env: { ...process.env, NCA_BENCH_CHILD: '1', NCA_BENCH_CORPUS_WORKER: script },
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        });
        const m = /"peak RSS MB":([\d.]+)/.exec(child.stdout);
        if (m) rss1kRuns.push(Number(m[1]));
        const h = /"corpus worker heap MB":([\d.]+)/.exec(child.stdout);
        if (h) heaps.push(Number(h[1]));
      }
      if (rss1kRuns.length) rss1k = median(rss1kRuns);
      if (heaps.length) heap1k = median(heaps);
    }
    const picked = keystrokeTexts((function* () {
      for (const f of files) yield readFileSync(f.path, 'utf8');
    })())!;
    const k10 = process.env.NCA_BENCH_CHILD ? undefined : await keystrokes(picked.ten, KEYSTROKE_RUNS.ten);
    const k300 = process.env.NCA_BENCH_CHILD ? undefined : await keystrokes(picked.big, KEYSTROKE_RUNS.big);
    // The longest block the host's own collections do not explain, over the three runs.
    const longestOutside = longestBlock([cold, warm, update].map((r) => r.longestOutsideGc));
    const longestOutsideStalls = longestBlock([cold, warm, update].map((r) => r.longestOutsideGcAndStall));
    const ranWaited = (b: HostBlock | undefined) => (b?.ranMs === undefined || b.waitedMs === undefined ? 'n/a' : `${b.ranMs.toFixed(1)} / ${b.waitedMs.toFixed(1)}`);
    const out: Record<string, number | string> = {
      source: dir,
      'workers run from': script.endsWith('.js') ? 'bundles (dist/)' : 'sources (tsx)',
      articles: files.length,
      workers,
      'cold s': cold.ms / 1000,
      'cold articles/s': files.length / (cold.ms / 1000),
      'cold cores used': cold.cpuMs / cold.ms,
      // Where the cores went (Linux): the analysis, the corpus worker (store, summaries, corpus actors), this thread, and V8's and libuv's helpers (mostly collection).
      'cold CPU s: index workers, corpus worker, host thread, helper threads': cold.cpuByThread
        ? [cold.cpuByThread.indexWorkers, cold.cpuByThread.corpusWorker, cold.cpuByThread.host, cold.cpuByThread.helpers].map((x) => (x / 1000).toFixed(1)).join(', ')
        : 'n/a',
      'cold worker ms per article': cold.analysed > 0 ? cold.workerMs / cold.analysed : 0,
      'warm s': warm.ms / 1000,
      'warm, corpus actors ready s': warm.modelReadyMs / 1000,
      'cold, corpus actors ready s': cold.modelReadyMs / 1000,
      'warm reused': warm.reused,
      'update 1% s': update.ms / 1000,
      'update 1% analysed': update.analysed,
      'update / cold': update.ms / cold.ms,
      'host thread busy s (cold, warm, 1% changed)': `${(cold.hostBusyMs / 1000).toFixed(1)}, ${(warm.hostBusyMs / 1000).toFixed(1)}, ${(update.hostBusyMs / 1000).toFixed(1)}`,
      'host thread CPU s (cold, warm, 1% changed)': [cold, warm, update].map((r) => (r.hostCpuMs === undefined ? 'n/a' : (r.hostCpuMs / 1000).toFixed(1))).join(', '),
      'longest host-thread block ms': Math.max(cold.maxBlockMs, warm.maxBlockMs, update.maxBlockMs),
      'longest host-thread block ms: cold': cold.maxBlockMs,
      'longest host-thread block ms: warm': warm.maxBlockMs,
      'longest host-thread block ms: 1% changed': update.maxBlockMs,
      'host-thread block p99 ms (cold, warm, 1% changed)': `${cold.p99BlockMs.toFixed(1)}, ${warm.p99BlockMs.toFixed(1)}, ${update.p99BlockMs.toFixed(1)}`,
      'host GC pauses over 16 ms (cold, warm, 1% changed)': `${cold.gcOver16}, ${warm.gcOver16}, ${update.gcOver16}`,
      'longest host GC pause ms': Math.max(cold.maxGcMs, warm.maxGcMs, update.maxGcMs),
      'host blocks over 16 ms, of which in a host GC over 16 ms (cold, warm, 1% changed)': [cold, warm, update].map((r) => `${r.blocksOver16} / ${r.blocksOver16InGc}`).join(', '),
      // The longest block the host's own collections do not explain, and where the time went (Linux): on a core, waiting for one, or asleep in the system.
      'longest host block outside a host GC ms': longestOutside?.ms ?? 0,
      'longest host block outside a host GC: ran / waited for a core ms': ranWaited(longestOutside),
      // In a host collection, the longest time the thread slept: its final pause waiting for another thread's (cppgc's process-wide mutex).
      'longest host sleep in a host GC ms (block ms)': (() => {
        const b = longestSleep([cold, warm, update].map((r) => r.longestSleepInGc));
        return b ? `${b.sleptMs.toFixed(1)} (${b.ms.toFixed(1)})` : 'none';
      })(),
      // Stalls of the whole machine (a canary process late without running or waiting: not the bench's doing), and the longest block neither they nor a host collection explain.
      'machine stalls over 16 ms (cold, warm, 1% changed), longest ms': cold.machineStalls
        ? `${[cold, warm, update].map((r) => r.machineStalls?.length ?? 0).join(', ')}; ${Math.max(0, ...[cold, warm, update].flatMap((r) => (r.machineStalls ?? []).map((s) => s.ms))).toFixed(1)}`
        : 'n/a',
      'longest host block outside a host GC and a machine stall ms': cold.machineStalls ? (longestOutsideStalls?.ms ?? 0) : 'n/a',
      'longest host block outside a host GC and a machine stall: ran / waited for a core ms': ranWaited(longestOutsideStalls),
      // Whom the host thread waited behind (a scheduler trace of the cold run, NCA_BENCH_SCHED_TRACE=1): each time it was
      // ready to run and did not for over 4 ms, the threads that ran on the CPUs meanwhile, ms in all by kind; the same for
      // the waits over 16 ms, and for the longest.
      ...((): Record<string, string> => {
        const all = cold.hostWaits;
        if (!all) return { 'cold, host waits for a core (sched trace)': SCHED_TRACE ? `off: ${schedTraceOff.reason ?? 'n/a'}` : 'off (NCA_BENCH_SCHED_TRACE=1 as root)' };
        const over16 = all.filter((w) => w.ms > 16);
        const longest = all.reduce<HostWait | undefined>((a, w) => (!a || w.ms > a.ms ? w : a), undefined);
        return {
          'cold, host waits for a core over 4 ms (sched trace): count, ms in all': `${all.length}, ${all.reduce((n, w) => n + w.ms, 0).toFixed(0)}`,
          'cold, ran during those waits, ms': ranDuringWaits(all),
          'cold, host waits over 16 ms: count, longest ms': `${over16.length}, ${(longest?.ms ?? 0).toFixed(1)}`,
          'cold, ran during the waits over 16 ms, ms': ranDuringWaits(over16),
          'cold, ran during the longest wait, ms': longest ? `${longest.cause}: ${ranDuringWaits([longest])}` : 'none',
        };
      })(),
      'load average (1 min) at the end': loadavg()[0],
      'peak RSS MB': rssFull,
      'peak RSS MB sampled (cold, warm, 1% changed)': `${cold.peakRssMb.toFixed(0)}, ${warm.peakRssMb.toFixed(0)}, ${update.peakRssMb.toFixed(0)}`,
      // The index workers end after a quiet spell (the extension: a minute; here BENCH_INDEX_IDLE_MS): what a window keeps once its corpus is indexed.
      'RSS MB after the cold run, index workers ended': cold.settledRssMb ?? 'n/a',
      // Where the memory that grows with the corpus lives: the corpus worker's heap (the index workers' heaps and the code are the same at any size).
      'corpus worker heap MB at the end, used / total (cold, warm, 1% changed)': [cold, warm, update].map((r) => `${r.heap.usedMb.toFixed(0)} / ${r.heap.totalMb.toFixed(0)}`).join(', '),
      // Its collections between steps (src/node/idleCollection.ts): how many it started, the time that took its thread, and
      // its full collections (whatever started them) with the longest pause of one: what a full collection of the host's waits for at most.
      'corpus worker idle collections, count / total ms / longest ms / full collections / longest full pause ms (cold, warm, 1% changed)': [cold, warm, update]
        .map((r) => {
          const c = r.heap.idleCollections;
          return c ? `${c.count} / ${c.totalMs.toFixed(0)} / ${c.longestMs.toFixed(0)} / ${c.fullCollections} / ${c.longestFullMs.toFixed(0)}` : 'off';
        })
        .join(', '),
    };
    if (rss1k !== undefined) {
      out['peak RSS MB at 1,000 (median)'] = rss1k;
      out['peak RSS MB at 1,000, each run'] = rss1kRuns.map((x) => x.toFixed(0)).join(', ');
      out['RSS ratio full / 1,000'] = rssFull / rss1k;
    }
    if (heap1k !== undefined) {
      out['corpus worker heap MB (total) at the end of the cold run, at 1,000 (median)'] = heap1k;
      out['corpus worker heap ratio full / 1,000 (cold)'] = cold.heap.totalMb / heap1k;
    }
    if (k10 && k300) {
      Object.assign(out, {
        '10 KB full analysis ms': k10.full,
        '10 KB one-char edit p50 ms': k10.p50,
        '10 KB one-char edit p95 ms': k10.p95,
        '10 KB first edits p95 ms': k10.early?.p95 ?? '',
        '300 KB full analysis ms': k300.full,
        '300 KB one-char edit p50 ms': k300.p50,
        '300 KB one-char edit p95 ms': k300.p95,
      });
    }
    if (process.env.NCA_BENCH_CHILD) console.log(JSON.stringify({ 'peak RSS MB': rssFull, 'corpus worker heap MB': cold.heap.totalMb }));
    return out;
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
