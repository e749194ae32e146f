// What a temporal expression is resolved against: the article date, the tense
// of its sentence, and the last date the article mentioned (for anaphoric
// expressions such as "the following year" or "two days later").
import { type Ymd, quarterOf } from './calendar';

export type Tense = 'past' | 'present' | 'future';

export interface ResolveContext {
  /** Article date, when known. */
  dct?: Ymd;
  /** Tense of the sentence around the expression. */
  tense: Tense;
  /** Last explicit date mentioned before the expression (year known), for anaphora. */
  ref?: RefPoint;
  /** Last quarter mentioned (or the one before the article date's quarter). */
  lastQuarter?: { y: number; q: number };
  /** The sentence talks about quarters (earnings-report style "a year earlier"). */
  quarterContext: boolean;
}

export interface RefPoint {
  y: number;
  m?: number;
  d?: number;
}

/** The point anaphoric expressions count from: the last mentioned date, else the article date. */
export function anchorPoint(ctx: ResolveContext): RefPoint | undefined {
  return ctx.ref ?? ctx.dct;
}

export function defaultQuarter(ctx: ResolveContext): { y: number; q: number } | undefined {
  if (ctx.lastQuarter) return ctx.lastQuarter;
  if (!ctx.dct) return undefined;
  const q = quarterOf(ctx.dct.m) - 1;
  return q === 0 ? { y: ctx.dct.y - 1, q: 4 } : { y: ctx.dct.y, q };
}

const FUTURE_RE = /\b(?:will|won't|shall|'ll|going\s+to|plans?\s+to|planned\s+to|intends?\s+to|expects?\s+to|expected\s+to|scheduled|set\s+to|would|next|upcoming|until|is\s+to|are\s+to|as\s+soon\s+as)\b/gi;
const PAST_RE =
  /\b(?:was|were|had|did|didn't|wasn't|weren't|hadn't|said|told|announced|reported|ago|last|earlier|yesterday|previously|recently|came|went|took|made|gave|saw|got|began|left|fell|rose|met|held|won|lost|found|[a-z]{2,}ed)\b/gi;

/**
 * A rough tense for the sentence holding [start, end): the tense marker nearest
 * to the expression wins ("said on Tuesday that Iraq would retaliate" is past).
 */
export function sentenceTense(text: string, start: number, end: number): Tense {
  const s = sentenceAround(text, start, end);
  const relStart = start - s.start;
  const relEnd = end - s.start;
  let best: Tense = 'present';
  let bestDist = Infinity;
  for (const [re, tense] of [[FUTURE_RE, 'future'], [PAST_RE, 'past']] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s.text)) !== null) {
      const a = m.index;
      const b = a + m[0].length;
      if (a >= relStart && b <= relEnd) continue; // inside the expression itself
      // Markers before the expression weigh a little more than those after it.
      const dist = b <= relStart ? relStart - b : (a - relEnd) * 1.5;
      if (dist < bestDist) {
        bestDist = dist;
        best = tense;
      }
    }
  }
  return best;
}

/** The sentence around [start, end), bounded to 300 characters either side. */
export function sentenceAround(text: string, start: number, end: number): { start: number; text: string } {
  const lo = Math.max(0, start - 300);
  let s = lo;
  for (let i = start - 1; i >= lo; i--) {
    const c = text[i];
    if (c === '\n' && (text[i - 1] === '\n' || text[i - 1] === '\r')) {
      s = i + 1;
      break;
    }
    if ((c === ' ' || c === '\n') && /[.!?]/.test(text[i - 1] ?? '') && !/\b(?:[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Inc|Co|Corp|Ltd|U\.S|p\.m|a\.m)\.$/.test(text.slice(Math.max(0, i - 6), i))) {
      s = i + 1;
      break;
    }
  }
  const hi = Math.min(text.length, end + 300);
  let e = hi;
  for (let i = end; i < hi; i++) {
    const c = text[i];
    if ((c === '.' || c === '!' || c === '?') && (i + 1 >= text.length || /\s/.test(text[i + 1]))) {
      e = i + 1;
      break;
    }
    if (c === '\n' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      e = i;
      break;
    }
  }
  return { start: s, text: text.slice(s, e) };
}
