import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

// Invented articles. "Zoë" has a non-BMP-free accent; the harbour article has an
// emoji before its entities so code-point (JSONL) and UTF-16 (editor) offsets differ.
const HARBOUR = 'Harbour deal 🚢 signed\nZoë Lambert met the Tidewater Board in Calvi on Friday.\n';
const MARKET = 'Market day in Ostra\nThe Ostra council and Marc Vidal opened the new hall.\n';
const cp = (text: string, s: string) => [...text.slice(0, text.indexOf(s))].length;
const cpSpan = (text: string, s: string) => [cp(text, s), cp(text, s) + [...s].length] as const;
const u16 = (text: string, s: string) => text.indexOf(s);

// The existing .ann: brat code-point offsets, a note and a relation, CRLF line ends, no final newline.
const EXISTING = [
  `T1\tPER ${cpSpan(HARBOUR, 'Zoë Lambert').join(' ')}\tZoë Lambert`,
  `T2\tORG ${cpSpan(HARBOUR, 'Tidewater').join(' ')}\tTidewater`,
  `#1\tAnnotatorNotes T2\tboard name`,
  `R1\tMember_of Arg1:T1 Arg2:T2`,
].join('\r\n');

describe('CLI import (JSONL into a corpus)', () => {
  let dir: string;
  let corpus: string;
  const write = (name: string, lines: unknown[]) => {
    const p = join(dir, name);
    writeFileSync(p, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
    return p;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ann-import-'));
    corpus = join(dir, 'corpus');
    mkdirSync(join(corpus, 'site'), { recursive: true });
    writeFileSync(join(corpus, 'newscorpus.yaml'), 'labels: [EVENT]\n');
    writeFileSync(join(corpus, 'site', 'harbour.txt'), HARBOUR);
    writeFileSync(join(corpus, 'market.txt'), MARKET);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds spaCy spans (by meta.file) and doccano labels (by text) as brat T lines', async () => {
    const jsonl = write('in.jsonl', [
      { text: HARBOUR, spans: [{ start: cp(HARBOUR, 'Calvi'), end: cp(HARBOUR, 'Calvi') + 5, label: 'GPE' }, { start: cp(HARBOUR, 'Zoë'), end: cp(HARBOUR, 'Zoë') + 11, label: 'PERSON' }], meta: { file: 'site/harbour.txt' } },
      { text: MARKET, label: [[cp(MARKET, 'Marc Vidal'), cp(MARKET, 'Marc Vidal') + 10, 'PER'], [cp(MARKET, 'Ostra council'), cp(MARKET, 'Ostra council') + 13, 'event']] },
    ]);
    const io = capture();
    assert.equal(await main(['import', jsonl, '--into', corpus], io), 0, io.stderr.join('\n'));
    const harbour = readFileSync(join(corpus, 'site', 'harbour.ann'), 'utf8');
    // brat offsets are code points: the emoji counts once.
    assert.equal(harbour, `T1\tLOC ${cpSpan(HARBOUR, 'Calvi').join(' ')}\tCalvi\nT2\tPER ${cpSpan(HARBOUR, 'Zoë Lambert').join(' ')}\tZoë Lambert\n`);
    assert.notEqual(cp(HARBOUR, 'Calvi'), u16(HARBOUR, 'Calvi'));
    const market = readFileSync(join(corpus, 'market.ann'), 'utf8');
    assert.equal(market, `T1\tPER ${u16(MARKET, 'Marc Vidal')} ${u16(MARKET, 'Marc Vidal') + 10}\tMarc Vidal\nT2\tEVENT ${u16(MARKET, 'Ostra council')} ${u16(MARKET, 'Ostra council') + 13}\tOstra council\n`);
    assert.deepEqual(io.stdout, ['market.txt: added 2 (line 2)', 'site/harbour.txt: added 2 (line 1)', '2 line(s), 2 article(s): 4 annotation(s) added']);
  });

  it('keeps an existing .ann byte for byte apart from the added lines, and does not repeat identical spans', async () => {
    writeFileSync(join(corpus, 'site', 'harbour.ann'), EXISTING);
    const jsonl = write('in.jsonl', [
      {
        text: HARBOUR,
        spans: [
          { start: cp(HARBOUR, 'Zoë'), end: cp(HARBOUR, 'Zoë') + 11, label: 'PER' }, // already there
          { start: cp(HARBOUR, 'Calvi'), end: cp(HARBOUR, 'Calvi') + 5, label: 'LOC' },
        ],
        meta: { path: 'site/harbour.txt' },
      },
    ]);
    const io = capture();
    assert.equal(await main(['import', jsonl, '--into', corpus], io), 0, io.stderr.join('\n'));
    const after = readFileSync(join(corpus, 'site', 'harbour.ann'), 'utf8');
    assert.equal(after, EXISTING + `\r\nT3\tLOC ${cpSpan(HARBOUR, 'Calvi').join(' ')}\tCalvi\r\n`);
    assert.match(io.stdout[0], /^site\/harbour\.txt: added 1, 1 already there \(line 1\)$/);
    // Importing the same file again changes nothing.
    const again = capture();
    assert.equal(await main(['import', jsonl, '--into', corpus], again), 0);
    assert.equal(readFileSync(join(corpus, 'site', 'harbour.ann'), 'utf8'), after);
    assert.match(again.stdout.at(-1)!, /0 annotation\(s\) added, 2 already there/);
  });

  it('skips a line whose text is not the article text (exit 1) and still imports the others', async () => {
    const changed = HARBOUR.replace('Friday', 'Monday');
    const jsonl = write('in.jsonl', [
      { text: changed, spans: [{ start: cp(changed, 'Calvi'), end: cp(changed, 'Calvi') + 5, label: 'LOC' }], meta: { file: 'site/harbour.txt' } },
      { text: 'An article nobody wrote.', spans: [{ start: 0, end: 2, label: 'MISC' }] },
      'not json at all',
      { text: MARKET, spans: [{ start: cp(MARKET, 'Marc'), end: cp(MARKET, 'Marc') + 10, label: 'PER' }, { start: 5, end: 999, label: 'LOC' }], meta: { file: 'market.txt' } },
      { text: MARKET, spans: [], meta: { file: '../outside.txt' } },
      { text: 'labels: [EVENT]\n', spans: [{ start: 0, end: 6, label: 'MISC' }], meta: { file: 'newscorpus.yaml' } },
    ]);
    const io = capture();
    assert.equal(await main(['import', jsonl, '--into', corpus], io), 1);
    assert.equal(existsSync(join(corpus, 'site', 'harbour.ann')), false, 'no offsets written onto a different text');
    assert.equal(readFileSync(join(corpus, 'market.ann'), 'utf8'), `T1\tPER ${u16(MARKET, 'Marc')} ${u16(MARKET, 'Marc') + 10}\tMarc Vidal\n`);
    const err = io.stderr.join('\n');
    assert.match(err, /in\.jsonl:1: skipped: text differs from site\/harbour\.txt .*first difference at offset \d+/);
    assert.match(err, /in\.jsonl:2: skipped: no article in the corpus has this exact text/);
    assert.match(err, /in\.jsonl:3: skipped: not JSON/);
    assert.match(err, /in\.jsonl:4: span \[5,999,"LOC"\] is invalid/);
    assert.match(err, /in\.jsonl:5: skipped: meta path "\.\.\/outside\.txt" is not inside the corpus folder/);
    assert.match(err, /in\.jsonl:6: skipped: meta path "newscorpus\.yaml" is not a \.txt article/);
    assert.deepEqual(readdirSync(corpus).sort(), ['market.ann', 'market.txt', 'newscorpus.yaml', 'site']);
    assert.match(io.stdout.at(-1)!, /6 line\(s\), 1 article\(s\): 1 annotation\(s\) added, 1 invalid span\(s\) left out, 5 line\(s\) skipped$/);
  });

  it('writes nothing in a dry run', async () => {
    writeFileSync(join(corpus, 'site', 'harbour.ann'), EXISTING);
    const jsonl = write('in.jsonl', [
      { text: HARBOUR, spans: [{ start: cp(HARBOUR, 'Calvi'), end: cp(HARBOUR, 'Calvi') + 5, label: 'LOC' }] },
      { text: MARKET, spans: [{ start: cp(MARKET, 'Marc'), end: cp(MARKET, 'Marc') + 10, label: 'PER' }] },
    ]);
    const before = readdirSync(corpus, { recursive: true }).sort();
    const io = capture();
    assert.equal(await main(['import', jsonl, '--into', corpus, '--dry-run'], io), 0);
    assert.deepEqual(readdirSync(corpus, { recursive: true }).sort(), before);
    assert.equal(readFileSync(join(corpus, 'site', 'harbour.ann'), 'utf8'), EXISTING);
    assert.deepEqual(io.stdout, ['market.txt: would add 1 (line 2)', 'site/harbour.txt: would add 1 (line 1)', 'dry run, nothing written: 2 line(s), 2 article(s): 2 annotation(s) would be added']);
  });

  it('on overlap: merge adds, skip leaves out, overwrite replaces the existing annotation and its dependents', async () => {
    const line = { text: HARBOUR, spans: [{ start: cp(HARBOUR, 'Tidewater'), end: cp(HARBOUR, 'Tidewater Board') + 15, label: 'ORG' }], meta: { file: 'site/harbour.txt' } };
    const jsonl = write('in.jsonl', [line]);
    const ann = join(corpus, 'site', 'harbour.ann');
    const newLine = `T3\tORG ${cpSpan(HARBOUR, 'Tidewater Board').join(' ')}\tTidewater Board`;

    writeFileSync(ann, EXISTING);
    assert.equal(await main(['import', jsonl, '--into', corpus, '--on-conflict', 'skip'], capture()), 0);
    assert.equal(readFileSync(ann, 'utf8'), EXISTING);

    assert.equal(await main(['import', jsonl, '--into', corpus], capture()), 0);
    assert.equal(readFileSync(ann, 'utf8'), EXISTING + '\r\n' + newLine + '\r\n');

    writeFileSync(ann, EXISTING);
    const io = capture();
    assert.equal(await main(['import', jsonl, '--into', corpus, '--on-conflict', 'overwrite'], io), 0);
    const lines = EXISTING.split('\r\n');
    // T2 went with its note and relation; its id is free again.
    assert.equal(readFileSync(ann, 'utf8'), lines[0] + '\r\n' + newLine.replace('T3', 'T2') + '\r\n');
    assert.match(io.stdout[0], /added 1, 1 existing replaced/);
  });

  it('counts the BOM in brat offsets, keeps CRLF, and never matches an NFC record to an NFD article', async () => {
    const nfd = 'Cafe\u0301 talks\r\nRene\u0301 Ruiz spoke in Bastia.\r\n';
    writeFileSync(join(corpus, 'cafe.txt'), '\uFEFF' + nfd);
    const jsonl = write('in.jsonl', [
      { text: nfd.normalize('NFC'), spans: [{ start: 0, end: 4, label: 'MISC' }] },
      { text: nfd, spans: [{ start: cp(nfd, 'Bastia'), end: cp(nfd, 'Bastia') + 6, label: 'LOC' }] },
    ]);
    const io = capture();
    assert.equal(await main(['import', jsonl, '--into', corpus], io), 1);
    assert.match(io.stderr.join('\n'), /in\.jsonl:1: skipped: no article in the corpus has this exact text/);
    // brat reads the BOM as one character: file offsets are one more than the record's.
    assert.equal(readFileSync(join(corpus, 'cafe.ann'), 'utf8'), `T1\tLOC ${cp(nfd, 'Bastia') + 1} ${cp(nfd, 'Bastia') + 7}\tBastia\n`);
  });

  it('rejects bad usage with exit code 2', async () => {
    const jsonl = write('in.jsonl', [{ text: MARKET, spans: [] }]);
    assert.equal(await main(['import', jsonl], capture()), 2);
    assert.equal(await main(['import', '--into', corpus], capture()), 2);
    assert.equal(await main(['import', jsonl, '--into', corpus, '--on-conflict', 'replace'], capture()), 2);
    assert.equal(await main(['import', join(dir, 'missing.jsonl'), '--into', corpus], capture()), 2);
    assert.equal(await main(['import', jsonl, '--into', join(dir, 'nope')], capture()), 2);
  });
});
