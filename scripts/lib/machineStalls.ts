// Stalls of the whole machine, told apart from the bench's own blocks: a small process of its own
// sleeps 2 ms at a time and reports each wake-up late by more than 16 ms in which it neither ran
// nor waited for a core (Linux schedstat) — the machine (a virtual machine's CPU descheduled by its
// host) did not run, and every thread of every process stood still with it. On the corpus bench's
// machine, a Firecracker VM, such stalls of about 100 ms came now and then, seen at the same instant
// by a real-time thread, by idle processes, and as the host thread "running" 100 ms (docs/measurements.md).
// Elsewhere than Linux there is no canary (undefined).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';

/** A machine stall: when it began (performance.now() of this process) and how long, ms. */
export interface MachineStall {
  start: number;
  ms: number;
}

/** Lateness from which a wake-up counts, ms (the bench's block threshold). */
const LATE_MS = 16;

// The canary: its own clock (CLOCK_MONOTONIC, as process.hrtime in every process) and its own
// schedstat; one line per stall, "start ms, late ms".
const CANARY = `
const fs = require('fs');
const fd = fs.openSync('/proc/self/task/' + process.pid + '/schedstat', 'r');
const buf = Buffer.alloc(64);
const sched = () => { const n = fs.readSync(fd, buf, 0, 64, 0); const [ran, waited] = buf.toString('latin1', 0, n).split(' ').map(Number); return ran + waited; };
const now = () => Number(process.hrtime.bigint()) / 1e6;
let last = now(), busy = sched();
setInterval(() => {
  const t = now(), b = sched(), late = t - last - 2;
  if (late > ${LATE_MS} && (b - busy) / 1e6 < late / 4) process.stdout.write((last + 2).toFixed(1) + ' ' + late.toFixed(1) + '\\n');
  last = t; busy = b;
}, 2);
process.stdin.on('end', () => process.exit(0)).resume();
`;

/** Starts the canary; `stop` ends it and gives the stalls it saw, in this process's performance.now() time. */
export function watchMachineStalls(): { pid: number | undefined; stop(): Promise<MachineStall[]> } | undefined {
  if (process.platform !== 'linux' || !existsSync('/proc/self/schedstat')) return undefined;
  // The canary's times are CLOCK_MONOTONIC ms; this process's performance.now() differs by a constant.
  const offset = Number(process.hrtime.bigint()) / 1e6 - performance.now();
  const child: ChildProcess = spawn(process.execPath, ['-e', CANARY], { stdio: ['pipe', 'pipe', 'ignore'] });
  // At the lowest priority: waking every 2 ms, it took 1.7 s of CPU in a cold index of 10,000 articles,
  // and a scheduler trace found the host thread waiting behind it (scripts/lib/schedTrace.ts). A stall
  // is time it neither ran nor waited for a core, which its priority does not change.
  try {
    if (child.pid !== undefined) setPriority(child.pid, 19);
  } catch {
    /* left at the bench's priority */
  }
  let text = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (text += d));
  const ended = new Promise<void>((resolve) => child.on('close', () => resolve()));
  let stopped: Promise<MachineStall[]> | undefined;
  return {
    // The canary's own thread (its one JavaScript thread; a scheduler trace names it by this).
    pid: child.pid,
    // Once: a second call (a caller's cleanup) gives the same stalls.
    stop: () =>
      (stopped ??= (async () => {
        child.stdin!.end();
        await ended;
        const out: MachineStall[] = [];
        for (const line of text.split('\n')) {
          const [start, ms] = line.split(' ').map(Number);
          if (Number.isFinite(start) && Number.isFinite(ms)) out.push({ start: start - offset, ms });
        }
        return out;
      })()),
  };
}
