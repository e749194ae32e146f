// The entity engine: tokenizes the given regions, splits sentences, tags the
// whole article as one document (so document-level evidence is shared), and
// turns chunks into EntityMention spans. Post-rule: leading title words are
// stripped from person spans ("General Assimi Goïta" → "Assimi Goïta").
import type { EntityEngine } from '../engines';
import type { EntityKind, EntityMention, Span } from '../types';
import { FEATURES_VERSION, foldToken } from './features';
import type { NerModel } from './model';
import { chunksFromTags } from './tags';
import { tagSentences } from './tagger';
import { tagSentencesCached, type TagCache } from './incremental';
import { lexiconKind, lexiconMatches } from './newsLexicon';
import { CAPTION_WORDS, isPersonTitle, isTitleWord } from './titles';
import { GAZ_SOURCES } from './gazetteer';
import { hashString } from './hash';
import { tokenize, type Token } from './tokenize';
import { LruMap } from '../text/lru';

export const LABEL_TO_KIND: Record<string, EntityKind> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' };

export interface NerEngineOptions {
  /** Upper bound on tokens tagged per call (huge input is cut there). Default 400,000. */
  maxTokens?: number;
  /** Longest sentence handed to the decoder; longer runs are cut. Default 250 tokens. */
  maxSentence?: number;
  /** Reuse decoded sentences across calls (per-keystroke re-analysis); results are unchanged. */
  cache?: TagCache;
  /**
   * Gated tagging (default true): plain tokens between plain tokens are fixed outside any entity
   * without being scored (outsideTokens in features.ts). false scores every token, as training does.
   */
  gate?: boolean;
}

const ENDERS = new Set(['.', '!', '?', '...', '…']);

/**
 * Second parts of hyphenated compounds that make a name into an adjective ("ISIS-affiliated",
 * "Russian-backed", "Paris-based"). CoNLL keeps such compounds as one MISC token; the engine splits
 * them so the name itself is recognised with its own kind.
 */
const COMPOUND_TAILS = new Set(
  ('affiliated led backed based born linked owned run allied aligned controlled sponsored funded supported inspired ' +
    'held occupied dominated bound related friendly brokered made style era registered listed trained armed')
    .split(' '),
);

/**
 * Splits "Name-tail" tokens (tail in COMPOUND_TAILS, name capitalised) into name, hyphen, tail, and
 * "Place-Place" tokens ("Mali-Russia", when isPlacePair says so) into both places and the hyphen.
 */
function splitCompounds(tokens: Token[], isPlacePair?: (a: string, b: string) => boolean): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const h = t.text.lastIndexOf('-');
    const head = t.text.slice(0, h);
    const tail = t.text.slice(h + 1);
    const split =
      h > 0 && h < t.text.length - 1 && /^\p{Lu}/u.test(t.text) &&
      (COMPOUND_TAILS.has(tail.toLowerCase()) || (isPlacePair !== undefined && /^\p{Lu}/u.test(tail) && !head.includes('-') && isPlacePair(head, tail)));
    if (!split) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    const a = t.start + h;
    out.push({ start: t.start, end: a, text: t.text.slice(0, h) });
    out.push({ start: a, end: a + 1, text: '-' });
    out.push({ start: a + 1, end: t.end, text: t.text.slice(h + 1) });
  }
  return out ?? tokens;
}

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

/**
 * Sentences (as token lists) of text within the regions; a sentence never crosses a region edge.
 * isPlacePair (optional) tells whether a hyphenated "A-B" joins two places and is to be split.
 */
export function sentencesOf(
  text: string, regions: Span[], maxTokens = 400_000, maxSentence = 250, isPlacePair?: (a: string, b: string) => boolean,
): Token[][] {
  const out: Token[][] = [];
  let budget = maxTokens;
  for (const r of normalizeRegions(text, regions)) {
    if (budget <= 0) break;
    const got = regionSentences(text, r, budget, maxSentence, isPlacePair);
    budget -= got.count;
    for (const sentence of got.sentences) out.push(sentence);
  }
  return out;
}

