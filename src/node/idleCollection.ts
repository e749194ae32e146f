// Collecting the corpus worker's garbage between two of its steps, as browsers collect in idle time.
// While a corpus is indexed the corpus worker waits most of the time (it receives each analysed
// article's summary, adds it to the store and the corpus model, and waits for the next), so V8 sees
// a slow mutator and lets its heap grow far past what it holds before collecting: at the end of a
// cold index of 10,000 real articles 328 MB taken for 297 MB used, about 210 MB of it live, and the
// heap is the part of the process's memory that grows with the corpus. Collecting once the used heap
// has grown by a quarter since the last collection keeps the taken heap near what is live, at the
// cost of pauses of this thread alone (8 collections in a cold run, 0.8-1.2 s in all, the longest
// 177-333 ms: a question asked meanwhile waits; the host's thread and the editor go on). A pause
// grows with what is live, about 1-1.6 ms per MB here; with the growth asked for, collections get
// rarer as the heap grows.
//
// Node has no call to collect, only V8's `gc` behind a flag, read in a fresh context made while the
// flag is set; the flag is the process's, set for that instant only. Node and Electron both leave V8's
// flags unfrozen after start so that v8.setFlagsFromString works. The inspector's
// HeapProfiler.collectGarbage needs no flag but collects as for low memory, several rounds: 2.5 times
// the time and CPU on the same heap (a scratch measurement on a 150 MB heap, 520-560 against 180-230 ms).
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

export const IDLE_COLLECTION: IdleCollectionPolicy = { growth: 1.25, slackBytes: 16 * 2 ** 20, delayMs: 1000 };

/** Whether a heap using `usedNow` bytes, `usedAfterLast` after the last collection, is due for one. */
export function collectionDue(usedNow: number, usedAfterLast: number, policy: IdleCollectionPolicy = IDLE_COLLECTION): boolean {
  return usedNow > usedAfterLast * policy.growth + policy.slackBytes;
}

/** What the collections cost so far (reported with the worker's heap). */
export interface IdleCollectionStats {
  count: number;
  totalMs: number;
  longestMs: number;
}

/** V8's full collection of this thread's heap, or undefined where it cannot be had. */
export function fullCollector(): (() => void) | undefined {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

export class IdleCollector {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private usedAfterLast: number;
  private disposed = false;
  readonly stats: IdleCollectionStats = { count: 0, totalMs: 0, longestMs: 0 };

  constructor(
    /** The collection (fullCollector()); undefined: none to be had, nothing is done. */
    private readonly collect: (() => void) | undefined,
    private readonly policy: IdleCollectionPolicy = IDLE_COLLECTION,
    private readonly usedHeap: () => number = () => getHeapStatistics().used_heap_size,
  ) {
    this.usedAfterLast = usedHeap();
  }

  /** Work was done: check the heap once the thread is free again, `delayMs` from now (an earlier check still waiting is kept). */
  afterWork(): void {
    if (this.timer || !this.collect || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.check();
    }, this.policy.delayMs);
    this.timer.unref?.();
  }

  /**
   * Collects now if the heap is due (see collectionDue); says whether it did. A heap found smaller than
   * after the last collection (V8 collected it meanwhile: a corpus closed) is the new measure.
   */
  check(): boolean {
    if (!this.collect) return false;
    const used = this.usedHeap();
    if (used < this.usedAfterLast) this.usedAfterLast = used;
    if (!collectionDue(used, this.usedAfterLast, this.policy)) return false;
    const t0 = performance.now();
    this.collect();
    const ms = performance.now() - t0;
    this.usedAfterLast = this.usedHeap();
    this.stats.count++;
    this.stats.totalMs += ms;
    this.stats.longestMs = Math.max(this.stats.longestMs, ms);
    return true;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
