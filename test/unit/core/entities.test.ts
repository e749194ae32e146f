import * as assert from 'assert';
import { buildActors } from '../../../src/core/entities/actors';
import { gazetteer } from '../../../src/core/entities/gazetteer';
import { dropNonNamesOnKeptLines } from '../../../src/core/entities/keptLines';
import { splitLines } from '../../../src/core/text/lines';
import { rolesOf } from '../../../src/core/entities/roles';
import { createRuleEngine } from '../../../src/core/entities/ruleEngine';
import { splitSentences } from '../../../src/core/text/sentences';
import type { EntityMention } from '../../../src/core/types';

function mention(text: string, surface: string, kind: EntityMention['kind'], nth = 0): EntityMention {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(surface, at + 1);
  assert.ok(at >= 0, surface);
  return { start: at, end: at + surface.length, text: surface, kind, source: 'test' };
}

describe('entities', () => {
  it('knows countries, capitals and demonyms from world-countries', () => {
    const g = gazetteer();
    assert.strictEqual(g.demonym('Malian')?.name, 'Mali');
    assert.strictEqual(g.demonym('Burkinabe')?.name, 'Burkina Faso');
    assert.strictEqual(g.capital('Bamako')?.name, 'Mali');
    assert.strictEqual(g.country('Republic of Mali')?.name, 'Mali');
    assert.strictEqual(g.demonym('Russian-Malian'), undefined);
  });

  describe('roles', () => {
    const all = (text: string, people: string[], orgs: string[] = []) => {
      const ms = [...people.map((p) => mention(text, p, 'person')), ...orgs.map((o) => mention(text, o, 'organization'))];
      const sentence = { start: 0, end: text.length };
      return people.map((p, i) => rolesOf(text, ms[i], sentence, ms));
    };

    it('reads titles before a name, ranks as roles of their own, honorifics dropped', () => {
      const t = 'On November 10, 2025, President of Mali, His Excellency General Assimi Goïta, received a delegation.';
      assert.deepStrictEqual(all(t, ['Assimi Goïta']), [['President of Mali', 'General']]);
    });

    it('reads an appositive before the name and stops at another person', () => {
      const t = 'Russian President Vladimir Putin and the interim Malian President, Assimi Goita, spoke.';
      assert.deepStrictEqual(all(t, ['Vladimir Putin', 'Assimi Goita']), [['Russian President'], ['interim Malian President']]);
    });

    it('splits office and rank and stops at a possessive', () => {
      const t = "officials including Defense Minister General Sadio Camara and Air Force Chief of Staff General Alou Boï Diarra, and Mali's Colonel Assimi Goita";
      assert.deepStrictEqual(all(t, ['Sadio Camara', 'Alou Boï Diarra', 'Assimi Goita']), [
        ['Defense Minister', 'General'],
        ['Air Force Chief of Staff', 'General'],
        ['Colonel'],
      ]);
    });

    it('keeps an organisation named inside a role', () => {
      const t = 'Kremlin spokesman Dmitry Peskov and Air Force Chief of Staff General Alou Boï Diarra spoke.';
      assert.deepStrictEqual(all(t, ['Dmitry Peskov', 'Alou Boï Diarra'], ['Kremlin', 'Air Force']), [['Kremlin spokesman'], ['Air Force Chief of Staff', 'General']]);
    });

    it('reads an appositive after the name', () => {
      const t = 'Abdoulaye Diop, the foreign minister, said on Monday.';
      assert.deepStrictEqual(all(t, ['Abdoulaye Diop']), [['foreign minister']]);
    });

    it('finds no role where there is none', () => {
      const t = 'Talks with Assimi Goita went on.';
      assert.deepStrictEqual(all(t, ['Assimi Goita']), [[]]);
    });
  });

  describe('actors', () => {
    it('links short and unaccented forms to the full name, demonyms to their country, acronyms to their organisation', () => {
      const t =
        'Interim President Assimi Goïta met Malian officials. Goita said the Confederation of African Football (CAF) would help. CAF agreed. Mali welcomed it. Putin called.';
      const ents = [
        mention(t, 'Assimi Goïta', 'person'),
        { ...mention(t, 'Malian', 'other'), refersTo: 'Mali' },
        mention(t, 'Goita', 'person'),
        mention(t, 'Confederation of African Football', 'organization'),
        mention(t, 'CAF', 'organization'),
        mention(t, 'CAF', 'organization', 1),
        mention(t, 'Mali', 'place', 1),
      ];
      const actors = buildActors(t, ents, splitSentences(t, [{ start: 0, end: t.length }]));
      const byName = Object.fromEntries(actors.map((a) => [a.name, a]));
      assert.deepStrictEqual(Object.keys(byName).sort(), ['Assimi Goïta', 'Confederation of African Football', 'Mali']);
      assert.deepStrictEqual(byName['Assimi Goïta'].aliases, ['Goita']);
      assert.deepStrictEqual(byName['Assimi Goïta'].roles, ['Interim President']);
      assert.strictEqual(byName['Assimi Goïta'].mentions.length, 2);
      assert.deepStrictEqual(byName['Mali'].demonyms, ['Malian']);
      assert.deepStrictEqual(byName['Confederation of African Football'].aliases, ['CAF']);
      assert.strictEqual(byName['Confederation of African Football'].mentions.length, 3);
      assert.deepStrictEqual(byName['Assimi Goïta'].coOccurring.map((c) => c.name), ['Confederation of African Football', 'Mali']);
    });

    it("names an actor by the article's own spelling, not its dateline's capitals; an acronym keeps its capitals", () => {
      const t = 'LOME, Sept 4 - Tiani arrived in Lome on Thursday. Lome welcomed the AES delegation; AES met.';
      const ents = [mention(t, 'LOME', 'place'), mention(t, 'Lome', 'place'), mention(t, 'Lome', 'place', 1), mention(t, 'AES', 'organization'), mention(t, 'AES', 'organization', 1)];
      const actors = buildActors(t, ents, splitSentences(t, [{ start: 0, end: t.length }]));
      assert.deepStrictEqual(actors.map((a) => [a.name, a.aliases, a.mentions.length]), [['Lome', [], 3], ['AES', [], 2]]);
    });

    it('links an acronym in brackets followed by a year', () => {
      const t = 'The Bamako International Defense and Security Exhibition (BAMEX 2025) opened. BAMEX drew crowds.';
      const name = 'Bamako International Defense and Security Exhibition';
      const actors = buildActors(t, [mention(t, name, 'organization'), mention(t, 'BAMEX', 'organization'), mention(t, 'BAMEX', 'organization', 1)], [{ start: 0, end: t.length }]);
      assert.deepStrictEqual(actors.map((a) => [a.name, a.aliases, a.mentions.length]), [[name, ['BAMEX'], 3]]);
    });

    it('links an acronym used before its definition', () => {
      const t = 'AES leaders meet in Niamey\nThe Alliance of Sahel States (AES) held its summit.';
      const actors = buildActors(t, [mention(t, 'AES', 'organization'), mention(t, 'Alliance of Sahel States', 'organization'), mention(t, 'AES', 'organization', 1)], [{ start: 0, end: 26 }, { start: 27, end: t.length }]);
      assert.deepStrictEqual(actors.map((a) => [a.name, a.aliases, a.mentions.length]), [['Alliance of Sahel States', ['AES'], 3]]);
    });

    it('puts a lone surname of another kind with the person it names', () => {
      const t = 'Putin meets Goita\nRussian President Vladimir Putin received him.';
      const actors = buildActors(t, [mention(t, 'Putin', 'other'), mention(t, 'Vladimir Putin', 'person')], [{ start: 0, end: 17 }, { start: 18, end: t.length }]);
      assert.strictEqual(actors.length, 1);
      assert.strictEqual(actors[0].mentions.length, 2);
    });
  });

  describe('rule engine', () => {
    it('finds names, keeps titles out of them, classifies with cues and the gazetteer', () => {
      const t = "Burkina Faso's Lieutenant-Colonel Paul-Henri Sandaogo Damiba met Russian President Vladimir Putin and the African Union in Bamako on Tuesday. The Kremlin said so.";
      const got = createRuleEngine().recognize(t, [{ start: 0, end: t.length }]).map((e) => `${e.kind}:${e.text}${e.refersTo ? '→' + e.refersTo : ''}`);
      assert.deepStrictEqual(got, [
        'place:Burkina Faso',
        'person:Paul-Henri Sandaogo Damiba',
        'other:Russian→Russia',
        'person:Vladimir Putin',
        'organization:African Union',
        'place:Bamako',
        'organization:Kremlin',
      ]);
    });
  });
});

