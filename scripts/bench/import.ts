// Importing JSONL annotations into a corpus as News: Import Annotations… does it, on the thread that
// runs the editor's extensions: three records that name no file, so the corpus is read to find
// their articles by their text (a dry run: nothing written). Reports the wall time, the longest
// stretch the thread did not turn its event loop, how often it turned, and how much the heap grew.
//   npm run bench -- --only import [--data DIR] [--articles N]
// Default data: the corpus bench's real articles (see scripts/lib/benchCorpus.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from '../bench';
import { benchCorpusDir } from '../lib/benchCorpus';
import { fullGc } from '../lib/fullGc';
import { walkArticles } from '../../src/node/fileWalk';
import { importJsonlIntoCorpus } from '../../src/node/jsonlImport';

export async function bench(opts: BenchOptions & { articles?: number }): Promise<Record<string, number | string>> {
  const dir = benchCorpusDir('import', opts.data, opts.articles ?? 10_000);
  if (!dir) return { skipped: 'no data' };
  const files = [...walkArticles([dir], { onProblem: () => undefined })].map((f) => f.path);
  // The first, middle and last article: the whole corpus is read before the last is found.
  const picks = [files[0], files[files.length >> 1], files[files.length - 1]];
  const jsonl = picks.map((p) => JSON.stringify({ text: readFileSync(p, 'utf8'), spans: [{ start: 0, end: 1, label: 'MISC' }] })).join('\n') + '\n';
  fullGc();
  const heap0 = process.memoryUsage().heapUsed;
  let peakHeap = heap0;
  let turns = 0;
  const ticker = setInterval(() => {
    turns++;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 10);
  const t0 = performance.now();
  let lastTurn = t0;
  let longestGap = 0;
  const gaps = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - lastTurn);
    lastTurn = now;
  }, 1);
  const report = await importJsonlIntoCorpus(jsonl, dir, { dryRun: true });
  const ms = performance.now() - t0;
  longestGap = Math.max(longestGap, performance.now() - lastTurn);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  clearInterval(ticker);
  clearInterval(gaps);
  if (report.totals.files !== picks.length) throw new Error(`import bench: ${report.totals.files} of ${picks.length} records matched (${report.skippedLines.map((s) => s.message).join('; ')})`);
  return {
    source: join(dir),
    articles: files.length,
    'records (found by text)': picks.length,
    'import s': ms / 1000,
    'longest host-thread block ms': longestGap,
    'event-loop turns (every 10 ms)': turns,
    'heap growth MB (peak)': (peakHeap - heap0) / 2 ** 20,
  };
}
