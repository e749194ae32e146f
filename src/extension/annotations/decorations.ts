// Confirmed annotations are underlined solid, suggestions dotted (in annotating
// mode or where a .ann exists, see mode.ts), damaged
// annotations wavy; confirmed ones show their label after them. What was last
// drawn per editor is kept so the integration tests can check it
// (command newsCorpus.annotationDecorations).
import * as vscode from 'vscode';
import { textBounds } from '../../core/annotations';
import type { AnnotationManager } from './annotationManager';

export type DecorationStyle = 'solid' | 'dotted' | 'wavy';

export interface DrawnRange {
  start: number;
  end: number;
  label: string;
  id?: string;
  /** The text drawn after the range (the label of a confirmed annotation, on its last fragment). */
  after?: string;
}

export interface DrawnDecorations {
  uri: string;
  /** Border style of each kind of decoration. */
  styles: { confirmed: DecorationStyle; suggestion: DecorationStyle; damaged: DecorationStyle };
  confirmed: DrawnRange[];
  suggestions: DrawnRange[];
  damaged: DrawnRange[];
}

/** The label drawn after an annotation, set apart from the name ("Putin PER", not "PutinPER"): a no-break space, since a margin alone collapses in some renderers. */
export function labelAfter(type: string): string {
  return `\u00a0${type}`;
}

export const STYLES = { confirmed: 'solid', suggestion: 'dotted', damaged: 'wavy' } as const;

export class AnnotationDecorations implements vscode.Disposable {
  private readonly confirmed = vscode.window.createTextEditorDecorationType({
    borderStyle: `none none ${STYLES.confirmed} none`,
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor('editorInfo.foreground'),
    after: { color: new vscode.ThemeColor('descriptionForeground'), fontStyle: 'italic', margin: '0 0 0 0.25em' },
  });
  private readonly suggestion = vscode.window.createTextEditorDecorationType({
    borderStyle: `none none ${STYLES.suggestion} none`,
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor('editorHint.foreground'),
  });
  private readonly damaged = vscode.window.createTextEditorDecorationType({
    textDecoration: `underline ${STYLES.damaged}`,
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
  });
  private readonly drawn = new Map<string, DrawnDecorations>();
  private readonly disposables: vscode.Disposable[] = [this.confirmed, this.suggestion, this.damaged];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly manager: AnnotationManager,
    onAnalysisChange: vscode.Event<void>,
    onModeChange: vscode.Event<boolean>,
  ) {
    this.disposables.push(
      onModeChange(() => this.schedule()),
      manager.onDidChange(() => this.schedule()),
      onAnalysisChange(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument(() => this.schedule()),
    );
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const e of vscode.window.visibleTextEditors) this.draw(e);
    }, 60);
  }

  /** Draws an editor now; returns what was drawn. */
  draw(editor: vscode.TextEditor): DrawnDecorations | undefined {
    const doc = editor.document;
    const state = this.manager.peek(doc);
    if (!state) {
      if (this.drawn.delete(doc.uri.toString())) {
        editor.setDecorations(this.confirmed, []);
        editor.setDecorations(this.suggestion, []);
        editor.setDecorations(this.damaged, []);
      }
      return undefined;
    }
    const len = doc.getText().length;
    const range = (s: number, e: number) => new vscode.Range(doc.positionAt(Math.min(s, len)), doc.positionAt(Math.min(e, len)));
    const out: DrawnDecorations = { uri: doc.uri.toString(), styles: { ...STYLES }, confirmed: [], suggestions: [], damaged: [] };
    const confirmed: vscode.DecorationOptions[] = [];
    const damaged: vscode.DecorationOptions[] = [];
    for (const t of textBounds(state.ann)) {
      t.fragments.forEach((f, i) => {
        const drawnRange = { start: f.start, end: f.end, label: t.type, id: t.id };
        if (t.damage) {
          damaged.push({ range: range(f.start, f.end) });
          out.damaged.push(drawnRange);
        } else {
          const after = i === t.fragments.length - 1 ? labelAfter(t.type) : undefined;
          confirmed.push({ range: range(f.start, f.end), renderOptions: after ? { after: { contentText: after } } : undefined });
          out.confirmed.push(after ? { ...drawnRange, after } : drawnRange);
        }
      });
    }
    const suggestions = this.manager.shownSuggestions(doc);
    for (const s of suggestions) out.suggestions.push({ start: s.start, end: s.end, label: s.label });
    editor.setDecorations(this.confirmed, confirmed);
    editor.setDecorations(this.damaged, damaged);
    editor.setDecorations(this.suggestion, suggestions.map((s) => ({ range: range(s.start, s.end) })));
    this.drawn.set(doc.uri.toString(), out);
    return out;
  }

  /** What is drawn in the editor of uri (drawing it first). */
  current(uri: vscode.Uri): DrawnDecorations | undefined {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (editor) return this.draw(editor);
    return this.drawn.get(uri.toString());
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
