// The corpus level as the extension host sees it: it lists each corpus's articles (include/exclude,
// the cap), says where its index is stored (workspace storage unless newsCorpus.index.cacheDirectory
// says otherwise), and asks the corpus worker to bring the index up to date: at load, when files
// change on disk (batched), and when a config changes (debounced; a newer run cancels the one in
// progress). The worker (src/node/corpusWorkerMain.ts) owns the store, the summaries, the line counts
// of templates and the corpus actors; this thread keeps only each corpus's counts and the template
// table the editor's analyses last used.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { globToRegExp } from '../../core/config/corpusPaths';
import type { TemplateTable } from '../../core/boilerplate/templateTable';
import type { IndexReport } from '../../node/corpusIndexer';
import type { CorpusRef, CorpusWorkerClient } from '../../node/corpusWorkerClient';
import type { CorpusStatus, CorpusWorkerToHost } from '../../node/corpusWorkerProtocol';
import type { ConfigStore, CorpusRoot } from '../corpus/configStore';
import { log } from '../log';
import { mapInSteps } from '../inSteps';
import { DEFAULT_MAX_ANALYSED_CHARS } from '../../core/text/input';
import { corpusStoreDir } from '../../node/cacheDir';
import { removeStore } from '../../node/corpusStore';

/** How old a template table an edit may use while the corpus index changes (ms). */
const TABLE_MAX_AGE_MS = 10_000;
/** How long an edit's analysis waits for a fresh template table (ms); then it uses the one it has. */
const TABLE_WAIT_MS = 1000;

/** What the host knows of a corpus's index. */
export interface CorpusState extends CorpusStatus {
  /** Articles listed for indexing (after include/exclude and the cap). */
  files: number;
  /** Set when the corpus has more articles than newsCorpus.scan.maxFiles; leftOut names the first 50. */
  capped: boolean;
  leftOut: string[];
  /** The template table the editor's analyses use, when it was fetched, and whether the index changed since. */
  table?: TemplateTable;
  tableFetched?: number;
  tableStale?: boolean;
}

/** The articles of a corpus, capped: how many were left out, and the first 50 of them. */
export interface ArticleList {
  files: vscode.Uri[];
  capped: boolean;
  leftOutCount: number;
  leftOut: vscode.Uri[];
}

export interface IndexProgress {
  corpus: CorpusRoot;
  done: number;
  total: number;
}

/** A corpus as the corpus worker's questions name it. */
export function corpusRef(corpus: CorpusRoot): CorpusRef {
  return { root: corpus.root.toString(), rootPath: corpus.root.scheme === 'file' ? corpus.root.fsPath : undefined, knowledgeBase: corpus.config.knowledgeBase };
}

function newState(root: string): CorpusState {
  return { root, articles: 0, ready: false, files: 0, capped: false, leftOut: [] };
}

