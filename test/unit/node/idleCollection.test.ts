// The corpus worker's collections between its steps (src/node/idleCollection.ts): when one is due,
// that a check waits for the thread to be free and runs once, and that the collector it uses does
// free unreachable memory.
import { strict as assert } from 'node:assert';
import { getHeapStatistics } from 'node:v8';
import { collectionDue, fullCollector, IDLE_COLLECTION, IdleCollector } from '../../../src/node/idleCollection';

const MB = 2 ** 20;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('idle collection of the corpus worker', () => {
  it('is due once the used heap has grown by the policy since the last collection', () => {
    const after = 200 * MB;
    const limit = after * IDLE_COLLECTION.growth + IDLE_COLLECTION.slackBytes;
    assert.equal(limit, 266 * MB);
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
      () => {
        collected.push(used);
        used = 110 * MB;
      },
      { growth: 1.25, slackBytes: 0, delayMs: 20 },
      () => used,
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

  it('without a collector, never collects', async () => {
    let asked = 0;
    const collector = new IdleCollector(undefined, { growth: 1, slackBytes: 0, delayMs: 1 }, () => (asked++, 1e9));
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
});
