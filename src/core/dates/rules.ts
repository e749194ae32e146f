// The recognition rules: one regular expression per kind of temporal
// expression, with TimeML boundaries (no leading "on"/"in"/"since"; determiners
// and modifiers included the way TimeBank marks them), and a function that
// resolves what it matched to a TimeML type and value.
//
// Every pattern is built from plain alternations and bounded repetitions (no
// nested quantifiers), so matching untrusted text stays linear.
import type { TimexType } from '../types';
import {
  type Ymd, addDays, addMonths, isoWeekday, pad, quarterOf, weekString, ymString, ymdString, isValidYmd, daysInMonth,
} from './calendar';
import { type ResolveContext, type RefPoint, anchorPoint, defaultQuarter } from './context';
import { parseExplicit } from './explicit';
import {
  DAY_PARTS, DAY_PART_RE, MONTHS, MONTH_RE, NUMBER_RE, QUANT_RE, SEASONS, SEASON_RE, SPOKEN_YEAR_RE, UNIT_RE, WEEKDAYS,
  WEEKDAY_RE, durationValue, parseOrdinal, parseQuantity, parseSpokenYear, parseUnit, type Unit,
} from './lexicon';

export interface Resolution {
  type: TimexType;
  value: string | null;
  note?: string;
  /** A date the expression establishes as reference for later anaphora. */
  setsRef?: RefPoint;
  /** A quarter the expression establishes for later "the quarter". */
  setsQuarter?: { y: number; q: number };
}

export interface Rule {
  name: string;
  re: RegExp;
  /**
   * Extra check on the match (capitalisation of ambiguous words, context). Context is read at most
   * 24 characters before the match and 48 after its end: the window the engine scans a chunk of
   * text in (see candidates.ts).
   */
  accept?: (m: RegExpExecArray, text: string) => boolean;
  resolve: (m: RegExpExecArray, ctx: ResolveContext) => Resolution;
  /** Where the mention starts inside the match, when the match needs its leading words for context only. */
  spanStart?: (m: RegExpExecArray, text: string) => number;
  /** Where the mention ends inside the match (default: the match's end). */
  spanEnd?: (m: RegExpExecArray) => number;
}

const NO_DCT = 'relative to the article date, which is unknown';
const YEAR_UNKNOWN = 'year unknown: no article date';

// ---- building blocks -------------------------------------------------------

const YEAR = String.raw`(?:1[7-9]\d\d|20\d\d)(?!\d)(?![.,]\d)`;
const DAY = String.raw`(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?`;
const MOD_DUR = String.raw`(?:more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|no\s+less\s+than|nearly|almost|at\s+least|at\s+most|over(?=\s+an?\s)|up\s+to|close\s+to|well\s+over)`;
const DUR_ADJ = String.raw`(?:past|last|next|first|coming|previous|following|latest|final|remaining|initial|same|ensuing|preceding|prior|recent|full|entire|whole|additional|further|other)`;
const DET = String.raw`(?:the|its|their|his|her|our|this|that|these|those|a|an)`;
const PART_MOD = String.raw`(?:(?:earlier|later|early|late)\s+in|early|earlier|late|later|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+balance\s+of)`;
const START = String.raw`(?<![A-Za-z0-9\u00C0-\u024F$£€#'’/-])`;
const END = String.raw`(?![A-Za-z0-9\u00C0-\u024F])`;

