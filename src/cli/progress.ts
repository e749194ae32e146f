// A progress line on stderr for long CLI runs (counts, rate, elapsed), only when stderr is a terminal.
export interface Progress {
  update(done: number, total?: number): void;
  done(): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  const t0 = Date.now();
  let last = 0;
  const width = 24;
  const draw = (done: number, total?: number) => {
    const s = (Date.now() - t0) / 1000;
    const rate = s > 0 ? Math.round(done / s) : 0;
    const bar = total ? '[' + '#'.repeat(Math.round((done / Math.max(1, total)) * width)).padEnd(width, '.') + '] ' : '';
    const counts = total ? `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}` : done.toLocaleString('en-US');
    stream.write(`\r${label} ${bar}${counts} ${rate.toLocaleString('en-US')}/s ${s.toFixed(0)} s\x1b[K`);
  };
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      draw(done, total);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
