// news-annotate export --format jsonl|conll <paths…> [--out FILE] [--no-boilerplate]
// Confirmed annotations (brat .ann beside each .txt) as JSONL (spaCy, Prodigy,
// doccano) or CoNLL BIO. Directories recurse into .txt files. Output goes to
// stdout unless --out is given (written atomically). A summary goes to stderr.
import { resolve } from 'node:path';
import { exportConll, exportJsonl, prepareForExport, rejectionSidecarPath } from '../../core/annotations';
import { checkInput } from '../../core/text/input';
import { parseCommandArgs } from '../args';
import { annPathFor, loadAnnotatedArticle, type LoadedArticle } from '../../node/annotationFiles';
import { realOrUndefined, walkArticles } from '../../node/fileWalk';
import { Notices } from '../notices';
import { createBoilerplateFinder } from '../../node/articleBoilerplate';
import { AtomicFileSink } from '../../node/atomicWrite';
import { orderedMap } from '../../node/orderedMap';
import { progressBar } from '../progress';
import { poolFor } from './index';
import type { CliIO } from '../io';

export const usage = 'news-annotate export --format jsonl|conll <paths…> [--out FILE] [--no-boilerplate] [--jobs N]';

export interface LoadedItem {
  article?: LoadedArticle;
  rel: string;
  root: string;
  file: string;
  /** Why the article is left out, or notes about how it was read. */
  problems: string[];
}

/**
 * The articles under paths (the safe walk), loaded one at a time: unreadable or binary files, and each
 * corpus's newscorpus.yaml problems (once), are reported, not fatal. A bad path named throws at once.
 */
export function* articleStream(paths: string[], report: (problem: string) => void): Generator<LoadedItem> {
  const notices = new Notices(report);
  for (const { path: file, root, rel, corpus } of walkArticles(paths, { onProblem: (p) => report(`${p.path}: ${p.message}`) })) {
    notices.corpus(corpus);
    try {
      const article = loadAnnotatedArticle(file);
      if (!checkInput(article.text).analysable) {
        yield { rel, root, file, problems: [`${file}: looks binary, skipped`] };
        continue;
      }
      yield { article, rel, root, file, problems: article.problems };
    } catch (e) {
      yield { rel, root, file, problems: [`${file}: ${(e as Error).message}`] };
    }
  }
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const opts = parseCommandArgs(args, { format: 'string', out: 'string', 'no-boilerplate': 'boolean', jobs: 'number' }, usage, io);
  if (typeof opts === 'number') return opts;
  const format = opts.format ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'conll') {
    io.err(`--format must be jsonl or conll, not "${format}"\nusage: ${usage}`);
    return 2;
  }
  if (opts._.length === 0) {
    io.err(`no article paths given\nusage: ${usage}`);
    return 2;
  }
  const paths = opts._.map((p) => resolve(p));
  if (typeof opts.out === 'string') {
    // --out must not be one of the inputs: a .txt, its .ann or its rejections sidecar (paths only, no text).
    const outReal = realOrUndefined(resolve(opts.out)) ?? resolve(opts.out);
    let clash = false;
    try {
      for (const { path } of walkArticles(paths, { onProblem: () => undefined })) {
        clash ||= [path, annPathFor(path), rejectionSidecarPath(path)].some((p) => (realOrUndefined(p) ?? p) === outReal);
        if (clash) break;
      }
    } catch (e) {
      io.err(`${(e as Error).message}`);
      return 2;
    }
    if (clash) {
      io.err(`--out ${opts.out} is one of the inputs (an article or its annotations); nothing written; choose another file`);
      return 2;
    }
  }
  const leaveOut = opts['no-boilerplate'] === true;
  const pool = leaveOut ? poolFor(opts.jobs as number | undefined, (reason) => io.err(`news-annotate export: ${reason}`)) : undefined;
  const finder = pool ? createBoilerplateFinder(pool) : undefined;
  let sink: AtomicFileSink | undefined;
  try {
    sink = typeof opts.out === 'string' ? await AtomicFileSink.open(resolve(opts.out)) : undefined;
  } catch (e) {
    await pool?.terminate();
    io.err(`cannot write ${opts.out}: ${(e as Error).message}`);
    return 1;
  }
  const problems: string[] = [];
  let stream: Generator<LoadedItem>;
  try {
    // The first step of the walk checks every named path: a bad one ends the command before any output.
    stream = articleStream(paths, (p) => problems.push(p));
    const first = stream.next();
    stream = (function* (f: IteratorResult<LoadedItem>, rest: Generator<LoadedItem>) {
      if (!f.done) yield f.value;
      yield* rest;
    })(first, stream);
  } catch (e) {
    await pool?.terminate();
    io.err(`${(e as Error).message}`);
    return 2;
  }
  let articles = 0;
  let exported = 0;
  let spans = 0;
  let skipped = 0;
  let removedLines = 0;
  let overlaps = 0;
  const bar = progressBar('exporting');
  try {
    await orderedMap(
      stream,
      (pool?.size ?? 1) * 4,
      async (item) => {
        if (!item.article) return undefined;
        const boilerplateLines = finder ? await finder.linesOf(item.article.txtPath, item.article.text) : undefined;
        const doc = prepareForExport({ file: item.rel, text: item.article.text, ann: item.article.ann, boilerplateLines }, { leaveOutBoilerplate: leaveOut });
        const chunk = format === 'jsonl' ? { text: exportJsonl([doc]), overlapsSkipped: 0 } : exportConll([doc]);
        return { doc, chunk, removed: boilerplateLines?.length ?? 0 };
      },
      async (r, item) => {
        problems.push(...item.problems);
        bar.update(++articles);
        if (!r) return;
        exported++;
        removedLines += r.removed;
        spans += r.doc.spans.length;
        skipped += r.doc.skipped.length;
        overlaps += r.chunk.overlapsSkipped;
        for (const s of r.doc.skipped) problems.push(`${item.article!.annPath}: ${s.id} not exported (${s.reason})`);
        if (sink) await sink.write(r.chunk.text);
        else if (r.chunk.text) io.out(r.chunk.text.endsWith('\n') ? r.chunk.text.slice(0, -1) : r.chunk.text);
      },
    );
    if (sink) await sink.commit();
  } catch (e) {
    await sink?.abort();
    io.err(sink ? `cannot write ${opts.out}: ${(e as Error).message}` : `${(e as Error).message}`);
    return 1;
  } finally {
    bar.done();
    await pool?.terminate();
  }
  for (const p of problems) io.err(`${p}`);
  io.err(
    `exported ${exported} article(s), ${spans} span(s) as ${format}` +
      (leaveOut ? `, ${removedLines} boilerplate line(s) left out` : '') +
      (skipped ? `, ${skipped} annotation(s) not exported` : '') +
      (overlaps ? `, ${overlaps} overlapping span(s) left out of CoNLL` : '') +
      (typeof opts.out === 'string' ? ` → ${opts.out}` : ''),
  );
  return 0;
}