function rx(body: string): RegExp {
  return new RegExp(START + '(?:' + body + ')' + END, 'gid');
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ');

function monthNumber(raw: string): number {
  return MONTHS[raw.toLowerCase().replace(/\.$/, '')] ?? 0;
}

// ---- resolution helpers ----------------------------------------------------

function dateVal(v: Ymd): string {
  return ymdString(v);
}

/** Year of a month (or month-day) without a year, chosen by tense around the article date. */
function yearForMonth(ctx: ResolveContext, month: number, day?: number): number | undefined {
  const dct = ctx.dct;
  if (!dct) return undefined;
  // Months ahead of the article date (negative: behind it); a later day in the same month counts as ahead.
  let diff = month - dct.m;
  if (diff === 0 && day !== undefined) diff = day > dct.d ? 0.5 : day < dct.d ? -0.5 : 0;
  if (ctx.tense === 'future') return diff < -2 ? dct.y + 1 : dct.y;
  // Past tense still allows a month or two ahead (deadlines: "by May"); otherwise up to four months ahead.
  const window = ctx.tense === 'past' ? 2 : 4;
  return diff > window ? dct.y - 1 : dct.y;
}

function monthDay(ctx: ResolveContext, month: number, day: number, year?: number): Resolution {
  if (year !== undefined) {
    const v = { y: year, m: month, d: day };
    if (!isValidYmd(v)) return { type: 'DATE', value: null, note: 'not a valid calendar date' };
    return { type: 'DATE', value: dateVal(v), setsRef: v };
  }
  const y = yearForMonth(ctx, month, day);
  if (y === undefined) return { type: 'DATE', value: `XXXX-${pad(month)}-${pad(day)}`, note: YEAR_UNKNOWN };
  const v = { y, m: month, d: Math.min(day, daysInMonth(y, month)) };
  return { type: 'DATE', value: dateVal(v), setsRef: v };
}

function monthOnly(ctx: ResolveContext, month: number, year?: number): Resolution {
  const y = year ?? yearForMonth(ctx, month);
  if (y === undefined) return { type: 'DATE', value: `XXXX-${pad(month)}`, note: YEAR_UNKNOWN };
  return { type: 'DATE', value: ymString(y, month), setsRef: { y, m: month } };
}

function weekdayDate(ctx: ResolveContext, wd: number, dir?: -1 | 0 | 1): Ymd | undefined {
  const dct = ctx.dct;
  if (!dct) return undefined;
  const cur = isoWeekday(dct);
  if (dir === -1) return addDays(dct, -(((cur - wd + 7) % 7) || 7));
  if (dir === 1) return addDays(dct, ((wd - cur + 7) % 7) || 7);
  if (dir === 0) return addDays(dct, wd - cur);
  if (wd === cur) return dct;
  if (ctx.tense === 'future') return addDays(dct, (wd - cur + 7) % 7);
  return addDays(dct, -((cur - wd + 7) % 7));
}

function valueAtGranularity(v: Ymd, unit: Unit): string {
  switch (unit) {
    case 'year': return pad(v.y, 4);
    case 'decade': return pad(v.y, 4).slice(0, 3);
    case 'century': return pad(v.y, 4).slice(0, 2);
    case 'quarter': return `${pad(v.y, 4)}-Q${quarterOf(v.m)}`;
    case 'month': return ymString(v.y, v.m);
    case 'week': return weekString(v);
    case 'weekend': return weekString(v) + '-WE';
    default: return dateVal(v);
  }
}

function shift(v: Ymd, unit: Unit, n: number): Ymd {
  switch (unit) {
    case 'year': return addMonths(v, 12 * n);
    case 'decade': return addMonths(v, 120 * n);
    case 'century': return addMonths(v, 1200 * n);
    case 'quarter': return addMonths(v, 3 * n);
    case 'month': return addMonths(v, n);
    case 'week': case 'weekend': return addDays(v, 7 * n);
    case 'day': case 'night': return addDays(v, n);
    default: return v;
  }
}

function refYmd(p: RefPoint | undefined): Ymd | undefined {
  return p ? { y: p.y, m: p.m ?? 1, d: p.d ?? 1 } : undefined;
}

/** Anchor for day-level anaphora ("the day before", "two days later"): the last date with a day, else the article date. */
function dayAnchor(ctx: ResolveContext): Ymd | undefined {
  const p = anchorPoint(ctx);
  if (p && p.m !== undefined && p.d !== undefined) return { y: p.y, m: p.m, d: p.d };
  return ctx.dct;
}

/** Anchor for anaphora at a unit's granularity: the last date precise enough for it, else the article date. */
function unitAnchor(ctx: ResolveContext, unit: Unit): Ymd | undefined {
  if (unit === 'day' || unit === 'night' || unit === 'week' || unit === 'weekend' || unit === 'hour' || unit === 'minute' || unit === 'second') return dayAnchor(ctx);
  const p = anchorPoint(ctx);
  if (!p) return undefined;
  if ((unit === 'month' || unit === 'quarter') && p.m === undefined) return ctx.dct ?? refYmd(p);
  return refYmd(p);
}

function quarterShift(q: { y: number; q: number }, n: number): { y: number; q: number } {
  const t = q.y * 4 + (q.q - 1) + n;
  return { y: Math.floor(t / 4), q: (t % 4) + 1 };
}

const qv = (q: { y: number; q: number }) => `${pad(q.y, 4)}-Q${q.q}`;

/** Year of an ordinal quarter given without a year. */
function yearForQuarter(ctx: ResolveContext, q: number): number | undefined {
  const dct = ctx.dct;
  if (!dct) return undefined;
  const cur = quarterOf(dct.m);
  if (q > cur && ctx.tense !== 'future') return dct.y - 1;
  return dct.y;
}

function seasonYear(ctx: ResolveContext, s: string, off: number | undefined): number | undefined {
  const dct = ctx.dct;
  if (!dct) return undefined;
  const start = { SP: 3, SU: 6, FA: 9, WI: 12 }[s] ?? 6;
  const end = start + 2;
  if (off === -1) return dct.m > end || (s === 'WI' && dct.m >= 3 && dct.m < 12) ? dct.y - (s === 'WI' ? 1 : 0) : dct.y - 1;
  if (off === 1) return dct.m < start ? dct.y : dct.y + 1;
  if (ctx.tense === 'past' && dct.m < start) return dct.y - 1;
  return dct.y;
}

const DET_OFFSETS: Record<string, { off: number; anaphoric: boolean }> = {
  this: { off: 0, anaphoric: false }, 'the current': { off: 0, anaphoric: false }, 'the present': { off: 0, anaphoric: false },
  current: { off: 0, anaphoric: false },
  last: { off: -1, anaphoric: false }, past: { off: -1, anaphoric: false }, 'the past': { off: -1, anaphoric: false },
  'the last': { off: -1, anaphoric: false }, 'this past': { off: -1, anaphoric: false }, 'the latest': { off: -1, anaphoric: false },
  previous: { off: -1, anaphoric: true }, 'the previous': { off: -1, anaphoric: true }, 'the prior': { off: -1, anaphoric: true },
  'the preceding': { off: -1, anaphoric: true },
  next: { off: 1, anaphoric: false }, 'this coming': { off: 1, anaphoric: false }, 'the coming': { off: 1, anaphoric: false },
  coming: { off: 1, anaphoric: false },
  'the next': { off: 1, anaphoric: true }, 'the following': { off: 1, anaphoric: true },
  that: { off: 0, anaphoric: true }, 'the same': { off: 0, anaphoric: true },
};

// ---- the rules ---------------------------------------------------------------

const REL_DET = String.raw`(?:this\s+past|this\s+coming|the\s+past|the\s+last|the\s+previous|the\s+prior|the\s+preceding|the\s+following|the\s+coming|the\s+current|the\s+present|the\s+next|the\s+latest|the\s+same|this|last|next|past|previous|coming|current|that)`;

const rules: Rule[] = [];

// 10:30 a.m. EST Wednesday, 3 p.m., 14:00 GMT
rules.push({
  name: 'clock-time',
  re: rx(String.raw`(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?<h>[01]?\d|2[0-4])(?:(?<sep>[:.])(?<mi>[0-5]\d))?\s?(?<ap>a\.m\.?|p\.m\.?|am|pm)?(?:\s+(?<tz>EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET|BST|CET|local\s+time|Eastern\s+(?:standard\s+|daylight\s+)?time))?(?:,?\s+(?:(?<day>today|yesterday|tomorrow|tonight)|(?<wd>${WEEKDAY_RE})|(?<mon>${MONTH_RE})\s+(?<dd>${DAY})))?`),
  accept: (m) => {
    const g = m.groups!;
    if (g.ap) return g.sep === undefined || g.sep === ':' || g.sep === '.';
    return g.sep === ':' && g.mi !== undefined && Number(g.h) <= 24;
  },
  resolve: (m, ctx) => {
    const g = m.groups!;
    const parsed = parseExplicit(m[0], ctx.dct);
    let h = parsed?.hour ?? Number(g.h);
    const mi = parsed?.minute ?? (g.mi ? Number(g.mi) : 0);
    if (!parsed && g.ap && /^p/i.test(g.ap) && h < 12) h += 12;
    if (!parsed && g.ap && /^a/i.test(g.ap) && h === 12) h = 0;
    let day: Ymd | undefined;
    if (g.day) day = ctx.dct ? addDays(ctx.dct, { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 }[lower(g.day)] ?? 0) : undefined;
    else if (g.wd) day = weekdayDate(ctx, WEEKDAYS[lower(g.wd)]);
    else if (g.mon) {
      const r = monthDay(ctx, monthNumber(g.mon), parseInt(g.dd, 10));
      return { type: 'TIME', value: r.value ? `${r.value}T${pad(h)}:${pad(mi)}` : null, note: r.note };
    } else day = ctx.dct;
    const t = `T${pad(h)}:${pad(mi)}`;
    if (!day) return { type: 'TIME', value: `XXXX-XX-XX${t}`, note: 'day unknown: no article date' };
    return { type: 'TIME', value: dateVal(day) + t };
  },
});

// noon, midnight Friday
rules.push({
  name: 'noon-midnight',
  re: rx(String.raw`(?:(?:about|around|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?<w>noon|midnight|midday|mid-day)(?:\s+(?:(?<day>today|yesterday|tomorrow)|(?<wd>${WEEKDAY_RE})))?`),
  accept: (m, text) => !/\bhigh\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index)),
  resolve: (m, ctx) => {
    const g = m.groups!;
    const t = /midnight/i.test(g.w) ? 'T24:00' : 'T12:00';
    let day: Ymd | undefined = ctx.dct;
    if (g.day && ctx.dct) day = addDays(ctx.dct, { today: 0, yesterday: -1, tomorrow: 1 }[lower(g.day)] ?? 0);
    else if (g.wd) day = weekdayDate(ctx, WEEKDAYS[lower(g.wd)]);
    if (!day) return { type: 'TIME', value: 'XXXX-XX-XX' + t, note: 'day unknown: no article date' };
    return { type: 'TIME', value: dateVal(day) + t };
  },
});

