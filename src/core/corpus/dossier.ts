// The actor dossier: everything the corpus says about one corpus actor — its articles in date
// order, each mention in its sentence, mentions per period, the roles over time and the actors it
// appears with. Pure: article text comes in through a callback, so the CLI, the extension and the
// bench ask the same question of the same code.
import { splitSentences } from '../text/sentences';
import { lineAt, splitLines } from '../text/lines';
import type { EntityKind, Line } from '../types';
import type { ActorCode, CorpusActor, KbEntryRef } from './types';

export type DossierPeriod = 'day' | 'week' | 'month' | 'year';
export const DOSSIER_PERIODS: readonly DossierPeriod[] = ['day', 'week', 'month', 'year'];

/** One mention: 1-based line and column (UTF-16 units), the surface text and its sentence. */
export interface DossierMention {
  line: number;
  column: number;
  text: string;
  snippet: string;
}

export interface DossierArticle {
  /** Path relative to the corpus root. */
  file: string;
  date?: string;
  title?: string;
  mentions: DossierMention[];
}

export interface DossierBucket {
  /** YYYY-MM-DD (day), YYYY-Www (ISO week), YYYY-MM (month) or YYYY (year). */
  period: string;
  articles: number;
  mentions: number;
}

export interface DossierRole {
  role: string;
  firstDate?: string;
  lastDate?: string;
  articles: number;
}

export interface DossierCoActor {
  name: string;
  kind: EntityKind;
  articles: number;
}

/** The dossier as the CLI prints it (`--format json`). */
export interface Dossier {
  actor: { name: string; kind: EntityKind; aliases: string[]; kb?: KbEntryRef; codes: ActorCode[] };
  articles: DossierArticle[];
  timeline: DossierBucket[];
  roles: DossierRole[];
  coActors: DossierCoActor[];
}

/** What the panel needs beyond the printed dossier: offsets to open, where the name sits in the snippet, ids to link. */
export interface DossierMentionDetail extends DossierMention {
  /** UTF-16 offsets of the mention in the article. */
  start: number;
  end: number;
  /** Offset of `text` within `snippet`. */
  at: number;
}
export interface DossierArticleDetail extends DossierArticle {
  mentions: DossierMentionDetail[];
  /** The article's period in the dossier's timeline (undefined when undated). */
  period?: string;
}
export interface DossierCoActorDetail extends DossierCoActor {
  id: string;
}
export interface DossierDetail extends Omit<Dossier, 'articles' | 'coActors'> {
  id: string;
  period: DossierPeriod;
  articleCount: number;
  mentionCount: number;
  firstDate?: string;
  lastDate?: string;
  articles: DossierArticleDetail[];
  coActors: DossierCoActorDetail[];
}

/** A co-actor as the corpus model gives it (CorpusActorIndex.coActors): an actor and the number of articles shared. */
export interface CoActorInput {
  actor: Pick<CorpusActor, 'id' | 'name' | 'kind'>;
  articles: number;
}

export interface DossierOptions {
  /** The timeline's period; chosen from the span of dates when absent (see choosePeriod). */
  period?: DossierPeriod;
  /** Snippet length the cut aims at (UTF-16 units), 300 by default. */
  snippetChars?: number;
  /** At most this many co-actors (30 by default). */
  maxCoActors?: number;
}

/** Snippets aim at this many characters around the mention. */
export const SNIPPET_CHARS = 300;
/** Gap-filled timelines longer than this keep their non-empty periods only. */
const MAX_FILLED_BUCKETS = 5000;

/**
 * Builds the dossier of one actor. `textOf(relPath)` gives an article's current text (undefined
 * when it cannot be read: the article stays listed without mentions). Linear in the text of the
 * actor's articles.
 */
