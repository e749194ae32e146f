// Importing JSONL annotations (spaCy, Prodigy, doccano) into a corpus on disk:
// each record is matched to its article .txt (by meta.file / meta.path relative
// to the corpus folder, else by identical text among the corpus articles), its
// text must equal the article exactly (otherwise the record is skipped: offsets
// are never written onto another text), and its spans are added as brat T
// annotations to the article's .ann. Existing lines are kept byte for byte;
// spans identical to an annotation already there are not repeated. Used by the
// CLI (news-annotate import) and the editor command (News: Import Annotations).
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { removeStaleTemps } from './atomicWrite';
import { checkInput } from '../core/text/input';
import { existsSync, statSync } from 'node:fs';
import { addTextBound, importJsonl, parseBrat, removeWithDependents, textBounds, type BratDocument, type TextBound } from '../core/annotations';
import { loadAnnotatedArticleAsync, saveAnnotations } from './annotationFiles';
import { isInside, realOrUndefined, walkArticles } from './fileWalk';
import { readArticleFileAsync } from './corpusFiles';

/** What to do with an imported span that overlaps an existing annotation but is not identical to it. */
export type ConflictMode = 'merge' | 'skip' | 'overwrite';
export const CONFLICT_MODES: readonly ConflictMode[] = ['merge', 'skip', 'overwrite'];

export interface JsonlImportOptions {
  /** Compute everything, write nothing. */
  dryRun?: boolean;
  /** merge (default): add it next to the existing one; skip: leave it out; overwrite: remove the existing one(s) (with their notes, relations…) and add it. */
  onConflict?: ConflictMode;
  /** The corpus config's own labels (imported labels are mapped onto them). */
  corpusLabels?: readonly string[];
  /** Articles not to touch (e.g. unsaved in an editor): absolute .txt path → reason. */
  exclude?: (txtPath: string) => string | undefined;
}

export interface FileImportReport {
  /** Path relative to the corpus folder, forward slashes. */
  rel: string;
  txtPath: string;
  annPath: string;
  /** JSONL lines imported into this article. */
  lines: number[];
  added: number;
  /** Spans identical to an annotation already there (not repeated). */
  identical: number;
  /** Spans left out because they overlap an existing annotation (--on-conflict skip). */
  conflictsSkipped: number;
  /** Existing annotations removed by --on-conflict overwrite (dependents not counted). */
  replaced: number;
  /** The .ann was written (false in a dry run or when nothing changed). */
  written: boolean;
}

export interface JsonlImportReport {
  files: FileImportReport[];
  /** Lines not imported at all (bad JSON, no text, no matching article, text differs…). */
  skippedLines: { line: number; message: string }[];
  /** Spans of imported lines left out as invalid. */
  spanProblems: { line: number; message: string }[];
  /** Problems met reading existing .ann files. */
  fileProblems: string[];
  totals: { lines: number; files: number; added: number; identical: number; conflictsSkipped: number; replaced: number; skippedLines: number; invalidSpans: number };
  dryRun: boolean;
}

interface Target {
  txtPath: string;
  text: string;
  bom: boolean;
  ann: BratDocument;
  /** Ids present before the import (only those count as conflicts). */
  before: Set<string>;
  report: FileImportReport;
}

/** Articles read at once when looking for a record's text in the corpus. */
const READS_IN_FLIGHT = 16;

/** Key of an article's text for finding it by its text (SHA-1 of its UTF-8). */
const textKey = (text: string) => createHash('sha1').update(text).digest('hex');

const relOf = (root: string, file: string) => relative(root, file).split(sep).join('/');

function sameSpans(a: TextBound, b: TextBound): boolean {
  return a.type === b.type && a.fragments.length === b.fragments.length && a.fragments.every((f, i) => f.start === b.fragments[i].start && f.end === b.fragments[i].end);
}

function overlaps(a: TextBound, b: TextBound): boolean {
  return a.fragments.some((f) => b.fragments.some((g) => f.start < g.end && g.start < f.end));
}

/** meta.file, else meta.path, of a JSONL record (when it is a non-empty string). */
function metaPathOf(line: string | undefined): string | undefined {
  if (!line) return undefined;
  try {
    const meta = (JSON.parse(line) as { meta?: Record<string, unknown> }).meta;
    if (!meta || typeof meta !== 'object') return undefined;
    for (const k of ['file', 'path'] as const) if (typeof meta[k] === 'string' && (meta[k] as string).trim()) return meta[k] as string;
  } catch {
    /* reported by importJsonl */
  }
  return undefined;
}

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return i;
  return n;
}