// Friday, Oct. 13, 1998 / Oct. 13 / October 13th, 1998
rules.push({
  name: 'month-day',
  re: rx(String.raw`(?:(?<wd>${WEEKDAY_RE}),?\s+)?(?:(?<pre>early|late|mid)[\s-]+)?(?<mon>${MONTH_RE})\s+(?<day>${DAY})(?:,?\s+(?<year>${YEAR}))?`),
  accept: (m) => monthCaseOk(m.groups!.mon),
  resolve: (m, ctx) => {
    const g = m.groups!;
    const month = monthNumber(g.mon);
    const day = parseInt(g.day, 10);
    const year = g.year ? Number(g.year) : undefined;
    if (year === undefined && g.wd && ctx.dct) {
      // A weekday pins the year when the article date does not.
      for (const y of [ctx.dct.y, ctx.dct.y - 1, ctx.dct.y + 1]) {
        const v = { y, m: month, d: day };
        if (isValidYmd(v) && isoWeekday(v) === WEEKDAYS[lower(g.wd)]) return monthDay(ctx, month, day, y);
      }
    }
    return monthDay(ctx, month, day, year);
  },
});

// 13 October 1998 / the 4th of July
rules.push({
  name: 'day-month',
  re: rx(String.raw`(?:(?<wd>${WEEKDAY_RE}),?\s+)?(?:the\s+)?(?<day>${DAY})\s+(?:of\s+)?(?<mon>${MONTH_RE})(?:,?\s+(?<year>${YEAR}))?`),
  accept: (m) => monthCaseOk(m.groups!.mon),
  resolve: (m, ctx) => {
    const g = m.groups!;
    return monthDay(ctx, monthNumber(g.mon), parseInt(g.day, 10), g.year ? Number(g.year) : undefined);
  },
});

// October 1998 / early October / mid-November / the end of November
rules.push({
  name: 'month-year',
  re: rx(String.raw`(?:(?<pre>${PART_MOD})[\s-]+)?(?<mon>${MONTH_RE})(?:(?:,|\s+of)?\s+(?<year>${YEAR}|${SPOKEN_YEAR_RE}))?`),
  accept: (m, text) => {
    const g = m.groups!;
    if (!monthCaseOk(g.mon)) return false;
    if (g.year || g.pre) return true;
    const mon = lower(g.mon);
    // Bare "May"/"March": only after a preposition that introduces a time.
    if (mon === 'may' || mon === 'march' || /^[a-z]{3}\.?$/.test(mon)) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      return /\b(?:in|since|until|till|by|of|during|through|from|to|before|after|last|next|this|early|late|mid|and|or|between|each|every)\s+$/i.test(before) && /^[A-Z]/.test(g.mon);
    }
    return true;
  },
  resolve: (m, ctx) => {
    const g = m.groups!;
    const year = g.year ? (/^\d/.test(g.year) ? Number(g.year) : parseSpokenYear(g.year)) : undefined;
    return monthOnly(ctx, monthNumber(g.mon), year);
  },
});

// May the following year / January this year / June of last year
rules.push({
  name: 'month-relative-year',
  re: rx(String.raw`(?:(?<pre>${PART_MOD})[\s-]+)?(?<mon>${MONTH_RE})\s+(?:of\s+)?(?<det>this|last|next|that|the\s+following|the\s+previous|the\s+next|the\s+same|the\s+prior)\s+year`),
  accept: (m) => monthCaseOk(m.groups!.mon),
  resolve: (m, ctx) => {
    const g = m.groups!;
    const d = DET_OFFSETS[lower(g.det)] ?? { off: 0, anaphoric: false };
    const base = d.anaphoric ? anchorPoint(ctx) : ctx.dct;
    const month = monthNumber(g.mon);
    if (!base) return { type: 'DATE', value: `XXXX-${pad(month)}`, note: NO_DCT };
    const y = base.y + d.off;
    return { type: 'DATE', value: ymString(y, month), setsRef: { y, m: month } };
  },
});

// last Tuesday / next May / this summer / last year / the following day / earlier this month
rules.push({
  name: 'relative',
  re: rx(String.raw`(?:(?<pre>${PART_MOD})[\s-]+)?(?<det>${REL_DET})\s+(?:(?<fiscal>fiscal|calendar)\s+)?(?:(?<u>week|weekend|month|year|quarter|decade|century|day|night|morning|afternoon|evening)|(?<wd>${WEEKDAY_RE})|(?<mon>${MONTH_RE})(?![.]?\s*\d)|(?<season>${SEASON_RE}))(?:\s+(?<part>${DAY_PART_RE}))?`),
  accept: (m) => {
    const g = m.groups!;
    if (g.mon && !monthCaseOk(g.mon)) return false;
    // "the last day", "the next quarter" as in ordinal sequences are fine; "that day" needs a reference.
    return true;
  },
  resolve: (m, ctx) => resolveRelative(m, ctx),
});

