// Article summaries for tests written with each actor's mention spans beside it (as the analysis
// has them), turned into the summary's shape: one flat list of spans for the article, actor after
// actor, and each actor's count (see ArticleSummary.mentionSpans).
import type { ActorSummary, ArticleSummary } from '../../../src/core/corpus/articleSummary';

/** An actor of a test summary: its own spans, flat [start0, end0, …]. */
export type ActorWithSpans = Omit<ActorSummary, 'mentionCount'> & { mentions: number[] };

/** A summary from actors that hold their own spans. */
export function summaryOf(s: Omit<ArticleSummary, 'actors' | 'mentionSpans'> & { actors: ActorWithSpans[] }): ArticleSummary {
  const mentionSpans: number[] = [];
  const actors: ActorSummary[] = s.actors.map(({ mentions, ...a }) => {
    mentionSpans.push(...mentions);
    return { ...a, mentionCount: mentions.length >> 1 };
  });
  return { ...s, actors, mentionSpans };
}
