// CPU time of this process's threads, where the OS tells it (Linux: /proc/self/task/<tid>/stat, in
// clock ticks of 10 ms, USER_HZ being 100 on Linux); undefined elsewhere. process.cpuUsage() counts
// every thread (the workers too), and event-loop utilization counts time the thread waits for a core.
// Also the host thread's time on a core and waiting for one (its schedstat), for the benches that tell
// a block's running, waiting and sleeping apart.
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';

/** CPU time of one thread of this process, ms (throws where there is no such file). */
function taskCpuMs(tid: number | string): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, and ends with ") "): utime and stime are the 12th and 13th.
  const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

/** CPU time of this process's main thread alone. */
export function mainThreadCpuMs(): number | undefined {
  try {
    return taskCpuMs(process.pid);
  } catch {
    return undefined;
  }
}

/** CPU time of each thread of this process, by thread id. A thread that ended is gone from the list, with its time. */
export function threadsCpuMs(): Map<number, number> | undefined {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return undefined;
  }
  const out = new Map<number, number>();
  for (const tid of tids) {
    try {
      out.set(Number(tid), taskCpuMs(tid));
    } catch {
      /* ended meanwhile */
    }
  }
  return out;
}

/**
 * A reader of the host thread's time on a core and waiting for one, ns (Linux: its schedstat), or
 * undefined elsewhere. The file stays open and is read again from its start into one buffer: read
 * every few ms on the thread it measures, it makes no garbage there (a string and a buffer per
 * read would feed the collections the bench counts). `close` when done.
 */
export function hostSchedReader(): { read(): [number, number]; close(): void } | undefined {
  let fd: number;
  try {
    fd = openSync(`/proc/self/task/${process.pid}/schedstat`, 'r');
  } catch {
    return undefined;
  }
  const buf = Buffer.alloc(64);
  return {
    read: () => {
      const n = readSync(fd, buf, 0, buf.length, 0);
      // "<on a core> <waiting> <timeslices>\n", decimal.
      const out: [number, number] = [0, 0];
      for (let i = 0, f = 0; i < n && f < 2; i++) {
        const c = buf[i];
        if (c >= 0x30 && c <= 0x39) out[f] = out[f] * 10 + (c - 0x30);
        else f++;
      }
      return out;
    },
    close: () => closeSync(fd),
  };
}
