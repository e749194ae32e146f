// The reads the extension host makes while going through a corpus (export, clean copy, import) do
// not block its thread, and give exactly what the blocking reads give, refusals included.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAnnotatedArticle, loadAnnotatedArticleAsync } from '../../../src/node/annotationFiles';
import { readArticleFile, readArticleFileAsync } from '../../../src/node/corpusFiles';
import { importJsonlIntoCorpus } from '../../../src/node/jsonlImport';
import { readRegularFile, readRegularFileAsync, type SafeRead } from '../../../src/node/safeRead';
import { mkfifo } from '../helpers/fifo';

/** A read as comparable data (bytes as text). */
const plain = (r: SafeRead) => (r.ok ? { ok: true, text: r.bytes.toString('latin1') } : r);

describe('reads that do not block the host thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'async-reads-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('readRegularFileAsync gives what readRegularFile gives: a file, a missing one, a folder, a dangling link, one too large, a FIFO (never opened)', async function () {
    writeFileSync(join(dir, 'a.txt'), 'Zoë Lambert met the board.\n');
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2048));
    writeFileSync(join(dir, 'empty.txt'), '');
    mkdirSync(join(dir, 'folder.txt'));
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
    const names = ['a.txt', 'big.txt', 'empty.txt', 'folder.txt', 'dangling.txt', 'missing.txt'];
    if (mkfifo(join(dir, 'pipe.txt'))) names.push('pipe.txt');
    for (const name of names) {
      const sync = readRegularFile(join(dir, name), 1024);
      const async = await readRegularFileAsync(join(dir, name), 1024);
      assert.deepEqual(plain(async), plain(sync), name);
    }
    // The refusals name their cause (the same messages as the blocking read).
    const kinds = await Promise.all(['a.txt', 'big.txt', 'folder.txt', 'dangling.txt'].map(async (n) => {
      const r = await readRegularFileAsync(join(dir, n), 1024);
      return r.ok ? 'ok' : r.kind;
    }));
    assert.deepEqual(kinds, ['ok', 'too-large', 'not-a-file', 'missing']);
  });

  it('readArticleFileAsync decodes as readArticleFile does (a BOM left out, invalid UTF-8 noted)', async () => {
    writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Calvi, Friday\n')]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x6c, 0x76, 0xe9, 0x0a]));
    for (const n of ['bom.txt', 'latin1.txt', 'none.txt']) assert.deepEqual(await readArticleFileAsync(join(dir, n)), readArticleFile(join(dir, n)), n);
    assert.equal((await readArticleFileAsync(join(dir, 'bom.txt'))).text, 'Calvi, Friday\n');
  });

  it('loadAnnotatedArticleAsync gives what loadAnnotatedArticle gives: re-anchored annotations, rejections, problems in the same order', async () => {
    const txt = join(dir, 'a.txt');
    writeFileSync(txt, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Breaking: Ada Moreau in Porto\n')]));
    writeFileSync(join(dir, 'a.ann'), 'T1\tPER 0 10\tAda Moreau\nT2\tLOC 25 30\tPorto\nbad line\n');
    writeFileSync(join(dir, 'a.rejected.json'), '{"version":1,"rejected":[{"start":0,"end":8,"label":"ORG","text":"Breaking"}]}');
    const sync = loadAnnotatedArticle(txt);
    const async = await loadAnnotatedArticleAsync(txt);
    assert.deepEqual(async, sync);
    assert.equal(async.bom, true);
    assert.equal(async.rejections.length, 1);
    assert.ok(async.problems.some((p) => /re-anchored/.test(p)), async.problems.join('\n'));
    // An .ann that is a folder is a problem, not a failure; a missing .txt throws as before.
    const b = join(dir, 'b.txt');
    writeFileSync(b, 'Market day in Ostra\n');
    mkdirSync(join(dir, 'b.ann'));
    assert.deepEqual(await loadAnnotatedArticleAsync(b), loadAnnotatedArticle(b));
    assert.match((await loadAnnotatedArticleAsync(b)).problems[0], /b\.ann: is a folder/);
    assert.throws(() => loadAnnotatedArticle(join(dir, 'none.txt')), /none\.txt no such file/);
    await assert.rejects(loadAnnotatedArticleAsync(join(dir, 'none.txt')), /none\.txt no such file/);
  });

  it('an import that finds its articles by their text keeps the host thread turning', async () => {
    // 300 articles, a record for one of them with no meta path (found by its text), and two articles
    // with the same text (a record for them is refused as ambiguous).
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'newscorpus.yaml'), 'labels: [EVENT]\n');
    const textOf = (i: number) => `Dispatch ${i} from Calvi\nThe harbour board of Calvi met on day ${i} and Zoë Lambert spoke.\n`;
    for (let i = 0; i < 300; i++) writeFileSync(join(corpus, `a${String(i).padStart(3, '0')}.txt`), textOf(i));
    writeFileSync(join(corpus, 'copy.txt'), textOf(7));
    const wanted = textOf(123);
    const jsonl = [
      JSON.stringify({ text: wanted, spans: [{ start: wanted.indexOf('Zoë'), end: wanted.indexOf('Zoë') + 11, label: 'PER' }] }),
      JSON.stringify({ text: textOf(7), spans: [{ start: 0, end: 8, label: 'EVENT' }] }),
      JSON.stringify({ text: 'No such article\n', spans: [] }),
    ].join('\n');
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    let report;
    try {
      report = await importJsonlIntoCorpus(jsonl, corpus, { dryRun: true });
    } finally {
      clearInterval(timer);
    }
    assert.deepEqual(report.files.map((f) => [f.rel, f.added]), [['a123.txt', 1]]);
    assert.deepEqual(report.skippedLines.map((s) => s.message), [
      '2 articles have this exact text (a007.txt, copy.txt); name one in meta.file',
      'no article in the corpus has this exact text (and the record names no meta.file / meta.path)',
    ]);
    // Reading 301 files one read after another without blocking: the event loop turned between them
    // (a blocking read of the whole corpus let it turn not once).
    assert.ok(turns >= 10, `the event loop turned ${turns} times during the import`);
  });
});
