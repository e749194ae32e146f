// The calling thread's id in the OS, and lowering the scheduling priority of that thread alone, where
// the system gives a thread a priority of its own: on Linux a thread has its own id and nice value,
// and setpriority(2) on that id changes that thread only. Elsewhere os.setPriority would change the
// whole process (the editor with it), so nothing is done there.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How much a background thread lowers its priority: added to its nice value (0 is normal, 19 the lowest priority). */
export const BACKGROUND_NICE = 10;

/**
 * How much the corpus worker lowers its priority: below the host thread, whose blocks it made
 * longer while both cores were busy (the corpus bench: 9 and 11 blocks over 16 ms in a cold run at
 * nice 0, 3 and 5 at nice 5), and above its index workers, so that its answers to a hover or a view
 * come before their analyses.
 */
export const CORPUS_WORKER_NICE = 5;

/** The calling thread's id in the OS (Linux: /proc/thread-self links to /proc/<pid>/task/<tid>); undefined elsewhere. */
export function currentThreadId(): number | undefined {
  try {
    const m = /\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lowers the calling thread's priority by `nice` (its nice value raised by that much, at most to 19;
 * never the process's main thread); says what was done.
 */
export function lowerThreadPriority(nice = BACKGROUND_NICE): string {
  if (process.platform !== 'linux') return `left as it is (a thread's own priority is set on Linux only)`;
  const tid = currentThreadId();
  if (tid === undefined) return 'left as it is (no thread id in /proc/thread-self)';
  if (tid === process.pid) return 'left as it is (the main thread)';
  try {
    const target = Math.min(19, getPriority(tid) + nice);
    setPriority(tid, target);
    return `nice ${target}`;
  } catch (e) {
    return `left as it is (${(e as Error).message})`;
  }
}
