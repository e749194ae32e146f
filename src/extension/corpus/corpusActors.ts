// The corpus actors of each corpus for the editor (Actors view, hover, dossier, KB commands, the
// corpus kinds of an article): questions to the corpus worker, which holds the corpus actor model
// and keeps it up to date with the index (src/node/corpusService.ts). Nothing of the model is held
// on this thread: a list comes as the lines a view shows, an actor's articles only when asked.
import * as vscode from 'vscode';
import type { CorpusActor } from '../../core/corpus/types';
import type { EntityKind } from '../../core/types';
import type { ActorLink, CorpusActorLine, CorpusAnswers } from '../../node/corpusWorkerProtocol';
import type { AnalysisService } from '../analysis/analysisService';
import { corpusRef } from '../analysis/corpusIndexer';
import type { CorpusRoot } from './configStore';

export class CorpusActors {
  /** Fires when the corpus actors of a corpus may have changed. */
  readonly onDidChange: vscode.Event<CorpusRoot>;

  constructor(private readonly analyses: AnalysisService) {
    this.onDidChange = analyses.indexer.onDidChangeActors;
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
