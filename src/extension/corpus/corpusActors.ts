// The corpus actors of each corpus for the editor (Actors view, hover, dossier, KB commands, the
// corpus kinds of an article): one CorpusActorModel per corpus, kept up to date incrementally from
// the analysis service's summaries. The index says which articles changed (onDidChangeArticle): a
// sync looks at those only, never at every summary, and feeds them to the model a bounded step per
// event-loop turn (STEP_ACTORS article actors, flushed before the next turn), so that neither a cold
// load of 10,000 articles nor a run that updates a few of them blocks the extension host for long.
// A model that starts from many articles at once (a window load, another knowledge base) is loaded
// apart in steps as one bulk load (loadInSteps, less than half the host's time) and shown when complete.
import * as vscode from 'vscode';
import type { ArticleSummary } from '../../core/corpus/articleSummary';
import { actorsInSteps, CorpusActorModel, deleteInSteps, feedInSteps, loadInSteps } from '../../core/corpus/corpusActorModel';
import type { CorpusActor } from '../../core/corpus/types';
import type { KnowledgeBase } from '../../core/corpus/knowledgeBase';
import { KnowledgeBaseLoader } from '../../node/knowledgeBase';
import type { AnalysisService } from '../analysis/analysisService';
import type { CorpusRoot } from './configStore';

/** While a model is fed, the views are told it changed at most this often (ms). */
const REPAINT_MS = 2000;
/**
 * When a sync finds at least this many new articles, and more than the model holds (a window load
 * reading the index back), a model of all the articles is loaded apart, as one bulk load in steps,
 * and replaces the old one once complete: less than half the host's time of feeding them (2.8
 * against 6.9 s at 10,000 articles, `npm run bench -- --only actors`), the views showing the old
 * model meanwhile.
 */
const LOAD_APART_FROM = 200;

interface ModelState {
  corpus: CorpusRoot;
  model: CorpusActorModel;
  /** What the model holds: the summary objects it was given, by path. */
  fed: Map<string, ArticleSummary>;
  /** The index's map of summaries the model follows (another map: the index was read again, all is compared once). */
  source?: Map<string, ArticleSummary>;
  /** Articles the index set or removed since the last sync. */
  pending: Set<string>;
  /** The sync in progress, and whether another is due after it. */
  syncing?: Promise<void>;
  again: boolean;
}

export class CorpusActors implements vscode.Disposable {
  private readonly models = new Map<string, ModelState>();
  private readonly emitter = new vscode.EventEmitter<CorpusRoot | undefined>();
  /** Fires when the corpus actors of a corpus (undefined: of every corpus) may have changed. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[];
  private disposed = false;

  /** Knowledge bases parsed in the index workers (a big dictionary never blocks the host thread). */
  private readonly kbs: KnowledgeBaseLoader;

  constructor(private readonly analyses: AnalysisService) {
    this.kbs = new KnowledgeBaseLoader(
      (text, relFile) => analyses.parseKnowledgeBase(text, relFile),
      // A knowledge base (re)loaded: the corpus actors are linked again.
      () => this.syncAll(),
    );
    this.disposables = [
      this.emitter,
      analyses.onDidChangeCorpus((c) => void this.sync(c)),
      analyses.onDidChangeArticle((c) => this.models.get(c.root)?.pending.add(c.relPath)),
      analyses.onDidChange(() => this.syncAll()),
    ];
  }

  /**
   * The knowledge base of a corpus as loaded so far (undefined while its first load runs in a worker;
   * the corpus actors are linked again when it arrives).
   */
  knowledgeBaseOf(corpus: CorpusRoot): KnowledgeBase | undefined {
    return corpus.root.scheme === 'file' ? this.kbs.get(corpus.root.fsPath, corpus.config.knowledgeBase) : undefined;
  }

  /** The knowledge base of a corpus once its files, as they are now, are loaded. */
  knowledgeBaseReady(corpus: CorpusRoot): Promise<KnowledgeBase | undefined> {
    return corpus.root.scheme === 'file' ? this.kbs.ready(corpus.root.fsPath, corpus.config.knowledgeBase) : Promise.resolve(undefined);
  }

  /**
   * The corpus actors of a corpus as they are now: what the model holds (it follows the index a step
   * per turn of the event loop), or undefined before the corpus was first seen. Never blocks.
   */
  peek(corpus: CorpusRoot): CorpusActorModel | undefined {
    const st = this.models.get(corpus.root.toString());
    if (!st) void this.sync(corpus);
    return st?.model;
  }

  /** The corpus actors once the knowledge base is loaded and the summaries of the index are fed (views and commands). */
  async ready(corpus: CorpusRoot): Promise<CorpusActorModel> {
    await this.knowledgeBaseReady(corpus);
    await this.sync(corpus);
    return this.state(corpus).model;
  }

  /**
   * ready(), with the maps find() and byId() read built a step per turn of the event loop (see
   * queryIndexInSteps) rather than all at once by the first query (0.6 s at 10,000 articles).
   */
  async queryable(corpus: CorpusRoot): Promise<CorpusActorModel> {
    const model = await this.ready(corpus);
    for (const _ of model.queryIndexInSteps()) {
      await turn();
      if (this.disposed) break;
    }
    return model;
  }

  /** The corpus actors as they are now (see peek), for synchronous callers; an empty model at first. */
  of(corpus: CorpusRoot): CorpusActorModel {
    return this.peek(corpus) ?? this.state(corpus).model;
  }

