// Holds the annotations of every open news article: loaded from the .ann beside
// the .txt (re-anchored against the text), kept right while the text is edited,
// and written back atomically when the article is saved and when the user labels,
// accepts or rejects (immediately when the article has no unsaved edits; with
// them, on its next save, so the .ann always matches the .txt on disk).
// The .ann is never overwritten blindly: if it changed on disk since it was
// read, the user is asked to merge, overwrite or reload (or the
// newsCorpus.annotations.onDiskConflict setting decides).
import * as vscode from 'vscode';
import {
  acceptCurrentText,
  acceptSuggestion,
  addTextBound,
  annotationLabels,
  applyTextChanges,
  coversRecordedText,
  mergeBrat,
  parseBrat,
  parseRejections,
  pendingSuggestions,
  reanchor,
  reanchorAnnotations,
  reanchorNearest,
  rejectSuggestion,
  rejectionSidecarPath,
  relabel,
  removeWithDependents,
  serializeBrat,
  serializeRejections,
  sidecarNeeded,
  textBounds,
  type BratDocument,
  type Fragment,
  type Rejection,
  type Suggestion,
  type TextBound,
} from '../../core/annotations';
import { decodeBytes } from '../../core/text/decode';
import type { AnalysisService } from '../analysis/analysisService';
import type { ConfigStore } from '../corpus/configStore';
import { LANGUAGE_ID } from '../corpus/languageAssigner';
import { writeFileAtomic } from '../../node/atomicWrite';

export interface AnnotationServices {
  analyses: AnalysisService;
  store: ConfigStore;
}

export interface DocAnnotations {
  uri: vscode.Uri;
  annUri: vscode.Uri;
  rejectedUri: vscode.Uri;
  ann: BratDocument;
  rejections: Rejection[];
  /** The .txt on disk starts with a UTF-8 BOM (brat counts it). */
  bom: boolean;
  /** The .ann content as last read or written (undefined: there was none). */
  diskAnn?: string;
  diskRejected?: string;
  /** Annotations changed since the last write. */
  dirty: boolean;
  /** Bumped on every change (for caches). */
  revision: number;
}

type ConflictChoice = 'merge' | 'overwrite' | 'reload' | 'cancel';

export class AnnotationManager implements vscode.Disposable {
  private readonly states = new Map<string, DocAnnotations>();
  private readonly loading = new Map<string, Promise<DocAnnotations | undefined>>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Fires with an article's uri when its annotations changed. */
  readonly onDidChange = this.emitter.event;
  /** Messages shown to the user, kept for the integration tests. */
  readonly messages: string[] = [];

