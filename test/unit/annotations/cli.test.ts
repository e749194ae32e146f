import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

// An invented two-article corpus. The config turns the model's categories off and
// adds a phrase, so exactly one line is boilerplate whatever the model learns.
const ARTICLE = 'Ada Moreau visits Porto\nAda Moreau met the Lumen Group in Porto on Monday.\nSUBSCRIBE TO THE PORTO LETTER\nShe left on Tuesday after two days of talks with the mayor about the harbour project, officials said.\n';
const at = (s: string) => ARTICLE.indexOf(s);
const ANN = [
  `T1\tPER ${at('Ada Moreau met')} ${at('Ada Moreau met') + 10}\tAda Moreau`,
  `T2\tORG ${at('Lumen')} ${at('Lumen') + 11}\tLumen Group`,
  `T3\tLOC ${at('PORTO LETTER')} ${at('PORTO LETTER') + 5}\tPORTO`,
  `R1\tMember_of Arg1:T1 Arg2:T2`,
  `#1\tAnnotatorNotes T3\tin the newsletter line`,
].join('\n') + '\n';

const CONFIG = [
  'boilerplate:',
  '  categories: {navigation: false, byline: false, share: false, related: false, read-more: false, comments: false, legal: false, caption: false, duplicate: false, template: false}',
  '  phrases:',
  '    - subscribe to the porto letter',
  '',
].join('\n');

describe('CLI export and clean', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ann-cli-'));
    mkdirSync(join(dir, 'corpus', 'src'), { recursive: true });
    writeFileSync(join(dir, 'corpus', 'newscorpus.yaml'), CONFIG);
    writeFileSync(join(dir, 'corpus', 'src', 'a.txt'), ARTICLE);
    writeFileSync(join(dir, 'corpus', 'src', 'a.ann'), ANN);
    const rej = (s: string, label: string) => ({ start: ARTICLE.indexOf(s), end: ARTICLE.indexOf(s) + s.length, label, text: s });
    writeFileSync(join(dir, 'corpus', 'src', 'a.rejected.json'), JSON.stringify({ version: 1, rejected: [rej('Tuesday', 'MISC'), rej('SUBSCRIBE', 'ORG')] }));
    writeFileSync(join(dir, 'corpus', 'b.txt'), 'Nothing annotated here.\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exports JSONL of a folder to stdout', async () => {
    const io = capture();
    assert.equal(await main(['export', '--format', 'jsonl', join(dir, 'corpus')], io), 0);
    const recs = io.stdout.join('\n').split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(recs.map((r) => r.meta.file), ['b.txt', 'src/a.txt']);
    assert.deepEqual(recs[1].spans.map((s: { start: number; end: number }) => ARTICLE.slice(s.start, s.end)), ['Ada Moreau', 'Lumen Group', 'PORTO']);
    assert.match(io.stderr.join('\n'), /exported 2 article\(s\), 3 span\(s\) as jsonl/);
  });

  it('exports CoNLL without boilerplate to a file', async () => {
    const io = capture();
    const out = join(dir, 'out.conll');
    assert.equal(await main(['export', '--format', 'conll', '--no-boilerplate', '--out', out, join(dir, 'corpus', 'src', 'a.txt')], io), 0);
    const conll = readFileSync(out, 'utf8');
    assert.match(conll, /^-DOCSTART- O\n\n/);
    assert.match(conll, /^Lumen B-ORG\nGroup I-ORG$/m);
    assert.doesNotMatch(conll, /SUBSCRIBE/);
    assert.match(io.stderr.join('\n'), /T3 not exported \(in a boilerplate line\)/);
  });

  it('rejects bad usage with exit code 2', async () => {
    assert.equal(await main(['export', '--format', 'xml', dir], capture()), 2);
    assert.equal(await main(['clean', dir], capture()), 2);
    assert.equal(await main(['export', join(dir, 'missing')], capture()), 2);
  });

  it('cleans a corpus into another folder, originals untouched', async () => {
    const io = capture();
    const out = join(dir, 'clean');
    assert.equal(await main(['clean', join(dir, 'corpus'), '--out', out], io), 0);
    assert.equal(readFileSync(join(dir, 'corpus', 'src', 'a.txt'), 'utf8'), ARTICLE);
    assert.equal(readFileSync(join(dir, 'corpus', 'src', 'a.ann'), 'utf8'), ANN);
    const text = readFileSync(join(out, 'src', 'a.txt'), 'utf8');
    assert.equal(text, 'Ada Moreau visits Porto\nAda Moreau met the Lumen Group in Porto on Monday.\nShe left on Tuesday after two days of talks with the mayor about the harbour project, officials said.\n');
    const ann = readFileSync(join(out, 'src', 'a.ann'), 'utf8');
    assert.equal(ann, ANN.split('\n').filter((l) => l && !l.startsWith('T3') && !l.startsWith('#1')).join('\n') + '\n');
    assert.deepEqual(readdirSync(out).sort(), ['b.txt', 'clean-report.json', 'src']);
    // rejected suggestions follow their text; the one in the removed line goes
    const rejected = JSON.parse(readFileSync(join(out, 'src', 'a.rejected.json'), 'utf8')).rejected;
    assert.deepEqual(rejected, [{ start: text.indexOf('Tuesday'), end: text.indexOf('Tuesday') + 7, label: 'MISC', text: 'Tuesday' }]);
    const report = JSON.parse(readFileSync(join(out, 'clean-report.json'), 'utf8'));
    const a = report.files.find((f: { file: string }) => f.file === 'src/a.txt');
    assert.deepEqual(a.removedLines, [{ line: 2, text: 'SUBSCRIBE TO THE PORTO LETTER' }]);
    assert.deepEqual(a.droppedAnnotations.map((d: { id: string }) => d.id), ['T3']);
    assert.deepEqual(a.droppedOther, ['#1']);
    assert.match(io.stdout.join('\n'), /cleaned 2 article\(s\)/);
  });

  it('refuses to clean over the originals', async () => {
    const io = capture();
    assert.equal(await main(['clean', join(dir, 'corpus'), '--out', join(dir, 'corpus')], io), 2);
    assert.match(io.stderr.join('\n'), /would overwrite the original/);
    assert.equal(readFileSync(join(dir, 'corpus', 'src', 'a.ann'), 'utf8'), ANN);
  });
});
