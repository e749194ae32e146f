// Character classes of UTF-16 code units for the per-line scans of the line
// features, from a table filled lazily per 256-unit block with the Unicode
// property regexes, so a line is classified in one pass over its characters
// instead of one regex per property. Surrogates are not classified: callers
// fall back to the regexes for a line that holds any.

/** \p{L}. */
export const LETTER = 1;
/** \p{N}. */
export const NUMBER = 2;
/** \p{Lu}. */
export const UPPER = 4;
/** Han, Hiragana, Katakana, Hangul or Thai script. */
export const CJK = 8;
/** Changed by toUpperCase() (lower-case letters and the like). */
export const LOWERABLE = 16;
/** \s (with the u flag). */
export const SPACE = 32;

const table = new Uint8Array(65536);
const filled = new Uint8Array(256);

const L_RE = /^\p{L}$/u;
const N_RE = /^\p{N}$/u;
const LU_RE = /^\p{Lu}$/u;
const CJK_RE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]$/u;
const SPACE_RE = /^\s$/u;

function fill(block: number): void {
  const start = block << 8;
  for (let c = start; c < start + 256; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    let v = 0;
    if (L_RE.test(ch)) v |= LETTER;
    if (N_RE.test(ch)) v |= NUMBER;
    if (LU_RE.test(ch)) v |= UPPER;
    if (CJK_RE.test(ch)) v |= CJK;
    if (ch.toUpperCase() !== ch) v |= LOWERABLE;
    if (SPACE_RE.test(ch)) v |= SPACE;
    table[c] = v;
  }
  filled[block] = 1;
}

/** Class bits of a UTF-16 code unit (0 for surrogates). */
export function charClass(c: number): number {
  const block = c >> 8;
  if (filled[block] === 0) fill(block);
  return table[c];
}

/** Whether the text holds a surrogate (a character outside the BMP). */
export function hasSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Whether every code unit is below limit (e.g. 0x80: ASCII, where NFC/NFKC change nothing). */
export function allBelow(text: string, limit: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= limit) return false;
  return true;
}
