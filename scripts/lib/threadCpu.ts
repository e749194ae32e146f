// CPU time of this process's main thread alone, where the OS tells it (Linux: /proc/self/task/<pid>/stat,
// in clock ticks of 10 ms, USER_HZ being 100 on Linux); undefined elsewhere. process.cpuUsage() counts
// every thread (the workers too), and event-loop utilization counts time the thread waits for a core.
import { readdirSync, readFileSync } from 'node:fs';

export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, and ends with ") "): utime and stime are the 12th and 13th.
    const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return undefined;
  }
}

/** CPU time of each thread of this process, by thread id (Linux; undefined elsewhere). A thread that ended is gone from the list, with its time. */
export function threadsCpuMs(): Map<number, number> | undefined {
  try {
    const out = new Map<number, number>();
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        out.set(Number(tid), (Number(f[11]) + Number(f[12])) * 10);
      } catch {
        /* ended meanwhile */
      }
    }
    return out;
  } catch {
    return undefined;
  }
}