  private state(corpus: CorpusRoot): ModelState {
    const key = corpus.root.toString();
    let st = this.models.get(key);
    if (!st) this.models.set(key, (st = { corpus, model: new CorpusActorModel(), fed: new Map(), pending: new Set(), again: false }));
    st.corpus = corpus;
    return st;
  }

  private syncAll(): void {
    for (const st of this.models.values()) void this.sync(st.corpus);
  }

  /** Brings a corpus's model up to date with the index; one sync at a time per corpus, the last request wins. */
  private sync(corpus: CorpusRoot): Promise<void> {
    const st = this.state(corpus);
    if (st.syncing) {
      st.again = true;
      return st.syncing;
    }
    st.syncing = (async () => {
      try {
        do {
          st.again = false;
          await this.syncOnce(st);
        } while (st.again && !this.disposed);
      } finally {
        st.syncing = undefined;
      }
      if (!this.disposed) this.emitter.fire(st.corpus);
    })();
    return st.syncing;
  }

  private async syncOnce(st: ModelState): Promise<void> {
    const kb = this.knowledgeBaseOf(st.corpus);
    if (kb !== st.model.knowledgeBase) {
      // Another knowledge base changes every identity: a new model, loaded in turns, replaces the old one when
      // complete (articles the index changes meanwhile gather in st.pending and are compared below).
      const source = this.analyses.corpusState(st.corpus).summaries;
      st.pending.clear();
      const fresh = new CorpusActorModel(kb);
      const fed = new Map<string, ArticleSummary>();
      if (!(await this.load(fresh, [...source.values()], fed))) return;
      st.model = fresh;
      st.fed = fed;
      st.source = source;
    }
    const now = this.analyses.corpusState(st.corpus).summaries;
    let paths: Iterable<string>;
    if (st.source !== now) {
      // The first sync, or the index was read again into a new map: everything is compared once.
      paths = new Set([...st.fed.keys(), ...now.keys()]);
      st.source = now;
      st.pending.clear();
    } else {
      paths = st.pending;
      st.pending = new Set();
    }
    const gone: string[] = [];
    const changed: ArticleSummary[] = [];
    for (const rel of paths) {
      const s = now.get(rel);
      if (s === undefined) {
        if (st.fed.has(rel)) gone.push(rel);
      } else if (st.fed.get(rel) !== s) changed.push(s);
    }
    if (changed.length >= LOAD_APART_FROM && changed.length >= st.fed.size) {
      // More new articles than the model holds (the index read back at a window load): a model of
      // all of them is built apart and replaces this one when complete; articles the index changes
      // meanwhile gather in st.pending for the next sync.
      const fresh = new CorpusActorModel(st.model.knowledgeBase);
      const fed = new Map<string, ArticleSummary>();
      if (!(await this.load(fresh, [...now.values()], fed))) return;
      st.model = fresh;
      st.fed = fed;
      return;
    }
    // Deletes in steps of at most STEP_ACTORS article actors (see deleteInSteps), one per turn.
    let done = 0;
    for (const upTo of deleteInSteps(st.model, gone)) {
      for (; done < upTo; done++) st.fed.delete(gone[done]);
      await turn();
      if (this.disposed) return;
    }
    // Views redraw as the model fills (a cold index of a big corpus takes a while).
    await this.feed(st.model, changed, st.fed, () => this.emitter.fire(st.corpus));
  }

  /** Loads summaries into a model nobody sees yet a step per turn of the event loop (see loadInSteps); false when disposed meanwhile. */
  private async load(model: CorpusActorModel, items: readonly ArticleSummary[], fed: Map<string, ArticleSummary>): Promise<boolean> {
    let done = 0;
    for (const upTo of loadInSteps(model, items)) {
      for (; done < upTo; done++) fed.set(items[done].relPath, items[done]);
      await turn();
      if (this.disposed) return false;
    }
    return true;
  }

  /** Feeds summaries to a model a step per turn of the event loop (see feedInSteps); false when disposed meanwhile. */
  private async feed(model: CorpusActorModel, items: readonly ArticleSummary[], fed: Map<string, ArticleSummary>, progress?: () => void): Promise<boolean> {
    let done = 0;
    let last = Date.now();
    for (const upTo of feedInSteps(model, items)) {
      for (; done < upTo; done++) fed.set(items[done].relPath, items[done]);
      // A repaint works out the first screen of each kind again (0.13–0.17 s at 10,000 articles): every 2 s at most.
      if (progress && Date.now() - last >= REPAINT_MS) {
        last = Date.now();
        progress();
      }
      await turn();
      if (this.disposed) return false;
    }
    return true;
  }

  /**
   * Every corpus actor of a model in the order of `actors`, worked out a bounded step per turn of the
   * event loop (see actorsInSteps) instead of all at once (231,000 actors of 10,000 articles: about a
   * second and a half), those `keep` accepts (tested in the same step). Starts again if the model
   * changes meanwhile; undefined when disposed.
   */
  async allActors(model: CorpusActorModel, keep?: (a: CorpusActor) => boolean): Promise<CorpusActor[] | undefined> {
    for (;;) {
      const version = model.version;
      const out: CorpusActor[] = [];
      let again = false;
      for (const batch of actorsInSteps(model)) {
        for (const a of batch) if (!keep || keep(a)) out.push(a);
        await turn();
        if (this.disposed) return undefined;
        if (model.version !== version) {
          again = true;
          break;
        }
      }
      if (!again) return out;
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
