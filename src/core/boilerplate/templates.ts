// Corpus templates: lines that repeat across many articles of a corpus (site
// menus, footers, subscribe boxes) are found by hashing normalised lines, as
// CCNet/FineWeb-style pipelines do. TemplateIndex keeps, per normalised line
// key, the set of documents holding it, updated as documents change.
import type { CorpusLineStats } from '../engines';

const MAX_KEY_CHARS = 300;

/**
 * Normalised key of a line: NFKC, lower case, digits → 0, punctuation and
 * symbols dropped, whitespace collapsed. Used for template hashing, duplicate
 * lines and the `keep` list ("12 Comments" and "3 comments" share a key).
 */
export function lineKey(text: string): string {
  const cut = text.length > 4 * MAX_KEY_CHARS ? text.slice(0, 4 * MAX_KEY_CHARS) : text;
  return asciiLineKey(cut) ?? unicodeLineKey(cut);
}

/**
 * lineKey of an all-ASCII line in one pass, without the three regex passes and NFKC (most lines of
 * most corpora; lineKey runs on every line of every article): the same key, since NFKC leaves ASCII
 * as it is and the only ASCII letters and digits are [A-Za-z0-9]. Undefined for any other line.
 */
function asciiLineKey(s: string): string | undefined {
  let out = '';
  let gap = false; // a run of separators waits to be written as one space
  let digits = false; // inside a run of digits (written as one 0)
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c > 0x7f) return undefined;
    if (c >= 0x30 && c <= 0x39) {
      if (digits) continue;
      if (gap && out.length) out += ' ';
      gap = false;
      digits = true;
      out += '0';
      continue;
    }
    digits = false;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c >= 0x61 && c <= 0x7a) {
      if (gap && out.length) out += ' ';
      gap = false;
      out += String.fromCharCode(c);
    } else gap = true;
  }
  return out.length > MAX_KEY_CHARS ? out.slice(0, MAX_KEY_CHARS) : out;
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
