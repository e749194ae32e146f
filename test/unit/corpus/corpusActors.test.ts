import * as assert from 'assert';
import type { ArticleSummary } from '../../../src/core/corpus/articleSummary';
import { summaryOf, type ActorWithSpans } from '../helpers/summaries';
import { buildCorpusActors } from '../../../src/core/corpus/corpusActors';
import { KnowledgeBase, type KbEntry } from '../../../src/core/corpus/knowledgeBase';
import type { EntityKind } from '../../../src/core/types';

function actor(name: string, kind: EntityKind, opts: { aliases?: string[]; roles?: string[]; mentions?: number } = {}): ActorWithSpans {
  const mentions: number[] = [];
  for (let i = 0; i < (opts.mentions ?? 1); i++) mentions.push(i * 100, i * 100 + name.length);
  return { name, kind, aliases: opts.aliases ?? [], roles: opts.roles ?? [], demonyms: [], mentions };
}

function article(relPath: string, date: string | undefined, actors: ActorWithSpans[], acronyms: { short: string; long: string }[] = []): ArticleSummary {
  return summaryOf({ relPath, ...(date ? { date } : {}), title: 'Title of ' + relPath, chars: 1000, lineHashes: [], boilerplate: [], actors, acronyms });
}

function kbOf(entries: Partial<KbEntry>[]): KnowledgeBase {
  const full = entries.map((e, i): KbEntry => ({ id: 'kb.yaml#' + (e.name ?? String(i)).toLowerCase(), name: e.name ?? '', aliases: [], codes: [], file: 'kb.yaml', line: i + 2, format: 'yaml', ...e }));
  return new KnowledgeBase([{ file: 'kb.yaml', load: () => ({ entries: full, problems: [] }) }]);
}

