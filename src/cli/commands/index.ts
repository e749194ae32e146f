// news-annotate index <corpus> [--cache DIR] [--jobs N] [--max-chars N] [--json]: builds or updates the
// corpus's persisted index (the same store the extension keeps), analysing only what changed, on every core.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createAnalysisPool, defaultWorkerCount, type AnalysisPool } from '../../node/analysisPool';
import { corpusStoreDir, defaultCacheDir } from '../../node/cacheDir';
import { corpusFor } from '../../node/corpusFiles';
import { walkArticles } from '../../node/fileWalk';
import { updateIndex, type IndexReport } from '../../node/corpusIndexer';
import { CorpusStore, formerLayoutNotice } from '../../node/corpusStore';
import { engineKey } from '../../node/engineKey';
import { createInProcessPool } from '../../node/inProcessPool';
import { parseCommandArgs } from '../args';
import type { CliIO } from '../io';
import { progressBar } from '../progress';
import { DEFAULT_MAX_ANALYSED_CHARS, MIN_ANALYSED_CHARS } from '../../core/text/input';

export const usage = 'news-annotate index <corpus> [--cache DIR] [--jobs N] [--max-chars N] [--json]';

/** A pool of `jobs` worker threads, or the calling thread for --jobs 1. */
export function poolFor(jobs: number | undefined, onRestart?: (reason: string) => void): AnalysisPool {
  const n = jobs ?? defaultWorkerCount() + 1;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--jobs needs a whole number of at least 1, got ${String(jobs)}`);
  return n === 1 ? createInProcessPool() : createAnalysisPool({ workers: n, onRestart });
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { cache: 'string', jobs: 'number', 'max-chars': 'number', json: 'boolean' }, usage, io);
  if (typeof args === 'number') return args;
  if (args._.length !== 1) {
    io.err(`usage: ${usage}`);
    return 2;
  }
  // The characters of an article analysed at most: the editor's newsCorpus.maxAnalysedCharacters, whose
  // default this is; a store is shared with the editor only under the same limit.
  const maxChars = (args['max-chars'] as number | undefined) ?? DEFAULT_MAX_ANALYSED_CHARS;
  if (!Number.isInteger(maxChars) || maxChars < MIN_ANALYSED_CHARS) {
    io.err(`news-annotate index: --max-chars needs a whole number of at least ${MIN_ANALYSED_CHARS}, got ${String(args['max-chars'])}`);
    return 2;
  }
  const folder = resolve(args._[0]);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    io.err(`news-annotate index: ${args._[0]} is not a folder`);
    return 2;
  }
  const corpus = corpusFor(join(folder, 'newscorpus.yaml'));
  for (const p of corpus.problems) io.err(`${corpus.configPath}:${p.line + 1}:${p.character + 1}: ${p.severity}: ${p.message}`);
  const root = corpus.root ?? folder;
  // --cache names a cache folder, one store per corpus in it, as newsCorpus.index.cacheDirectory does.
  const cacheRoot = args.cache === undefined ? undefined : resolve(args.cache as string);
  const cacheDir = cacheRoot === undefined ? defaultCacheDir(root) : corpusStoreDir(cacheRoot, root);
  const former = cacheRoot === undefined ? undefined : formerLayoutNotice(cacheRoot, cacheDir);
  if (former) io.err(`news-annotate index: ${former}`);
  const { store, report: opened } = await CorpusStore.open(cacheDir, await engineKey());
  if (opened.discarded) io.err(`news-annotate index: cache rebuilt: ${opened.discarded}`);
  if (opened.skippedLines) io.err(`news-annotate index: ${opened.skippedLines} damaged cache line(s) ignored (their articles are analysed again)`);
  // The safe walk: in the corpus folder, include/exclude applied; links out of it, loops, FIFOs reported.
  const files = [...walkArticles([root], { onProblem: (p) => io.err(`${p.path}: ${p.message}`) })]
    .filter((f) => f.corpus === corpus || !corpus.root) // a nested corpus of its own is left out
    .map((f) => ({ path: f.path, relPath: corpus.root ? f.relPath : f.rel, size: f.size, mtimeMs: f.mtimeMs }));
  const pool = poolFor(args.jobs as number | undefined, (reason) => io.err(`news-annotate index: ${reason}`));
  const bar = progressBar('indexing');
  const skipped: string[] = [];
  let report: IndexReport;
  try {
    report = await updateIndex({
      files,
      total: files.length,
      config: corpus.config,
      store,
      pool,
      // As the editor's corpus worker analyses them, so that the two share a store (--cache).
      maxChars,
      corpusRoot: root,
      onProgress: (d, t) => bar.update(d, t),
      onSkip: (rel, reason) => skipped.push(`${rel}: ${reason}`),
    });
  } finally {
    bar.done();
    await pool.terminate();
  }
  for (const s of skipped) io.err(`skipped ${s}`);
  const secs = report.ms / 1000;
  const summary = {
    corpus: root,
    cache: cacheDir,
    files: report.files,
    reused: report.reused,
    analysed: report.analysed,
    dateOnly: report.dateOnly,
    removed: report.removed,
    skipped: report.skipped,
    seconds: Math.round(secs * 100) / 100,
    articlesPerSecond: secs > 0 ? Math.round(report.files / secs) : report.files,
    jobs: pool.size,
  };
  if (args.json) io.out(JSON.stringify(summary));
  else
    io.out(
      `indexed ${report.files} article(s) of ${root} in ${secs.toFixed(1)} s: ${report.reused} reused, ${report.analysed} analysed, ` +
        `${report.dateOnly} with only their date recomputed, ${report.removed} removed, ${report.skipped} skipped; cache ${cacheDir}`,
    );
  return 0;
}