function resolveRelative(m: RegExpExecArray, ctx: ResolveContext): Resolution {
  const g = m.groups!;
  const det = lower(g.det);
  const d = DET_OFFSETS[det] ?? { off: 0, anaphoric: false };
  const anchor = d.anaphoric ? (g.u ? unitAnchor(ctx, parseUnit(g.u)) : dayAnchor(ctx)) : ctx.dct;
  if (g.wd) {
    const wd = WEEKDAYS[lower(g.wd)];
    const dir = d.off === 0 ? (d.anaphoric ? undefined : 0) : (d.off as -1 | 1);
    const v = d.anaphoric && anchor ? weekdayDate({ ...ctx, dct: anchor }, wd, dir) : weekdayDate(ctx, wd, dir);
    if (!v) return { type: 'DATE', value: `XXXX-WXX-${wd}`, note: NO_DCT };
    return { type: 'DATE', value: dateVal(v), setsRef: v };
  }
  if (g.mon) {
    const month = monthNumber(g.mon);
    const dct = ctx.dct;
    if (!dct) return { type: 'DATE', value: `XXXX-${pad(month)}`, note: NO_DCT };
    let y = dct.y;
    if (d.off < 0) y = month < dct.m ? dct.y : dct.y - 1;
    else if (d.off > 0) y = month > dct.m ? dct.y : dct.y + 1;
    return { type: 'DATE', value: ymString(y, month), setsRef: { y, m: month } };
  }
  if (g.season) {
    const s = SEASONS[lower(g.season)];
    const y = seasonYear(ctx, s, d.off === 0 ? undefined : d.off);
    if (y === undefined) return { type: 'DATE', value: `XXXX-${s}`, note: NO_DCT };
    return { type: 'DATE', value: `${pad(y, 4)}-${s}` };
  }
  const unit = parseUnit(g.u);
  const part = g.part ? DAY_PARTS[lower(g.part)] : ['morning', 'afternoon', 'evening', 'night'].includes(lower(g.u)) ? DAY_PARTS[lower(g.u)] : undefined;
  if (!anchor) return { type: part ? 'TIME' : 'DATE', value: null, note: NO_DCT };
  if (unit === 'quarter') {
    const base = d.anaphoric ? defaultQuarter(ctx) : ctx.dct ? { y: ctx.dct.y, q: quarterOf(ctx.dct.m) } : undefined;
    if (!base) return { type: 'DATE', value: null, note: NO_DCT };
    const q = quarterShift(base, d.anaphoric ? d.off : d.off);
    return { type: 'DATE', value: qv(q), setsQuarter: q };
  }
  if (part) {
    // this morning, last night, the next morning
    let day = anchor;
    if (lower(g.u) === 'night' && d.off === -1 && !d.anaphoric) day = addDays(anchor, -1);
    else if (lower(g.u) === 'night' || lower(g.u) === 'morning' || lower(g.u) === 'afternoon' || lower(g.u) === 'evening') day = addDays(anchor, d.off);
    else day = shift(anchor, unit, d.off);
    return { type: 'TIME', value: dateVal(day) + 'T' + part };
  }
  const v = shift(anchor, unit, d.off);
  return { type: 'DATE', value: valueAtGranularity(v, unit), setsRef: unit === 'day' ? v : undefined };
}

// yesterday, today, tomorrow, tonight, late yesterday, yesterday afternoon
rules.push({
  name: 'deictic-day',
  re: rx(String.raw`(?:(?<pre>early|earlier|late|later)\s+)?(?:(?<before>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)|(?<w>yesterday|today|tomorrow|tonight))(?:\s+(?<part>${DAY_PART_RE}))?`),
  // Not the newspaper or the programme ("USA Today", "BBC Today").
  accept: (m, text) => !(/^T/.test(m[0]) && /\b(?:USA|BBC|Russia|China|India|Africa)\s+$/.test(text.slice(Math.max(0, m.index - 8), m.index))),
  resolve: (m, ctx) => {
    const g = m.groups!;
    const w = lower(g.w || g.before);
    const off = w.includes('before yesterday') ? -2 : w.includes('after tomorrow') ? 2 : ({ yesterday: -1, today: 0, tomorrow: 1, tonight: 0 } as Record<string, number>)[w] ?? 0;
    const part = g.part ? DAY_PARTS[lower(g.part)] : w === 'tonight' ? 'NI' : undefined;
    if (!ctx.dct) return { type: part ? 'TIME' : 'DATE', value: null, note: NO_DCT };
    const v = addDays(ctx.dct, off);
    if (part) return { type: 'TIME', value: dateVal(v) + 'T' + part };
    return { type: 'DATE', value: dateVal(v) };
  },
});

// Friday, late Tuesday, Friday morning
rules.push({
  name: 'weekday',
  re: rx(String.raw`(?:(?<pre>early|late)\s+)?(?<wd>${WEEKDAY_RE})(?:\s+(?<part>${DAY_PART_RE}))?(?<poss>['’]s)?`),
  accept: (m) => /^[A-Z]/.test(m.groups!.wd),
  spanEnd: (m) => (m.groups!.poss ? m[0].length - m.groups!.poss.length : m[0].length),
  resolve: (m, ctx) => {
    const g = m.groups!;
    const wd = WEEKDAYS[lower(g.wd)];
    // "Wednesday's ruling" names something that has happened.
    const v = weekdayDate(g.poss ? { ...ctx, tense: 'past' } : ctx, wd);
    // TimeBank mostly gives "Friday night" the day's value alone.
    const part = '';
    if (!v) return { type: 'DATE', value: `XXXX-WXX-${wd}${part}`, note: NO_DCT };
    return { type: 'DATE', value: dateVal(v) + part, setsRef: v };
  },
});

// Mondays, every Monday, each July, every day, every other week
rules.push({
  name: 'set-every',
  re: rx(String.raw`(?:every|each|per)\s+(?:(?<n>other|${NUMBER_RE})\s+)?(?:(?<u>day|week|weekend|month|year|quarter|hour|minute|night|morning|afternoon|evening|days|weeks|months|years|hours)|(?<wd>${WEEKDAY_RE})|(?<mon>${MONTH_RE})|(?<season>${SEASON_RE}))`),
  accept: (m) => !m.groups!.mon || monthCaseOk(m.groups!.mon),
  resolve: (m) => {
    const g = m.groups!;
    if (g.wd) return { type: 'SET', value: `XXXX-WXX-${WEEKDAYS[lower(g.wd)]}` };
    if (g.mon) return { type: 'SET', value: `XXXX-${pad(monthNumber(g.mon))}` };
    if (g.season) return { type: 'SET', value: `XXXX-${SEASONS[lower(g.season)]}` };
    const n = g.n ? (lower(g.n) === 'other' ? 2 : parseQuantity(g.n) ?? 1) : 1;
    const u = lower(g.u);
    if (u === 'morning' || u === 'afternoon' || u === 'evening' || u === 'night') return { type: 'SET', value: `XXXX-XX-XXT${DAY_PARTS[u]}` };
    return { type: 'SET', value: durationValue(n, parseUnit(u)) };
  },
});

rules.push({
  name: 'set-weekday-plural',
  re: rx(String.raw`(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s|(?<wd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?<part>mornings|afternoons|evenings|nights)`),
  accept: (m) => /^[A-Z]/.test(m[0]),
  resolve: (m) => {
    const g = m.groups!;
    const part = g.part ? 'T' + DAY_PARTS[lower(g.part).replace(/s$/, '')] : '';
    return { type: 'SET', value: `XXXX-WXX-${WEEKDAYS[lower(g.wd ?? g.wd2)]}${part}` };
  },
});

rules.push({
  name: 'set-adverb',
  re: rx(String.raw`(?<w>daily|weekly|monthly|yearly|hourly|nightly|biweekly|bimonthly|semiannually)`),
  // "the party daily Granma", "the weekly Jeune Afrique": a newspaper, not a frequency.
  accept: (m, text) => !/^\s+[A-Z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3)),
  resolve: (m) => {
    const w = lower(m.groups!.w);
    const v: Record<string, string> = {
      daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', hourly: 'PT1H', nightly: 'P1D',
      biweekly: 'P2W', bimonthly: 'P2M', semiannually: 'P6M', quarterly: 'P3M',
    };
    return { type: 'SET', value: v[w] };
  },
});

