// The corpus model of actors: one corpus actor per real-world actor, resolved across the articles
// of a corpus from their summaries (see articleSummary.ts), optionally linked to a knowledge base.
//
// Resolution, in order, for each actor of each article:
//  1. a knowledge-base entry named by its canonical name (or, failing that, by exactly one entry
//     through its other names) decides its identity: the KB merges spellings ("Tchiani", "Tiani");
//  2. an acronym that some article of the corpus defines ("ECOWAS" → "Economic Community of West
//     African States") is the name it abbreviates;
//  3. a leading title is not part of a name ("President Tinubu" → "Tinubu");
//  4. a lone surname whose article names no full name ("Goita") joins the one full name of the
//     corpus that ends with it; when several do (two Traorés) it stays apart. The article's own
//     clustering has already attached surnames to the full name the same article uses;
//  5. otherwise the accent- and case-folded canonical name is the identity: two different full
//     names are two actors.
// A corpus actor's kind is the kind of most of its mentions (the KB's kind when it gives one).
// The work is done by CorpusActorModel (corpusActorModel.ts), which also keeps the corpus actors up
// to date article by article.
import type { ArticleSummary } from './articleSummary';
import { CorpusActorModel } from './corpusActorModel';
import type { KnowledgeBase } from './knowledgeBase';
import type { CorpusActor } from './types';

export interface CoActor {
  actor: CorpusActor;
  /** Number of articles both appear in. */
  articles: number;
}

export interface CorpusActorIndex {
  /** All corpus actors, most articles first (then most mentions, then name). */
  readonly actors: CorpusActor[];
  byId(id: string): CorpusActor | undefined;
  /** Corpus actors one of whose names (canonical or other) is this name, accents and case ignored. */
  find(name: string): CorpusActor[];
  /** Corpus actors of one article (relative path), in the article's order of actors. */
  actorsOf(relPath: string): CorpusActor[];
  /** The corpus actor one actor of an article belongs to (its canonical name in that article). */
  actorOf(relPath: string, articleActorName: string): CorpusActor | undefined;
  /** Actors sharing articles with this one, most shared articles first. */
  coActors(id: string): CoActor[];
}

/** A full build: the corpus actors of these summaries (a later summary of the same path wins). */
export function buildCorpusActors(summaries: Iterable<ArticleSummary>, kb?: KnowledgeBase): CorpusActorModel {
  const model = new CorpusActorModel(kb);
  model.setMany(summaries);
  return model;
}
