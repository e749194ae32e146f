// The corpus worker's collections between its steps (src/node/idleCollection.ts): when one is due,
// that a check waits for the thread to be free and runs once, and that the collector it uses does
// free unreachable memory.
import { strict as assert } from 'node:assert';
import { getHeapStatistics } from 'node:v8';
import { collectionDue, fullCollector, IDLE_COLLECTION, IdleCollector, idleCollector, INCREMENTAL_END_MS, watchMajorCollections, type MajorCollectionWatch } from '../../../src/node/idleCollection';

const MB = 2 ** 20;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A watch that never reports (the collections of these tests are pretended). */
const NO_WATCH: MajorCollectionWatch = () => () => undefined;

describe('idle collection of the corpus worker', () => {
  it('is due once the used heap has grown by the policy since the last collection', () => {
    const after = 200 * MB;
    const limit = after * IDLE_COLLECTION.growth + IDLE_COLLECTION.slackBytes;
    // 15% more than after the last collection, plus 16 MB (1.15 is not exact in binary: within a byte).
    assert.ok(Math.abs(limit - 246 * MB) < 1, String(limit));
    assert.equal(collectionDue(limit, after), false);
    assert.equal(collectionDue(limit + 1, after), true);
    // A small heap growing by little is left alone.
    assert.equal(collectionDue(18 * MB, 2 * MB), false);
    assert.equal(collectionDue(18 * MB, 2 * MB, { growth: 1, slackBytes: 0, delayMs: 0 }), true);
  });

  it('checks once, delayMs after work, and collects only when due', async () => {
    let used = 100 * MB;
    const collected: number[] = [];
    const collector = new IdleCollector(
      {
        full: () => {
          collected.push(used);
          used = 110 * MB;
        },
      },
      { growth: 1.25, slackBytes: 0, delayMs: 20 },
      () => used,
      NO_WATCH,
    );
    try {
      collector.afterWork();
      collector.afterWork();
      await wait(60);
      assert.deepEqual(collected, [], 'not grown: no collection');
      used = 126 * MB;
      collector.afterWork();
      collector.afterWork();
      assert.deepEqual(collected, [], 'not before the delay');
      await wait(60);
      assert.deepEqual(collected, [126 * MB], 'one collection for two pieces of work');
      assert.equal(collector.stats.count, 1);
      // The next one is measured from what the last collection left (110 MB): 137.5 MB.
      used = 137 * MB;
      assert.equal(collector.check(), false);
      used = 138 * MB;
      assert.equal(collector.check(), true);
      assert.deepEqual(collected, [126 * MB, 138 * MB]);
      assert.equal(collector.stats.count, 2);
      assert.ok(collector.stats.longestMs <= collector.stats.totalMs);
      // A heap V8 made smaller meanwhile (138 → 40 MB after the last collection left 110) is the new measure: due past 50 MB.
      used = 40 * MB;
      assert.equal(collector.check(), false);
      used = 50 * MB;
      assert.equal(collector.check(), false);
      used = 51 * MB;
      assert.equal(collector.check(), true);
      assert.deepEqual(collected, [126 * MB, 138 * MB, 51 * MB]);
      assert.equal(collector.stats.count, 3);
      // Once disposed, work schedules nothing.
      collector.dispose();
      used = 500 * MB;
      collector.afterWork();
      await wait(60);
      assert.equal(collector.stats.count, 3);
    } finally {
      collector.dispose();
    }
  });

  it('once it has started a collection, waits for a full collection to end it before the next', () => {
    let used = 100 * MB;
    let clock = 0;
    const calls: string[] = [];
    let report: ((pauseMs: number) => void) | undefined;
    let stopped = false;
    const watch: MajorCollectionWatch = (onMajor) => ((report = onMajor), () => (stopped = true));
    const collector = new IdleCollector(
      { start: () => calls.push(`start at ${used / MB}`), full: () => (calls.push(`full at ${used / MB}`), (used = 120 * MB)) },
      { growth: 1.25, slackBytes: 0, delayMs: 1 },
      () => used,
      watch,
      () => clock,
    );
    try {
      used = 126 * MB;
      assert.equal(collector.check(), true);
      assert.deepEqual(calls, ['start at 126']);
      // Under way: the heap grows on while V8 marks, and nothing more is started.
      used = 200 * MB;
      clock = INCREMENTAL_END_MS - 1;
      assert.equal(collector.check(), false);
      // It ends (a 12 ms pause): what it left is the new measure, due past 112.5 MB.
      used = 90 * MB;
      report!(12);
      assert.deepEqual({ ...collector.stats, totalMs: 0, longestMs: 0 }, { count: 1, totalMs: 0, longestMs: 0, fullCollections: 1, longestFullMs: 12, unfinished: 0 });
      used = 112 * MB;
      assert.equal(collector.check(), false);
      used = 113 * MB;
      clock = 20_000;
      assert.equal(collector.check(), true);
      assert.deepEqual(calls, ['start at 126', 'start at 113']);
      // Any full collection ends a start under way (V8's own too: there is one marking at a time).
      report!(30);
      assert.equal(collector.stats.longestFullMs, 30);
      assert.equal(collector.stats.fullCollections, 2);
      // Another start, which never ends: past INCREMENTAL_END_MS, the collections are made in one
      // pause (`full`), and this one is counted as unfinished.
      used = 200 * MB;
      assert.equal(collector.check(), true);
      assert.deepEqual(calls, ['start at 126', 'start at 113', 'start at 200']);
      clock += INCREMENTAL_END_MS - 1;
      assert.equal(collector.check(), false);
      clock += 1;
      assert.equal(collector.check(), true);
      assert.deepEqual(calls, ['start at 126', 'start at 113', 'start at 200', 'full at 200']);
      assert.equal(collector.stats.unfinished, 1);
      assert.equal(collector.stats.count, 4);
      // Made in one pause, the next is measured from what it left (120 MB) at once: due past 150 MB.
      used = 150 * MB;
      assert.equal(collector.check(), false);
      used = 151 * MB;
      assert.equal(collector.check(), true);
      assert.deepEqual(calls.slice(4), ['full at 151']);
    } finally {
      collector.dispose();
    }
    assert.equal(stopped, true, 'disposing stops the watch');
  });

  it('without a collector, never collects', async () => {
    let asked = 0;
    const collector = new IdleCollector(undefined, { growth: 1, slackBytes: 0, delayMs: 1 }, () => (asked++, 1e9), NO_WATCH);
    collector.afterWork();
    await wait(20);
    assert.equal(collector.check(), false);
    assert.equal(collector.stats.count, 0);
    assert.ok(asked <= 1, 'the heap is not even read');
  });

  it("V8's full collection is had, and frees what is unreachable", () => {
    const gc = fullCollector();
    assert.equal(typeof gc, 'function');
    gc!();
    const base = getHeapStatistics().used_heap_size;
    let garbage: unknown[] | undefined = [];
    for (let i = 0; i < 400_000; i++) garbage.push({ i, s: `item ${i}` });
    const grown = getHeapStatistics().used_heap_size;
    assert.ok(grown - base > 20 * MB, `${(grown - base) / MB} MB allocated`);
    garbage = undefined;
    gc!();
    const after = getHeapStatistics().used_heap_size;
    assert.ok(after - base < 5 * MB, `${(after - base) / MB} MB left of ${(grown - base) / MB} MB`);
    assert.equal(garbage, undefined);
    // The flag was set for that instant only: a context made now has no gc.
    assert.equal(require('node:vm').runInNewContext('typeof gc'), typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'function' : 'undefined');
  });

  it("a collection started is made by V8 and ends in a full collection that frees what is unreachable", async () => {
    const start = idleCollector()?.start;
    assert.equal(typeof start, 'function');
    fullCollector()!();
    const base = getHeapStatistics().used_heap_size;
    let garbage: unknown[] | undefined = [];
    for (let i = 0; i < 400_000; i++) garbage.push({ i, s: `item ${i}` });
    // Moved to the old generation while reachable, where only a full collection frees it.
    fullCollector()!();
    const grown = getHeapStatistics().used_heap_size;
    assert.ok(grown - base > 20 * MB, `${(grown - base) / MB} MB allocated`);
    assert.equal(garbage.length, 400_000);
    garbage = undefined;
    const pauses: number[] = [];
    const stop = watchMajorCollections((ms) => pauses.push(ms));
    try {
      start!();
      // V8 marks on this thread's idle tasks and its helper threads; the test waits, allocating a little.
      let keep: unknown[] = [];
      for (let i = 0; i < 500 && pauses.length === 0; i++) {
        keep = [];
        for (let k = 0; k < 1000; k++) keep.push({ k });
        await wait(10);
      }
      assert.ok(pauses.length >= 1, 'a full collection ended what was started');
      const after = getHeapStatistics().used_heap_size;
      assert.ok(after - base < 10 * MB, `${(after - base) / MB} MB left of ${(grown - base) / MB} MB`);
      assert.equal(garbage, undefined);
      assert.ok(keep.length === 1000);
    } finally {
      stop();
    }
  });
});
