// Lines the user kept as article text ("Keep as article text") are often short
// site furniture the boilerplate model flagged for good reason ("Leave a Reply"):
// their capitalised words must not become actors of the article. A mention on a
// kept line stays only when it reads as a name.
import { lineKey } from '../boilerplate/templates';
import { gazetteer } from './gazetteer';
import { foldName } from '../text/fold';
import type { EntityMention, Line } from '../types';

const CAPITALISED = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,}$/u;

/** Is a mention on a kept line a name: named elsewhere in the article, a known place, or (found with some confidence) several capitalised words or an acronym? */
function readsAsName(e: EntityMention, elsewhere: Set<string>): boolean {
  if (elsewhere.has(foldName(e.text))) return true;
  const words = e.text.split(/\s+/).filter(Boolean);
  const sure = e.confidence === undefined || e.confidence >= 0.5;
  if (sure && words.filter((w) => CAPITALISED.test(w)).length >= 2) return true;
  if (sure && words.length === 1 && ACRONYM.test(words[0])) return true;
  const g = gazetteer();
  return g.country(e.text) !== undefined || g.capital(e.text) !== undefined || g.demonym(e.text) !== undefined;
}

/**
 * Drops the mentions on kept lines (lines whose lineKey is in `keep`) that do not read as names.
 * `lineOf` gives a mention's 0-based line.
 */
export function dropNonNamesOnKeptLines(entities: EntityMention[], lines: Line[], keep: readonly string[], lineOf: (e: EntityMention) => number): EntityMention[] {
  if (keep.length === 0) return entities;
  const keys = new Set(keep);
  const kept = (e: EntityMention) => {
    const l = lines[lineOf(e)];
    return l !== undefined && keys.has(lineKey(l.text));
  };
  const onKept = entities.map(kept);
  if (!onKept.some(Boolean)) return entities;
  const elsewhere = new Set(entities.filter((_, i) => !onKept[i]).map((e) => foldName(e.text)));
  return entities.filter((e, i) => !onKept[i] || readsAsName(e, elsewhere));
}
