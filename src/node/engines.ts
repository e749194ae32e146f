// Engines for Node hosts (extension host, CLI): the trained entity tagger, its
// model read from disk on the first entity request (never for boilerplate-only
// work such as `news-annotate check`), or the rule engine when the model cannot
// be loaded, with the reason kept for the user.
import type { Engines } from '../core/analysis/analyzeArticle';
import { assembleEngines } from '../core/analysis/defaultEngines';
import type { EntityEngine } from '../core/engines';
import { createRuleEngine } from '../core/entities/ruleEngine';
import { createNerEngine } from '../core/ner';
import type { EntityMention, Span } from '../core/types';
import { loadNerModel } from './nerModel';

class LazyEntityEngine implements EntityEngine {
  private inner: EntityEngine | undefined;
  fallbackReason: string | undefined;

  private get engine(): EntityEngine {
    if (!this.inner) {
      try {
        this.inner = createNerEngine(loadNerModel());
      } catch (e) {
        this.fallbackReason = (e as Error).message;
        this.inner = createRuleEngine();
      }
    }
    return this.inner;
  }

  get name(): string {
    return this.engine.name;
  }

  recognize(text: string, regions: Span[]): EntityMention[] {
    return this.engine.recognize(text, regions);
  }
}

export interface NodeEngines {
  engines: Engines;
  /** Why the trained tagger is not in use, once the entity engine has been asked for anything. */
  readonly fallbackReason: string | undefined;
}

let cached: NodeEngines | undefined;

export function nodeEngines(): NodeEngines {
  if (cached) return cached;
  const entities = new LazyEntityEngine();
  const engines = assembleEngines(entities);
  cached = {
    engines,
    get fallbackReason() {
      return entities.fallbackReason;
    },
  };
  return cached;
}
