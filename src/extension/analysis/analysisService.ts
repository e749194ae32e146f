// Analyses articles for every provider: one analysis per document version,
// corpus context (templates, names across articles) from a background index.
import * as vscode from 'vscode';
import { analyzeArticle, type AnalyzeOptions, type Engines } from '../../core/analysis/analyzeArticle';
import { globToRegExp } from '../../core/config/corpusPaths';
import { summarizeArticle, type ArticleSummary } from '../../core/corpus/articleSummary';
import type { ArticleAnalysis } from '../../core/types';
import { currentKnowledgeBase } from '../../node/knowledgeBase';
import { LANGUAGE_ID } from '../corpus/languageAssigner';
import type { ArticleLocation, ConfigStore, CorpusRoot } from '../corpus/configStore';
import { newCorpusState, readArticle, type CorpusState } from './corpusState';

export interface AnalysedDocument {
  analysis: ArticleAnalysis;
  location: ArticleLocation;
  version: number;
}

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, AnalysedDocument>();
  private readonly corpora = new Map<string, CorpusState>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly warned = new Set<string>();
  /** Fires when analyses may have changed (config, corpus index): providers ask again. */
  readonly onDidChange = this.emitter.event;
  private indexing: Promise<void> | undefined;
  private readonly corpusEmitter = new vscode.EventEmitter<CorpusRoot>();
  /** Fires when the summaries of a corpus changed (indexed, an article changed or was removed). */
  readonly onDidChangeCorpus: vscode.Event<CorpusRoot> = this.corpusEmitter.event;

  constructor(
    private readonly store: ConfigStore,
    private readonly engines: () => Engines,
  ) {}

  /** The analysis of an open news article, computed on demand and cached per version. */
  get(doc: vscode.TextDocument): AnalysedDocument | undefined {
    if (doc.languageId !== LANGUAGE_ID) return undefined;
    const location = this.store.locate(doc.uri);
    if (!location) return undefined;
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version && hit.location.corpus === location.corpus) return hit;
    const analysis = this.analyze(doc.getText(), location);
    const entry = { analysis, location, version: doc.version };
    this.cache.set(key, entry);
    this.state(location.corpus).names.setArticle(location.relPath, analysis.actors);
    this.tell(doc.uri, analysis);
    return entry;
  }

  /** Analyses text of an article of the corpus; `stages` leaves out what the caller does not need. */
  analyze(text: string, location: ArticleLocation, stages?: AnalyzeOptions['stages']): ArticleAnalysis {
    const state = this.state(location.corpus);
    const max = vscode.workspace.getConfiguration('newsCorpus').get<number>('maxAnalysedCharacters', 300_000);
    return analyzeArticle(text, {
      config: location.corpus.config,
      engines: this.engines(),
      relPath: location.relPath,
      corpus: state.templates,
      limits: { maxChars: max },
      stages,
      knowledgeBase: location.corpus.root.scheme === 'file' ? currentKnowledgeBase(location.corpus.root.fsPath, location.corpus.config.knowledgeBase) : undefined,
    });
  }

  /** The summaries of the indexed articles of a corpus (the corpus model's input). */
  corpusSummaries(corpus: CorpusRoot): ArticleSummary[] {
    return [...this.state(corpus).summaries.values()];
  }

  corpusState(corpus: CorpusRoot): CorpusState {
    return this.state(corpus);
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }

  invalidateAll(): void {
    this.cache.clear();
    this.emitter.fire();
  }

  /**
   * Reads every article of every corpus (bounded), for templates and corpus-wide name counts.
   * Without a token, runs are queued one after another, so a config change made during a run is
   * indexed too; with a token (the scan command), it runs now and can be cancelled.
   */
  indexCorpora(token?: vscode.CancellationToken, progress?: (done: number, total: number) => void): Promise<void> {
    if (token || progress) return this.runIndex(token, progress);
    this.indexing = (this.indexing ?? Promise.resolve()).catch(() => undefined).then(() => this.runIndex());
    return this.indexing;
  }

  /** Re-reads one article from disk (on create/change outside the editor). */
  async reindexFile(uri: vscode.Uri): Promise<void> {
    const location = this.store.locate(uri);
    if (!location) return;
    const text = await readArticle(uri);
    const state = this.state(location.corpus);
    if (text === undefined) {
      state.templates.remove(location.relPath);
      state.names.removeArticle(location.relPath);
      if (state.summaries.delete(location.relPath)) this.corpusEmitter.fire(location.corpus);
      return;
    }
    state.templates.update(location.relPath, text);
    const analysis = this.analyze(text, location);
    state.names.setArticle(location.relPath, analysis.actors);
    state.summaries.set(location.relPath, summarizeArticle(analysis, location.relPath));
    this.emitter.fire();
    this.corpusEmitter.fire(location.corpus);
  }

  removeFile(uri: vscode.Uri): void {
    const location = this.store.locate(uri);
    if (!location) return;
    const state = this.state(location.corpus);
    state.templates.remove(location.relPath);
    state.names.removeArticle(location.relPath);
    state.summaries.delete(location.relPath);
    this.emitter.fire();
    this.corpusEmitter.fire(location.corpus);
  }

  /** Lists the articles of a corpus under include/exclude, capped by newsCorpus.scan.maxFiles. */
  async listArticles(corpus: CorpusRoot): Promise<{ files: vscode.Uri[]; capped: boolean }> {
    const max = vscode.workspace.getConfiguration('newsCorpus').get<number>('scan.maxFiles', 5000);
    const include = corpus.config.include.length === 1 ? corpus.config.include[0] : `{${corpus.config.include.join(',')}}`;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(corpus.root, include), '**/node_modules/**', max + 1);
    const files = found
      .filter((u) => this.store.locate(u)?.corpus === corpus)
      .filter((u) => !corpus.config.exclude.some((g) => globToRegExp(g).test(u.path.slice(corpus.root.path.length + 1))))
      .sort((a, b) => a.path.localeCompare(b.path));
    return { files: files.slice(0, max), capped: files.length > max };
  }

  private async runIndex(token?: vscode.CancellationToken, progress?: (done: number, total: number) => void): Promise<void> {
    const roots = this.store.all();
    const lists = await Promise.all(roots.map((r) => this.listArticles(r)));
    const total = lists.reduce((n, l) => n + l.files.length, 0);
    let done = 0;
    for (let i = 0; i < roots.length; i++) {
      // Build fresh indexes and swap them in once every article is read: articles removed or
      // excluded since the last run disappear, and a run cancelled while reading leaves the
      // previous indexes as they were.
      const fresh = newCorpusState();
      fresh.files = lists[i].files;
      fresh.capped = lists[i].capped;
      const base = roots[i].root.path.replace(/\/$/, '').length + 1;
      const texts = new Map<string, string>();
      // Pass 1: line statistics (templates need every article before any is judged).
      for (const uri of fresh.files) {
        if (token?.isCancellationRequested) return;
        const text = await readArticle(uri);
        if (text === undefined) continue;
        const rel = uri.path.slice(base);
        texts.set(rel, text);
        fresh.templates.update(rel, text);
      }
      this.corpora.set(roots[i].root.toString(), fresh);
      // Pass 2: names across articles.
      for (const [rel, text] of texts) {
        if (token?.isCancellationRequested) return;
        // The article date is part of the summary: the dates stage runs too.
        const analysis = this.analyze(text, { corpus: roots[i], relPath: rel });
        fresh.names.setArticle(rel, analysis.actors);
        fresh.summaries.set(rel, summarizeArticle(analysis, rel));
        progress?.(++done, total);
        if (done % 20 === 0) await new Promise((r) => setImmediate(r));
      }
      fresh.ready = true;
      this.corpusEmitter.fire(roots[i]);
    }
    this.cache.clear();
    this.emitter.fire();
  }

  private state(corpus: CorpusRoot): CorpusState {
    const key = corpus.root.toString();
    let s = this.corpora.get(key);
    if (!s) this.corpora.set(key, (s = newCorpusState()));
    return s;
  }

  /** Tells the user once per document about skipped work (binary, too large, bad encoding). */
  private tell(uri: vscode.Uri, analysis: ArticleAnalysis): void {
    for (const p of analysis.problems) {
      if (p.kind === 'empty') continue;
      const key = uri.toString() + '|' + p.kind;
      if (this.warned.has(key)) continue;
      this.warned.add(key);
      const name = uri.path.split('/').pop();
      const show = p.kind === 'binary' || p.kind === 'too-large' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void show(`News Corpus Annotator: ${name}: ${p.message}`);
    }
  }

  dispose(): void {
    this.emitter.dispose();
    this.corpusEmitter.dispose();
  }
}