export function buildDossier(actor: CorpusActor, coActors: readonly CoActorInput[], textOf: (relPath: string) => string | undefined, options: DossierOptions = {}): DossierDetail {
  const period = options.period ?? choosePeriod(actor.firstDate, actor.lastDate);
  const snippetChars = options.snippetChars ?? SNIPPET_CHARS;
  const articles: DossierArticleDetail[] = [];
  for (const a of sortByDate(actor.articles)) {
    const text = textOf(a.relPath);
    const mentions: DossierMentionDetail[] = [];
    if (text !== undefined) {
      const ctx = new SnippetContext(text);
      const spans: [number, number][] = [];
      for (let i = 0; i + 1 < a.mentions.length; i += 2) spans.push([a.mentions[i], a.mentions[i + 1]]);
      spans.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      for (const [start, end] of spans) {
        if (start < 0 || end > text.length || end <= start) continue; // text changed since the index: skip stale spans
        mentions.push(ctx.mention(start, end, snippetChars));
      }
    }
    const p = a.date ? periodOf(a.date, period) : undefined;
    articles.push({ file: a.relPath, ...(a.date ? { date: a.date } : {}), ...(a.title ? { title: a.title } : {}), mentions, ...(p ? { period: p } : {}) });
  }
  const ranked = [...coActors].sort((x, y) => y.articles - x.articles || x.actor.name.localeCompare(y.actor.name) || x.actor.id.localeCompare(y.actor.id));
  return {
    id: actor.id,
    actor: { name: actor.name, kind: actor.kind, aliases: [...actor.aliases], ...(actor.kb ? { kb: actor.kb } : {}), codes: [...actor.codes] },
    period,
    articleCount: actor.articleCount,
    mentionCount: actor.mentionCount,
    ...(actor.firstDate ? { firstDate: actor.firstDate } : {}),
    ...(actor.lastDate ? { lastDate: actor.lastDate } : {}),
    articles,
    timeline: buildTimeline(actor.articles, period),
    roles: [...actor.roles]
      .sort((x, y) => y.articles - x.articles || (x.firstDate ?? '\uffff').localeCompare(y.firstDate ?? '\uffff') || x.role.localeCompare(y.role))
      .map((r) => ({ role: r.role, ...(r.firstDate ? { firstDate: r.firstDate } : {}), ...(r.lastDate ? { lastDate: r.lastDate } : {}), articles: r.articles })),
    coActors: ranked.slice(0, options.maxCoActors ?? 30).map((c) => ({ id: c.actor.id, name: c.actor.name, kind: c.actor.kind, articles: c.articles })),
  };
}

/** The printed dossier (the CLI's JSON): the detail without offsets and ids. */
export function dossierJson(d: DossierDetail): Dossier {
  return {
    actor: d.actor,
    articles: d.articles.map((a) => ({
      file: a.file,
      ...(a.date ? { date: a.date } : {}),
      ...(a.title ? { title: a.title } : {}),
      mentions: a.mentions.map((m) => ({ line: m.line, column: m.column, text: m.text, snippet: m.snippet })),
    })),
    timeline: d.timeline,
    roles: d.roles,
    coActors: d.coActors.map((c) => ({ name: c.name, kind: c.kind, articles: c.articles })),
  };
}

/** Oldest first, undated last, ties by path. */
function sortByDate<T extends { relPath: string; date?: string }>(articles: readonly T[]): T[] {
  return [...articles].sort((x, y) => {
    if (x.date && y.date) return x.date < y.date ? -1 : x.date > y.date ? 1 : x.relPath.localeCompare(y.relPath);
    if (x.date || y.date) return x.date ? -1 : 1;
    return x.relPath.localeCompare(y.relPath);
  });
}

// ---------------------------------------------------------------------------------------- periods

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseDate(date: string): Ymd | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return undefined;
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : 1, d: m[3] ? Number(m[3]) : 1 };
}

const DAY_MS = 86_400_000;
const utc = (p: Ymd) => Date.UTC(p.y, p.m - 1, p.d);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Days and weeks for short spans, months up to five years, years beyond. */
export function choosePeriod(firstDate?: string, lastDate?: string): DossierPeriod {
  const a = firstDate ? parseDate(firstDate) : undefined;
  const b = lastDate ? parseDate(lastDate) : undefined;
  if (!a || !b) return 'month';
  const days = Math.abs(utc(b) - utc(a)) / DAY_MS;
  if (days <= 31) return 'day';
  if (days <= 182) return 'week';
  if (days <= 5 * 366) return 'month';
  return 'year';
}

