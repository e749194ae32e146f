import * as vscode from 'vscode';
import { addToConfigList } from '../../core/config/editConfig';
import { lineKey } from '../../core/boilerplate';
import { removeAllSpans } from '../../core/edits/boilerplateRemoval';
import type { AnalysisService } from '../analysis/analysisService';
import type { ConfigStore } from '../corpus/configStore';

async function docFor(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}

export function registerBoilerplateCommands(analyses: AnalysisService, store: ConfigStore): vscode.Disposable[] {
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
      const updated = addToConfigList(configDoc.getText(), ['boilerplate', 'keep'], lineKey(text));
      if (updated === undefined) {
        void vscode.window.showErrorMessage('newscorpus.yaml has errors (see Problems): fix them first, then keep the line again.');
        return false;
      }
      const edit = new vscode.WorkspaceEdit();
      edit.replace(configUri, new vscode.Range(0, 0, configDoc.lineCount, 0), updated);
      await vscode.workspace.applyEdit(edit);
      await configDoc.save();
      await store.reloadAll();
      analyses.invalidateAll();
      return true;
    }),

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
