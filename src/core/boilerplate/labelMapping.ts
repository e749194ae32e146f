// Label mappings between the conventions of boilerplate training sources (training only). The
// detector follows the Scrapinghub benchmark's convention, where a byline (the author's name or the
// date on a line of its own, "By …", "Posted on …") is boilerplate; WCXB's labels count it as article
// text. Mapping such lines before training lets the trees learn from WCXB without unlearning that.
import type { ArticleFeatures } from './features';

/**
 * The labels (1 = boilerplate, per line) with every line labelled article that is a byline in the
 * Scrapinghub convention mapped to boilerplate: a line with a byline lexicon phrase, or a name or a
 * date on a line of its own (LineInfo nameLike, dateLike) outside the page's body of prose
 * (features.body). Returns a new array and how many lines it changed.
 */
export function bylinesAsBoilerplate(labels: readonly number[], features: ArticleFeatures): { labels: number[]; changed: number } {
  const out = labels.slice();
  const [b0, b1] = features.body;
  let changed = 0;
  features.infos.forEach((info, k) => {
    if (out[info.line] !== 0) return;
    const outsideBody = b0 < 0 || k < b0 || k > b1;
    if (info.hits.some((h) => h.category === 'byline') || (outsideBody && (info.nameLike || info.dateLike))) {
      out[info.line] = 1;
      changed++;
    }
  });
  return { labels: out, changed };
}
