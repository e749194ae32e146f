// Speed of the whole analysis (boilerplate, entities, dates, actors) as the extension runs it on
// every edit: articles per second and MB/s over a folder of .txt articles (--data DIR, default the
// project's own samples/corpus), with the share of time each stage takes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from '../bench';
import { analyzeArticle } from '../../src/core/analysis/analyzeArticle';
import { DEFAULT_CONFIG } from '../../src/core/config/types';
import { walkArticles } from '../../src/node/fileWalk';
import { nodeEngines } from '../../src/node/engines';

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  const dir = opts.data ?? join(__dirname, '..', '..', 'samples', 'corpus');
  const texts = [...walkArticles([dir], { onProblem: (p) => console.error(`${p.path}: ${p.message}`) })].map((f) => readFileSync(f.path, 'utf8'));
  if (!texts.length) throw new Error(`no .txt articles under ${dir}`);
  const engines = nodeEngines().engines;
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const run = () => {
    const stages: Record<string, number> = {};
    for (const t of texts) {
      const a = analyzeArticle(t, { config: DEFAULT_CONFIG, engines });
      for (const [k, v] of Object.entries(a.timings)) stages[k] = (stages[k] ?? 0) + v;
    }
    return stages;
  };
  run(); // warm-up: loads the model, compiles the hot paths
  let passes = 0;
  let stages: Record<string, number> = {};
  const t0 = performance.now();
  while (performance.now() - t0 < opts.seconds * 1000 || passes === 0) {
    const s = run();
    for (const [k, v] of Object.entries(s)) stages[k] = (stages[k] ?? 0) + v;
    passes++;
  }
  const ms = performance.now() - t0;
  const total = Object.values(stages).reduce((a, b) => a + b, 0);
  const share = Object.fromEntries(Object.entries(stages).map(([k, v]) => [`share ${k}`, Math.round((1000 * v) / total) / 1000]));
  return {
    source: dir,
    articles: texts.length,
    passes,
    articlesPerSecond: (texts.length * passes * 1000) / ms,
    mbPerSecond: (chars * passes) / 1e6 / (ms / 1000),
    msPerArticle: ms / (texts.length * passes),
    ...share,
  };
}
