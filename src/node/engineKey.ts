// The engine key of the persisted corpus index: a hash of the worker code and of the tagger's model,
// so that summaries computed by other engines are never reused.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { SUMMARY_VERSION } from '../core/corpus/articleSummary';
import { workerScript } from './analysisPool';
import { defaultNerModelPaths } from './nerModel';

let cached: string | undefined;

export function engineKey(): string {
  if (cached) return cached;
  const h = createHash('sha1').update(`summary ${SUMMARY_VERSION}\n`);
  for (const file of [workerScript().script, process.env.NCA_NER_MODEL || defaultNerModelPaths().find((p) => existsSync(p))]) {
    if (!file) continue;
    try {
      h.update(readFileSync(file));
    } catch {
      h.update(`missing ${file}`);
    }
  }
  cached = h.digest('hex').slice(0, 20);
  return cached;
}
