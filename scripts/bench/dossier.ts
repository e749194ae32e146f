// Time to build the dossier of the most-mentioned actor of a 10,000-article corpus from the index
// (article summaries → corpus actors → dossier, the article texts in memory as the extension has
// them after reading). The corpus is real text: the `main` pages of /work/shared/data/boilerplate*/
// (or --data DIR), each page cut into consecutive blocks of paragraphs when there are fewer pages
// than 10,000 (at line breaks, headline-less blocks are articles too), so every article is distinct
// real text. Analysis and summaries are done once, before timing (several minutes on 2 cores).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from '../bench';
import { analyzeArticle } from '../../src/core/analysis/analyzeArticle';
import { summarizeArticle, type ArticleSummary } from '../../src/core/corpus/articleSummary';
import { buildCorpusActors } from '../../src/core/corpus/corpusActors';
import { buildDossier } from '../../src/core/corpus/dossier';
import { DEFAULT_CONFIG } from '../../src/core/config/types';
import { walkArticles } from '../../src/node/fileWalk';

/** The .txt files under folders, sorted, as { file, root } (the safe walk; nothing to report here). */
const listArticles = (dirs: string[]) => [...walkArticles(dirs, { onProblem: () => undefined, globs: false })].map((f) => ({ file: f.path, root: f.root }));
import { nodeEngines } from '../../src/node/engines';

const TARGET_ARTICLES = 10_000;
const SHARED = '/work/shared/data';

function sources(data?: string): string[] {
  if (data) return [data];
  const dirs = existsSync(SHARED) ? readdirSync(SHARED).filter((d) => d.startsWith('boilerplate')).map((d) => join(SHARED, d, 'main')).filter(existsSync) : [];
  if (!dirs.length) throw new Error(`dossier bench: no real pages found (looked for ${SHARED}/boilerplate*/main); give a folder of .txt articles with --data DIR`);
  return dirs;
}

/** The pages as articles: whole when there are enough, else each cut into `parts` blocks of consecutive lines. */
function articlesOf(pages: string[], target: number): string[] {
  if (pages.length >= target) return pages.slice(0, target);
  const parts = Math.ceil(target / pages.length);
  const out: string[] = [];
  for (const page of pages) {
    const lines = page.split(/\r?\n/).filter((l) => l.trim());
    const per = Math.max(1, Math.ceil(lines.length / parts));
    for (let i = 0; i < lines.length; i += per) out.push(lines.slice(i, i + per).join('\n') + '\n');
  }
  return out.slice(0, target);
}

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  const dirs = sources(opts.data);
  const pages = dirs.flatMap((d) => listArticles([d]).map((f) => readFileSync(f.file, 'utf8')));
  if (!pages.length) throw new Error(`dossier bench: no .txt articles under ${dirs.join(', ')}`);
  const texts = articlesOf(pages, TARGET_ARTICLES);
  const engines = nodeEngines().engines;
  const byPath = new Map<string, string>();
  const summaries: ArticleSummary[] = [];
  const t0 = performance.now();
  texts.forEach((text, i) => {
    const relPath = `a${String(i).padStart(5, '0')}.txt`;
    byPath.set(relPath, text);
    summaries.push(summarizeArticle(analyzeArticle(text, { config: DEFAULT_CONFIG, engines, relPath }), relPath));
  });
  const analysisMs = performance.now() - t0;

  const time = (f: () => void): number => {
    f(); // warm-up
    const runs: number[] = [];
    const start = performance.now();
    while (performance.now() - start < opts.seconds * 1000 || runs.length < 3) {
      const s = performance.now();
      f();
      runs.push(performance.now() - s);
    }
    return runs.sort((a, b) => a - b)[runs.length >> 1];
  };
  let index = buildCorpusActors(summaries);
  const indexMs = time(() => {
    index = buildCorpusActors(summaries);
  });
  const top = index.actors.reduce((best, a) => (a.mentionCount > best.mentionCount ? a : best));
  let snippets = 0;
  const coActorsMs = time(() => void index.coActors(top.id));
  const coActors = index.coActors(top.id);
  const modelMs = time(() => {
    const d = buildDossier(top, coActors, (p) => byPath.get(p));
    snippets = d.articles.reduce((n, a) => n + a.mentions.length, 0);
  });
  // What the panel and the CLI wait for: the co-actors from the index, then the dossier model.
  const dossierMs = time(() => void buildDossier(top, index.coActors(top.id), (p) => byPath.get(p)));
  return {
    source: dirs.join(', '),
    pages: pages.length,
    articles: texts.length,
    datedArticles: summaries.filter((s) => s.date).length,
    corpusActors: index.actors.length,
    actor: top.name,
    actorArticles: top.articleCount,
    actorMentions: top.mentionCount,
    snippets,
    summariesSeconds: analysisMs / 1000,
    corpusActorsMs: indexMs,
    coActorsMs,
    dossierModelMs: modelMs,
    dossierMs,
  };
}
