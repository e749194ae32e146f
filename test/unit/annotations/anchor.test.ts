import { strict as assert } from 'node:assert';
import { acceptCurrentText, addTextBound, applyTextChanges, parseBrat, parseRejections, reanchorAnnotations, serializeRejections, reanchor, reanchorNearest, serializeBrat, textBounds, type Anchored } from '../../../src/core/annotations';

describe('re-anchoring on load', () => {
  it('moves an annotation to the unique occurrence of its text', () => {
    const oldText = 'Ada Moreau met the Lumen Group in Porto.';
    const newText = 'Yesterday, ' + oldText;
    const doc = parseBrat('T1\tORG 19 30\tLumen Group\nT2\tPER 0 10\tAda Moreau\n', newText);
    const out = reanchor(newText, textBounds(doc));
    assert.deepEqual(out.map((o) => o.status), ['reanchored', 'reanchored']);
    assert.equal(serializeBrat(doc, newText), 'T1\tORG 30 41\tLumen Group\nT2\tPER 11 21\tAda Moreau\n');
  });

  it('leaves matching annotations alone', () => {
    const text = 'Ada Moreau';
    const ann = 'T1\tPER 0 10\tAda Moreau';
    const doc = parseBrat(ann, text);
    assert.equal(reanchor(text, textBounds(doc))[0].status, 'ok');
    assert.equal(serializeBrat(doc, text), ann);
  });

  it('takes the nearest of several occurrences but flags it', () => {
    const text = 'Porto. xx Porto. yyyyyyyyyyyyyyyy Porto.';
    const a: Anchored = { fragments: [{ start: 12, end: 17 }], text: 'Porto' };
    const [o] = reanchor(text, [a]);
    assert.equal(o.status, 'ambiguous');
    assert.deepEqual(a.fragments, [{ start: 10, end: 15 }]);
    assert.equal(a.damage?.reason, 'ambiguous');
  });

  it('flags an annotation whose text is gone', () => {
    const a: Anchored = { fragments: [{ start: 0, end: 5 }], text: 'Porto' };
    assert.equal(reanchor('Lisbon is far', [a])[0].status, 'not-found');
    assert.equal(a.damage?.reason, 'not-found');
    assert.deepEqual(a.fragments, [{ start: 0, end: 5 }]);
  });

  it('re-anchors discontinuous annotations keeping the gap', () => {
    const text = '>> Ada Moreau met';
    const a: Anchored = { fragments: [{ start: 0, end: 3 }, { start: 11, end: 14 }], text: 'Ada met' };
    assert.equal(reanchor(text, [a])[0].status, 'reanchored');
    assert.deepEqual(a.fragments, [{ start: 3, end: 6 }, { start: 14, end: 17 }]);
  });

  it('treats CRLF as two characters and compares line breaks as spaces', () => {
    const text = 'Title\r\nAda\r\nMoreau';
    const a: Anchored = { fragments: [{ start: 7, end: 18 }], text: 'Ada  Moreau' };
    assert.equal(reanchor(text, [a])[0].status, 'ok');
  });

  it('fixes a damaged annotation by its original text or by accepting the new text', () => {
    const text = 'the Lumen Groups and the Lumen Group';
    const a: Anchored = { fragments: [{ start: 25, end: 36 }], text: 'Lumen Grou', damage: { reason: 'edited', originalText: 'Lumen Group', message: '' } };
    assert.ok(reanchorNearest(text, a));
    assert.deepEqual(a.fragments, [{ start: 25, end: 36 }]);
    assert.equal(a.damage, undefined);
    const b: Anchored = { fragments: [{ start: 4, end: 16 }], text: 'Lumen Group', damage: { reason: 'edited', originalText: 'Lumen Group', message: '' } };
    acceptCurrentText(text, b);
    assert.equal(b.text, 'Lumen Groups');
    assert.equal(b.damage, undefined);
  });

  it('places repeated names by the shift their neighbours share, not by guessing', () => {
    const old = 'Porto. Lisbon and Porto. Then Porto again, said Lisbon.';
    const text = 'UPDATED ' + old.replace('Then', 'Later then');
    const items: Anchored[] = [];
    for (const name of ['Porto', 'Lisbon']) {
      for (let i = old.indexOf(name); i >= 0; i = old.indexOf(name, i + 1)) items.push({ fragments: [{ start: i, end: i + name.length }], text: name });
    }
    const out = reanchor(text, items);
    assert.deepEqual(out.map((o) => o.status), out.map(() => 'reanchored'));
    for (const it of items) assert.equal(text.slice(it.fragments[0].start, it.fragments[0].end), it.text);
    // each annotation keeps its own occurrence: the shifts are 8 before "Then" and 14 after it
    const shifts = items.map((it, k) => it.fragments[0].start - out[k].from).sort((a, b) => a - b);
    assert.deepEqual([...new Set(shifts)], [8, 14]);
  });

  it('re-anchors a damaged discontinuous annotation with its original layout', () => {
    const text = 'Ada Moreau met them';
    const a: Anchored = { fragments: [{ start: 0, end: 3 }, { start: 11, end: 14 }], text: 'Ada met' };
    applyTextChanges([a], [{ rangeOffset: 1, rangeLength: 0, text: 'X' }]);
    assert.equal(a.damage?.reason, 'edited');
    assert.deepEqual(a.fragments, [{ start: 0, end: 4 }, { start: 12, end: 15 }]);
    // undone outside the editor: back where it was
    assert.equal(reanchor(text, [a])[0].status, 'ok');
    assert.deepEqual(a.fragments, [{ start: 0, end: 3 }, { start: 11, end: 14 }]);
    // damaged again, and the quick fix finds the original text nearby
    applyTextChanges([a], [{ rangeOffset: 1, rangeLength: 0, text: 'X' }]);
    const edited = 'AXda Moreau met them. Ada Moreau met us.';
    assert.ok(reanchorNearest(edited, a));
    assert.deepEqual(a.fragments, [{ start: 22, end: 25 }, { start: 33, end: 36 }]);
    assert.equal(a.damage, undefined);
  });

  it('does not move an annotation saved while damaged: it stays flagged until the user checks it', () => {
    const text = 'Porto beat Braga. Later, Porto won again.';
    const doc = parseBrat('', text);
    const t = addTextBound(doc, text, 'ORG', [{ start: 0, end: 5 }]);
    // the user types "Portugal" over the first "Porto" and saves without fixing the annotation
    applyTextChanges([t], [{ rangeOffset: 0, rangeLength: 5, text: 'Portugal' }]);
    const edited = 'Portugal beat Braga. Later, Porto won again.';
    const sidecar = serializeRejections([], edited, textBounds(doc));
    const ann = serializeBrat(doc, edited);
    assert.equal(ann, 'T1\tORG 0 8\tPorto\n');
    // reload: "Porto" occurs once elsewhere, but the annotation is not moved there
    const back = parseBrat(ann, edited);
    const side = parseRejections(sidecar, edited);
    assert.deepEqual(side.damaged, [{ id: 'T1', text: 'Porto' }]);
    const [o] = reanchorAnnotations(edited, textBounds(back), side.damaged);
    assert.equal(o.status, 'damaged');
    assert.deepEqual(o.item.fragments, [{ start: 0, end: 8 }]);
    // without the sidecar it would have been re-anchored to the other "Porto"
    assert.equal(reanchorAnnotations(edited, textBounds(parseBrat(ann, edited)))[0].status, 'reanchored');
  });
});
