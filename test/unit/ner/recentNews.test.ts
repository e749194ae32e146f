// Regression on recent news: the shipped model on sentences of the kinds a 1996-trained tagger gets
// wrong (new people, companies, events; captions; titles; hyphenated places), and the rule layer
// keeping titles and captions out of names.
import { strict as assert } from 'node:assert';
import { createNerEngine, placePairTest, postRules } from '../../../src/core/ner/engine';
import type { EntityKind, EntityMention } from '../../../src/core/types';
import { loadNerModel } from '../../../src/node/nerModel';

describe('news rules: titles and captions stay out of names', () => {
  type S = { start: number; end: number; kind: EntityKind; source: string; p: number };
  const span = (start: number, end: number, kind: EntityKind): S => ({ start, end, kind, source: 'test', p: 1 });
  const run = (text: string, spans: S[]) => {
    const words = text.split(' ');
    postRules(words, spans);
    return spans.map((s) => `${s.kind}:${words.slice(s.start, s.end).join(' ')}`);
  };

  it('drops title words tagged as names inside a chain of titles', () => {
    assert.deepEqual(run('Air Force Chief of Staff General Alou Diarra', [span(0, 2, 'organization'), span(6, 8, 'person')]), ['person:Alou Diarra']);
    assert.deepEqual(run('led by the Deputy Minister of Defense at', [span(6, 7, 'organization')]), []);
    assert.deepEqual(run('and Air Force Chief of Staff General Alou Diarra', [span(1, 6, 'organization'), span(7, 9, 'person')]), ['person:Alou Diarra']);
    assert.deepEqual(run('Defense Minister General Sadio Camara', [span(0, 1, 'organization'), span(3, 5, 'person')]), ['person:Sadio Camara']);
  });

  it('keeps the same words when they name an organisation', () => {
    assert.deepEqual(run('the Air Force said on Friday', [span(1, 3, 'organization')]), ['organization:Air Force']);
    assert.deepEqual(run('President of Mali', [span(2, 3, 'place')]), ['place:Mali']);
  });

  it('drops caption words tagged as a name, and titles opening a person', () => {
    assert.deepEqual(run('FILE PHOTO : President Joe Biden speaks', [span(0, 2, 'person'), span(3, 6, 'person')]), ['person:Joe Biden']);
  });
});

describe('the shipped model on recent news', () => {
  let ents: (text: string) => EntityMention[];
  before(() => {
    const engine = createNerEngine(loadNerModel());
    ents = (text) => engine.recognize(text, [{ start: 0, end: text.length }]);
  });
  const expectKinds = (text: string, expected: Record<string, EntityKind>, absent: string[] = []) => {
    const got = ents(text);
    const show = got.map((e) => `${e.kind}:${e.text}`).join(', ');
    for (const [name, kind] of Object.entries(expected)) {
      const hit = got.find((e) => e.text === name);
      assert.ok(hit, `"${name}" not found in: ${show}`);
      assert.equal(hit.kind, kind, `kind of "${name}" in: ${show}`);
    }
    for (const a of absent) assert.ok(!got.some((e) => e.text.includes(a)), `"${a}" should not be in a name: ${show}`);
  };

  it('people and companies of the 2020s', () => {
    expectKinds('President Joe Biden spoke with Elon Musk, who bought Twitter last year.', { 'Joe Biden': 'person', 'Elon Musk': 'person', Twitter: 'organization' }, ['President']);
    expectKinds('Airbus delivered more jets than Boeing, the European planemaker said.', { Airbus: 'organization', Boeing: 'organization', European: 'other' });
  });

  it('recent events and places', () => {
    expectKinds('The Brexit deal and the COVID-19 pandemic hit trade in Northern Ireland.', { 'Northern Ireland': 'place', 'COVID-19': 'other', Brexit: 'other' });
    expectKinds('Jihadists are active across the Sahel, from Mali to Niger.', { Sahel: 'place', Mali: 'place', Niger: 'place' });
  });

  it('captions, titles and hyphenated places', () => {
    expectKinds('FILE PHOTO: U.S. President Joe Biden speaks at the White House.', { 'Joe Biden': 'person' }, ['FILE', 'PHOTO']);
    expectKinds(
      'The meeting was attended by Defense Minister General Sadio Camara and Air Force Chief of Staff General Alou Boï Diarra.',
      { 'Sadio Camara': 'person', 'Alou Boï Diarra': 'person' },
      ['Defense', 'Air Force', 'General'],
    );
    expectKinds('It highlights the growing importance of the Mali-Russia partnership.', { Mali: 'place', Russia: 'place' }, ['Mali-Russia']);
    const pair = placePairTest(loadNerModel());
    assert.equal(pair('Mali', 'Russia'), true);
    assert.equal(pair('Guinea', 'Bissau'), false, 'a listed country is one name');
    assert.equal(pair('Paul', 'Henri'), false);
  });
});
