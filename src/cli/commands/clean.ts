// news-annotate clean <paths…> --out DIR
// Writes a clean copy of the corpus: every article without its boilerplate lines,
// its .ann carried over (offsets shifted; notes, relations, normalisations and
// attributes kept for surviving annotations), under the same relative names in
// DIR, plus DIR/clean-report.json and a summary on stdout. Originals are never touched.
import { resolve, sep } from 'node:path';
import { createBoilerplateFinder } from '../../node/articleBoilerplate';
import { outFolderRefusal, real, summarizeClean, writeCleanCorpus, type CleanInput } from '../../node/cleanCorpus';
import { parseCommandArgs } from '../args';
import type { CliIO } from '../io';
import { loadArticles } from './export';

export const usage = 'news-annotate clean <paths…> --out DIR';

export async function run(args: string[], io: CliIO): Promise<number> {
  const opts = parseCommandArgs(args, { out: 'string' }, usage, io);
  if (typeof opts === 'number') return opts;
  if (typeof opts.out !== 'string' || opts._.length === 0) {
    io.err(`clean needs article paths and --out DIR\nusage: ${usage}`);
    return 2;
  }
  const outDir = resolve(opts.out);
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
  const refusal = outFolderRefusal(outDir);
  if (refusal) {
    io.err(`--out ${opts.out} ${refusal}`);
    return 2;
  }
  let set;
  try {
    set = loadArticles(opts._.map((p) => resolve(p)));
  } catch (e) {
    io.err(`${(e as Error).message}`);
    return 2;
  }
  const inputs: CleanInput[] = set.articles
    .filter((a) => !real(a.article.txtPath).startsWith(outPrefix))
    .map(({ article, rel }) => ({
      txtPath: article.txtPath,
      rel,
      text: article.text,
      ann: article.ann,
      hasAnn: article.annRaw !== undefined,
      bom: article.bom,
      problems: article.problems,
      rejections: article.rejections,
    }));
  const finder = createBoilerplateFinder(new Map(inputs.map((a) => [a.txtPath, a.text])));
  let report;
  try {
    report = await writeCleanCorpus(inputs, outDir, (a) => finder.linesOf(a.txtPath, a.text), set.problems);
  } catch (e) {
    io.err(`clean: ${(e as Error).message}`);
    return /overwrite/.test((e as Error).message) ? 2 : 1;
  }
  for (const p of report.problems) io.err(p);
  for (const l of summarizeClean(report)) io.out(l);
  return 0;
}
