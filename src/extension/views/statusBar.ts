import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';

/** Entity and boilerplate counts of the active article. */
export function registerStatusBar(analyses: AnalysisService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('newsCorpus.counts', vscode.StatusBarAlignment.Right, 100);
  item.name = 'News Corpus: counts';
  item.command = 'newsCorpus.showActors';
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const entry = doc && analyses.get(doc);
    if (!entry || !vscode.workspace.getConfiguration('newsCorpus.statusBar').get('enabled', true)) {
      item.hide();
      return;
    }
    const a = entry.analysis;
    const entities = a.entities.filter((e) => !e.inBoilerplate).length;
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
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && update()),
    analyses.onDidChange(update),
  );
}
