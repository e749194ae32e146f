// Which date an article was written on: the anchor for "yesterday", "last
// year" and bare weekdays. Settings decide where it comes from; the result says
// how it was found, in words, for the hover.
import type { ArticleDateSettings } from '../config/types';
import type { ArticleDateInfo } from '../types';
import { isValidYmd, pad, parseIsoDate, ymdString } from './calendar';
import { MONTHS, MONTH_RE } from './lexicon';

/** How many lines from the top are searched for the article's own date. */
export const ARTICLE_DATE_LINES = 12;
/** Longest line considered (longer ones are cut). */
const LINE_CAP = 2000;

export function resolveArticleDate(
  text: string,
  opts: { relPath?: string; settings: ArticleDateSettings },
): ArticleDateInfo | undefined {
  const { settings } = opts;
  const rel = opts.relPath?.replace(/\\/g, '/').replace(/^\.\//, '');
  if (rel && settings.map) {
    const v = settings.map[rel] ?? settings.map['./' + rel] ?? settings.map['/' + rel];
    const d = normaliseIso(v);
    if (d) return { value: d, source: 'newscorpus.yaml dates map' };
  }
  if (settings.from === 'filename' && rel) {
    const d = dateInFileName(rel);
    if (d) return { value: d, source: 'date in the file name' };
  }
  if (settings.from === 'text' && typeof text === 'string') {
    const found = dateInText(text);
    if (found) return found;
  }
  const fb = normaliseIso(settings.fallback);
  if (fb) return { value: fb, source: 'fallback date in newscorpus.yaml' };
  return undefined;
}

function normaliseIso(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const d = parseIsoDate(v.trim());
  return d ? ymdString(d) : undefined;
}

/** YYYY-MM-DD, YYYY_MM_DD, YYYY.MM.DD or YYYYMMDD in the file name (the last path segment first, then folders). */
export function dateInFileName(relPath: string): string | undefined {
  const segments = relPath.split('/').reverse();
  for (const seg of segments) {
    const re = /(?<!\d)((?:19|20)\d\d)([-_.]?)(\d\d)\2(\d\d)(?!\d)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(seg)) !== null) {
      const v = { y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) };
      if (isValidYmd(v)) return ymdString(v);
    }
  }
  return undefined;
}

const MONTH_DAY_YEAR = new RegExp(String.raw`(?<![A-Za-z])(${MONTH_RE})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?!\d)`, 'gi');
const DAY_MONTH_YEAR = new RegExp(String.raw`(?<![\dA-Za-z])(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_RE}),?\s+((?:19|20)\d\d)(?!\d)`, 'gi');
const ISO_DATE = /(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)/g;

/** The first full date (with a year) in the first lines of the text. */
export function dateInText(text: string): ArticleDateInfo | undefined {
  let line = 0;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (line < ARTICLE_DATE_LINES && pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, Math.min(nl, pos + LINE_CAP)).normalize('NFC');
    if (raw.trim().length > 0) {
      const d = firstDateInLine(raw);
      if (d) return { value: d, source: `first full date in the text, line ${line + 1}` };
    }
    line++;
    pos = nl + 1;
  }
  return undefined;
}

function firstDateInLine(s: string): string | undefined {
  const hits: { index: number; value: string }[] = [];
  for (const re of [MONTH_DAY_YEAR, DAY_MONTH_YEAR, ISO_DATE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      let v: { y: number; m: number; d: number };
      if (re === MONTH_DAY_YEAR) v = { y: Number(m[3]), m: MONTHS[m[1].toLowerCase().replace(/\.$/, '')], d: Number(m[2]) };
      else if (re === DAY_MONTH_YEAR) v = { y: Number(m[3]), m: MONTHS[m[2].toLowerCase().replace(/\.$/, '')], d: Number(m[1]) };
      else v = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
      if (v.m && isValidYmd(v)) {
        hits.push({ index: m.index, value: `${pad(v.y, 4)}-${pad(v.m)}-${pad(v.d)}` });
        break;
      }
    }
  }
  hits.sort((a, b) => a.index - b.index);
  return hits[0]?.value;
}
