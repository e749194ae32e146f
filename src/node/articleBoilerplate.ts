// Boilerplate line numbers of articles on disk, for `export --no-boilerplate` and
// `clean`: each article is analysed (boilerplate stage only) with the settings of
// its corpus (the nearest newscorpus.yaml) and with template statistics over the
// corpus's articles, as `news-annotate check` does, so the lines removed are the
// lines check and the editor flag.
import { TemplateIndex } from '../core/boilerplate';
import { analyzeArticle } from '../core/analysis/analyzeArticle';
import { corpusFor, readArticleFile, relPathIn, type CorpusOnDisk } from './corpusFiles';
import { walkArticles } from './fileWalk';
import { nodeEngines } from './engines';

/** At most this many corpus articles are read for template statistics (as check does). */
export const MAX_TEMPLATE_ARTICLES = 5000;

export interface BoilerplateFinder {
  /** 0-based boilerplate lines of an article given its path and (decoded) text. */
  linesOf(path: string, text: string): number[];
}

/** Builds a finder; `texts` are articles already in memory (path → text), used instead of re-reading them. */
export function createBoilerplateFinder(texts: ReadonlyMap<string, string> = new Map()): BoilerplateFinder {
  const templates = new Map<CorpusOnDisk, TemplateIndex>();
  const indexFor = (corpus: CorpusOnDisk, path: string): TemplateIndex => {
    let idx = templates.get(corpus);
    if (idx) return idx;
    idx = new TemplateIndex();
    templates.set(corpus, idx);
    // Problems of this walk are those of the corpus around the articles, reported by the walk over the named paths when in scope.
    const members: string[] = [];
    if (corpus.root) {
      for (const f of walkArticles([corpus.root], { onProblem: () => undefined })) {
        if (members.length >= MAX_TEMPLATE_ARTICLES) break;
        members.push(f.path);
      }
    }
    for (const f of new Set([...members, ...texts.keys(), path])) {
      if (corpusFor(f) !== corpus) continue;
      const text = texts.get(f) ?? readArticleFile(f).text;
      if (text !== undefined) idx.update(relPathIn(corpus, f), text);
    }
    return idx;
  };
  const { engines } = nodeEngines();
  return {
    linesOf(path: string, text: string): number[] {
      const corpus = corpusFor(path);
      const a = analyzeArticle(text, {
        config: corpus.config,
        engines,
        relPath: relPathIn(corpus, path),
        corpus: indexFor(corpus, path),
        stages: { entities: false, dates: false, boilerplate: true },
      });
      return a.boilerplate.map((b) => b.line);
    },
  };
}