/** Sentences of one region (see sentencesOf), the number of tokens before compounds were split, and after. */
function regionSentences(
  text: string, r: Span, budget: number, maxSentence: number, isPlacePair?: (a: string, b: string) => boolean,
): { sentences: Token[][]; raw: number; count: number } {
  const out: Token[][] = [];
  const raw = tokenize(text, r.start, r.end, budget);
  const toks = splitCompounds(raw, isPlacePair);
  let cur: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (cur.length > 0) {
      const prev = cur[cur.length - 1];
      let newline = false;
      for (let k = prev.end; k < t.start && !newline; k++) {
        const c = text.charCodeAt(k);
        newline = c === 10 || c === 13;
      }
      const afterEnder = ENDERS.has(prev.text) || (cur.length > 1 && /^["”'’)\]»]+$/.test(prev.text) && ENDERS.has(cur[cur.length - 2].text));
      if ((afterEnder && startsSentence(t)) || (newline && (startsSentence(t) || afterEnder)) || cur.length >= maxSentence) {
        out.push(cur);
        cur = [];
      }
    }
    cur.push(t);
  }
  if (cur.length) out.push(cur);
  return { sentences: out, raw: raw.length, count: toks.length };
}

/** A sentence as the engine tags it: tokens with offsets from `base`, and their texts. */
interface EngineSentence {
  tokens: Token[];
  base: number;
  words: string[];
}

/** A region's sentences with offsets from its start, kept under its text (see sentencesOfCached). */
interface CachedRegion {
  raw: number;
  count: number;
  sentences: { tokens: Token[]; words: string[] }[];
}

/**
 * sentencesOf with the sentences of each region kept under the region's text and whether a full
 * stop follows it (the tokenizer reads at most one character past a region, to see an initial's
 * stop). An unchanged line gives back the same words arrays, which the tagging cache recognises.
 */
function sentencesOfCached(
  text: string, regions: Span[], maxTokens: number, maxSentence: number, isPlacePair: (a: string, b: string) => boolean, cache: LruMap<string, CachedRegion>,
): EngineSentence[] {
  const out: EngineSentence[] = [];
  let budget = maxTokens;
  for (const r of normalizeRegions(text, regions)) {
    if (budget <= 0) break;
    const key = (text.charCodeAt(r.end) === 46 ? '.' : '-') + text.slice(r.start, r.end);
    let region = cache.get(key);
    if (!region || region.raw > budget) {
      const got = regionSentences(text, r, budget, maxSentence, isPlacePair);
      region = {
        raw: got.raw,
        count: got.count,
        sentences: got.sentences.map((s) => ({ tokens: s.map((t) => ({ start: t.start - r.start, end: t.end - r.start, text: t.text })), words: s.map((t) => t.text) })),
      };
      // A region cut by the token budget is not kept.
      if (got.raw < budget) cache.set(key, region);
    }
    budget -= region.count;
    for (const s of region.sentences) out.push({ tokens: s.tokens, base: r.start, words: s.words });
  }
  return out;
}

/** Throws when the model was trained with other feature templates than this code computes. */
export function checkNerModel(model: NerModel): void {
  if (model.info.features !== FEATURES_VERSION)
    throw new Error(
      `NER model has feature version ${String(model.info.features)}, this code computes version ${FEATURES_VERSION}; retrain it with npm run train:ner`,
    );
}

const PLACE_BITS = (1 << GAZ_SOURCES.indexOf('PLACE')) | (1 << GAZ_SOURCES.indexOf('LOC'));

/**
 * "Mali-Russia" joins two places when each part alone is a listed place (or a place of the training
 * data) and the whole is not itself listed ("Guinea-Bissau", "Bosnia-Herzegovina" stay one name).
 */
export function placePairTest(model: NerModel): (a: string, b: string) => boolean {
  const gaz = model.lexicon.gazetteer;
  const h = (w: string) => hashString(foldToken(w));
  return (a, b) =>
    gaz.sources([h(`${a}-${b}`)]) === 0 && (gaz.sources([h(a)]) & PLACE_BITS) !== 0 && (gaz.sources([h(b)]) & PLACE_BITS) !== 0;
}

export function createNerEngine(model: NerModel, options: NerEngineOptions = {}): EntityEngine {
  checkNerModel(model);
  const maxTokens = options.maxTokens ?? 400_000;
  const maxSentence = options.maxSentence ?? 250;
  const gate = options.gate ?? true;
  const isPlacePair = placePairTest(model);
  // With a tagging cache, a sentence's decoded tags are one object for as long as its words and
  // evidence stay the same: its spans after the post-rules are kept with it.
  const memo = options.cache ? new WeakMap<Uint8Array, TokenSpan[]>() : undefined;
  // Regions' sentences, bounded in characters of their text: 100 per entry the tagging cache may hold (2,000,000 by default).
  const regionCache = options.cache ? new LruMap<string, CachedRegion>(options.cache.maxEntries * 100, (_, text) => text.length + 1) : undefined;
  const spansOf = (words: readonly string[], tags: Uint8Array, conf: Float32Array): TokenSpan[] => {
    const known = memo?.get(tags);
    if (known) return known;
    const spans: TokenSpan[] = [];
    for (const c of chunksFromTags(model.tagSet, tags)) {
      const kind = LABEL_TO_KIND[c.type];
      if (!kind) continue;
      let p = 1;
      for (let i = c.start; i < c.end; i++) p = Math.min(p, conf[i] ?? 1);
      spans.push({ start: c.start, end: c.end, kind, source: 'perceptron', p });
    }
    postRules(words, spans);
    memo?.set(tags, spans);
    return spans;
  };
  return {
    name: 'perceptron',
    recognize(text: string, regions: Span[]): EntityMention[] {
      if (typeof text !== 'string' || text.length === 0 || !Array.isArray(regions)) return [];
      const sents: EngineSentence[] = regionCache
        ? sentencesOfCached(text, regions, maxTokens, maxSentence, isPlacePair, regionCache)
        : sentencesOf(text, regions, maxTokens, maxSentence, isPlacePair).map((tokens) => ({ tokens, base: 0, words: tokens.map((t) => t.text) }));
      if (sents.length === 0) return [];
      const words = sents.map((s) => s.words);
      const tagged = options.cache ? tagSentencesCached(model, words, options.cache, gate) : tagSentences(model, words, true, gate);
      const out: EntityMention[] = [];
      sents.forEach((s, si) => {
        const spans = spansOf(words[si], tagged.tags[si], tagged.confidence[si]);
        for (const sp of spans) {
          const from = s.base + s.tokens[sp.start].start;
          const to = s.base + s.tokens[sp.end - 1].end;
          out.push({ start: from, end: to, text: text.slice(from, to), kind: sp.kind, source: sp.source, confidence: Math.round(sp.p * 1000) / 1000 });
        }
      });
      harmonizeKinds(out);
      out.sort((a, b) => a.start - b.start || a.end - b.end);
      return out;
    },
  };
}

interface TokenSpan {
  start: number;
  end: number;
  kind: EntityKind;
  source: string;
  p: number;
}

/**
 * Principled corrections of the CoNLL model's output for news text, in place:
 * 1. person spans lose leading title words ("General Assimi Goïta" → "Assimi Goïta");
 * 2. a span of title words only, tagged as something else, inside a chain of titles is dropped:
 *    before another title or a person ("Defense" in "Defense Minister General Sadio Camara", "Air Force"
 *    in "Air Force Chief of Staff General Alou Boï Diarra") or after "title of" ("Deputy Minister of Defense");
 *    so is a span of caption words only ("FILE PHOTO");
 * 3. names of the curated news lexicon take its kind, and are added where the model missed them;
 * 4. an all-caps acronym in brackets right after a recognised name takes that name's kind
 *    ("Confederation of African Football (CAF)", "… Exhibition (BAMEX 2025)");
 * 5. the name in brackets before a dateline's dash, after a date, is the agency that filed the story, an
 *    organization ("LOME, Sept 4 (Sahel Wire) -", "LONDON, Oct 3 (Reuters) —");
 * 6. a name after "city of", "town of", "village of" is a place, and so is a name read as a person
 *    right before "region", "province", "district", "airport", "stadium", "bridge", "street", "avenue" or
 *    "boulevard" ("the Malian city of Gao", "Gao region": Gao is also a surname the training data
 *    knows; "Diori Hamani airport", named after a president).
 * A rule's kind is given with confidence at least RULE_CONFIDENCE, so that it outweighs the model's
 * reading of the same name elsewhere in the article (see harmonizeKinds).
 */
export function postRules(words: readonly string[], spans: TokenSpan[]): void {
  const folded = (i: number) => foldToken(words[i]);
  const ruled = (sp: TokenSpan, kind: EntityKind, source: string) => {
    sp.kind = kind;
    sp.source = source;
    sp.p = Math.max(sp.p, RULE_CONFIDENCE);
  };
  for (const sp of spans) {
    if (sp.kind !== 'organization' && isDatelineAgency(words, sp.start, sp.end)) ruled(sp, 'organization', 'perceptron+dateline');
    else if (sp.kind !== 'place' && sp.start >= 2 && folded(sp.start - 1) === 'of' && PLACE_BEFORE_OF.has(folded(sp.start - 2))) ruled(sp, 'place', 'perceptron+context');
    else if (sp.kind === 'person' && sp.end < words.length && PLACE_AFTER.has(folded(sp.end))) ruled(sp, 'place', 'perceptron+context');
  }
  for (const sp of spans) {
    // A span opened by a person-only title ("Colonel Assimi Goita" tagged ORG) is that person.
    if (sp.kind !== 'person' && sp.end - sp.start > 1 && isPersonTitle(folded(sp.start))) {
      sp.kind = 'person';
      sp.source = 'perceptron+title';
    }
    if (sp.kind === 'person') while (sp.end - sp.start > 1 && isTitleWord(folded(sp.start))) sp.start++;
  }
  // A name right after a person-only title that is not itself in a span is a person too.
  for (const sp of spans) {
    if (sp.kind === 'person' || sp.start === 0) continue;
    if (isPersonTitle(folded(sp.start - 1)) && /^\p{Lu}/u.test(words[sp.start]) && !isTitleWord(folded(sp.start))) {
      sp.kind = 'person';
      sp.source = 'perceptron+title';
    }
  }
  const personAt = (i: number) => spans.some((x) => x.kind === 'person' && x.start === i);
  const linking = (w: string) => w === 'of' || w === 'the' || w === 'and';
  const every = (sp: TokenSpan, test: (w: string) => boolean) => {
    for (let i = sp.start; i < sp.end; i++) if (!test(folded(i))) return false;
    return true;
  };
  for (let k = spans.length - 1; k >= 0; k--) {
    const sp = spans[k];
    if (every(sp, (w) => CAPTION_WORDS.has(w))) {
      spans.splice(k, 1);
      continue;
    }
    // Title words only ("of" and "the" inside: "Chief of Staff"), not opening or closing the span.
    if (sp.kind === 'person' || !every(sp, isTitleWord) || linking(folded(sp.start)) || linking(folded(sp.end - 1))) continue;
    const next = sp.end < words.length ? folded(sp.end) : '';
    const afterTitleOf = sp.start > 1 && folded(sp.start - 1) === 'of' && isTitleWord(folded(sp.start - 2)) && !linking(folded(sp.start - 2));
    // Title words tagged as a name, in a chain of titles before a person's name, are not a name.
    if ((next && isTitleWord(next) && !linking(next)) || personAt(sp.end) || afterTitleOf) spans.splice(k, 1);
  }
  for (const sp of spans) {
    const kind = lexiconKind(words.slice(sp.start, sp.end));
    if (kind && kind !== sp.kind) {
      sp.kind = kind;
      sp.source = 'perceptron+lexicon';
    }
  }
  const covered = (a: number, b: number) => spans.some((sp) => sp.start < b && a < sp.end);
  for (const hit of lexiconMatches(words)) {
    // A lexicon name replaces recognised spans lying inside it ("Islamic" in "Islamic State"),
    // but never cuts a longer recognised span.
    const overlapping = spans.filter((sp) => sp.start < hit.end && hit.start < sp.end);
    if (overlapping.some((sp) => sp.start < hit.start || sp.end > hit.end)) continue;
    if (overlapping.some((sp) => sp.start === hit.start && sp.end === hit.end)) continue;
    for (const sp of overlapping) spans.splice(spans.indexOf(sp), 1);
    spans.push({ start: hit.start, end: hit.end, kind: hit.kind, source: 'lexicon', p: 0.9 });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    const a = sp.end;
    if (a + 2 >= words.length || words[a] !== '(' || !/^\p{Lu}[\p{Lu}\d&.-]+$/u.test(words[a + 1])) continue;
    let close = a + 2;
    while (close < words.length && close < a + 4 && words[close] !== ')') close++;
    if (words[close] !== ')' || covered(a + 1, a + 2)) continue;
    spans.splice(k + 1, 0, { start: a + 1, end: a + 2, kind: sp.kind, source: 'perceptron+acronym', p: sp.p });
  }
}

/** Confidence a post-rule gives the kind it decides. */
const RULE_CONFIDENCE = 0.95;
/** "city of X", "town of X", "village of X": X is a place. */
const PLACE_BEFORE_OF = new Set(['city', 'town', 'village']);
/** A name read as a person right before one of these ("Gao region", "Diori Hamani airport") is a place. */
const PLACE_AFTER = new Set(['region', 'province', 'district', 'airport', 'stadium', 'bridge', 'street', 'avenue', 'boulevard']);
const MONTH_OR_DATE = /^(?:\d{1,4}|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/;

/**
 * Whether words[start..end) is the name in a dateline's brackets: "(" before it, then ")" and a dash
 * after it, and a day or month among the four words before the bracket ("LOME, Sept 4 (Sahel Wire) -").
 */
function isDatelineAgency(words: readonly string[], start: number, end: number): boolean {
  if (start < 2 || words[start - 1] !== '(' || words[end] !== ')' || !/^[-–—]$/.test(words[end + 1] ?? '')) return false;
  for (let i = Math.max(0, start - 5); i < start - 1; i++) if (MONTH_OR_DATE.test(foldToken(words[i]))) return true;
  return false;
}

/**
 * One name, one kind per article: mentions with the same folded text recognised with different kinds
 * all take the kind with the highest summed confidence (ties keep each mention's own kind).
 */
export function harmonizeKinds(mentions: EntityMention[]): void {
  const groups = new Map<string, EntityMention[]>();
  for (const m of mentions) {
    const key = foldToken(m.text);
    const g = groups.get(key);
    if (g) g.push(m);
    else groups.set(key, [m]);
  }
  for (const g of groups.values()) {
    if (g.length < 2 || g.every((m) => m.kind === g[0].kind)) continue;
    const weight = new Map<EntityKind, number>();
    for (const m of g) weight.set(m.kind, (weight.get(m.kind) ?? 0) + (m.confidence ?? 0.5));
    const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked.length > 1 && ranked[0][1] === ranked[1][1]) continue;
    for (const m of g) m.kind = ranked[0][0];
  }
}
