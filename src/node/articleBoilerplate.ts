// Boilerplate line numbers of articles on disk, for `export --no-boilerplate` and `clean`: each
// article is analysed (boilerplate stage only, in the analysis workers) with the settings of its
// corpus (the nearest newscorpus.yaml) and with the template statistics of the corpus's articles,
// counted in one streaming pass (no text kept), as `news-annotate check` does, so the lines removed
// are the lines check and the editor flag.
import { LineCounts } from '../core/boilerplate/lineCounts';
import { buildTemplateTable, type TemplateTable } from '../core/boilerplate/templateTable';
import { lineHashesOf } from '../core/corpus/articleSummary';
import { splitLines } from '../core/text/lines';
import type { AnalysisPool } from './analysisPool';
import { corpusFor, readArticleFile, relPathIn, type CorpusOnDisk } from './corpusFiles';
import { walkArticles } from './fileWalk';
import { attachText } from '../worker/protocol';

export interface BoilerplateFinder {
  /** 0-based boilerplate lines of an article given its path and (decoded) text. */
  linesOf(path: string, text: string): Promise<number[]>;
}

/** Line statistics of a corpus's articles (or of the given files when there is no corpus), read one at a time. */
export function corpusTemplateTable(corpus: CorpusOnDisk, extra: readonly string[] = []): TemplateTable {
  // Problems of this walk are those of the corpus around the articles, reported by the walk over the named paths when in scope.
  const members = corpus.root ? [...walkArticles([corpus.root], { onProblem: () => undefined })].map((f) => f.path) : [];
  const counts = new LineCounts();
  for (const f of new Set([...members, ...extra])) {
    if (corpusFor(f) !== corpus) continue;
    const text = readArticleFile(f).text;
    if (text === undefined) continue;
    counts.add(lineHashesOf(splitLines(text)));
  }
  return buildTemplateTable(counts);
}

export function createBoilerplateFinder(pool: AnalysisPool): BoilerplateFinder {
  const tables = new Map<CorpusOnDisk, TemplateTable>();
  return {
    async linesOf(path: string, text: string): Promise<number[]> {
      const corpus = corpusFor(path);
      let templates = tables.get(corpus);
      if (!templates) tables.set(corpus, (templates = corpusTemplateTable(corpus, [path])));
      const a = await pool.analyze({ text, config: corpus.config, relPath: relPathIn(corpus, path), templates, stages: { entities: false, dates: false, boilerplate: true } });
      return attachText(a, text).boilerplate.map((b) => b.line);
    },
  };
}
