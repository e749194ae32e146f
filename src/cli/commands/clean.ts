// news-annotate clean <paths…> --out DIR
// Writes a clean copy of the corpus: every article without its boilerplate lines,
// its .ann carried over (offsets shifted; notes, relations, normalisations and
// attributes kept for surviving annotations), under the same relative names in
// DIR, plus DIR/clean-report.json and a summary on stdout. Originals are never touched.
import { resolve, sep } from 'node:path';
import { createBoilerplateFinder } from '../../node/articleBoilerplate';
import { CleanCorpusWriter, outFolderRefusal, overwrittenOriginals, real, summarizeClean, type CleanInput } from '../../node/cleanCorpus';
import { walkArticles } from '../../node/fileWalk';
import { orderedMap } from '../../node/orderedMap';
import { progressBar } from '../progress';
import { poolFor } from './index';
import { parseCommandArgs } from '../args';
import type { CliIO } from '../io';
import { articleStream } from './export';

export const usage = 'news-annotate clean <paths…> --out DIR [--jobs N]';

export async function run(args: string[], io: CliIO): Promise<number> {
  const opts = parseCommandArgs(args, { out: 'string', jobs: 'number' }, usage, io);
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
  const paths = opts._.map((p) => resolve(p));
  // Paths only (no text) to refuse an output that would overwrite an original before anything is written.
  let listed: { txtPath: string; rel: string }[];
  try {
    listed = [...walkArticles(paths, { onProblem: () => undefined })].filter((f) => !real(f.path).startsWith(outPrefix)).map((f) => ({ txtPath: f.path, rel: f.rel }));
  } catch (e) {
    io.err(`${(e as Error).message}`);
    return 2;
  }
  const clash = overwrittenOriginals(listed, outDir);
  if (clash.length) {
    io.err(`clean: the output folder would overwrite the original ${clash[0]}; choose another folder`);
    return 2;
  }
  const pool = poolFor(opts.jobs as number | undefined, (reason) => io.err(`news-annotate clean: ${reason}`));
  const finder = createBoilerplateFinder(pool);
  const problems: string[] = [];
  const bar = progressBar('cleaning');
  let report;
  try {
    const writer = await CleanCorpusWriter.open(outDir);
    let done = 0;
    await orderedMap(
      articleStream(paths, (p) => problems.push(p)),
      pool.size * 4,
      async (item) => {
        if (!item.article || real(item.article.txtPath).startsWith(outPrefix)) return;
        const a = item.article;
        const input: CleanInput = { txtPath: a.txtPath, rel: item.rel, text: a.text, ann: a.ann, hasAnn: a.annRaw !== undefined, bom: a.bom, problems: a.problems, rejections: a.rejections };
        await writer.add(input, await finder.linesOf(a.txtPath, a.text));
      },
      (_r, item) => {
        problems.push(...item.problems);
        bar.update(++done, listed.length);
      },
    );
    report = await writer.finish(problems);
  } catch (e) {
    io.err(`clean: ${(e as Error).message}`);
    return 1;
  } finally {
    bar.done();
    await pool.terminate();
  }
  for (const p of report.problems) io.err(p);
  for (const l of summarizeClean(report)) io.out(l);
  return 0;
}
