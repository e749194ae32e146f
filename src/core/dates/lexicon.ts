// Words the temporal rules are built from: numbers, months, weekdays, units,
// seasons, parts of the day. Regex fragments here are plain alternations (no
// nested quantifiers), so combining them keeps matching linear.

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

/** Month names, longest alternatives first; abbreviations take an optional dot. */
export const MONTH_RE =
  String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)`;

export const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
export const WEEKDAY_RE = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;

const UNITS_WORDS: Record<string, number> = {
  zero: 0, a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, single: 1, half: 0.5,
};
const TENS_WORDS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const UNIT_ALT = 'seventeen|thirteen|fourteen|fifteen|sixteen|eighteen|nineteen|eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten';
const TENS_ALT = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const DIGIT_UNITS = 'one|two|three|four|five|six|seven|eight|nine';

/** A cardinal written in words or digits ("twenty four", "twenty-four", "24", "1,000", "a hundred"). */
export const NUMBER_RE =
  String.raw`(?:(?:${TENS_ALT})(?:[\s-](?:${DIGIT_UNITS})\b)?|(?:${UNIT_ALT})|(?:a|one|two|three|several)\s+(?:hundred|thousand)|hundreds|thousands|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|an?)`;

/** A quantity: a number or a vague amount ("a few", "several", "a couple of"). */
export const QUANT_RE = String.raw`(?:a\s+couple\s+of|a\s+few|a\s+number\s+of|several|few|many|some|${NUMBER_RE})`;

/** Parses what NUMBER_RE / QUANT_RE matched; undefined for vague amounts. */
export function parseQuantity(raw: string): number | undefined {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d{1,3}(,\d{3})+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'a couple of') return 2;
  const mult = /^(a|one|two|three|several) (hundred|thousand)$/.exec(s);
  if (mult) {
    const base = mult[1] === 'several' ? undefined : (UNITS_WORDS[mult[1]] ?? undefined);
    return base === undefined ? undefined : base * (mult[2] === 'hundred' ? 100 : 1000);
  }
  const parts = s.split(/[\s-]/);
  if (parts.length === 2 && parts[0] in TENS_WORDS && parts[1] in UNITS_WORDS) return TENS_WORDS[parts[0]] + UNITS_WORDS[parts[1]];
  if (parts.length === 1) {
    if (s in UNITS_WORDS) return UNITS_WORDS[s];
    if (s in TENS_WORDS) return TENS_WORDS[s];
  }
  return undefined;
}

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century' | 'night';

export const UNIT_RE = String.raw`(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|millennium|millennia)`;

export function parseUnit(raw: string): Unit {
  const s = raw.toLowerCase();
  if (s.startsWith('sec')) return 'second';
  if (s.startsWith('min')) return 'minute';
  if (s.startsWith('hour')) return 'hour';
  if (s.startsWith('weekend')) return 'weekend';
  if (s.startsWith('week') || s.startsWith('fortnight')) return 'week';
  if (s.startsWith('month')) return 'month';
  if (s.startsWith('quarter')) return 'quarter';
  if (s.startsWith('year')) return 'year';
  if (s.startsWith('decade')) return 'decade';
  if (s.startsWith('centur') || s.startsWith('millenn')) return 'century';
  if (s.startsWith('night')) return 'night';
  return 'day';
}

/** TimeML duration value for n units (n undefined → "X"). */
export function durationValue(n: number | undefined, unit: Unit, raw = ''): string {
  const fortnight = /^fortnight/i.test(raw);
  const millennium = /^millenn/i.test(raw);
  const count = n === undefined ? undefined : n * (fortnight ? 2 : 1) * (millennium ? 10 : 1);
  const num = (k: number) => (count === undefined ? 'X' : fmt(count * k));
  switch (unit) {
    case 'second': return `PT${num(1)}S`;
    case 'minute': return `PT${num(1)}M`;
    case 'hour': return `PT${num(1)}H`;
    case 'day': case 'night': return `P${num(1)}D`;
    case 'weekend': return `P${num(1)}WE`;
    case 'week': return `P${num(1)}W`;
    case 'month': return `P${num(1)}M`;
    case 'quarter': return `P${num(1)}Q`;
    case 'year': return `P${num(1)}Y`;
    case 'decade': return `P${num(10)}Y`;
    case 'century': return count === undefined ? 'PXC' : `P${fmt(count)}C`;
  }
}

function fmt(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 100) / 100);
}

export const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
export const SEASON_RE = String.raw`(?:spring|summer|fall|autumn|winter)`;

export const DAY_PARTS: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };
export const DAY_PART_RE = String.raw`(?:morning|afternoon|evening|night)`;

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};
export function parseOrdinal(raw: string): number | undefined {
  return ORDINALS[raw.toLowerCase()];
}

/** Spoken years as in broadcast transcripts: "nineteen ninety-six", "two thousand". */
export const SPOKEN_YEAR_RE =
  String.raw`(?:nineteen\s+(?:${TENS_ALT})(?:[\s-](?:${DIGIT_UNITS})\b)?|two\s+thousand(?:\s+and)?(?:\s+(?:${UNIT_ALT}))?)`;

export function parseSpokenYear(raw: string): number | undefined {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  let m = /^nineteen ([a-z]+)(?:[ -]([a-z]+))?$/.exec(s);
  if (m) {
    const tens = TENS_WORDS[m[1]];
    const unit = m[2] ? UNITS_WORDS[m[2]] : 0;
    return tens === undefined || unit === undefined ? undefined : 1900 + tens + unit;
  }
  m = /^two thousand(?: and)?(?: ([a-z]+))?$/.exec(s);
  if (m) {
    const unit = m[1] ? UNITS_WORDS[m[1]] : 0;
    return unit === undefined ? undefined : 2000 + unit;
  }
  return undefined;
}
