// Writes a clean copy of articles (boilerplate lines removed, annotations carried
// over) under an output folder with the same relative names, plus
// clean-report.json. Shared by `news-annotate clean` and "News: Clean Corpus…".
// Originals are never written: an output path equal to an input is refused.
import { existsSync, mkdirSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import {
  cleanArticle,
  rejectionSidecarPath,
  removalRanges,
  RemovalMap,
  serializeBrat,
  serializeRejections,
  type BratDocument,
  type CleanReport,
  type Rejection,
} from '../core/annotations';
import { annPathFor } from './annotationFiles';
import { removeStaleTemps, writeFileAtomic } from './atomicWrite';
import { orderedMap } from './orderedMap';

export interface CleanInput {
  /** Absolute path of the original .txt. */
  txtPath: string;
  /** Path relative to the output folder (forward slashes). */
  rel: string;
  text: string;
  ann: BratDocument;
  /** Whether the original had a .ann (a cleaned .ann is written only then). */
  hasAnn: boolean;
  bom: boolean;
  problems: string[];
  /** Rejected suggestions (the sidecar), carried over like annotations when given. */
  rejections?: Rejection[];
}

export interface CleanFileReport extends CleanReport {
  file: string;
  problems: string[];
}

export interface CleanCorpusReport {
  /** "incomplete" while clean runs (a folder whose report says so was not finished). */
  status: 'complete';
  out: string;
  totals: { articles: number; removedLines: number; droppedAnnotations: number; droppedOther: number };
  files: CleanFileReport[];
  problems: string[];
}

export const CLEAN_REPORT_NAME = 'clean-report.json';

/** The real path (links resolved), or the resolved path when it does not exist yet. */
export function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Why outDir cannot receive a clean copy: it holds files and is not a previous clean output (undefined when fine). */
export function outFolderRefusal(outDir: string): string | undefined {
  if (!existsSync(outDir)) return undefined;
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch (e) {
    return `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  if (names.length === 0 || names.includes(CLEAN_REPORT_NAME)) return undefined;
  return `is not empty and holds no ${CLEAN_REPORT_NAME} (not a previous clean output); its files would be overwritten. Choose an empty or new folder`;
}

/** Output paths that would overwrite an input, as "rel" names (empty when safe). */
export function overwrittenOriginals(inputs: readonly Pick<CleanInput, 'txtPath' | 'rel'>[], outDir: string): string[] {
  const originals = new Set(inputs.flatMap((a) => [real(a.txtPath), real(annPathFor(a.txtPath))]));
  return inputs.filter((a) => originals.has(real(join(outDir, a.rel))) || originals.has(real(annPathFor(join(outDir, a.rel))))).map((a) => a.rel);
}

/**
 * Writes clean copies one article at a time (several may be in flight: each file is written
 * atomically, and the fsyncs of different files overlap instead of queueing), keeping only each file's
 * small report; finish() writes clean-report.json last, so a folder without it is an unfinished run.
 */
export class CleanCorpusWriter {
  private readonly files = new Map<number, CleanFileReport>();
  private count = 0;

  private constructor(
    readonly outDir: string,
    /** Temporary files a killed run had left, removed when this run started. */
    private readonly stale: number,
  ) {}

  /**
   * Starts a clean run into outDir: temporary files a killed run left are removed, and until finish()
   * clean-report.json says the folder is incomplete (a killed run leaves that, not a folder that
   * looks complete).
   */
  static async open(outDir: string): Promise<CleanCorpusWriter> {
    mkdirSync(outDir, { recursive: true });
    const stale = removeStaleTemps(outDir, true);
    await writeFileAtomic(join(outDir, CLEAN_REPORT_NAME), JSON.stringify({ out: outDir, status: 'incomplete', note: 'clean has not finished (or was stopped); run it again' }, null, 2) + '\n');
    return new CleanCorpusWriter(outDir, stale.length);
  }

  async add(a: CleanInput, lines: number[]): Promise<void> {
    const index = this.count++;
    const r = cleanArticle(a.text, a.ann, lines);
    const txtOut = join(this.outDir, ...a.rel.split('/'));
    await mkdir(dirname(txtOut), { recursive: true });
    const writes: Promise<void>[] = [writeFileAtomic(txtOut, (a.bom ? '\uFEFF' : '') + r.text)];
    if (a.hasAnn) writes.push(writeFileAtomic(annPathFor(txtOut), serializeBrat(r.ann, r.text, { bom: a.bom })));
    if (a.rejections?.length) {
      const map = new RemovalMap(removalRanges(a.text, lines));
      const kept = a.rejections
        .filter((x) => !x.damage && !x.fragments.some((f) => map.intersects(f.start, f.end)))
        .map((x) => ({ ...x, fragments: x.fragments.map((f) => ({ start: map.map(f.start), end: map.map(f.end) })) }));
      if (kept.length) writes.push(writeFileAtomic(rejectionSidecarPath(txtOut), serializeRejections(kept, r.text)));
    }
    await Promise.all(writes);
    this.files.set(index, { file: a.rel, ...r.report, problems: a.problems });
  }

  async finish(problems: string[]): Promise<CleanCorpusReport> {
    const files = [...this.files.entries()].sort((x, y) => x[0] - y[0]).map((e) => e[1]);
    if (this.stale) problems = [...problems, `${this.outDir}: removed ${this.stale} temporary file(s) left by an interrupted run`];
    const report: CleanCorpusReport = {
      status: 'complete',
      out: this.outDir,
      totals: {
        articles: files.length,
        removedLines: files.reduce((n, f) => n + f.removedLines.length, 0),
        droppedAnnotations: files.reduce((n, f) => n + f.droppedAnnotations.length, 0),
        droppedOther: files.reduce((n, f) => n + f.droppedOther.length, 0),
      },
      files,
      problems,
    };
    await writeFileAtomic(join(this.outDir, CLEAN_REPORT_NAME), JSON.stringify(report, null, 2) + '\n');
    return report;
  }
}

/** Cleans and writes every input; returns the report (also written as clean-report.json). */
export async function writeCleanCorpus(
  inputs: readonly CleanInput[],
  outDir: string,
  boilerplateLinesOf: (input: CleanInput) => number[] | Promise<number[]>,
  problems: string[] = [],
): Promise<CleanCorpusReport> {
  const clash = overwrittenOriginals(inputs, outDir);
  if (clash.length) throw new Error(`the output folder would overwrite the original ${clash[0]}; choose another folder`);
  const writer = await CleanCorpusWriter.open(outDir);
  await orderedMap(inputs, 8, async (a) => writer.add(a, await boilerplateLinesOf(a)), () => undefined);
  return writer.finish(problems);
}

/** One line per article with something removed, then a total. */
export function summarizeClean(report: CleanCorpusReport): string[] {
  const out: string[] = [];
  for (const f of report.files) {
    if (f.removedLines.length === 0 && f.droppedAnnotations.length === 0) continue;
    out.push(
      `${f.file}: ${f.removedLines.length} line(s) removed` +
        (f.droppedAnnotations.length ? `, ${f.droppedAnnotations.length} annotation(s) not carried (${f.droppedAnnotations.map((d) => `${d.id} ${d.type} "${d.text}"`).join(', ')})` : ''),
    );
  }
  const t = report.totals;
  out.push(
    `cleaned ${t.articles} article(s) into ${report.out}: ${t.removedLines} boilerplate line(s) removed, ` +
      `${t.droppedAnnotations} annotation(s) and ${t.droppedOther} dependent entr(ies) not carried; report: ${join(report.out, CLEAN_REPORT_NAME)}`,
  );
  return out;
}
