// Analyses articles for every provider, off the extension host's main thread: open documents go to
// one editor worker (which keeps its tagging cache warm across keystrokes), after a short debounce,
// latest version wins; the corpus index is kept by the corpus worker, with index workers of its own,
// from the persisted store (see CorpusIndexer). The main thread only sends text and receives results.
import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../../core/analysis/analyzeArticle';
import type { ArticleAnalysis } from '../../core/types';
import { createAnalysisPool, defaultWorkerCount, INDEX_IDLE_MS, type AnalysisPool } from '../../node/analysisPool';
import { CorpusWorkerClient } from '../../node/corpusWorkerClient';
import { attachText } from '../../worker/protocol';
import { LANGUAGE_ID } from '../corpus/languageAssigner';
import type { ArticleLocation, ConfigStore, CorpusRoot } from '../corpus/configStore';
import { log } from '../log';
import { CorpusIndexer, type ArticleList, type CorpusState } from './corpusIndexer';
import { DEFAULT_MAX_ANALYSED_CHARS } from '../../core/text/input';

export interface AnalysedDocument {
  /** The analysis as providers show it: the worker's, with the corpus's kinds applied (see setCorpusKinds). */
  analysis: ArticleAnalysis;
  /** The worker's analysis of the article alone. */
  articleAnalysis: ArticleAnalysis;
  /** The corpus-kinds generation `analysis` was made with. */
  kindsGeneration: number;
  location: ArticleLocation;
  version: number;
  /** Worker time of this analysis (ms). */
  workerMs: number;
}

interface DocState {
  result?: AnalysedDocument;
  waiters: ((r: AnalysedDocument | undefined) => void)[];
  running: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/** Debounce before re-analysing an edited article (ms). */
const EDIT_DEBOUNCE_MS = 120;
/**
 * Past these a worker is taken for hung, terminated and replaced. Analysis is bounded by
 * maxAnalysedCharacters (a 300 KB article takes a few seconds), so they leave room for a slow,
 * busy machine.
 */
const EDITOR_TASK_LIMIT_MS = 120_000;
const INDEX_TASK_LIMIT_MS = 300_000;

export class AnalysisService implements vscode.Disposable {
  private readonly docs = new Map<string, DocState>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly analysedEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly warned = new Set<string>();
  private editorPool: AnalysisPool | undefined;
  private disposed = false;
  /** Fires when analyses may have changed (config, corpus index): providers ask again. */
  readonly onDidChange = this.emitter.event;
  /** Fires when a new analysis of an open document arrived. */
  readonly onDidAnalyse = this.analysedEmitter.event;
  private readonly kindsEmitter = new vscode.EventEmitter<void>();
  /** Fires when the corpus kinds applied to analyses changed (highlighting and views redraw). */
  readonly onDidChangeKinds = this.kindsEmitter.event;
  private corpusKinds?: (location: ArticleLocation, analysis: ArticleAnalysis) => Promise<ArticleAnalysis>;
  private kindsGeneration = 0;
  readonly indexer: CorpusIndexer;
  /** The corpus worker: the store, the summaries and the corpus actors of every corpus, and index workers of its own. */
  readonly corpusWorker: CorpusWorkerClient;
  /** Fires when a corpus's index changed (articles added, changed or removed). */
  readonly onDidChangeCorpus: vscode.Event<CorpusRoot>;

  constructor(
    private readonly store: ConfigStore,
    storageDir: vscode.Uri | undefined,
  ) {
    this.corpusWorker = new CorpusWorkerClient({
      workers: Math.max(1, defaultWorkerCount() + 1),
      taskTimeoutMs: INDEX_TASK_LIMIT_MS,
      onEvent: (m) => this.indexer.workerEvent(m),
      onRestart: (reason) => {
        this.onRestart(reason);
        // Its summaries were in memory: read back from the store by a run.
        void this.indexer.schedule(1000, 'corpus worker restarted');
      },
    });
    this.indexer = new CorpusIndexer(store, storageDir, this.corpusWorker, () => this.emitter.fire());
    this.onDidChangeCorpus = this.indexer.onDidChangeCorpus;
  }

  /** Workers restarted after a crash or hang since activation (the user was told each time). */
  workerRestarts = 0;

  private onRestart = (reason: string) => {
    this.workerRestarts++;
    log.warn(reason);
    void vscode.window.showWarningMessage(`News Corpus Annotator: ${reason}. Analysis goes on.`);
  };

