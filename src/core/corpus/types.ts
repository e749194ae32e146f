// Shapes of the corpus level: corpus actors (one identity per real-world actor across the
// articles of a corpus), their knowledge-base links and codes. Built by the corpus model from
// ArticleSummary records (see articleSummary.ts); read by the CLI, the views and the dossier.
import type { EntityKind } from '../types';

/** A code of an actor (CAMEO or other) with the dates it is in force, both bounds optional, inclusive. */
export interface ActorCode {
  code: string;
  /** YYYY-MM-DD */
  from?: string;
  /** YYYY-MM-DD */
  to?: string;
}

/** The knowledge-base entry a corpus actor is linked to. */
export interface KbEntryRef {
  /** Stable id within the knowledge base (e.g. the file and the entry's name). */
  id: string;
  name: string;
  wikidata?: string;
  description?: string;
  /** Knowledge-base file, relative to the corpus root, and 1-based line of the entry. */
  file: string;
  line: number;
}

/** A role or title the press gave the actor, over the articles that gave it. */
export interface CorpusActorRole {
  role: string;
  firstDate?: string;
  lastDate?: string;
  articles: number;
}

/** One article of a corpus actor. */
export interface CorpusActorArticle {
  relPath: string;
  date?: string;
  title?: string;
  /** The actor's mentions in this article, flat [start0, end0, …] UTF-16 offsets. */
  mentions: number[];
}

export interface CorpusActor {
  /** Stable id: the KB entry id when linked, else kind + ':' + folded canonical name. */
  id: string;
  name: string;
  kind: EntityKind;
  /** Other names seen in the corpus (and the KB's aliases), canonical name excluded. */
  aliases: string[];
  roles: CorpusActorRole[];
  articleCount: number;
  mentionCount: number;
  firstDate?: string;
  lastDate?: string;
  /** The articles, newest first (undated last). */
  articles: CorpusActorArticle[];
  kb?: KbEntryRef;
  /** All codes of the KB entry (and dictionaries), with their ranges. */
  codes: ActorCode[];
}
