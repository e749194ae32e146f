// Collecting the corpus worker's garbage between two of its steps, as browsers collect in idle time.
// While a corpus is indexed the corpus worker waits most of the time (it receives each analysed
// article's summary, adds it to the store and the corpus model, and waits for the next), so V8 sees
// a slow mutator and lets its heap grow far past what it holds before collecting: at the end of a
// cold index of 10,000 real articles 328 MB taken for 297 MB used, about 210 MB of it live, and the
// heap is the part of the process's memory that grows with the corpus. Collecting once the used heap
// has grown by 15% (plus 16 MB) since the last collection keeps the taken heap near what is live, at
// the cost of collecting more often (11-12 collections in a cold run, 7-9 at 25%: the corpus bench's
// peak RSS at 10,000 articles 620-633 against 632-649 MB, the ratio to 1,000 articles 1.418-1.440
// against 1.446-1.512). Made in one pause, a collection took
// 177-333 ms of this thread, about 1-1.6 ms per MB live, and made the host's own full collections wait
// (below); started instead, V8 makes it while the thread waits for work. With the growth asked for,
// collections get rarer as the heap grows.
//
// Node has no call to collect, only V8's `gc` behind a flag, read in a fresh context made while the
// flag is set; the flag is the process's, set for that instant only. Node and Electron both leave V8's
// flags unfrozen after start so that v8.setFlagsFromString works. The inspector's
// HeapProfiler.collectGarbage needs no flag but collects as for low memory, several rounds: 2.5 times
// the time and CPU on the same heap (a scratch measurement on a 150 MB heap, 520-560 against 180-230 ms).
//
// A collection is started, not made (idleCollector's `start`): V8's `gc` makes a full collection in one
// pause, and in that pause V8's C++ heap (cppgc, which Node attaches to every thread's heap) holds a
// mutex of the whole process, from marking to the end of weak processing
// (MarkerBase::VisitCrossThreadPersistentsIfNeeded to LeaveAtomicPause). Every other thread's full
// collection waits for it in its own final pause: the extension host's thread too. Started instead,
// the collection is marked while the thread waits for work (its own tasks and V8's helper threads)
// and ends in a short pause, the one that holds the mutex. `npm run bench -- --only hostGc` (the host
// thread making a full collection of its own small heap every 200 ms during a cold index of 10,000
// real articles, two runs): the host thread asleep in one of them p99 15-20 ms with the collections
// started, 98-124 ms with them made in one pause, 13-20 ms with none; this worker's longest pause
// 47-53 against 274-320 ms.
// They are started by a scavenge made while V8's flag for starting incremental marking at once is
// set: a scavenge ends by asking whether incremental marking is due, and that flag says it is. The
// flag is the process's too, so the young generation is emptied first and the flagged scavenge is
// short: another thread's scavenge in that instant would start its own marking early, nothing worse.
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface IdleCollectionPolicy {
  /** Collect when the used heap exceeds growth times what was used after the last collection… */
  growth: number;
  /** …plus this many bytes (no collection for small heaps growing by little). */
  slackBytes: number;
  /** After work, check this long later (ms); one check at a time. */
  delayMs: number;
}

export const IDLE_COLLECTION: IdleCollectionPolicy = { growth: 1.15, slackBytes: 16 * 2 ** 20, delayMs: 1000 };

/** Whether a heap using `usedNow` bytes, `usedAfterLast` after the last collection, is due for one. */
export function collectionDue(usedNow: number, usedAfterLast: number, policy: IdleCollectionPolicy = IDLE_COLLECTION): boolean {
  return usedNow > usedAfterLast * policy.growth + policy.slackBytes;
}

/** What the collections cost so far (reported with the worker's heap). */
export interface IdleCollectionStats {
  /** Collections made or started, and the time this thread spent in those calls. */
  count: number;
  totalMs: number;
  longestMs: number;
  /** Full collections of this thread's heap since the collector began, whatever started them, and the longest pause of one (the time it held cppgc's process-wide mutex at most). */
  fullCollections: number;
  longestFullMs: number;
  /** Collections started that no full collection followed within INCREMENTAL_END_MS (after the first, collections are made in one pause). */
  unfinished: number;
}

/**
 * How collections are had: `start` starts one that V8 ends later (see the head of this file), `full` makes
 * one in a pause (fullCollector). With both, `full` is for when a start is not followed by a collection.
 */
export interface Collector {
  start?: () => void;
  full?: () => void;
}

/** The corpus worker's collector: started, made in one pause if a start does nothing; undefined where V8's `gc` cannot be had. */
export function idleCollector(): Collector | undefined {
  const gc = exposedGc();
  return gc && { start: startIncremental(gc), full: () => gc() };
}

