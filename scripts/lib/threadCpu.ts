// CPU time of this process's threads, where the OS tells it (Linux: /proc/self/task/<tid>/stat, in
// clock ticks of 10 ms, USER_HZ being 100 on Linux); undefined elsewhere. process.cpuUsage() counts
// every thread (the workers too), and event-loop utilization counts time the thread waits for a core.
import { readdirSync, readFileSync } from 'node:fs';

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
