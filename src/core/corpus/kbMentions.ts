// The dictionary pass: knowledge-base names and aliases found in an article's text, even where the
// tagger missed them. Linear: each capitalised word starts at most `maxWords` lookups, longest first.
import { foldName } from '../text/fold';
import type { Span } from '../types';
import type { KbEntry } from './knowledgeBase';

/** What the pass needs of a knowledge base (KnowledgeBase has it). */
export interface KbMatcher {
  lookupFolded(folded: string): KbEntry[];
  readonly maxWords: number;
}

export interface KbMention extends Span {
  text: string;
  /** The entries the name points at (more than one when the knowledge base has homonyms). */
  entries: KbEntry[];
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’\-]*[\p{L}\p{N}])?\.?/gu;
const CAPITAL = /^[\p{Lu}\p{N}]/u;
const MAX_WORDS = 12;

/** Knowledge-base names in the regions of a text (non-overlapping, longest match first, in text order). */
export function kbMentions(text: string, regions: readonly Span[], matcher: KbMatcher): KbMention[] {
  const out: KbMention[] = [];
  const maxWords = Math.min(MAX_WORDS, matcher.maxWords);
  for (const r of regions) {
    const words: { start: number; end: number }[] = [];
    WORD.lastIndex = r.start;
    for (let m = WORD.exec(text); m && m.index < r.end; m = WORD.exec(text)) {
      let end = Math.min(r.end, m.index + m[0].length);
      // A final dot is a sentence end, except after a single letter (an initial: "B. Lynn").
      if (m[0].endsWith('.') && m[0].length > 2 && end === m.index + m[0].length) end--;
      words.push({ start: m.index, end });
    }
    for (let i = 0; i < words.length; ) {
      if (!CAPITAL.test(text[words[i].start])) {
        i++;
        continue;
      }
      let matched = 0;
      let entries: KbEntry[] = [];
      // Words of one name are separated by blanks only (no comma, bracket or line break).
      let last = i;
      while (last + 1 < words.length && last + 1 - i < maxWords && /^[ \t\u00a0]+$/.test(text.slice(words[last].end, words[last + 1].start))) last++;
      for (let j = last; j >= i; j--) {
        if (!CAPITAL.test(text[words[j].start])) continue;
        const hits = matcher.lookupFolded(foldName(text.slice(words[i].start, words[j].end)));
        if (hits.length > 0) {
          matched = j - i + 1;
          entries = hits;
          break;
        }
      }
      if (matched === 0) {
        i++;
        continue;
      }
      const start = words[i].start;
      const end = words[i + matched - 1].end;
      out.push({ start, end, text: text.slice(start, end), entries });
      i += matched;
    }
  }
  return out;
}
