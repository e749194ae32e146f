// Suggestions vs confirmed annotations. What the engines find are suggestions;
// a confirmed annotation is a brat T line. A suggestion is shown while it is
// neither confirmed (a T annotation overlaps it: the user has decided about that
// text) nor rejected (a rejection with the same span and label).
import { KIND_TO_LABEL, type EntityKind, type EntityMention, type Span } from '../types';
import { addTextBound, textBounds, type BratDocument, type TextBound } from './brat';
import type { Rejection } from './rejections';

export interface Suggestion extends Span {
  text: string;
  label: string;
  kind: EntityKind;
  source: string;
  confidence?: number;
}

export function labelOfKind(kind: EntityKind): string {
  return KIND_TO_LABEL[kind] ?? 'MISC';
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Engine entities that still wait for a decision, sorted by start. */
export function pendingSuggestions(entities: readonly EntityMention[], doc: BratDocument, rejections: readonly Rejection[]): Suggestion[] {
  const confirmed = textBounds(doc).flatMap((t) => t.fragments);
  confirmed.sort((a, b) => a.start - b.start);
  const rejected = new Set(rejections.filter((r) => !r.damage).map((r) => `${r.fragments[0].start}:${r.fragments[0].end}:${r.label}`));
  const out: Suggestion[] = [];
  for (const e of entities) {
    if (e.end <= e.start) continue;
    const label = labelOfKind(e.kind);
    if (rejected.has(`${e.start}:${e.end}:${label}`)) continue;
    if (anyOverlap(confirmed, e)) continue;
    out.push({ start: e.start, end: e.end, text: e.text, label, kind: e.kind, source: e.source, confidence: e.confidence });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Fragments sorted by start: only those starting before s.end can overlap it. */
function anyOverlap(sorted: Span[], s: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < s.end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) if (overlaps(sorted[i], s)) return true;
  return false;
}

/** Confirms a suggestion: it becomes a T annotation. */
export function acceptSuggestion(doc: BratDocument, text: string, s: Span & { label: string }): TextBound {
  return addTextBound(doc, text, s.label, [{ start: s.start, end: s.end }]);
}

/** Rejects a suggestion: it is remembered (and no longer suggested). */
export function rejectSuggestion(rejections: Rejection[], text: string, s: Span & { label: string }): Rejection {
  const existing = rejections.find((r) => r.fragments[0].start === s.start && r.fragments[0].end === s.end && r.label === s.label);
  if (existing) return existing;
  const r: Rejection = { label: s.label, text: text.slice(s.start, s.end), fragments: [{ start: s.start, end: s.end }] };
  rejections.push(r);
  return r;
}

/** The suggestion under an offset (the innermost), if any. */
export function suggestionAt(suggestions: readonly Suggestion[], offset: number): Suggestion | undefined {
  let best: Suggestion | undefined;
  for (const s of suggestions) {
    if (s.start <= offset && offset <= s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
  }
  return best;
}

/** The confirmed annotation under an offset (the innermost), if any. */
export function annotationAt(doc: BratDocument, offset: number): TextBound | undefined {
  let best: TextBound | undefined;
  let bestLen = Infinity;
  for (const t of textBounds(doc)) {
    for (const f of t.fragments) {
      if (f.start <= offset && offset <= f.end && f.end - f.start < bestLen) {
        best = t;
        bestLen = f.end - f.start;
      }
    }
  }
  return best;
}
