// One kind per actor across the corpus, fed back into an article: where the corpus actor an article's
// actor belongs to has another kind (decided by the weight of its mentions over the whole corpus, or
// by its knowledge-base entry), the article's actor and the entity mentions that name it take the
// corpus kind, so that highlighting, hovers, the outline and the Actors view agree with the corpus.
// The article's own reading is kept on the actor (articleKind) for the hover.
import type { Actor, ArticleAnalysis, EntityKind } from '../types';

/**
 * The analysis with corpus kinds applied; the same object when nothing changes. `kindOf` gives the
 * corpus kind of an article actor, or undefined when the corpus does not know it (a name just typed).
 * Mentions of a place through a demonym ("Malian") stay as they are: they refer to the place.
 */
export function applyCorpusKinds(analysis: ArticleAnalysis, kindOf: (actor: Actor) => EntityKind | undefined): ArticleAnalysis {
  const spans = new Map<number, { end: number; kind: EntityKind }[]>();
  let changed = false;
  const actors = analysis.actors.map((a) => {
    const kind = kindOf(a);
    if (!kind || kind === a.kind) return a;
    changed = true;
    for (const m of a.mentions) {
      const at = spans.get(m.start);
      if (at) at.push({ end: m.end, kind });
      else spans.set(m.start, [{ end: m.end, kind }]);
    }
    return { ...a, kind, articleKind: a.articleKind ?? a.kind };
  });
  if (!changed) return analysis;
  const entities = analysis.entities.map((e) => {
    if (e.refersTo) return e;
    const kind = spans.get(e.start)?.find((s) => s.end === e.end)?.kind;
    return kind && kind !== e.kind ? { ...e, kind } : e;
  });
  return { ...analysis, actors, entities };
}
