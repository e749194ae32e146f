// The date engine: finds temporal expressions with the rules (and chrono for
// numeric dates), keeps the longest non-overlapping ones, then resolves them in
// reading order so anaphoric expressions ("the following year") count from the
// last date the article mentioned.
import type { DateEngine } from '../engines';
import type { ArticleDateInfo, DateMention, TimexType } from '../types';
import { type Ymd, parseIsoDate, pad, isValidYmd, ymdString } from './calendar';
import { type RefPoint, type ResolveContext, type Tense, sentenceAround, sentenceTense } from './context';
import { findCandidates, type Candidate } from './candidates';
import type { DateCache } from './incremental';
import { RULES, type Resolution } from './rules';

/** Text beyond this many characters is not searched (keeps the work bounded on huge input). */
export const MAX_DATE_TEXT = 2_000_000;
/** At most this many mentions are returned. */
export const MAX_DATE_MENTIONS = 20_000;

export interface DateEngineOptions {
  /** Also look for numeric dates (12/03/1998) with chrono; default true. */
  numericDates?: boolean;
}

export function createDateEngine(options: DateEngineOptions = {}): DateEngine {
  const numeric = options.numericDates ?? true;
  return {
    name: 'rules+chrono',
    recognize(text: string, articleDate: ArticleDateInfo | undefined, cache?: DateCache): DateMention[] {
      return recognizeDates(text, articleDate, numeric, cache);
    },
  };
}

/**
 * The temporal expressions of text, resolved against the article date. With a cache (the editor's
 * re-analysis after each edit), the chunks of text seen before are not scanned again (see
 * candidates.ts); the results are exactly those without it.
 */
export function recognizeDates(text: string, articleDate: ArticleDateInfo | undefined, numeric = true, cache?: DateCache): DateMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const limit = Math.min(text.length, MAX_DATE_TEXT);
  const src = limit < text.length ? text.slice(0, limit) : text;
  const dct = parseIsoDate(articleDate?.value);

  const candidates = findCandidates(src, dct, numeric, MAX_DATE_MENTIONS * 4, cache);

  // Longest first, then rule order; keep those that do not overlap a kept one.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const taken = new Uint8Array(src.length);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) taken[i] = 1;
    kept.push(c);
    if (kept.length >= MAX_DATE_MENTIONS) break;
  }
  kept.sort((a, b) => a.start - b.start);

  const out: DateMention[] = [];
  let ref: RefPoint | undefined;
  let lastQuarter: { y: number; q: number } | undefined;
  let lastQuarterAt = -Infinity;
  const dctAnchor = articleDate && dct ? `article date ${ymdString(dct)} (${articleDate.source})` : undefined;
  for (const c of kept) {
    let refUsed = false;
    // The tense and the quarter context read the sentence around the mention: worked out only
    // for the rules that ask (most mentions, "2019" or "three years", do not).
    let tense: Tense | undefined;
    let quarterContext: boolean | undefined;
    const quarterNear = c.start - lastQuarterAt < 1500;
    const ctx: ResolveContext = {
      dct,
      get tense() {
        return (tense ??= sentenceTense(src, c.start, c.end));
      },
      get ref() {
        if (ref) refUsed = true;
        return ref;
      },
      lastQuarter,
      // Earnings-report style: "a year earlier" means the year-ago quarter when quarters are being discussed.
      get quarterContext() {
        return (quarterContext ??= /\bquarter|\bperiod\b/i.test(sentenceAround(src, c.start, c.end).text) || quarterNear);
      },
    };
    let r: Resolution;
    try {
      r = c.match ? RULES[c.priority].resolve(c.match, ctx) : numericResolution(c.parts ?? {});
    } catch {
      r = { type: 'DATE', value: null, note: 'could not be resolved' };
    }
    const mentionText = src.slice(c.start, c.end);
    const mention: DateMention = { start: c.start, end: c.end, text: mentionText, type: r.type, value: r.value };
    const absolute = /\d{4}|['’]\d0s|\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/i.test(mentionText) || r.type === 'DURATION' || r.type === 'SET' || /_REF$/.test(r.value ?? '');
    if (!absolute) {
      if (refUsed && ref) mention.anchor = `earlier date in the text ${refString(ref)}`;
      else if (dctAnchor) mention.anchor = dctAnchor;
    }
    if (r.note) mention.note = r.note;
    out.push(mention);
    if (r.setsRef && r.value && !/^X/.test(r.value)) ref = r.setsRef;
    if (r.setsQuarter) {
      lastQuarter = r.setsQuarter;
      lastQuarterAt = c.end;
    }
  }
  return out;
}

function refString(p: RefPoint): string {
  return p.d !== undefined && p.m !== undefined ? `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}` : p.m !== undefined ? `${pad(p.y, 4)}-${pad(p.m)}` : pad(p.y, 4);
}

function numericResolution(parts: { year?: number; month?: number; day?: number }): Resolution {
  const type: TimexType = 'DATE';
  if (!parts.month || !parts.day) return { type, value: null, note: 'incomplete date' };
  if (parts.year === undefined) return { type, value: `XXXX-${pad(parts.month)}-${pad(parts.day)}`, note: 'year not given' };
  const v: Ymd = { y: parts.year, m: parts.month, d: parts.day };
  if (!isValidYmd(v)) return { type, value: null, note: 'not a valid calendar date' };
  return { type, value: ymdString(v), setsRef: v };
}
