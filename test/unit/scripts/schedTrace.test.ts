import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { hostWaits, ranDuringWaits } from '../../../scripts/lib/schedTrace';

// Lines as tracefs's `trace` prints them (kernel 6.x), two CPUs.
const sw = (cpu: number, ts: string, prev: [string, number, string], next: [string, number]) =>
  `  ${prev[0]}-${prev[1]}  [00${cpu}] d..2.  ${ts}: sched_switch: prev_comm=${prev[0]} prev_pid=${prev[1]} prev_prio=120 prev_state=${prev[2]} ==> next_comm=${next[0]} next_pid=${next[1]} next_prio=120`;
const wake = (cpu: number, ts: string, by: [string, number], pid: number, target: number) =>
  `  ${by[0]}-${by[1]}  [00${cpu}] dNh3.  ${ts}: sched_wakeup: comm=node pid=${pid} prio=120 target_cpu=00${target}`;

const HOST = 100;
const kinds = (tid: number, comm: string) =>
  comm.startsWith('swapper') ? undefined : tid === 200 ? 'index workers' : tid === 300 ? 'helper threads' : `other: ${comm}`;

const TRACE = [
  '# tracer: nop',
  sw(0, '0.990000', ['swapper/0', 0, 'R'], ['node', 200]),
  sw(1, '0.995000', ['node', HOST, 'S'], ['kdamond.0', 84]),
  // Woken at 1.000, runs at 1.020 on CPU 1: 20 ms behind kdamond.0 there and an index worker on CPU 0.
  wake(0, '1.000000', ['node', 200], HOST, 1),
  sw(1, '1.020000', ['kdamond.0', 84, 'I'], ['node', HOST]),
  // Preempted at 1.030 by a helper thread, back at 1.035: 5 ms, under the threshold.
  sw(1, '1.030000', ['node', HOST, 'R+'], ['node', 300]),
  sw(1, '1.035000', ['node', 300, 'S'], ['node', HOST]),
  // Preempted at 1.040; CPU 1 idles 2 ms, then the helper 18 ms: back at 1.060 (20 ms, the idle time left out).
  sw(1, '1.040000', ['node', HOST, 'R'], ['swapper/1', 0]),
  sw(1, '1.042000', ['swapper/1', 0, 'R'], ['node', 300]),
  sw(0, '1.050000', ['node', 200, 'S'], ['swapper/0', 0]),
  sw(1, '1.060000', ['node', 300, 'S'], ['node', HOST]),
  'a line of something else',
].join('\n');

describe('scheduler trace: whom the host thread waited behind', () => {
  it('finds each wait over the threshold, from a wake-up or a preemption to running, with what ran meanwhile on every CPU', async () => {
    const waits = await hostWaits(Readable.from([TRACE]), HOST, kinds, 16);
    assert.equal(waits.length, 2);
    const [a, b] = waits;
    assert.equal(a.cause, 'woken');
    assert.ok(Math.abs(a.ms - 20) < 1e-6);
    assert.deepEqual([...a.ranMeanwhile].map(([k, ms]) => [k, Math.round(ms * 1000) / 1000]).sort(), [
      ['index workers', 20],
      ['other: kdamond.0', 20],
    ]);
    assert.equal(b.cause, 'preempted');
    assert.ok(Math.abs(b.ms - 20) < 1e-6);
    // CPU 1: the helper 18 ms (the 2 idle ms left out); CPU 0: the index worker until it slept at 1.050.
    assert.deepEqual([...b.ranMeanwhile].map(([k, ms]) => [k, Math.round(ms * 1000) / 1000]).sort(), [
      ['helper threads', 18],
      ['index workers', 10],
    ]);
    assert.equal(ranDuringWaits(waits), 'index workers 30.0, other: kdamond.0 20.0, helper threads 18.0');
  });

  it('reports nothing under the threshold, and nothing for other threads', async () => {
    assert.deepEqual(await hostWaits(Readable.from([TRACE]), HOST, kinds, 25), []);
    assert.deepEqual(await hostWaits(Readable.from([TRACE]), 999, kinds, 1), []);
  });
});
