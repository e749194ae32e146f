// The messages between the extension host's thread and the corpus worker (corpusWorkerMain.ts), one
// file imported by both sides. The host sends what only it knows (the corpus's files as the editor
// lists them, its config, where its index is stored) and asks questions; the worker owns the store,
// the summaries, the line counts and the corpus actors, and answers with small, plain data: never a
// summary, and corpus actors without their articles unless one actor's are asked for.
import type { TemplateTable } from '../core/boilerplate/templateTable';
import type { CorpusConfig } from '../core/config/types';
import type { CorpusActor } from '../core/corpus/types';
import type { EntityKind } from '../core/types';
import type { IndexFile, IndexReport } from './corpusIndexer';
import type { IdleCollectionStats } from './idleCollection';

/** One index run over some articles of a corpus. */
export interface CorpusRunRequest {
  runId: number;
  /** The corpus's id (its root URI as a string). */
  root: string;
  /** The corpus folder on disk (where its knowledge-base files are), for a local corpus. */
  rootPath?: string;
  /** Where the corpus's store is kept; undefined: a folder for this session, removed at the end. */
  cacheDir?: string;
  config: CorpusConfig;
  /** The articles to index, when not walked (`walk`). */
  files: IndexFile[];
  /**
   * Walk the corpus folder (rootPath) for its articles instead, in the worker: the one file walk of
   * src/node/fileWalk.ts, articles of nested corpora left to them, these include/exclude globs (the
   * editor's view of newscorpus.yaml, saved or not), at most maxFiles of them.
   */
  walk?: CorpusWalk;
  maxChars: number;
  /** A run over the whole corpus: entries of articles not listed are removed, and the corpus is complete after it. */
  full: boolean;
}

export interface CorpusWalk {
  include: string[];
  exclude: string[];
  maxFiles: number;
}

export interface CorpusRunReport extends IndexReport {
  /** Articles with a summary in the corpus after the run. */
  articles: number;
  /** What a walk found: articles listed, and those past maxFiles (the first 50 named). */
  walked?: { files: number; leftOutCount: number; leftOut: string[] };
}

/** What the host knows of a corpus's index without asking. */
export interface CorpusStatus {
  root: string;
  /** Articles with a summary. */
  articles: number;
  /** True once a run over the whole corpus completed. */
  ready: boolean;
}

/** A corpus actor as views list it: without its articles (ask for them with `articles`). */
export type CorpusActorLine = Omit<CorpusActor, 'articles'>;

/** The corpus actor an article's actor belongs to, as the hover and the corpus kinds need it. */
export interface ActorLink {
  id: string;
  kind: EntityKind;
  /** Paths of its articles, sorted (when asked for). */
  articles?: string[];
}

/** Questions about a corpus, each with its answer type in CorpusAnswer. */
export type CorpusQuery =
  /** The template table of the corpus's line counts (undefined: no article yet). */
  | { type: 'templateTable' }
  /** The corpus actors of an article's actors, by the names the article gives them (null: not known). */
  | { type: 'actorLinks'; relPath: string; names: string[]; withArticles: boolean }
  /** Corpus actors per kind, of those one of whose names contains `needle` (folded; '' for all). */
  | { type: 'counts'; needle: string }
  /** The first `limit` corpus actors of a kind (whose names contain `needle`), in the model's order, and how many there are. */
  | { type: 'list'; kind: EntityKind; needle: string; limit: number }
  /**
   * Corpus actors, whole, by id, else by any of their names: once the corpus actors are up to date,
   * or (`now`) as they are, which never waits for a big corpus to be fed.
   */
  | { type: 'actors'; idOrName: string; now?: boolean }
  /** A corpus actor's co-actors, most shared articles first. */
  | { type: 'coActors'; id: string }
  /** Every corpus actor, most articles first, at most `limit` (pick lists), once up to date. */
  | { type: 'all'; limit: number }
  /** The status once the knowledge base is loaded and the corpus actors hold every summary. */
  | { type: 'settled' }
  /** The articles the corpus folder's walk finds (see CorpusRunRequest.walk), as paths relative to it. */
  | { type: 'articles'; walk: CorpusWalk };

export interface CorpusAnswers {
  templateTable: TemplateTable | undefined;
  actorLinks: (ActorLink | null)[];
  counts: Partial<Record<EntityKind, number>>;
  list: { actors: CorpusActorLine[]; total: number };
  actors: CorpusActor[];
  coActors: { actor: Pick<CorpusActor, 'id' | 'name' | 'kind'>; articles: number }[];
  all: { actors: CorpusActorLine[]; total: number };
  settled: CorpusStatus;
  articles: { relPaths: string[]; leftOutCount: number; leftOut: string[] };
}

export type CorpusAnswer<Q extends CorpusQuery> = CorpusAnswers[Q['type']];

/** The corpus worker's V8 heap (MB): what it uses (garbage not yet collected included), what it has taken, and memory outside it (buffers). */
export interface CorpusWorkerHeap {
  usedMb: number;
  totalMb: number;
  externalMb: number;
  /** Index worker threads running (they end after a quiet spell: CorpusWorkerData.indexIdleMs). */
  indexWorkers: number;
  /** The corpus worker's own thread id where the OS tells it (Linux), for benches that count CPU per thread. */
  threadId?: number;
  /** The collections the worker made between its steps (see idleCollection.ts); absent when it makes none. */
  idleCollections?: IdleCollectionStats;
}

/** Host → worker. */
export type HostToCorpusWorker =
  | { type: 'run'; id: number; request: CorpusRunRequest }
  | { type: 'cancel'; runId: number }
  | { type: 'remove'; id: number; root: string; relPath: string }
  | { type: 'forget'; id: number }
  | { type: 'query'; id: number; root: string; rootPath?: string; knowledgeBase: string[]; query: CorpusQuery }
  /** Flushes the stores and ends the analysis workers (before the thread is terminated). */
  | { type: 'dispose'; id: number }
  /** Answered at once by a worker whose event loop turns (see CorpusWorkerClient's watchdog). */
  | { type: 'ping'; id: number }
  /** The worker's heap, for benches (see CorpusWorkerHeap). */
  | { type: 'heap'; id: number }
  | { type: 'crashForTest' }
  /** Under test only: the worker's thread stops answering (a busy loop), as a hung worker would. */
  | { type: 'hangForTest' };

/** Worker → host. */
export type CorpusWorkerToHost =
  | { type: 'reply'; id: number; value?: unknown; error?: string }
  | { type: 'progress'; runId: number; root: string; done: number; total: number }
  /** The corpus's index changed (`index`), or its corpus actors did (`actors`); with its status. */
  | { type: 'changed'; what: 'index' | 'actors'; status: CorpusStatus }
  /** A line for the log, and what to tell the user (`show`), if anything. */
  | { type: 'notice'; level: 'info' | 'warn' | 'error'; message: string; show?: string };
