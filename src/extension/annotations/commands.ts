// Keyboard-first annotation commands: label the selection (or the word at the
// cursor) as PER/ORG/LOC/MISC or any corpus label, relabel or remove the
// annotation at the cursor, accept/reject the suggestion at the cursor or all of
// a kind, go to the next suggestion. Every command also takes explicit
// arguments (used by code actions and tests).
import * as vscode from 'vscode';
import { annotationAt, suggestionAt, textBounds, type Fragment, type Suggestion } from '../../core/annotations';
import type { AnnotationManager } from './annotationManager';

export const LABEL_COMMANDS: { command: string; label: string; title: string; key: string }[] = [
  { command: 'newsCorpus.labelPerson', label: 'PER', title: 'Label Selection as Person (PER)', key: 'p' },
  { command: 'newsCorpus.labelOrganization', label: 'ORG', title: 'Label Selection as Organization (ORG)', key: 'o' },
  { command: 'newsCorpus.labelPlace', label: 'LOC', title: 'Label Selection as Place (LOC)', key: 'l' },
  { command: 'newsCorpus.labelOther', label: 'MISC', title: 'Label Selection as Other (MISC)', key: 'm' },
];

/** Target of a command: the given uri's document or the active editor's. */
async function target(uri?: vscode.Uri): Promise<{ doc: vscode.TextDocument; editor?: vscode.TextEditor } | undefined> {
  const active = vscode.window.activeTextEditor;
  if (uri instanceof vscode.Uri && (!active || active.document.uri.toString() !== uri.toString())) {
    const doc = await vscode.workspace.openTextDocument(uri);
    return { doc, editor: vscode.window.visibleTextEditors.find((e) => e.document === doc) };
  }
  return active ? { doc: active.document, editor: active } : undefined;
}

/** Spans to label: each non-empty selection, or the word at an empty cursor. */
function selectedSpans(editor: vscode.TextEditor): Fragment[][] {
  const doc = editor.document;
  const out: Fragment[][] = [];
  for (const sel of editor.selections) {
    let range: vscode.Range | undefined = sel;
    if (sel.isEmpty) range = doc.getWordRangeAtPosition(sel.active, /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.-]*[\p{L}\p{M}\p{N}]|[\p{L}\p{M}\p{N}]/u);
    if (!range || range.isEmpty) continue;
    // Trim surrounding whitespace, which is never part of an entity.
    const text = doc.getText(range);
    const lead = text.length - text.trimStart().length;
    const trail = text.length - text.trimEnd().length;
    const start = doc.offsetAt(range.start) + lead;
    const end = doc.offsetAt(range.end) - trail;
    if (end > start) out.push([{ start, end }]);
  }
  return out;
}

interface SpanArg {
  start: number;
  end: number;
  label?: string;
}

