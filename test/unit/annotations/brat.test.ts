import { strict as assert } from 'node:assert';
import {
  addTextBound,
  findEntry,
  mergeBrat,
  nextId,
  parseBrat,
  relabel,
  removeWithDependents,
  serializeBrat,
  setNote,
  textBounds,
  type TextBound,
} from '../../../src/core/annotations';

// Invented article and annotations covering every brat line type.
const TEXT = 'Ada Moreau met the Lumen Group in Porto.\nShe left on Monday.\n';
const ANN_LINES = [
  'T1\tPER 0 10\tAda Moreau',
  'T2\tORG 19 30\tLumen Group',
  'T3\tLOC 34 39\tPorto',
  'T4\tMISC 0 3;11 14\tAda met',
  'R1\tLocated_in Arg1:T2 Arg2:T3\t',
  'E1\tMeeting:T4 Agent:T1 Partner:T2',
  'A1\tNegated E1',
  'M2\tConfidence T2 High',
  '*\tEquiv T1 T4',
  '#1\tAnnotatorNotes T1\tthe chair, not the founder',
  'N1\tReference T3 Wikidata:Q36433\tPorto',
  'X9\tsomething brat does not know',
  '',
  'T5\tPER 0 abc\tbroken offsets',
];

describe('brat standoff', () => {
  for (const [name, eol, finalNewline] of [
    ['LF with final newline', '\n', true],
    ['CRLF with final newline', '\r\n', true],
    ['LF without final newline', '\n', false],
    ['CRLF without final newline', '\r\n', false],
  ] as const) {
    it(`round-trips byte for byte: ${name}`, () => {
      const ann = ANN_LINES.join(eol) + (finalNewline ? eol : '');
      const doc = parseBrat(ann, TEXT);
      assert.equal(serializeBrat(doc, TEXT), ann);
      assert.equal(serializeBrat(doc), ann);
    });
  }

  it('round-trips mixed line endings and odd spacing unchanged', () => {
    const ann = 'T1\tPER 0 10\tAda Moreau\r\nT2\tORG 19 30\tLumen Group\n#1\tAnnotatorNotes T1\t  spaced  note \rN1\tReference T3 Wikidata:Q1\tx';
    assert.equal(serializeBrat(parseBrat(ann, TEXT), TEXT), ann);
  });

  it('parses every line type', () => {
    const doc = parseBrat(ANN_LINES.join('\n') + '\n', TEXT);
    const kinds = doc.entries.map((e) => e.kind);
    assert.deepEqual(kinds, ['T', 'T', 'T', 'T', 'R', 'E', 'A', 'M', '*', '#', 'N', 'other', 'other', 'other']);
    const t4 = findEntry(doc, 'T4') as TextBound;
    assert.deepEqual(t4.fragments, [{ start: 0, end: 3 }, { start: 11, end: 14 }]);
    assert.equal(t4.text, 'Ada met');
    const n1 = findEntry(doc, 'N1');
    assert.ok(n1 && n1.kind === 'N' && n1.ref === 'Wikidata:Q36433' && n1.target === 'T3' && n1.name === 'Porto');
    const note = findEntry(doc, '#1');
    assert.ok(note && note.kind === '#' && note.note === 'the chair, not the founder');
    const r1 = findEntry(doc, 'R1');
    assert.ok(r1 && r1.kind === 'R');
    assert.deepEqual(r1.args, [{ role: 'Arg1', target: 'T2' }, { role: 'Arg2', target: 'T3' }]);
  });

  it('keeps malformed lines and reports them with their line number', () => {
    const doc = parseBrat(ANN_LINES.join('\n'), TEXT);
    assert.deepEqual(doc.problems.map((p) => p.line), [12, 14]);
    assert.match(doc.problems[0].message, /unknown annotation type "X"/);
    assert.match(doc.problems[1].message, /bad offsets/);
  });

  it('reports duplicate ids and offsets beyond the text', () => {
    const doc = parseBrat('T1\tPER 0 3\tAda\nT1\tPER 500 503\tAda\n', TEXT);
    assert.deepEqual(doc.problems.map((p) => p.line), [2, 2]);
  });

  it('only rewrites the lines that changed', () => {
    const ann = ANN_LINES.join('\r\n');
    const doc = parseBrat(ann, TEXT);
    relabel(doc, 'T3', 'GPE place');
    const out = serializeBrat(doc, TEXT).split('\r\n');
    assert.equal(out[2], 'T3\tGPE_place 34 39\tPorto');
    out[2] = ANN_LINES[2];
    assert.equal(out.join('\r\n'), ann);
  });

  it('gives new annotations the next free id and keeps the file ending right', () => {
    const doc = parseBrat('T1\tPER 0 10\tAda Moreau\r\nT7\tLOC 34 39\tPorto', TEXT);
    const t = addTextBound(doc, TEXT, 'ORG', [{ start: 19, end: 30 }]);
    assert.equal(t.id, 'T8');
    assert.equal(serializeBrat(doc, TEXT), 'T1\tPER 0 10\tAda Moreau\r\nT7\tLOC 34 39\tPorto\r\nT8\tORG 19 30\tLumen Group\r\n');
    assert.equal(nextId(doc, '#'), '#1');
  });

  it('does not reuse an id seen only in a malformed line', () => {
    const doc = parseBrat('T1\tPER 0 10\tAda Moreau\nT4\tPER x y\tbad\n', TEXT);
    assert.equal(nextId(doc, 'T'), 'T5');
  });

  it('writes line breaks inside covered text as spaces', () => {
    const doc = parseBrat('', TEXT);
    addTextBound(doc, TEXT, 'MISC', [{ start: 34, end: 44 }]);
    assert.equal(serializeBrat(doc, TEXT), 'T1\tMISC 34 44\tPorto. She\n');
  });

  it('removes an annotation with its notes, normalisations, attributes, relations and events', () => {
    const doc = parseBrat(ANN_LINES.join('\n'), TEXT);
    const removed = removeWithDependents(doc, ['T1']).map((e) => (e.kind === 'other' ? '?' : e.id));
    assert.deepEqual(removed.sort(), ['#1', '*', 'A1', 'E1', 'T1'].sort());
    assert.deepEqual(textBounds(doc).map((t) => t.id), ['T2', 'T3', 'T4']);
    assert.ok(findEntry(doc, 'R1') && findEntry(doc, 'M2') && findEntry(doc, 'N1'));
  });

  it('adds and replaces notes', () => {
    const doc = parseBrat(ANN_LINES.join('\n') + '\n', TEXT);
    setNote(doc, 'T1', 'new\tnote');
    setNote(doc, 'T2', 'org');
    const out = serializeBrat(doc, TEXT);
    assert.match(out, /^#1\tAnnotatorNotes T1\tnew note$/m);
    assert.match(out, /^#2\tAnnotatorNotes T2\torg$/m);
  });

  it('never throws on empty or hostile input', () => {
    assert.equal(serializeBrat(parseBrat('', '')), '');
    const weird = '\uFEFFT1\tPER 0 1\tx\n\t\t\n' + 'T'.repeat(100000) + '\n' + '*\t\n';
    const doc = parseBrat(weird, 'x');
    assert.equal(serializeBrat(doc, 'x'), weird);
  });
});

describe('brat offsets with non-BMP characters', () => {
  // "🙂" is one code point (brat, Python) but two UTF-16 units (JavaScript).
  const text = 'Hi 🙂 Ada Moreau and 𝒳 Porto';
  const adaUnits = text.indexOf('Ada');
  const portoUnits = text.indexOf('Porto');

  it('converts code points in the file to string offsets in memory and back', () => {
    const ann = `T1\tPER ${adaUnits - 1} ${adaUnits - 1 + 10}\tAda Moreau\nT2\tLOC ${portoUnits - 2} ${portoUnits - 2 + 5}\tPorto\n`;
    const doc = parseBrat(ann, text);
    const [t1, t2] = textBounds(doc);
    assert.equal(text.slice(t1.fragments[0].start, t1.fragments[0].end), 'Ada Moreau');
    assert.equal(text.slice(t2.fragments[0].start, t2.fragments[0].end), 'Porto');
    assert.equal(serializeBrat(doc, text), ann);
  });

  it('writes new annotations in code points', () => {
    const doc = parseBrat('', text);
    addTextBound(doc, text, 'LOC', [{ start: portoUnits, end: portoUnits + 5 }]);
    const cp = [...text.slice(0, portoUnits)].length;
    assert.equal(serializeBrat(doc, text), `T1\tLOC ${cp} ${cp + 5}\tPorto\n`);
  });

  it('counts a UTF-8 BOM of the .txt file as one character in the .ann, as brat does', () => {
    const text = 'Ada Moreau'; // as the editor shows it, BOM left out
    const doc = parseBrat('T1\tPER 1 4\tAda\n', text, { bom: true });
    assert.deepEqual(textBounds(doc)[0].fragments, [{ start: 0, end: 3 }]);
    addTextBound(doc, text, 'PER', [{ start: 4, end: 10 }]);
    assert.equal(serializeBrat(doc, text, { bom: true }), 'T1\tPER 1 4\tAda\nT2\tPER 5 11\tMoreau\n');
  });
});

describe('merging with a .ann changed on disk', () => {
  it('keeps the disk entries and adds ours, renumbering clashing ids and their references', () => {
    const base = 'T1\tPER 0 10\tAda Moreau\n';
    const disk = parseBrat(base + 'T2\tORG 19 30\tLumen Group\n', TEXT);
    const ours = parseBrat(base, TEXT);
    const t = addTextBound(ours, TEXT, 'LOC', [{ start: 34, end: 39 }]); // T2 here too
    setNote(ours, t.id, 'the city');
    addTextBound(ours, TEXT, 'ORG', [{ start: 19, end: 30 }]); // same as disk's T2
    const { merged, added } = mergeBrat(disk, ours);
    assert.equal(added, 2);
    assert.equal(
      serializeBrat(merged, TEXT),
      'T1\tPER 0 10\tAda Moreau\nT2\tORG 19 30\tLumen Group\nT3\tLOC 34 39\tPorto\n#1\tAnnotatorNotes T3\tthe city\n',
    );
  });
});

describe('brat round trip (property)', () => {
  it('serialises any mix of lines, endings and garbage back byte for byte, with or without the text', async () => {
    const fc = (await import('fast-check')).default;
    const text = 'Ada 🙂 Moreau met the Lumen Group in Porto. é\r\nBye.';
    const line = fc.oneof(
      fc.constantFrom('T1\tPER 0 3\tAda', 'T2\tORG 0 3;7 13\tAda Moreau', 'R1\tRel Arg1:T1 Arg2:T2', '#1\tAnnotatorNotes T1\tn', 'N1\tReference T1 W:Q1\tx', 'A1\tNeg T1', '*\tEquiv T1 T2', 'E1\tEv:T1 A:T2', ''),
      fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ')),
    );
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(line, eol), { maxLength: 12 }), fc.boolean(), (lines, last) => {
        const ann = lines.map(([l, e], i) => l + (i < lines.length - 1 || last ? e : '')).join('');
        assert.equal(serializeBrat(parseBrat(ann, text), text), ann);
        assert.equal(serializeBrat(parseBrat(ann)), ann);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps offsets of decomposed (NFD) accents as they are: one code point per mark, like brat', () => {
    const text = 'Gnassingbe\u0301 met Traore\u0301 in Lome\u0301.';
    const s = text.indexOf('Traore');
    const doc = parseBrat('', text);
    addTextBound(doc, text, 'PER', [{ start: s, end: s + 7 }]);
    const out = serializeBrat(doc, text);
    assert.equal(out, `T1\tPER ${s} ${s + 7}\tTraore\u0301\n`);
    assert.equal(s, 16); // "Gnassingbe" + U+0301 is 11 code points, as Python counts them
  });
});
