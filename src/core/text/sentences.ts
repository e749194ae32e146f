import type { Span } from '../types';

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof gen lt col capt cpt maj sgt cmdr adm gov sen rep rev st jr sr inc ltd co corp ' +
    'no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m fig mt ft')
    .split(' '),
);

/**
 * Splits the given regions (usually lines) into sentences. A sentence ends at . ! ? (with closing
 * quotes or brackets) followed by space and an upper-case letter, digit or opening quote, unless the
 * word before the stop is a known abbreviation or a single initial. Region ends always end a sentence.
 */
export function splitSentences(text: string, regions: Span[]): Span[] {
  const out: Span[] = [];
  for (const r of regions) {
    let start = skipSpace(text, r.start, r.end);
    for (let i = start; i < r.end; i++) {
      const c = text[i];
      if (c !== '.' && c !== '!' && c !== '?') continue;
      let j = i + 1;
      while (j < r.end && /["'”’)\]»]/.test(text[j])) j++;
      if (j >= r.end) break;
      if (!/\s/.test(text[j])) continue;
      const k = skipSpace(text, j, r.end);
      if (k >= r.end || !/[\p{Lu}\d"“'‘(«]/u.test(text[k])) continue;
      if (c === '.' && isAbbreviation(text, start, i)) continue;
      out.push({ start, end: j });
      start = k;
      i = k - 1;
    }
    const end = trimEnd(text, start, r.end);
    if (end > start) out.push({ start, end });
  }
  return out;
}

function isAbbreviation(text: string, from: number, dot: number): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1])) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 1 && /\p{L}/u.test(word)) return true; // initial: "J. Smith"
  return ABBREVIATIONS.has(word);
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && /\s/.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
