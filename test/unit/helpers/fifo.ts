import { execFileSync } from 'node:child_process';

/** Makes a FIFO (named pipe) at p; false where mkfifo is missing (it is part of coreutils). */
export function mkfifo(p: string): boolean {
  try {
    execFileSync('mkfifo', [p]);
    return true;
  } catch {
    return false;
  }
}