// "$5 a year", "twice a week", "3% a month"
rules.push({
  name: 'set-rate',
  re: new RegExp(String.raw`(?<=(?:\b(?:times|twice|once|thrice|cents?|dollars?|percent|points?|miles|people|hours|days|meals|flights|trains)|%|\d)\s)(?:a|per)\s+(?<u>year|month|week|day|hour|quarter|minute|night)` + END, 'gi'),
  resolve: (m) => ({ type: 'SET', value: durationValue(1, parseUnit(m.groups!.u)) }),
});

// the third quarter of 1998, third-quarter, the fiscal first quarter, last year's fourth quarter
rules.push({
  name: 'quarter-ordinal',
  re: rx(String.raw`(?:(?<det>the|its|their|this|that|a|last\s+year's|this\s+year's|next\s+year's|the\s+year's|the\s+company's)\s+)?(?:(?<adj>fiscal|latest|current|same|comparable|corresponding|year-ago|year-earlier|flat|strong|weak|(?<ay>${YEAR}))[\s-]+)?(?:(?<adj2>fiscal|year-ago|year-earlier)[\s-]+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?(?:quarter|qtr\.?)(?:,?\s+(?:of\s+)?(?:(?<qy>${YEAR})|(?:fiscal\s+(?<fy>${YEAR}))|(?<qrel>this|last|next)\s+year))?`),
  spanStart: (m) => {
    const det = lower(m.groups!.det);
    if (!det) return 0;
    // "the third-quarter results": the hyphenated adjective is the expression, the determiner belongs to the noun.
    const hyphenated = /-(?:fiscal\s+)?(?:quarter|qtr)/i.test(m[0]);
    if (!hyphenated && det !== 'a' && det !== 'its' && det !== 'their' && det !== 'the company\'s') return 0;
    if (det.includes('year')) return 0;
    const gi = m.indices!.groups!;
    return (gi.adj ?? gi.adj2 ?? gi.ord!)[0] - m.index;
  },
  resolve: (m, ctx) => {
    const g = m.groups!;
    const q = parseOrdinal(g.ord) ?? 1;
    let y: number | undefined;
    const det = lower(g.det);
    const adj = lower(g.adj) + ' ' + lower(g.adj2);
    if (g.qy || g.fy || g.ay) y = Number(g.qy || g.fy || g.ay);
    else if (g.qrel) y = ctx.dct ? ctx.dct.y + ({ this: 0, last: -1, next: 1 }[lower(g.qrel)] ?? 0) : undefined;
    else if (det.startsWith('last year')) y = ctx.dct ? ctx.dct.y - 1 : undefined;
    else if (det.startsWith('next year')) y = ctx.dct ? ctx.dct.y + 1 : undefined;
    else if (det.startsWith('this year')) y = ctx.dct?.y;
    else if (/year-(ago|earlier)/.test(adj)) {
      const base = yearForQuarter(ctx, q);
      y = base === undefined ? undefined : base - 1;
    } else y = yearForQuarter(ctx, q);
    if (y === undefined) return { type: 'DATE', value: `XXXX-Q${q}`, note: YEAR_UNKNOWN };
    const yearAgo = /year-(ago|earlier)/.test(adj);
    return { type: 'DATE', value: `${pad(y, 4)}-Q${q}`, setsQuarter: yearAgo ? undefined : { y, q } };
  },
});

// the quarter, the latest quarter, the year-ago quarter, the year-earlier period
rules.push({
  name: 'quarter-bare',
  re: rx(String.raw`(?<det>the|its|this|that|last|next|the\s+latest|the\s+current|the\s+same|the\s+previous|the\s+prior|the\s+recent|the\s+most\s+recent|its\s+latest|the\s+comparable|the\s+corresponding|the\s+year-ago|the\s+year-earlier|the\s+comparable\s+year-ago|the\s+year-before|year-ago|year-earlier|the\s+(?<py>${YEAR}))\s+(?:fiscal\s+)?(?<u>quarter|period)(?:\s+(?<ago>a\s+year\s+(?:ago|earlier)|last\s+year))?`),
  accept: (m) => {
    const g = m.groups!;
    if (lower(g.u) === 'quarter') return true;
    return !!g.py || /latest|year-ago|year-earlier|comparable|corresponding|same|year-before|recent/.test(lower(g.det));
  },
  resolve: (m, ctx) => {
    const g = m.groups!;
    const det = lower(g.det);
    let q: { y: number; q: number } | undefined;
    if (!ctx.dct && !ctx.lastQuarter) return { type: 'DATE', value: null, note: NO_DCT };
    if (det === 'this' || det === 'the current') q = ctx.dct ? { y: ctx.dct.y, q: quarterOf(ctx.dct.m) } : undefined;
    else if (det === 'last' || det === 'the previous' || det === 'the prior') q = ctx.dct ? quarterShift({ y: ctx.dct.y, q: quarterOf(ctx.dct.m) }, -1) : undefined;
    else if (det === 'next') q = ctx.dct ? quarterShift({ y: ctx.dct.y, q: quarterOf(ctx.dct.m) }, 1) : undefined;
    else q = defaultQuarter(ctx);
    if (!q) return { type: 'DATE', value: null, note: NO_DCT };
    if (g.py) q = { y: Number(g.py), q: q.q };
    else if (/year-ago|year-earlier|comparable|corresponding|year-before/.test(det) || g.ago) q = quarterShift(q, -4);
    return { type: 'DATE', value: qv(q) };
  },
});

// the first half of 1998, the second half
rules.push({
  name: 'half-year',
  re: rx(String.raw`(?:the\s+)?(?<ord>first|second|last|latter)\s+half(?:\s+of\s+(?:(?<y>${YEAR})|(?<rel>this|last|next|the)\s+year))?`),
  resolve: (m, ctx) => {
    const g = m.groups!;
    const h = lower(g.ord) === 'first' ? 1 : 2;
    let y: number | undefined;
    if (g.y) y = Number(g.y);
    else if (ctx.dct) {
      y = ctx.dct.y + ({ this: 0, the: 0, last: -1, next: 1 }[lower(g.rel ?? 'this')] ?? 0);
      if (!g.rel && h === 2 && ctx.dct.m <= 6 && ctx.tense === 'past') y -= 1;
    }
    if (y === undefined) return { type: 'DATE', value: `XXXX-H${h}`, note: YEAR_UNKNOWN };
    return { type: 'DATE', value: `${pad(y, 4)}-H${h}` };
  },
});

// year-earlier, year-ago (adjectives), a year earlier handled by 'ago-later'
rules.push({
  name: 'year-ago-adjective',
  re: rx(String.raw`year-(?:earlier|ago|before)`),
  resolve: (_m, ctx) => yearAgo(ctx, ctx.dct),
});

