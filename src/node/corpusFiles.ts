// Finding a file's corpus (the nearest newscorpus.yaml above it) and reading articles, for the CLI.
import { lstatSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAME, parseCorpusConfig, type ConfigProblem } from '../core/config/parseConfig';
import { DEFAULT_CONFIG, type CorpusConfig } from '../core/config/types';
import { decodeBytes } from '../core/text/decode';
import { readRegularFile, readRegularFileAsync, type SafeRead } from './safeRead';

/** newscorpus.yaml larger than this is not parsed (a config is a few KB). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface CorpusOnDisk {
  /** Folder holding newscorpus.yaml, or undefined when defaults apply. */
  root?: string;
  configPath?: string;
  config: CorpusConfig;
  problems: ConfigProblem[];
}

/**
 * Whether newscorpus.yaml files are trusted (their regex patterns run). The CLI trusts a config
 * only when told so (--trust): a corpus from elsewhere is untrusted by default.
 */
let trustConfigs = false;
export function setConfigTrust(trusted: boolean): void {
  if (trusted !== trustConfigs) found.clear();
  trustConfigs = trusted;
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
    if (exists(p)) {
      const r = readRegularFile(p, MAX_CONFIG_BYTES);
      if (!r.ok) {
        const problem = { message: `${CONFIG_FILE_NAME} ${r.message}; defaults apply`, severity: 'error' as const, line: 0, character: 0, endLine: 0, endCharacter: 1 };
        return remember(seen, { root: dir, configPath: p, config: structuredClone(DEFAULT_CONFIG), problems: [problem] });
      }
      const { config, problems } = parseCorpusConfig(decodeBytes(r.bytes).text, { trusted: trustConfigs });
      return remember(seen, { root: dir, configPath: p, config, problems });
    }
    const up = dirname(dir);
    if (up === dir) return remember(seen, { config: structuredClone(DEFAULT_CONFIG), problems: [] });
    dir = up;
  }
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
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
  return articleText(readRegularFile(file, MAX_FILE_BYTES));
}

/** readArticleFile without blocking the calling thread on the disk. */
export async function readArticleFileAsync(file: string): Promise<ReadResult> {
  return articleText(await readRegularFileAsync(file, MAX_FILE_BYTES));
}

function articleText(r: SafeRead): ReadResult {
  if (!r.ok) return { skipped: true, note: r.message };
  const decoded = decodeBytes(r.bytes);
  return { text: decoded.text, skipped: false, note: decoded.warning };
}
