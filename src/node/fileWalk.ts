// The one file walk of the CLI (check, export, clean, import, analyze): the
// articles (.txt) under the given paths, in a stable sorted order, streamed.
//
// - Containment: a folder is walked inside its boundary (the corpus root of the
//   folder when it is in a corpus, else the folder itself), by real path: an entry
//   whose real path is outside (a symlink to /etc/…) is skipped with a message.
// - Cycles: every folder and file is taken once, by device and inode; a symlink
//   loop or a second link to the same folder or file is reported and skipped.
// - Only regular files and folders are touched: FIFOs, sockets and devices are
//   never opened (type checked with lstat/stat); a dangling symlink, an unreadable
//   folder, a special file or an .ann without its .txt is reported, never silently skipped.
// - Corpus include/exclude globs (newscorpus.yaml) apply to files found in folders;
//   a file named on the command line is always taken. Hidden entries (".name",
//   which includes this tool's temporary files) and node_modules are not walked.
// A named path that is missing or not a file/folder throws a FileWalkError at once.
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isCorpusArticle } from '../core/config/corpusPaths';
import { corpusFor, relPathIn, type CorpusOnDisk } from './corpusFiles';
import { fileTypeName } from './safeRead';

export interface WalkProblem {
  path: string;
  message: string;
}

export interface WalkedArticle {
  /** Absolute path as reached (through links, not resolved). */
  path: string;
  /** The named folder it was found under (the file's own folder for a named file). */
  root: string;
  /** Path relative to root, forward slashes (names outputs of export/clean). */
  rel: string;
  /** Path relative to its corpus root, forward slashes (for globs and the articleDate map). */
  relPath: string;
  corpus: CorpusOnDisk;
  /** Size and modification time of the file (a link's target) as the walk found it: the corpus index
   * compares them with its entry without a second look at the file. */
  size: number;
  mtimeMs: number;
}

export interface WalkOptions {
  /** Told about every entry that is skipped for a reason the user should know. */
  onProblem: (p: WalkProblem) => void;
  /** Apply include/exclude of newscorpus.yaml to files found in folders (default true). */
  globs?: boolean;
  /** Deepest folder nesting walked (default 64). */
  maxDepth?: number;
  /** Reading a folder's names (a seam for tests; default fs.readdirSync). */
  readdir?: (dir: string) => string[];
}

export class FileWalkError extends Error {
  constructor(
    readonly path: string,
    why: string,
  ) {
    super(`${path}: ${why}`);
  }
}

const toSlash = (p: string) => p.split(sep).join('/');
const idOf = (st: Stats) => `${st.dev}:${st.ino}`;

/** Whether real path p is inside (or equal to) the real folder root. */
export function isInside(root: string, p: string): boolean {
  const r = relative(root, p);
  return r === '' || (!r.startsWith('..' + sep) && r !== '..' && !/^[a-zA-Z]:/.test(r) && !r.startsWith(sep));
}