function yearAgo(ctx: ResolveContext, base: Ymd | undefined): Resolution {
  if (ctx.quarterContext) {
    const q = defaultQuarter(ctx);
    if (q) return { type: 'DATE', value: qv(quarterShift(q, -4)) };
  }
  if (!base) return { type: 'DATE', value: null, note: NO_DCT };
  return { type: 'DATE', value: pad(base.y - 1, 4) };
}

// two days ago, a year earlier, three weeks later, 10 years from now
rules.push({
  name: 'ago-later',
  re: rx(String.raw`(?:(?<mod>${MOD_DUR})\s+)?(?:(?<n>${QUANT_RE})\s+)?(?<u>${UNIT_RE})(?:\s+or\s+(?:so|more|two|three))?\s+(?<dir>ago|earlier|later|before|after|hence|from\s+now|back|previously)`),
  accept: (m, text) => {
    const g = m.groups!;
    const dir = lower(g.dir);
    if (dir === 'before' || dir === 'after') {
      const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (!/^\s*(?:[,.;:)!?]|$)/.test(rest)) return false;
    }
    if (!g.n && !/s$/i.test(g.u)) return false;
    return true;
  },
  resolve: (m, ctx) => {
    const g = m.groups!;
    const n = g.n ? parseQuantity(g.n) : undefined;
    const unit = parseUnit(g.u);
    const dir = lower(g.dir);
    const back = dir === 'ago' || dir === 'earlier' || dir === 'before' || dir === 'back' || dir === 'previously';
    const deictic = dir === 'ago' || dir === 'hence' || dir === 'from now' || dir === 'back';
    if (n === undefined) return { type: 'DATE', value: back ? 'PAST_REF' : 'FUTURE_REF' };
    if (unit === 'year' && n === 1 && back && ctx.quarterContext) return yearAgo(ctx, ctx.dct);
    const base = deictic ? ctx.dct : unitAnchor(ctx, unit);
    if (!base) return { type: 'DATE', value: null, note: NO_DCT };
    const units = unit === 'hour' || unit === 'minute' || unit === 'second' ? 'day' : unit;
    const whole = Number.isInteger(n) ? n : Math.round(n);
    const v = shift(base, units, back ? -whole : whole);
    return { type: 'DATE', value: valueAtGranularity(v, units), setsRef: units === 'day' ? v : undefined };
  },
});

// the last ten years, two weeks, five-year, more than four hours, the first nine months
rules.push({
  name: 'duration',
  re: rx(String.raw`(?:(?<mod>${MOD_DUR})\s+)?(?:(?<det>${DET})\s+)?(?:(?<adj>${DUR_ADJ})\s+)?(?:(?<mod2>${MOD_DUR})\s+)?(?<n>${QUANT_RE})(?:\s+(?:or|to)\s+(?<n2>${NUMBER_RE}))?[\s-]+(?:(?:more|additional|straight|consecutive|full|trading|business|calendar|fiscal|long|short|working)[\s-]+)?(?<u>${UNIT_RE})(?<suffix>-(?:long|old))?`),
  accept: (m) => {
    const g = m.groups!;
    const n = lower(g.n);
    const u = lower(g.u);
    if (lower(g.suffix) === '-old') return false; // ages ("a 6-year-old") are not times
    if ((n === 'a' || n === 'an') && (u === 'second' || u === 'quarter' || u === 'minute')) return false;
    if ((n === 'a' || n === 'an') && g.det) return false;
    if (/^(some|many)$/.test(n) && !/s$/.test(u)) return false;
    if (/^\d+(\.\d+)?$/.test(n) && Number(n) > 1000 && !/(year|day|hour)s/.test(u)) return false;
    return true;
  },
  spanStart: (m, text) => {
    const g = m.groups!;
    // "expected to last several weeks": the verb "last" is not part of the expression.
    if (!g.det && lower(g.adj) === 'last' && /\b(?:to|will|would|could|may|might|can|should|must|did|does|do|didn't|won't|not)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) {
      return (m.indices!.groups!.mod2 ?? m.indices!.groups!.n!)[0] - m.index;
    }
    const unitAt = m.indices!.groups!.u![0];
    const nEnd = m.indices!.groups!.n![1];
    const adjectival = /-/.test(m[0].slice(nEnd, unitAt)) || (!/s$/i.test(g.u) && parseQuantity(g.n) !== 1 && !/^an?$/i.test(g.n));
    if (!adjectival || !g.det) return 0;
    return (m.indices!.groups!.mod2 ?? m.indices!.groups!.n!)[0] - m.index;
  },
  resolve: (m) => {
    const g = m.groups!;
    const n = parseQuantity(g.n2 ?? g.n);
    const unit = parseUnit(g.u);
    return { type: 'DURATION', value: durationValue(g.n2 && parseQuantity(g.n) !== n ? undefined : n, unit, g.u) };
  },
});

// years, for decades, recent years, the coming months
rules.push({
  name: 'vague-plural',
  re: rx(String.raw`(?:(?<det>recent|the\s+coming|coming|the\s+past\s+(?:few|several)|the\s+last\s+(?:few|several)|the\s+next\s+(?:few|several)|past|the\s+past|the\s+next|the\s+last|future|the\s+early|these)\s+)?(?<u>years|months|weeks|days|decades|quarters|centuries|hours|minutes)`),
  accept: (m, text) => {
    const g = m.groups!;
    if (g.det) return true;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    return /\b(?:for|over|in|within|after|took|takes|take|lasted|lasts|spent|spend)\s+$/i.test(before) && /^(years|months|weeks|decades|centuries|days|hours)$/i.test(g.u);
  },
  resolve: (m) => {
    const g = m.groups!;
    const det = lower(g.det);
    const unit = parseUnit(g.u);
    if (det === 'recent' || det === 'these' || (det.startsWith('past') && !det.includes('few') && !det.includes('several') && det !== 'the past')) {
      return { type: 'DATE', value: det === 'these' ? 'PRESENT_REF' : 'PAST_REF' };
    }
    if (det === 'future') return { type: 'DATE', value: 'FUTURE_REF' };
    return { type: 'DURATION', value: durationValue(undefined, unit) };
  },
});

// 1998, fiscal 1998, early 1998, mid-1990, the end of 1998
rules.push({
  name: 'year',
  re: rx(String.raw`(?:(?<pre>fiscal|calendar|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+year|the\s+fiscal\s+year|fiscal\s+year|the\s+calendar\s+year|post|pre)[\s-]+)?(?:(?<y>${YEAR})|(?<sy>${SPOKEN_YEAR_RE}))`),
  accept: (m, text) => {
    const g = m.groups!;
    if (g.sy) return !!g.pre || /^nineteen/i.test(g.sy);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s*(?:%|percent|per\s+cent|[-–]?\s*(?:acre|mile|foot|feet|ton|meter|metre|km|kilometer|yard|point|people|troops|workers|employees|shares|cars|units|votes)s?\b)/i.test(after)) return false;
    if (/^(?:\s+|-)?(?:[1-9]\d?\s*(?:p\.m|a\.m))/i.test(after)) return false;
    if (/^'s\b/.test(after)) return true;
    return true;
  },
  resolve: (m) => {
    const g = m.groups!;
    const y = g.y ? Number(g.y) : parseSpokenYear(g.sy);
    if (y === undefined) return { type: 'DATE', value: null, note: 'year not understood' };
    return { type: 'DATE', value: pad(y, 4), setsRef: { y } };
  },
});

