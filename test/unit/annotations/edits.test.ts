import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyTextChanges, coversRecordedText, coveredText, type Anchored, type TextChange } from '../../../src/core/annotations';

function apply(text: string, changes: TextChange[]): string {
  for (const c of changes) text = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
  return text;
}

function ann(text: string, start: number, end: number): Anchored {
  return { fragments: [{ start, end }], text: text.slice(start, end) };
}

const TEXT = 'Ada Moreau met the Lumen Group in Porto.';

describe('annotation offsets follow edits', () => {
  it('shifts annotations after an insertion and leaves those before alone', () => {
    const a = ann(TEXT, 0, 3);
    const b = ann(TEXT, 34, 39);
    const ch = [{ rangeOffset: 11, rangeLength: 0, text: 'briefly ' }];
    const r = applyTextChanges([a, b], ch);
    const t = apply(TEXT, ch);
    assert.equal(r.moved, 1);
    assert.deepEqual(a.fragments, [{ start: 0, end: 3 }]);
    assert.equal(coveredText(t, b.fragments), 'Porto');
    assert.ok(!a.damage && !b.damage);
  });

  it('does not damage on insertions exactly at a boundary', () => {
    const a = ann(TEXT, 19, 30); // Lumen Group
    applyTextChanges([a], [{ rangeOffset: 19, rangeLength: 0, text: 'the ' }]);
    assert.deepEqual(a.fragments, [{ start: 23, end: 34 }]);
    applyTextChanges([a], [{ rangeOffset: 34, rangeLength: 0, text: ' plc' }]);
    assert.deepEqual(a.fragments, [{ start: 23, end: 34 }]);
    assert.equal(a.damage, undefined);
  });

  it('flags an annotation whose own text is edited, keeping its original text', () => {
    const a = ann(TEXT, 19, 30);
    const r = applyTextChanges([a], [{ rangeOffset: 25, rangeLength: 5, text: 'Holdings' }]);
    assert.equal(r.damaged.length, 1);
    assert.equal(a.damage?.reason, 'edited');
    assert.equal(a.damage?.originalText, 'Lumen Group');
    assert.deepEqual(a.fragments, [{ start: 19, end: 33 }]);
  });

  it('flags an annotation whose text is deleted', () => {
    const a = ann(TEXT, 34, 39);
    applyTextChanges([a], [{ rangeOffset: 30, rangeLength: 10, text: '' }]);
    assert.equal(a.damage?.reason, 'edited');
    assert.deepEqual(a.fragments, [{ start: 30, end: 30 }]);
  });

  it('handles discontinuous annotations fragment by fragment', () => {
    const a: Anchored = { fragments: [{ start: 0, end: 3 }, { start: 11, end: 14 }], text: 'Ada met' };
    applyTextChanges([a], [{ rangeOffset: 5, rangeLength: 0, text: 'X' }]);
    // offset 5 lies in the gap between the fragments: only the second one shifts
    assert.deepEqual(a.fragments, [{ start: 0, end: 3 }, { start: 12, end: 15 }]);
    assert.equal(a.damage, undefined);
  });

  it('keeps every annotation exact or flagged over random edit sequences (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', 'é', '🙂');
    const textArb = fc.array(alphabet, { minLength: 1, maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        textArb,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.array(alphabet, { maxLength: 4 }).map((a) => a.join(''))), { maxLength: 12 }),
        (text, spans, edits) => {
          const items: Anchored[] = spans.map(([x, y]) => {
            const s = x % (text.length + 1);
            const e = Math.min(text.length, s + (y % 8));
            return ann(text, s, e);
          });
          let cur = text;
          for (const [o, l, ins] of edits) {
            const off = o % (cur.length + 1);
            const change = { rangeOffset: off, rangeLength: Math.min(l, cur.length - off), text: ins };
            applyTextChanges(items, [change]);
            cur = apply(cur, [change]);
          }
          for (const it of items) {
            const f = it.fragments[0];
            assert.ok(f.start >= 0 && f.start <= f.end && f.end <= cur.length, 'offsets stay inside the text');
            if (!it.damage) assert.ok(coversRecordedText(cur, it), `"${it.text}" still covered`);
            else assert.ok(typeof it.damage.originalText === 'string');
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('applies a batch of changes in order (multi-cursor style)', () => {
    const a = ann(TEXT, 19, 30);
    const b = ann(TEXT, 34, 39);
    const changes = [
      { rangeOffset: 31, rangeLength: 2, text: 'at' }, // "in" → "at", between the two annotations
      { rangeOffset: 0, rangeLength: 3, text: 'Dr Ada' }, // before both, +3
    ];
    applyTextChanges([a, b], changes);
    const t = apply(TEXT, changes);
    assert.equal(coveredText(t, a.fragments), 'Lumen Group');
    assert.equal(coveredText(t, b.fragments), 'Porto');
  });
});