  private get pool(): AnalysisPool {
    this.editorPool ??= createAnalysisPool({ workers: 1, taskTimeoutMs: EDITOR_TASK_LIMIT_MS, onRestart: this.onRestart });
    return this.editorPool;
  }

  private indexPoolInstance: AnalysisPool | undefined;
  private indexPool(): AnalysisPool {
    this.indexPoolInstance ??= createAnalysisPool({ workers: Math.max(1, defaultWorkerCount() + 1), taskTimeoutMs: INDEX_TASK_LIMIT_MS, onRestart: this.onRestart, background: true, idleMs: INDEX_IDLE_MS });
    return this.indexPoolInstance;
  }

  /**
   * Sets how an article's analysis takes the kinds its corpus decides (one kind per corpus actor,
   * asked of the corpus worker): applied to every analysis before it is served, and again to those
   * already held.
   */
  setCorpusKinds(apply: (location: ArticleLocation, analysis: ArticleAnalysis) => Promise<ArticleAnalysis>): void {
    this.corpusKinds = apply;
    this.corpusKindsChanged();
  }

  /** The analysis of the article with its corpus's kinds (the article's own when the corpus cannot say). */
  private async withCorpusKinds(r: AnalysedDocument): Promise<ArticleAnalysis> {
    if (!this.corpusKinds) return r.articleAnalysis;
    try {
      return await this.corpusKinds(r.location, r.articleAnalysis);
    } catch (e) {
      log.debug(`corpus kinds: ${(e as Error).message}`);
      return r.articleAnalysis;
    }
  }

  /** The corpus kinds may have changed (the corpus actors were updated): applied again to the analyses held, then announced. */
  corpusKindsChanged(): void {
    const generation = ++this.kindsGeneration;
    const held = [...this.docs.values()].map((st) => st.result).filter((r): r is AnalysedDocument => r !== undefined);
    void Promise.all(
      held.map(async (r) => {
        const analysis = await this.withCorpusKinds(r);
        if (generation !== this.kindsGeneration || r.kindsGeneration > generation) return;
        r.analysis = analysis;
        r.kindsGeneration = generation;
      }),
    ).then(() => {
      if (generation === this.kindsGeneration && !this.disposed) this.kindsEmitter.fire();
    });
  }

  /** The latest analysis of the document's current version, if it has arrived. */
  peek(doc: vscode.TextDocument): AnalysedDocument | undefined {
    const r = this.docs.get(doc.uri.toString())?.result;
    return r && r.version === doc.version ? r : undefined;
  }

  /** The latest analysis available for the document, possibly of an earlier version. */
  latest(doc: vscode.TextDocument): AnalysedDocument | undefined {
    return this.docs.get(doc.uri.toString())?.result;
  }

  /**
   * The analysis of an open news article: at once when the current version is analysed, else after
   * the worker answers. Edits in quick succession are analysed once, for the latest version.
   */
  get(doc: vscode.TextDocument): Promise<AnalysedDocument | undefined> {
    if (doc.languageId !== LANGUAGE_ID || this.disposed) return Promise.resolve(undefined);
    const location = this.store.locate(doc.uri);
    if (!location) return Promise.resolve(undefined);
    const key = doc.uri.toString();
    let st = this.docs.get(key);
    if (!st) this.docs.set(key, (st = { waiters: [], running: false }));
    const hit = st.result;
    if (hit && hit.version === doc.version && hit.location.corpus === location.corpus) return Promise.resolve(hit);
    const state = st;
    return new Promise((resolve) => {
      state.waiters.push(resolve);
      if (state.running || state.timer) return;
      state.timer = setTimeout(() => {
        state.timer = undefined;
        void this.run(doc, state);
      }, state.result ? EDIT_DEBOUNCE_MS : 0);
    });
  }

