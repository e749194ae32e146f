export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

export const processIO: CliIO = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
};

/**
 * Exits with `code` once stdout and stderr have handed the OS every byte written so far.
 * `process.exit` alone drops what a pipe had not yet taken: `news-annotate actors … | cat`
 * printed 46 KB of 11 MB. A reader that went away (`| head`) ends it at once (EPIPE).
 */
export function exitWhenFlushed(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    stream.once('error', () => process.exit(code));
    stream.write('', done);
  }
}
