// The corpus level of a long-running host, in one place: per corpus, the persisted store of article
// summaries, the summaries themselves, the line counts of templates, the knowledge base and the
// corpus actors; the index runs that keep them up to date; and the questions the editor asks of
// them. The extension runs it in a worker thread of its own (corpusWorkerMain.ts), so that none of
// this (reading the store back, receiving summaries from the analysis workers, feeding the corpus
// actor model, collecting its garbage) runs on the extension host's thread; the bench runs the same.
//
// The corpus actors follow the summaries a bounded step per turn of the event loop (STEP_ACTORS
// article actors, see feedInSteps): the analysis workers' results and the host's questions are
// answered between two steps. Many new articles at once (a window load reading the index back) are
// loaded into a model apart, as one bulk load (loadInSteps, less than half the work of feeding
// them), which replaces the old one once complete.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isCorpusArticle } from '../core/config/corpusPaths';
import { LineCounts } from '../core/boilerplate/lineCounts';
import { buildTemplateTable, type TemplateTable } from '../core/boilerplate/templateTable';
import type { ArticleSummary } from '../core/corpus/articleSummary';
import { actorsInSteps, CorpusActorModel, deleteInSteps, feedInSteps, loadInSteps } from '../core/corpus/corpusActorModel';
import type { KnowledgeBase } from '../core/corpus/knowledgeBase';
import type { CorpusActor } from '../core/corpus/types';
import { foldName } from '../core/text/fold';
import { ENTITY_KINDS, type EntityKind } from '../core/types';
import type { AnalysisPool } from './analysisPool';
import { updateIndex, type IndexFile } from './corpusIndexer';
import { resetCorpusCache } from './corpusFiles';
import { CorpusStore } from './corpusStore';
import { walkArticles } from './fileWalk';
import type { CorpusAnswer, CorpusActorLine, CorpusQuery, CorpusRunReport, CorpusRunRequest, CorpusStatus, CorpusWalk, CorpusWorkerToHost } from './corpusWorkerProtocol';
import { KnowledgeBaseLoader } from './knowledgeBase';

/** Articles past the cap a report names (the count says how many there are). */
const LEFT_OUT_NAMED = 50;

/** How old a template table an edit may use while the corpus's line counts change (ms). */
const TABLE_MAX_AGE_MS = 10_000;
/** While the index or the corpus actors change, the host is told so at most this often (ms). */
const REPAINT_MS = 2000;
/**
 * When a sync finds at least this many new articles, and more than the model holds (a window load
 * reading the index back), a model of all the articles is loaded apart, as one bulk load in steps,
 * and replaces the old one once complete: less than half the work of feeding them (2.8 against 6.9
 * s at 10,000 articles, `npm run bench -- --only actors`), the questions answered from the old
 * model meanwhile.
 */
const LOAD_APART_FROM = 200;

interface Corpus {
  root: string;
  rootPath?: string;
  kbFiles: readonly string[];
  store?: CorpusStore;
  /** A folder of this session's own, when the host gave none (removed at the end). */
  tempDir?: string;
  summaries: Map<string, ArticleSummary>;
  lineCounts: LineCounts;
  ready: boolean;
  table?: TemplateTable;
  tableBuilt: number;
  tableStale: boolean;
  /** The corpus actors, and the summary objects they were given, by path. */
  model: CorpusActorModel;
  fed: Map<string, ArticleSummary>;
  /** Articles set or removed since the last sync. */
  pending: Set<string>;
  syncing?: Promise<void>;
  again: boolean;
  /** The last filter's matches, until the needle or the model changes. */
  filtered?: { model: CorpusActorModel; version: number; needle: string; matches: Promise<CorpusActor[] | undefined> };
}

export interface CorpusServiceOptions {
  /** The key of the engines and models that make the summaries (a store of another key is rebuilt). */
  engineKey: () => Promise<string>;
  /** The pool of analysis workers (summaries, knowledge bases). */
  pool: () => AnalysisPool;
  /** Progress, changes and notices for the host. */
  emit: (message: CorpusWorkerToHost) => void;
}

export class CorpusService {
  private readonly corpora = new Map<string, Corpus>();
  private readonly cancelled = new Set<number>();
  private running: Promise<unknown> = Promise.resolve();
  private readonly kbs: KnowledgeBaseLoader;
  private disposed = false;

