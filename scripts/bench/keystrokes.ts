// Per-keystroke re-analysis of an open article, as the editor's analysis worker does it: a real
// article of about 10 KB and one of 300 KB are analysed once in full, then after each of a series of
// one-character edits (each keeping the previous ones), after edits that warm the worker up and are
// not counted (a person types many keys: the steady state is what they feel). At 10 KB the warm-up is
// 400 edits: V8 keeps re-optimising the worker's code for a few hundred edits (with --trace-deopt, in
// one thread over 2,000 edits: 66 deoptimisations in the first 200 edits, then 21, 8, 1, 15 and 0 in
// the next windows of 200), and the edits of that phase are reported apart ("first edits": the 120
// after the first 30, the window this bench counted until 2026-12-05). Prints worker time p50/p95 per size with the
// share of each stage (the timings analyzeArticle records), plus "host read-back": what the result
// costs the host's thread (reading its structured clone back, then attachText).
//   npm run bench -- --only keystrokes [--data DIR]
// Default data: real text (scripts/lib/benchCorpus.ts realTexts(): the boilerplate pages, then
// Wikipedia pages); with --data, the .txt articles under DIR in walk order.
import { existsSync, readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { BenchOptions } from '../bench';
import { benchAnalysisWorker, realTexts, SHARED } from '../lib/benchCorpus';
import { percentile } from '../lib/stats';
import { DEFAULT_CONFIG } from '../../src/core/config/types';
import { createAnalysisPool } from '../../src/node/analysisPool';
import { walkArticles } from '../../src/node/fileWalk';
import { attachText } from '../../src/worker/protocol';

export interface KeystrokeFigures {
  /** Worker time of the first, full analysis (nothing cached yet). */
  full: number;
  p50: number;
  p95: number;
  /** CPU time of the whole process per edit, p50 (worker, clone, host): less sensitive to other load than worker time. */
  cpuP50: number;
  /** Per stage over the edits: p50 and p95 in ms ("host read-back": the host reading the result back and attachText). */
  stages: Record<string, { p50: number; p95: number }>;
  /** Worker time of the edits of the early window (see KeystrokeRun.early), when one was asked for. */
  early?: { p50: number; p95: number };
}

/** What one size's run does: edits counted after a warm-up not counted, and an early window of the warm-up reported apart. */
export interface KeystrokeRun {
  edits: number;
  warmup: number;
  /** Edits [from, from + count) of the warm-up, whose worker time is reported as the first edits'. */
  early?: { from: number; count: number };
}

/**
 * Per size: at 10 KB, 400 edits counted after 400 (and the first edits' window, 120 after 30); at
 * 300 KB, 16 after 4 (each takes about a quarter of a second: the steady state is not waited for).
 */
export const KEYSTROKE_RUNS: { ten: KeystrokeRun; big: KeystrokeRun } = {
  ten: { edits: 400, warmup: 400, early: { from: 30, count: 120 } },
  big: { edits: 16, warmup: 4 },
};

/**
 * Worker time of `edits` one-character insertions into `text` (each keeping the earlier ones), in one
 * fresh analysis worker, after a first full analysis of the text and `warmup` edits not counted (the
 * first edits after a full analysis still compile code paths the full analysis did not take, and V8
 * re-optimises for a few hundred more); `early`: a window of the warm-up reported apart.
 */
export async function keystrokes(text: string, run: KeystrokeRun): Promise<KeystrokeFigures> {
  const { edits, warmup, early } = run;
  const pool = createAnalysisPool({ workers: 1, script: benchAnalysisWorker() });
  try {
    const config = structuredClone(DEFAULT_CONFIG);
    await pool.analyze({ text: text.slice(0, 2000), config }); // loads the model
    const full = (await pool.analyze({ text, config, maxChars: 300_000 })).workerMs;
    const times: number[] = [];
    const earlyTimes: number[] = [];
    const cpus: number[] = [];
    const stages: Record<string, number[]> = {};
    let cur = text;
    for (let i = 0; i < warmup + edits; i++) {
      const at = Math.floor((((i * 7919) % 1000) / 1000) * cur.length);
      cur = cur.slice(0, at) + 'e' + cur.slice(at);
      const c0 = process.cpuUsage();
      const r = await pool.analyze({ text: cur, config, maxChars: 300_000 });
      const c = process.cpuUsage(c0);
      if (early && i >= early.from && i < early.from + early.count) earlyTimes.push(r.workerMs);
      if (i < warmup) continue;
      cpus.push((c.user + c.system) / 1000);
      times.push(r.workerMs);
      let staged = 0;
      for (const [k, v] of Object.entries(r.timings)) {
        (stages[k] ??= []).push(v);
        staged += v;
      }
      (stages['other (worker)'] ??= []).push(r.workerMs - staged);
      // What the result costs the host's thread: reading its structured clone back (v8.serialize is the
      // serializer postMessage uses; the worker serializes) and rebuilding the analysis with the text.
      const wire = serialize(r);
      const t0 = performance.now();
      attachText(deserialize(wire), cur);
      (stages['host read-back'] ??= []).push(performance.now() - t0);
    }
    const byStage = Object.fromEntries(Object.entries(stages).map(([k, xs]) => [k, { p50: percentile(xs, 50), p95: percentile(xs, 95) }]));
    const earlyFigures = earlyTimes.length ? { p50: percentile(earlyTimes, 50), p95: percentile(earlyTimes, 95) } : undefined;
    return { full, p50: percentile(times, 50), p95: percentile(times, 95), cpuP50: percentile(cpus, 50), stages: byStage, early: earlyFigures };
  } finally {
    await pool.terminate();
  }
}

/** A real article of 9–11 KB and 300 KB of real articles joined by line breaks, from `texts` in order. */
export function keystrokeTexts(texts: Iterable<string>): { ten: string; big: string } | undefined {
  let ten: string | undefined;
  let first: string | undefined;
  let big = '';
  for (const t of texts) {
    first ??= t;
    if (!ten && t.length >= 9_000 && t.length <= 11_000) ten = t;
    if (big.length < 300_000) big += t + '\n';
    if (ten && big.length >= 300_000) break;
  }
  if (first === undefined) return undefined;
  return { ten: ten ?? first, big: big.slice(0, 300_000) };
}

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  let texts: Iterable<string>;
  if (opts.data) {
    const dir = opts.data;
    texts = (function* () {
      for (const f of walkArticles([dir], { onProblem: () => undefined, globs: false })) yield readFileSync(f.path, 'utf8');
    })();
  } else {
    if (!existsSync(SHARED)) {
      console.log(`  keystrokes bench: needs real text, and ${SHARED} is absent; give --data DIR (a folder of .txt articles)`);
      return { skipped: 'no data' };
    }
    texts = realTexts();
  }
  const picked = keystrokeTexts(texts);
  if (!picked) throw new Error(`no .txt articles under ${opts.data}`);
  const out: Record<string, number | string> = { source: opts.data ?? SHARED };
  for (const [label, text, run] of [['10 KB', picked.ten, KEYSTROKE_RUNS.ten], ['300 KB', picked.big, KEYSTROKE_RUNS.big]] as const) {
    const k = await keystrokes(text, run);
    out[`${label} chars`] = text.length;
    out[`${label} full analysis ms`] = k.full;
    out[`${label} one-char edit p50 ms`] = k.p50;
    out[`${label} one-char edit p95 ms`] = k.p95;
    out[`${label} one-char edit process CPU p50 ms`] = k.cpuP50;
    console.log(`  ${label} (${text.length} chars, ${run.edits} edits after ${run.warmup} to warm up): full ${k.full.toFixed(1)} ms, edit p50 ${k.p50.toFixed(1)} ms, p95 ${k.p95.toFixed(1)} ms (process CPU p50 ${k.cpuP50.toFixed(1)} ms)`);
    if (k.early && run.early) {
      out[`${label} first edits p50 ms`] = k.early.p50;
      out[`${label} first edits p95 ms`] = k.early.p95;
      console.log(`    first edits (${run.early.count} after ${run.early.from}, while V8 still re-optimises): p50 ${k.early.p50.toFixed(1)} ms, p95 ${k.early.p95.toFixed(1)} ms`);
    }
    for (const [stage, s] of Object.entries(k.stages)) {
      console.log(`    ${stage.padEnd(16)} p50 ${s.p50.toFixed(2).padStart(8)} ms   p95 ${s.p95.toFixed(2).padStart(8)} ms`);
      out[`${label} ${stage} p50 ms`] = s.p50;
    }
  }
  return out;
}
