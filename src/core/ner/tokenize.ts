// CoNLL-like tokenizer with offsets. Punctuation is split off; hyphenated words
// stay one token ("Russian-Malian", "Al-Qaeda-affiliated"); apostrophes inside a
// name stay ("Eto'o", "Eto’o", "O'Neill") while a possessive or clitic is split
// ("Faso's" → "Faso" + "'s", "don't" → "do" + "n't"); numbers keep their
// separators ("20,000", "3.5", "10:30"); initials and known abbreviations keep
// their full stop ("U.S.", "J.", "Mr."). A single character scan, no regex over
// the text, so the work is linear in its length.
import type { Span } from '../types';

export interface Token extends Span {
  /** The token exactly as in the text (offsets index the original text). */
  text: string;
}

const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof gen lt col capt maj sgt cmdr adm gov sen rep rev st jr sr inc ltd co corp bros ' +
    'no vs jan feb mar apr jun jul aug sep sept oct nov dec mt ft gens messrs pres')
    .split(' '),
);

/** Letters, combining marks and digits (any script), judged by code point. */
export function isWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return WORD_RE.test(String.fromCodePoint(cp));
}
const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;

export function isSpaceChar(cp: number): boolean {
  if (cp === 32 || (cp >= 9 && cp <= 13)) return true;
  if (cp < 128) return false;
  return cp === 0xa0 || cp === 0xfeff || cp === 0x200b || SPACE_RE.test(String.fromCodePoint(cp));
}
const SPACE_RE = /^\s$/u;

function isApostrophe(c: number): boolean {
  return c === 39 /* ' */ || c === 0x2019 /* ’ */ || c === 0x2bc;
}
function isHyphen(c: number): boolean {
  return c === 45 /* - */ || c === 0x2010 || c === 0x2011;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetterCode(c: number): boolean {
  return isWordChar(c) && !isDigit(c);
}

function cpAt(text: string, i: number, end: number): number {
  if (i >= end) return -1;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}
function cpLen(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/**
 * Tokens of text[start, end) (defaults to the whole text). Offsets are UTF-16 units into text.
 * maxTokens bounds the work on huge input (tokens beyond it are not returned).
 */
export function tokenize(text: string, start = 0, end = text.length, maxTokens = Infinity): Token[] {
  const out: Token[] = [];
  let i = Math.max(0, start);
  end = Math.min(end, text.length);
  while (i < end && out.length < maxTokens) {
    const cp = cpAt(text, i, end);
    if (isSpaceChar(cp)) {
      i += cpLen(cp);
      continue;
    }
    if (isWordChar(cp)) {
      i = pushWord(text, i, end, out);
      continue;
    }
    // Punctuation and symbols: runs of the same char for "...", "--", "''", "``"; else one char.
    let j = i + cpLen(cp);
    if (cp === 46 || cp === 45 || cp === 96 || cp === 39 || cp === 0x2026) {
      while (j < end && text.charCodeAt(j) === cp) j++;
    }
    // Clitic at the start: "'s" after a token with no space between ("Eto’o's" handled in pushWord).
    out.push({ start: i, end: j, text: text.slice(i, j) });
    i = j;
  }
  return out;
}

/** Scans one word starting at i; pushes one or two tokens (word + clitic); returns the next index. */
function pushWord(text: string, i: number, end: number, out: Token[]): number {
  const s = i;
  let j = i;
  let allDigits = true;
  let letters = 0;
  // Segments of word chars joined by hyphens, apostrophes (inside names), and . , : / inside numbers.
  for (;;) {
    let cp = cpAt(text, j, end);
    while (cp >= 0 && isWordChar(cp)) {
      if (!isDigit(cp)) {
        allDigits = false;
        letters++;
      }
      j += cpLen(cp);
      cp = cpAt(text, j, end);
    }
    if (cp < 0) break;
    const next = cpAt(text, j + 1, end);
    if (isHyphen(cp) && next >= 0 && isWordChar(next)) {
      j += 1;
      continue;
    }
    if (isApostrophe(cp) && next >= 0 && isLetterCode(next)) {
      // Possessive / clitic: 's 'S 're 've 'll 'd 'm followed by a non-letter → split.
      if (isClitic(text, j + 1, end)) break;
      // "n't": the n belongs to the clitic.
      if ((next === 116 || next === 84) && j - 1 > s && (text.charCodeAt(j - 1) === 110 || text.charCodeAt(j - 1) === 78)) {
        const after = cpAt(text, j + 2, end);
        if (after < 0 || !isWordChar(after)) {
          if (j - 1 > s) {
            out.push({ start: s, end: j - 1, text: text.slice(s, j - 1) });
            out.push({ start: j - 1, end: j + 2, text: text.slice(j - 1, j + 2) });
            return j + 2;
          }
        }
      }
      j += 1;
      continue;
    }
    if (allDigits && (cp === 44 || cp === 46 || cp === 58 || cp === 47) && next >= 0 && isDigit(next)) {
      j += 1;
      continue;
    }
    break;
  }
  // Full stop kept on initials ("U.S.", "J.") and abbreviations ("Mr.").
  if (j < end && text.charCodeAt(j) === 46 && !allDigits) {
    const word = text.slice(s, j);
    if (letters === 1 || ABBREVIATIONS.has(word.toLowerCase())) {
      // Continue initials: U.S. / U.N. / U.S.A.
      let k = j + 1;
      for (;;) {
        const a = cpAt(text, k, end);
        if (a >= 0 && isLetterCode(a) && text.charCodeAt(k + cpLen(a)) === 46 && letters === 1) {
          k += cpLen(a) + 1;
          continue;
        }
        break;
      }
      j = k;
    }
  }
  out.push({ start: s, end: j, text: text.slice(s, j) });
  // Clitic after the word.
  if (j < end && isApostrophe(text.charCodeAt(j)) && isClitic(text, j + 1, end)) {
    let k = j + 1;
    while (k < end && isLetterCode(text.charCodeAt(k))) k++;
    out.push({ start: j, end: k, text: text.slice(j, k) });
    return k;
  }
  return j;
}

const CLITICS = new Set(['s', 're', 've', 'll', 'd', 'm']);
function isClitic(text: string, k: number, end: number): boolean {
  let e = k;
  while (e < end && e - k < 3 && isLetterCode(text.charCodeAt(e))) e++;
  if (e < end) {
    const after = cpAt(text, e, end);
    if (after >= 0 && isWordChar(after)) return false;
  }
  return CLITICS.has(text.slice(k, e).toLowerCase());
}
