// The engines the extension and the CLI use, assembled in one place. The entity
// engine is passed in because the trained tagger's model is loaded from disk by
// the caller (src/node/engines.ts), lazily and once.
import { createBoilerplateEngine } from '../boilerplate';
import { createDateEngine, resolveArticleDate } from '../dates';
import type { EntityEngine } from '../engines';
import type { Engines } from './analyzeArticle';

export function assembleEngines(entities: EntityEngine): Engines {
  return {
    entities,
    dates: createDateEngine(),
    boilerplate: createBoilerplateEngine(),
    articleDate: (text, relPath, config) => resolveArticleDate(text, { relPath, settings: config.articleDate }),
  };
}