export class CorpusIndexer implements vscode.Disposable {
  private readonly states = new Map<string, CorpusState>();
  private readonly corpusEmitter = new vscode.EventEmitter<CorpusRoot>();
  private readonly actorsEmitter = new vscode.EventEmitter<CorpusRoot>();
  private readonly progressEmitter = new vscode.EventEmitter<IndexProgress | undefined>();
  /** Fires when a corpus's index changed (articles added, changed or removed), at most every 2 s while a run goes on. */
  readonly onDidChangeCorpus = this.corpusEmitter.event;
  /** Fires when a corpus's actors changed (they follow the index in the worker). */
  readonly onDidChangeActors = this.actorsEmitter.event;
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
    private readonly worker: CorpusWorkerClient,
    private readonly onIndexChanged: () => void,
  ) {}

  /** An event of the corpus worker (see AnalysisService, which routes them here). */
  workerEvent(m: Extract<CorpusWorkerToHost, { type: 'changed' | 'notice' }>): void {
    if (m.type === 'notice') {
      log[m.level](m.message);
      if (m.show) void (m.level === 'info' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage)(`News Corpus Annotator: ${m.show}`);
      return;
    }
    const corpus = this.store.all().find((c) => c.root.toString() === m.status.root);
    if (!corpus) return;
    const s = this.state(corpus);
    s.articles = m.status.articles;
    s.ready = m.status.ready;
    if (m.what === 'index') {
      s.tableStale = true;
      this.corpusEmitter.fire(corpus);
    } else this.actorsEmitter.fire(corpus);
  }

  state(corpus: CorpusRoot): CorpusState {
    const key = corpus.root.toString();
    let s = this.states.get(key);
    if (!s) this.states.set(key, (s = newState(key)));
    return s;
  }

  /**
   * Lines seen in 2+ articles of the corpus, compacted for the analysis workers: the table last
   * fetched from the corpus worker, fetched again once the index changed and it is TABLE_MAX_AGE_MS
   * old (each article indexed changes the counts), or at once after a run ended.
   */
  async templateTable(corpus: CorpusRoot): Promise<TemplateTable | undefined> {
    const s = this.state(corpus);
    if (s.tableFetched !== undefined && (!s.tableStale || Date.now() - s.tableFetched < TABLE_MAX_AGE_MS)) return s.table;
    try {
      s.table = await this.worker.query(corpusRef(corpus), { type: 'templateTable' }, TABLE_WAIT_MS);
      s.tableFetched = Date.now();
      s.tableStale = false;
    } catch (e) {
      log.warn(`template table of ${vscode.workspace.asRelativePath(corpus.root)}: ${(e as Error).message}`);
    }
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

  /** Forgets what is in memory (the worker's aggregates, open stores), as a window reload does; the next run reads the stores again. */
  async forgetInMemory(): Promise<void> {
    await this.running;
    await this.worker.forget();
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
    this.running = this.running
      .then(() => this.worker.removeFile(loc.corpus.root.toString(), loc.relPath))
      .then(() => this.onIndexChanged())
      .catch((e) => log.error(`corpus index: ${(e as Error).message}`));
  }

  /**
   * Articles of a corpus under include/exclude, sorted, capped by newsCorpus.scan.maxFiles (the first
   * 50 left out named): the corpus worker's walk of a folder on disk, the same as the index's (see
   * runAll); VS Code's file search for anything else.
   */
  async listArticles(corpus: CorpusRoot): Promise<ArticleList> {
    const max = vscode.workspace.getConfiguration('newsCorpus').get<number>('scan.maxFiles', 100_000);
    const ref = corpusRef(corpus);
    if (ref.rootPath) {
      const walked = await this.worker.query(ref, { type: 'articles', walk: { include: corpus.config.include, exclude: corpus.config.exclude, maxFiles: max } });
      const uri = (rel: string) => vscode.Uri.joinPath(corpus.root, ...rel.split('/'));
      return { files: await mapInSteps(walked.relPaths, uri), capped: walked.leftOutCount > 0, leftOutCount: walked.leftOutCount, leftOut: walked.leftOut.map(uri) };
    }
    const include = corpus.config.include.length === 1 ? corpus.config.include[0] : `{${corpus.config.include.join(',')}}`;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(corpus.root, include), '**/node_modules/**');
    const base = corpus.root.path.replace(/\/$/, '').length + 1;
    const excludes = corpus.config.exclude.map((g) => globToRegExp(g));
    const files = found
      .filter((u) => this.store.locate(u)?.corpus === corpus)
      .filter((u) => !excludes.some((re) => re.test(u.path.slice(base))))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files: files.slice(0, max), capped: files.length > max, leftOutCount: Math.max(0, files.length - max), leftOut: files.slice(max, max + 50) };
  }

  /** The cache folder of the corpus indexes (one store per corpus in it); undefined: a folder for this session (no workspace storage). */
  private cacheRoot(): string | undefined {
    const configured = vscode.workspace.getConfiguration('newsCorpus').get<string>('index.cacheDirectory', '');
    if (configured) return configured;
    return this.storageDir && vscode.Uri.joinPath(this.storageDir, 'corpus-index').fsPath;
  }

  /** Where a corpus's index is stored (the command line's --cache names a cache folder the same way). */
  private cacheDir(corpus: CorpusRoot): string | undefined {
    const root = this.cacheRoot();
    if (root === undefined) return undefined;
    this.removeFormerStore(root, corpus);
    return corpusStoreDir(root, corpus.root.fsPath);
  }

  /** Cache folders and corpora whose store of the layout before was looked for this session. */
  private readonly formerLooked = new Set<string>();

  /**
   * Removes, once per session, the store a corpus had before its subfolder was named by its real
   * path (then by a hash of its URI): it is no longer read, and held as much as the index (40 MB
   * at 10,000 articles). Off this thread's time: the file system works meanwhile.
   */
  private removeFormerStore(root: string, corpus: CorpusRoot): void {
    const former = join(root, createHash('sha1').update(corpus.root.toString()).digest('hex').slice(0, 16));
    if (this.formerLooked.has(former)) return;
    this.formerLooked.add(former);
    void removeStore(former).then(
      (removed) => removed && log.info(`Removed the corpus index of an earlier version at ${former} (no longer read).`),
      (e) => log.warn(`the corpus index of an earlier version at ${former} could not be removed: ${(e as Error).message}`),
    );
  }

  private maxChars(): number {
    return vscode.workspace.getConfiguration('newsCorpus').get<number>('maxAnalysedCharacters', DEFAULT_MAX_ANALYSED_CHARS);
  }

  private async runAll(token: vscode.CancellationToken): Promise<void> {
    const roots = this.store.all();
    const live = new Set(roots.map((r) => r.root.toString()));
    for (const key of [...this.states.keys()]) if (!live.has(key)) this.states.delete(key);
    if (!roots.length) return;
    const maxFiles = vscode.workspace.getConfiguration('newsCorpus').get<number>('scan.maxFiles', 100_000);
    let before = 0;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News: indexing corpus' }, async (progress) => {
      for (let i = 0; i < roots.length && !token.isCancellationRequested; i++) {
        const corpus = roots[i];
        const s = this.state(corpus);
        const ref = corpusRef(corpus);
        // A folder on disk is walked by the corpus worker (this thread never holds its list of
        // files); anything else is listed here through VS Code.
        const walk = ref.rootPath ? { include: corpus.config.include, exclude: corpus.config.exclude, maxFiles } : undefined;
        let files: { path: string; relPath: string }[] = [];
        let listedLeftOut: string[] = [];
        let listedLeftOutCount = 0;
        if (!walk) {
          const listed = await this.listArticles(corpus);
          const base = corpus.root.path.replace(/\/$/, '').length + 1;
          files = listed.files.map((u) => ({ path: u.fsPath, relPath: u.path.slice(base) }));
          listedLeftOut = listed.leftOut.map((u) => u.path.slice(base));
          listedLeftOutCount = listed.leftOutCount;
        }
        const runId = this.worker.newRunId();
        const cancel = token.onCancellationRequested(() => this.worker.cancel(runId));
        let report;
        try {
          report = await this.worker.run(
            { runId, root: ref.root, rootPath: ref.rootPath, cacheDir: this.cacheDir(corpus), config: corpus.config, files, walk, maxChars: this.maxChars(), full: true },
            (done, total) => {
              this.current = { corpus, done: before + done, total: before + total };
              this.progressEmitter.fire(this.current);
              progress.report({ message: `${(before + done).toLocaleString('en-US')}/${(before + total).toLocaleString('en-US')}` });
            },
          );
        } finally {
          cancel.dispose();
        }
        const walked = report.walked ?? { files: files.length, leftOutCount: listedLeftOutCount, leftOut: listedLeftOut };
        before += walked.files;
        s.files = walked.files;
        s.capped = walked.leftOutCount > 0;
        s.leftOut = walked.leftOut;
        if (s.capped) {
          const n = walked.leftOutCount;
          log.warn(`corpus ${vscode.workspace.asRelativePath(corpus.root)}: ${n} article(s) past newsCorpus.scan.maxFiles left out: ${s.leftOut.join(', ')}${n > s.leftOut.length ? ', …' : ''}`);
          void vscode.window.showWarningMessage(`News Corpus Annotator: ${n} article(s) of ${vscode.workspace.asRelativePath(corpus.root)} are past newsCorpus.scan.maxFiles and not indexed (the log names them).`);
        }
        s.articles = report.articles;
        if (!report.cancelled) s.ready = true;
        s.tableStale = true;
        s.tableFetched = undefined; // the run is over: the next edit gets a table of the index as it now is
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
    const byCorpus = new Map<CorpusRoot, { path: string; relPath: string }[]>();
    for (const u of uris) {
      const loc = this.store.locate(u);
      if (!loc) continue;
      const list = byCorpus.get(loc.corpus) ?? [];
      list.push({ path: u.fsPath, relPath: loc.relPath });
      byCorpus.set(loc.corpus, list);
    }
    for (const [corpus, files] of byCorpus) {
      const ref = corpusRef(corpus);
      const report = await this.worker.run({ runId: this.worker.newRunId(), root: ref.root, rootPath: ref.rootPath, cacheDir: this.cacheDir(corpus), config: corpus.config, files, maxChars: this.maxChars(), full: false });
      const s = this.state(corpus);
      s.articles = report.articles;
      s.tableFetched = undefined;
      this.corpusEmitter.fire(corpus);
    }
    this.onIndexChanged();
  }

  dispose(): void {
    this.cts?.cancel();
    if (this.timer) clearTimeout(this.timer);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const w of this.waiters.splice(0)) w();
    this.corpusEmitter.dispose();
    this.actorsEmitter.dispose();
    this.progressEmitter.dispose();
  }
}
