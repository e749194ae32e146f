// Engines for Node hosts (extension host, CLI): the trained entity tagger when
// its model file loads, otherwise the rule engine, with the reason kept for the user.
import type { Engines } from '../core/analysis/analyzeArticle';
import { assembleEngines } from '../core/analysis/defaultEngines';
import { createRuleEngine } from '../core/entities/ruleEngine';
import { createNerEngine } from '../core/ner';
import { loadNerModel } from './nerModel';

export interface NodeEngines {
  engines: Engines;
  /** Why the trained tagger is not in use, if it is not. */
  fallbackReason?: string;
}

let cached: NodeEngines | undefined;

/** Built on first call (the model file is read then, once), then reused. */
export function nodeEngines(): NodeEngines {
  if (cached) return cached;
  try {
    cached = { engines: assembleEngines(createNerEngine(loadNerModel())) };
  } catch (e) {
    cached = { engines: assembleEngines(createRuleEngine()), fallbackReason: (e as Error).message };
  }
  return cached;
}
