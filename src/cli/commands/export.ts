// news-annotate export --format jsonl|conll <paths…> [--out FILE] [--no-boilerplate]
// Confirmed annotations (brat .ann beside each .txt) as JSONL (spaCy, Prodigy,
// doccano) or CoNLL BIO. Directories recurse into .txt files. Output goes to
// stdout unless --out is given (written atomically). A summary goes to stderr.
import { resolve } from 'node:path';
import { exportConll, exportJsonl, prepareForExport, rejectionSidecarPath, type PreparedDoc } from '../../core/annotations';
import { checkInput } from '../../core/text/input';
import { parseCommandArgs } from '../args';
import { loadAnnotatedArticle, type LoadedArticle } from '../../node/annotationFiles';
import { realOrUndefined, walkArticles } from '../../node/fileWalk';
import { createBoilerplateFinder } from '../../node/articleBoilerplate';
import { writeFileAtomic } from '../../node/atomicWrite';
import type { CliIO } from '../io';
import { Notices } from '../notices';

export const usage = 'news-annotate export --format jsonl|conll <paths…> [--out FILE] [--no-boilerplate]';

export interface LoadedSet {
  articles: { article: LoadedArticle; rel: string; root: string }[];
  problems: string[];
}

/** Loads every article under paths; unreadable or binary files are reported, not fatal, and so are the problems of each corpus's newscorpus.yaml (once). */
export function loadArticles(paths: string[]): LoadedSet {
  const set: LoadedSet = { articles: [], problems: [] };
  const notices = new Notices((l) => set.problems.push(l));
  for (const { path: file, root, rel, corpus } of walkArticles(paths, { onProblem: (p) => set.problems.push(`${p.path}: ${p.message}`) })) {
    notices.corpus(corpus);
    try {
      const article = loadAnnotatedArticle(file);
      if (!checkInput(article.text).analysable) {
        set.problems.push(`${file}: looks binary, skipped`);
        continue;
      }
      set.problems.push(...article.problems);
      set.articles.push({ article, rel, root });
    } catch (e) {
      set.problems.push(`${file}: ${(e as Error).message}`);
    }
  }
  return set;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const opts = parseCommandArgs(args, { format: 'string', out: 'string', 'no-boilerplate': 'boolean' }, usage, io);
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
  let set: LoadedSet;
  try {
    set = loadArticles(paths);
  } catch (e) {
    io.err(`${(e as Error).message}`);
    return 2;
  }
  if (typeof opts.out === 'string') {
    // --out must not be one of the inputs: a .txt, its .ann or its rejections sidecar.
    const outReal = realOrUndefined(resolve(opts.out)) ?? resolve(opts.out);
    const inputs = new Set(set.articles.flatMap(({ article }) => [article.txtPath, article.annPath, rejectionSidecarPath(article.txtPath)].map((p) => realOrUndefined(p) ?? p)));
    if (inputs.has(outReal)) {
      io.err(`--out ${opts.out} is one of the inputs (an article or its annotations); nothing written; choose another file`);
      return 2;
    }
  }
  const leaveOut = opts['no-boilerplate'] === true;
  const finder = leaveOut ? createBoilerplateFinder(new Map(set.articles.map((a) => [a.article.txtPath, a.article.text]))) : undefined;
  const docs: PreparedDoc[] = [];
  let skipped = 0;
  let removedLines = 0;
  for (const { article, rel } of set.articles) {
    const boilerplateLines = finder ? finder.linesOf(article.txtPath, article.text) : undefined;
    removedLines += boilerplateLines?.length ?? 0;
    const doc = prepareForExport({ file: rel, text: article.text, ann: article.ann, boilerplateLines }, { leaveOutBoilerplate: leaveOut });
    skipped += doc.skipped.length;
    for (const s of doc.skipped) set.problems.push(`${article.annPath}: ${s.id} not exported (${s.reason})`);
    docs.push(doc);
  }
  let output: string;
  let overlaps = 0;
  if (format === 'jsonl') output = exportJsonl(docs);
  else {
    const r = exportConll(docs);
    output = r.text;
    overlaps = r.overlapsSkipped;
  }
  if (typeof opts.out === 'string') {
    try {
      await writeFileAtomic(resolve(opts.out), output);
    } catch (e) {
      io.err(`cannot write ${opts.out}: ${(e as Error).message}`);
      return 1;
    }
  } else if (output) io.out(output.endsWith('\n') ? output.slice(0, -1) : output);
  for (const p of set.problems) io.err(`${p}`);
  const spans = docs.reduce((n, d) => n + d.spans.length, 0);
  io.err(
    `exported ${docs.length} article(s), ${spans} span(s) as ${format}` +
      (leaveOut ? `, ${removedLines} boilerplate line(s) left out` : '') +
      (skipped ? `, ${skipped} annotation(s) not exported` : '') +
      (overlaps ? `, ${overlaps} overlapping span(s) left out of CoNLL` : '') +
      (typeof opts.out === 'string' ? ` → ${opts.out}` : ''),
  );
  return 0;
}
