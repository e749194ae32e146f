// Where the CLI keeps a corpus's persisted index by default: the user's cache folder
// ($XDG_CACHE_HOME or ~/.cache)/news-corpus-annotator/<hash of the corpus folder's real path>.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultCacheDir(corpusRoot: string): string {
  let real = corpusRoot;
  try {
    real = realpathSync(corpusRoot);
  } catch {
    // a missing folder is reported by the caller
  }
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'news-corpus-annotator', createHash('sha1').update(real).digest('hex').slice(0, 16));
}
