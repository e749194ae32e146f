// Small calendar arithmetic on plain (year, month, day) triples, in UTC so no
// time zone or daylight-saving shift can move a date. Used to resolve relative
// expressions against the article date.

export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

export function pad(n: number, width = 2): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

export function ymdString(v: Ymd): string {
  return `${pad(v.y, 4)}-${pad(v.m)}-${pad(v.d)}`;
}

export function ymString(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function parseIsoDate(s: string | undefined): Ymd | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return undefined;
  const v = { y: +m[1], m: +m[2], d: +m[3] };
  return isValidYmd(v) ? v : undefined;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidYmd(v: Ymd): boolean {
  return v.m >= 1 && v.m <= 12 && v.d >= 1 && v.d <= daysInMonth(v.y, v.m) && v.y >= 1 && v.y <= 9999;
}

function toUtc(v: Ymd): Date {
  const dt = new Date(Date.UTC(2000, v.m - 1, v.d));
  dt.setUTCFullYear(v.y);
  return dt;
}

function fromUtc(dt: Date): Ymd {
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(v: Ymd, n: number): Ymd {
  const dt = toUtc(v);
  dt.setUTCDate(dt.getUTCDate() + n);
  return fromUtc(dt);
}

/** Adds months, clamping the day to the target month's length. */
export function addMonths(v: Ymd, n: number): Ymd {
  const total = v.y * 12 + (v.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(v.d, daysInMonth(y, m)) };
}

/** ISO weekday 1 (Monday) .. 7 (Sunday). */
export function isoWeekday(v: Ymd): number {
  const wd = toUtc(v).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(v: Ymd): { year: number; week: number } {
  const thursday = addDays(v, 4 - isoWeekday(v));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const dayOfYear = Math.round((toUtc(thursday).getTime() - toUtc(jan1).getTime()) / 86400000);
  return { year: thursday.y, week: Math.floor(dayOfYear / 7) + 1 };
}

export function weekString(v: Ymd): string {
  const w = isoWeek(v);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/** Compares two dates: negative when a < b. */
export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}