/** Imports JSONL text into the corpus folder. Never throws for bad records; throws only when corpusDir is not a folder. */
export async function importJsonlIntoCorpus(jsonl: string, corpusDir: string, options: JsonlImportOptions = {}): Promise<JsonlImportReport> {
  const root = resolve(corpusDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`${corpusDir}: not a folder`);
  const realRoot = realOrUndefined(root) ?? root;
  const mode = options.onConflict ?? 'merge';
  const parsed = importJsonl(jsonl, options.corpusLabels ?? []);
  const rawLines = (jsonl ?? '').split(/\r?\n/);
  const report: JsonlImportReport = {
    files: [],
    skippedLines: [],
    spanProblems: [],
    fileProblems: [],
    totals: { lines: 0, files: 0, added: 0, identical: 0, conflictsSkipped: 0, replaced: 0, skippedLines: 0, invalidSpans: 0 },
    dryRun: options.dryRun === true,
  };
  const docLines = new Set(parsed.docs.map((d) => d.line));
  for (const p of parsed.problems) (docLines.has(p.line) ? report.spanProblems : report.skippedLines).push(p);

  // The corpus articles whose text is a record's, found when a record has no usable meta path: the
  // corpus read once, a few files at a time without blocking the thread (the extension host runs this),
  // and only the paths of texts some record has are kept (by hash; a record's text is then compared
  // with its article's in full), not the corpus's texts.
  let byText: Map<string, string[]> | undefined;
  const textIndex = async (): Promise<Map<string, string[]>> => {
    if (byText) return byText;
    const wanted = new Set(parsed.docs.map((d) => textKey(d.text)));
    const index = new Map<string, string[]>();
    const take = async (files: string[]) => {
      // A few reads in flight: one at a time leaves the disk and the thread pool mostly idle.
      const keys = await Promise.all(files.map(async (f) => {
        const r = await readArticleFileAsync(f);
        return r.text === undefined ? undefined : textKey(r.text);
      }));
      keys.forEach((key, i) => {
        if (key === undefined || !wanted.has(key)) return;
        const list = index.get(key) ?? [];
        list.push(files[i]);
        index.set(key, list);
      });
    };
    let files: string[] = [];
    for (const { path: file } of walkArticles([root], { onProblem: (p) => report.fileProblems.push(`${p.path}: ${p.message}`) })) {
      files.push(file);
      if (files.length === READS_IN_FLIGHT) {
        await take(files);
        files = [];
      }
    }
    await take(files);
    return (byText = index);
  };

  const targets = new Map<string, Target>();
  const targetFor = async (txtPath: string): Promise<Target | string> => {
    const hit = targets.get(txtPath);
    if (hit) return hit;
    const why = options.exclude?.(txtPath);
    if (why) return why;
    let loaded;
    try {
      loaded = await loadAnnotatedArticleAsync(txtPath);
    } catch (e) {
      return (e as Error).message;
    }
    // As check does: a file that looks binary (UTF-16 without a BOM, say) is no article; no .ann is written for it.
    if (!checkInput(loaded.text).analysable) return 'looks binary (NUL or control characters; UTF-16 without a byte-order mark?), not an article; nothing written';
    report.fileProblems.push(...loaded.problems);
    // The .ann as it is on disk, not re-anchored: its lines are written back unchanged.
    const ann = parseBrat(loaded.annRaw ?? '', loaded.text, { bom: loaded.bom });
    const rel = relOf(root, txtPath);
    const t: Target = {
      txtPath,
      text: loaded.text,
      bom: loaded.bom,
      ann,
      before: new Set(textBounds(ann).map((x) => x.id)),
      report: { rel, txtPath, annPath: loaded.annPath, lines: [], added: 0, identical: 0, conflictsSkipped: 0, replaced: 0, written: false },
    };
    targets.set(txtPath, t);
    return t;
  };

  for (const doc of parsed.docs) {
    const skip = (message: string) => report.skippedLines.push({ line: doc.line, message });
    // 1. Which article: the meta path (inside the corpus folder only), else the same text.
    const meta = metaPathOf(rawLines[doc.line - 1]);
    let txtPath: string | undefined;
    if (meta !== undefined) {
      const p = resolve(root, meta);
      const rel = relative(root, p);
      if (isAbsolute(meta) || rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
        skip(`meta path "${meta}" is not inside the corpus folder`);
        continue;
      }
      if (!/\.txt$/i.test(p)) {
        skip(`meta path "${meta}" is not a .txt article`);
        continue;
      }
      if (existsSync(p)) {
        // Through a link, the article (and so its .ann) must still be inside the corpus folder.
        const realP = realOrUndefined(p);
        if (realP === undefined || !isInside(realRoot, realP)) {
          skip(`meta path "${meta}" leads outside the corpus folder (${realP ?? 'through a broken link'}); nothing written there`);
          continue;
        }
        if (statSync(p).isFile()) txtPath = p;
      }
    }
    if (!txtPath) {
      const same = (await textIndex()).get(textKey(doc.text)) ?? [];
      if (same.length === 0) {
        skip(meta !== undefined ? `no article ${meta} in the corpus and no article with this exact text` : 'no article in the corpus has this exact text (and the record names no meta.file / meta.path)');
        continue;
      }
      if (same.length > 1) {
        skip(`${same.length} articles have this exact text (${same.map((f) => relOf(root, f)).join(', ')}); name one in meta.file`);
        continue;
      }
      txtPath = same[0];
    }
    const target = await targetFor(txtPath);
    if (typeof target === 'string') {
      skip(`${relOf(root, txtPath)}: ${target}`);
      continue;
    }
    // 2. The record's text must be the article's text, exactly.
    if (target.text !== doc.text) {
      const at = firstDifference(target.text, doc.text);
      skip(`text differs from ${target.report.rel} (${doc.text.length} vs ${target.text.length} characters, first difference at offset ${at}); offsets not applied`);
      continue;
    }
    // 3. The spans: identical ones are not repeated; conflicts per mode.
    target.report.lines.push(doc.line);
    for (const span of textBounds(doc.ann)) {
      const existing = textBounds(target.ann);
      if (existing.some((e) => sameSpans(e, span))) {
        target.report.identical++;
        continue;
      }
      const clashing = existing.filter((e) => target.before.has(e.id) && overlaps(e, span));
      if (clashing.length && mode === 'skip') {
        target.report.conflictsSkipped++;
        continue;
      }
      if (clashing.length && mode === 'overwrite') {
        removeWithDependents(target.ann, clashing.map((e) => e.id));
        target.report.replaced += clashing.length;
      }
      addTextBound(target.ann, target.text, span.type, span.fragments);
      target.report.added++;
    }
  }

  for (const t of targets.values()) {
    const r = t.report;
    if (r.lines.length === 0) continue; // loaded, but every record for it was skipped
    if (!options.dryRun && (r.added > 0 || r.replaced > 0)) {
      const stale = removeStaleTemps(dirname(t.txtPath));
      if (stale.length) report.fileProblems.push(`${dirname(t.txtPath)}: removed ${stale.length} temporary file(s) left by an interrupted run`);
      await saveAnnotations(t.txtPath, t.text, t.ann, undefined, { bom: t.bom });
      r.written = true;
    }
    report.files.push(r);
  }
  report.files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const tot = report.totals;
  tot.lines = parsed.docs.length + report.skippedLines.filter((s) => !docLines.has(s.line)).length;
  tot.files = report.files.length;
  for (const f of report.files) {
    tot.added += f.added;
    tot.identical += f.identical;
    tot.conflictsSkipped += f.conflictsSkipped;
    tot.replaced += f.replaced;
  }
  tot.skippedLines = report.skippedLines.length;
  tot.invalidSpans = report.spanProblems.length;
  report.skippedLines.sort((a, b) => a.line - b.line);
  return report;
}

