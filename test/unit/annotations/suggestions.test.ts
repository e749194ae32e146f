import { strict as assert } from 'node:assert';
import type { EntityMention } from '../../../src/core/types';
import {
  acceptSuggestion,
  annotationAt,
  applyTextChanges,
  parseBrat,
  parseRejections,
  pendingSuggestions,
  rejectSuggestion,
  rejectionSidecarPath,
  serializeBrat,
  serializeRejections,
  suggestionAt,
  type Rejection,
} from '../../../src/core/annotations';

const TEXT = 'Ada Moreau met the Lumen Group in Porto.';
const ents: EntityMention[] = [
  { start: 0, end: 10, text: 'Ada Moreau', kind: 'person', source: 'rules' },
  { start: 19, end: 30, text: 'Lumen Group', kind: 'organization', source: 'rules' },
  { start: 34, end: 39, text: 'Porto', kind: 'place', source: 'gazetteer' },
];

describe('suggestions and rejections', () => {
  it('suggests engine entities not confirmed nor rejected', () => {
    const doc = parseBrat('T1\tPER 0 3\tAda\n', TEXT);
    const rejections: Rejection[] = [];
    rejectSuggestion(rejections, TEXT, { start: 34, end: 39, label: 'LOC' });
    const s = pendingSuggestions(ents, doc, rejections);
    assert.deepEqual(s.map((x) => [x.text, x.label]), [['Lumen Group', 'ORG']]);
    assert.equal(suggestionAt(s, 22)?.text, 'Lumen Group');
    assert.equal(suggestionAt(s, 2), undefined);
  });

  it('a rejected suggestion stays rejected across a save, an edit and a reload', () => {
    const rejections: Rejection[] = [];
    rejectSuggestion(rejections, TEXT, { start: 34, end: 39, label: 'LOC' });
    const edited = 'Yesterday ' + TEXT;
    applyTextChanges(rejections, [{ rangeOffset: 0, rangeLength: 0, text: 'Yesterday ' }]);
    const json = serializeRejections(rejections, edited);
    const back = parseRejections(json, edited);
    assert.deepEqual(back.problems, []);
    const moved = ents.map((e) => ({ ...e, start: e.start + 10, end: e.end + 10 }));
    const s = pendingSuggestions(moved, parseBrat('', edited), back.rejections);
    assert.deepEqual(s.map((x) => x.text), ['Ada Moreau', 'Lumen Group']);
    assert.equal(rejectionSidecarPath('corpus/a.txt'), 'corpus/a.rejected.json');
  });

  it('accepting turns a suggestion into a T annotation', () => {
    const doc = parseBrat('', TEXT);
    const t = acceptSuggestion(doc, TEXT, pendingSuggestions(ents, doc, [])[1]);
    assert.equal(serializeBrat(doc, TEXT), 'T1\tORG 19 30\tLumen Group\n');
    assert.equal(annotationAt(doc, 25), t);
    assert.equal(pendingSuggestions(ents, doc, []).length, 2);
  });

  it('reports malformed rejection files without throwing', () => {
    assert.equal(parseRejections('{', TEXT).problems.length, 1);
    const r = parseRejections('{"rejected":[{"start":1},{"start":0,"end":3,"label":"PER","text":"Ada"}]}', TEXT);
    assert.equal(r.rejections.length, 1);
    assert.equal(r.problems.length, 1);
  });
});
