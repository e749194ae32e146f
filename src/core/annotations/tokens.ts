// A small, linear tokenizer and sentence splitter for CoNLL export. Hand-written
// (one pass, no regex over the whole text) so untrusted text cannot make it slow.
import type { Span } from '../types';

export interface Token extends Span {
  text: string;
}

const WORD = /[\p{L}\p{M}\p{N}]/u;
/** Characters joining two word characters inside a token: don't, Jean-Pierre, U.S, 3,000, 2.5 */
const JOINERS = new Set(["'", '’', '-', '.', ',', '·']);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\ufeff' || /\s/.test(c);
}

function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** Tokens of text[from, to): word runs (with inner joiners) and single other characters. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = charAt(text, i);
    if (isSpace(c)) {
      i += c.length;
      continue;
    }
    const start = i;
    if (WORD.test(c)) {
      i += c.length;
      while (i < to) {
        const d = charAt(text, i);
        if (WORD.test(d)) {
          i += d.length;
          continue;
        }
        if (JOINERS.has(d) && i + 1 < to && WORD.test(charAt(text, i + 1))) {
          i += 1;
          continue;
        }
        break;
      }
    } else {
      i += c.length || 1;
    }
    out.push({ start, end: i, text: text.slice(start, i) });
  }
  return out;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'col', 'gen', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'no', 'vs', 'etc', 'inc', 'co', 'corp', 'ltd', 'mt', 'fig', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'm', 'mme', 'mlle',
]);

/** Splits tokens into sentences: at line breaks, and after . ! ? … before a capital, digit or quote. */
export function sentencesOf(text: string, tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const prev = cur[cur.length - 1];
    if (prev && /[\r\n]/.test(text.slice(prev.end, t.start))) {
      out.push(cur);
      cur = [];
    }
    cur.push(t);
    if (t.text === '.' || t.text === '!' || t.text === '?' || t.text === '…') {
      const next = tokens[k + 1];
      const before = cur[cur.length - 2];
      const abbrev = t.text === '.' && before && before.end === t.start && ABBREVIATIONS.has(before.text.toLowerCase());
      if (next && !abbrev && next.start > t.end && /^[\p{Lu}\p{N}"“‘'«(]/u.test(next.text)) {
        out.push(cur);
        cur = [];
      }
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Splits tokens at the given boundary offsets (sorted) that fall strictly inside them. */
export function splitAtBoundaries(text: string, tokens: Token[], boundaries: number[]): Token[] {
  if (boundaries.length === 0) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    let lo = 0;
    let hi = boundaries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (boundaries[mid] <= t.start) lo = mid + 1;
      else hi = mid;
    }
    let s = t.start;
    for (let k = lo; k < boundaries.length && boundaries[k] < t.end; k++) {
      const b = boundaries[k];
      if (b > s) {
        out.push({ start: s, end: b, text: text.slice(s, b) });
        s = b;
      }
    }
    out.push(s === t.start ? t : { start: s, end: t.end, text: text.slice(s, t.end) });
  }
  return out.filter((t) => t.text.trim() !== '');
}
