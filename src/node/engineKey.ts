// The engine key of the persisted corpus index: a hash of the worker code, of the tagger's model and
// of the environment switches the workers read (NCA_NER_NO_GATE),
// so that summaries computed by other engines are never reused. Read asynchronously, once per
// process (the extension host's thread never waits for the 5 MB of model and code).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { SUMMARY_VERSION } from '../core/corpus/articleSummary';
import { workerScript } from './analysisPool';
import { defaultNerModelPaths } from './nerModel';

let cached: Promise<string> | undefined;

export function engineKey(): Promise<string> {
  cached ??= (async () => {
    const h = createHash('sha1').update(`summary ${SUMMARY_VERSION}\n`);
    // The workers score every token under NCA_NER_NO_GATE=1 (a measuring switch): other summaries.
    if (process.env.NCA_NER_NO_GATE === '1') h.update('ner no-gate\n');
    for (const file of [workerScript().script, process.env.NCA_NER_MODEL || defaultNerModelPaths().find((p) => existsSync(p))]) {
      if (!file) continue;
      try {
        h.update(await readFile(file));
      } catch {
        h.update(`missing ${file}`);
      }
    }
    return h.digest('hex').slice(0, 20);
  })();
  return cached;
}
