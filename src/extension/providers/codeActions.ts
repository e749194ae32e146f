import * as vscode from 'vscode';
import { blockOfLine, deletionSpan, removalTitle } from '../../core/edits/boilerplateRemoval';
import type { AnalysisService } from '../analysis/analysisService';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Quick fixes on boilerplate diagnostics: remove this block, remove all in file, keep as article. */
export class BoilerplateCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyses: AnalysisService) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const entry = await this.analyses.get(doc);
    if (!entry || entry.version !== doc.version) return [];
    const a = entry.analysis;
    const out: vscode.CodeAction[] = [];
    for (const diag of ctx.diagnostics) {
      if (diag.source !== DIAGNOSTIC_SOURCE || String(diag.code).startsWith('input-')) continue;
      const line = diag.range.start.line;
      const block = blockOfLine(a.lines, a.boilerplate, line);
      if (!block) continue;
      const span = deletionSpan(a.lines, block);
      const remove = new vscode.CodeAction(removalTitle(block), vscode.CodeActionKind.QuickFix);
      remove.edit = new vscode.WorkspaceEdit();
      remove.edit.delete(doc.uri, new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)));
      remove.diagnostics = [diag];
      remove.isPreferred = true;
      out.push(remove);
      const all = new vscode.CodeAction('Remove all boilerplate in this file', vscode.CodeActionKind.QuickFix);
      all.command = { command: 'newsCorpus.removeAllBoilerplate', title: all.title, arguments: [doc.uri] };
      all.diagnostics = [diag];
      out.push(all);
      const keep = new vscode.CodeAction('Keep as article text (remember in newscorpus.yaml)', vscode.CodeActionKind.QuickFix);
      keep.command = { command: 'newsCorpus.keepAsArticle', title: keep.title, arguments: [doc.uri, line] };
      keep.diagnostics = [diag];
      out.push(keep);
    }
    return out;
  }
}
