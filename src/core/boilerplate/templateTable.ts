// Corpus line statistics in compact form, for template detection in a worker: the hashes of the
// normalised keys of lines seen in 2+ articles, with their counts. Built from per-article line hashes
// (ArticleSummary.lineHashes) counted in LineCounts, read through CorpusLineStats.
import type { CorpusLineStats } from '../engines';
import type { LineCounts } from './lineCounts';
import { lineKey, lineKeyHash } from './templates';

export interface TemplateTable {
  articleCount: number;
  /** Sorted ascending. */
  hashes: Uint32Array;
  /** counts[i]: in how many articles hashes[i] occurs. */
  counts: Uint32Array;
}

/** The table of a corpus: line-key hash → number of articles holding it (keys in one article left out). */
export function buildTemplateTable(lineCounts: LineCounts, articleCount = lineCounts.articles): TemplateTable {
  const hashes = lineCounts.hashesAtLeast(2);
  const counts = new Uint32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) counts[i] = lineCounts.get(hashes[i]);
  return { articleCount, hashes, counts };
}

/** CorpusLineStats over a table; the article's own lines count as "itself" and are subtracted. */
export class TableLineStats implements CorpusLineStats {
  private readonly own = new Set<number>();

  /** keyOf: lineKey, or a cache of it (the per-keystroke analysis keeps keys per line text). */
  constructor(
    private readonly table: TemplateTable,
    ownLines: readonly { text: string }[] | string,
    keyOf: (line: string) => string = lineKey,
  ) {
    const lines = typeof ownLines === 'string' ? ownLines.split(/\r\n|\r|\n/).map((text) => ({ text })) : ownLines;
    for (const l of lines) {
      const k = keyOf(l.text);
      if (k) this.own.add(lineKeyHash(k) >>> 0);
    }
  }

  get articleCount(): number {
    return this.table.articleCount;
  }

  occurrences(key: string): number {
    // As LineCounts holds it: unsigned.
    const h = lineKeyHash(key) >>> 0;
    const { hashes, counts } = this.table;
    let lo = 0;
    let hi = hashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = hashes[mid];
      if (v === h) return Math.max(0, counts[mid] - (this.own.has(h) ? 1 : 0));
      if (v < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
