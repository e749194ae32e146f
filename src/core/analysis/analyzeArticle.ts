// The one entry point of the core: an article's text plus settings in, its analysis out.
import type { CorpusConfig } from '../config/types';
import { codesAt, entryRef, linkEntry, type KbEntry, type KnowledgeBase } from '../corpus/knowledgeBase';
import { kbMentions, type KbMention } from '../corpus/kbMentions';
import type { BoilerplateEngine, CorpusLineStats, DateEngine, EntityEngine } from '../engines';
import { buildActors } from '../entities/actors';
import { gazetteer } from '../entities/gazetteer';
import { dropNonNamesOnKeptLines } from '../entities/keptLines';
import { foldName } from '../text/fold';
import { checkInput, DEFAULT_LIMITS, type InputLimits } from '../text/input';
import { splitLines } from '../text/lines';
import { splitSentences } from '../text/sentences';
import type { ArticleAnalysis, ArticleDateInfo, BoilerplateFinding, EntityMention, InputProblem, Span } from '../types';
import type { AnalysisCache } from './incremental';
import { findBlocks } from './structure';
import { MAX_DATE_MENTIONS, MAX_DATE_TEXT } from '../dates/engine';

export interface Engines {
  entities: EntityEngine;
  dates: DateEngine;
  boilerplate: BoilerplateEngine;
  /** Finds the article date from the text and config (see dates/articleDate). */
  articleDate(text: string, relPath: string | undefined, config: CorpusConfig): ArticleDateInfo | undefined;
}

export interface AnalyzeOptions {
  config: CorpusConfig;
  engines: Engines;
  /** Path of the article relative to its corpus root, forward slashes (for the date map, templates). */
  relPath?: string;
  /** Corpus-wide line statistics for template detection. */
  corpus?: CorpusLineStats;
  limits?: InputLimits;
  /**
   * The corpus's knowledge base: its names are found even where the tagger missed them, and actors
   * are linked to their entry with the codes in force on the article date.
   */
  knowledgeBase?: KnowledgeBase;
  /**
   * Reuse across calls on successive versions of one article (the editor's per-keystroke analysis);
   * bounded, and the results are exactly those of an analysis without it.
   */
  cache?: AnalysisCache;
  /** Skip stages not needed (e.g. the CLI `check` needs only boilerplate). */
  stages?: { entities?: boolean; dates?: boolean; boilerplate?: boolean; /** Defaults to `dates`. */ articleDate?: boolean };
}

function timed<T>(timings: Record<string, number>, name: string, f: () => T): T {
  const t0 = performance.now();
  try {
    return f();
  } finally {
    timings[name] = (timings[name] ?? 0) + performance.now() - t0;
  }
}

/** Runs one engine; a failure becomes a problem the user is told about, and the other stages still run. */
function guarded<T>(problems: InputProblem[], timings: Record<string, number>, name: string, fallback: T, f: () => T): T {
  try {
    return timed(timings, name, f);
  } catch (e) {
    problems.push({ kind: 'engine-error', message: `The ${name} engine failed on this article (${e instanceof Error ? e.message : String(e)}); its results are missing.` });
    return fallback;
  }
}

