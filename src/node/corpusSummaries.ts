// The summaries of a corpus's articles: the one input of the corpus model (corpus actors, dossier).
// Computed here by reading and analysing each article; the persisted index will serve them from its
// store behind this same function.
import { join } from 'node:path';
import { analyzeArticle } from '../core/analysis/analyzeArticle';
import { isCorpusArticle } from '../core/config/corpusPaths';
import { summarizeArticle, type ArticleSummary } from '../core/corpus/articleSummary';
import type { KnowledgeBase } from '../core/corpus/knowledgeBase';
import { listArticles } from './annotationFiles';
import { corpusFor, readArticleFile, relPathIn, type CorpusOnDisk } from './corpusFiles';
import { nodeEngines } from './engines';
import { loadKnowledgeBase } from './knowledgeBase';

export interface CorpusSummaries {
  corpus: CorpusOnDisk;
  summaries: ArticleSummary[];
  knowledgeBase?: KnowledgeBase;
  /** Articles that could not be read or analysed, and notes (one line each, path first). */
  problems: string[];
}

/** The summaries of every article of the corpus whose newscorpus.yaml is in `root` (defaults without one). */
export function corpusSummaries(root: string): CorpusSummaries {
  const corpus = corpusFor(join(root, 'newscorpus.yaml'));
  const knowledgeBase = loadKnowledgeBase(corpus.root, corpus.config);
  const { engines } = nodeEngines();
  const summaries: ArticleSummary[] = [];
  const problems: string[] = [];
  for (const { file } of listArticles([root])) {
    if (corpusFor(file) !== corpus) continue; // a nested corpus of its own
    const relPath = relPathIn(corpus, file);
    if (!isCorpusArticle(relPath, corpus.config.include, corpus.config.exclude)) continue;
    const r = readArticleFile(file);
    if (r.text === undefined) {
      problems.push(`${relPath}: ${r.note}`);
      continue;
    }
    const a = analyzeArticle(r.text, { config: corpus.config, engines, relPath, knowledgeBase });
    for (const p of a.problems) if (p.kind !== 'empty') problems.push(`${relPath}: ${p.message}`);
    summaries.push(summarizeArticle(a, relPath));
  }
  for (const p of knowledgeBase?.problems ?? []) problems.push(`${p.file}:${p.line}: ${p.message}`);
  return { corpus, summaries, ...(knowledgeBase ? { knowledgeBase } : {}), problems };
}