/** One line per article and a totals line, for the CLI and the editor. */
export function summarizeImport(report: JsonlImportReport): { files: string[]; totals: string } {
  const verb = report.dryRun ? 'would add' : 'added';
  const files = report.files.map((f) => {
    const parts = [`${verb} ${f.added}`];
    if (f.identical) parts.push(`${f.identical} already there`);
    if (f.conflictsSkipped) parts.push(`${f.conflictsSkipped} overlapping left out`);
    if (f.replaced) parts.push(`${f.replaced} existing ${report.dryRun ? 'would be ' : ''}replaced`);
    return `${f.rel}: ${parts.join(', ')} (line${f.lines.length === 1 ? '' : 's'} ${f.lines.join(', ')})`;
  });
  const t = report.totals;
  const totals =
    `${report.dryRun ? 'dry run, nothing written: ' : ''}${t.lines} line(s), ${t.files} article(s): ${t.added} annotation(s) ${report.dryRun ? 'would be added' : 'added'}` +
    (t.identical ? `, ${t.identical} already there` : '') +
    (t.conflictsSkipped ? `, ${t.conflictsSkipped} overlapping left out` : '') +
    (t.replaced ? `, ${t.replaced} existing replaced` : '') +
    (t.invalidSpans ? `, ${t.invalidSpans} invalid span(s) left out` : '') +
    (t.skippedLines ? `, ${t.skippedLines} line(s) skipped` : '');
  return { files, totals };
}