  private async run(doc: vscode.TextDocument, st: DocState): Promise<void> {
    const location = this.store.locate(doc.uri);
    if (doc.isClosed || !location || this.disposed) {
      for (const w of st.waiters.splice(0)) w(undefined);
      return;
    }
    st.running = true;
    const version = doc.version;
    const text = doc.getText();
    const waiters = st.waiters.splice(0);
    let entry: AnalysedDocument | undefined;
    try {
      const result = await this.pool.analyze({
        text,
        config: location.corpus.config,
        relPath: location.relPath,
        maxChars: this.maxChars(),
        templates: await this.indexer.templateTable(location.corpus),
        corpusRoot: rootPath(location.corpus),
      });
      const analysis = attachText(result, text);
      const generation = this.kindsGeneration;
      entry = { analysis, articleAnalysis: analysis, kindsGeneration: generation, location, version, workerMs: result.workerMs };
      entry.analysis = await this.withCorpusKinds(entry);
    } catch (e) {
      log.error(`analysis of ${vscode.workspace.asRelativePath(doc.uri)} failed: ${(e as Error).message}`);
    } finally {
      st.running = false;
    }
    if (entry && !this.disposed) {
      // Stale results (the document changed while the worker ran) still answer their callers,
      // but only a result of the current version is kept and announced.
      if (doc.version === version) {
        st.result = entry;
        this.tell(doc.uri, entry.analysis);
        this.analysedEmitter.fire(doc.uri);
      }
    }
    for (const w of waiters) w(entry);
    if (st.waiters.length && !st.timer) st.timer = setTimeout(() => { st.timer = undefined; void this.run(doc, st); }, EDIT_DEBOUNCE_MS);
  }

  /** Analyses any text of an article of a corpus in the index workers (scan, export, clean). */
  async analyze(text: string, location: ArticleLocation, stages?: AnalyzeOptions['stages']): Promise<ArticleAnalysis> {
    const result = await this.indexPool().analyze({
      text,
      config: location.corpus.config,
      relPath: location.relPath,
      maxChars: this.maxChars(),
      stages,
      templates: await this.indexer.templateTable(location.corpus),
      corpusRoot: rootPath(location.corpus),
      batch: true,
    });
    return attachText(result, text);
  }

  /** Under test only: crashes the editor worker (see AnalysisPool.crashForTest). */
  async crashEditorWorkerForTest(): Promise<void> {
    await this.pool.crashForTest?.();
  }

  /** Why the trained tagger is not in use, if it is not (asks the editor worker). */
  async fallbackReason(): Promise<string | undefined> {
    try {
      return (await this.pool.engineInfo()).fallbackReason;
    } catch {
      return undefined;
    }
  }

  private maxChars(): number {
    return vscode.workspace.getConfiguration('newsCorpus').get<number>('maxAnalysedCharacters', DEFAULT_MAX_ANALYSED_CHARS);
  }

  /** What this thread knows of a corpus's index: articles indexed, whether complete, the cap. */
  corpusState(corpus: CorpusRoot): CorpusState {
    return this.indexer.state(corpus);
  }

  forget(uri: vscode.Uri): void {
    const st = this.docs.get(uri.toString());
    if (st?.timer) clearTimeout(st.timer);
    for (const w of st?.waiters ?? []) w(undefined);
    this.docs.delete(uri.toString());
  }

  invalidateAll(): void {
    for (const st of this.docs.values()) st.result = undefined;
    this.emitter.fire();
  }

  /** Brings every corpus's index up to date (debounced; a newer call cancels a run in progress). */
  indexCorpora(reason = 'requested'): Promise<void> {
    return this.indexer.schedule(0, reason);
  }

  /** Lists the articles of a corpus under include/exclude, capped by newsCorpus.scan.maxFiles. */
  listArticles(corpus: CorpusRoot): Promise<ArticleList> {
    return this.indexer.listArticles(corpus);
  }

  /** Tells the user once per document about skipped work (binary, too large, bad encoding). */
  private tell(uri: vscode.Uri, analysis: ArticleAnalysis): void {
    for (const p of analysis.problems) {
      if (p.kind === 'empty') continue;
      const key = uri.toString() + '|' + p.kind;
      if (this.warned.has(key)) continue;
      this.warned.add(key);
      const name = uri.path.split('/').pop();
      log.info(`${vscode.workspace.asRelativePath(uri)}: ${p.message}`);
      const show = p.kind === 'binary' || p.kind === 'too-large' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void show(`News Corpus Annotator: ${name}: ${p.message}`);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const st of this.docs.values()) {
      if (st.timer) clearTimeout(st.timer);
      for (const w of st.waiters.splice(0)) w(undefined);
    }
    this.indexer.dispose();
    void this.corpusWorker.terminate();
    void this.editorPool?.terminate();
    void this.indexPoolInstance?.terminate();
    this.emitter.dispose();
    this.analysedEmitter.dispose();
    this.kindsEmitter.dispose();
  }
}

/** The corpus folder on disk (where its knowledge-base files are), for a local corpus. */
function rootPath(corpus: CorpusRoot): string | undefined {
  return corpus.root.scheme === 'file' ? corpus.root.fsPath : undefined;
}
