// One test per class of bad input the CLI meets: the exit code, a message naming the file and
// the cause, and no file changed or left behind.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';

function capture(): CliIO & { stdout: string[]; stderr: string[]; all(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), all: () => [...stdout, ...stderr].join('\n') };
}

/** Every file under dir with its content, to show nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, n.name);
      if (n.isDirectory()) walk(p);
      else if (n.isFile()) out[relative(dir, p)] = readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
}

const ARTICLE = 'Ada Moreau visits Porto\nAda Moreau met the Lumen Group in Porto on Monday.\nShe left on Tuesday.\n';

describe('CLI on bad input: exit code, message with file and cause, nothing changed', () => {
  let dir: string;
  let corpus: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-bad-'));
    corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'newscorpus.yaml'), 'boilerplate:\n  phrases: [zzz]\n');
    writeFileSync(join(corpus, 'a.txt'), ARTICLE);
    writeFileSync(join(corpus, 'a.ann'), 'T1\tPER 24 34\tAda Moreau\n');
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside', 'secret.txt'), 'SECRET TEXT OUTSIDE');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a FIFO named as a path: exit 2 at once with the file and "FIFO", never a block', async function () {
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    } catch {
      this.skip(); // mkfifo (coreutils) missing
    }
    for (const argv of [['check', join(dir, 'pipe.txt')], ['export', join(dir, 'pipe.txt')], ['analyze', join(dir, 'pipe.txt')], ['clean', join(dir, 'pipe.txt'), '--out', join(dir, 'o')]]) {
      const io = capture();
      assert.equal(await main(argv, io), 2, argv.join(' '));
      assert.match(io.all(), /pipe\.txt.*FIFO/);
    }
    assert.equal(existsSync(join(dir, 'o')), false);
  });

  it('symlinks out of the corpus and loops: outside text never exported, each article once, said', async () => {
    symlinkSync(join(dir, 'outside', 'secret.txt'), join(corpus, 'leak.txt'));
    symlinkSync(corpus, join(corpus, 'loop'));
    const io = capture();
    assert.equal(await main(['export', corpus], io), 0);
    assert.equal(io.stdout.length, 1);
    assert.doesNotMatch(io.stdout.join('\n'), /SECRET/);
    assert.match(io.stderr.join('\n'), /leak\.txt: symbolic link to .*outside.*skipped/);
    assert.match(io.stderr.join('\n'), /loop: symbolic link to a folder already walked/);
    const out = join(dir, 'clean');
    const io2 = capture();
    assert.equal(await main(['clean', corpus, '--out', out], io2), 0);
    assert.deepEqual(readdirSync(out).sort(), ['a.ann', 'a.txt', 'clean-report.json']);
  });

  it('import never writes through a link to outside the corpus', async () => {
    symlinkSync(join(dir, 'outside'), join(corpus, 'ext'));
    const jsonl = join(dir, 'in.jsonl');
    writeFileSync(jsonl, JSON.stringify({ text: 'SECRET TEXT OUTSIDE', spans: [{ start: 0, end: 6, label: 'MISC' }], meta: { file: 'ext/secret.txt' } }) + '\n');
    const before = snapshot(join(dir, 'outside'));
    const io = capture();
    assert.equal(await main(['import', jsonl, '--into', corpus], io), 1);
    assert.match(io.stderr.join('\n'), /in\.jsonl:1: skipped: meta path "ext\/secret\.txt" leads outside the corpus/);
    assert.deepEqual(snapshot(join(dir, 'outside')), before);
  });

  it('export --out onto an input (.txt or .ann): exit 2, the input unchanged', async () => {
    const before = snapshot(corpus);
    for (const target of ['a.txt', 'a.ann']) {
      const io = capture();
      assert.equal(await main(['export', corpus, '--out', join(corpus, target)], io), 2);
      assert.match(io.stderr.join('\n'), new RegExp(`${target.replace('.', '\\.')} is one of the inputs`));
    }
    assert.deepEqual(snapshot(corpus), before);
  });

  it('a pattern matching the empty string is refused, even trusted: clean keeps every line and annotation', async () => {
    writeFileSync(join(corpus, 'newscorpus.yaml'), 'boilerplate:\n  patterns: ["x?"]\n');
    const out = join(dir, 'clean');
    const io = capture();
    assert.equal(await main(['clean', corpus, '--out', out, '--trust'], io), 0);
    assert.match(io.stderr.join('\n'), /newscorpus\.yaml:2:\d+: error: boilerplate\.patterns: \/x\?\/ not used: it matches the empty string/);
    assert.equal(readFileSync(join(out, 'a.txt'), 'utf8'), ARTICLE);
    assert.equal(readFileSync(join(out, 'a.ann'), 'utf8'), readFileSync(join(corpus, 'a.ann'), 'utf8'));
  });

  it('patterns of an untrusted config (no --trust) are not run, and that is said', async () => {
    writeFileSync(join(corpus, 'newscorpus.yaml'), 'boilerplate:\n  patterns: ["^She left"]\n');
    const io = capture();
    assert.equal(await main(['analyze', join(corpus, 'a.txt'), '--json'], io), 0);
    assert.match(io.stderr.join('\n'), /newscorpus\.yaml:\d+:\d+: warning: .*1 pattern\(s\) not run: the configuration is not trusted/);
    assert.equal(JSON.parse(io.stdout[0]).boilerplate.filter((b: { category: string }) => b.category === 'custom').length, 0);
    const trusted = capture();
    assert.equal(await main(['analyze', join(corpus, 'a.txt'), '--json', '--trust'], trusted), 0);
    assert.equal(JSON.parse(trusted.stdout[0]).boilerplate.filter((b: { category: string }) => b.category === 'custom').length, 1);
  });

  it('a broken newscorpus.yaml is reported by analyze, export, clean and import, with file and line', async () => {
    writeFileSync(join(corpus, 'newscorpus.yaml'), 'boilerplate:\n  threshold: [oops\n');
    const jsonl = join(dir, 'in.jsonl');
    writeFileSync(jsonl, '');
    for (const argv of [['analyze', join(corpus, 'a.txt')], ['export', corpus], ['clean', corpus, '--out', join(dir, 'c')], ['import', jsonl, '--into', corpus]]) {
      const io = capture();
      await main(argv, io);
      assert.match(io.stderr.join('\n'), /newscorpus\.yaml:\d+:\d+: error: YAML syntax error/, argv[0]);
    }
  });

  it('UTF-16 without a BOM: import writes no .ann with NUL bytes (exit 1, the file named)', async () => {
    writeFileSync(join(corpus, 'u.txt'), Buffer.from('Ada met Bo.', 'utf16le'));
    const jsonl = join(dir, 'in.jsonl');
    writeFileSync(jsonl, JSON.stringify({ text: 'x', spans: [{ start: 0, end: 1, label: 'PER' }], meta: { file: 'u.txt' } }) + '\n');
    const io = capture();
    assert.equal(await main(['import', jsonl, '--into', corpus], io), 1);
    assert.match(io.stderr.join('\n'), /u\.txt: looks binary/);
    assert.equal(existsSync(join(corpus, 'u.ann')), false);
  });

  it('newscorpus.yaml that is a folder is named in the message', async () => {
    rmSync(join(corpus, 'newscorpus.yaml'));
    mkdirSync(join(corpus, 'newscorpus.yaml'));
    const io = capture();
    await main(['check', corpus, '--exit-zero'], io);
    assert.match(io.stdout.join('\n'), /newscorpus\.yaml:1:1: error \[config\] newscorpus\.yaml is a folder, not a regular file/);
  });

  it('clean --out into a non-empty folder that is no clean output: exit 2, its files untouched', async () => {
    const out = join(dir, 'busy');
    mkdirSync(out);
    writeFileSync(join(out, 'a.txt'), 'mine');
    const io = capture();
    assert.equal(await main(['clean', corpus, '--out', out], io), 2);
    assert.match(io.stderr.join('\n'), /busy is not empty/);
    assert.deepEqual(snapshot(out), { 'a.txt': 'mine' });
  });

  it('clean removes temporary files an interrupted run left, and its report says complete only at the end', async () => {
    const out = join(dir, 'clean');
    mkdirSync(out);
    writeFileSync(join(out, 'clean-report.json'), JSON.stringify({ status: 'incomplete' }));
    writeFileSync(join(out, '.a.txt.999999.deadbeef.tmp'), 'half');
    const io = capture();
    assert.equal(await main(['clean', corpus, '--out', out], io), 0);
    assert.deepEqual(readdirSync(out).sort(), ['a.ann', 'a.txt', 'clean-report.json']);
    assert.equal(JSON.parse(readFileSync(join(out, 'clean-report.json'), 'utf8')).status, 'complete');
    assert.match(io.stderr.join('\n'), /removed 1 temporary file/);
  });
});
