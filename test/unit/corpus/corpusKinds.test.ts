import assert from 'node:assert/strict';
import { applyCorpusKinds } from '../../../src/core/corpus/corpusKinds';
import { actorHover } from '../../../src/core/present/hoverMarkdown';
import type { Actor, ArticleAnalysis, EntityKind, EntityMention } from '../../../src/core/types';

const TEXT = 'Wagner said on Monday that Wagner fighters and Malian troops left Mali.';
const at = (s: string, from = 0) => TEXT.indexOf(s, from);

function mention(text: string, start: number, kind: EntityKind, extra: Partial<EntityMention> = {}): EntityMention {
  return { start, end: start + text.length, text, kind, source: 'perceptron', confidence: 0.9, ...extra };
}

function actor(name: string, kind: EntityKind, mentions: EntityMention[]): Actor {
  return { id: `${kind}:${name.toLowerCase()}`, name, kind, aliases: [], roles: [], demonyms: [], mentions: mentions.map((m) => ({ start: m.start, end: m.end })), coOccurring: [] };
}

function analysis(): ArticleAnalysis {
  const w1 = mention('Wagner', at('Wagner'), 'person');
  const w2 = mention('Wagner', at('Wagner', 5), 'person');
  const malian = mention('Malian', at('Malian'), 'place', { refersTo: 'Mali' });
  const mali = mention('Mali', at('Mali.'), 'place');
  return {
    text: TEXT, lines: [], blocks: [], sentences: [], dates: [], boilerplate: [], problems: [], timings: {},
    entities: [w1, w2, malian, mali],
    actors: [actor('Wagner', 'person', [w1, w2]), actor('Mali', 'place', [malian, mali])],
  };
}

describe('corpus kinds fed back into an article', () => {
  it('gives the actor and the mentions naming it the corpus kind, keeping the article kind on the actor', () => {
    const a = analysis();
    const out = applyCorpusKinds(a, (x) => (x.name === 'Wagner' ? 'organization' : undefined));
    assert.deepEqual(out.actors.map((x) => [x.name, x.kind, x.articleKind]), [['Wagner', 'organization', 'person'], ['Mali', 'place', undefined]]);
    assert.deepEqual(out.entities.map((e) => [e.text, e.start, e.kind]), [['Wagner', 0, 'organization'], ['Wagner', 27, 'organization'], ['Malian', 47, 'place'], ['Mali', 66, 'place']]);
    // The article's own analysis is left as it was.
    assert.deepEqual(a.entities.map((e) => e.kind), ['person', 'person', 'place', 'place']);
  });

  it('leaves demonym mentions pointing at their place, and returns the same analysis when the corpus agrees', () => {
    const a = analysis();
    const out = applyCorpusKinds(a, (x) => (x.name === 'Mali' ? 'organization' : x.kind));
    assert.equal(out.entities.find((e) => e.text === 'Malian')!.kind, 'place');
    assert.equal(out.entities.find((e) => e.text === 'Mali')!.kind, 'organization');
    assert.equal(applyCorpusKinds(a, (x) => x.kind), a);
    assert.equal(applyCorpusKinds(a, () => undefined), a);
  });

  it('says in the hover that the corpus decided the kind', () => {
    const out = applyCorpusKinds(analysis(), (x) => (x.name === 'Wagner' ? 'organization' : undefined));
    const md = actorHover(out.actors[0], out.entities[0]);
    assert.match(md, /^\*\*Wagner\*\* — organization\n\nAn organization across the corpus; this article alone reads it as a person$/m);
    assert.doesNotMatch(actorHover(out.actors[1], out.entities[3]), /across the corpus/);
  });
});
