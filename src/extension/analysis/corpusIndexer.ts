// The corpus level in the extension host: per corpus, the persisted store of article summaries (in
// workspace storage unless newsCorpus.index.cacheDirectory says otherwise), kept up to date by the
// index workers — at load, when files change on disk (batched), and when a config changes (debounced;
// a newer run cancels the one in progress) — and the line counts for templates, built from it in
// memory. No article text is kept; the corpus actors (names across articles) follow the summaries
// in ../corpus/corpusActors.ts.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { globToRegExp } from '../../core/config/corpusPaths';
import type { ArticleSummary } from '../../core/corpus/articleSummary';
import { LineCounts } from '../../core/boilerplate/lineCounts';
import type { AnalysisPool } from '../../node/analysisPool';
import { updateIndex, type IndexFile, type IndexReport } from '../../node/corpusIndexer';
import { CorpusStore } from '../../node/corpusStore';
import { engineKey } from '../../node/engineKey';
import { buildTemplateTable, type TemplateTable } from '../../core/boilerplate/templateTable';
import type { ConfigStore, CorpusRoot } from '../corpus/configStore';
import { log } from '../log';

/** How old a template table an edit may use while the corpus's line counts change (ms). */
const TABLE_MAX_AGE_MS = 10_000;

export interface CorpusState {
  /** The corpus root (URI as a string). */
  root: string;
  summaries: Map<string, ArticleSummary>;
  /** Line-key hash → number of articles holding it. */
  lineCounts: LineCounts;
  /** Articles listed for indexing (after include/exclude and the cap). */
  files: number;
  /** Set when the corpus has more articles than newsCorpus.scan.maxFiles; leftOut names them. */
  capped: boolean;
  leftOut: string[];
  /** True once a run over the whole corpus completed. */
  ready: boolean;
  store?: CorpusStore;
  table?: TemplateTable;
  /** When the table was built, and whether the line counts changed since. */
  tableBuilt?: number;
  tableStale?: boolean;
}

/** One article of a corpus whose summary was set or removed. */
export interface ArticleChange {
  /** The corpus root (URI as a string). */
  root: string;
  relPath: string;
}

export interface IndexProgress {
  corpus: CorpusRoot;
  done: number;
  total: number;
}

function newState(root: string): CorpusState {
  return { root, summaries: new Map(), lineCounts: new LineCounts(), files: 0, capped: false, leftOut: [], ready: false };
}

export class CorpusIndexer implements vscode.Disposable {
  private readonly states = new Map<string, CorpusState>();
  private readonly corpusEmitter = new vscode.EventEmitter<CorpusRoot>();
  private readonly progressEmitter = new vscode.EventEmitter<IndexProgress | undefined>();
  readonly onDidChangeCorpus = this.corpusEmitter.event;
  private readonly articleEmitter = new vscode.EventEmitter<ArticleChange>();
  /**
   * Fires, at once, for each article whose summary was set or removed (onDidChangeCorpus follows,
   * batched): what changed, so that the corpus level need not compare every summary to find out.
   */
  readonly onDidChangeArticle = this.articleEmitter.event;
  /** Progress of the run in progress; undefined when indexing ended. */
  readonly onDidProgress = this.progressEmitter.event;
  private cts: vscode.CancellationTokenSource | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiters: (() => void)[] = [];
  private running: Promise<void> = Promise.resolve();
  private changed = new Map<string, vscode.Uri>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Index runs completed (for tests and the log). */
  runs = 0;
  /** The latest run's report per corpus (root URI), for tests and the log. */
  lastReports: (IndexReport & { corpus: string })[] = [];
  current: IndexProgress | undefined;

  constructor(
    private readonly store: ConfigStore,
    private readonly storageDir: vscode.Uri | undefined,
    private readonly pool: () => AnalysisPool,
    private readonly onIndexChanged: () => void,
  ) {}

  state(corpus: CorpusRoot): CorpusState {
    const key = corpus.root.toString();
    let s = this.states.get(key);
    if (!s) this.states.set(key, (s = newState(key)));
    return s;
  }

