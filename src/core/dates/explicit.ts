// chrono-node does the parsing of explicit clock times and numeric dates
// ("10:30 a.m. EST", "12/03/1998", "1998-12-03"); the project's rules decide the
// TimeML boundaries and everything relative. chrono is the well-maintained
// parser for this, so we do not re-implement its formats.
import * as chrono from 'chrono-node';
import type { Ymd } from './calendar';

export interface ExplicitParts {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
}

function refDate(dct: Ymd | undefined): Date {
  return dct ? new Date(Date.UTC(dct.y, dct.m - 1, dct.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
}

/** Parses one explicit date/time string with chrono; only the components chrono is certain of. */
export function parseExplicit(text: string, dct: Ymd | undefined): ExplicitParts | undefined {
  const key = text + '|' + (dct ? `${dct.y}-${dct.m}-${dct.d}` : '');
  if (cache.has(key)) return cache.get(key);
  const parts = parseExplicitUncached(text, dct);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, parts);
  return parts;
}

const CACHE_SIZE = 2000;
const cache = new Map<string, ExplicitParts | undefined>();

function parseExplicitUncached(text: string, dct: Ymd | undefined): ExplicitParts | undefined {
  const results = chrono.strict.parse(text, { instant: refDate(dct), timezone: 0 });
  const r = results[0];
  if (!r) return undefined;
  const s = r.start;
  const out: ExplicitParts = {};
  if (s.isCertain('year')) out.year = s.get('year') ?? undefined;
  if (s.isCertain('month')) out.month = s.get('month') ?? undefined;
  if (s.isCertain('day')) out.day = s.get('day') ?? undefined;
  if (s.isCertain('hour')) out.hour = s.get('hour') ?? undefined;
  if (s.isCertain('minute')) out.minute = s.get('minute') ?? undefined;
  return out;
}

export interface NumericDateHit {
  start: number;
  end: number;
  parts: ExplicitParts;
}

// Cheap pre-check so chrono only runs on text that has a numeric date in it.
const NUMERIC_DATE_HINT = /\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}/;
const NUMERIC_DATE_IN = /(?<!\d)(?:\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?!\d)/;

/** Numeric dates (12/03/1998, 1998-12-03) found by chrono in a block of text. */
export function findNumericDates(text: string, dct: Ymd | undefined): NumericDateHit[] {
  if (!NUMERIC_DATE_HINT.test(text)) return [];
  const out: NumericDateHit[] = [];
  for (const r of chrono.strict.parse(text, { instant: refDate(dct), timezone: 0 })) {
    // chrono may join a clock time to the date ("10:30 a.m. on 12/03/2019"); keep the numeric date part.
    const shape = NUMERIC_DATE_IN.exec(r.text);
    if (!shape) continue;
    const s = r.start;
    if (!s.isCertain('month') || !s.isCertain('day')) continue;
    const start = r.index + shape.index;
    out.push({
      start,
      end: start + shape[0].length,
      parts: { year: s.isCertain('year') ? s.get('year') ?? undefined : undefined, month: s.get('month') ?? undefined, day: s.get('day') ?? undefined },
    });
  }
  return out;
}