  constructor(private readonly opts: CorpusServiceOptions) {
    this.kbs = new KnowledgeBaseLoader(
      (text, relFile) => opts.pool().parseKnowledgeBase({ text, relFile }),
      // A knowledge base (re)loaded: the corpus actors of its corpora are linked again.
      (rootPath) => {
        for (const c of this.corpora.values()) if (c.rootPath === rootPath) void this.sync(c);
      },
    );
  }

  /** The corpus of this root, created empty on first use; its folder and knowledge-base files as the host last gave them. */
  private corpus(root: string, rootPath: string | undefined, kbFiles: readonly string[]): Corpus {
    let c = this.corpora.get(root);
    if (!c) {
      c = { root, kbFiles, summaries: new Map(), lineCounts: new LineCounts(), ready: false, tableBuilt: 0, tableStale: false, model: new CorpusActorModel(), fed: new Map(), pending: new Set(), again: false };
      this.corpora.set(root, c);
    }
    c.rootPath = rootPath;
    c.kbFiles = kbFiles;
    return c;
  }

  status(c: Corpus): CorpusStatus {
    return { root: c.root, articles: c.summaries.size, ready: c.ready };
  }

  private changed(c: Corpus, what: 'index' | 'actors'): void {
    if (!this.disposed) this.opts.emit({ type: 'changed', what, status: this.status(c) });
  }

  private notice(level: 'info' | 'warn' | 'error', message: string, show?: string): void {
    this.opts.emit({ type: 'notice', level, message, ...(show ? { show } : {}) });
  }

  /** Runs are done one after another, in the order asked. */
  run(req: CorpusRunRequest): Promise<CorpusRunReport> {
    const job = this.running.then(() => this.runNow(req));
    this.running = job.catch(() => undefined);
    return job;
  }

  /** Cancels a run, asked for or in progress (it ends early, its report says so). */
  cancel(runId: number): void {
    this.cancelled.add(runId);
  }

  private async runNow(req: CorpusRunRequest): Promise<CorpusRunReport> {
    const c = this.corpus(req.root, req.rootPath, req.config.knowledgeBase);
    const store = await this.openStore(c, req.cacheDir);
    const walked = req.walk && req.rootPath ? this.walk(req.rootPath, req.walk) : undefined;
    const files = walked?.files ?? req.files;
    const cancelled = this.cancelled;
    const token = {
      get isCancellationRequested() {
        return cancelled.has(req.runId);
      },
    };
    const seen = new Set<string>();
    let lastChange = Date.now();
    try {
      const report = await updateIndex({
        files,
        total: files.length,
        config: req.config,
        store,
        pool: this.opts.pool(),
        maxChars: req.maxChars,
        corpusRoot: req.rootPath,
        token,
        removeUnseen: req.full,
        onProgress: (done) => {
          this.opts.emit({ type: 'progress', runId: req.runId, root: c.root, done, total: files.length });
          // The corpus actors follow, and the host hears of it, every REPAINT_MS at most.
          if (Date.now() - lastChange >= REPAINT_MS) {
            lastChange = Date.now();
            void this.sync(c);
            this.changed(c, 'index');
          }
        },
        onSummary: (rel, summary) => {
          seen.add(rel);
          this.set(c, rel, summary);
        },
        onSkip: (rel, reason) => {
          if (!req.full) this.remove(c, rel);
          this.notice('info', `${rel}: not indexed: ${reason}`);
        },
        onRemove: (rel) => this.remove(c, rel),
      });
      if (req.full && !report.cancelled) {
        for (const rel of [...c.summaries.keys()]) if (!seen.has(rel)) this.remove(c, rel);
        c.ready = true;
      }
      c.tableBuilt = 0; // the run is over: the next edit gets a table of the index as it now is
      void this.sync(c);
      this.changed(c, 'index');
      return { ...report, articles: c.summaries.size, ...(walked ? { walked: { files: files.length, leftOutCount: walked.leftOutCount, leftOut: walked.leftOut } } : {}) };
    } finally {
      this.cancelled.delete(req.runId);
    }
  }

