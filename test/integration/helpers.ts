// Shared by the integration suites (bundled into each of them).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'news-corpus.news-corpus-annotator';

export interface Api {
  indexed: Promise<void>;
}

export async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, 'extension installed');
  return ext.activate();
}

export function wsPath(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.file(path.join(folder.uri.fsPath, ...parts));
}

export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens a file in an editor and waits until it is a news article (or stays plain text). */
export async function openArticle(uri: vscode.Uri, language = 'news-article'): Promise<vscode.TextEditor> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  const doc = await waitFor(`${path.basename(uri.fsPath)} as ${language}`, () => {
    const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
    return d && d.languageId === language ? d : undefined;
  });
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function diagnosticsOf(uri: vscode.Uri, source = 'news'): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === source)
    .sort((a, b) => a.range.start.line - b.range.start.line);
}

export interface DecodedToken {
  line: number;
  char: number;
  length: number;
  type: string;
  modifiers: string[];
  text: string;
}

export async function semanticTokens(doc: vscode.TextDocument): Promise<DecodedToken[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri);
  if (!tokens || !legend) return [];
  const out: DecodedToken[] = [];
  let line = 0;
  let char = 0;
  const d = tokens.data;
  for (let i = 0; i < d.length; i += 5) {
    line += d[i];
    char = d[i] === 0 ? char + d[i + 1] : d[i + 1];
    const mods = legend.tokenModifiers.filter((_, k) => (d[i + 4] >> k) & 1);
    out.push({ line, char, length: d[i + 2], type: legend.tokenTypes[d[i + 3]], modifiers: mods, text: doc.lineAt(line).text.substr(char, d[i + 2]) });
  }
  return out;
}

export async function hoverText(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n---\n');
}

/** Position of the n-th occurrence of needle (plus an offset into it). */
export function find(doc: vscode.TextDocument, needle: string, nth = 0, into = 1): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs ${nth + 1} time(s) in ${doc.uri.fsPath}`);
  }
  return doc.positionAt(at + into);
}
