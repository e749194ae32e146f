// Per corpus: which lines repeat across its articles (templates) and which
// articles mention which names, built by reading the corpus files in the
// background and kept up to date as files change.
import * as vscode from 'vscode';
import { TemplateIndex } from '../../core/boilerplate';
import type { ArticleSummary } from '../../core/corpus/articleSummary';
import { CorpusIndex } from '../../core/corpus/corpusIndex';
import { decodeBytes } from '../../core/text/decode';
import { looksBinary } from '../../core/text/input';

export interface CorpusState {
  templates: TemplateIndex;
  names: CorpusIndex;
  /** Summaries of the indexed articles by corpus-relative path (the input of corpus actors). */
  summaries: Map<string, ArticleSummary>;
  /** Articles listed for indexing (after include/exclude and the file cap). */
  files: vscode.Uri[];
  /** Set when the corpus has more files than newsCorpus.scan.maxFiles. */
  capped: boolean;
  ready: boolean;
}

export const MAX_INDEXED_FILE_BYTES = 5 * 1024 * 1024;

/** Reads an article from disk for indexing; undefined when it is too large or not text. */
export async function readArticle(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_INDEXED_FILE_BYTES) return undefined;
    const { text } = decodeBytes(await vscode.workspace.fs.readFile(uri));
    return looksBinary(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

export function newCorpusState(): CorpusState {
  return { templates: new TemplateIndex(), names: new CorpusIndex(), summaries: new Map(), files: [], capped: false, ready: false };
}
