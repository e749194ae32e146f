// Finding a file's corpus (the nearest newscorpus.yaml above it) and reading articles, for the CLI.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAME, parseCorpusConfig, type ConfigProblem } from '../core/config/parseConfig';
import { DEFAULT_CONFIG, type CorpusConfig } from '../core/config/types';
import { decodeBytes } from '../core/text/decode';

export interface CorpusOnDisk {
  /** Folder holding newscorpus.yaml, or undefined when defaults apply. */
  root?: string;
  configPath?: string;
  config: CorpusConfig;
  problems: ConfigProblem[];
}

/** Folder → its corpus, for one run (the same corpus object for every file of a corpus). */
const found = new Map<string, CorpusOnDisk>();

/** Forgets what was found, so that a new run sees config files created or changed since. */
export function resetCorpusCache(): void {
  found.clear();
}

/** The nearest newscorpus.yaml at or above the file's folder (cached per folder). */
export function corpusFor(file: string): CorpusOnDisk {
  let dir = dirname(resolve(file));
  const seen: string[] = [];
  for (;;) {
    const hit = found.get(dir);
    if (hit) return remember(seen, hit);
    seen.push(dir);
    const p = join(dir, CONFIG_FILE_NAME);
    if (existsSync(p)) {
      const { config, problems } = parseCorpusConfig(readFileSync(p, 'utf8'), { trusted: true });
      return remember(seen, { root: dir, configPath: p, config, problems });
    }
    const up = dirname(dir);
    if (up === dir) return remember(seen, { config: structuredClone(DEFAULT_CONFIG), problems: [] });
    dir = up;
  }
}

function remember(dirs: string[], c: CorpusOnDisk): CorpusOnDisk {
  for (const d of dirs) found.set(d, c);
  return c;
}

/** Path relative to the corpus root with forward slashes (the file name alone without a corpus). */
export function relPathIn(corpus: CorpusOnDisk, file: string): string {
  const base = corpus.root ?? dirname(resolve(file));
  return relative(base, resolve(file)).split(sep).join('/');
}

export interface ReadResult {
  text?: string;
  /** Why the file was not read, or a warning about how it was read. */
  note?: string;
  skipped: boolean;
}

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Reads an article as text, decoding BOMs and invalid UTF-8 (with a note). Never throws. */
export function readArticleFile(file: string): ReadResult {
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) return { skipped: true, note: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${(size / 1024 / 1024).toFixed(1)} MB): skipped` };
    const decoded = decodeBytes(readFileSync(file));
    return { text: decoded.text, skipped: false, note: decoded.warning };
  } catch (e) {
    return { skipped: true, note: `cannot be read: ${(e as Error).message}` };
  }
}
