import { strict as assert } from 'node:assert';
import { cleanArticle, coveredText, findEntry, parseBrat, serializeBrat, textBounds } from '../../../src/core/annotations';

const TEXT = 'Share on Facebook\r\nAda Moreau met the Lumen Group in Porto.\r\nBy Lea Vidal for Porto Daily\r\nShe left on Monday.';
const at = (s: string) => TEXT.indexOf(s);
const ANN = [
  `T1\tPER ${at('Ada')} ${at('Ada') + 10}\tAda Moreau`,
  `T2\tORG ${at('Lumen')} ${at('Lumen') + 11}\tLumen Group`,
  `T3\tLOC ${at('Porto.')} ${at('Porto.') + 5}\tPorto`,
  `T4\tPER ${at('Lea')} ${at('Lea') + 8}\tLea Vidal`,
  `T5\tORG ${at('Porto Daily')} ${at('Porto Daily') + 11}\tPorto Daily`,
  `T6\tMISC ${at('Facebook')} ${at('Facebook') + 8}\tFacebook`,
  `R1\tLocated_in Arg1:T2 Arg2:T3`,
  `R2\tWorks_for Arg1:T4 Arg2:T5`,
  `R3\tMet Arg1:T1 Arg2:T4`,
  `#1\tAnnotatorNotes T1\tchair`,
  `#2\tAnnotatorNotes T4\tjournalist`,
  `N1\tReference T3 Wikidata:Q36433\tPorto`,
  `A1\tUncertain T5`,
  `*\tEquiv T3 T5 T6`,
  `*\tEquiv T1 T2 T3`,
  `E1\tMeet:T1 Other:T4`,
].join('\n') + '\n';

describe('clean corpus', () => {
  it('removes boilerplate lines, shifts annotations and keeps what belongs to survivors', () => {
    const ann = parseBrat(ANN, TEXT);
    const before = serializeBrat(ann, TEXT);
    const r = cleanArticle(TEXT, ann, [0, 2]);
    assert.equal(r.text, 'Ada Moreau met the Lumen Group in Porto.\r\nShe left on Monday.');
    // the input is not modified
    assert.equal(serializeBrat(ann, TEXT), before);
    for (const t of textBounds(r.ann)) assert.equal(coveredText(r.text, t.fragments), t.text);
    assert.deepEqual(textBounds(r.ann).map((t) => t.id), ['T1', 'T2', 'T3']);
    assert.ok(findEntry(r.ann, 'R1') && findEntry(r.ann, '#1') && findEntry(r.ann, 'N1'));
    for (const gone of ['R2', 'R3', '#2', 'A1', 'E1', 'T4', 'T5', 'T6']) assert.equal(findEntry(r.ann, gone), undefined, gone);
    const out = serializeBrat(r.ann, r.text);
    assert.match(out, /^\*\tEquiv T1 T2 T3$/m);
    assert.doesNotMatch(out, /T5 T6/);
    assert.deepEqual(r.report.removedLines, [{ line: 0, text: 'Share on Facebook' }, { line: 2, text: 'By Lea Vidal for Porto Daily' }]);
    assert.deepEqual(r.report.droppedAnnotations.map((d) => d.id), ['T4', 'T5', 'T6']);
    assert.deepEqual([...r.report.droppedOther].sort(), ['#2', '*', 'A1', 'E1', 'R2', 'R3'].sort());
  });

  it('removes a last line without a final newline together with the break before it', () => {
    const ann = parseBrat(ANN, TEXT);
    const r = cleanArticle(TEXT, ann, [3]);
    assert.equal(r.text, 'Share on Facebook\r\nAda Moreau met the Lumen Group in Porto.\r\nBy Lea Vidal for Porto Daily');
    assert.equal(textBounds(r.ann).length, 6);
  });

  it('does nothing with no lines, out-of-range or repeated line numbers', () => {
    const ann = parseBrat(ANN, TEXT);
    const r = cleanArticle(TEXT, ann, [99, -1, 1.5]);
    assert.equal(r.text, TEXT);
    assert.equal(serializeBrat(r.ann, r.text), ANN);
    assert.equal(cleanArticle('', parseBrat(''), [0]).text, '');
  });

  it('shifts offsets right after non-BMP characters', () => {
    const text = '🙂 Share\nAda 🙂 in Porto\n';
    const ann = parseBrat('T1\tLOC 17 22\tPorto\n', text);
    assert.equal(coveredText(text, textBounds(ann)[0].fragments), 'Porto');
    const r = cleanArticle(text, ann, [0]);
    assert.equal(r.text, 'Ada 🙂 in Porto\n');
    assert.equal(serializeBrat(r.ann, r.text), 'T1\tLOC 9 14\tPorto\n');
  });
});
