// The knowledge base of a corpus on disk: the files newscorpus.yaml lists under knowledgeBase,
// each read and parsed only when the first name is looked up (a 1.5 MB dictionary costs nothing
// at activation), then kept with the file's modification time so an edit is seen on the next load.
// In the corpus worker, KnowledgeBaseLoader (below) reads them asynchronously and parses them in an
// analysis worker, so that questions are answered meanwhile.
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusConfig } from '../core/config/types';
import { KnowledgeBase, type KbEntry, type KbProblem, type KbSource } from '../core/corpus/knowledgeBase';
import { parseKnowledgeBaseText, unpackKnowledgeBase, type PackedKnowledgeBase } from '../core/corpus/kbParse';
import { decodeBytes } from '../core/text/decode';

const parsed = new Map<string, { mtimeMs: number; size: number; result: { entries: KbEntry[]; problems: KbProblem[] } }>();

const missingFile = (relFile: string): KbProblem => ({ file: relFile, line: 1, severity: 'error', message: `Knowledge base ${relFile} not found (listed in newscorpus.yaml).` });

/** One knowledge-base file of a corpus, read on first use (and again only when it changed on disk). */
export function fileSource(root: string, relFile: string): KbSource {
  return {
    file: relFile,
    load: () => {
      const abs = join(root, relFile);
      let st;
      try {
        st = statSync(abs);
      } catch {
        return { entries: [], problems: [missingFile(relFile)] };
      }
      const hit = parsed.get(abs);
      if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.result;
      const result = parseKnowledgeBaseText(decodeBytes(readFileSync(abs)).text, relFile);
      parsed.set(abs, { mtimeMs: st.mtimeMs, size: st.size, result });
      return result;
    },
  };
}

/** The knowledge base of a corpus (undefined when newscorpus.yaml lists none). */
export function loadKnowledgeBase(root: string | undefined, config: CorpusConfig): KnowledgeBase | undefined {
  if (!root || config.knowledgeBase.length === 0) return undefined;
  return new KnowledgeBase(config.knowledgeBase.map((f) => fileSource(root, f)));
}

const bases = new Map<string, { signature: string; kb: KnowledgeBase }>();

/** A fingerprint of a corpus's knowledge-base files (path, mtime and size of each): it changes when any of them does. */
export function knowledgeBaseSignature(root: string, files: readonly string[]): string {
  return files
    .map((f) => {
      try {
        const st = statSync(join(root, f));
        return `${f}:${st.mtimeMs}:${st.size}`;
      } catch {
        return `${f}:-`;
      }
    })
    .join('|');
}

/**
 * The knowledge base of a corpus for a long-running host (the extension): the same instance as long
 * as its files are unchanged on disk (a stat per file per call), a fresh one once any changed.
 */
export function currentKnowledgeBase(root: string, files: readonly string[]): KnowledgeBase | undefined {
  if (files.length === 0) return undefined;
  const signature = knowledgeBaseSignature(root, files);
  const key = root + '\n' + files.join('\n');
  const hit = bases.get(key);
  if (hit && hit.signature === signature) return hit.kb;
  const kb = new KnowledgeBase(files.map((f) => fileSource(root, f)));
  bases.set(key, { signature, kb });
  return kb;
}

/** The knowledge base of some files as last loaded, and the load in progress (of which file signature). */
interface LoadedBase {
  signature?: string;
  kb?: KnowledgeBase;
  loading?: { signature: string; done: Promise<void> };
}

/**
 * Knowledge bases for a thread that must not block (the corpus worker): the files are read
 * asynchronously and parsed, their names folded, by a worker (`parse`); the host only fills the
 * look-up index from the folded names. The 1.5 MB TABARI countries dictionary took 1.1 s to parse
 * and index on the calling thread. `get` answers at once: the knowledge base as last loaded (while
 * a changed one loads), or undefined until the first load is done; `onLoaded` says when one is.
 */
export class KnowledgeBaseLoader {
  private readonly bases = new Map<string, LoadedBase>();

  constructor(
    private readonly parse: (text: string, relFile: string) => Promise<PackedKnowledgeBase>,
    private readonly onLoaded: (root: string) => void,
  ) {}

  get(root: string, files: readonly string[]): KnowledgeBase | undefined {
    return this.current(root, files).kb;
  }

  /** Resolves once the knowledge base of these files, as they are now, is loaded (for commands and tests). */
  async ready(root: string, files: readonly string[]): Promise<KnowledgeBase | undefined> {
    if (files.length === 0) return undefined;
    for (;;) {
      const b = this.current(root, files);
      if (!b.loading) return b.kb;
      await b.loading.done;
    }
  }

  /** The entry of these files, a load started when they changed since the last one. */
  private current(root: string, files: readonly string[]): LoadedBase {
    if (files.length === 0) return {};
    const key = root + '\n' + files.join('\n');
    const signature = knowledgeBaseSignature(root, files);
    let b = this.bases.get(key);
    if (!b) this.bases.set(key, (b = {}));
    if (b.signature !== signature && b.loading?.signature !== signature) b.loading = { signature, done: this.load(key, root, files, signature) };
    return b;
  }

  private async load(key: string, root: string, files: readonly string[], signature: string): Promise<void> {
    const sources: KbSource[] = await Promise.all(
      files.map(async (file): Promise<KbSource> => {
        let text: string;
        try {
          text = decodeBytes(await readFile(join(root, file))).text;
        } catch {
          return { file, load: () => ({ entries: [], problems: [missingFile(file)] }) };
        }
        try {
          const parsed = await runInSteps(unpackKnowledgeBase(await this.parse(text, file)));
          return { file, load: () => parsed };
        } catch (e) {
          const problem: KbProblem = { file, line: 1, severity: 'error', message: `Cannot read the knowledge base: ${e instanceof Error ? e.message : String(e)}` };
          return { file, load: () => ({ entries: [], problems: [problem] }) };
        }
      }),
    );
    const b = this.bases.get(key);
    if (!b || b.loading?.signature !== signature) return; // a newer load superseded this one
    const kb = new KnowledgeBase(sources);
    await runInSteps(kb.prepare());
    if (b.loading?.signature !== signature) return;
    b.kb = kb;
    b.signature = signature;
    b.loading = undefined;
    this.onLoaded(root);
  }
}

/** Runs a generator to its end, one step per event-loop turn; resolves with its result. */
async function runInSteps<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