  /**
   * The articles of a corpus folder, sorted: the one file walk (fileWalk.ts: containment, links,
   * hidden entries and node_modules left out), articles of a nested corpus left to it, under the
   * given globs, at most maxFiles; what it skips for a reason goes to the log.
   */
  private walk(rootPath: string, walk: CorpusWalk): { files: IndexFile[]; leftOutCount: number; leftOut: string[] } {
    resetCorpusCache(); // newscorpus.yaml files may have been added or changed since the last walk
    const root = resolve(rootPath);
    const files: IndexFile[] = [];
    const leftOut: string[] = [];
    let leftOutCount = 0;
    for (const f of walkArticles([rootPath], { globs: false, onProblem: (p) => this.notice('info', `${p.path}: ${p.message}`) })) {
      if (!f.corpus.root || resolve(f.corpus.root) !== root) continue;
      if (!isCorpusArticle(f.relPath, walk.include, walk.exclude)) continue;
      if (files.length < walk.maxFiles) files.push({ path: f.path, relPath: f.relPath, size: f.size, mtimeMs: f.mtimeMs });
      else if (leftOutCount++ < LEFT_OUT_NAMED) leftOut.push(f.relPath);
    }
    return { files, leftOutCount, leftOut };
  }

  /** An article deleted on disk: its entry and summary go. */
  async removeFile(root: string, relPath: string): Promise<void> {
    const c = this.corpora.get(root);
    if (!c) return;
    this.remove(c, relPath);
    c.store?.delete(relPath);
    c.tableBuilt = 0;
    await c.store?.flush();
    void this.sync(c);
    this.changed(c, 'index');
  }

  /** Forgets what is in memory (as a window reload does); the next run reads the stores again. */
  async forget(): Promise<void> {
    await this.running;
    for (const c of this.corpora.values()) {
      await c.syncing;
      await c.store?.flush();
    }
    this.corpora.clear();
  }

  private async openStore(c: Corpus, cacheDir: string | undefined): Promise<CorpusStore> {
    if (c.store) return c.store;
    const dir = cacheDir ?? (c.tempDir ??= mkdtempSync(join(tmpdir(), 'nca-index-')));
    try {
      const { store, report } = await CorpusStore.open(dir, await this.opts.engineKey());
      if (report.discarded) this.notice('warn', `corpus index in ${dir}: rebuilt (${report.discarded})`, `the corpus index is rebuilt: ${report.discarded}.`);
      if (report.skippedLines) this.notice('warn', `corpus index: ${report.skippedLines} damaged line(s) in ${dir} ignored; their articles are analysed again`);
      c.store = store;
    } catch (e) {
      if (c.tempDir && dir === c.tempDir) throw e;
      const message = (e as Error).message;
      this.notice('error', `corpus index: cannot open ${dir} (${message}); the index is kept for this session only`, `the corpus index cannot be stored in ${dir}: ${message}`);
      c.tempDir ??= mkdtempSync(join(tmpdir(), 'nca-index-'));
      c.store = (await CorpusStore.open(c.tempDir, await this.opts.engineKey())).store;
    }
    return c.store;
  }

  private set(c: Corpus, relPath: string, summary: ArticleSummary): void {
    const old = c.summaries.get(relPath);
    if (old) c.lineCounts.remove(old.lineHashes);
    c.summaries.set(relPath, summary);
    c.lineCounts.add(summary.lineHashes);
    c.tableStale = true;
    c.pending.add(relPath);
  }

  private remove(c: Corpus, relPath: string): void {
    const old = c.summaries.get(relPath);
    if (!old) return;
    c.summaries.delete(relPath);
    c.lineCounts.remove(old.lineHashes);
    c.tableStale = true;
    c.pending.add(relPath);
  }

  /** Lines seen in 2+ articles of the corpus, compacted for the workers (cached until the index changes). */
  private templateTable(c: Corpus): TemplateTable | undefined {
    if (c.summaries.size === 0) return undefined;
    // Building the table walks every line key of the corpus: while the index changes (each article
    // indexed changes the counts), an edit reuses a table up to TABLE_MAX_AGE_MS old.
    if (c.table && (!c.tableStale || Date.now() - c.tableBuilt < TABLE_MAX_AGE_MS)) return c.table;
    c.table = buildTemplateTable(c.lineCounts, c.summaries.size);
    c.tableBuilt = Date.now();
    c.tableStale = false;
    return c.table;
  }