// the 1990s, the '80s, the late 1980s, the nineties
rules.push({
  name: 'decade',
  re: rx(String.raw`(?:(?<det>the)\s+)?(?:(?<pre>early|late|mid)[\s-]+)?(?:(?<dec>1[7-9]\d0|20\d0)'?s|['’](?<sh>\d0)s|(?<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))`),
  accept: (m) => !m.groups!.word || !!m.groups!.det,
  resolve: (m) => {
    const g = m.groups!;
    if (g.dec) return { type: 'DATE', value: g.dec.slice(0, 3) };
    if (g.sh) return { type: 'DATE', value: '19' + g.sh[0] };
    const w: Record<string, string> = { twenties: '2', thirties: '3', forties: '4', fifties: '5', sixties: '6', seventies: '7', eighties: '8', nineties: '9' };
    return { type: 'DATE', value: '19' + w[lower(g.word)] };
  },
});

// the 20th century, the twenty-first century
rules.push({
  name: 'century',
  re: rx(String.raw`(?:the\s+)?(?:(?<pre>early|late|mid)[\s-]+)?(?<ord>\d{1,2}(?:st|nd|rd|th)|eighteenth|nineteenth|twentieth|twenty-first|twenty\s+first)\s+century`),
  resolve: (m) => {
    const o = lower(m.groups!.ord);
    const n = /^\d/.test(o) ? parseInt(o, 10) : ({ eighteenth: 18, nineteenth: 19, twentieth: 20 } as Record<string, number>)[o] ?? 21;
    return { type: 'DATE', value: pad(n - 1, 2) };
  },
});

// this summer, last fall, the summer of 1998, winter
rules.push({
  name: 'season',
  re: rx(String.raw`(?:(?<pre>early|late|mid)[\s-]+)?(?:(?<det>the)\s+)?(?:(?<pre2>early|late|mid)[\s-]+)?(?<s>${SEASON_RE})(?:\s+(?:of\s+)?(?:(?<y>${YEAR})|(?<sy>${SPOKEN_YEAR_RE})))?`),
  accept: (m) => {
    const g = m.groups!;
    if (g.y || g.sy) return true;
    const s = lower(g.s);
    if (s === 'fall' || s === 'spring') return !!g.det;
    return true;
  },
  resolve: (m, ctx) => {
    const g = m.groups!;
    const s = SEASONS[lower(g.s)];
    const y = g.y ? Number(g.y) : g.sy ? parseSpokenYear(g.sy) : seasonYear(ctx, s, undefined);
    if (y === undefined) return { type: 'DATE', value: `XXXX-${s}`, note: YEAR_UNKNOWN };
    return { type: 'DATE', value: `${pad(y, 4)}-${s}` };
  },
});

// the end of the year, year-end, the end of this month, the day before, that day
rules.push({
  name: 'period-edge',
  re: rx(String.raw`(?:(?:the\s+)?(?<edge>end|beginning|start|middle|rest|remainder|balance)\s+of\s+(?<det>the|this|last|next)\s+(?<u>year|month|week|quarter|decade|century|day))|(?<ye>year[\s-]end|year's\s+end|the\s+year's\s+end|month[\s-]end)`),
  resolve: (m, ctx) => {
    const g = m.groups!;
    if (!ctx.dct) return { type: 'DATE', value: null, note: NO_DCT };
    if (g.ye) return { type: 'DATE', value: /month/i.test(g.ye) ? ymString(ctx.dct.y, ctx.dct.m) : pad(ctx.dct.y, 4) };
    const off = ({ the: 0, this: 0, last: -1, next: 1 } as Record<string, number>)[lower(g.det)] ?? 0;
    const unit = parseUnit(g.u);
    const v = unit === 'quarter' ? addMonths(ctx.dct, 3 * off) : shift(ctx.dct, unit, off);
    return { type: 'DATE', value: valueAtGranularity(v, unit) };
  },
});

rules.push({
  name: 'anaphoric-day',
  re: rx(String.raw`(?:(?<pre>earlier|later|early|late)\s+)?(?:the\s+day\s+(?<dir>before|after|earlier|later)|(?:that|the\s+same)\s+(?<u>day|week|month|year|morning|night|evening|afternoon))`),
  resolve: (m, ctx) => {
    const g = m.groups!;
    const base = g.dir ? dayAnchor(ctx) : refYmd(anchorPoint(ctx));
    if (!base) return { type: 'DATE', value: null, note: NO_DCT };
    if (g.dir) {
      const v = addDays(base, /before|earlier/i.test(g.dir) ? -1 : 1);
      return { type: 'DATE', value: dateVal(v), setsRef: v };
    }
    const u = lower(g.u);
    if (DAY_PARTS[u]) return { type: 'TIME', value: dateVal(base) + 'T' + DAY_PARTS[u] };
    const unit = parseUnit(u);
    const p = anchorPoint(ctx)!;
    if (unit === 'day' && p.d === undefined) return { type: 'DATE', value: p.m ? ymString(p.y, p.m) + '-XX' : pad(p.y, 4) + '-XX-XX' };
    return { type: 'DATE', value: valueAtGranularity(base, unit) };
  },
});

// the weekend, the full year, the fiscal year
rules.push({
  name: 'the-period',
  re: rx(String.raw`(?:(?<pre>early|late|over|during)\s+)?the\s+(?:(?<wk>weekend)|(?<fy>full|fiscal|calendar|current\s+fiscal|latest\s+fiscal|entire)\s+year)|(?<edge>earlier|later|early|late)\s+in\s+the\s+(?<u>year|month|week|day)`),
  spanStart: (m) => (m.groups!.pre ? m.indices!.groups!.pre![1] + 1 - m.index : 0),
  resolve: (m, ctx) => {
    const g = m.groups!;
    if (!ctx.dct) return { type: 'DATE', value: null, note: NO_DCT };
    if (g.u) return { type: 'DATE', value: valueAtGranularity(ctx.dct, parseUnit(g.u)) };
    if (g.wk) {
      const wd = isoWeekday(ctx.dct);
      // The weekend just past, unless the sentence looks ahead.
      const sat = ctx.tense === 'future' ? addDays(ctx.dct, (6 - wd + 7) % 7) : wd >= 6 ? addDays(ctx.dct, 6 - wd) : addDays(ctx.dct, -(wd + 1));
      return { type: 'DATE', value: weekString(sat) + '-WE' };
    }
    return { type: 'DATE', value: pad(ctx.dct.y, 4) };
  },
});

