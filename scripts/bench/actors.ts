// Corpus actor aggregation time: buildCorpusActors over 10,000 article summaries. The summaries come
// from real article text (the main-text pages of ../shared/data/boilerplate*/main, or --data DIR of
// .txt files), analysed once; when there are fewer distinct articles than 10,000 their summaries are
// reused under other paths to reach that size (the count of distinct ones is printed).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from '../bench';
import { analyzeArticle } from '../../src/core/analysis/analyzeArticle';
import { DEFAULT_CONFIG } from '../../src/core/config/types';
import { summarizeArticle, type ArticleSummary } from '../../src/core/corpus/articleSummary';
import { buildCorpusActors } from '../../src/core/corpus/corpusActors';
import { walkArticles } from '../../src/node/fileWalk';

/** The .txt files under folders, sorted, as { file, root } (the safe walk; nothing to report here). */
const listArticles = (dirs: string[]) => [...walkArticles(dirs, { onProblem: () => undefined, globs: false })].map((f) => ({ file: f.path, root: f.root }));
import { nodeEngines } from '../../src/node/engines';
import { SHARED_DATA } from '../lib/shared';

const TARGET = 10_000;
const MAX_DISTINCT = 500;

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  const shared = existsSync(SHARED_DATA) ? SHARED_DATA : '/work/shared/data';
  const dirs = opts.data ? [opts.data] : ['boilerplate', 'boilerplate-wcxb', 'boilerplate-cleaneval'].map((d) => join(shared, d, 'main')).filter(existsSync);
  if (dirs.length === 0) {
    throw new Error(`actors bench: no article text found (looked for ${join(shared, 'boilerplate*', 'main')}); give a folder of .txt articles with --data DIR`);
  }
  const files = listArticles(dirs).slice(0, MAX_DISTINCT);
  if (files.length === 0) throw new Error(`actors bench: no .txt articles under ${dirs.join(', ')}`);
  const { engines } = nodeEngines();
  const distinct: ArticleSummary[] = [];
  const tA = performance.now();
  for (const f of files) {
    const a = analyzeArticle(readFileSync(f.file, 'utf8'), { config: DEFAULT_CONFIG, engines, stages: { boilerplate: false } });
    distinct.push(summarizeArticle(a, f.file));
  }
  const analyseMs = performance.now() - tA;
  const summaries: ArticleSummary[] = [];
  for (let i = 0; i < TARGET; i++) {
    const s = distinct[i % distinct.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    summaries.push({ ...s, relPath: `a/${i}.txt`, date: s.date ?? `2024-01-${day}` });
  }
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
    source: dirs.join(', '),
    'distinct articles analysed': distinct.length,
    'summaries aggregated': summaries.length,
    'article actors aggregated': actorSummaries,
    'corpus actors': actors,
    'aggregation ms (median)': times[times.length >> 1],
    'aggregation ms (min)': times[0],
    'aggregation cpu ms (median)': cpu[cpu.length >> 1],
    runs: times.length,
    'load average (1 min)': (await import('node:os')).loadavg()[0],
    'analysis ms per article (to build the summaries)': analyseMs / distinct.length,
  };
}
