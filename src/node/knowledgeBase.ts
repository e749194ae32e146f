// The knowledge base of a corpus on disk: the files newscorpus.yaml lists under knowledgeBase,
// each read and parsed only when the first name is looked up (a 1.5 MB dictionary costs nothing
// at activation), then kept with the file's modification time so an edit is seen on the next load.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusConfig } from '../core/config/types';
import { KnowledgeBase, type KbEntry, type KbProblem, type KbSource } from '../core/corpus/knowledgeBase';
import { readTabariDictionary } from '../core/corpus/kbTabari';
import { readYamlKnowledgeBase } from '../core/corpus/kbYaml';
import { decodeBytes } from '../core/text/decode';

const parsed = new Map<string, { mtimeMs: number; size: number; result: { entries: KbEntry[]; problems: KbProblem[] } }>();

/** Parses a knowledge-base text by its file name: .yaml/.yml the project's format, anything else a TABARI dictionary. */
export function parseKnowledgeBaseText(text: string, relFile: string): { entries: KbEntry[]; problems: KbProblem[] } {
  return /\.ya?ml$/i.test(relFile) ? readYamlKnowledgeBase(text, relFile) : readTabariDictionary(text, relFile);
}

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
        return { entries: [], problems: [{ file: relFile, line: 1, severity: 'error', message: `Knowledge base ${relFile} not found (listed in newscorpus.yaml).` }] };
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

/**
 * The knowledge base of a corpus for a long-running host (the extension): the same instance as long
 * as its files are unchanged on disk (a stat per file per call), a fresh one once any changed.
 */
export function currentKnowledgeBase(root: string, files: readonly string[]): KnowledgeBase | undefined {
  if (files.length === 0) return undefined;
  const signature = files
    .map((f) => {
      try {
        const st = statSync(join(root, f));
        return `${f}:${st.mtimeMs}:${st.size}`;
      } catch {
        return `${f}:-`;
      }
    })
    .join('|');
  const key = root + '\n' + files.join('\n');
  const hit = bases.get(key);
  if (hit && hit.signature === signature) return hit.kb;
  const kb = new KnowledgeBase(files.map((f) => fileSource(root, f)));
  bases.set(key, { signature, kb });
  return kb;
}
