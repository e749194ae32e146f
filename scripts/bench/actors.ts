// Corpus actor aggregation time: buildCorpusActors over the summaries of a corpus of real articles
// (default: 10,000 distinct real articles, see scripts/lib/benchCorpus; or --data DIR of .txt files,
// --articles N). The summaries come from the persisted corpus index, kept in a temp folder between
// runs: the first run analyses the articles (minutes), later runs read them back.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchOptions } from '../bench';
import { buildCorpusActors } from '../../src/core/corpus/corpusActors';
import { createAnalysisPool } from '../../src/node/analysisPool';
import { corpusSummaries } from '../../src/node/corpusSummaries';
import { BENCH_WORKER, benchCorpus, SHARED } from '../lib/benchCorpus';

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  const n = opts.articles ?? 10_000;
  let dir = opts.data;
  if (!dir) {
    if (!existsSync(SHARED)) {
      console.log(`  actors bench: needs real text, and ${SHARED} is absent; give --data DIR (a folder of .txt articles)`);
      return { skipped: 'no data' };
    }
    dir = benchCorpus(n);
  }
  dir = resolve(dir);
  const cache = join(tmpdir(), `nca-bench-index-${createHash('sha1').update(dir).digest('hex').slice(0, 12)}`);
  const pool = createAnalysisPool({ workers: availableParallelism(), script: BENCH_WORKER });
  const tA = performance.now();
  let got;
  try {
    got = await corpusSummaries(dir, { pool, cache });
  } finally {
    await pool.terminate();
  }
  const indexMs = performance.now() - tA;
  const summaries = got.summaries;
  buildCorpusActors(summaries.slice(0, 500)); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  let actors = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < opts.seconds * 1000 || times.length < 3) {
    const t = performance.now();
    const c = process.cpuUsage();
    actors = buildCorpusActors(summaries).actors.length;
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const actorSummaries = summaries.reduce((n, s) => n + s.actors.length, 0);
  return {
    source: dir,
    'summaries aggregated (distinct articles)': summaries.length,
    'articles analysed for the index this run': got.report.analysed,
    'index update s (analysis or cache read)': indexMs / 1000,
    'article actors aggregated': actorSummaries,
    'corpus actors': actors,
    'aggregation ms (median)': times[times.length >> 1],
    'aggregation ms (min)': times[0],
    'aggregation cpu ms (median)': cpu[cpu.length >> 1],
    runs: times.length,
    'load average (1 min)': loadavg()[0],
  };
}