  private knowledgeBaseOf(c: Corpus): KnowledgeBase | undefined {
    return c.rootPath ? this.kbs.get(c.rootPath, c.kbFiles) : undefined;
  }

  private knowledgeBaseReady(c: Corpus): Promise<KnowledgeBase | undefined> {
    return c.rootPath ? this.kbs.ready(c.rootPath, c.kbFiles) : Promise.resolve(undefined);
  }

  /** Brings a corpus's actors up to date with its summaries; one sync at a time per corpus, the last request wins. */
  private sync(c: Corpus): Promise<void> {
    if (c.syncing) {
      c.again = true;
      return c.syncing;
    }
    c.syncing = (async () => {
      try {
        do {
          c.again = false;
          await this.syncOnce(c);
        } while (c.again && !this.disposed);
      } finally {
        c.syncing = undefined;
      }
      this.changed(c, 'actors');
    })();
    return c.syncing;
  }

  private async syncOnce(c: Corpus): Promise<void> {
    const kb = this.knowledgeBaseOf(c);
    if (kb !== c.model.knowledgeBase) {
      // Another knowledge base changes every identity: a new model, loaded in turns, replaces the old one when
      // complete (articles changed meanwhile gather in c.pending and are compared on the next sync).
      c.pending.clear();
      if (!(await this.loadApart(c, kb))) return;
    }
    const paths = c.pending;
    c.pending = new Set();
    const gone: string[] = [];
    const changed: ArticleSummary[] = [];
    for (const rel of paths) {
      const s = c.summaries.get(rel);
      if (s === undefined) {
        if (c.fed.has(rel)) gone.push(rel);
      } else if (c.fed.get(rel) !== s) changed.push(s);
    }
    if (changed.length >= LOAD_APART_FROM && changed.length >= c.fed.size) {
      await this.loadApart(c, c.model.knowledgeBase);
      return;
    }
    // Deletes in steps of at most STEP_ACTORS article actors (see deleteInSteps), one per turn.
    let done = 0;
    for (const upTo of deleteInSteps(c.model, gone)) {
      for (; done < upTo; done++) c.fed.delete(gone[done]);
      await turn();
      if (this.disposed) return;
    }
    // The host hears of it as the model fills (a cold index of a big corpus takes a while).
    const model = c.model;
    done = 0;
    let last = Date.now();
    for (const upTo of feedInSteps(model, changed)) {
      for (; done < upTo; done++) c.fed.set(changed[done].relPath, changed[done]);
      if (Date.now() - last >= REPAINT_MS) {
        last = Date.now();
        this.changed(c, 'actors');
      }
      await turn();
      if (this.disposed) return;
    }
  }

  /** A model of all the summaries, loaded apart a step per turn (see loadInSteps), replaces the corpus's; false when disposed meanwhile. */
  private async loadApart(c: Corpus, kb: KnowledgeBase | undefined): Promise<boolean> {
    const items = [...c.summaries.values()];
    const model = new CorpusActorModel(kb);
    const fed = new Map<string, ArticleSummary>();
    let done = 0;
    for (const upTo of loadInSteps(model, items)) {
      for (; done < upTo; done++) fed.set(items[done].relPath, items[done]);
      await turn();
      if (this.disposed) return false;
    }
    c.model = model;
    c.fed = fed;
    c.filtered = undefined;
    return true;
  }

  /**
   * The corpus actors once the knowledge base is loaded, the summaries fed (unless `now`: as they
   * are) and the name and id maps built.
   */
  private async queryable(c: Corpus, now = false): Promise<CorpusActorModel> {
    await this.knowledgeBaseReady(c);
    if (!now) await this.sync(c);
    const model = c.model;
    for (const _ of model.queryIndexInSteps()) {
      await turn();
      if (this.disposed) break;
    }
    return model;
  }

