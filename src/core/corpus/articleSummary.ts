// What the corpus level keeps of one article: small, plain data (no article text), computed in
// the analysis worker, persisted in the corpus store, and the only input of the corpus model
// (corpus actors, dossiers, counts). Bump SUMMARY_VERSION whenever the shape or its meaning changes:
// cached summaries of another version are discarded and recomputed.
import { lineKeyHashOf } from '../boilerplate/templates';
import { foldName } from '../text/fold';

import { BOILERPLATE_CATEGORIES, ENTITY_KINDS, type ArticleAnalysis, type BoilerplateCategory, type EntityKind } from '../types';

export const SUMMARY_VERSION = 5;

/**
 * One actor of one article (the article's own clustering of its mentions). Its other names, roles and
 * demonyms are absent together when it has none of them (nine actors in ten of the corpus bench's
 * 10,000 real articles: three fields fewer for each, 8.9 MB that the corpus keeps while it is open);
 * otherwise all three are there, an empty one shared (see actorSummary). Read them with `?? NO_NAMES`.
 */
export interface ActorSummary {
  /** Canonical name in this article (its longest form). */
  name: string;
  kind: EntityKind;
  /** How many mentions it has: its spans are the next this many pairs of the summary's `mentionSpans` (see actorSpans). */
  mentionCount: number;
  /** Other surface forms in this article (surnames, acronyms, demonyms), canonical name excluded. */
  aliases?: string[];
  /** Roles and titles this article gives it ("interim Malian President"). */
  roles?: string[];
  /** Demonym forms that referred to it ("Malian"). */
  demonyms?: string[];
}

/** One shared, frozen empty list: what a stored summary holds for any list it has nothing in (see the corpus store). */
export const EMPTY_LIST: never[] = Object.freeze([]) as unknown as never[];

/** The shared empty list of names: what an actor summary without aliases, roles or demonyms has of them. */
export const NO_NAMES: string[] = EMPTY_LIST;

/**
 * An actor summary of the literal's shape: name, kind and count, then its aliases, roles and
 * demonyms only when it has any of them (an empty one then the shared NO_NAMES). Two shapes in all,
 * the one a prefix of the other, so that the corpus model's reads of the first three stay quick.
 */
export function actorSummary(name: string, kind: EntityKind, mentionCount: number, aliases?: string[], roles?: string[], demonyms?: string[]): ActorSummary {
  const al = Array.isArray(aliases) && aliases.length > 0 ? aliases : NO_NAMES;
  const ro = Array.isArray(roles) && roles.length > 0 ? roles : NO_NAMES;
  const de = Array.isArray(demonyms) && demonyms.length > 0 ? demonyms : NO_NAMES;
  if (al === NO_NAMES && ro === NO_NAMES && de === NO_NAMES) return { name, kind, mentionCount };
  return { name, kind, mentionCount, aliases: al, roles: ro, demonyms: de };
}

/** An acronym defined in the article: "Economic Community of West African States (ECOWAS)". */
export interface AcronymDefinition {
  short: string;
  long: string;
}

export interface ArticleSummary {
  /** Path relative to the corpus root, forward slashes. */
  relPath: string;
  /** Article date YYYY-MM-DD, when known (see dates/articleDate). */
  date?: string;
  /** The headline (first non-empty line), at most 200 characters. */
  title?: string;
  /** Length of the analysed text in UTF-16 units. */
  chars: number;
  /** Hashes of the normalised keys of the article's distinct non-empty lines (corpus templates; lineKeyHash: 31 bits, held without a heap number each). */
  lineHashes: number[];
  /** Boilerplate lines flagged without corpus context (templates excluded), as runs (see BoilerplateRuns). */
  boilerplate: BoilerplateRuns;
  /** Actors of the article text (the analysis looks for names on the lines it keeps only). */
  actors: ActorSummary[];
  /**
   * The actors' mention spans, one flat list for the article, actor after actor in the order of
   * `actors`: [start0, end0, start1, end1, …], 0-based, end-exclusive, UTF-16 offsets. One list per
   * article rather than one per actor: the corpus worker keeps every summary, and a list of its own
   * for each of the 401,000 article actors of 10,000 articles took 19 MB more.
   */
  mentionSpans: number[];
  acronyms: AcronymDefinition[];
}

/** Actor index up to which actorSpans sums the counts before it; past it, a summary's offsets are kept. */
const SUMMED_UP_TO = 64;
/** Where each actor's spans start, for summaries asked past SUMMED_UP_TO (summaries are never changed once made). */
const spanStarts = new WeakMap<ArticleSummary, Int32Array>();

/**
 * The mention spans of a summary's actor (by its index in `actors`), flat [start0, end0, …]: a new
 * list. Every actor of an article asked in turn costs linear time in its actors: past SUMMED_UP_TO,
 * the offsets are worked out once per summary and kept while it lives.
 */
export function actorSpans(summary: ArticleSummary, index: number): number[] {
  const actors = summary.actors;
  let from = 0;
  if (index <= SUMMED_UP_TO) for (let i = 0; i < index; i++) from += actors[i].mentionCount;
  else {
    let starts = spanStarts.get(summary);
    if (!starts) {
      starts = new Int32Array(actors.length + 1);
      for (let i = 0; i < actors.length; i++) starts[i + 1] = starts[i] + actors[i].mentionCount;
      spanStarts.set(summary, starts);
    }
    from = starts[index];
  }
  return summary.mentionSpans.slice(2 * from, 2 * (from + actors[index].mentionCount));
}


