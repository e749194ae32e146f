import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';

/** Entity and boilerplate counts of the active article. */
export function registerStatusBar(analyses: AnalysisService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('newsCorpus.counts', vscode.StatusBarAlignment.Right, 100);
  item.name = 'News Corpus: counts';
  item.command = 'newsCorpus.showActors';
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const entry = doc && analyses.latest(doc);
    // Not analysed yet: ask, and come back when the analysis arrives (onDidAnalyse).
    if (doc && !analyses.peek(doc)) void analyses.get(doc);
    if (!entry || !vscode.workspace.getConfiguration('newsCorpus.statusBar').get('enabled', true)) {
      item.hide();
      return;
    }
    const a = entry.analysis;
    const entities = a.entities.length;
    item.text = `$(person) ${a.actors.length} actors · ${entities} entities  $(warning) ${a.boilerplate.length} boilerplate`;
    item.tooltip = `${a.actors.length} actors, ${entities} entity mentions, ${a.dates.length} dates; ${a.boilerplate.length} boilerplate line(s). Click to list the actors.`;
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    // A .txt becomes a news article after it opened (its language is set then); its diagnostics
    // are published right after, so count it then.
    vscode.languages.onDidChangeDiagnostics(update),
    analyses.onDidAnalyse((uri) => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && update()),
    analyses.onDidChange(update),
  );
}

/** "Indexing corpus 1,234/10,000" while the corpus index builds; click to cancel. */
export function registerIndexStatus(analyses: AnalysisService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('newsCorpus.index', vscode.StatusBarAlignment.Right, 99);
  item.name = 'News Corpus: index';
  item.command = 'newsCorpus.cancelIndexing';
  return vscode.Disposable.from(
    item,
    analyses.indexer.onDidProgress((p) => {
      if (!p) {
        item.hide();
        return;
      }
      item.text = `$(sync~spin) Indexing corpus ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')}`;
      item.tooltip = 'The corpus index is still building: corpus counts in hovers and views are incomplete. Click to cancel.';
      item.show();
    }),
  );
}
