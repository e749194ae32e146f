// The messages between a host (the extension host's main thread, the CLI) and an analysis worker.
// One file, imported by both sides. Everything here is plain, structured-clonable data; article
// text goes in, results come out without the text (the host has it) and without token arrays.
import type { PackedKnowledgeBase } from '../core/corpus/kbParse';
import type { AnalyzeOptions } from '../core/analysis/analyzeArticle';
import type { TemplateTable } from '../core/boilerplate/templateTable';

export type { TemplateTable };
import type { CorpusConfig } from '../core/config/types';
import type { ArticleSummary } from '../core/corpus/articleSummary';
import type { ArticleAnalysis, Line } from '../core/types';
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

/** An analysis as it crosses the boundary: no text, lines without their text, the long arrays as columns. */
export interface AnalysisResult extends Omit<ArticleAnalysis, 'text' | 'lines' | ColumnFields> {
  /** Line starts and ends, flat [start0, end0, start1, end1, …]. */
  lineSpans: number[];
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
  const { text, lines, entities, dates, boilerplate, blocks, sentences, ...rest } = a;
  const lineSpans: number[] = new Array(lines.length * 2);
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
  return { ...rest, headline, lineSpans, textLength: text.length, workerMs, columns };
}

/** Rebuilds the full analysis on the host from a result and the text that was sent. */
export function attachText(result: AnalysisResult, text: string): ArticleAnalysis & { workerMs: number } {
  const { lineSpans, textLength, columns, ...rest } = result;
  const analysed = textLength === text.length ? text : text.slice(0, textLength);
  const lines: Line[] = [];
  for (let i = 0; i < lineSpans.length; i += 2) lines.push({ index: i / 2, start: lineSpans[i], end: lineSpans[i + 1], text: analysed.slice(lineSpans[i], lineSpans[i + 1]) });
  const headline = rest.headline ? lines[rest.headline.index] : undefined;
  return {
    ...rest,
    text: analysed,
    lines,
    headline,
    entities: fromColumns(columns.entities, analysed),
    dates: fromColumns(columns.dates, analysed),
    boilerplate: fromColumns(columns.boilerplate, analysed),
    blocks: fromColumns(columns.blocks, analysed),
    sentences: fromColumns(columns.sentences, analysed),
  };
}
