import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNerEngine } from '../../../src/core/ner/engine';
import type { EntityEngine } from '../../../src/core/engines';
import type { EntityMention } from '../../../src/core/types';
import { loadNerModel } from '../../../src/node/nerModel';

let engine: EntityEngine;
const all = (text: string) => engine.recognize(text, [{ start: 0, end: text.length }]);
const find = (ents: EntityMention[], text: string) => ents.find((e) => e.text === text);

function assertKinds(ents: EntityMention[], expected: Record<string, EntityMention['kind']>): void {
  for (const [text, kind] of Object.entries(expected)) {
    const e = find(ents, text);
    assert.ok(e, `"${text}" not found; got ${ents.map((x) => `${x.kind}:${x.text}`).join(', ')}`);
    assert.equal(e.kind, kind, `kind of "${text}"`);
  }
}

function assertSpans(text: string, ents: EntityMention[]): void {
  for (let i = 0; i < ents.length; i++) {
    const e = ents[i];
    assert.equal(text.slice(e.start, e.end), e.text);
    if (i > 0) assert.ok(ents[i - 1].start <= e.start, 'sorted by start');
    assert.ok(e.confidence === undefined || (e.confidence >= 0 && e.confidence <= 1));
  }
}

describe('ner engine on invented news text', () => {
  before(() => {
    engine = createNerEngine(loadNerModel());
  });

  it('finds people, places, organisations and demonyms with their kinds', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'ner', 'invented-news.txt'), 'utf8');
    const ents = all(text);
    assertSpans(text, ents);
    assertKinds(ents, {
      Kenya: 'place',
      Nairobi: 'place',
      'William Ruto': 'person',
      'Abiy Ahmed': 'person',
      Ethiopian: 'other',
      'African Union': 'organization',
      'World Bank': 'organization',
      Reuters: 'organization',
      Brussels: 'place',
      'European Union': 'organization',
      Lyon: 'organization',
      'Mason Greenwood': 'person',
    });
    assert.ok(ents.every((e) => e.source.startsWith('perceptron') || e.source === 'lexicon'));
  });

  it('keeps titles out of person spans', () => {
    const text = 'Lieutenant-Colonel Jean-Marc Kaboré met Foreign Minister Ngozi Adeyemi and General Tiémoko Sanogo in Ouagadougou.';
    const ents = all(text);
    assertKinds(ents, { 'Jean-Marc Kaboré': 'person', 'Ngozi Adeyemi': 'person', 'Tiémoko Sanogo': 'person', Ouagadougou: 'place' });
    assert.ok(!ents.some((e) => /^(Lieutenant|Foreign|Minister|General)/.test(e.text) && e.kind === 'person'));
  });

  it('splits name-based compounds and knows news organisations the 1996 data lacks', () => {
    const text = 'Dozens died when Al-Qaeda-affiliated fighters and Wagner Group mercenaries clashed, the Kremlin said.';
    const ents = all(text);
    assertKinds(ents, { 'Al-Qaeda': 'organization', 'Wagner Group': 'organization', Kremlin: 'organization' });
  });

  it('gives a bracketed acronym the kind of the name before it', () => {
    const text = 'The Economic Community of West African States (ECOWAS) met the Sahel Water Authority (SWAU) in Niamey.';
    const ents = all(text);
    assertKinds(ents, { ECOWAS: 'organization' });
    const swau = find(ents, 'SWAU');
    const authority = ents.find((e) => e.text.endsWith('Water Authority'));
    if (swau && authority) assert.equal(swau.kind, authority.kind);
  });

  it('tags only inside the given regions, with offsets into the whole text', () => {
    const text = 'Angela Merkel visited Paris.\r\n\r\nEmmanuel Macron stayed in Berlin.\r\n';
    const second = text.indexOf('Emmanuel');
    const ents = engine.recognize(text, [{ start: second, end: text.length }]);
    assertSpans(text, ents);
    assert.ok(ents.length >= 2);
    assert.ok(ents.every((e) => e.start >= second));
    assertKinds(ents, { 'Emmanuel Macron': 'person', Berlin: 'place' });
  });

  it('keeps offsets exact with BOM, CRLF, NFD accents and non-BMP characters', () => {
    const text = '\ufeff🎉 Fans cheered.\r\nGeneral Assimi Goi\u0308ta received Alou Boi\u0308 Diarra in Bamako on Monday.\r\n';
    const ents = all(text);
    assertSpans(text, ents);
    assertKinds(ents, { 'Assimi Goi\u0308ta': 'person', 'Alou Boi\u0308 Diarra': 'person', Bamako: 'place' });
  });

  it('never throws on bad input and bounds the work on huge text', () => {
    assert.deepEqual(engine.recognize('', [{ start: 0, end: 10 }]), []);
    assert.deepEqual(engine.recognize('Paris is nice.', []), []);
    assert.deepEqual(engine.recognize('Paris is nice.', [{ start: 50, end: 80 }, { start: 5, end: 2 }]), []);
    assert.deepEqual(all('... --- !!! ((( ))) 123 456'), []);
    const small = createNerEngine(loadNerModel(), { maxTokens: 1000 });
    const huge = 'John Smith flew to Paris. '.repeat(20_000);
    const ents = small.recognize(huge, [{ start: 0, end: huge.length }]);
    assert.ok(ents.length > 0 && ents.every((e) => e.end <= 7 * 1000));
    // Many overlapping document-level matches in one long sentence.
    const repeated = 'Paris Saint Germain Paris '.repeat(300) + '. Paris is big.';
    const rep = all(repeated);
    assertSpans(repeated, rep);
    assert.ok(rep.length > 0 && rep.every((e) => Number.isFinite(e.confidence!)));
    const noSpaces = 'x'.repeat(300_000);
    assert.deepEqual(all(noSpaces), []);
  });
});

