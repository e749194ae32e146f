// The entity engine: tokenizes the given regions, splits sentences, tags the
// whole article as one document (so document-level evidence is shared), and
// turns chunks into EntityMention spans. Post-rule: leading title words are
// stripped from person spans ("General Assimi Goïta" → "Assimi Goïta").
import type { EntityEngine } from '../engines';
import type { EntityKind, EntityMention, Span } from '../types';
import { foldToken } from './features';
import type { NerModel } from './model';
import { chunksFromTags } from './tags';
import { tagSentences } from './tagger';
import { isTitleWord } from './titles';
import { tokenize, type Token } from './tokenize';

export const LABEL_TO_KIND: Record<string, EntityKind> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' };

export interface NerEngineOptions {
  /** Upper bound on tokens tagged per call (huge input is cut there). Default 400,000. */
  maxTokens?: number;
  /** Longest sentence handed to the decoder; longer runs are cut. Default 250 tokens. */
  maxSentence?: number;
}

const ENDERS = new Set(['.', '!', '?', '...', '…']);

/** Merged, clamped, sorted regions. */
function normalizeRegions(text: string, regions: Span[]): Span[] {
  const rs = regions
    .map((r) => ({ start: Math.max(0, Math.min(text.length, r.start | 0)), end: Math.max(0, Math.min(text.length, r.end | 0)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const r of rs) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

function startsSentence(t: Token): boolean {
  const c = t.text.codePointAt(0) ?? 0;
  const ch = String.fromCodePoint(c);
  return /[\p{Lu}\p{N}"“'‘(«\[]/u.test(ch);
}

/** Sentences (as token lists) of text within the regions; a sentence never crosses a region edge. */
export function sentencesOf(text: string, regions: Span[], maxTokens = 400_000, maxSentence = 250): Token[][] {
  const out: Token[][] = [];
  let budget = maxTokens;
  for (const r of normalizeRegions(text, regions)) {
    if (budget <= 0) break;
    const toks = tokenize(text, r.start, r.end, budget);
    budget -= toks.length;
    let cur: Token[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (cur.length > 0) {
        const prev = cur[cur.length - 1];
        const gap = text.slice(prev.end, t.start);
        const newline = gap.includes('\n') || gap.includes('\r');
        const afterEnder = ENDERS.has(prev.text) || (cur.length > 1 && /^["”'’)\]»]+$/.test(prev.text) && ENDERS.has(cur[cur.length - 2].text));
        if ((afterEnder && startsSentence(t)) || (newline && (startsSentence(t) || afterEnder)) || cur.length >= maxSentence) {
          out.push(cur);
          cur = [];
        }
      }
      cur.push(t);
    }
    if (cur.length) out.push(cur);
  }
  return out;
}

export function createNerEngine(model: NerModel, options: NerEngineOptions = {}): EntityEngine {
  const maxTokens = options.maxTokens ?? 400_000;
  const maxSentence = options.maxSentence ?? 250;
  return {
    name: 'perceptron',
    recognize(text: string, regions: Span[]): EntityMention[] {
      if (typeof text !== 'string' || text.length === 0 || !Array.isArray(regions)) return [];
      const sents = sentencesOf(text, regions, maxTokens, maxSentence);
      if (sents.length === 0) return [];
      const tagged = tagSentences(model, sents.map((s) => s.map((t) => t.text)));
      const out: EntityMention[] = [];
      sents.forEach((s, si) => {
        const tags = tagged.tags[si];
        const conf = tagged.confidence[si];
        for (const c of chunksFromTags(model.tagSet, tags)) {
          let start = c.start;
          if (c.type === 'PER') while (c.end - start > 1 && isTitleWord(foldToken(s[start].text))) start++;
          const kind = LABEL_TO_KIND[c.type];
          if (!kind) continue;
          let p = 1;
          for (let i = start; i < c.end; i++) p = Math.min(p, conf[i]);
          const from = s[start].start;
          const to = s[c.end - 1].end;
          out.push({
            start: from,
            end: to,
            text: text.slice(from, to),
            kind,
            source: 'perceptron',
            confidence: Math.round(p * 1000) / 1000,
          });
        }
      });
      out.sort((a, b) => a.start - b.start || a.end - b.end);
      return out;
    },
  };
}
