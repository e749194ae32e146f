// Clean corpus: an article with its boilerplate lines removed, its annotations
// carried over (offsets shifted), and a report of what was left behind.
// Relations, notes, normalisations and attributes of surviving annotations are
// kept; those of annotations inside removed lines go with them.
import { splitLines } from '../text/lines';
import type { Span } from '../types';
import { cloneBrat, removeWithDependents, textBounds, type BratDocument, type BratEntry } from './brat';

export interface CleanReport {
  removedLines: { line: number; text: string }[];
  /** Annotations (T) not carried because they lie (partly) in removed lines. */
  droppedAnnotations: { id: string; type: string; text: string }[];
  /** Other entries dropped with them (notes, relations …), by id. */
  droppedOther: string[];
}

export interface CleanResult {
  text: string;
  ann: BratDocument;
  report: CleanReport;
}

/** Ranges of text to cut for the given lines: a line with its line break (the last line: with the break before it). */
export function removalRanges(text: string, lineNumbers: readonly number[]): Span[] {
  const lines = splitLines(text);
  const wanted = [...new Set(lineNumbers)].filter((n) => Number.isInteger(n) && n >= 0 && n < lines.length).sort((a, b) => a - b);
  const ranges: Span[] = [];
  for (const i of wanted) {
    const l = lines[i];
    const r = i < lines.length - 1 ? { start: l.start, end: lines[i + 1].start } : { start: i > 0 ? lines[i - 1].end : l.start, end: l.end };
    if (r.end <= r.start) continue;
    const last = ranges[ranges.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else ranges.push(r);
  }
  return ranges;
}

/** Maps offsets of the original text to the text with ranges removed (sorted, disjoint ranges; O(log n) per offset). */
export class RemovalMap {
  /** removedBefore[k]: characters removed by ranges[0..k). */
  private readonly removedBefore: number[];
  constructor(private readonly ranges: Span[]) {
    this.removedBefore = [0];
    for (const r of ranges) this.removedBefore.push(this.removedBefore[this.removedBefore.length - 1] + (r.end - r.start));
  }
  /** Index of the first range ending after p. */
  private firstEndingAfter(p: number): number {
    let lo = 0;
    let hi = this.ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ranges[mid].end <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** True when [s, e) shares at least one character with a removed range. */
  intersects(s: number, e: number): boolean {
    const k = this.firstEndingAfter(s);
    return k < this.ranges.length && this.ranges[k].start < e;
  }
  map(p: number): number {
    const k = this.firstEndingAfter(p);
    const removed = this.removedBefore[k];
    if (k < this.ranges.length && this.ranges[k].start < p) return this.ranges[k].start - removed;
    return p - removed;
  }
}

export function cutRanges(text: string, ranges: Span[]): string {
  const parts: string[] = [];
  let p = 0;
  for (const r of ranges) {
    parts.push(text.slice(p, r.start));
    p = r.end;
  }
  parts.push(text.slice(p));
  return parts.join('');
}

/**
 * Removes the given 0-based lines (boilerplate) from text and carries the
 * annotations over. ann is not modified (a copy is returned). Offsets are in
 * UTF-16 units (parse the .ann with the article text).
 */
export function cleanArticle(text: string, ann: BratDocument, boilerplateLines: readonly number[]): CleanResult {
  const lines = splitLines(text);
  const ranges = removalRanges(text, boilerplateLines);
  const map = new RemovalMap(ranges);
  const removedSet = new Set(boilerplateLines);
  const report: CleanReport = {
    removedLines: lines.filter((l) => removedSet.has(l.index) && (l.end > l.start || l.index < lines.length - 1)).map((l) => ({ line: l.index, text: l.text })),
    droppedAnnotations: [],
    droppedOther: [],
  };
  const out = cloneBrat(ann);
  out.problems = [];
  const drop: string[] = [];
  for (const t of textBounds(out)) {
    if (t.fragments.some((f) => map.intersects(f.start, f.end))) {
      drop.push(t.id);
      report.droppedAnnotations.push({ id: t.id, type: t.type, text: t.text });
    } else {
      t.fragments = t.fragments.map((f) => ({ start: map.map(f.start), end: map.map(f.end) }));
    }
  }
  const removed: BratEntry[] = removeWithDependents(out, drop);
  const dropSet = new Set(drop);
  for (const e of removed) if (e.kind !== 'other' && !dropSet.has(e.id)) report.droppedOther.push(e.id);
  return { text: cutRanges(text, ranges), ann: out, report };
}
