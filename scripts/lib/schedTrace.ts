// What the host thread waited behind: the kernel's scheduler events (Linux tracefs: sched_switch and
// sched_wakeup, every CPU) recorded while a bench runs, then, for each time the host thread was
// ready to run and did not for more than a threshold (woken, or preempted while running, until it ran
// again), which threads ran on the machine's CPUs meanwhile and for how long, by the kind of thread
// the bench names (its index workers, its corpus worker, V8's and libuv's helper threads of the
// process, another process or a kernel thread by its name). The schedstat figures of the benches say
// how long the host thread waited for a core; this says behind whom.
// It needs a writable tracefs (root, with /sys/kernel/tracing mounted), and the scheduler's
// tracing is the machine's: the benches record only when asked (NCA_BENCH_SCHED_TRACE=1), put back
// the buffer size, clock and events they found, and record nothing where they cannot.
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const TRACEFS = '/sys/kernel/tracing';
const EVENTS = ['sched/sched_switch', 'sched/sched_wakeup'];
/** Per CPU, KB: a cold index of 10,000 articles (50–60 s) wrote about 45 MB per CPU. */
const BUFFER_KB = 262_144;

/** One wait of the host thread: how long it was ready to run and did not, and who ran meanwhile (ms by kind). */
export interface HostWait {
  ms: number;
  /** 'woken': from a wake-up; 'preempted': taken off a CPU while it still had work. */
  cause: 'woken' | 'preempted';
  ranMeanwhile: Map<string, number>;
}

export interface SchedTrace {
  /** Starts recording (the buffers are set up by startSchedTrace, which takes a few hundred ms: call that first). */
  begin(): void;
  /** Stops recording (call as soon as what is measured ends). */
  stop(): void;
  /** The host thread's waits over minMs in what was recorded; then puts the tracer back as it was found. */
  hostWaits(hostTid: number, kindOf: (tid: number, comm: string) => string | undefined, minMs: number): Promise<HostWait[]>;
  /** Puts the tracer back as it was found (again: nothing). */
  restore(): void;
}

function read(file: string): string {
  return readFileSync(join(TRACEFS, file), 'utf8').trim();
}

function write(file: string, value: string): void {
  writeFileSync(join(TRACEFS, file), value);
}

/** The clock in use, from trace_clock's list ("local [global] counter …"). */
function currentClock(): string {
  return /\[(\S+)\]/.exec(read('trace_clock'))?.[1] ?? 'local';
}

/**
 * Sets the tracer up to record (begin starts it), or undefined (with the reason in `why`) where tracefs
 * cannot be written. The kernel allocates the buffers in the call: a few hundred ms of this thread.
 */
export function startSchedTrace(why: { reason?: string } = {}): SchedTrace | undefined {
  let before: { buffer: string; clock: string; events: string[]; on: string };
  try {
    before = { buffer: read('buffer_size_kb'), clock: currentClock(), events: EVENTS.map((e) => read(`events/${e}/enable`)), on: read('tracing_on') };
    write('tracing_on', '0');
  } catch (e) {
    why.reason = `no writable tracefs at ${TRACEFS} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; root, and tracefs mounted)`;
    return undefined;
  }
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    write('tracing_on', '0');
    EVENTS.forEach((e, i) => write(`events/${e}/enable`, before.events[i]));
    write('trace_clock', before.clock);
    write('trace', '');
    // buffer_size_kb reads "7 (expanded: 1408)" before first use: the size it takes once used.
    write('buffer_size_kb', (/expanded: (\d+)/.exec(before.buffer) ?? /(\d+)/.exec(before.buffer))?.[1] ?? '1408');
    write('tracing_on', before.on);
  };
  try {
    write('buffer_size_kb', String(BUFFER_KB));
    // One clock for every CPU: a wait that starts on one CPU and ends on another is measured across them.
    write('trace_clock', 'global');
    for (const e of EVENTS) write(`events/${e}/enable`, '1');
    write('trace', '');
  } catch (e) {
    restore();
    why.reason = `tracefs refused a setting (${(e as Error).message})`;
    return undefined;
  }
  return {
    begin: () => write('tracing_on', '1'),
    stop: () => write('tracing_on', '0'),
    hostWaits: async (hostTid, kindOf, minMs) => {
      write('tracing_on', '0');
      try {
        return await hostWaits(createReadStream(join(TRACEFS, 'trace')), hostTid, kindOf, minMs);
      } finally {
        restore();
      }
    },
    restore,
  };
}

