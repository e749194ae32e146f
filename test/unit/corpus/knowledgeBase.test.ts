import * as assert from 'assert';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseCorpusConfig } from '../../../src/core/config/parseConfig';
import { codesAt, KnowledgeBase } from '../../../src/core/corpus/knowledgeBase';
import { parseTabariCode, readTabariDictionary, tabariDate } from '../../../src/core/corpus/kbTabari';
import { readYamlKnowledgeBase } from '../../../src/core/corpus/kbYaml';

const ACTORS = join(__dirname, '../../../../shared/data/actors');
const DICTS = existsSync(ACTORS) ? ACTORS : '/work/shared/data/actors';

describe('knowledge base', () => {
  describe('codes by date', () => {
    const codes = [
      { code: 'MLIELI', from: '1954-01-01', to: '1968-11-19' },
      { code: 'MLIGOV', from: '1968-11-19', to: '1991-03-26' },
      { code: 'MLIELI' },
    ];
    it('takes the dated restriction before the default, bounds inclusive', () => {
      assert.deepStrictEqual(codesAt(codes, '1968-11-18'), ['MLIELI']);
      assert.deepStrictEqual(codesAt(codes, '1968-11-19'), ['MLIELI', 'MLIGOV']);
      assert.deepStrictEqual(codesAt(codes, '1968-11-20'), ['MLIGOV']);
      assert.deepStrictEqual(codesAt(codes, '1991-03-26'), ['MLIGOV']);
      assert.deepStrictEqual(codesAt(codes, '1991-03-27'), ['MLIELI']);
      assert.deepStrictEqual(codesAt(codes, '1950-06-01'), ['MLIELI']);
      assert.deepStrictEqual(codesAt(codes, undefined), ['MLIELI']);
      assert.deepStrictEqual(codesAt([{ code: 'NERGOV', from: '2023-07-26' }], '2023-07-25'), []);
      assert.deepStrictEqual(codesAt([{ code: 'NERGOV', from: '2023-07-26' }], '2023-07-26'), ['NERGOV']);
    });

    it('reads YYMMDD and YYYYMMDD, < and > as the day before and after', () => {
      assert.strictEqual(tabariDate('540101'), '1954-01-01');
      assert.strictEqual(tabariDate('011222'), '2001-12-22');
      assert.strictEqual(tabariDate('19831231'), '1983-12-31');
      assert.strictEqual(tabariDate('9008223'), undefined);
      assert.strictEqual(tabariDate('991301'), undefined);
      assert.deepStrictEqual(parseTabariCode('[MLIGOV >020608]'), { code: 'MLIGOV', from: '2002-06-09' });
      assert.deepStrictEqual(parseTabariCode('[MLIGOV <20020608]'), { code: 'MLIGOV', to: '2002-06-07' });
      assert.deepStrictEqual(parseTabariCode('[NGAGOV 19831231-850827]'), { code: 'NGAGOV', from: '1983-12-31', to: '1985-08-27' });
      assert.deepStrictEqual(parseTabariCode('[MLI]'), { code: 'MLI' });
      assert.strictEqual(typeof parseTabariCode('[---]'), 'string');
      assert.strictEqual(typeof parseTabariCode('[X 910101-900101]'), 'string');
    });
  });

  describe('TABARI dictionaries', () => {
    it('reads phrases, synonyms, codes on the phrase line and below, and reports what it skips', () => {
      const text = [
        '# comment',
        'MALI_  [MLI]',
        '+MALIAN_ ',
        'MOUSSA_TRAORE_  # CountryInfo.txt',
        '\t[MLIELI 540101-681119]',
        '\t[MLIGOV 681119-910326]',
        '\t[MLIELI]',
        'ANIMAL_LIBERATION_FRONT_(ALF)_ [INTREB] #  kkl',
        'JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]',
        '+',
        'BAD[LINE',
        '\t[XX 9008223-911221]',
        'POLICE_ {} [~COP]',
      ].join('\r\n');
      const d = readTabariDictionary(text, 'd.txt');
      assert.deepStrictEqual(d.entries.map((e) => [e.name, e.line, e.kind, e.aliases]), [
        ['Mali', 2, 'place', ['Malian']],
        ['Moussa Traore', 4, 'person', []],
        ['Animal Liberation Front', 8, 'organization', ['ALF']],
        ['Javier De Cuellar', 9, 'person', []],
        ['Police', 13, 'other', []],
      ]);
      assert.strictEqual(d.synonyms, 1);
      assert.deepStrictEqual(d.entries[3].codes, [{ code: 'IGOUNO', from: '1982-01-01', to: '1991-12-31' }, { code: 'ELI' }]);
      assert.deepStrictEqual(d.problems.map((p) => p.line), [10, 11, 12]);
      assert.strictEqual(d.entries[4].agent, true);
      const kb = new KnowledgeBase([{ file: 'd.txt', load: () => d }]);
      assert.strictEqual(kb.lookup('police').length, 0, 'agents are never linked to names');
      assert.strictEqual(kb.lookup('MALIAN')[0].name, 'Mali');
    });

    const real = (f: string) => readFileSync(join(DICTS, f), 'utf8');
    (existsSync(DICTS) ? describe : describe.skip)('on the real Phoenix dictionaries (../shared/data/actors)', () => {
      before(function () {
        if (!existsSync(DICTS)) this.skip();
      });
      it('counts entries and synonyms and reports the malformed lines with their numbers', () => {
        const counts = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt', 'Phoenix.agents.txt'].map((f) => {
          const d = readTabariDictionary(real(f), f);
          return [f, d.entries.length, d.synonyms, d.problems.length];
        });
        assert.deepStrictEqual(counts, [
          ['Phoenix.Countries.actors.txt', 18388, 7521, 18],
          ['Phoenix.International.actors.txt', 7824, 66, 20],
          ['Phoenix.MilNonState.actors.txt', 1021, 771, 1],
          ['Phoenix.agents.txt', 1898, 0, 349],
        ]);
        const c = readTabariDictionary(real('Phoenix.Countries.actors.txt'), 'c.txt');
        assert.deepStrictEqual(c.problems.slice(0, 2).map((p) => [p.line, p.message]), [
          [745, 'unreadable line LIAMINE_Z\u001aROUAL_'],
          [2039, 'unreadable code [ARMUNR 9008223-911221]'],
        ]);
      });

      it('gives the codes in force on a date for known leaders', () => {
        const d = readTabariDictionary(real('Phoenix.Countries.actors.txt'), 'Phoenix.Countries.actors.txt');
        const kb = new KnowledgeBase([{ file: 'Phoenix.Countries.actors.txt', load: () => d }]);
        const at = (name: string, date: string) => {
          const hits = kb.lookup(name);
          assert.strictEqual(hits.length, 1, name);
          return codesAt(hits[0].codes, date);
        };
        assert.deepStrictEqual(at('Moussa Traoré', '1980-05-01'), ['MLIGOV']);
        assert.deepStrictEqual(at('Moussa Traore', '1995-01-01'), ['MLIELI']);
        assert.deepStrictEqual(at('Amadou Toumani Touré', '2002-06-08'), ['MLIELI']);
        assert.deepStrictEqual(at('Amadou Toumani Toure', '2002-06-09'), ['MLIGOV']);
        assert.deepStrictEqual(at('Amadou Toure', '1991-05-01'), ['MLIGOV']);
        assert.deepStrictEqual(at('Buhari', '1984-06-01'), ['NGAGOV']);
        assert.deepStrictEqual(at('Muhammadu Buhari', '1990-01-01'), ['NGAELI']);
        assert.deepStrictEqual(at('Malian', '2024-01-01'), ['MLI']);
        assert.strictEqual(kb.lookup('Moussa Traore')[0].line, 30024);
      });
    });
  });

  describe('YAML knowledge base', () => {
    const source = [
      '# our actors',
      'actors:',
      '  - name: Assimi Goïta',
      '    kind: person',
      '    aliases: [Goita, Assimi Goita]',
      '    description: President of the transition of Mali',
      '    wikidata: Q106558212',
      '    codes:',
      '      - { code: MLIMIL, to: 2021-05-23 }',
      '      - { code: MLIGOV, from: 2021-05-24 }',
      '    notes: coup leader   # kept',
      '    sources: [a, b]',
      '  - name: Wagner',
      '    kind: company',
      '    wikidata: 12345',
      '    codes:',
      '      - { code: RUSMIL, from: 2023-02-30 }',
      '      - { code: RUSMIL, from: 2024-01-01, to: 2023-01-01 }',
      '  - kind: place',
      '  - name: Economic Community of West African States',
      '    kind: organization',
      '    aliases: ECOWAS',
      '    codes: [IGOWAFECW]',
    ].join('\n');

    it('reads entries, keeps unknown keys and reports each error at its line, using the rest', () => {
      const { entries, problems } = readYamlKnowledgeBase(source, 'kb/actors.yaml');
      assert.deepStrictEqual(
        problems.map((p) => [p.line, p.message]),
        [
          [14, 'kind must be one of person, organization, place, other.'],
          [15, 'wikidata must be a Wikidata item id such as Q106558212.'],
          [17, 'from must be a date YYYY-MM-DD.'],
          [18, 'The range ends (2023-01-01) before it starts (2024-01-01).'],
          [19, 'An entry needs a name.'],
        ],
      );
      assert.deepStrictEqual(entries.map((e) => [e.name, e.line, e.kind]), [
        ['Assimi Goïta', 3, 'person'],
        ['Wagner', 13, undefined],
        ['Economic Community of West African States', 20, 'organization'],
      ]);
      const g = entries[0];
      assert.strictEqual(g.id, 'kb/actors.yaml#assimi goita');
      assert.deepStrictEqual(g.aliases, ['Goita']);
      assert.strictEqual(g.wikidata, 'Q106558212');
      assert.deepStrictEqual(g.codes, [{ code: 'MLIMIL', to: '2021-05-23' }, { code: 'MLIGOV', from: '2021-05-24' }]);
      assert.deepStrictEqual(g.extra, { notes: 'coup leader', sources: ['a', 'b'] });
      assert.deepStrictEqual(codesAt(g.codes, '2021-05-23'), ['MLIMIL']);
      assert.deepStrictEqual(codesAt(g.codes, '2021-05-24'), ['MLIGOV']);
      assert.deepStrictEqual(entries[2].aliases, ['ECOWAS']);
      assert.deepStrictEqual(entries[2].codes, [{ code: 'IGOWAFECW' }]);
    });

    it('reports a syntax error at its line and a file without actors', () => {
      assert.deepStrictEqual(readYamlKnowledgeBase('actors:\n  - name: [A\n', 'k.yaml').problems.map((p) => p.line).slice(0, 1), [3]);
      assert.deepStrictEqual(readYamlKnowledgeBase('people: []\n', 'k.yaml').problems.map((p) => p.message), ['A knowledge base is a mapping with an "actors:" list.']);
      assert.deepStrictEqual(readYamlKnowledgeBase('', 'k.yaml'), { entries: [], problems: [] });
    });
  });

  it('newscorpus.yaml lists knowledge-base files, never read as articles', () => {
    const { config, problems } = parseCorpusConfig('knowledgeBase:\n  - kb/actors.yaml\n  - ../outside.txt\n  - dict/Phoenix.Countries.actors.txt\n');
    assert.deepStrictEqual(config.knowledgeBase, ['kb/actors.yaml', 'dict/Phoenix.Countries.actors.txt']);
    assert.deepStrictEqual(problems.map((p) => [p.line, p.message]), [[1, 'knowledgeBase files must be paths inside the corpus, relative to newscorpus.yaml: ../outside.txt']]);
    assert.ok(config.exclude.includes('dict/Phoenix.Countries.actors.txt'));
  });
});
