// What an analysis may reuse from earlier calls on other versions of the same article (the editor
// re-analysing an open article after each edit): one bounded cache per stage that has one. Given to
// analyzeArticle through AnalyzeOptions.cache; the results are exactly those of an analysis without it.
import { BoilerplateCache } from '../boilerplate/incremental';
import { DateCache } from '../dates/incremental';

export interface AnalysisCacheBounds {
  /** Characters of the line texts whose boilerplate features and keys are kept. Default 2,000,000. */
  lineChars?: number;
  /** Characters of the text windows whose dates are kept. Default 2,000,000. */
  dateChars?: number;
}

export class AnalysisCache {
  readonly boilerplate: BoilerplateCache;
  readonly dates: DateCache;

  constructor(bounds: AnalysisCacheBounds = {}) {
    this.boilerplate = new BoilerplateCache(bounds.lineChars);
    this.dates = new DateCache(bounds.dateChars);
  }
}
