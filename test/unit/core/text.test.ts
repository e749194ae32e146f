import * as assert from 'assert';
import * as fc from 'fast-check';
import { closestNames, editDistance } from '../../../src/core/text/closest';
import { decodeBytes } from '../../../src/core/text/decode';
import { escapeMarkdown, foldName } from '../../../src/core/text/fold';
import { checkInput, looksBinary } from '../../../src/core/text/input';
import { lineAt, offsetAt, positionAt, splitLines } from '../../../src/core/text/lines';
import { splitSentences } from '../../../src/core/text/sentences';

describe('text', () => {
  it('splits lines at LF, CRLF and CR with offsets into the text as given', () => {
    const t = 'a\r\nbc\nd\re\n';
    const lines = splitLines(t);
    assert.deepStrictEqual(lines.map((l) => [l.start, l.end, l.text]), [[0, 1, 'a'], [3, 5, 'bc'], [6, 7, 'd'], [8, 9, 'e'], [10, 10, '']]);
    assert.strictEqual(lineAt(lines, 4), 1);
    assert.deepStrictEqual(positionAt(lines, 4), { line: 1, character: 1 });
    assert.strictEqual(offsetAt(lines, 1, 99), 5);
    assert.deepStrictEqual(splitLines('').map((l) => l.text), ['']);
  });

  it('folds accents, case and typographic apostrophes for name matching', () => {
    assert.strictEqual(foldName('Goïta'), 'goita');
    assert.strictEqual(foldName('Goi\u0308ta'), 'goita');
    assert.strictEqual(foldName('Eto’o  Fils'), "eto'o fils");
    assert.strictEqual(foldName('Al `Amir'), "al 'amir");
  });

  it('folds plain ASCII names (its fast path) as the full folding does', () => {
    const full = (s: string) =>
      s.normalize('NFD').replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, '').replace(/[\u2018\u2019\u02bc`´]/g, "'")
        .replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
    const chars = fc.constantFrom(...'aZ09 -.\'`´’‐\t\n\u00a0é\u0301İ~!_'.split(''));
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (s) => assert.strictEqual(foldName(s), full(s))), { numRuns: 2000, seed: 3 });
  });

  it('escapes everything Markdown could turn into links, markup or HTML', () => {
    const s = escapeMarkdown('[x](command:evil) <b>*y*</b> `z`\nnext');
    assert.strictEqual(s, '\\[x\\]\\(command\\:evil\\) \\<b\\>\\*y\\*\\</b\\> \\`z\\` next');
    // Bare URLs (GFM autolinks) and e-mail addresses: no "scheme://" or "www." survives unescaped.
    for (const planted of ['https://evil.example/x', 'PER`](https://evil.example)`', 'www.evil.example', 'a@evil.example']) {
      const e = escapeMarkdown(planted);
      assert.doesNotMatch(e, /https?:\/\/|www\.|[^\\]@|(^|[^\\])[`[\]()]/, e);
    }
  });

  it('splits sentences but not at abbreviations, initials or inside a line', () => {
    const t = 'Gen. Assimi Goita met Mr. J. Smith in Bamako. They spoke. "Yes," he said! Done';
    const s = splitSentences(t, [{ start: 0, end: t.length }]).map((x) => t.slice(x.start, x.end));
    assert.deepStrictEqual(s, ['Gen. Assimi Goita met Mr. J. Smith in Bamako.', 'They spoke.', '"Yes," he said!', 'Done']);
  });

  it('checks input: empty, binary, replacement characters, size (cut at a line break)', () => {
    assert.strictEqual(checkInput('').problems[0].kind, 'empty');
    const bin = checkInput('abc\u0000def');
    assert.strictEqual(bin.analysable, false);
    assert.strictEqual(bin.problems[0].kind, 'binary');
    assert.ok(looksBinary('\u0001\u0002\u0003\u0004x'));
    assert.ok(!looksBinary('plain text\twith tab\r\n'));
    assert.strictEqual(checkInput('caf\uFFFD').problems[0].kind, 'invalid-utf8');
    const big = checkInput('line one\nline two\nline three\n', { maxChars: 20 });
    assert.strictEqual(big.text, 'line one\nline two');
    assert.match(big.problems[0].message, /only the first 17 were analysed/);
  });

  it('decodes UTF-8 (with and without BOM), UTF-16 with BOM, and invalid UTF-8 with a warning', () => {
    assert.deepStrictEqual(decodeBytes(Buffer.from('\uFEFFGoïta', 'utf8')), { text: 'Goïta', encoding: 'utf-8-bom' });
    assert.strictEqual(decodeBytes(Buffer.from([0xff, 0xfe, 0x41, 0x00])).text, 'A');
    assert.strictEqual(decodeBytes(Buffer.from([0xfe, 0xff, 0x00, 0x41])).text, 'A');
    const bad = decodeBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    assert.strictEqual(bad.text, 'caf\uFFFD');
    assert.match(bad.warning!, /not valid UTF-8/);
  });
});

describe('closest names', () => {
  it('measures edits and gives up beyond the bound', () => {
    assert.strictEqual(editDistance('goita', 'goïta'.normalize('NFD').replace(/\u0308/, '')), 0);
    assert.strictEqual(editDistance('tiani', 'tchiani'), 2);
    assert.strictEqual(editDistance('abc', 'xyzxyz', 2), 3);
  });
  it('suggests names containing the query first, then close spellings, accents and case ignored', () => {
    const names = ['Abdourahamane Tchiani', 'Assimi Goïta', 'ECOWAS', 'Mali'];
    assert.deepStrictEqual(closestNames('GOITA', names), ['Assimi Goïta']);
    assert.deepStrictEqual(closestNames('Tiani', names), ['Abdourahamane Tchiani']);
    assert.deepStrictEqual(closestNames('Ecowass', names), ['ECOWAS']);
    assert.deepStrictEqual(closestNames('zzzzzz', names), []);
  });
});
