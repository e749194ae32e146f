// A transparent rule-based entity engine: capitalised sequences, title and
// organisation cues, and the country gazetteer. It is the fallback when the
// trained tagger's model cannot be loaded, and needs no data.
import type { EntityEngine } from '../engines';
import type { EntityKind, EntityMention, Span } from '../types';
import { gazetteer } from './gazetteer';
import { HONORIFICS, isTitleWord, OFFICE_HEADS, RANKS } from './titles';

const WORD = /[\p{Lu}\p{Lt}][\p{L}\p{M}'’]*(?:[-‐][\p{L}\p{M}'’]+)*|[\p{L}\p{M}][\p{L}\p{M}'’-]*|\d[\d.,:]*|[^\s\p{L}\p{M}\d]/gu;
const CONNECTORS = new Set(['of', 'de', 'du', 'des', 'la', 'le', 'al', 'bin', 'van', 'von', 'der', 'da', 'do', 'dos', 'for', 'the']);
const STARTERS = new Set(
  ('the a an this that these those it its he she they we i you his her their our my according earlier later ' +
    'after before during while when where if as at in on by for from with without both all some many most ' +
    'more less no not but and or so yet also however meanwhile discussions read share leave your posts ' +
    'there here what which who why how today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december').split(' '),
);
const ORG_WORDS = new Set(
  ('union federation confederation council ministry party bank agency organization organisation group company ' +
    'inc corp corporation ltd university association committee commission army forces force police court assembly ' +
    'parliament congress senate government institute foundation league club fc news press times post agency ' +
    'kremlin pentagon reuters afp exhibition summit network service services authority office department ' +
    'coalition alliance front movement brigade state').split(' '),
);
const PLACE_WORDS = new Set(
  'palace city region province river mountains mountain lake street square district county valley desert island islands coast sea ocean airport'.split(' '),
);

interface Tok extends Span {
  text: string;
}

export function createRuleEngine(): EntityEngine {
  return {
    name: 'rules',
    recognize(text: string, regions: Span[]): EntityMention[] {
      const out: EntityMention[] = [];
      for (const r of regions) recognizeRegion(text, r, out);
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

function tokens(text: string, r: Span): Tok[] {
  const toks: Tok[] = [];
  const slice = text.slice(r.start, r.end);
  for (const m of slice.matchAll(WORD)) toks.push({ start: r.start + m.index!, end: r.start + m.index! + m[0].length, text: m[0] });
  return toks;
}

const isCap = (t: string) => /^[\p{Lu}\p{Lt}]/u.test(t);

function recognizeRegion(text: string, r: Span, out: EntityMention[]): void {
  const toks = tokens(text, r);
  let i = 0;
  while (i < toks.length) {
    if (!isCap(toks[i].text)) {
      i++;
      continue;
    }
    // Grow a capitalised run, allowing lower-case connectors between capitalised words.
    let j = i + 1;
    while (j < toks.length) {
      if (isCap(toks[j].text) && adjacent(text, toks[j - 1], toks[j])) j++;
      else if (CONNECTORS.has(toks[j].text.toLowerCase()) && j + 1 < toks.length && isCap(toks[j + 1].text) && adjacent(text, toks[j - 1], toks[j])) j += 2;
      else break;
    }
    const whole = toks.slice(i, j);
    i = j;
    // A possessive ends a name ("Burkina Faso's Lieutenant-Colonel …"): split there.
    const parts: Tok[][] = [[]];
    for (const t of whole) {
      parts[parts.length - 1].push(t);
      if (/['’]s$/.test(t.text)) parts.push([]);
    }
    for (const part of parts) if (part.length) emitRun(text, r, part, out);
  }
}

const MONTHS_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);

function emitRun(text: string, r: Span, whole: Tok[], out: EntityMention[]): void {
  let run = whole;
  const sentenceStart = isSentenceStart(text, r, run[0]);
  const isTitle = (t: Tok) => isTitleWord(stripPossessive(t.text));
  // Words before the first title word can be names of their own ("Russian | President").
  const firstTitle = run.findIndex(isTitle);
  if (firstTitle > 0) {
    const prefix = run.slice(0, firstTitle);
    const surface = stripPossessive(text.slice(prefix[0].start, prefix[prefix.length - 1].end));
    const g = gazetteer();
    if (g.demonym(surface) || g.country(surface) || g.capital(surface)) emitRun(text, r, prefix, out);
  }
  // Words up to the last title word are a role, not part of the name ("Russian President | Vladimir Putin").
  let lastTitle = -1;
  run.forEach((t, k) => {
    if (isTitle(t)) lastTitle = k;
  });
  if (lastTitle === run.length - 1) return; // only a title ("Malian President")
  let titled = lastTitle >= 0;
  run = run.slice(lastTitle + 1);
  // Drop sentence-initial function words and honorifics from the front.
  while (run.length && ((sentenceStart && STARTERS.has(run[0].text.toLowerCase())) || HONORIFICS.has(run[0].text.toLowerCase()))) {
    titled ||= HONORIFICS.has(run[0].text.toLowerCase());
    run = run.slice(1);
  }
  while (run.length && CONNECTORS.has(run[run.length - 1].text.toLowerCase())) run = run.slice(0, -1);
  while (run.length && CONNECTORS.has(run[0].text.toLowerCase())) run = run.slice(1);
  if (!run.length) return;
  if (run.length === 1 && MONTHS_DAYS.has(run[0].text.toLowerCase())) return;
  // Possessive "Burkina Faso's": the entity ends before 's.
  const start = run[0].start;
  const end = run[run.length - 1].end - (/['’]s$/.test(run[run.length - 1].text) ? 2 : 0);
  const surface = text.slice(start, end);
  if (run.length === 1 && surface.length < 2) return;
  const kind = classify(run.map((t) => t.text), surface, titled, sentenceStart && run.length === 1);
  if (!kind) return;
  const dem = kind === 'other' ? gazetteer().demonym(surface) : undefined;
  out.push({ start, end, text: surface, kind, source: 'rules', confidence: 0.6, ...(dem ? { refersTo: dem.name } : {}) });
}

function adjacent(text: string, a: Tok, b: Tok): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '';
}

function stripPossessive(w: string): string {
  return w.replace(/['’]s$/, '');
}

function isSentenceStart(text: string, r: Span, t: Tok): boolean {
  let k = t.start - 1;
  while (k >= r.start && /[\s"“‘'(]/.test(text[k])) k--;
  return k < r.start || /[.!?:]/.test(text[k]);
}

/** `initialOnly`: a lone capitalised word at the start of a sentence, which says nothing by itself. */
function classify(words: string[], surface: string, titled: boolean, initialOnly: boolean): EntityKind | undefined {
  const g = gazetteer();
  const lower = words.map((w) => stripPossessive(w).toLowerCase().replace(/\.$/, ''));
  if (words.length === 1 && g.demonym(surface) && !g.country(surface)) return 'other';
  if (g.country(surface) || g.capital(surface)) return 'place';
  if (words.length === 1 && g.demonym(surface)) return 'other';
  if (/^[\p{Lu}\d&-]{2,}$/u.test(surface) && !/^\d+$/.test(surface)) return 'organization';
  if (lower.some((w) => ORG_WORDS.has(w))) return 'organization';
  if (lower.some((w) => PLACE_WORDS.has(w))) return 'place';
  if (titled) return 'person';
  if (words.length >= 2 && words.every((w) => /^[\p{Lu}][\p{Ll}\p{M}'’-]+$/u.test(w) || /^[\p{Lu}]+$/u.test(w))) {
    // Two or more capitalised words without cue: a person when none is a title or an office word.
    if (!lower.some((w) => OFFICE_HEADS.has(w) || RANKS.has(w))) return 'person';
  }
  if (initialOnly) return undefined;
  return 'other';
}
