import type { ActorCode, KbEntryRef } from './corpus/types';

// Shared data shapes of the core. Spans are 0-based, end-exclusive offsets in
// JavaScript string units (UTF-16 code units) into the article text exactly as
// given (BOM and CRLF included), the convention brat uses for BMP text.

export interface Span {
  start: number;
  end: number;
}

export type EntityKind = 'person' | 'organization' | 'place' | 'other';
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organization', 'place', 'other'];

/** CoNLL / brat label of each kind. */
export const KIND_TO_LABEL: Record<EntityKind, string> = {
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
  other: 'MISC',
};

export interface EntityMention extends Span {
  text: string;
  kind: EntityKind;
  /** Which engine produced it (e.g. "perceptron", "gazetteer", "rules"). */
  source: string;
  /** 0..1 where the engine knows it. */
  confidence?: number;
  /** For demonyms and country adjectives ("Malian"): the canonical place they refer to ("Mali"). */
  refersTo?: string;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface DateMention extends Span {
  text: string;
  type: TimexType;
  /** TimeML value (2025-11-10, XXXX-09-04, P10Y, PRESENT_REF …), or null when it cannot be resolved. */
  value: string | null;
  /** What the value was resolved against, e.g. "article date 2025-11-10 (from newscorpus.yaml)". */
  anchor?: string;
  /** Why the value is missing or underspecified, for the hover. */
  note?: string;
}

export type BoilerplateCategory =
  | 'navigation'
  | 'byline'
  | 'share'
  | 'related'
  | 'read-more'
  | 'comments'
  | 'legal'
  | 'caption'
  | 'duplicate'
  | 'template'
  | 'custom';

export const BOILERPLATE_CATEGORIES: readonly BoilerplateCategory[] = [
  'navigation', 'byline', 'share', 'related', 'read-more', 'comments', 'legal', 'caption', 'duplicate', 'template', 'custom',
];

export interface BoilerplateFinding extends Span {
  /** 0-based line number of the flagged line (a finding covers exactly one line, without its line break). */
  line: number;
  category: BoilerplateCategory;
  /** 0..1 */
  confidence: number;
  /** Human-readable reason, e.g. 'Related-post teaser ("… premature...")'. */
  message: string;
  /** For 'duplicate' findings: the 0-based line this one repeats. */
  duplicateOf?: number;
}

export interface Line extends Span {
  /** 0-based */
  index: number;
  /** Text without the line break. */
  text: string;
}

export interface Block extends Span {
  kind: 'headline' | 'paragraph';
  /** 0-based first and last line. */
  startLine: number;
  endLine: number;
}

export interface Actor {
  /** Stable id within the article: kind + folded canonical name. */
  id: string;
  /** Canonical (longest, most complete) name. */
  name: string;
  kind: EntityKind;
  /**
   * The kind this article alone gave it, when the corpus decides another (the kind of most of the
   * corpus actor's mentions, or its knowledge-base entry's): see corpus/corpusKinds.
   */
  articleKind?: EntityKind;
  /** Other surface forms linked to it (Goita, Assimi Goïta …), canonical name excluded. */
  aliases: string[];
  /** Roles and titles the article gives it ("interim Malian President", "Colonel"). */
  roles: string[];
  /** For places referred to through a demonym: the demonym forms seen ("Malian"). */
  demonyms: string[];
  mentions: Span[];
  /** Names of actors mentioned in the same sentences, most frequent first. */
  coOccurring: { name: string; kind: EntityKind; count: number }[];
  /** The knowledge-base entry it is linked to (see corpus/knowledgeBase), when the analysis had one. */
  kb?: KbEntryRef;
  /** Codes of that entry in force on the article's date (dated restrictions before the default). */
  codes?: string[];
  /** All codes of that entry with their ranges (for the hover's "since …"). */
  kbCodes?: ActorCode[];
}

export interface ArticleDateInfo {
  /** ISO date YYYY-MM-DD. */
  value: string;
  /** How it was obtained, for the hover ("newscorpus.yaml dates map", "first date in the text, line 3"). */
  source: string;
}

export interface InputProblem {
  kind: 'empty' | 'binary' | 'too-large' | 'invalid-utf8' | 'truncated' | 'engine-error' | 'knowledge-base';
  message: string;
}

export interface ArticleAnalysis {
  text: string;
  lines: Line[];
  blocks: Block[];
  sentences: Span[];
  headline?: Line;
  entities: EntityMention[];
  dates: DateMention[];
  boilerplate: BoilerplateFinding[];
  actors: Actor[];
  articleDate?: ArticleDateInfo;
  /** Things the user should be told (skipped work, limits hit). */
  problems: InputProblem[];
  /** Milliseconds per stage, for the bench; never asserted in tests. */
  timings: Record<string, number>;
}