export function analyzeArticle(fullText: string, opts: AnalyzeOptions): ArticleAnalysis {
  const timings: Record<string, number> = {};
  const { config, engines } = opts;
  const stages = { entities: true, dates: true, boilerplate: true, ...opts.stages };
  const checked = checkInput(fullText, opts.limits ?? DEFAULT_LIMITS);
  const problems = [...checked.problems];
  const text = checked.text;
  const lines = timed(timings, 'structure', () => splitLines(text));
  const empty: ArticleAnalysis = { text, lines, blocks: [], sentences: [], entities: [], dates: [], boilerplate: [], actors: [], problems, timings };
  if (!checked.analysable || text.trim() === '') return empty;

  const { blocks, headline } = findBlocks(lines);
  // The spans of the non-empty lines (of those `keep` lets through, by index).
  const lineRegions = (keep?: (line: number) => boolean): Span[] => lines.filter((l, i) => l.text.trim() !== '' && (!keep || keep(i))).map((l) => ({ start: l.start, end: l.end }));
  const nonEmpty = lineRegions();
  const sentences = timed(timings, 'sentences', () => splitSentences(text, nonEmpty));

  let boilerplate: BoilerplateFinding[] = [];
  if (stages.boilerplate && config.boilerplate.enabled) {
    const settings = config.trusted ? config.boilerplate : { ...config.boilerplate, patterns: [] };
    boilerplate = guarded(problems, timings, 'boilerplate', [], () =>
      engines.boilerplate.detect({
        text, lines, settings, corpus: opts.corpus, docId: opts.relPath, cache: opts.cache?.boilerplate, onLimit: (message) => problems.push({ kind: 'truncated', message }),
      }),
    );
  }
  // An article's own headline is never one of its template lines: when other articles of the
  // corpus repeat it, they carry it as a teaser of this one.
  if (headline) boilerplate = boilerplate.filter((b) => !(b.line === headline.index && b.category === 'template'));
  const flagged = new Set(boilerplate.map((b) => b.line));

  let entities: EntityMention[] = [];
  let kbFound: KbMention[] = [];
  if (stages.entities) {
    // Names are looked for in article text: the tagger reads the lines the boilerplate stage kept,
    // so a page's menus and teasers neither cost tagging time nor colour the document context in
    // which the article's own names are judged.
    const regions = flagged.size > 0 ? lineRegions((i) => !flagged.has(i)) : nonEmpty;
    entities = guarded(problems, timings, 'entities', [], () => engines.entities.recognize(text, regions));
    const kb = opts.knowledgeBase;
    if (kb) {
      kbFound = guarded(problems, timings, 'knowledge base', [], () => kbMentions(text, regions, kb));
      entities = mergeKbMentions(entities, kbFound);
    }
    const g = gazetteer();
    const kinds = new Set(config.entities.kinds);
    const lineStarts = lines.map((l) => l.start);
    entities = entities
      .filter((e) => kinds.has(e.kind))
      .map((e) => {
        // Demonyms ("Malian", "Togolese") refer to their country, whichever kind the engine gave
        // them; a country's own name is no demonym of itself.
        const dem = (e.kind === 'other' || e.kind === 'place') && !e.refersTo ? g.demonym(e.text) : undefined;
        const refersTo = dem && foldName(dem.name) !== foldName(e.text) ? dem.name : undefined;
        const out: EntityMention = { ...e };
        if (refersTo) out.refersTo = refersTo;
        return out;
      });
    entities = dropNonNamesOnKeptLines(entities, lines, config.boilerplate.keep, (e) => upperBound(lineStarts, e.start) - 1);
  }

  const articleDate = (stages.articleDate ?? stages.dates) ? guarded(problems, timings, 'article date', undefined, () => engines.articleDate(text, opts.relPath, config)) : undefined;
  const dates = stages.dates ? guarded(problems, timings, 'dates', [], () => engines.dates.recognize(text, articleDate, opts.cache?.dates)) : [];
  // Limits of the date stage, said once per article (the one place limits become messages for an article).
  if (stages.dates && text.length > MAX_DATE_TEXT) problems.push({ kind: 'truncated', message: `Dates were looked for in the first ${MAX_DATE_TEXT.toLocaleString('en-US')} characters only.` });
  if (dates.length >= MAX_DATE_MENTIONS) problems.push({ kind: 'truncated', message: `Only the first ${MAX_DATE_MENTIONS.toLocaleString('en-US')} dates are reported; the rest of the article was not examined for dates.` });

  const actors = stages.entities ? guarded(problems, timings, 'actors', [], () => buildActors(text, entities, sentences)) : [];
  if (opts.knowledgeBase && actors.length) linkActors(actors, kbFound, opts.knowledgeBase, articleDate?.value, problems);

  return { text, lines, blocks, sentences, headline, entities, dates, boilerplate, actors, articleDate, problems, timings };
}

/** The tagger's spans, plus each knowledge-base name it missed (one that overlaps none of its spans). */
function mergeKbMentions(entities: EntityMention[], found: KbMention[]): EntityMention[] {
  if (found.length === 0) return entities;
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  const out = [...entities];
  let k = 0;
  for (const f of found) {
    while (k < sorted.length && sorted[k].end <= f.start) k++;
    if (k < sorted.length && sorted[k].start < f.end) continue; // the tagger has it (or part of it)
    const kind = f.entries.find((e) => e.kind)?.kind ?? 'other';
    out.push({ start: f.start, end: f.end, text: f.text, kind, source: 'knowledge base' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Links each actor to its knowledge-base entry (by its names, else by the dictionary matches of its
 * mentions) with the codes in force on the article date; an entry two actors point at is reported.
 */
function linkActors(actors: ArticleAnalysis['actors'], found: KbMention[], kb: KnowledgeBase, date: string | undefined, problems: InputProblem[]): void {
  const byStart = new Map<number, KbMention>();
  for (const f of found) byStart.set(f.start, f);
  const linked = new Map<KbEntry, string[]>();
  for (const a of actors) {
    let entry = linkEntry(kb, a.name, a.aliases);
    if (!entry) {
      const viaText = new Set<KbEntry>();
      for (const m of a.mentions) for (const e of byStart.get(m.start)?.entries ?? []) viaText.add(e);
      if (viaText.size === 1) entry = viaText.values().next().value;
    }
    if (!entry) continue;
    a.kb = entryRef(entry);
    a.codes = codesAt(entry.codes, date);
    a.kbCodes = entry.codes;
    const names = linked.get(entry) ?? [];
    names.push(a.name);
    linked.set(entry, names);
  }
  for (const [entry, names] of linked) {
    if (names.length < 2) continue;
    problems.push({
      kind: 'knowledge-base',
      message: `Knowledge-base entry "${entry.name}" (${entry.file}, line ${entry.line}) matches ${names.length} different actors of this article: ${names.map((n) => `"${n}"`).join(', ')}.`,
    });
  }
}

function upperBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
