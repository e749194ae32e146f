// Where the shared training and evaluation data lives, and a clear message when it is absent.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * ../shared/data relative to the project root (scripts/lib → ../../../shared/data), or
 * $NEWS_CORPUS_SHARED/data when that is set (a checkout elsewhere, e.g. a git worktree).
 */
export const SHARED_DATA = process.env.NEWS_CORPUS_SHARED
  ? resolve(process.env.NEWS_CORPUS_SHARED, 'data')
  : resolve(__dirname, '..', '..', '..', 'shared', 'data');

/** Returns path when it exists; otherwise prints why the script cannot run and exits 2. */
export function requireDataPath(path: string, what: string): string {
  if (!existsSync(path)) {
    console.error(
      `${what} not found at ${path}.\n` +
        `This script needs the project's shared data (../shared/data beside the project, see its README) ` +
        `or a path given with --data.`,
    );
    process.exit(2);
  }
  return path;
}