const LINE = /^\s*.+?-\d+\s+\[(\d+)\]\s+\S+\s+([\d.]+): (sched_switch|sched_wakeup): (.*)$/;
const SWITCH = /prev_comm=(.*) prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.*) next_pid=(\d+) next_prio=\d+/;
const WAKEUP = /pid=(\d+) prio=\d+ target_cpu=\d+/;

/**
 * The host thread's waits over minMs in a trace (the text of tracefs's `trace`), each with what ran
 * on every CPU meanwhile, ms by kindOf's name (undefined: left out, as the idle task is).
 */
export async function hostWaits(
  trace: NodeJS.ReadableStream,
  hostTid: number,
  kindOf: (tid: number, comm: string) => string | undefined,
  minMs: number,
): Promise<HostWait[]> {
  // Per CPU, the thread on it and since when; the time threads ran, as segments, kept while a wait is open.
  const onCpu = new Map<number, { tid: number; comm: string; since: number }>();
  let open: { from: number; cause: HostWait['cause']; ran: { tid: number; comm: string; from: number; to: number }[] } | undefined;
  const waits: HostWait[] = [];
  for await (const line of createInterface({ input: trace, crlfDelay: Infinity })) {
    const m = LINE.exec(line);
    if (!m) continue;
    const cpu = Number(m[1]);
    const ts = Number(m[2]);
    if (m[3] === 'sched_wakeup') {
      const w = WAKEUP.exec(m[4]);
      if (w && Number(w[1]) === hostTid && !open) open = { from: ts, cause: 'woken', ran: [] };
      continue;
    }
    const s = SWITCH.exec(m[4]);
    if (!s) continue;
    const prev = onCpu.get(cpu);
    if (prev && open) open.ran.push({ tid: prev.tid, comm: prev.comm, from: Math.max(prev.since, open.from), to: ts });
    const prevTid = Number(s[2]);
    const nextTid = Number(s[5]);
    onCpu.set(cpu, { tid: nextTid, comm: s[4], since: ts });
    // Taken off a CPU while runnable (R, R+): preempted, waiting from now.
    if (prevTid === hostTid && s[3].startsWith('R')) open = { from: ts, cause: 'preempted', ran: [] };
    if (nextTid === hostTid && open) {
      const ms = (ts - open.from) * 1000;
      if (ms > minMs) {
        // What ran on the other CPUs up to now, beside the segments that ended meanwhile.
        for (const [c, t] of onCpu) if (c !== cpu && t.since < ts) open.ran.push({ tid: t.tid, comm: t.comm, from: Math.max(t.since, open.from), to: ts });
        const ranMeanwhile = new Map<string, number>();
        for (const r of open.ran) {
          const kind = kindOf(r.tid, r.comm);
          if (kind !== undefined && r.to > r.from) ranMeanwhile.set(kind, (ranMeanwhile.get(kind) ?? 0) + (r.to - r.from) * 1000);
        }
        waits.push({ ms, cause: open.cause, ranMeanwhile });
      }
      open = undefined;
    }
  }
  return waits;
}

/** Totals over waits: ms each kind ran during them, most first, as "kind 12.3". */
export function ranDuringWaits(waits: readonly HostWait[]): string {
  const total = new Map<string, number>();
  for (const w of waits) for (const [k, ms] of w.ranMeanwhile) total.set(k, (total.get(k) ?? 0) + ms);
  return [...total].sort((a, b) => b[1] - a[1]).map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join(', ') || 'none';
}
