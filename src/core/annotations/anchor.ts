// Re-anchoring: when the .txt was changed outside the editor (or by another
// tool), an annotation's offsets may no longer cover its recorded text. We look
// for the recorded text in the article:
//   - found exactly once → moved there ('reanchored');
//   - found several times → moved to the occurrence nearest the old offset, but
//     flagged 'ambiguous' so the user confirms it (text edited elsewhere usually
//     shifts offsets by a little, so the nearest occurrence is the likely one,
//     but we do not pretend to know);
//   - not found → flagged 'not-found', offsets left where they were.
// Discontinuous annotations keep the distances between their fragments.
import { coversRecordedText, lineSafe, type Anchored, type Fragment } from './brat';
import { preview } from './edits';

/** At most this many occurrences are considered (bounds work on huge text). */
const MAX_CANDIDATES = 2000;

export interface AnchorOutcome<T extends Anchored> {
  item: T;
  status: 'ok' | 'reanchored' | 'ambiguous' | 'not-found';
  /** Offset of the first fragment before re-anchoring. */
  from: number;
}

/** Splits a recorded text into the texts of each fragment (lengths from the offsets); undefined if they do not add up. */
function fragmentTexts(a: Anchored): string[] | undefined {
  const lens = a.fragments.map((f) => f.end - f.start);
  const total = lens.reduce((s, l) => s + l, 0) + Math.max(0, lens.length - 1);
  if (total !== a.text.length) {
    return a.fragments.length === 1 ? [a.text] : undefined;
  }
  const out: string[] = [];
  let p = 0;
  for (const l of lens) {
    out.push(a.text.slice(p, p + l));
    p += l + 1;
  }
  return out;
}

/** Start offsets (first fragment) where every fragment's text is found at its relative place. */
export function findCandidates(text: string, a: Anchored, fragTexts?: string[]): number[] {
  const parts = fragTexts ?? fragmentTexts(a);
  if (!parts || parts.length === 0 || parts[0].length === 0) return [];
  const safeText = lineSafe(text);
  const safeParts = parts.map(lineSafe);
  const rel = a.fragments.map((f) => f.start - a.fragments[0].start);
  const out: number[] = [];
  let from = 0;
  while (out.length < MAX_CANDIDATES) {
    const i = safeText.indexOf(safeParts[0], from);
    if (i < 0) break;
    let ok = true;
    for (let k = 1; k < safeParts.length && ok; k++) {
      const s = i + rel[k];
      ok = s >= 0 && safeText.startsWith(safeParts[k], s);
    }
    if (ok) out.push(i);
    from = i + 1;
  }
  return out;
}

function moveTo(a: Anchored, start: number, parts: string[]): void {
  const base = a.fragments[0].start;
  a.fragments = a.fragments.map(
    (f, k): Fragment => ({ start: start + (f.start - base), end: start + (f.start - base) + parts[k].length }),
  );
}

/**
 * Checks each item against the text and re-anchors those whose offsets no longer
 * cover their recorded text. Items are mutated; damage is set on the ones that
 * could not be placed with certainty, and cleared on those that could.
 */
export function reanchor<T extends Anchored>(text: string, items: T[]): AnchorOutcome<T>[] {
  return items.map((item) => {
    const from = item.fragments[0]?.start ?? 0;
    if (item.fragments.length === 0) return { item, status: 'not-found', from };
    const wanted = item.damage?.originalText ?? item.text;
    const probe: Anchored = { fragments: item.fragments, text: wanted };
    if (coversRecordedText(text, probe)) {
      item.text = wanted;
      delete item.damage;
      return { item, status: 'ok', from };
    }
    const parts = fragmentTexts(probe);
    const cands = parts ? findCandidates(text, probe, parts) : [];
    if (cands.length === 0 || !parts) {
      item.damage = {
        reason: 'not-found',
        originalText: wanted,
        message: `"${preview(wanted)}" is no longer in the text at this place nor anywhere else; the annotation needs checking.`,
      };
      return { item, status: 'not-found', from };
    }
    if (cands.length === 1) {
      moveTo(item, cands[0], parts);
      item.text = wanted;
      delete item.damage;
      return { item, status: 'reanchored', from };
    }
    let best = cands[0];
    for (const c of cands) if (Math.abs(c - from) < Math.abs(best - from)) best = c;
    moveTo(item, best, parts);
    item.damage = {
      reason: 'ambiguous',
      originalText: wanted,
      message: `"${preview(wanted)}" moved; it occurs ${cands.length}${cands.length >= MAX_CANDIDATES ? '+' : ''} times, the nearest one was taken — please check.`,
    };
    return { item, status: 'ambiguous', from };
  });
}

/** Re-anchors one damaged item to the occurrence of its original text nearest to where it is now (a quick fix). */
export function reanchorNearest(text: string, item: Anchored): boolean {
  const wanted = item.damage?.originalText ?? item.text;
  const probe: Anchored = { fragments: item.fragments, text: wanted };
  const parts = fragmentTexts(probe);
  if (!parts) return false;
  const cands = findCandidates(text, probe, parts);
  if (cands.length === 0) return false;
  const from = item.fragments[0].start;
  let best = cands[0];
  for (const c of cands) if (Math.abs(c - from) < Math.abs(best - from)) best = c;
  moveTo(item, best, parts);
  item.text = wanted;
  delete item.damage;
  return true;
}

/** Accepts the text now under a damaged annotation as its text (the user says the edit is fine). */
export function acceptCurrentText(text: string, item: Anchored): void {
  item.text = lineSafe(item.fragments.map((f) => text.slice(f.start, f.end)).join(' '));
  delete item.damage;
}