  /** Lines seen in 2+ articles of the corpus, compacted for the workers (cached until the index changes). */
  templateTable(corpus: CorpusRoot): TemplateTable | undefined {
    const s = this.state(corpus);
    if (s.summaries.size === 0) return undefined;
    // Building the table walks every line key of the corpus: while the index changes (each article
    // indexed changes the counts), an edit reuses a table up to TABLE_MAX_AGE_MS old.
    if (s.table && (!s.tableStale || Date.now() - (s.tableBuilt ?? 0) < TABLE_MAX_AGE_MS)) return s.table;
    s.table = buildTemplateTable(s.lineCounts, s.summaries.size);
    s.tableBuilt = Date.now();
    s.tableStale = false;
    return s.table;
  }

  /** Why each of the latest runs was started (the reasons of the requests it merged), for the log and tests. */
  runReasons: string[][] = [];
  private reasons = new Set<string>();

  /** Runs over every corpus after `delayMs`; calls in between are merged, a newer run cancels an older one. */
  schedule(delayMs = 500, reason = 'requested'): Promise<void> {
    this.cts?.cancel();
    if (this.timer) clearTimeout(this.timer);
    this.reasons.add(reason);
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        const waiters = this.waiters.splice(0);
        const reasons = [...this.reasons];
        this.reasons.clear();
        this.runReasons.push(reasons);
        if (this.runReasons.length > 50) this.runReasons.shift();
        log.debug(`corpus index run: ${reasons.join(', ')}`);
        const cts = (this.cts = new vscode.CancellationTokenSource());
        this.running = this.running.then(() => this.runAll(cts.token)).catch((e) => log.error(`corpus index: ${(e as Error).message}`));
        void this.running.then(() => {
          for (const w of waiters) w();
        });
      }, delayMs);
    });
  }

  cancel(): void {
    this.cts?.cancel();
  }

  /** Forgets what is in memory (aggregates, open stores), as a window reload does; the next run reads the stores again. */
  async forgetInMemory(): Promise<void> {
    await this.running;
    for (const s of this.states.values()) await s.store?.flush();
    this.states.clear();
  }

  /** Whether the file is a knowledge-base file of a corpus (its names and codes shape every summary). */
  private isKnowledgeBase(uri: vscode.Uri): boolean {
    return this.store.all().some((c) => c.config.knowledgeBase.some((f) => vscode.Uri.joinPath(c.root, f).toString() === uri.toString()));
  }

  /** A file changed or appeared on disk: an article is re-read (batched with others within 300 ms); a
   * knowledge-base file re-runs the corpus (once edits pause). */
  fileChanged(uri: vscode.Uri): void {
    if (this.isKnowledgeBase(uri)) {
      void this.schedule(1500, `knowledge base changed: ${vscode.workspace.asRelativePath(uri)}`);
      return;
    }
    if (!this.store.locate(uri)) return;
    this.changed.set(uri.toString(), uri);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      const uris = [...this.changed.values()];
      this.changed.clear();
      this.running = this.running.then(() => this.runFiles(uris)).catch((e) => log.error(`corpus index: ${(e as Error).message}`));
    }, 300);
  }

  fileDeleted(uri: vscode.Uri): void {
    const loc = this.store.locate(uri);
    if (!loc) return;
    const s = this.state(loc.corpus);
    this.remove(s, loc.relPath);
    s.store?.delete(loc.relPath);
    s.tableBuilt = 0;
    void s.store?.flush();
    this.corpusEmitter.fire(loc.corpus);
    this.onIndexChanged();
  }

  /** Articles of a corpus under include/exclude, sorted, capped by newsCorpus.scan.maxFiles. */
  async listArticles(corpus: CorpusRoot): Promise<{ files: vscode.Uri[]; capped: boolean; leftOut: vscode.Uri[] }> {
    const max = vscode.workspace.getConfiguration('newsCorpus').get<number>('scan.maxFiles', 100_000);
    const include = corpus.config.include.length === 1 ? corpus.config.include[0] : `{${corpus.config.include.join(',')}}`;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(corpus.root, include), '**/node_modules/**');
    const base = corpus.root.path.replace(/\/$/, '').length + 1;
    const excludes = corpus.config.exclude.map((g) => globToRegExp(g));
    const files = found
      .filter((u) => this.store.locate(u)?.corpus === corpus)
      .filter((u) => !excludes.some((re) => re.test(u.path.slice(base))))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files: files.slice(0, max), capped: files.length > max, leftOut: files.slice(max) };
  }

  private cacheDir(corpus: CorpusRoot): string | undefined {
    const configured = vscode.workspace.getConfiguration('newsCorpus').get<string>('index.cacheDirectory', '');
    const id = createHash('sha1').update(corpus.root.toString()).digest('hex').slice(0, 16);
    if (configured) return vscode.Uri.joinPath(vscode.Uri.file(configured), id).fsPath;
    if (!this.storageDir) return undefined;
    return vscode.Uri.joinPath(this.storageDir, 'corpus-index', id).fsPath;
  }

  private async openStore(corpus: CorpusRoot, s: CorpusState): Promise<CorpusStore | undefined> {
    if (s.store) return s.store;
    const dir = this.cacheDir(corpus);
    if (!dir) return undefined;
    try {
      const { store, report } = await CorpusStore.open(dir, await engineKey());
      if (report.discarded) {
        log.warn(`corpus index of ${vscode.workspace.asRelativePath(corpus.root)}: rebuilt (${report.discarded})`);
        void vscode.window.showInformationMessage(`News Corpus Annotator: the corpus index is rebuilt: ${report.discarded}.`);
      }
      if (report.skippedLines) log.warn(`corpus index: ${report.skippedLines} damaged line(s) in ${dir} ignored; their articles are analysed again`);
      s.store = store;
      return store;
    } catch (e) {
      log.error(`corpus index: cannot open ${dir} (${(e as Error).message}); the index is kept in memory only`);
      void vscode.window.showWarningMessage(`News Corpus Annotator: the corpus index cannot be stored in ${dir}: ${(e as Error).message}`);
      return undefined;
    }
  }

  private set(s: CorpusState, relPath: string, summary: ArticleSummary): void {
    this.remove(s, relPath);
    s.summaries.set(relPath, summary);
    s.lineCounts.add(summary.lineHashes);
    s.tableStale = true;
    this.articleEmitter.fire({ root: s.root, relPath });
  }

  private remove(s: CorpusState, relPath: string): void {
    const old = s.summaries.get(relPath);
    if (!old) return;
    s.summaries.delete(relPath);
    s.lineCounts.remove(old.lineHashes);
    s.tableStale = true;
    this.articleEmitter.fire({ root: s.root, relPath });
  }

  private async runAll(token: vscode.CancellationToken): Promise<void> {
    const roots = this.store.all();
    const live = new Set(roots.map((r) => r.root.toString()));
    for (const key of [...this.states.keys()]) if (!live.has(key)) this.states.delete(key);
    if (!roots.length) return;
    const lists = await Promise.all(roots.map((r) => this.listArticles(r)));
    const total = lists.reduce((n, l) => n + l.files.length, 0);
    let before = 0;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News: indexing corpus' }, async (progress) => {
      for (let i = 0; i < roots.length && !token.isCancellationRequested; i++) {
        const corpus = roots[i];
        const { files, capped, leftOut } = lists[i];
        const s = this.state(corpus);
        s.files = files.length;
        s.capped = capped;
        s.leftOut = leftOut.map((u) => vscode.workspace.asRelativePath(u));
        if (capped) {
          log.warn(`corpus ${vscode.workspace.asRelativePath(corpus.root)}: ${leftOut.length} article(s) past newsCorpus.scan.maxFiles left out: ${s.leftOut.slice(0, 50).join(', ')}${leftOut.length > 50 ? ', …' : ''}`);
          void vscode.window.showWarningMessage(`News Corpus Annotator: ${leftOut.length} article(s) of ${vscode.workspace.asRelativePath(corpus.root)} are past newsCorpus.scan.maxFiles and not indexed (the log names them).`);
        }
        const store = await this.openStore(corpus, s);
        const base = corpus.root.path.replace(/\/$/, '').length + 1;
        const indexFiles: IndexFile[] = files.map((u) => ({ path: u.fsPath, relPath: u.path.slice(base) }));
        const seen = new Set<string>();
        let lastFire = 0;
        const report = await updateIndex({
          files: indexFiles,
          total: files.length,
          config: corpus.config,
          store: store ?? (await this.memoryStore()),
          pool: this.pool(),
          maxChars: vscode.workspace.getConfiguration('newsCorpus').get<number>('maxAnalysedCharacters', 300_000),
          corpusRoot: corpus.root.scheme === 'file' ? corpus.root.fsPath : undefined,
          token,
          onProgress: (done) => {
            this.current = { corpus, done: before + done, total };
            this.progressEmitter.fire(this.current);
            progress.report({ message: `${(before + done).toLocaleString('en-US')}/${total.toLocaleString('en-US')}` });
            const now = Date.now();
            if (now - lastFire > 2000) {
              lastFire = now;
              this.corpusEmitter.fire(corpus);
            }
          },
          onSummary: (rel, summary) => {
            seen.add(rel);
            this.set(s, rel, summary);
          },
          onSkip: (rel, reason) => log.info(`${rel}: not indexed: ${reason}`),
          onRemove: (rel) => this.remove(s, rel),
        });
        before += files.length;
        if (!report.cancelled) {
          for (const rel of [...s.summaries.keys()]) if (!seen.has(rel)) this.remove(s, rel);
          s.ready = true;
        }
        s.tableBuilt = 0; // the run is over: the next edit gets a table of the index as it now is
        this.lastReports.push({ ...report, corpus: corpus.root.toString() });
        if (this.lastReports.length > 20) this.lastReports.shift();
        log.info(
          `corpus index of ${vscode.workspace.asRelativePath(corpus.root)}: ${report.files} article(s) in ${(report.ms / 1000).toFixed(1)} s ` +
            `(${report.reused} from the cache, ${report.analysed} analysed, ${report.dateOnly} date only, ${report.removed} removed, ${report.skipped} skipped)` +
            (report.cancelled ? ', cancelled' : ''),
        );
        this.corpusEmitter.fire(corpus);
      }
    });
    this.runs++;
    this.current = undefined;
    this.progressEmitter.fire(undefined);
    this.onIndexChanged();
  }

  private async runFiles(uris: vscode.Uri[]): Promise<void> {
    const byCorpus = new Map<CorpusRoot, IndexFile[]>();
    for (const u of uris) {
      const loc = this.store.locate(u);
      if (!loc) continue;
      const list = byCorpus.get(loc.corpus) ?? [];
      list.push({ path: u.fsPath, relPath: loc.relPath });
      byCorpus.set(loc.corpus, list);
    }
    for (const [corpus, files] of byCorpus) {
      const s = this.state(corpus);
      const store = await this.openStore(corpus, s);
      await updateIndex({
        files,
        config: corpus.config,
        store: store ?? (await this.memoryStore()),
        pool: this.pool(),
        maxChars: vscode.workspace.getConfiguration('newsCorpus').get<number>('maxAnalysedCharacters', 300_000),
        corpusRoot: corpus.root.scheme === 'file' ? corpus.root.fsPath : undefined,
        removeUnseen: false,
        onSummary: (rel, summary) => this.set(s, rel, summary),
        onSkip: (rel, reason) => {
          this.remove(s, rel);
          log.info(`${rel}: not indexed: ${reason}`);
        },
      });
      s.tableBuilt = 0;
      this.corpusEmitter.fire(corpus);
    }
    this.onIndexChanged();
  }

  private fallback: Promise<CorpusStore> | undefined;
  /** A store in one temp folder for this session, when no storage folder is available (no workspace); removed on dispose. */
  private memoryStore(): Promise<CorpusStore> {
    this.fallback ??= engineKey().then((key) => CorpusStore.open(mkdtempSync(join(tmpdir(), 'nca-index-')), key)).then((r) => r.store);
    return this.fallback;
  }

  dispose(): void {
    void this.fallback?.then((s) => rmSync(s.dir, { recursive: true, force: true }));
    this.cts?.cancel();
    if (this.timer) clearTimeout(this.timer);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const w of this.waiters.splice(0)) w();
    for (const s of this.states.values()) void s.store?.flush();
    this.corpusEmitter.dispose();
    this.articleEmitter.dispose();
    this.progressEmitter.dispose();
  }
}