/** Hashes of the normalised keys of a text's distinct non-empty lines (at most `max`). */
export function lineHashesOf(lines: readonly { text: string }[], max = 2000): number[] {
  const out = new Set<number>();
  for (const l of lines) {
    if (out.size >= max) break;
    const h = lineKeyHashOf(l.text);
    if (h !== undefined) out.add(h);
  }
  return [...out];
}

const ACRONYM = /^[\p{Lu}\d&-]{2,}$/u;

/** The summary of an analysed article. */
export function summarizeArticle(analysis: ArticleAnalysis, relPath: string): ArticleSummary {
  const actors: ActorSummary[] = [];
  const mentionSpans: number[] = [];
  const acronyms: AcronymDefinition[] = [];
  const seenAcronym = new Set<string>();
  for (const a of analysis.actors) {
    for (const m of a.mentions) mentionSpans.push(m.start, m.end);
    actors.push(actorSummary(a.name, a.kind, a.mentions.length, a.aliases, a.roles, a.demonyms));
    // An organisation's acronym alias is a definition the corpus can reuse in other articles.
    if (a.kind === 'organization' && !ACRONYM.test(a.name)) {
      for (const alias of a.aliases) {
        if (!ACRONYM.test(alias)) continue;
        const key = foldName(alias);
        if (seenAcronym.has(key)) continue;
        seenAcronym.add(key);
        acronyms.push({ short: alias, long: a.name });
      }
    }
  }
  const headline = analysis.headline?.text.trim();
  return {
    relPath,
    ...(analysis.articleDate ? { date: analysis.articleDate.value } : {}),
    ...(headline ? { title: headline.length > 200 ? headline.slice(0, 199) + '…' : headline } : {}),
    chars: analysis.text.length,
    lineHashes: lineHashesOf(analysis.lines),
    boilerplate: boilerplateRuns(analysis.boilerplate.filter((b) => b.category !== 'template')),
    actors,
    mentionSpans,
    acronyms,
  };
}

const SHARED_KINDS = new Map<string, EntityKind>(ENTITY_KINDS.map((k) => [k, k]));
const SHARED_CATEGORIES = new Map<string, BoilerplateCategory>(BOILERPLATE_CATEGORIES.map((c) => [c, c]));

/**
 * Gives a summary that came from another thread or from the store one shared string per actor kind
 * and boilerplate category, in place: a summary copied between threads brings its own copy of each
 * ("person" 400,000 times over 10,000 articles, about 15 MB that the corpus keeps as long as it is open).
 */
export function shareConstantStrings(summary: ArticleSummary): ArticleSummary {
  for (const a of summary.actors ?? []) a.kind = SHARED_KINDS.get(a.kind) ?? a.kind;
  const runs = summary.boilerplate;
  if (Array.isArray(runs)) for (let i = 2; i < runs.length; i += 3) if (typeof runs[i] === 'string') runs[i] = SHARED_CATEGORIES.get(runs[i] as string) ?? runs[i];
  return summary;
}

/**
 * Makes each actor of a summary that came from another thread or from the store an object of
 * actorSummary's shape, in place: a structured clone builds an object property by property, and past
 * four properties V8 moves the rest to a property array of their own (in Node, without pointer
 * compression, such an actor took 96 bytes, the literal 72); a store written before the shape had
 * its empty lists in every actor. The corpus worker keeps every article's actors (401,070 at the
 * corpus bench's 10,000 articles).
 */
export function compactActors(summary: ArticleSummary): ArticleSummary {
  const actors = summary.actors;
  if (!Array.isArray(actors)) return summary;
  for (let i = 0; i < actors.length; i++) {
    const a = actors[i];
    actors[i] = actorSummary(a.name, a.kind, a.mentionCount, a.aliases, a.roles, a.demonyms);
  }
  return summary;
}

/**
 * Flagged lines as runs of consecutive lines of one category, flat: first line, last line, category,
 * then the next run ([3, 7, 'navigation', 40, 40, 'share']). A page's boilerplate comes in blocks
 * (menus, footers, comment threads): one small list per article, where a { line, category } object
 * per flagged line held 4.5 KB per article in the corpus worker's heap (3,000 real articles).
 */
export type BoilerplateRuns = (number | string)[];

/** The runs of flagged lines (any order, a line flagged twice counted once, its first category kept). */
export function boilerplateRuns(findings: readonly { line: number; category: string }[]): BoilerplateRuns {
  const sorted = [...findings].sort((a, b) => a.line - b.line);
  const runs: BoilerplateRuns = [];
  for (const f of sorted) {
    const n = runs.length;
    if (n && runs[n - 2] === f.line) continue;
    if (n && runs[n - 1] === f.category && runs[n - 2] === f.line - 1) runs[n - 2] = f.line;
    else runs.push(f.line, f.line, f.category);
  }
  return runs;
}

/** The flagged lines of runs, one { line, category } per line, in line order (a damaged list gives what it can). */
export function boilerplateLinesOf(runs: BoilerplateRuns | undefined): { line: number; category: string }[] {
  const out: { line: number; category: string }[] = [];
  if (!Array.isArray(runs)) return out;
  for (let i = 0; i + 2 < runs.length; i += 3) {
    const [first, last, category] = [runs[i], runs[i + 1], runs[i + 2]];
    if (typeof first !== 'number' || typeof last !== 'number' || typeof category !== 'string' || last < first) continue;
    for (let line = first; line <= last; line++) out.push({ line, category });
  }
  return out;
}