export function registerAnnotationCommands(manager: AnnotationManager): vscode.Disposable[] {
  const cursorOffset = (editor?: vscode.TextEditor) => (editor ? editor.document.offsetAt(editor.selection.active) : -1);

  const labelWith = async (label: string | undefined, uri?: vscode.Uri, spans?: SpanArg[]) => {
    const t = await target(uri);
    if (!t || !manager.isArticle(t.doc)) {
      void vscode.window.showInformationMessage('News Corpus Annotator: open an article of a news corpus to annotate it.');
      return [];
    }
    const frags = spans?.length ? spans.map((s) => [{ start: s.start, end: s.end }]) : t.editor ? selectedSpans(t.editor) : [];
    if (!frags.length) {
      void vscode.window.showInformationMessage('News Corpus Annotator: select the text to label (or put the cursor in a word).');
      return [];
    }
    let chosen = label;
    if (!chosen) {
      chosen = await vscode.window.showQuickPick(manager.labels(t.doc), { placeHolder: 'Label for the selection' });
      if (!chosen) return [];
    }
    const made = await manager.label(t.doc, chosen, frags);
    return made.map((m) => m.id);
  };

  const suggestionsFrom = async (uri: vscode.Uri | undefined, arg: SpanArg | undefined) => {
    const t = await target(uri);
    if (!t) return undefined;
    await manager.ensure(t.doc);
    const all = manager.suggestions(t.doc);
    let s: Suggestion | undefined;
    if (arg && typeof arg === 'object' && typeof arg.start === 'number') s = all.find((x) => x.start === arg.start && x.end === arg.end && (!arg.label || x.label === arg.label));
    else s = suggestionAt(all, cursorOffset(t.editor));
    return { t, s, all };
  };

  const ofKind = async (accept: boolean, label: string | undefined, uri?: vscode.Uri) => {
    const t = await target(uri);
    if (!t) return 0;
    await manager.ensure(t.doc);
    const all = manager.suggestions(t.doc);
    let chosen = label;
    if (!chosen) {
      const counts = new Map<string, number>();
      for (const s of all) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
      if (!counts.size) {
        void vscode.window.showInformationMessage('News Corpus Annotator: no suggestions left in this article.');
        return 0;
      }
      const pick = await vscode.window.showQuickPick(
        [...counts].map(([l, n]) => ({ label: l, description: `${n} suggestion(s)` })),
        { placeHolder: accept ? 'Accept every suggestion of this kind' : 'Reject every suggestion of this kind' },
      );
      if (!pick) return 0;
      chosen = pick.label;
    }
    const chosenSuggestions = all.filter((s) => s.label === chosen);
    return accept ? manager.accept(t.doc, chosenSuggestions) : manager.reject(t.doc, chosenSuggestions);
  };

  const annotationFor = async (uri: vscode.Uri | undefined, idArg: unknown) => {
    const id = typeof idArg === 'string' ? idArg : undefined;
    const t = await target(uri);
    if (!t) return undefined;
    const state = await manager.ensure(t.doc);
    if (!state) return undefined;
    const ann = id ? textBounds(state.ann).find((x) => x.id === id) : annotationAt(state.ann, cursorOffset(t.editor));
    return { t, ann };
  };

  return [
    ...LABEL_COMMANDS.map((c) =>
      vscode.commands.registerCommand(c.command, (uri?: unknown, spans?: SpanArg[]) => labelWith(c.label, uri instanceof vscode.Uri ? uri : undefined, spans)),
    ),
    // From the editor context menu the first argument is the document's uri: only a string is a label.
    vscode.commands.registerCommand('newsCorpus.labelSelection', (label?: unknown, uri?: vscode.Uri, spans?: SpanArg[]) =>
      labelWith(typeof label === 'string' ? label : undefined, uri, spans)),
    vscode.commands.registerCommand('newsCorpus.relabelAnnotation', async (id?: unknown, label?: string, uri?: vscode.Uri) => {
      const r = await annotationFor(uri, id);
      if (!r?.ann) {
        void vscode.window.showInformationMessage('News Corpus Annotator: no annotation at the cursor.');
        return false;
      }
      const chosen = label ?? (await vscode.window.showQuickPick(manager.labels(r.t.doc).filter((l) => l !== r.ann!.type), { placeHolder: `Relabel "${r.ann.text}" (${r.ann.type})` }));
      return chosen ? manager.relabel(r.t.doc, r.ann.id, chosen) : false;
    }),
    vscode.commands.registerCommand('newsCorpus.removeAnnotation', async (id?: unknown, uri?: vscode.Uri) => {
      const r = await annotationFor(uri, id);
      if (!r?.ann) {
        void vscode.window.showInformationMessage('News Corpus Annotator: no annotation at the cursor.');
        return false;
      }
      return manager.remove(r.t.doc, r.ann.id);
    }),
    vscode.commands.registerCommand('newsCorpus.acceptSuggestion', async (arg?: SpanArg, uri?: vscode.Uri) => {
      const r = await suggestionsFrom(uri, arg);
      if (!r?.s) {
        void vscode.window.showInformationMessage('News Corpus Annotator: no suggestion at the cursor.');
        return 0;
      }
      return manager.accept(r.t.doc, [r.s]);
    }),
    vscode.commands.registerCommand('newsCorpus.rejectSuggestion', async (arg?: SpanArg, uri?: vscode.Uri) => {
      const r = await suggestionsFrom(uri, arg);
      if (!r?.s) {
        void vscode.window.showInformationMessage('News Corpus Annotator: no suggestion at the cursor.');
        return 0;
      }
      return manager.reject(r.t.doc, [r.s]);
    }),
    vscode.commands.registerCommand('newsCorpus.acceptAllOfKind', (label?: unknown, uri?: vscode.Uri) => ofKind(true, typeof label === 'string' ? label : undefined, uri)),
    vscode.commands.registerCommand('newsCorpus.rejectAllOfKind', (label?: unknown, uri?: vscode.Uri) => ofKind(false, typeof label === 'string' ? label : undefined, uri)),
    vscode.commands.registerCommand('newsCorpus.nextSuggestion', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      await manager.ensure(editor.document);
      const all = manager.suggestions(editor.document);
      if (!all.length) {
        void vscode.window.showInformationMessage('News Corpus Annotator: no suggestions left in this article.');
        return undefined;
      }
      const from = editor.document.offsetAt(editor.selection.end);
      const next = all.find((s) => s.start >= from) ?? all[0];
      const range = new vscode.Range(editor.document.positionAt(next.start), editor.document.positionAt(next.end));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return { start: next.start, end: next.end, label: next.label };
    }),
    vscode.commands.registerCommand('newsCorpus.repairAnnotation', async (id: string, how: 'reanchor' | 'keep-text', uri?: vscode.Uri) => {
      const t = await target(uri);
      return t ? manager.repair(t.doc, id, how) : false;
    }),
  ];
}
