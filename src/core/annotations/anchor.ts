// Re-anchoring: when the .txt was changed outside the editor (or by another
// tool), an annotation's offsets may no longer cover its recorded text. We look
// for the recorded text in the article:
//   - found exactly once → moved there ('reanchored');
//   - found several times → if one occurrence lies at the same shift as the
//     neighbouring annotations that were placed with certainty (the one before
//     or after it), or at the shift most annotations agree on, it is taken
//     ('reanchored'): an edit elsewhere moves every later annotation by the
//     same amount, so a shared shift is strong evidence. Otherwise the nearest
//     occurrence is taken but flagged 'ambiguous' for the user to confirm;
//   - not found → flagged 'not-found', offsets left where they were.
// Discontinuous annotations keep the distances between their fragments.
import { coversRecordedText, lineSafe, type Anchored, type Fragment, type TextBound } from './brat';
import { preview } from './edits';

/** At most this many occurrences are considered (bounds work on huge text). */
const MAX_CANDIDATES = 2000;

export interface AnchorOutcome<T extends Anchored> {
  item: T;
  /** 'damaged': saved while damaged, left where it is for the user to check. */
  status: 'ok' | 'reanchored' | 'ambiguous' | 'not-found' | 'damaged';
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
export function findCandidates(text: string, a: Anchored, fragTexts?: string[], safeTextGiven?: string): number[] {
  const parts = fragTexts ?? fragmentTexts(a);
  if (!parts || parts.length === 0 || parts[0].length === 0) return [];
  const safeText = safeTextGiven ?? lineSafe(text);
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

/** Moves a to start, with the fragment layout of probe (its original one when damaged). */
function moveTo(a: Anchored, start: number, parts: string[], probe: Anchored = a): void {
  const base = probe.fragments[0].start;
  a.fragments = probe.fragments.map(
    (f, k): Fragment => ({ start: start + (f.start - base), end: start + (f.start - base) + parts[k].length }),
  );
}

/** What to look for: the recorded (or original) text with its fragment layout. */
function probeOf(item: Anchored): Anchored {
  const wanted = item.damage?.originalText ?? item.text;
  const layout = item.damage?.originalLayout;
  const base = item.fragments[0]?.start ?? 0;
  if (layout && layout.rel.length === layout.lens.length && layout.rel.length > 0) {
    return { text: wanted, fragments: layout.rel.map((r, i) => ({ start: base + r, end: base + r + layout.lens[i] })) };
  }
  return { text: wanted, fragments: item.fragments };
}

/**
 * Checks each item against the text and re-anchors those whose offsets no longer
 * cover their recorded text. Items are mutated; damage is set on the ones that
 * could not be placed with certainty, and cleared on those that could.
 */
export function reanchor<T extends Anchored>(text: string, items: T[]): AnchorOutcome<T>[] {
  const out: AnchorOutcome<T>[] = [];
  let safeText: string | undefined;
  const cache = new Map<string, number[]>();
  // Pass 1: exact, unique, missing; several candidates wait for pass 2.
  const pending: { k: number; parts: string[]; cands: number[]; wanted: string; probe: Anchored }[] = [];
  items.forEach((item, k) => {
    const from = item.fragments[0]?.start ?? 0;
    if (item.fragments.length === 0) {
      out.push({ item, status: 'not-found', from });
      return;
    }
    const probe = probeOf(item);
    const wanted = probe.text;
    if (coversRecordedText(text, probe)) {
      item.fragments = probe.fragments.map((f) => ({ ...f }));
      item.text = wanted;
      delete item.damage;
      out.push({ item, status: 'ok', from });
      return;
    }
    const parts = fragmentTexts(probe);
    let cands: number[] = [];
    if (parts) {
      const key = parts.join('\u0000') + '\u0001' + probe.fragments.map((f) => f.start - probe.fragments[0].start).join(',');
      const hit = cache.get(key);
      if (hit) cands = hit;
      else {
        safeText ??= lineSafe(text);
        cands = findCandidates(text, probe, parts, safeText);
        cache.set(key, cands);
      }
    }
    if (cands.length === 0 || !parts) {
      item.damage = {
        reason: 'not-found',
        originalText: wanted,
        message: `"${preview(wanted)}" is no longer in the text at this place nor anywhere else; the annotation needs checking.`,
      };
      out.push({ item, status: 'not-found', from });
      return;
    }
    if (cands.length === 1) {
      moveTo(item, cands[0], parts, probe);
      item.text = wanted;
      delete item.damage;
      out.push({ item, status: 'reanchored', from });
      return;
    }
    out.push({ item, status: 'ambiguous', from });
    pending.push({ k, parts, cands, wanted, probe });
  });
  if (pending.length === 0) return out;

  // Pass 2, repeated while it places something: shifts of the items placed with
  // certainty (in order of their old offsets) and the shift most pending items share.
  let left = pending;
  for (let round = 0; left.length && round < 20; round++) {
    const anchors = out
      .filter((o) => o.status === 'ok' || o.status === 'reanchored')
      .map((o) => ({ from: o.from, delta: o.item.fragments[0].start - o.from }))
      .sort((a, b) => a.from - b.from);
    const votes = new Map<number, number>();
    for (const p of left) {
      const from = out[p.k].from;
      // candidates are in increasing order: the 50 nearest lie around the old offset
      const at = lowerBound(p.cands, from);
      const nearest = p.cands.length > 50 ? p.cands.slice(Math.max(0, at - 25), at + 25) : p.cands;
      for (const c of nearest) votes.set(c - from, (votes.get(c - from) ?? 0) + 1);
    }
    let common: number | undefined;
    let best = 1; // a shift needs at least two items agreeing on it
    for (const [d, n] of votes) if (n > best || (n === best && common !== undefined && Math.abs(d) < Math.abs(common))) [common, best] = [d, n];
    const neighbourDeltas = (from: number): number[] => {
      let lo = 0;
      let hi = anchors.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (anchors[mid].from < from) lo = mid + 1;
        else hi = mid;
      }
      return [anchors[lo - 1]?.delta, anchors[lo]?.delta].filter((d): d is number => d !== undefined);
    };
    const still: typeof pending = [];
    for (const p of left) {
      const o = out[p.k];
      const isCand = (x: number) => p.cands[lowerBound(p.cands, x)] === x;
      const sure = [...neighbourDeltas(o.from), ...(common !== undefined ? [common] : [])].find((d) => isCand(o.from + d));
      if (sure === undefined) {
        still.push(p);
        continue;
      }
      moveTo(o.item, o.from + sure, p.parts, p.probe);
      o.item.text = p.wanted;
      delete o.item.damage;
      o.status = 'reanchored';
    }
    if (still.length === left.length) break;
    left = still;
  }
  for (const p of left) {
    const o = out[p.k];
    let nearest = p.cands[0];
    for (const c of p.cands) if (Math.abs(c - o.from) < Math.abs(nearest - o.from)) nearest = c;
    moveTo(o.item, nearest, p.parts, p.probe);
    o.item.damage = {
      reason: 'ambiguous',
      originalText: p.wanted,
      message: `"${preview(p.wanted)}" moved; it occurs ${p.cands.length}${p.cands.length >= MAX_CANDIDATES ? '+' : ''} times, the nearest one was taken — please check.`,
    };
  }
  // A place is accepted only when it covers the recorded text, every fragment included (a layout
  // shifted by characters of another width next to the annotation must not pass unflagged).
  for (const o of out) {
    if ((o.status === 'reanchored' || o.status === 'ambiguous') && !coversRecordedText(text, o.item)) {
      const wanted = o.item.damage?.originalText ?? o.item.text;
      o.item.damage = {
        reason: 'not-found',
        originalText: wanted,
        message: `"${preview(wanted)}" could not be placed so that every fragment covers its recorded text; the annotation needs checking.`,
      };
      o.status = 'not-found';
    }
  }
  return out;
}

/** First index of sorted xs whose value is >= x. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Re-anchors one damaged item to the occurrence of its original text nearest to where it is now (a quick fix). */
export function reanchorNearest(text: string, item: Anchored): boolean {
  const probe = probeOf(item);
  const parts = fragmentTexts(probe);
  if (!parts) return false;
  const cands = findCandidates(text, probe, parts);
  if (cands.length === 0) return false;
  const from = item.fragments[0].start;
  let best = cands[0];
  for (const c of cands) if (Math.abs(c - from) < Math.abs(best - from)) best = c;
  moveTo(item, best, parts, probe);
  item.text = probe.text;
  delete item.damage;
  return true;
}

/** Accepts the text now under a damaged annotation as its text (the user says the edit is fine). */
export function acceptCurrentText(text: string, item: Anchored): void {
  item.text = lineSafe(item.fragments.map((f) => text.slice(f.start, f.end)).join(' '));
  delete item.damage;
}

/**
 * Re-anchors a document's annotations on load, except those saved while damaged
 * (persisted in the sidecar): they stay flagged where they are, unless their
 * original text is back under them, so that they are never moved silently.
 */
export function reanchorAnnotations(
  text: string,
  annotations: TextBound[],
  persisted: readonly { id: string; text: string }[] = [],
): AnchorOutcome<TextBound>[] {
  const saved = new Map(persisted.map((d) => [d.id, d.text]));
  const free: TextBound[] = [];
  const kept: AnchorOutcome<TextBound>[] = [];
  for (const t of annotations) {
    const original = saved.get(t.id);
    if (original === undefined || coversRecordedText(text, { fragments: t.fragments, text: original })) {
      free.push(t);
      continue;
    }
    t.damage = {
      reason: 'edited',
      originalText: original,
      message: `The annotated text "${preview(original)}" was edited; its annotation may no longer be right.`,
    };
    kept.push({ item: t, status: 'damaged', from: t.fragments[0]?.start ?? 0 });
  }
  return [...reanchor(text, free), ...kept];
}
