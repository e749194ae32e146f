// news-annotate clean <paths…> --out DIR
// Writes a clean copy of the corpus: every article without its boilerplate lines,
// its .ann carried over (offsets shifted; notes, relations, normalisations and
// attributes kept for surviving annotations), under the same relative names in
// DIR, plus DIR/clean-report.json. Originals are never touched.
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { cleanArticle, serializeBrat, type CleanReport } from '../../core/annotations';
import { parseArgs } from '../args';
import { annPathFor } from '../../node/annotationFiles';
import { createBoilerplateFinder } from '../../node/articleBoilerplate';
import { writeFileAtomic } from '../../node/atomicWrite';
import type { CliIO } from '../io';
import { loadArticles } from './export';

export const usage = 'news-annotate clean <paths…> --out DIR';

export interface CleanFileReport extends CleanReport {
  file: string;
  problems: string[];
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

export async function run(args: string[], io: CliIO): Promise<number> {
  let opts;
  try {
    opts = parseArgs(args, { out: 'string', help: 'boolean' });
  } catch (e) {
    io.err(`${(e as Error).message}\nusage: ${usage}`);
    return 2;
  }
  if (opts.help) {
    io.out(`usage: ${usage}`);
    return 0;
  }
  if (typeof opts.out !== 'string' || opts._.length === 0) {
    io.err(`clean needs article paths and --out DIR\nusage: ${usage}`);
    return 2;
  }
  const outDir = resolve(opts.out);
  let set;
  try {
    set = loadArticles(opts._.map((p) => resolve(p)));
  } catch (e) {
    io.err(`${(e as Error).message}`);
    return 2;
  }
  // --out must not hold the inputs; a previous clean copy inside an input folder is not an input.
  const outReal = real(outDir);
  const outPrefix = outReal + sep;
  for (const p of opts._) {
    const r = real(resolve(p));
    if (r === outReal || r.startsWith(outPrefix)) {
      io.err(`--out ${opts.out} would overwrite the original ${p}; choose another folder`);
      return 2;
    }
  }
  set.articles = set.articles.filter((a) => !real(a.article.txtPath).startsWith(outPrefix));
  // Never write over an original: refuse when an output path is an input file.
  const inputs = new Set(set.articles.flatMap((a) => [real(a.article.txtPath), real(a.article.annPath)]));
  for (const { rel } of set.articles) {
    const txt = join(outDir, rel);
    if (inputs.has(real(txt)) || inputs.has(real(annPathFor(txt)))) {
      io.err(`--out ${opts.out} would overwrite the original ${rel}; choose another folder`);
      return 2;
    }
  }
  const finder = createBoilerplateFinder(new Map(set.articles.map((a) => [a.article.txtPath, a.article.text])));
  const files: CleanFileReport[] = [];
  for (const { article, rel } of set.articles) {
    const lines = finder.linesOf(article.txtPath, article.text);
    const r = cleanArticle(article.text, article.ann, lines);
    const txtOut = join(outDir, rel);
    try {
      mkdirSync(dirname(txtOut), { recursive: true });
      await writeFileAtomic(txtOut, (article.bom ? '\uFEFF' : '') + r.text);
      if (article.annRaw !== undefined) await writeFileAtomic(annPathFor(txtOut), serializeBrat(r.ann, r.text, { bom: article.bom }));
    } catch (e) {
      io.err(`cannot write ${txtOut}: ${(e as Error).message}`);
      return 1;
    }
    files.push({ file: rel, ...r.report, problems: article.problems });
  }
  const totals = {
    articles: files.length,
    removedLines: files.reduce((n, f) => n + f.removedLines.length, 0),
    droppedAnnotations: files.reduce((n, f) => n + f.droppedAnnotations.length, 0),
    droppedOther: files.reduce((n, f) => n + f.droppedOther.length, 0),
  };
  const report = { out: outDir, totals, files, problems: set.problems };
  const reportPath = join(outDir, 'clean-report.json');
  try {
    if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
    await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) );
  } catch (e) {
    io.err(`cannot write ${reportPath}: ${(e as Error).message}`);
    return 1;
  }
  for (const f of files) {
    if (f.removedLines.length === 0 && f.droppedAnnotations.length === 0) continue;
    io.out(`${f.file}: ${f.removedLines.length} line(s) removed` + (f.droppedAnnotations.length ? `, ${f.droppedAnnotations.length} annotation(s) not carried (${f.droppedAnnotations.map((d) => `${d.id} ${d.type} "${d.text}"`).join(', ')})` : '') );
  }
  for (const p of set.problems) io.err(`${p}`);
  io.out(
    `cleaned ${totals.articles} article(s) into ${outDir}: ${totals.removedLines} boilerplate line(s) removed, ` +
      `${totals.droppedAnnotations} annotation(s) and ${totals.droppedOther} dependent entr(ies) not carried; report: ${reportPath}`,
  );
  return 0;
}