  /**
   * The corpus actors one of whose names contains the (folded) needle, in the model's order. Matching
   * needs every actor's names: worked out a bounded step per turn (see actorsInSteps), starting again
   * if the model changes meanwhile; kept until the needle or the model changes.
   */
  private filtered(c: Corpus, needle: string): Promise<CorpusActor[] | undefined> {
    const model = c.model;
    const hit = c.filtered;
    if (hit && hit.model === model && hit.version === model.version && hit.needle === needle) return hit.matches;
    const matches = (async () => {
      for (;;) {
        const version = model.version;
        const out: CorpusActor[] = [];
        let again = false;
        for (const batch of actorsInSteps(model)) {
          for (const a of batch) if (matchesNeedle(a, needle)) out.push(a);
          await turn();
          if (this.disposed) return undefined;
          if (model.version !== version) {
            again = true;
            break;
          }
        }
        if (!again) return out;
      }
    })();
    c.filtered = { model, version: model.version, needle, matches };
    return matches;
  }

  /** Answers a question about a corpus (see CorpusQuery). */
  async query<Q extends CorpusQuery>(root: string, rootPath: string | undefined, kbFiles: readonly string[], q: Q): Promise<CorpusAnswer<Q>> {
    return (await this.answer(this.corpus(root, rootPath, kbFiles), q)) as CorpusAnswer<Q>;
  }

  private async answer(c: Corpus, q: CorpusQuery): Promise<unknown> {
    switch (q.type) {
      case 'templateTable':
        return this.templateTable(c);
      case 'actorLinks': {
        // The model as it is now (it follows the index a step per turn): never waits for a big corpus.
        if (c.pending.size && !c.syncing) void this.sync(c);
        return q.names.map((name) => {
          const a = c.model.actorOf(q.relPath, name);
          if (!a) return null;
          return { id: a.id, kind: a.kind, ...(q.withArticles ? { articles: a.articles.map((x) => x.relPath).sort() } : {}) };
        });
      }
      case 'counts': {
        await this.knowledgeBaseReady(c);
        const counts: Partial<Record<EntityKind, number>> = {};
        // Without a filter the model counts without working out any actor (100,000 articles answer at once).
        if (!q.needle) for (const k of ENTITY_KINDS) counts[k] = c.model.count(k);
        else for (const a of (await this.filtered(c, q.needle)) ?? []) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
        return counts;
      }
      case 'list': {
        await this.knowledgeBaseReady(c);
        if (!q.needle) return { actors: c.model.slice(0, q.limit, q.kind).map(lineOf), total: c.model.count(q.kind) };
        const out: CorpusActorLine[] = [];
        let total = 0;
        for (const a of (await this.filtered(c, q.needle)) ?? []) {
          if (a.kind !== q.kind) continue;
          if (++total <= q.limit) out.push(lineOf(a));
        }
        return { actors: out, total };
      }
      case 'actors': {
        const model = await this.queryable(c, q.now === true);
        const byId = model.byId(q.idOrName);
        return byId ? [byId] : model.find(q.idOrName);
      }
      case 'coActors': {
        const model = await this.queryable(c);
        return model.coActors(q.id).map((co) => ({ actor: { id: co.actor.id, name: co.actor.name, kind: co.actor.kind }, articles: co.articles }));
      }
      case 'articles': {
        if (!c.rootPath) return { relPaths: [], leftOutCount: 0, leftOut: [] };
        const walked = this.walk(c.rootPath, q.walk);
        return { relPaths: walked.files.map((f) => f.relPath), leftOutCount: walked.leftOutCount, leftOut: walked.leftOut };
      }
      case 'settled':
        await this.knowledgeBaseReady(c);
        await this.sync(c);
        return this.status(c);
      case 'all': {
        const model = await this.queryable(c);
        const total = model.count();
        return { actors: model.slice(0, Math.min(q.limit, total)).map(lineOf), total };
      }
    }
  }

  /** Under test: what is held for a corpus. */
  statusOf(root: string): CorpusStatus | undefined {
    const c = this.corpora.get(root);
    return c && this.status(c);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const c of this.corpora.values()) {
      await c.store?.flush().catch(() => undefined);
      if (c.tempDir) rmSync(c.tempDir, { recursive: true, force: true });
    }
  }
}

/** A corpus actor without its articles (what a list shows). */
function lineOf(a: CorpusActor): CorpusActorLine {
  const { articles: _, ...line } = a;
  return line;
}

/** Whether one of the actor's names contains the folded needle. */
function matchesNeedle(a: CorpusActor, needle: string): boolean {
  if (!needle) return true;
  if (foldName(a.name).includes(needle)) return true;
  return a.aliases.some((x) => foldName(x).includes(needle));
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