/** The real path, or undefined when it cannot be resolved (missing, loop, no permission). */
export function realOrUndefined(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/** The folder a walk of `dir` may not leave: its corpus root when it is inside a corpus, else itself. */
export function boundaryOf(dir: string): string {
  const corpus = corpusFor(join(dir, '_.txt'));
  return corpus.root && isInside(resolve(corpus.root), resolve(dir)) ? corpus.root : dir;
}

/** Articles (.txt) under the given files and folders, sorted, each once. */
export function* walkArticles(paths: readonly string[], opts: WalkOptions): Generator<WalkedArticle> {
  const report = opts.onProblem;
  const useGlobs = opts.globs !== false;
  const maxDepth = opts.maxDepth ?? 64;
  const readdir = opts.readdir ?? ((d: string) => readdirSync(d));
  // Check every named path first, so a bad one fails before any work is done.
  const named = paths.map((p) => {
    const abs = resolve(p);
    let st: Stats;
    try {
      st = statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      let dangling = false;
      try {
        dangling = lstatSync(abs).isSymbolicLink();
      } catch {
        /* missing */
      }
      if (code === 'ELOOP') throw new FileWalkError(p, 'symbolic link loop');
      if (code === 'ENOENT') throw new FileWalkError(p, dangling ? 'symbolic link to a missing file' : 'no such file or folder');
      throw new FileWalkError(p, `cannot be read: ${(e as Error).message}`);
    }
    if (!st.isDirectory() && !st.isFile()) throw new FileWalkError(p, `is ${fileTypeName(st)}; give article files (.txt) or folders`);
    return { abs, st };
  });
  const seenDirs = new Set<string>();
  const seenFiles = new Map<string, string>();

  const takeFile = (path: string, st: Stats): boolean => {
    const id = idOf(st);
    const first = seenFiles.get(id);
    if (first !== undefined) {
      if (first !== path) report({ path, message: `same file as ${first} (a link); skipped` });
      return false;
    }
    seenFiles.set(id, path);
    return true;
  };

  function* walkDir(dir: string, root: string, boundary: string, depth: number): Generator<WalkedArticle> {
    if (depth > maxDepth) {
      report({ path: dir, message: `nested deeper than ${maxDepth} folders; not walked` });
      return;
    }
    let names: string[];
    try {
      names = readdir(dir).slice().sort();
    } catch (e) {
      report({ path: dir, message: `folder cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); its articles are left out` });
      return;
    }
    const present = new Set(names);
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      if (/\.ann$/i.test(name) && !present.has(name.slice(0, -4) + '.txt') && !present.has(name.slice(0, -4) + '.TXT')) {
        report({ path: p, message: `annotations without their article (${name.slice(0, -4)}.txt is missing); ignored` });
        continue;
      }
      let lst: Stats;
      try {
        lst = lstatSync(p);
      } catch (e) {
        report({ path: p, message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped` });
        continue;
      }
      let st = lst;
      if (lst.isSymbolicLink()) {
        try {
          st = statSync(p);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          report({ path: p, message: code === 'ELOOP' ? 'symbolic link loop; skipped' : code === 'ENOENT' ? 'symbolic link to a missing file; skipped' : `symbolic link cannot be followed (${code}); skipped` });
          continue;
        }
        const target = realOrUndefined(p);
        if (target === undefined || !isInside(boundary, target)) {
          report({ path: p, message: `symbolic link to ${target ?? 'an unreachable place'}, outside ${boundary}; skipped` });
          continue;
        }
      }
      if (st.isDirectory()) {
        const id = idOf(st);
        if (seenDirs.has(id)) {
          if (lst.isSymbolicLink()) report({ path: p, message: 'symbolic link to a folder already walked (a loop or a second link); skipped' });
          continue;
        }
        seenDirs.add(id);
        yield* walkDir(p, root, boundary, depth + 1);
      } else if (!/\.txt$/i.test(name)) {
        continue;
      } else if (!st.isFile()) {
        report({ path: p, message: `is ${fileTypeName(st)}, not a regular file; skipped` });
      } else {
        const corpus = corpusFor(p);
        const relPath = relPathIn(corpus, p);
        if (useGlobs && corpus.root && !isCorpusArticle(relPath, corpus.config.include, corpus.config.exclude)) continue;
        if (!takeFile(p, st)) continue;
        yield { path: p, root, rel: toSlash(relative(root, p)), relPath, corpus, size: st.size, mtimeMs: st.mtimeMs };
      }
    }
  }

  for (const { abs, st } of named) {
    if (st.isFile()) {
      if (!takeFile(abs, st)) continue;
      const corpus = corpusFor(abs);
      const root = dirname(abs);
      yield { path: abs, root, rel: toSlash(relative(root, abs)), relPath: relPathIn(corpus, abs), corpus, size: st.size, mtimeMs: st.mtimeMs };
      continue;
    }
    const id = idOf(st);
    if (seenDirs.has(id)) continue;
    seenDirs.add(id);
    const boundary = realOrUndefined(boundaryOf(abs)) ?? abs;
    yield* walkDir(abs, abs, boundary, 0);
  }
}

/** All articles of a walk as a list (for callers that need them all at once). */
export function listWalk(paths: readonly string[], opts: WalkOptions): WalkedArticle[] {
  return [...walkArticles(paths, opts)];
}
