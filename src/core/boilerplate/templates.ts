// Corpus templates: lines that repeat across many articles of a corpus (site
// menus, footers, subscribe boxes) are found by hashing normalised lines, as
// CCNet/FineWeb-style pipelines do. TemplateIndex keeps, per normalised line
// key, the set of documents holding it, updated as documents change.
import type { CorpusLineStats } from '../engines';
import { hash32, hash32Units } from '../text/hash';

const MAX_KEY_CHARS = 300;
/** A Latin line's key as latinKeyChars writes it (never longer than the 4 × MAX_KEY_CHARS characters it is made from). */
const KEY_BUFFER = new Uint16Array(4 * MAX_KEY_CHARS);

/**
 * Normalised key of a line: NFKC, lower case, digits → 0, punctuation and
 * symbols dropped, whitespace collapsed. Used for template hashing, duplicate
 * lines and the `keep` list ("12 Comments" and "3 comments" share a key).
 */
export function lineKey(text: string): string {
  const cut = keyInput(text);
  const n = latinKeyChars(cut);
  return n < 0 ? unicodeLineKey(cut) : String.fromCharCode.apply(null, KEY_BUFFER.subarray(0, Math.min(n, MAX_KEY_CHARS)) as unknown as number[]);
}

/** The part of a line its key is made from (a key holds at most MAX_KEY_CHARS characters). */
function keyInput(text: string): string {
  return text.length > 4 * MAX_KEY_CHARS ? text.slice(0, 4 * MAX_KEY_CHARS) : text;
}

/**
 * Characters past ASCII that the one-pass path takes as separators: NFKC leaves each as it is or turns
 * it into ASCII punctuation or a space (no-break space, the ellipsis and one- and two-dot leaders), and
 * none is a letter, digit or mark. Latin-1 symbols and punctuation (not ª º, superscript digits,
 * fractions, µ, or the spacing diacritics ¨ ¯ ´ ¸, which NFKC turns into letters, digits or marks),
 * U+2010–U+2027 (dashes, curly quotes, bullets, leaders; not U+2017, which NFKC turns into a space
 * and a mark), the single guillemets, C1 controls, arrows, box drawing, geometric shapes and other
 * symbols (U+2500–U+26FF), the zero-width space and the euro sign. A test checks every character of
 * the Basic Multilingual Plane against the definition (unicodeLineKey).
 */
function isLatinSeparator(c: number): boolean {
  if (c >= 0xa0 && c <= 0xbf) return c !== 0xa8 && c !== 0xaa && c !== 0xaf && (c < 0xb2 || c > 0xb5) && (c < 0xb8 || c > 0xba) && (c < 0xbc || c > 0xbe);
  if (c >= 0x2010 && c <= 0x2027) return c !== 0x2017;
  // C1 controls (the cp1252 punctuation of text decoded as Latin-1), arrows, box drawing, shapes, stars.
  if (c >= 0x80 && c <= 0x9f) return true;
  if ((c >= 0x2190 && c <= 0x21ff) || (c >= 0x2500 && c <= 0x26ff)) return true;
  return c === 0xd7 || c === 0xf7 || c === 0x200b || c === 0x20ac || c === 0x2039 || c === 0x203a;
}

/**
 * lineKey of a line of ASCII, Latin-1 letters and common punctuation (curly quotes, dashes, no-break
 * spaces) in one pass, without the three regex passes and NFKC (most lines of most corpora; lineKey
 * runs on every line of every article): the same key, since NFKC leaves these as they are (the
 * Latin-1 letters À–ÿ are precomposed, and a combining mark after one is not taken here) or turns
 * them into separators (isLatinSeparator), and lower case of À–Þ is the letter 0x20 further.
 * Writes the key's characters into KEY_BUFFER (uncut) and gives how many; -1 for any other line.
 * A buffer, not a string: a key built with += is a chain of short strings to collect, and the
 * corpus's line hashes are taken from the buffer without a string at all (lineKeyHashOf).
 */
function latinKeyChars(s: string): number {
  const buf = KEY_BUFFER;
  let n = 0;
  let gap = false; // a run of separators waits to be written as one space
  let digits = false; // inside a run of digits (written as one 0)
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (digits) continue;
      if (gap && n > 0) buf[n++] = 0x20;
      gap = false;
      digits = true;
      buf[n++] = 0x30;
      continue;
    }
    digits = false;
    let letter: boolean;
    if (c <= 0x7f) {
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      letter = c >= 0x61 && c <= 0x7a;
    } else if (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) {
      if (c <= 0xde) c += 0x20;
      letter = true;
    } else if (isLatinSeparator(c)) letter = false;
    else return -1;
    if (letter) {
      if (gap && n > 0) buf[n++] = 0x20;
      gap = false;
      buf[n++] = c;
    } else gap = true;
  }
  return n;
}

