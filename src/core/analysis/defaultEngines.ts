// The engines the extension and the CLI use, assembled in one place. The entity
// engine is passed in because the trained tagger's model is loaded from disk by
// the caller (src/node/engines.ts), lazily and once.
import { createBoilerplateEngine } from '../boilerplate';
import { createDateEngine } from '../dates/engine';
import type { EntityEngine } from '../engines';
import type { Engines } from './analyzeArticle';

export function assembleEngines(entities: EntityEngine): Engines {
  const dates = createDateEngine();
  const boilerplate = createBoilerplateEngine();
  return {
    entities,
    dates,
    boilerplate,
    articleDate(_text, relPath, config) {
      const mapped = relPath !== undefined ? config.articleDate.map[relPath] : undefined;
      if (mapped) return { value: mapped, source: 'newscorpus.yaml articleDate map' };
      if (config.articleDate.fallback) return { value: config.articleDate.fallback, source: 'newscorpus.yaml articleDate fallback' };
      return undefined;
    },
  };
}