describe('ner engine post-rules (no model)', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { postRules, harmonizeKinds } = require('../../../src/core/ner/engine') as typeof import('../../../src/core/ner/engine');
  type S = Parameters<typeof postRules>[1][number];
  const span = (start: number, end: number, kind: S['kind']): S => ({ start, end, kind, source: 'perceptron', p: 0.8 });

  it('a person-only title makes the name after it a person and is stripped', () => {
    const words = ['Burkina', 'Faso', "'s", 'Lieutenant-Colonel', 'Paul-Henri', 'Damiba', 'and', 'Colonel', 'Assimi', 'Goita'];
    const spans = [span(0, 2, 'place'), span(3, 4, 'place'), span(4, 6, 'organization'), span(7, 10, 'organization')];
    postRules(words, spans);
    assert.deepEqual(
      spans.map((s) => [words.slice(s.start, s.end).join(' '), s.kind]),
      [['Burkina Faso', 'place'], ['Paul-Henri Damiba', 'person'], ['Assimi Goita', 'person']],
    );
  });

  it('does not turn organisations named after a general title into people', () => {
    const words = ['General', 'Motors', 'and', 'Defense', 'Minister', 'General', 'Sadio', 'Camara'];
    const spans = [span(0, 2, 'organization'), span(3, 4, 'organization'), span(5, 8, 'person')];
    postRules(words, spans);
    assert.deepEqual(
      spans.map((s) => [words.slice(s.start, s.end).join(' '), s.kind]),
      [['General Motors', 'organization'], ['Sadio Camara', 'person']],
    );
  });

  it('gives a bracketed acronym the kind of the name before it, and lexicon names their kind', () => {
    const words = ['the', 'Sahel', 'Water', 'Authority', '(', 'SWA', ')', 'and', 'the', 'Kremlin'];
    const spans = [span(1, 4, 'organization'), span(9, 10, 'place')];
    postRules(words, spans);
    assert.deepEqual(
      spans.map((s) => [words.slice(s.start, s.end).join(' '), s.kind, s.source]),
      [['Sahel Water Authority', 'organization', 'perceptron'], ['SWA', 'organization', 'perceptron+acronym'], ['Kremlin', 'organization', 'perceptron+lexicon']],
    );
  });

  it("takes a dateline's bracketed name for the agency, and a name after 'city of' or a person's name before 'region' for a place", () => {
    const kinds = (words: string[], spans: S[]) => {
      postRules(words, spans);
      return spans.map((s) => [words.slice(s.start, s.end).join(' '), s.kind, s.source, s.p]);
    };
    assert.deepEqual(kinds(['LOME', ',', 'Sept', '4', '(', 'Sahel', 'Wire', ')', '-', 'Nigerien'], [span(0, 1, 'place'), span(5, 7, 'person')]), [
      ['LOME', 'place', 'perceptron', 0.8],
      ['Sahel Wire', 'organization', 'perceptron+dateline', 0.95],
    ]);
    assert.deepEqual(kinds(['the', 'northern', 'Malian', 'city', 'of', 'Gao', 'and', 'Gao', 'region'], [span(5, 6, 'person'), span(7, 8, 'person')]), [
      ['Gao', 'place', 'perceptron+context', 0.95],
      ['Gao', 'place', 'perceptron+context', 0.95],
    ]);
    // An airport, a stadium, a street named after someone.
    assert.deepEqual(kinds(['landed', 'at', 'Diori', 'Hamani', 'airport', 'near', 'Kosevo', 'stadium', 'on', 'Baker', 'street'], [span(2, 4, 'person'), span(6, 7, 'person'), span(9, 10, 'person')]), [
      ['Diori Hamani', 'place', 'perceptron+context', 0.95],
      ['Kosevo', 'place', 'perceptron+context', 0.95],
      ['Baker', 'place', 'perceptron+context', 0.95],
    ]);
    // Not a dateline (no date before the bracket), not a person before "region", no "of" after "city".
    assert.deepEqual(kinds(['said', 'John', 'Smith', '(', 'Sahel', 'Wire', ')', '-', 'today'], [span(1, 3, 'person'), span(4, 6, 'person')]), [
      ['John Smith', 'person', 'perceptron', 0.8],
      ['Sahel Wire', 'person', 'perceptron', 0.8],
    ]);
    assert.deepEqual(kinds(['the', 'ECOWAS', 'region', 'and', 'Mexico', 'City', 'police'], [span(1, 2, 'organization'), span(4, 6, 'place')]), [
      ['ECOWAS', 'organization', 'perceptron', 0.8],
      ['Mexico City', 'place', 'perceptron', 0.8],
    ]);
  });

  it('harmonises the kind of one name across an article by summed confidence', () => {
    const m = (text: string, kind: EntityMention['kind'], confidence: number): EntityMention => ({ start: 0, end: text.length, text, kind, confidence, source: 'perceptron' });
    const ms = [m('Assimi Goita', 'organization', 0.6), m('Assimi Goita', 'person', 0.7), m('Assimi Goïta', 'person', 0.9), m('Mali', 'place', 0.9)];
    harmonizeKinds(ms);
    assert.deepEqual(ms.map((x) => x.kind), ['person', 'person', 'person', 'place']);
    const tie = [m('Jordan', 'place', 0.5), m('Jordan', 'person', 0.5)];
    harmonizeKinds(tie);
    assert.deepEqual(tie.map((x) => x.kind), ['place', 'person']);
  });
});
