// The engine key of the persisted corpus index: a hash of the worker code, of the tagger's model and
// of the environment switches the workers read (NCA_NER_NO_GATE),
// so that summaries computed by other engines are never reused. Read asynchronously, once per
// process (the extension host's thread never waits for the 5 MB of model and code).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SUMMARY_VERSION } from '../core/corpus/articleSummary';
import { workerScript } from './analysisPool';
import { defaultNerModelPaths } from './nerModel';

let cached: Promise<string> | undefined;

export function engineKey(): Promise<string> {
  cached ??= (async () => {
    const h = createHash('sha1').update(`summary ${SUMMARY_VERSION}\n`);
    // The workers score every token under NCA_NER_NO_GATE=1 (a measuring switch): other summaries.
    if (process.env.NCA_NER_NO_GATE === '1') h.update('ner no-gate\n');
    const script = workerScript().script;
    // From source (tsx: tests, benches, the CLI in development) the entry file does not change with
    // the modules it imports: every source file's size and modification time count instead.
    if (script.endsWith('.ts')) h.update(sourceStamp(dirname(dirname(script))));
    for (const file of [script, process.env.NCA_NER_MODEL || defaultNerModelPaths().find((p) => existsSync(p))]) {
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

/** Path, size and modification time of every .ts file under a source folder, sorted. */
function sourceStamp(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name.endsWith('.ts')) out.push(`${p}:${st.size}:${st.mtimeMs}`);
    }
  };
  walk(dir);
  return out.join('\n');
}
