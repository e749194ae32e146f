// news-annotate actors and analyze --json with a knowledge base, on the gold corpus fixture.
import * as assert from 'assert';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { KnowledgeBase, type KbEntry } from '../../../src/core/corpus/knowledgeBase';
import { kbMentions } from '../../../src/core/corpus/kbMentions';

const GOLD = path.join(__dirname, '..', '..', 'fixtures', 'actors-gold');

function runCli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  return main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({ code, out, err }));
}

describe('news-annotate actors', () => {
  it('prints one JSON object per corpus actor, most articles first, with KB entry and codes', async () => {
    const r = await runCli(['actors', GOLD, '--kind', 'person', '--min-articles', '2']);
    assert.strictEqual(r.code, 0);
    const actors = r.out.map((l) => JSON.parse(l));
    assert.ok(actors.every((a) => a.kind === 'person' && a.articles >= 2));
    assert.deepStrictEqual(Object.keys(actors[0]), ['name', 'kind', 'aliases', 'roles', 'articles', 'mentions', 'files', 'firstDate', 'lastDate', 'kb', 'codes']);
    for (let i = 1; i < actors.length; i++) assert.ok(actors[i - 1].articles >= actors[i].articles);
    const goita = actors.find((a) => a.name === 'Assimi Goïta');
    assert.strictEqual(goita.kb.wikidata, 'Q106558212');
    assert.deepStrictEqual(goita.codes, [{ code: 'MLIMIL', from: null, to: '2021-05-23' }, { code: 'MLIGOV', from: '2021-05-24', to: null }]);
    assert.strictEqual(goita.firstDate, '2020-09-16');
    assert.ok(goita.files.includes('articles/2024-02-12-wagner.txt'), 'an unaccented "Assimi Goita" is the same actor');
    // The KB merges the spellings Tchiani and Tiani.
    const tchiani = actors.find((a) => a.name === 'Abdourahamane Tchiani');
    assert.ok(tchiani.aliases.includes('Tiani') && tchiani.articles >= 5, JSON.stringify(tchiani));
    // Homonyms: Moussa Traoré (one article) is not Ibrahim Traoré.
    assert.ok(!actors.some((a) => a.name === 'Moussa Traoré'));
    assert.ok(actors.some((a) => a.name === 'Ibrahim Traoré' && !a.files.includes('articles/2020-09-16-moussa-traore.txt')));
  });

  it('prints CSV with the header and RFC 4180 quoting', async () => {
    const r = await runCli(['actors', GOLD, '--format', 'csv']);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.out[0], 'name,kind,aliases,articles,mentions,first_date,last_date,wikidata,codes,roles\r');
    const goita = r.out.find((l) => l.startsWith('Assimi Goïta,'));
    assert.ok(goita, r.out.join('\n'));
    assert.match(goita!, /^Assimi Goïta,person,Goïta,7,\d+,2020-09-16,2024-07-06,Q106558212,MLIMIL \.\.2021-05-23; MLIGOV 2021-05-24\.\.,"?Colonel \(3\)/);
    assert.ok(r.out.every((l) => l.endsWith('\r')));
  });

  it('rejects bad options with the usage', async () => {
    assert.strictEqual((await runCli(['actors', GOLD, '--format', 'xml'])).code, 2);
    assert.strictEqual((await runCli(['actors', GOLD, '--kind', 'animal'])).code, 2);
    const missing = await runCli(['actors', path.join(GOLD, 'nowhere')]);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err[0], /not a folder/);
  });

  it('analyze --json links actors to the KB with the codes in force on the article date', async () => {
    const r = await runCli(['analyze', path.join(GOLD, 'articles', '2021-05-25-mali-second-coup.txt'), '--json']);
    const a = JSON.parse(r.out[0]);
    const goita = a.actors.find((x: { name: string }) => x.name === 'Assimi Goïta');
    assert.deepStrictEqual(goita.kb, { id: 'kb/actors.yaml#assimi goita', name: 'Assimi Goïta', wikidata: 'Q106558212', description: 'President of the transition of Mali' });
    assert.deepStrictEqual(goita.codes, ['MLIGOV']);
    const old = JSON.parse((await runCli(['analyze', path.join(GOLD, 'articles', '2020-09-16-moussa-traore.txt'), '--json'])).out[0]);
    assert.deepStrictEqual(old.actors.find((x: { name: string }) => x.name === 'Assimi Goita').codes, ['MLIMIL']);
  });
});

describe('dictionary pass', () => {
  const entries: KbEntry[] = [
    { id: 'k#1', name: 'Economic Community of West African States', kind: 'organization', aliases: ['ECOWAS'], codes: [], file: 'k', line: 1, format: 'yaml' },
    { id: 'k#2', name: 'Mali', kind: 'place', aliases: ['Malian'], codes: [], file: 'k', line: 2, format: 'yaml' },
    { id: 'k#3', name: 'Tiani', aliases: [], codes: [], file: 'k', line: 3, format: 'yaml' },
  ];
  const kb = new KnowledgeBase([{ file: 'k', load: () => ({ entries, problems: [] }) }]);
  it('finds names and aliases longest first, capitalised words only, within the regions', () => {
    const text = 'The economic community of west african states met. Economic Community of West African States (ECOWAS) and malian troops; Malian.\nTIANI';
    const found = kbMentions(text, [{ start: 0, end: text.indexOf('\n') }], kb);
    assert.deepStrictEqual(found.map((f) => [f.text, f.start, f.entries[0].id]), [
      ['Economic Community of West African States', text.indexOf('Economic'), 'k#1'],
      ['ECOWAS', text.indexOf('ECOWAS'), 'k#1'],
      ['Malian', text.indexOf('Malian'), 'k#2'],
    ]);
    assert.deepStrictEqual(kbMentions(text, [{ start: text.indexOf('\n') + 1, end: text.length }], kb).map((f) => f.text), ['TIANI']);
  });
});
