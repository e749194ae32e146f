// What an analysis may reuse from earlier calls on other versions of the same article (the editor
// re-analysing an open article after each edit): one bounded cache per stage that has one. Given to
// analyzeArticle through AnalyzeOptions.cache; the results are exactly those of an analysis without it.
import { BoilerplateCache } from '../boilerplate/incremental';

export interface AnalysisCacheBounds {
  /** Characters of the line texts whose boilerplate features and keys are kept. Default 2,000,000. */
  lineChars?: number;
}

export class AnalysisCache {
  readonly boilerplate: BoilerplateCache;

  constructor(bounds: AnalysisCacheBounds = {}) {
    this.boilerplate = new BoilerplateCache(bounds.lineChars);
  }
}
