// Reads an article from disk for the corpus commands (scan, export, clean): undefined when it is
// larger than the index's limit or not text.
import * as vscode from 'vscode';
import { MAX_INDEXED_FILE_BYTES } from '../../node/corpusIndexer';
import { decodeBytes } from '../../core/text/decode';
import { looksBinary } from '../../core/text/input';

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