/**
 * Hash of a line key, as the corpus's line counts hold it (ArticleSummary.lineHashes, LineCounts,
 * TemplateTable): 31 bits, signed, so that each is a small integer in V8 and a list of them holds
 * no heap number per value (three in four 32-bit hashes needed one).
 */
export function lineKeyHash(key: string): number {
  return hash32(key) >> 1;
}

/**
 * lineKeyHash(lineKey(text)) without building the key, or undefined when the key is empty: the
 * corpus keys every line of every article this way (ArticleSummary.lineHashes). A Latin line's key
 * is hashed in the buffer it was written to (hash32Units: hash32 without the string);
 * any other line through its key.
 */
export function lineKeyHashOf(text: string): number | undefined {
  const cut = keyInput(text);
  const n = latinKeyChars(cut);
  if (n < 0) {
    const key = unicodeLineKey(cut);
    return key.length > 0 ? lineKeyHash(key) : undefined;
  }
  const len = Math.min(n, MAX_KEY_CHARS);
  return len === 0 ? undefined : hash32Units(KEY_BUFFER, len) >> 1;
}

/** lineKey by its definition, for any line. Exported for the test that checks the two agree. */
export function unicodeLineKey(text: string): string {
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{N}+/gu, '0')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
  return s.length > MAX_KEY_CHARS ? s.slice(0, MAX_KEY_CHARS) : s;
}

export interface TemplateIndexOptions {
  /** Most distinct keys kept (memory bound); further new keys are not indexed. */
  maxKeys?: number;
  /** Most keys indexed per document. */
  maxKeysPerDoc?: number;
}

export class TemplateIndex implements CorpusLineStats {
  private readonly docs = new Map<string, string[]>();
  private readonly keys = new Map<string, Set<string>>();
  private readonly maxKeys: number;
  private readonly maxKeysPerDoc: number;

  constructor(options: TemplateIndexOptions = {}) {
    this.maxKeys = options.maxKeys ?? 500_000;
    this.maxKeysPerDoc = options.maxKeysPerDoc ?? 2_000;
  }

  get articleCount(): number {
    return this.docs.size;
  }

  /** Number of distinct keys held (for tests and memory checks). */
  get keyCount(): number {
    return this.keys.size;
  }

  /** Adds or replaces a document's lines (text or lines). */
  update(docId: string, textOrLines: string | readonly string[]): void {
    this.remove(docId);
    const lines = typeof textOrLines === 'string' ? textOrLines.split(/\r\n|\r|\n/) : textOrLines;
    const mine = new Set<string>();
    for (const line of lines) {
      if (mine.size >= this.maxKeysPerDoc) break;
      const key = lineKey(line);
      if (key.length === 0 || mine.has(key)) continue;
      let set = this.keys.get(key);
      if (!set) {
        if (this.keys.size >= this.maxKeys) continue;
        set = new Set();
        this.keys.set(key, set);
      }
      set.add(docId);
      mine.add(key);
    }
    this.docs.set(docId, [...mine]);
  }

  /** Same as update. */
  add(docId: string, textOrLines: string | readonly string[]): void {
    this.update(docId, textOrLines);
  }

  remove(docId: string): void {
    const old = this.docs.get(docId);
    if (!old) return;
    for (const key of old) {
      const set = this.keys.get(key);
      if (!set) continue;
      set.delete(docId);
      if (set.size === 0) this.keys.delete(key);
    }
    this.docs.delete(docId);
  }

  has(docId: string): boolean {
    return this.docs.has(docId);
  }

  /** In how many documents (other than exceptDocId) a line with this key occurs. */
  occurrences(key: string, exceptDocId?: string): number {
    const set = this.keys.get(key);
    if (!set) return 0;
    return exceptDocId !== undefined && set.has(exceptDocId) ? set.size - 1 : set.size;
  }
}

/** Minimum number of articles (this one included) a template line must occur in. */
export const TEMPLATE_MIN_ARTICLES = 3;
/** Minimum share of the corpus holding the line, unless it occurs in TEMPLATE_ALWAYS articles. */
export const TEMPLATE_MIN_SHARE = 0.3;
export const TEMPLATE_ALWAYS = 20;

/** Whether a line with this key is a corpus template (the line's own article counted in). */
export function isTemplate(stats: CorpusLineStats, key: string, docId: string | undefined): { template: boolean; articles: number } {
  const others = stats.occurrences(key, docId);
  const articles = others + 1;
  const total = Math.max(stats.articleCount, articles);
  const template = articles >= TEMPLATE_MIN_ARTICLES && (articles / total >= TEMPLATE_MIN_SHARE || articles >= TEMPLATE_ALWAYS);
  return { template, articles };
}
