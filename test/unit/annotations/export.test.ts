import { strict as assert } from 'node:assert';
import { exportConll, exportJsonl, importJsonl, parseBrat, prepareForExport, serializeBrat, textBounds } from '../../../src/core/annotations';

const TEXT = 'Share this article\nAda Moreau met the Lumen Group in Porto. She left.\nRead more: Porto news\n';
const l1 = TEXT.indexOf('Ada');
const ANN = [
  `T1\tPER ${l1} ${l1 + 10}\tAda Moreau`,
  `T2\tORG ${l1 + 19} ${l1 + 30}\tLumen Group`,
  `T3\tLOC ${l1 + 34} ${l1 + 39}\tPorto`,
  `T4\tLOC ${TEXT.indexOf('Porto news')} ${TEXT.indexOf('Porto news') + 5}\tPorto`,
].join('\n');

describe('export', () => {
  const doc = () => parseBrat(ANN, TEXT);

  it('writes JSONL records spaCy, Prodigy and doccano read', () => {
    const out = exportJsonl([prepareForExport({ file: 'a/b.txt', text: TEXT, ann: doc() })]);
    const lines = out.trim().split('\n');
    assert.equal(lines.length, 1);
    const rec = JSON.parse(lines[0]);
    assert.equal(rec.text, TEXT);
    assert.deepEqual(rec.meta, { file: 'a/b.txt' });
    assert.equal(rec.spans.length, 4);
    for (const s of rec.spans) assert.ok(['Ada Moreau', 'Lumen Group', 'Porto'].includes(TEXT.slice(s.start, s.end)));
    assert.deepEqual(rec.label[0], [rec.spans[0].start, rec.spans[0].end, 'PER']);
  });

  it('leaves boilerplate lines out, shifting the spans', () => {
    const p = prepareForExport({ text: TEXT, ann: doc(), boilerplateLines: [0, 2] }, { leaveOutBoilerplate: true });
    assert.equal(p.text, 'Ada Moreau met the Lumen Group in Porto. She left.\n');
    assert.deepEqual(p.spans.map((s) => p.text.slice(s.start, s.end)), ['Ada Moreau', 'Lumen Group', 'Porto']);
    assert.deepEqual(p.skipped, [{ id: 'T4', reason: 'in a boilerplate line' }]);
  });

  it('exports a selection', () => {
    const start = l1 + 15;
    const p = prepareForExport({ text: TEXT, ann: doc(), range: { start, end: l1 + 40 } });
    assert.equal(p.text, 'the Lumen Group in Porto.');
    assert.deepEqual(p.spans, [{ start: 4, end: 15, label: 'ORG' }, { start: 19, end: 24, label: 'LOC' }]);
  });

  it('exports a selection with boilerplate left out', () => {
    const p = prepareForExport({ text: TEXT, ann: doc(), range: { start: l1, end: l1 + 10 }, boilerplateLines: [0] }, { leaveOutBoilerplate: true });
    assert.equal(p.text, 'Ada Moreau');
    assert.deepEqual(p.spans, [{ start: 0, end: 10, label: 'PER' }]);
  });

  it('writes CoNLL BIO with sentences and -DOCSTART-', () => {
    const a = prepareForExport({ text: TEXT, ann: doc(), boilerplateLines: [0, 2] }, { leaveOutBoilerplate: true });
    const b = prepareForExport({ text: 'Porto won.', ann: parseBrat('T1\tORG 0 5\tPorto') });
    const r = exportConll([a, b]);
    assert.equal(
      r.text,
      [
        '-DOCSTART- O', '',
        'Ada B-PER', 'Moreau I-PER', 'met O', 'the O', 'Lumen B-ORG', 'Group I-ORG', 'in O', 'Porto B-LOC', '. O', '',
        'She O', 'left O', '. O', '',
        '-DOCSTART- O', '',
        'Porto B-ORG', 'won O', '. O', '',
      ].join('\n') + '\n',
    );
    assert.equal(r.sentences, 3);
  });

  it('splits tokens at annotation boundaries and skips overlapping spans', () => {
    const text = 'the Lumen-Group plan';
    const ann = parseBrat('T1\tORG 4 9\tLumen\nT2\tMISC 4 15\tLumen-Group\nT3\tPER 10 15\tGroup\n', text);
    const r = exportConll([prepareForExport({ text, ann })]);
    assert.equal(r.overlapsSkipped, 2);
    assert.match(r.text, /^Lumen-Group B-MISC$/m);
    const ann2 = parseBrat('T1\tORG 4 9\tLumen\n', text);
    const r2 = exportConll([prepareForExport({ text, ann: ann2 })]);
    assert.match(r2.text, /^Lumen B-ORG\n-Group O$/m);
  });

  it('exports discontinuous annotations as one span per fragment and leaves damaged ones out', () => {
    const d = parseBrat(`T1\tMISC ${l1} ${l1 + 3};${l1 + 11} ${l1 + 14}\tAda met\n`, TEXT);
    const p = prepareForExport({ text: TEXT, ann: d });
    assert.deepEqual(p.spans.map((s) => TEXT.slice(s.start, s.end)), ['Ada', 'met']);
    textBounds(d)[0].damage = { reason: 'edited', originalText: 'x', message: '' };
    assert.equal(prepareForExport({ text: TEXT, ann: d }).spans.length, 0);
  });

  it('counts offsets in code points in JSONL (Python indexes)', () => {
    const text = '🙂 Porto';
    const rec = JSON.parse(exportJsonl([prepareForExport({ text, ann: parseBrat('T1\tLOC 2 7\tPorto', text) })]));
    assert.deepEqual(rec.spans, [{ start: 2, end: 7, label: 'LOC' }]);
    assert.equal([...text].slice(2, 7).join(''), 'Porto');
  });
});

describe('import', () => {
  it('reads spaCy/Prodigy spans, doccano labels and entities into brat', () => {
    const jsonl = [
      JSON.stringify({ text: 'Ada Moreau in Porto', spans: [{ start: 0, end: 10, label: 'PERSON' }, { start: 14, end: 19, label: 'GPE' }], meta: { file: 'x.txt' } }),
      JSON.stringify({ text: '🙂 Lumen', label: [[2, 7, 'ORG']] }),
      '',
      JSON.stringify({ text: 'Porto', entities: [{ start_offset: 0, end_offset: 5, label: 'place' }] }),
      '{not json',
      JSON.stringify({ text: 'abc', spans: [{ start: 2, end: 9, label: 'PER' }] }),
    ].join('\n');
    const r = importJsonl(jsonl);
    assert.equal(r.docs.length, 4);
    assert.equal(serializeBrat(r.docs[0].ann, r.docs[0].text), 'T1\tPER 0 10\tAda Moreau\nT2\tLOC 14 19\tPorto\n');
    assert.equal(r.docs[0].file, 'x.txt');
    assert.equal(serializeBrat(r.docs[1].ann, r.docs[1].text), 'T1\tORG 2 7\tLumen\n');
    assert.equal(serializeBrat(r.docs[2].ann, r.docs[2].text), 'T1\tLOC 0 5\tPorto\n');
    assert.deepEqual(r.problems.map((p) => p.line), [5, 6]);
  });

  it('round-trips export → import', () => {
    const text = 'Ada 🙂 Moreau met Lumen.';
    const ann = parseBrat('T1\tPER 0 12\tAda 🙂 Moreau\nT2\tORG 17 22\tLumen\n', text);
    const r = importJsonl(exportJsonl([prepareForExport({ text, ann })]), ['EVENT']);
    assert.equal(serializeBrat(r.docs[0].ann, text), serializeBrat(ann, text));
  });
});
