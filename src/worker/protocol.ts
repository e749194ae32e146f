// The messages between a host (the extension host's main thread, the CLI) and an analysis worker.
// One file, imported by both sides. Everything here is plain, structured-clonable data; article
// text goes in, results come out without the text (the host has it) and without token arrays.
import type { PackedKnowledgeBase } from '../core/corpus/kbParse';
import type { AnalyzeOptions } from '../core/analysis/analyzeArticle';
import type { TemplateTable } from '../core/boilerplate/templateTable';

export type { TemplateTable };
import type { CorpusConfig } from '../core/config/types';
import type { ArticleSummary } from '../core/corpus/articleSummary';
import type { Actor, ArticleAnalysis, Line } from '../core/types';
import { fromColumns, toColumns, type Columns } from './columns';


export interface AnalyzeRequest {
  text: string;
  config: CorpusConfig;
  relPath?: string;
  maxChars?: number;
  stages?: AnalyzeOptions['stages'];
  templates?: TemplateTable;
  /** The corpus folder, where the knowledge-base files that config.knowledgeBase lists are found. */
  corpusRoot?: string;
  /**
   * One article of a run over many (scan, export, clean): analysed with the indexing engines, without
   * the editor's per-sentence cache, which only pays for an article edited again and again.
   */
  batch?: boolean;
}

/** The arrays of an analysis that cross the boundary as columns (see columns.ts). */
export type ColumnFields = 'entities' | 'dates' | 'boilerplate' | 'blocks' | 'sentences';

/**
 * An article's actors as columns: their mentions and co-occurring names as two flat lists of records,
 * each actor's `mentions` and `coOccurring` holding how many of them are its own (in order). Sent as
 * objects, the co-occurring names alone (a name, a kind and a count each, the names repeating from
 * actor to actor) took the host's thread 1.4 ms to read back for a 300 KB article.
 */
export interface ActorColumns {
  actors: Columns;
  mentions: Columns;
  coOccurring: Columns;
}

/** An analysis as it crosses the boundary: no text, lines without their text, the long arrays as columns. */
export interface AnalysisResult extends Omit<ArticleAnalysis, 'text' | 'lines' | 'actors' | ColumnFields> {
  actors: ActorColumns;
  /** Line starts and ends, flat [start0, end0, start1, end1, …] (one typed array: a structured clone copies its bytes). */
  lineSpans: Int32Array;
  /** Length of the analysed text (a prefix of the text sent: long articles are cut at a line break). */
  textLength: number;
  /** Worker time in milliseconds (for the bench and the log). */
  workerMs: number;
  /** Entities, dates, boilerplate findings, blocks and sentences, as columns; texts at their spans left out. */
  columns: Record<ColumnFields, Columns>;
}

export interface SummarizeItem {
  relPath: string;
  text: string;
}

export interface SummarizeRequest {
  items: SummarizeItem[];
  config: CorpusConfig;
  maxChars?: number;
  /** Only the article date is wanted (the rest of the summary is known). */
  onlyDate?: boolean;
  /** The corpus folder (knowledge-base files). */
  corpusRoot?: string;
}

export interface SummarizeResult {
  relPath: string;
  summary?: ArticleSummary;
  /** Why the article has no summary (binary, empty, engine failure). */
  problem?: string;
}

/** The methods a worker offers (workerpool method names and their signatures). */
export interface AnalysisWorkerMethods {
  analyze(req: AnalyzeRequest): AnalysisResult;
  summarize(req: SummarizeRequest): { results: SummarizeResult[]; workerMs: number };
  /** Name of the entity engine in use and why the trained one is not, if so. */
  engineInfo(): { entities: string; fallbackReason?: string };
  /** Parses a knowledge-base file's text (named by its path relative to the corpus), with the folded names of its entries. */
  parseKnowledgeBase(req: { text: string; relFile: string }): PackedKnowledgeBase;
  /** Under test only: ends the worker thread as a crash would (offered only when NEWS_CORPUS_TEST_HOOKS=1). */
  exitForTest?(): void;
}

/** The result of an analysis, as the worker sends it (the inverse of attachText). */
export function toResult(a: ArticleAnalysis, workerMs: number): AnalysisResult {
  const { text, lines, entities, dates, boilerplate, blocks, sentences, actors, ...rest } = a;
  const lineSpans = new Int32Array(lines.length * 2);
  for (let i = 0; i < lines.length; i++) {
    lineSpans[2 * i] = lines[i].start;
    lineSpans[2 * i + 1] = lines[i].end;
  }
  // The headline is rebuilt from the line spans on the host.
  const headline = rest.headline ? { ...rest.headline, text: '' } : undefined;
  const columns = {
    entities: toColumns(entities, text),
    dates: toColumns(dates, text),
    boilerplate: toColumns(boilerplate, text),
    blocks: toColumns(blocks, text),
    sentences: toColumns(sentences, text),
  };
  return { ...rest, actors: actorsToColumns(actors), headline, lineSpans, textLength: text.length, workerMs, columns };
}

function actorsToColumns(actors: readonly Actor[]): ActorColumns {
  const mentions: object[] = [];
  const coOccurring: object[] = [];
  const counted = actors.map((a) => {
    for (const m of a.mentions) mentions.push(m);
    for (const c of a.coOccurring) coOccurring.push(c);
    // The counts in the lists' own places: the fields keep their order.
    return { ...a, mentions: a.mentions.length, coOccurring: a.coOccurring.length };
  });
  return { actors: toColumns(counted), mentions: toColumns(mentions), coOccurring: toColumns(coOccurring) };
}

function actorsFromColumns(c: ActorColumns): Actor[] {
  const mentions = fromColumns<Actor['mentions'][number]>(c.mentions);
  const coOccurring = fromColumns<Actor['coOccurring'][number]>(c.coOccurring);
  const actors = fromColumns<Omit<Actor, 'mentions' | 'coOccurring'> & { mentions: unknown; coOccurring: unknown }>(c.actors);
  let m = 0;
  let k = 0;
  for (const a of actors) {
    const nm = a.mentions as number;
    const nc = a.coOccurring as number;
    a.mentions = mentions.slice(m, (m += nm));
    a.coOccurring = coOccurring.slice(k, (k += nc));
  }
  return actors as Actor[];
}

/** Rebuilds the full analysis on the host from a result and the text that was sent. */
export function attachText(result: AnalysisResult, text: string): ArticleAnalysis & { workerMs: number } {
  const { lineSpans, textLength, columns, actors, ...rest } = result;
  const analysed = textLength === text.length ? text : text.slice(0, textLength);
  const lines: Line[] = [];
  for (let i = 0; i < lineSpans.length; i += 2) lines.push({ index: i / 2, start: lineSpans[i], end: lineSpans[i + 1], text: analysed.slice(lineSpans[i], lineSpans[i + 1]) });
  const headline = rest.headline ? lines[rest.headline.index] : undefined;
  return {
    ...rest,
    text: analysed,
    lines,
    actors: actorsFromColumns(actors),
    headline,
    entities: fromColumns(columns.entities, analysed),
    dates: fromColumns(columns.dates, analysed),
    boilerplate: fromColumns(columns.boilerplate, analysed),
    blocks: fromColumns(columns.blocks, analysed),
    sentences: fromColumns(columns.sentences, analysed),
  };
}
