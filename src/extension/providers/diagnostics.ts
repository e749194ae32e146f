// Boilerplate findings (and skipped input) as diagnostics, for open articles as
// they change and, after "News: Scan Corpus", for every article of the corpus.
import * as vscode from 'vscode';
import { boilerplateMessage } from '../../core/present/hoverMarkdown';
import type { ArticleAnalysis } from '../../core/types';
import { positionAt } from '../../core/text/lines';
import type { AnalysisService } from '../analysis/analysisService';
import { LANGUAGE_ID } from '../corpus/languageAssigner';

export const DIAGNOSTIC_SOURCE = 'news';

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostics(a: ArticleAnalysis, scope: vscode.Uri): vscode.Diagnostic[] {
  const cfg = vscode.workspace.getConfiguration('newsCorpus.boilerplate', scope);
  const sev = SEVERITY[cfg.get<string>('severity', 'warning')] ?? vscode.DiagnosticSeverity.Warning;
  const dupSev = SEVERITY[cfg.get<string>('duplicateSeverity', 'information')] ?? vscode.DiagnosticSeverity.Information;
  const out: vscode.Diagnostic[] = [];
  const range = (s: number, e: number) => {
    const a0 = positionAt(a.lines, s);
    const b0 = positionAt(a.lines, e);
    return new vscode.Range(a0.line, a0.character, b0.line, b0.character);
  };
  for (const p of a.problems) {
    if (p.kind === 'empty') continue;
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), p.message, p.kind === 'invalid-utf8' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = p.kind === 'engine-error' ? 'engine-error' : 'input-' + p.kind;
    out.push(d);
  }
  for (const f of a.boilerplate) {
    const d = new vscode.Diagnostic(range(f.start, f.end), boilerplateMessage(f), f.category === 'duplicate' ? dupSev : sev);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = f.category;
    if (f.category === 'duplicate' && f.duplicateOf !== undefined) {
      const orig = a.lines[f.duplicateOf];
      d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(scope, range(orig.start, orig.end)), 'first occurrence')];
      d.tags = [vscode.DiagnosticTag.Unnecessary];
    }
    out.push(d);
  }
  return out;
}

export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly analyses: AnalysisService) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // Keep corpus-scan results for closed files; drop the live ones of files that left the corpus.
        if (d.languageId !== LANGUAGE_ID) this.collection.delete(d.uri);
        analyses.forget(d.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('newsCorpus') && this.refreshAll()),
      analyses.onDidChange(() => this.refreshAll()),
      analyses.onDidAnalyse((uri) => {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        const entry = doc && analyses.peek(doc);
        if (doc && entry) this.collection.set(doc.uri, toDiagnostics(entry.analysis, doc.uri));
      }),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) void this.refresh(d);
  }

  schedule(doc: vscode.TextDocument): void {
    if (doc.languageId !== LANGUAGE_ID) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.refresh(doc); }, 150));
  }

  async refresh(doc: vscode.TextDocument): Promise<void> {
    if (doc.isClosed) return;
    const entry = await this.analyses.get(doc);
    if (!entry) {
      if (doc.languageId !== LANGUAGE_ID) this.collection.delete(doc.uri);
      return;
    }
    if (!doc.isClosed && entry.version === doc.version) this.collection.set(doc.uri, toDiagnostics(entry.analysis, doc.uri));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
