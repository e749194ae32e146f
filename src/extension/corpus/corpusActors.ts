// The corpus actors of each corpus for the editor (Actors view, hover, dossier, KB commands, the
// corpus kinds of an article): questions to the corpus worker, which holds the corpus actor model
// and keeps it up to date with the index (src/node/corpusService.ts). Nothing of the model is held
// on this thread: a list comes as the lines a view shows, an actor's articles only when asked.
import * as vscode from 'vscode';
import type { CorpusActor } from '../../core/corpus/types';
import { LruMap } from '../../core/text/lru';
import type { EntityKind } from '../../core/types';
import type { ActorLink, CorpusActorLine, CorpusAnswers } from '../../node/corpusWorkerProtocol';
import type { AnalysisService } from '../analysis/analysisService';
import { corpusRef } from '../analysis/corpusIndexer';
import type { CorpusRoot } from './configStore';

/** Open articles whose actor kinds are kept (see CorpusActors.kinds), and names kept per article. */
const KINDS_CACHED_ARTICLES = 64;
const KINDS_CACHED_NAMES = 5000;

export class CorpusActors implements vscode.Disposable {
  /** Fires when the corpus actors of a corpus may have changed. */
  readonly onDidChange: vscode.Event<CorpusRoot>;

  /**
   * The kinds the corpus gave an open article's actor names, per article, until the corpus actors
   * change: an edit that brings no new name asks the corpus worker nothing (while a corpus is
   * indexed, a question waits 4 ms in the median and up to a few hundred ms behind the worker's steps).
   */
  private readonly kindsOf = new LruMap<string, Map<string, EntityKind | undefined>>(KINDS_CACHED_ARTICLES);
  private generation = 0;
  /** Names asked of the corpus worker by `kinds` (for tests). */
  namesAsked = 0;

  constructor(private readonly analyses: AnalysisService) {
    this.onDidChange = analyses.indexer.onDidChangeActors;
    this.listener = this.onDidChange(() => {
      this.generation++;
      this.kindsOf.clear();
    });
  }

  private readonly listener: vscode.Disposable;

  dispose(): void {
    this.listener.dispose();
  }

  /**
   * The corpus's kind of each of an article's actor names (undefined: the corpus does not know the
   * name in this article yet), asking the corpus worker only about names not asked before since the
   * corpus actors last changed; `timeoutMs` bounds the wait for those.
   */
  async kinds(corpus: CorpusRoot, relPath: string, names: readonly string[], timeoutMs?: number): Promise<Map<string, EntityKind | undefined>> {
    const key = JSON.stringify([corpus.root.toString(), corpus.config.knowledgeBase ?? [], relPath]);
    const generation = this.generation;
    const known = this.kindsOf.get(key);
    const missing = known ? names.filter((n) => !known.has(n)) : [...names];
    if (missing.length === 0) return known!;
    this.namesAsked += missing.length;
    const links = await this.links(corpus, relPath, missing, false, timeoutMs);
    const answer = new Map(generation === this.generation ? this.kindsOf.get(key) : undefined);
    missing.forEach((n, i) => answer.set(n, links[i]?.kind));
    // Names typed one character at a time pile up: a document's map is started again past the bound.
    if (generation === this.generation) this.kindsOf.set(key, answer.size > KINDS_CACHED_NAMES ? new Map(missing.map((n, i) => [n, links[i]?.kind])) : answer);
    return answer;
  }

  /**
   * The corpus actors of an article's actors, by the names the article gives them (null: the corpus
   * does not know it yet), with the paths of their articles when `withArticles`. The model as it is
   * now: never waits for a big corpus to be fed.
   */
  links(corpus: CorpusRoot, relPath: string, names: string[], withArticles: boolean, timeoutMs?: number): Promise<(ActorLink | null)[]> {
    return this.analyses.corpusWorker.query(corpusRef(corpus), { type: 'actorLinks', relPath, names, withArticles }, timeoutMs);
  }

  /** Corpus actors per kind, of those one of whose names contains the folded `needle` ('' for all). */
  counts(corpus: CorpusRoot, needle: string): Promise<Partial<Record<EntityKind, number>>> {
    return this.analyses.corpusWorker.query(corpusRef(corpus), { type: 'counts', needle });
  }

  /** The first `limit` corpus actors of a kind (whose names contain `needle`), most articles first, and how many there are. */
  list(corpus: CorpusRoot, kind: EntityKind, needle: string, limit: number): Promise<CorpusAnswers['list']> {
    return this.analyses.corpusWorker.query(corpusRef(corpus), { type: 'list', kind, needle, limit });
  }

  /**
   * Corpus actors, with their articles, by id, else by any of their names: once the corpus actors
   * are up to date, or (`now`) as they are, without waiting for a corpus being indexed.
   */
  find(corpus: CorpusRoot, idOrName: string, now = false): Promise<CorpusActor[]> {
    return this.analyses.corpusWorker.query(corpusRef(corpus), { type: 'actors', idOrName, now });
  }

  /** The actors sharing articles with one, most shared articles first. */
  coActors(corpus: CorpusRoot, id: string): Promise<CorpusAnswers['coActors']> {
    return this.analyses.corpusWorker.query(corpusRef(corpus), { type: 'coActors', id });
  }

  /** The first `limit` corpus actors, most articles first (pick lists), and how many there are. */
  all(corpus: CorpusRoot, limit: number): Promise<{ actors: CorpusActorLine[]; total: number }> {
    return this.analyses.corpusWorker.query(corpusRef(corpus), { type: 'all', limit });
  }
}