/** The ISO week of a date: its week-year and week number. */
function isoWeek(p: Ymd): { year: number; week: number } {
  const t = new Date(utc(p));
  const dow = (t.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  t.setUTCDate(t.getUTCDate() - dow + 3); // the Thursday of this week decides the year
  const year = t.getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const jan4dow = (new Date(jan4).getUTCDay() + 6) % 7;
  const week = 1 + Math.round((t.getTime() - (jan4 - jan4dow * DAY_MS + 3 * DAY_MS)) / (7 * DAY_MS));
  return { year, week };
}

/** The period label of a date (YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY); undefined for no date. */
export function periodOf(date: string, period: DossierPeriod): string | undefined {
  const p = parseDate(date);
  if (!p) return undefined;
  switch (period) {
    case 'day':
      return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
    case 'week': {
      const w = isoWeek(p);
      return `${pad(w.year, 4)}-W${pad(w.week)}`;
    }
    case 'month':
      return `${pad(p.y, 4)}-${pad(p.m)}`;
    case 'year':
      return pad(p.y, 4);
  }
}

/** Every period label from the first date's to the last date's, in order. */
function periodRange(first: string, last: string, period: DossierPeriod, max: number): string[] | undefined {
  const a = parseDate(first)!;
  const b = parseDate(last)!;
  const out: string[] = [];
  const end = periodOf(last, period)!;
  let cur: Ymd = { ...a };
  if (period === 'week') {
    // Start from the Monday of the first week.
    const t = new Date(utc(a));
    t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7));
    cur = { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }
  for (;;) {
    const label = periodOf(`${pad(cur.y, 4)}-${pad(cur.m)}-${pad(cur.d)}`, period)!;
    out.push(label);
    if (label === end || utc(cur) > utc(b)) break;
    if (out.length > max) return undefined;
    if (period === 'year') cur = { y: cur.y + 1, m: 1, d: 1 };
    else if (period === 'month') cur = cur.m === 12 ? { y: cur.y + 1, m: 1, d: 1 } : { y: cur.y, m: cur.m + 1, d: 1 };
    else {
      const t = new Date(utc(cur) + (period === 'week' ? 7 : 1) * DAY_MS);
      cur = { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
    }
  }
  return out;
}

/** Articles and mentions per period of article date, empty periods between included; undated articles left out. */
export function buildTimeline(articles: readonly { date?: string; mentions: readonly number[] }[], period: DossierPeriod): DossierBucket[] {
  const counts = new Map<string, DossierBucket>();
  let first: string | undefined;
  let last: string | undefined;
  for (const a of articles) {
    const label = a.date ? periodOf(a.date, period) : undefined;
    if (!label || !a.date) continue;
    if (!first || a.date < first) first = a.date;
    if (!last || a.date > last) last = a.date;
    const b = counts.get(label) ?? { period: label, articles: 0, mentions: 0 };
    b.articles++;
    b.mentions += a.mentions.length >> 1;
    counts.set(label, b);
  }
  if (!first || !last) return [];
  const range = periodRange(first, last, period, MAX_FILLED_BUCKETS);
  if (!range) return [...counts.values()].sort((x, y) => x.period.localeCompare(y.period));
  return range.map((label) => counts.get(label) ?? { period: label, articles: 0, mentions: 0 });
}

// --------------------------------------------------------------------------------------- snippets

/** Per-article helper: line starts once, each line's sentences on first use. */
class SnippetContext {
  private readonly lines: Line[];
  private readonly sentences = new Map<number, { start: number; end: number }[]>();

  constructor(private readonly text: string) {
    this.lines = splitLines(text);
  }

  mention(start: number, end: number, chars: number): DossierMentionDetail {
    const li = lineAt(this.lines, start);
    const line = this.lines[li];
    let sents = this.sentences.get(li);
    if (!sents) this.sentences.set(li, (sents = splitSentences(this.text, [{ start: line.start, end: line.end }])));
    // The sentence holding the mention's start; a mention across a sentence break widens it.
    let s = line.start;
    let e = line.end;
    for (const x of sents) {
      if (x.end <= start) continue;
      if (x.start <= start) s = x.start;
      else if (x.start >= end) break;
      e = x.end;
      if (x.end >= end) break;
    }
    const cut = cutAround(this.text, s, e, start, Math.min(end, e), chars);
    return { line: li + 1, column: start - line.start + 1, text: this.text.slice(start, end), snippet: cut.snippet, at: cut.at, start, end };
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const ELLIPSIS = '…';

/**
 * The sentence [s, e) cut to about `chars` UTF-16 units around the mention [ms, me): never beyond
 * the sentence, at a space when one is near, never between the halves of a surrogate pair; a cut
 * side is marked with an ellipsis. Line breaks become spaces (same length, so `at` holds).
 */
export function cutAround(text: string, s: number, e: number, ms: number, me: number, chars = SNIPPET_CHARS): { snippet: string; at: number } {
  let from = s;
  let to = e;
  if (to - from > chars) {
    const room = Math.max(0, chars - (me - ms));
    let before = Math.floor(room / 2);
    let after = room - before;
    // Give unused room on one side to the other.
    if (ms - s < before) {
      after += before - (ms - s);
      before = ms - s;
    } else if (e - me < after) {
      before += after - (e - me);
      after = e - me;
    }
    from = Math.max(s, ms - before);
    to = Math.min(e, me + after);
    // Prefer a word boundary within 20 characters (keeping the mention whole).
    if (from > s) {
      const near = text.indexOf(' ', from);
      if (near >= 0 && near < ms && near - from <= 20) from = near + 1;
    }
    if (to < e) {
      const near = text.lastIndexOf(' ', to);
      if (near >= me && to - near <= 20) to = near;
    }
    if (from > s && from < text.length && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from++;
    if (to < e && to > 0 && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to--;
  }
  const head = from > s ? ELLIPSIS : '';
  const tail = to < e ? ELLIPSIS : '';
  const body = text.slice(from, to).replace(/[\r\n]/g, ' ');
  return { snippet: head + body + tail, at: head.length + (ms - from) };
}