describe('corpus actors', () => {
  it('folds accents and case across articles', () => {
    const idx = buildCorpusActors([
      article('a.txt', '2024-01-02', [actor('Assimi Goïta', 'person', { mentions: 2 })]),
      article('b.txt', '2024-03-05', [actor('ASSIMI GOITA', 'person')]),
      article('c.txt', '2023-12-30', [actor('Assimi Goita', 'person')]),
    ]);
    assert.strictEqual(idx.actors.length, 1);
    const a = idx.actors[0];
    assert.strictEqual(a.name, 'Assimi Goïta');
    assert.deepStrictEqual(a.aliases, []); // 'ASSIMI GOITA' folds to the name: no other name
    assert.strictEqual(a.articleCount, 3);
    assert.strictEqual(a.mentionCount, 4);
    assert.strictEqual(a.firstDate, '2023-12-30');
    assert.strictEqual(a.lastDate, '2024-03-05');
    assert.deepStrictEqual(a.articles.map((x) => x.relPath), ['b.txt', 'a.txt', 'c.txt']);
    assert.deepStrictEqual(idx.find('assimi goïta'), [a]);
    assert.deepStrictEqual(idx.find('ASSIMI GOÏTA'), [a]);
  });

  it('attaches a lone surname and title + surname to the one full name of the corpus', () => {
    const idx = buildCorpusActors([
      article('a.txt', '2024-01-02', [actor('Assimi Goïta', 'person', { aliases: ['Goita'], roles: ['Colonel'], mentions: 3 })]),
      article('b.txt', '2024-02-01', [actor('Goita', 'person', { roles: ['interim President'] })]),
      article('c.txt', '2024-02-03', [actor('President Goïta', 'person')]),
    ]);
    assert.strictEqual(idx.actors.length, 1);
    const a = idx.actors[0];
    assert.strictEqual(a.name, 'Assimi Goïta');
    assert.strictEqual(a.articleCount, 3);
    assert.deepStrictEqual(a.aliases.sort(), ['Goita', 'President Goïta']);
    assert.deepStrictEqual(a.roles.map((r) => [r.role, r.firstDate, r.lastDate, r.articles]), [
      ['Colonel', '2024-01-02', '2024-01-02', 1],
      ['interim President', '2024-02-01', '2024-02-01', 1],
    ]);
    assert.deepStrictEqual(idx.find('Goita'), [a]);
    assert.strictEqual(idx.actorOf('b.txt', 'Goita'), a);
  });

  it('links acronyms to the name some article defines', () => {
    const idx = buildCorpusActors([
      article('a.txt', '2024-01-02', [actor('Economic Community of West African States', 'organization', { aliases: ['ECOWAS'], mentions: 2 })], [
        { short: 'ECOWAS', long: 'Economic Community of West African States' },
      ]),
      article('b.txt', '2024-01-05', [actor('ECOWAS', 'organization', { mentions: 4 })]),
      article('c.txt', '2024-01-06', [actor('AES', 'organization')]),
    ]);
    const ecowas = idx.find('ECOWAS');
    assert.strictEqual(ecowas.length, 1);
    assert.strictEqual(ecowas[0].name, 'Economic Community of West African States');
    assert.strictEqual(ecowas[0].articleCount, 2);
    assert.strictEqual(ecowas[0].mentionCount, 6);
    assert.strictEqual(idx.find('AES')[0].name, 'AES');
    assert.strictEqual(idx.actors.length, 2);
  });

  it('keeps homonyms apart: a bare surname belongs to its own article, two full names are two actors', () => {
    const idx = buildCorpusActors([
      article('a.txt', '2024-01-02', [actor('Ibrahim Traoré', 'person', { aliases: ['Traoré'], mentions: 3 })]),
      article('b.txt', '2024-01-03', [actor('Moussa Traoré', 'person', { aliases: ['Traoré'], mentions: 2 })]),
      article('c.txt', '2024-01-04', [actor('Traoré', 'person')]),
    ]);
    assert.strictEqual(idx.actors.length, 3);
    assert.strictEqual(idx.actorOf('a.txt', 'Ibrahim Traoré')!.name, 'Ibrahim Traoré');
    assert.strictEqual(idx.actorOf('b.txt', 'Moussa Traoré')!.name, 'Moussa Traoré');
    // The bare "Traoré" of c.txt is ambiguous in this corpus: an actor of its own, not merged.
    assert.strictEqual(idx.actorOf('c.txt', 'Traoré')!.name, 'Traoré');
    assert.strictEqual(idx.actorOf('c.txt', 'Traoré')!.articleCount, 1);
    // "Traoré" as a name form finds all three.
    assert.strictEqual(idx.find('traore').length, 3);
  });

  it('gives a corpus actor one kind, by the weight of its mentions', () => {
    const idx = buildCorpusActors([
      article('a.txt', '2024-01-02', [actor('Wagner', 'organization', { mentions: 5 })]),
      article('b.txt', '2024-01-03', [actor('Wagner', 'person', { mentions: 1 })]),
      article('c.txt', '2024-01-04', [actor('Wagner', 'other', { mentions: 2 })]),
    ]);
    assert.strictEqual(idx.actors.length, 1);
    assert.strictEqual(idx.actors[0].kind, 'organization');
    assert.strictEqual(idx.actors[0].id, 'organization:wagner');
    assert.strictEqual(idx.actors[0].mentionCount, 8);
  });

  it('lets the knowledge base merge spellings and carry its kind, description and codes', () => {
    const kb = kbOf([
      { name: 'Abdourahamane Tchiani', kind: 'person', aliases: ['Abdourahamane Tiani', 'Tiani', 'Tchiani'], wikidata: 'Q120733370', codes: [{ code: 'NERMIL' }, { code: 'NERGOV', from: '2023-07-26' }] },
    ]);
    const idx = buildCorpusActors(
      [
        article('a.txt', '2023-08-01', [actor('Abdourahamane Tchiani', 'person', { mentions: 2 })]),
        article('b.txt', '2023-08-02', [actor('Abdourahamane Tiani', 'person')]),
        article('c.txt', '2023-08-03', [actor('Tiani', 'organization')]),
        article('d.txt', '2023-08-04', [actor('Mohamed Bazoum', 'person')]),
      ],
      kb,
    );
    const t = idx.find('Tchiani');
    assert.strictEqual(t.length, 1);
    assert.strictEqual(t[0].articleCount, 3);
    assert.strictEqual(t[0].kind, 'person');
    assert.strictEqual(t[0].kb?.wikidata, 'Q120733370');
    assert.strictEqual(t[0].id, 'kb.yaml#abdourahamane tchiani');
    assert.deepStrictEqual(t[0].codes.map((c) => c.code), ['NERMIL', 'NERGOV']);
    assert.strictEqual(idx.find('Mohamed Bazoum')[0].kb, undefined);
    // Without the KB, the two spellings are two actors.
    const plain = buildCorpusActors([article('a.txt', undefined, [actor('Abdourahamane Tchiani', 'person')]), article('b.txt', undefined, [actor('Abdourahamane Tiani', 'person')])]);
    assert.strictEqual(plain.actors.length, 2);
  });

  it('sorts by articles, lists the actors of an article and who appears with whom', () => {
    const idx = buildCorpusActors([
      article('a.txt', '2024-01-01', [actor('Mali', 'place'), actor('Bamako', 'place')]),
      article('b.txt', '2024-01-02', [actor('Mali', 'place'), actor('Niger', 'place')]),
      article('c.txt', '2024-01-03', [actor('Mali', 'place'), actor('Niger', 'place')]),
    ]);
    assert.deepStrictEqual(idx.actors.map((a) => [a.name, a.articleCount]), [['Mali', 3], ['Niger', 2], ['Bamako', 1]]);
    assert.deepStrictEqual(idx.actorsOf('b.txt').map((a) => a.name), ['Mali', 'Niger']);
    assert.deepStrictEqual(idx.coActors('place:mali').map((c) => [c.actor.name, c.articles]), [['Niger', 2], ['Bamako', 1]]);
    assert.deepStrictEqual(idx.coActors('nobody'), []);
    assert.strictEqual(idx.byId('place:niger')?.name, 'Niger');
  });
});