  constructor(
    private readonly services: AnnotationServices,
    /** Is the workspace in annotating mode (see mode.ts)? */
    private readonly annotating: () => boolean = () => true,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.ensure(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onTextChange(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.onSave(d)),
      vscode.workspace.onDidCloseTextDocument((d) => void this.onClose(d)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{ann,rejected.json}');
    this.disposables.push(
      watcher,
      watcher.onDidChange((u) => void this.onDiskChange(u)),
      watcher.onDidCreate((u) => void this.onDiskChange(u)),
    );
    for (const d of vscode.workspace.textDocuments) void this.ensure(d);
  }

  isArticle(doc: vscode.TextDocument): boolean {
    return doc.languageId === LANGUAGE_ID && doc.uri.scheme === 'file' && /\.txt$/i.test(doc.uri.path);
  }

  /** The annotations of a document if already loaded. */
  peek(doc: vscode.TextDocument | vscode.Uri): DocAnnotations | undefined {
    const uri = doc instanceof vscode.Uri ? doc : doc.uri;
    return this.states.get(uri.toString());
  }

  /** Loads a news article's annotations (once). */
  ensure(doc: vscode.TextDocument): Promise<DocAnnotations | undefined> {
    if (!this.isArticle(doc)) return Promise.resolve(undefined);
    const key = doc.uri.toString();
    const hit = this.states.get(key);
    if (hit) return Promise.resolve(hit);
    let p = this.loading.get(key);
    if (!p) {
      p = this.load(doc).finally(() => this.loading.delete(key));
      this.loading.set(key, p);
    }
    return p;
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  private async load(doc: vscode.TextDocument): Promise<DocAnnotations | undefined> {
    const uri = doc.uri;
    const annUri = uri.with({ path: uri.path.replace(/\.txt$/i, '.ann') });
    const rejectedUri = uri.with({ path: rejectionSidecarPath(uri.path) });
    let bom = false;
    try {
      bom = decodeBytes((await vscode.workspace.fs.readFile(uri)).subarray(0, 3)).encoding === 'utf-8-bom';
    } catch {
      /* unsaved or unreadable: no BOM */
    }
    const diskAnn = await this.readText(annUri);
    const diskRejected = await this.readText(rejectedUri);
    const text = doc.getText();
    const state: DocAnnotations = { uri, annUri, rejectedUri, ann: parseBrat('', text), rejections: [], bom, diskAnn, diskRejected, dirty: false, revision: 0 };
    this.fill(state, text, diskAnn, diskRejected);
    this.states.set(uri.toString(), state);
    this.emitter.fire(uri);
    return state;
  }

  /** Parses disk content into state and re-anchors it against text. */
  private fill(state: DocAnnotations, text: string, annText: string | undefined, rejectedText: string | undefined): void {
    state.ann = parseBrat(annText ?? '', text, { bom: state.bom });
    const side = rejectedText !== undefined ? parseRejections(rejectedText, text) : undefined;
    state.rejections = side?.rejections ?? [];
    reanchor(text, state.rejections);
    const moved = reanchorAnnotations(text, textBounds(state.ann), side?.damaged).filter((o) => o.status === 'reanchored');
    if (moved.length) {
      this.tell(`${baseName(state.uri)}: ${moved.length} annotation(s) re-anchored to their text (the .txt changed since the .ann was written); they are saved with the article.`);
      state.dirty = true;
    }
    state.revision++;
  }

  private tell(message: string): void {
    this.messages.push(message);
    void vscode.window.showInformationMessage(`News Corpus Annotator: ${message}`);
  }

  private onTextChange(e: vscode.TextDocumentChangeEvent): void {
    const state = this.peek(e.document);
    if (!state || e.contentChanges.length === 0) return;
    const items = [...textBounds(state.ann), ...state.rejections];
    const r = applyTextChanges(
      items,
      e.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text })),
    );
    const text = e.document.getText();
    // A large replacement (the file reloaded after a change on disk, a paste over a
    // paragraph) is not the user editing an entity: place what it touched by its text,
    // as on load; what cannot be placed with certainty stays flagged.
    if (r.damaged.length && e.contentChanges.some((c) => c.rangeLength > 200)) reanchor(text, r.damaged);
    // An undo can bring a damaged annotation's text back.
    let healed = 0;
    for (const t of items) {
      if (t.damage?.reason === 'edited' && coversRecordedText(text, { fragments: t.fragments, text: t.damage.originalText })) {
        t.text = t.damage.originalText;
        delete t.damage;
        healed++;
      }
    }
    if (r.moved || r.damaged.length || healed) {
      state.dirty = true;
      state.revision++;
      this.emitter.fire(state.uri);
    }
  }

  private async onSave(doc: vscode.TextDocument): Promise<void> {
    const state = this.peek(doc);
    if (state?.dirty) await this.write(doc, state);
  }

  private async onClose(doc: vscode.TextDocument): Promise<void> {
    const state = this.peek(doc);
    if (!state) return;
    this.states.delete(doc.uri.toString());
    this.emitter.fire(doc.uri); // clears its diagnostics
    if (!state.dirty) return;
    // Closed with annotation changes not yet written: write them against the text on disk.
    const disk = await this.readText(doc.uri);
    if (disk === undefined) return;
    const text = disk.replace(/^\uFEFF/, '');
    reanchor(text, textBounds(state.ann));
    await this.writeAgainst(text, state, undefined);
  }

