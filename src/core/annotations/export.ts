// Export of confirmed annotations (brat T) for training tools:
//  - JSONL as spaCy / Prodigy / doccano read it: {"text", "spans": [{start, end, label}],
//    "label": [[start, end, label]] (doccano), "meta": {"file"}}; offsets are code
//    points (Python string indexes), end-exclusive.
//  - CoNLL BIO: "token TAG" per line, sentences separated by a blank line, each
//    document starting with "-DOCSTART- O" (the CoNLL-2003 convention).
// For a file, a selection (a span of it) or a corpus (many files), optionally
// with boilerplate lines left out (the text is cut as in clean corpus).
// A discontinuous annotation is exported as one span per fragment (neither
// format has discontinuous spans). Damaged annotations are left out and counted.
import type { Span } from '../types';
import { textBounds, type BratDocument } from './brat';
import { cleanArticle, RemovalMap, removalRanges } from './clean';
import { offsetConverter } from './codepoints';
import { sentencesOf, splitAtBoundaries, tokenize } from './tokens';

export interface ExportInput {
  /** Path shown in meta.file (relative to the corpus root, forward slashes, preferably). */
  file?: string;
  /** Article text (UTF-16, as read). */
  text: string;
  /** Its annotations, parsed with the text (parseBrat(ann, text)). */
  ann: BratDocument;
  /** 0-based boilerplate lines; left out when options.leaveOutBoilerplate. */
  boilerplateLines?: readonly number[];
  /** Export only this span (a selection) of the text. */
  range?: Span;
}

export interface ExportOptions {
  leaveOutBoilerplate?: boolean;
}

export interface LabeledSpan extends Span {
  label: string;
}

export interface PreparedDoc {
  file?: string;
  text: string;
  /** UTF-16 offsets into text, sorted. */
  spans: LabeledSpan[];
  /** Annotations not exported and why. */
  skipped: { id: string; reason: string }[];
}

/** Applies boilerplate removal and the selection; returns the text and spans to export. */
export function prepareForExport(input: ExportInput, options: ExportOptions = {}): PreparedDoc {
  let text = input.text ?? '';
  let ann = input.ann;
  const skipped: PreparedDoc['skipped'] = [];
  let range = input.range ? { start: clamp(input.range.start, text), end: clamp(input.range.end, text) } : undefined;
  if (options.leaveOutBoilerplate && input.boilerplateLines && input.boilerplateLines.length) {
    const cleaned = cleanArticle(text, ann, input.boilerplateLines);
    for (const d of cleaned.report.droppedAnnotations) skipped.push({ id: d.id, reason: 'in a boilerplate line' });
    if (range) {
      const map = new RemovalMap(removalRanges(text, input.boilerplateLines));
      range = { start: map.map(range.start), end: map.map(range.end) };
    }
    text = cleaned.text;
    ann = cleaned.ann;
  }
  const base = range ? Math.min(range.start, range.end) : 0;
  const limit = range ? Math.max(range.start, range.end) : text.length;
  const spans: LabeledSpan[] = [];
  for (const t of textBounds(ann)) {
    if (t.damage) {
      skipped.push({ id: t.id, reason: 'damaged (its text was edited)' });
      continue;
    }
    for (const f of t.fragments) {
      if (f.end <= f.start || f.end > text.length) continue;
      if (f.start < base || f.end > limit) {
        if (range && f.start < limit && f.end > base) skipped.push({ id: t.id, reason: 'crosses the selection' });
        continue;
      }
      spans.push({ start: f.start - base, end: f.end - base, label: t.type });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return { file: input.file, text: text.slice(base, limit), spans, skipped };
}

function clamp(n: number, text: string): number {
  return Math.max(0, Math.min(text.length, Math.floor(Number(n) || 0)));
}

export interface JsonlRecord {
  text: string;
  spans: { start: number; end: number; label: string }[];
  label: [number, number, string][];
  meta: { file?: string };
}

/** One JSONL record (offsets converted to code points). */
export function toJsonlRecord(doc: PreparedDoc): JsonlRecord {
  const conv = offsetConverter(doc.text);
  const spans = doc.spans.map((s) => ({ start: conv.toCodePoints(s.start), end: conv.toCodePoints(s.end), label: s.label }));
  return {
    text: doc.text,
    spans,
    label: spans.map((s): [number, number, string] => [s.start, s.end, s.label]),
    meta: doc.file !== undefined ? { file: doc.file } : {},
  };
}

/** JSONL text: one line per document, newline-terminated. */
export function exportJsonl(docs: readonly PreparedDoc[]): string {
  return docs.map((d) => JSON.stringify(toJsonlRecord(d)) + '\n').join('');
}

export interface ConllResult {
  text: string;
  /** Spans left out because they overlap a longer one (BIO cannot nest). */
  overlapsSkipped: number;
  tokens: number;
  sentences: number;
}

/** Keeps non-overlapping spans, longer first (a coverage map keeps this linear in the spans' length). */
function nonOverlapping(spans: LabeledSpan[], textLength: number): { kept: LabeledSpan[]; skipped: number } {
  const bySize = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const covered = new Uint8Array(textLength + 1);
  const kept: LabeledSpan[] = [];
  let skipped = 0;
  for (const s of bySize) {
    let free = true;
    for (let i = s.start; i < s.end && free; i++) if (covered[i]) free = false;
    if (!free) {
      skipped++;
      continue;
    }
    covered.fill(1, s.start, s.end);
    kept.push(s);
  }
  return { kept: kept.sort((a, b) => a.start - b.start), skipped };
}

/** CoNLL BIO text of documents. Tokens are split at annotation boundaries so tags follow spans exactly. */
export function exportConll(docs: readonly PreparedDoc[]): ConllResult {
  const out: string[] = [];
  let overlapsSkipped = 0;
  let tokenCount = 0;
  let sentenceCount = 0;
  for (const doc of docs) {
    const { kept, skipped } = nonOverlapping(doc.spans, doc.text.length);
    overlapsSkipped += skipped;
    const bounds = [...new Set(kept.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
    const tokens = splitAtBoundaries(doc.text, tokenize(doc.text), bounds);
    out.push('-DOCSTART- O', '');
    let si = 0;
    let lastTagged = -1;
    for (const sentence of sentencesOf(doc.text, tokens)) {
      for (const t of sentence) {
        while (si < kept.length && kept[si].end <= t.start) si++;
        const s = kept[si];
        let tag = 'O';
        if (s && s.start <= t.start && t.end <= s.end) {
          tag = `${lastTagged === si ? 'I' : 'B'}-${s.label}`;
          lastTagged = si;
        }
        out.push(`${t.text} ${tag}`);
        tokenCount++;
      }
      out.push('');
      sentenceCount++;
    }
  }
  return { text: out.length ? out.join('\n') + '\n' : '', overlapsSkipped, tokens: tokenCount, sentences: sentenceCount };
}