describe('mentions on lines kept as article text', () => {
  const text = 'Mali talks\n\nThe talks in Mali went on.\n\nLeave a Reply\n\nPosts Grid\n\nAwa DIALLO\n\nShare to Mali and ECOWAS';
  const lines = splitLines(text);
  const m = (s: string, kind: EntityMention['kind'], confidence: number, from = 0): EntityMention => {
    const start = text.indexOf(s, from);
    return { start, end: start + s.length, text: s, kind, source: 'perceptron', confidence };
  };
  const ents = [m('Mali', 'place', 0.6), m('Reply', 'other', 0.67), m('Posts Grid', 'organization', 0.43), m('Awa DIALLO', 'person', 0.9), m('Mali', 'place', 0.6, 70), m('ECOWAS', 'organization', 0.8)];
  const lineOf = (e: EntityMention) => lines.findIndex((l) => l.start <= e.start && e.start < l.end);

  it('keeps names, drops other capitalised words of kept lines', () => {
    const keep = ['leave a reply', 'posts grid', 'awa diallo', 'share to mali and ecowas'];
    const out = dropNonNamesOnKeptLines(ents, lines, keep, lineOf).map((e) => `${e.text}@${lineOf(e)}`);
    assert.deepStrictEqual(out, ['Mali@0', 'Awa DIALLO@8', 'Mali@10', 'ECOWAS@10']);
  });

  it('leaves mentions on other lines alone', () => {
    assert.deepStrictEqual(dropNonNamesOnKeptLines(ents, lines, [], lineOf), ents);
    assert.deepStrictEqual(dropNonNamesOnKeptLines(ents, lines, ['something else'], lineOf), ents);
  });
});
