import type { BoilerplateCategory, EntityKind } from '../types';

/** Where an article's date (the anchor for relative dates) comes from. */
export interface ArticleDateSettings {
  /** "text": infer from the article text (first full date near the top); "map": only the map; "filename": a YYYY-MM-DD in the file name. */
  from: 'text' | 'map' | 'filename';
  /** File path relative to the corpus root (forward slashes) → YYYY-MM-DD. Always consulted first. */
  map: Record<string, string>;
  /** Used when nothing else gives a date. */
  fallback?: string;
}

export interface BoilerplateSettings {
  enabled: boolean;
  /** Category on/off; a missing key means on. */
  categories: Partial<Record<BoilerplateCategory, boolean>>;
  /** Extra literal phrases: a line containing one (case-insensitive) is boilerplate ('custom'). */
  phrases: string[];
  /** Extra regular expressions (strings); only run in a trusted workspace. */
  patterns: string[];
  /** Findings with confidence below this are not reported (0..1). */
  threshold: number;
  /** Lines the user chose to keep as article text (normalised line keys, see lineKey()). */
  keep: string[];
}

export interface EntitySettings {
  /** Entity kinds shown. */
  kinds: EntityKind[];
}

export interface CorpusConfig {
  include: string[];
  exclude: string[];
  articleDate: ArticleDateSettings;
  entities: EntitySettings;
  boilerplate: BoilerplateSettings;
  /** Annotation labels beyond PER/ORG/LOC/MISC. */
  labels: string[];
  /** Knowledge-base files relative to newscorpus.yaml: the project's YAML (.yaml/.yml) or TABARI/PETRARCH actor dictionaries (.txt). */
  knowledgeBase: string[];
  /** Whether user-supplied regular expressions may run (false in an untrusted workspace). */
  trusted: boolean;
}

export const DEFAULT_CONFIG: CorpusConfig = {
  include: ['**/*.txt'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  articleDate: { from: 'text', map: {} },
  entities: { kinds: ['person', 'organization', 'place', 'other'] },
  boilerplate: { enabled: true, categories: {}, phrases: [], patterns: [], threshold: 0.5, keep: [] },
  labels: [],
  knowledgeBase: [],
  trusted: true,
};
