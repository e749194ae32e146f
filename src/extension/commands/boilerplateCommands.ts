import * as vscode from 'vscode';
import { configListEdit, undoConfigEdit, type ConfigEdit } from '../../core/config/editConfig';
import { lineKey } from '../../core/boilerplate';
import { removeAllSpans } from '../../core/edits/boilerplateRemoval';
import type { AnalysisService } from '../analysis/analysisService';
import type { ConfigStore } from '../corpus/configStore';
import { log } from '../log';

async function docFor(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}

export function registerBoilerplateCommands(analyses: AnalysisService, store: ConfigStore): vscode.Disposable[] {
  // "Kept as article text" confirmation in the status bar, with an undo, for a few seconds.
  const keptItem = vscode.window.createStatusBarItem('newsCorpus.kept', vscode.StatusBarAlignment.Left, 1000);
  keptItem.name = 'News Corpus: line kept';
  let lastKept: { configUri: vscode.Uri; change: ConfigEdit; before: string } | undefined;
  let keptTimer: ReturnType<typeof setTimeout> | undefined;

  const hideKept = (): void => {
    clearTimeout(keptTimer);
    keptItem.hide();
    lastKept = undefined;
  };

  const confirmKept = (line: number, undo: typeof lastKept): void => {
    clearTimeout(keptTimer);
    lastKept = undo;
    keptItem.text = undo ? `$(check) Line ${line + 1} kept as article text — Undo` : `$(check) Line ${line + 1} is already kept as article text`;
    keptItem.tooltip = undo ? 'Remembered in newscorpus.yaml (boilerplate.keep). Click to undo.' : 'It is listed in newscorpus.yaml (boilerplate.keep).';
    keptItem.command = undo ? 'newsCorpus.undoKeepAsArticle' : undefined;
    keptItem.show();
    keptTimer = setTimeout(hideKept, 15000);
  };

  return [
    vscode.commands.registerCommand('newsCorpus.removeAllBoilerplate', async (uri?: vscode.Uri) => {
      const doc = await docFor(uri);
      const entry = doc && (await analyses.get(doc));
      if (!doc || !entry) {
        void vscode.window.showInformationMessage('Open a news article of a corpus to remove its boilerplate.');
        return 0;
      }
      const spans = removeAllSpans(entry.analysis.lines, entry.analysis.boilerplate);
      if (!spans.length) {
        void vscode.window.showInformationMessage('No boilerplate found in this article.');
        return 0;
      }
      const edit = new vscode.WorkspaceEdit();
      for (const s of spans) edit.delete(doc.uri, new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
      await vscode.workspace.applyEdit(edit);
      return entry.analysis.boilerplate.length;
    }),

    vscode.commands.registerCommand('newsCorpus.keepAsArticle', async (uri?: vscode.Uri, line?: number) => {
      const doc = await docFor(uri);
      const entry = doc && (await analyses.get(doc));
      if (!doc || !entry) return false;
      const l = line ?? vscode.window.activeTextEditor?.selection.active.line ?? 0;
      const text = entry.analysis.lines[l]?.text ?? '';
      const configUri = entry.location.corpus.configUri;
      const configDoc = await vscode.workspace.openTextDocument(configUri);
      const before = configDoc.getText();
      const change = configListEdit(before, ['boilerplate', 'keep'], lineKey(text));
      if (change === undefined) {
        void vscode.window.showErrorMessage('newscorpus.yaml could not be edited safely (a syntax error, or boilerplate.keep is not a list): fix it, then keep the line again.');
        return false;
      }
      if (change !== null) {
        // Only the one item is inserted: the rest of the file stays exactly as the user wrote it.
        const edit = new vscode.WorkspaceEdit();
        edit.replace(configUri, new vscode.Range(configDoc.positionAt(change.offset), configDoc.positionAt(change.offset + change.remove)), change.insert);
        await vscode.workspace.applyEdit(edit);
        await configDoc.save();
        await store.reloadAll();
        analyses.invalidateAll();
        log.info(`Kept line ${l + 1} of ${vscode.workspace.asRelativePath(doc.uri)} as article text (boilerplate.keep in ${vscode.workspace.asRelativePath(configUri)}).`);
      }
      confirmKept(l, change === null ? undefined : { configUri, change, before });
      return true;
    }),

    vscode.commands.registerCommand('newsCorpus.undoKeepAsArticle', async () => {
      const last = lastKept;
      hideKept();
      if (!last) return false;
      const configDoc = await vscode.workspace.openTextDocument(last.configUri);
      const now = configDoc.getText();
      const undo = undoConfigEdit(now, last.change, last.before);
      if (!undo) {
        void vscode.window.showWarningMessage('newscorpus.yaml changed since the line was kept: remove it from boilerplate.keep by hand.');
        return false;
      }
      const edit = new vscode.WorkspaceEdit();
      edit.replace(last.configUri, new vscode.Range(configDoc.positionAt(undo.offset), configDoc.positionAt(undo.offset + undo.remove)), undo.insert);
      await vscode.workspace.applyEdit(edit);
      await configDoc.save();
      await store.reloadAll();
      analyses.invalidateAll();
      vscode.window.setStatusBarMessage('$(discard) Line flagged as boilerplate again', 4000);
      return true;
    }),

    keptItem,
    { dispose: hideKept },

    vscode.commands.registerCommand('newsCorpus.nextBoilerplate', () => jump(analyses, +1)),
    vscode.commands.registerCommand('newsCorpus.previousBoilerplate', () => jump(analyses, -1)),
  ];
}

/** Moves the cursor to the next (or previous) flagged line, wrapping around. */
async function jump(analyses: AnalysisService, dir: 1 | -1): Promise<number | undefined> {
  const editor = vscode.window.activeTextEditor;
  const entry = editor && (await analyses.get(editor.document));
  if (!editor || !entry) return undefined;
  const lines = [...new Set(entry.analysis.boilerplate.map((b) => b.line))].sort((a, b) => a - b);
  if (!lines.length) {
    void vscode.window.setStatusBarMessage('No boilerplate in this article', 3000);
    return undefined;
  }
  const cur = editor.selection.active.line;
  const target = dir > 0 ? lines.find((l) => l > cur) ?? lines[0] : [...lines].reverse().find((l) => l < cur) ?? lines[lines.length - 1];
  const f = entry.analysis.boilerplate.find((b) => b.line === target)!;
  const range = new vscode.Range(editor.document.positionAt(f.start), editor.document.positionAt(f.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return target;
}
