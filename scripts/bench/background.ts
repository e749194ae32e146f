// What the index workers take from the rest of the machine while they keep every core busy: a
// stand-in for the editor's other threads and processes (the renderer, other extensions), another
// process that every 16 ms does 4 ms of work, measures how late its frames end (p50/p95/p99/max),
// with the index workers as the extension starts them (background: their scheduling priority
// lowered, see src/node/threadPriority.ts) and at normal priority, in turns (two of each), with the
// articles both arrangements analysed meanwhile; then, with nothing else running, how long each
// arrangement takes to analyse the same first ALONE_ARTICLES articles (two turns of each): what the
// lower priority costs the index when the cores are its own.
//   npm run bench -- --only background [--data DIR] [--seconds S]
// Default data: the first 1,000 articles of the corpus bench's real texts (../shared/data).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { BenchOptions } from '../bench';
import { benchAnalysisWorker, benchCorpusDir } from '../lib/benchCorpus';
import { DEFAULT_CONFIG } from '../../src/core/config/types';
import { createAnalysisPool } from '../../src/node/analysisPool';
import { walkArticles } from '../../src/node/fileWalk';

/** The probe process: frames of 4 ms of work every 16 ms for `seconds`, then one JSON line of how late they ended (ms). */
const PROBE = `
const secs = Number(process.argv[1]);
const late = [];
const t0 = performance.now();
let due = t0;
function frame() {
  const start = performance.now();
  while (performance.now() - start < 4) {}
  const end = performance.now();
  late.push(end - due - 4);
  due += 16;
  if (end - t0 < secs * 1000) return setTimeout(frame, Math.max(0, due - performance.now()));
  late.sort((a, b) => a - b);
  const q = (p) => late[Math.min(late.length - 1, Math.floor(p * late.length))];
  console.log(JSON.stringify({ p50: q(0.5), p95: q(0.95), p99: q(0.99), max: late[late.length - 1] }));
}
frame();`;

/** Articles analysed in each turn with nothing else running. */
const ALONE_ARTICLES = 300;

interface Turn {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  articles: number;
}

const WORKERS = 2;

/** A pool of WORKERS index workers, started and with their model loaded. */
async function startedPool(background: boolean) {
  const pool = createAnalysisPool({ workers: WORKERS, script: benchAnalysisWorker(), background });
  await Promise.all(Array.from({ length: WORKERS }, () => pool.engineInfo()));
  return pool;
}

/** Analyses files in turn (two requests in flight per worker, as the index keeps them busy) while `more(articles started)` says so; returns how many were analysed. */
async function analyse(pool: Awaited<ReturnType<typeof startedPool>>, files: string[], more: (started: number) => boolean): Promise<number> {
  let next = 0;
  let done = 0;
  const feed = async (): Promise<void> => {
    while (more(next)) {
      const f = files[next++ % files.length];
      await pool.summarize({ items: [{ relPath: f, text: readFileSync(f, 'utf8') }], config: structuredClone(DEFAULT_CONFIG), maxChars: 300_000 });
      done++;
    }
  };
  await Promise.all(Array.from({ length: 2 * WORKERS }, feed));
  return done;
}

/** Seconds to analyse the first ALONE_ARTICLES files with nothing else running. */
async function alone(files: string[], background: boolean): Promise<number> {
  const pool = await startedPool(background);
  try {
    const t0 = performance.now();
    await analyse(pool, files, (next) => next < Math.min(ALONE_ARTICLES, files.length));
    return (performance.now() - t0) / 1000;
  } finally {
    await pool.terminate();
  }
}

async function turn(files: string[], background: boolean, seconds: number): Promise<Turn> {
  // Both workers started and their model loaded before the probe starts.
  const pool = await startedPool(background);
  try {
    const probe = spawn(process.execPath, ['-e', PROBE, String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    probe.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<void>((resolve) => probe.on('exit', () => resolve()));
    const t0 = performance.now();
    const articles = await analyse(pool, files, () => performance.now() - t0 < seconds * 1000);
    await exited;
    return { ...(JSON.parse(out) as Omit<Turn, 'articles'>), articles };
  } finally {
    await pool.terminate();
  }
}

export async function bench(opts: BenchOptions & { articles?: number }): Promise<Record<string, number | string>> {
  const dir = benchCorpusDir('background', opts.data, opts.articles ?? 1000);
  if (!dir) return { skipped: 'no data' };
  const files = [...walkArticles([dir], { onProblem: () => undefined, globs: false })].map((f) => f.path).slice(0, opts.articles ?? 1000);
  const seconds = Math.max(10, opts.seconds * 10);
  const turns: { background: boolean; t: Turn }[] = [];
  for (const background of [false, true, false, true]) turns.push({ background, t: await turn(files, background, seconds) });
  const alones: { background: boolean; s: number }[] = [];
  for (const background of [false, true, false, true]) alones.push({ background, s: await alone(files, background) });
  const out: Record<string, number | string> = { 'seconds per turn': seconds, workers: WORKERS };
  for (const [name, bg] of [['normal priority', false], ['background', true]] as const) {
    const ts = turns.filter((x) => x.background === bg).map((x) => x.t);
    const f = (k: keyof Turn): string => ts.map((t) => Math.max(0, t[k]).toFixed(k === 'articles' ? 0 : 1)).join(', ');
    out[`${name}: probe frame lateness p50 ms`] = f('p50');
    out[`${name}: p95 ms`] = f('p95');
    out[`${name}: p99 ms`] = f('p99');
    out[`${name}: max ms`] = f('max');
    out[`${name}: articles analysed`] = f('articles');
    out[`${name}: s for the first ${Math.min(ALONE_ARTICLES, files.length)} articles, nothing else running`] = alones
      .filter((x) => x.background === bg)
      .map((x) => x.s.toFixed(2))
      .join(', ');
  }
  return out;
}
