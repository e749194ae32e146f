// news-annotate import <file.jsonl> --into <corpus dir> [--dry-run] [--on-conflict merge|skip|overwrite]
// Adds the spans of JSONL records (spaCy/Prodigy "spans", doccano "label" or
// "entities") to the brat .ann of the article each record is about: meta.file or
// meta.path relative to the corpus folder, else the article with the same text.
// A record whose text is not exactly the article's is skipped (reported, exit 1).
// Existing .ann lines are kept byte for byte; the .ann is written atomically.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeBytes } from '../../core/text/decode';
import { corpusFor } from '../../node/corpusFiles';
import { CONFLICT_MODES, importJsonlIntoCorpus, summarizeImport, type ConflictMode } from '../../node/jsonlImport';
import { parseCommandArgs } from '../args';
import type { CliIO } from '../io';
import { Notices } from '../notices';

export const usage = 'news-annotate import <file.jsonl> --into <corpus dir> [--dry-run] [--on-conflict merge|skip|overwrite]';

/** JSONL files larger than this are refused (one record per article; this is far above any real corpus export). */
const MAX_JSONL_BYTES = 512 * 1024 * 1024;

export async function run(args: string[], io: CliIO): Promise<number> {
  const opts = parseCommandArgs(args, { into: 'string', 'dry-run': 'boolean', 'on-conflict': 'string' }, usage, io);
  if (typeof opts === 'number') return opts;
  if (opts._.length !== 1 || typeof opts.into !== 'string') {
    io.err(`import needs one JSONL file and --into <corpus dir>\nusage: ${usage}`);
    return 2;
  }
  const mode = (opts['on-conflict'] ?? 'merge') as ConflictMode;
  if (!CONFLICT_MODES.includes(mode)) {
    io.err(`--on-conflict must be ${CONFLICT_MODES.join(', ')}, not "${String(opts['on-conflict'])}"\nusage: ${usage}`);
    return 2;
  }
  const file = resolve(opts._[0]);
  let jsonl: string;
  try {
    if (statSync(file).size > MAX_JSONL_BYTES) {
      io.err(`${opts._[0]}: larger than ${MAX_JSONL_BYTES / 1024 / 1024} MB; split it`);
      return 2;
    }
    jsonl = decodeBytes(readFileSync(file)).text;
  } catch (e) {
    io.err(`cannot read ${opts._[0]}: ${(e as Error).message}`);
    return 2;
  }
  const into = resolve(opts.into);
  let report;
  try {
    const corpus = corpusFor(join(into, 'article.txt'));
    new Notices(io.err).corpus(corpus);
    const labels = corpus.config.labels;
    report = await importJsonlIntoCorpus(jsonl, into, { dryRun: opts['dry-run'] === true, onConflict: mode, corpusLabels: labels });
  } catch (e) {
    io.err(`import: ${(e as Error).message}`);
    return 2;
  }
  for (const p of report.fileProblems) io.err(p);
  for (const s of report.skippedLines) io.err(`${opts._[0]}:${s.line}: skipped: ${s.message}`);
  for (const s of report.spanProblems) io.err(`${opts._[0]}:${s.line}: ${s.message}`);
  const summary = summarizeImport(report);
  for (const l of summary.files) io.out(l);
  io.out(summary.totals);
  return report.skippedLines.length || report.spanProblems.length ? 1 : 0;
}