/** Collections made in one pause only, where V8's `gc` can be had. */
export function inOnePause(): Collector | undefined {
  const full = fullCollector();
  return full && { full };
}

/** How long a started collection may take to end before it counts as unfinished (ms). */
export const INCREMENTAL_END_MS = 15_000;

/** V8's `gc` (options: `{ type: 'minor' }` for a scavenge), or undefined where it cannot be had. */
type V8Gc = (options?: { type: 'minor' | 'major' }) => void;

function exposedGc(): V8Gc | undefined {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as V8Gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as V8Gc) : undefined;
  } catch {
    return undefined;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

/** V8's full collection of this thread's heap, in one pause, or undefined where it cannot be had. */
export function fullCollector(): (() => void) | undefined {
  const gc = exposedGc();
  return gc && (() => gc());
}

/**
 * What starts a full collection of this thread's heap that V8 makes incrementally (see the head of
 * this file): it ends later, in a short pause of this thread.
 */
function startIncremental(gc: V8Gc): () => void {
  return () => {
    gc({ type: 'minor' });
    setFlagsFromString('--stress-incremental-marking');
    try {
      gc({ type: 'minor' });
    } finally {
      setFlagsFromString('--no-stress-incremental-marking');
    }
  };
}

/** How this thread's full collections are made known: `onMajor(pauseMs)` after each, from whatever started it; returns the stop. */
export type MajorCollectionWatch = (onMajor: (pauseMs: number) => void) => () => void;

/** This thread's full collections, as Node's performance timeline reports them. */
export const watchMajorCollections: MajorCollectionWatch = (onMajor) => {
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) onMajor(e.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => observer.disconnect();
};

export class IdleCollector {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private usedAfterLast: number;
  private disposed = false;
  /** When the collection started last has not ended yet: the time it started. */
  private startedAt: number | undefined;
  /** Collections are started (until a start is not followed by a collection), else made in one pause. */
  private starting: boolean;
  private readonly stopWatch: (() => void) | undefined;
  readonly stats: IdleCollectionStats = { count: 0, totalMs: 0, longestMs: 0, fullCollections: 0, longestFullMs: 0, unfinished: 0 };

  constructor(
    /** The collection (idleCollector()); undefined: none to be had, nothing is done. */
    private readonly collector: Collector | undefined,
    private readonly policy: IdleCollectionPolicy = IDLE_COLLECTION,
    private readonly usedHeap: () => number = () => getHeapStatistics().used_heap_size,
    watch: MajorCollectionWatch = watchMajorCollections,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.usedAfterLast = usedHeap();
    this.starting = collector?.start !== undefined;
    this.stopWatch = collector ? watch((pauseMs) => this.fullCollectionEnded(pauseMs)) : undefined;
  }

  /** Work was done: check the heap once the thread is free again, `delayMs` from now (an earlier check still waiting is kept). */
  afterWork(): void {
    if (this.timer || !this.collector || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.check();
    }, this.policy.delayMs);
    this.timer.unref?.();
  }

  /**
   * Collects now, or starts a collection, if the heap is due (see collectionDue); says whether it did.
   * Nothing while a collection started is still under way. A heap found smaller than after the last
   * collection (V8 collected it meanwhile: a corpus closed) is the new measure.
   */
  check(): boolean {
    const collector = this.collector;
    if (!collector || this.disposed) return false;
    if (this.startedAt !== undefined) {
      if (this.now() - this.startedAt < INCREMENTAL_END_MS) return false;
      // Started, never ended: from now on, made in one pause where that can be had.
      this.startedAt = undefined;
      this.stats.unfinished++;
      this.starting = false;
    }
    const used = this.usedHeap();
    if (used < this.usedAfterLast) this.usedAfterLast = used;
    if (!collectionDue(used, this.usedAfterLast, this.policy)) return false;
    const collect = this.starting ? collector.start : collector.full;
    if (!collect) return false;
    const t0 = this.now();
    collect();
    const ms = this.now() - t0;
    if (this.starting) this.startedAt = t0;
    else this.usedAfterLast = this.usedHeap();
    this.stats.count++;
    this.stats.totalMs += ms;
    this.stats.longestMs = Math.max(this.stats.longestMs, ms);
    return true;
  }

  /** A full collection of this thread's heap ended (one started here, or V8's own): what it left is the new measure. */
  private fullCollectionEnded(pauseMs: number): void {
    if (this.disposed) return;
    this.stats.fullCollections++;
    this.stats.longestFullMs = Math.max(this.stats.longestFullMs, pauseMs);
    this.startedAt = undefined;
    this.usedAfterLast = this.usedHeap();
  }

  dispose(): void {
    this.disposed = true;
    this.stopWatch?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
