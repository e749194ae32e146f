// Label names: brat types and CoNLL tags are PER, ORG, LOC, MISC (KIND_TO_LABEL)
// plus the corpus config's own labels. Other tools' names are mapped on import.
import { ENTITY_KINDS, KIND_TO_LABEL, type EntityKind } from '../types';
import { safeType } from './brat';

export const BASE_LABELS: readonly string[] = ENTITY_KINDS.map((k) => KIND_TO_LABEL[k]);

const ALIASES: Record<string, string> = {
  PERSON: 'PER', PERS: 'PER', PEOPLE: 'PER',
  ORGANIZATION: 'ORG', ORGANISATION: 'ORG', COMPANY: 'ORG', NORP: 'MISC',
  LOCATION: 'LOC', GPE: 'LOC', PLACE: 'LOC', FAC: 'LOC',
  MISCELLANEOUS: 'MISC', OTHER: 'MISC',
};

/** All labels offered to the annotator: PER, ORG, LOC, MISC then the corpus labels (deduplicated). */
export function annotationLabels(corpusLabels: readonly string[] = []): string[] {
  const out: string[] = [...BASE_LABELS];
  for (const l of corpusLabels) {
    const s = safeType(l);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

/**
 * Maps a label from another tool to ours: a corpus label or base label as is
 * (case-insensitively), an entity kind ("person") or a common alias (PERSON,
 * GPE, LOCATION …) to the base label; anything else is kept (made brat-safe).
 */
export function normalizeLabel(label: string, corpusLabels: readonly string[] = []): string {
  const raw = safeType(String(label ?? ''));
  const up = raw.toUpperCase();
  for (const l of annotationLabels(corpusLabels)) if (l.toUpperCase() === up) return l;
  if ((ENTITY_KINDS as readonly string[]).includes(raw.toLowerCase())) return KIND_TO_LABEL[raw.toLowerCase() as EntityKind];
  return ALIASES[up] ?? raw;
}
