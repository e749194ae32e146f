// Where the rules (and chrono, for numeric dates) find temporal expressions, chunk by chunk: the
// text is cut at line breaks into chunks of at least CHUNK_MIN characters, and each rule scans a
// chunk the way one scan of the whole text would (left to right, a match taken, the next searched
// after it), in a window of the text holding the chunk, CONTEXT_BEFORE characters before it
// (the rules look back at most 16, see rules.ts) and CONTEXT_AFTER after it (a mention running on
// past a line break, the words the rules check after a match). A match may run past its chunk's
// end: that rule's scan of the next chunk then starts after it, as in one scan of the whole text.
// The finds of a chunk depend only on its window (and the article date, for chrono): a DateCache
// keeps them under it, so that after an edit only the chunks it touched are scanned again.
import type { Ymd } from './calendar';
import { findNumericDates, type ExplicitParts } from './explicit';
import type { DateCache } from './incremental';
import { RULES } from './rules';

/** A chunk ends at the first line break once it holds this many characters (or at a space after CHUNK_MAX). */
export const CHUNK_MIN = 500;
const CHUNK_MAX = 4000;
export const CONTEXT_BEFORE = 24;
export const CONTEXT_AFTER = 48;

export interface Candidate {
  start: number;
  end: number;
  /** The rule's index in RULES; RULES.length for a numeric date. */
  priority: number;
  /** The rule's match (its offsets are those of the chunk's window). */
  match?: RegExpExecArray;
  parts?: ExplicitParts;
}

/** What one chunk holds, offsets from the chunk's start. */
export interface ChunkFinds {
  /** Per rule, its candidates in the chunk, scanned from the chunk's start. */
  byRule: Candidate[][];
  /** Per rule, where its scan stands after the chunk: past the chunk's end when its last match runs on. */
  next: number[];
  numeric: Candidate[];
}

/** The end of the chunk starting at `start` (exclusive; just after a line break, or the text's end). */
function chunkEnd(text: string, start: number): number {
  const nl = text.indexOf('\n', start + CHUNK_MIN - 1);
  if (nl >= 0 && nl < start + CHUNK_MAX) return nl + 1;
  if (text.length - start <= CHUNK_MAX) return text.length;
  // A very long line: cut it at a space.
  const sp = text.indexOf(' ', start + CHUNK_MAX);
  return sp < 0 || (nl >= 0 && nl < sp) ? (nl >= 0 ? nl + 1 : text.length) : sp + 1;
}

/** One rule's scan of window[from, to), starting at `at`: its candidates (window offsets) and where it stops. */
function scanRule(window: string, at: number, to: number, priority: number): { found: Candidate[]; next: number } {
  const rule = RULES[priority];
  const re = rule.re;
  const found: Candidate[] = [];
  let next = to;
  re.lastIndex = at;
  let m: RegExpExecArray | null;
  while ((m = re.exec(window)) !== null && m.index < to) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (rule.accept && !rule.accept(m, window)) {
      // Let a shorter match starting later in the same span have its chance.
      re.lastIndex = m.index + 1;
      continue;
    }
    const start = m.index + (rule.spanStart ? rule.spanStart(m, window) : 0);
    const end = m.index + (rule.spanEnd ? rule.spanEnd(m) : m[0].length);
    found.push({ start, end, priority, match: m });
    next = Math.max(to, re.lastIndex);
  }
  re.lastIndex = 0;
  return { found, next };
}

function shift(c: Candidate, by: number): Candidate {
  return by === 0 ? c : { ...c, start: c.start + by, end: c.end + by };
}

/** All of a chunk's finds, scanned from its start (offsets from the chunk's start). */
function scanChunk(window: string, from: number, to: number, dct: Ymd | undefined, numeric: boolean): ChunkFinds {
  const byRule: Candidate[][] = [];
  const next: number[] = [];
  for (let r = 0; r < RULES.length; r++) {
    const s = scanRule(window, from, to, r);
    byRule.push(s.found.map((c) => shift(c, -from)));
    next.push(s.next - from);
  }
  const nums: Candidate[] = [];
  if (numeric) {
    for (const hit of findNumericDates(window, dct)) {
      if (hit.start >= from && hit.start < to) nums.push({ start: hit.start - from, end: hit.end - from, priority: RULES.length, parts: hit.parts });
    }
  }
  return { byRule, next, numeric: nums };
}

/**
 * The candidates of `text` (already cut to the searched length), in no particular order; stops
 * once there are more than `max`. With a cache, a chunk whose window was seen before is not scanned.
 */
export function findCandidates(text: string, dct: Ymd | undefined, numeric: boolean, max: number, cache?: DateCache): Candidate[] {
  const out: Candidate[] = [];
  const dctKey = dct ? `${dct.y}-${dct.m}-${dct.d}` : '';
  // Per rule, where its scan stands (a match running past the previous chunk's end).
  const carry = new Array<number>(RULES.length).fill(0);
  for (let start = 0; start < text.length && out.length <= max; ) {
    const end = chunkEnd(text, start);
    const ws = Math.max(0, start - CONTEXT_BEFORE);
    const we = Math.min(text.length, end + CONTEXT_AFTER);
    const from = start - ws;
    const to = end - ws;
    let window = text.slice(ws, we);
    let finds: ChunkFinds | undefined;
    if (cache) {
      const key = cache.key(window, from, to, numeric, dctKey);
      finds = cache.get(key);
      if (!finds) {
        // Scanned in the key's own copy of the window, which the finds then keep (not the whole text).
        window = cache.windowOf(key, window.length);
        finds = scanChunk(window, from, to, dct, numeric);
        cache.set(key, finds);
      }
    } else finds = scanChunk(window, from, to, dct, numeric);
    for (let r = 0; r < RULES.length; r++) {
      if (carry[r] >= end) continue; // a match runs over the whole chunk
      if (carry[r] > start) {
        // Rare: a match of the previous chunk ran on into this one; this rule's scan resumes after it.
        const s = scanRule(window, carry[r] - ws, to, r);
        for (const c of s.found) out.push(shift(c, ws));
        carry[r] = s.next + ws;
        continue;
      }
      for (const c of finds.byRule[r]) out.push(shift(c, start));
      carry[r] = finds.next[r] + start;
    }
    for (const c of finds.numeric) out.push(shift(c, start));
    start = end;
  }
  return out;
}
