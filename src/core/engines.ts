// The small interfaces each engine sits behind, so a trained engine can replace
// a simpler one without the pipeline, the extension or the CLI changing.
import type { BoilerplateCache } from './boilerplate/incremental';
import type { BoilerplateSettings } from './config/types';
import type { DateCache } from './dates/incremental';
import type { ArticleDateInfo, BoilerplateFinding, DateMention, EntityMention, Line, Span } from './types';

export interface EntityEngine {
  readonly name: string;
  /** Entities inside the given regions of text (article blocks; boilerplate lines may be left out). Sorted by start. */
  recognize(text: string, regions: Span[]): EntityMention[];
}

export interface DateEngine {
  readonly name: string;
  /**
   * Temporal expressions in text, resolved against the article date when there is one. Sorted by
   * start. The cache (per-keystroke re-analysis) changes nothing in the results.
   */
  recognize(text: string, articleDate: ArticleDateInfo | undefined, cache?: DateCache): DateMention[];
}

/** What the corpus knows about lines, for template (repeated-line) detection. */
export interface CorpusLineStats {
  /** Number of articles in the corpus (or in this article's source/folder). */
  readonly articleCount: number;
  /** In how many other articles a line with this key occurs (the article itself excluded). */
  occurrences(lineKey: string, exceptDocId?: string): number;
}

export interface BoilerplateInput {
  text: string;
  lines: Line[];
  settings: BoilerplateSettings;
  /** Corpus-wide line statistics, when a corpus index is available. */
  corpus?: CorpusLineStats;
  docId?: string;
  /** Told when a limit left part of the work undone (e.g. the user-pattern work budget ran out). */
  onLimit?: (message: string) => void;
  /** Reuse across calls (per-keystroke re-analysis of an open article); results are unchanged. */
  cache?: BoilerplateCache;
}

export interface BoilerplateEngine {
  readonly name: string;
  /** One finding per flagged line, sorted by line. Applies settings (categories, phrases, threshold, keep). */
  detect(input: BoilerplateInput): BoilerplateFinding[];
}
