// Where a corpus's persisted index is kept. A cache folder holds one store per corpus, in a subfolder
// named by a hash of the corpus folder's real path: the editor's newsCorpus.index.cacheDirectory and
// the command line's --cache both name such a cache folder, so the two find the same store. The
// command line's default cache folder is the user's ($XDG_CACHE_HOME or ~/.cache)/news-corpus-annotator.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The store of the corpus in `corpusRoot` under the cache folder `cacheRoot`. */
export function corpusStoreDir(cacheRoot: string, corpusRoot: string): string {
  let real = corpusRoot;
  try {
    real = realpathSync(corpusRoot);
  } catch {
    // a missing folder is reported by the caller
  }
  return join(cacheRoot, createHash('sha1').update(real).digest('hex').slice(0, 16));
}

/** The command line's store of a corpus when no --cache is given. */
export function defaultCacheDir(corpusRoot: string): string {
  return corpusStoreDir(join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'news-corpus-annotator'), corpusRoot);
}