// Holidays, resolved in the year the tense points to.
const HOLIDAYS: Record<string, (y: number) => Ymd> = {
  christmas: (y) => ({ y, m: 12, d: 25 }),
  'christmas day': (y) => ({ y, m: 12, d: 25 }),
  'christmas eve': (y) => ({ y, m: 12, d: 24 }),
  "new year's day": (y) => ({ y, m: 1, d: 1 }),
  "new year's eve": (y) => ({ y, m: 12, d: 31 }),
  "new year's": (y) => ({ y, m: 1, d: 1 }),
  halloween: (y) => ({ y, m: 10, d: 31 }),
  'independence day': (y) => ({ y, m: 7, d: 4 }),
  "valentine's day": (y) => ({ y, m: 2, d: 14 }),
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'thanksgiving day': (y) => nthWeekday(y, 11, 4, 4),
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  'memorial day': (y) => lastWeekday(y, 5, 1),
  'election day': (y) => addDays(nthWeekday(y, 11, 1, 1), 1),
  easter: (y) => easterSunday(y),
  'easter sunday': (y) => easterSunday(y),
};

function nthWeekday(y: number, m: number, wd: number, n: number): Ymd {
  const first = { y, m, d: 1 };
  const delta = (wd - isoWeekday(first) + 7) % 7;
  return { y, m, d: 1 + delta + 7 * (n - 1) };
}
function lastWeekday(y: number, m: number, wd: number): Ymd {
  const last = { y, m, d: daysInMonth(y, m) };
  return { y, m, d: last.d - ((isoWeekday(last) - wd + 7) % 7) };
}
function easterSunday(y: number): Ymd {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, mm = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * mm + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * mm + 114) % 31) + 1 };
}

rules.push({
  name: 'holiday',
  re: rx(String.raw`(?:(?<det>last|next|this)\s+)?(?<h>christmas\s+day|christmas\s+eve|christmas|new\s+year's\s+day|new\s+year's\s+eve|halloween|independence\s+day|valentine's\s+day|thanksgiving\s+day|thanksgiving|labor\s+day|memorial\s+day|election\s+day|easter\s+sunday|easter)(?:\s+(?<y>${YEAR}))?`),
  accept: (m) => /^[A-Z]/.test(m.groups!.h),
  resolve: (m, ctx) => {
    const g = m.groups!;
    const f = HOLIDAYS[lower(g.h).replace(/’/g, "'")];
    if (!f) return { type: 'DATE', value: null };
    let y: number | undefined = g.y ? Number(g.y) : undefined;
    if (y === undefined && ctx.dct) {
      const det = lower(g.det);
      const thisYear = f(ctx.dct.y);
      const cmp = thisYear.m * 100 + thisYear.d - (ctx.dct.m * 100 + ctx.dct.d);
      if (det === 'last') y = cmp < 0 ? ctx.dct.y : ctx.dct.y - 1;
      else if (det === 'next') y = cmp > 0 ? ctx.dct.y : ctx.dct.y + 1;
      else if (ctx.tense === 'past' && cmp > 0) y = ctx.dct.y - 1;
      else if (ctx.tense === 'future' && cmp < 0) y = ctx.dct.y + 1;
      else y = ctx.dct.y;
    }
    if (y === undefined) {
      const v = f(2001);
      return { type: 'DATE', value: `XXXX-${pad(v.m)}-${pad(v.d)}`, note: YEAR_UNKNOWN };
    }
    return { type: 'DATE', value: dateVal(f(y)) };
  },
});

// now, currently, recently, the past, the future, soon …
const REF_WORDS: Record<string, string> = {
  now: 'PRESENT_REF', 'right now': 'PRESENT_REF', 'just now': 'PRESENT_REF', currently: 'PRESENT_REF', nowadays: 'PRESENT_REF',
  'these days': 'PRESENT_REF', 'the present': 'PRESENT_REF', presently: 'PRESENT_REF', 'at present': 'PRESENT_REF', current: 'PRESENT_REF',
  'the moment': 'PRESENT_REF', 'this time': 'PRESENT_REF',
  recently: 'PAST_REF', 'more recently': 'PAST_REF', 'most recently': 'PAST_REF', 'until recently': 'PAST_REF', lately: 'PAST_REF',
  'the past': 'PAST_REF', formerly: 'PAST_REF', previously: 'PAST_REF', recent: 'PAST_REF', 'once': 'PAST_REF',
  'the future': 'FUTURE_REF', 'the near future': 'FUTURE_REF', 'the distant future': 'FUTURE_REF', 'the foreseeable future': 'FUTURE_REF',
  soon: 'FUTURE_REF', 'the near term': 'FUTURE_REF', 'the short term': 'FUTURE_REF', 'the long term': 'FUTURE_REF', future: 'FUTURE_REF',
  'the long run': 'FUTURE_REF', 'the short run': 'FUTURE_REF', 'a later date': 'FUTURE_REF', 'the years ahead': 'FUTURE_REF',
};

rules.push({
  name: 'reference-word',
  re: rx(String.raw`(?<w>right\s+now|just\s+now|now|currently|nowadays|these\s+days|the\s+present|presently|current|more\s+recently|most\s+recently|recently|lately|the\s+past|formerly|the\s+(?:near|distant)\s+future|the\s+future|the\s+(?:near|short)\s+term|a\s+later\s+date)`),
  accept: (m, text) => {
    const w = lower(m.groups!.w);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (w === 'now' && /^\s*(?:that|,\s*that)\b/i.test(after) && /\b(?:and|but)\s+$/i.test(before)) return true;
    if (w === 'current') {
      // Temporal "current" qualifies a period or a state, not electricity or accounts.
      return !/^\s+(?:account|accounts|affairs|events|electric|flowing|flows|carrying|through|limit|assets|liabilities|ratio|dollars|prices?|yield|rate|level|levels|one|ones|form)\b/i.test(after) && !/\belectric(?:al)?\s+$/i.test(before);
    }
    if (w === 'recent') return !/^\s+(?:years|months|weeks|days|decades|quarters|history|past)\b/i.test(after);
    if (w === 'future') return !/^\s+(?:contracts?|prices?|trading|market|markets|delivery|months?|years?|quarters?|weeks?|tense)\b/i.test(after) && !/\b(?:the|a|its|their|our)\s+$/i.test(before);
    if (w === 'the past') return !/^\s+(?:few|several|\d|year|month|week|decade|quarter|two|three|four|five|six|seven|eight|nine|ten|twelve)\b/i.test(after);
    return true;
  },
  resolve: (m) => ({ type: 'DATE', value: REF_WORDS[lower(m.groups!.w)] ?? 'PRESENT_REF' }),
});

/** Month names (and their abbreviations) count only when capitalised: "may", "march" and "sept" are words too. */
function monthCaseOk(raw: string): boolean {
  return /^[A-Z]/.test(raw);
}

export const RULES: readonly Rule[] = rules;
