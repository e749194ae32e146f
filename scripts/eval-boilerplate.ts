// npm run --silent eval:boilerplate -- [--data DIR] [--out PRED.jsonl] [--threshold T]
// Runs the boilerplate engine on every <id>.txt of DIR, read as one corpus (a
// TemplateIndex is fed with all files first), writes one JSON line per file
// {id, boilerplateLines:[0-based]} to --out, and where <id>.labels.json exist
// prints line-level and character-weighted P/R/F1 of the boilerplate class and
// the kept-article-text F1 against truth.jsonl (in DIR or its parent). Ends
// with one JSON line of the figures. DIR defaults to the shared dev data
// (main variant).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_CONFIG } from '../src/core/config/types';
import type { BoilerplateEngine } from '../src/core/engines';
import { createBoilerplateEngine, ScoreAccumulator, TemplateIndex, type Scores } from '../src/core/boilerplate';
import { splitLines } from '../src/core/text/lines';
import { parseArgs } from './lib/args';
import { requireDataPath, SHARED_DATA } from './lib/shared';

export interface Page {
  id: string;
  text: string;
  /** 1 = boilerplate per line, when labels exist. */
  labels?: number[];
  articleBody?: string;
  site?: string;
}

/** Reads truth.jsonl from dir or its parent: id → articleBody. */
export function readTruth(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of [join(dir, 'truth.jsonl'), join(dirname(dir), 'truth.jsonl')]) {
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { id: string; articleBody: string };
      out.set(o.id, o.articleBody ?? '');
    }
    break;
  }
  return out;
}

/** Reads pages.jsonl from dir or its parent: id → site. */
export function readSites(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of [join(dir, 'pages.jsonl'), join(dirname(dir), 'pages.jsonl')]) {
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { id: string; site?: string };
      if (o.site) out.set(o.id, o.site);
    }
    break;
  }
  return out;
}

export function loadFolder(dir: string): Page[] {
  const truth = readTruth(dir);
  const sites = readSites(dir);
  const pages: Page[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const id = basename(f, '.txt');
    const text = readFileSync(join(dir, f), 'utf8');
    const page: Page = { id, text, articleBody: truth.get(id), site: sites.get(id) };
    const lp = join(dir, `${id}.labels.json`);
    if (existsSync(lp)) {
      const arr = JSON.parse(readFileSync(lp, 'utf8')) as { line: number; label: string }[];
      const labels: number[] = [];
      for (const o of arr) labels[o.line] = o.label === 'boilerplate' ? 1 : 0;
      page.labels = labels;
    }
    pages.push(page);
  }
  return pages;
}

/** Runs the engine over the pages as one corpus; returns flagged 0-based lines per page. */
export function detectFolder(engine: BoilerplateEngine, pages: Page[], threshold = DEFAULT_CONFIG.boilerplate.threshold): Map<string, number[]> {
  const index = new TemplateIndex();
  for (const p of pages) index.update(p.id, p.text);
  const settings = { ...DEFAULT_CONFIG.boilerplate, threshold };
  const out = new Map<string, number[]>();
  for (const p of pages) {
    const lines = splitLines(p.text);
    const findings = engine.detect({ text: p.text, lines, settings, corpus: index, docId: p.id });
    out.set(p.id, findings.map((f) => f.line));
  }
  return out;
}

export function scorePages(pages: Page[], flagged: Map<string, number[]>): Scores | undefined {
  const acc = new ScoreAccumulator();
  let any = false;
  for (const p of pages) {
    if (!p.labels) continue;
    any = true;
    const lines = p.text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '' && p.labels.length < lines.length) lines.pop();
    acc.add({ lines, labels: p.labels, flagged: new Set(flagged.get(p.id) ?? []), articleBody: p.articleBody });
  }
  return any ? acc.result() : undefined;
}

export function formatScores(name: string, s: Scores): string {
  const f = (x: number): string => x.toFixed(3);
  return (
    `${name}: pages ${s.pages}  line P/R/F1 ${f(s.lineP)}/${f(s.lineR)}/${f(s.lineF1)}  ` +
    `char P/R/F1 ${f(s.charP)}/${f(s.charR)}/${f(s.charF1)}  kept-text P/R/F1 ${f(s.keptP)}/${f(s.keptR)}/${f(s.keptF1)}`
  );
}

export function roundScores(s: Scores): Record<string, number> {
  const o: Record<string, number> = {};
  for (const [k, v] of Object.entries(s)) o[k] = k === 'pages' ? v : Math.round(v * 10000) / 10000;
  return o;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), { data: 'string', out: 'string', threshold: 'number' });
  const dir = requireDataPath((args.data as string | undefined) ?? join(SHARED_DATA, 'boilerplate', 'main'), 'Boilerplate data folder');
  const pages = loadFolder(dir);
  if (pages.length === 0) {
    console.error(`No <id>.txt files in ${dir}.`);
    process.exit(2);
  }
  const engine = createBoilerplateEngine();
  const t0 = performance.now();
  const flagged = detectFolder(engine, pages, (args.threshold as number | undefined) ?? DEFAULT_CONFIG.boilerplate.threshold);
  const ms = performance.now() - t0;
  if (args.out) {
    const lines = pages.map((p) => JSON.stringify({ id: p.id, boilerplateLines: flagged.get(p.id) ?? [] }));
    writeFileSync(args.out as string, lines.join('\n') + '\n');
    console.error(`wrote ${pages.length} predictions to ${args.out}`);
  }
  const s = scorePages(pages, flagged);
  const chars = pages.reduce((a, p) => a + p.text.length, 0);
  console.log(`${pages.length} files, ${(chars / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms`);
  if (s) console.log(formatScores(basename(dir), s));
  else console.log('no <id>.labels.json files: predictions only, no scores');
  console.log(JSON.stringify({ files: pages.length, ...(s ? roundScores(s) : {}) }));
}

if (require.main === module) main();
