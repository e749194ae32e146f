// Hover line (annotation vs suggestion), code actions (accept/reject the
// suggestion under the cursor, relabel/remove the annotation, quick fixes for
// damaged annotations) and diagnostics for damaged annotations and .ann lines
// that could not be read.
import * as vscode from 'vscode';
import { annotationAt, suggestionAt, textBounds } from '../../core/annotations';
import { labelWords, suggestionHoverLine } from '../../core/present/readerWords';
import { escapeMarkdown } from '../../core/text/fold';
import type { AnnotationManager } from './annotationManager';

export const ANNOTATION_DIAGNOSTIC_SOURCE = 'news annotations';
export const DAMAGED_CODE = 'damaged-annotation';

function md(s: string): vscode.MarkdownString {
  const m = new vscode.MarkdownString(s);
  m.isTrusted = false;
  m.supportHtml = false;
  return m;
}

// Types, ids and labels come from .ann and JSONL files: escaped like article text, never put in a code span.
const escapeMd = escapeMarkdown;

export class AnnotationHover implements vscode.HoverProvider {
  constructor(private readonly manager: AnnotationManager) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const state = this.manager.peek(doc);
    if (!state) return undefined;
    const offset = doc.offsetAt(pos);
    const ann = annotationAt(state.ann, offset);
    if (ann) {
      const f = ann.fragments.find((x) => x.start <= offset && offset <= x.end) ?? ann.fragments[0];
      const range = new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end));
      const status = ann.damage ? ` — needs checking: ${escapeMd(ann.damage.message)}` : '';
      return new vscode.Hover(md(`**Annotated:** ${escapeMd(labelWords(ann.type))} (${escapeMd(ann.id)})${status} · Alt+N R relabel · Alt+N D remove`), range);
    }
    const s = suggestionAt(this.manager.shownSuggestions(doc), offset);
    if (s) {
      const range = new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
      return new vscode.Hover(md(suggestionHoverLine(s.label, s.confidence)), range);
    }
    return undefined;
  }
}

export class AnnotationCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly manager: AnnotationManager) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.manager.peek(doc);
    if (!state) return [];
    const out: vscode.CodeAction[] = [];
    const offset = doc.offsetAt(range.start);
    const action = (title: string, command: string, args: unknown[], preferred = false, diag?: vscode.Diagnostic) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = { command, title, arguments: args };
      a.isPreferred = preferred;
      if (diag) a.diagnostics = [diag];
      out.push(a);
    };
    for (const diag of ctx.diagnostics) {
      if (diag.source !== ANNOTATION_DIAGNOSTIC_SOURCE || diag.code !== DAMAGED_CODE) continue;
      const start = doc.offsetAt(diag.range.start);
      const t = textBounds(state.ann).find((x) => x.damage && x.fragments.some((f) => f.start === start));
      if (!t || !t.damage) continue;
      if (t.damage.reason !== 'not-found') action(`Re-anchor annotation ${t.id} to "${t.damage.originalText}" nearby`, 'newsCorpus.repairAnnotation', [t.id, 'reanchor', doc.uri], true, diag);
      action(`Keep annotation ${t.id} (${t.type}) on the text now there`, 'newsCorpus.repairAnnotation', [t.id, 'keep-text', doc.uri], false, diag);
      action(`Remove annotation ${t.id}`, 'newsCorpus.removeAnnotation', [t.id, doc.uri], false, diag);
    }
    const s = suggestionAt(this.manager.shownSuggestions(doc), offset);
    if (s) {
      const arg = { start: s.start, end: s.end, label: s.label };
      action(`Accept suggestion: ${s.label} "${s.text}"`, 'newsCorpus.acceptSuggestion', [arg, doc.uri], true);
      action(`Reject suggestion: ${s.label} "${s.text}"`, 'newsCorpus.rejectSuggestion', [arg, doc.uri]);
      action(`Accept all ${s.label} suggestions in this file`, 'newsCorpus.acceptAllOfKind', [s.label, doc.uri]);
      action(`Reject all ${s.label} suggestions in this file`, 'newsCorpus.rejectAllOfKind', [s.label, doc.uri]);
    }
    const ann = annotationAt(state.ann, offset);
    if (ann && !ann.damage) {
      action(`Relabel annotation ${ann.id} (${ann.type})…`, 'newsCorpus.relabelAnnotation', [ann.id, undefined, doc.uri]);
      action(`Remove annotation ${ann.id} (${ann.type} "${ann.text}")`, 'newsCorpus.removeAnnotation', [ann.id, doc.uri]);
    }
    return out;
  }
}

export class AnnotationDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(ANNOTATION_DIAGNOSTIC_SOURCE);
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly manager: AnnotationManager) {
    this.disposables.push(manager.onDidChange((uri) => this.update(uri)));
  }

  update(uri: vscode.Uri): void {
    const state = this.manager.peek(uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!state || !doc) {
      this.collection.delete(uri);
      return;
    }
    const diags: vscode.Diagnostic[] = [];
    for (const t of textBounds(state.ann)) {
      if (!t.damage) continue;
      const f = t.fragments[0];
      const range = new vscode.Range(doc.positionAt(f.start), doc.positionAt(Math.max(f.end, f.start)));
      const d = new vscode.Diagnostic(range, `Annotation ${t.id} (${t.type}): ${t.damage.message}`, vscode.DiagnosticSeverity.Warning);
      d.source = ANNOTATION_DIAGNOSTIC_SOURCE;
      d.code = DAMAGED_CODE;
      diags.push(d);
    }
    this.collection.set(uri, diags);
    // .ann lines that could not be read (kept verbatim in the file).
    this.collection.set(
      state.annUri,
      state.ann.problems.map((p) => {
        const d = new vscode.Diagnostic(new vscode.Range(p.line - 1, 0, p.line - 1, 1000), `${p.message} (the line is kept as it is)`, vscode.DiagnosticSeverity.Warning);
        d.source = ANNOTATION_DIAGNOSTIC_SOURCE;
        d.code = 'ann-line';
        return d;
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