  private async onDiskChange(u: vscode.Uri): Promise<void> {
    const txtPath = u.path.endsWith('.ann') ? u.path.replace(/\.ann$/, '.txt') : u.path.replace(/\.rejected\.json$/, '.txt');
    const state = this.states.get(u.with({ path: txtPath }).toString());
    if (!state) return;
    const annText = await this.readText(state.annUri);
    const rejText = await this.readText(state.rejectedUri);
    if (annText === state.diskAnn && rejText === state.diskRejected) return; // our own write
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === state.uri.toString());
    if (!doc) return;
    if (state.dirty) return; // resolved when we next write (merge / overwrite / reload)
    state.diskAnn = annText;
    state.diskRejected = rejText;
    this.fill(state, doc.getText(), annText, rejText);
    this.emitter.fire(state.uri);
  }

  /** Marks a change and writes it now when the article has no unsaved edits (else on save). */
  private async changed(doc: vscode.TextDocument, state: DocAnnotations): Promise<void> {
    state.dirty = true;
    state.revision++;
    this.emitter.fire(state.uri);
    if (!doc.isDirty) await this.write(doc, state);
  }

  /** Writes the .ann (and the rejections sidecar) of a document, handling changes on disk. */
  async write(doc: vscode.TextDocument, state: DocAnnotations): Promise<boolean> {
    return this.writeAgainst(doc.getText(), state, doc);
  }

  private async writeAgainst(text: string, state: DocAnnotations, doc: vscode.TextDocument | undefined): Promise<boolean> {
    const onDisk = await this.readText(state.annUri);
    if (onDisk !== state.diskAnn) {
      const choice = await this.conflictChoice(state);
      if (choice === 'cancel') return false;
      if (choice === 'reload') {
        state.diskAnn = onDisk;
        state.diskRejected = await this.readText(state.rejectedUri);
        this.fill(state, text, onDisk, state.diskRejected);
        state.dirty = false;
        this.emitter.fire(state.uri);
        return false;
      }
      if (choice === 'merge') {
        const disk = parseBrat(onDisk ?? '', text, { bom: state.bom });
        reanchor(text, textBounds(disk));
        state.ann = mergeBrat(disk, state.ann).merged;
        state.revision++;
      }
    }
    const annText = serializeBrat(state.ann, text, { bom: state.bom });
    try {
      await writeFileAtomic(state.annUri.fsPath, annText);
      state.diskAnn = annText;
      if (sidecarNeeded(state.rejections, textBounds(state.ann)) || state.diskRejected !== undefined) {
        const rej = serializeRejections(state.rejections, text, textBounds(state.ann));
        await writeFileAtomic(state.rejectedUri.fsPath, rej);
        state.diskRejected = rej;
      }
      state.dirty = false;
    } catch (e) {
      void vscode.window.showErrorMessage(`News Corpus Annotator: cannot write ${baseName(state.annUri)}: ${(e as Error).message}`);
      return false;
    }
    if (doc) this.emitter.fire(state.uri);
    return true;
  }

  private async conflictChoice(state: DocAnnotations): Promise<ConflictChoice> {
    const setting = vscode.workspace.getConfiguration('newsCorpus', state.uri).get<string>('annotations.onDiskConflict', 'ask');
    if (setting === 'merge' || setting === 'overwrite') {
      this.tell(`${baseName(state.annUri)} changed on disk since it was read; ${setting === 'merge' ? 'merged with' : 'overwritten by'} the editor's annotations (newsCorpus.annotations.onDiskConflict).`);
      return setting;
    }
    const picked = await vscode.window.showWarningMessage(
      `${baseName(state.annUri)} changed on disk since it was read. Merge keeps everything on disk and adds the editor's annotations; Overwrite replaces the file; Reload drops the editor's unsaved annotation changes.`,
      { modal: true },
      'Merge',
      'Overwrite',
      'Reload from Disk',
    );
    return picked === 'Merge' ? 'merge' : picked === 'Overwrite' ? 'overwrite' : picked === 'Reload from Disk' ? 'reload' : 'cancel';
  }

  // ------------------------------------------------------------ queries

  /** Engine entities waiting for a decision (not in boilerplate lines). */
  suggestions(doc: vscode.TextDocument): Suggestion[] {
    const state = this.peek(doc);
    // The latest analysis, possibly of an earlier version: a suggestion whose text no longer stands
    // at its offsets is left out below.
    const entry = this.services.analyses.latest(doc);
    if (!state || !entry) return [];
    const text = doc.getText();
    const ents = entry.analysis.entities.filter((e) => e.end <= text.length && text.slice(e.start, e.end) === e.text);
    return pendingSuggestions(ents, state.ann, state.rejections);
  }

  /**
   * The suggestions to show (underlined, in hovers and quick fixes): in annotating mode, or for an
   * article with a .ann on disk; none while reading.
   */
  shownSuggestions(doc: vscode.TextDocument): Suggestion[] {
    const state = this.peek(doc);
    if (!state || !(this.annotating() || state.diskAnn !== undefined)) return [];
    return this.suggestions(doc);
  }

  /** PER, ORG, LOC, MISC and the corpus config's own labels. */
  labels(doc: vscode.TextDocument): string[] {
    return annotationLabels(this.services.store.locate(doc.uri)?.corpus.config.labels ?? []);
  }

  // ------------------------------------------------------------ edits

  async label(doc: vscode.TextDocument, type: string, spans: Fragment[][]): Promise<TextBound[]> {
    const state = await this.ensure(doc);
    if (!state) return [];
    const text = doc.getText();
    const out: TextBound[] = [];
    for (const frags of spans) {
      try {
        out.push(addTextBound(state.ann, text, type, frags));
      } catch {
        /* empty span: nothing to label */
      }
    }
    if (out.length) await this.changed(doc, state);
    return out;
  }

  async relabel(doc: vscode.TextDocument, id: string, type: string): Promise<boolean> {
    const state = await this.ensure(doc);
    if (!state || !relabel(state.ann, id, type)) return false;
    await this.changed(doc, state);
    return true;
  }

  async remove(doc: vscode.TextDocument, id: string): Promise<boolean> {
    const state = await this.ensure(doc);
    if (!state) return false;
    const removed = removeWithDependents(state.ann, [id]);
    if (!removed.length) return false;
    await this.changed(doc, state);
    return true;
  }

  async accept(doc: vscode.TextDocument, suggestions: Suggestion[]): Promise<number> {
    const state = await this.ensure(doc);
    if (!state || !suggestions.length) return 0;
    const text = doc.getText();
    for (const s of suggestions) acceptSuggestion(state.ann, text, s);
    await this.changed(doc, state);
    return suggestions.length;
  }

  async reject(doc: vscode.TextDocument, suggestions: Suggestion[]): Promise<number> {
    const state = await this.ensure(doc);
    if (!state || !suggestions.length) return 0;
    const text = doc.getText();
    for (const s of suggestions) rejectSuggestion(state.rejections, text, s);
    await this.changed(doc, state);
    return suggestions.length;
  }

  /** Quick fixes for a damaged annotation. */
  async repair(doc: vscode.TextDocument, id: string, how: 'reanchor' | 'keep-text'): Promise<boolean> {
    const state = await this.ensure(doc);
    const t = state && textBounds(state.ann).find((x) => x.id === id);
    if (!state || !t) return false;
    const text = doc.getText();
    if (how === 'reanchor') {
      if (!reanchorNearest(text, t)) return false;
    } else acceptCurrentText(text, t);
    await this.changed(doc, state);
    return true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}
