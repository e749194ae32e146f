import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync, linkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetCorpusCache } from '../../../src/node/corpusFiles';
import { walkArticles, type WalkOptions, type WalkProblem } from '../../../src/node/fileWalk';
import { readRegularFile } from '../../../src/node/safeRead';
import { mkfifo } from '../helpers/fifo';

describe('fileWalk: the one safe walk of the CLI', () => {
  let base: string;
  let corpus: string;
  let outside: string;
  let problems: WalkProblem[];
  const walk = (paths: string[], opts: Partial<WalkOptions> = {}) => [...walkArticles(paths, { onProblem: (p) => problems.push(p), ...opts })];
  const rels = (paths: string[], opts: Partial<WalkOptions> = {}) => walk(paths, opts).map((a) => a.rel);

  beforeEach(() => {
    resetCorpusCache();
    problems = [];
    base = mkdtempSync(join(tmpdir(), 'walk-test-'));
    corpus = join(base, 'corpus');
    outside = join(base, 'outside');
    mkdirSync(join(corpus, 'b', 'deep'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(corpus, 'newscorpus.yaml'), 'exclude: ["drafts/**"]\n');
    writeFileSync(join(corpus, 'z.txt'), 'z');
    writeFileSync(join(corpus, 'a.txt'), 'a');
    writeFileSync(join(corpus, 'b', 'deep', 'c.txt'), 'c');
    writeFileSync(join(corpus, 'notes.md'), 'not an article');
    writeFileSync(join(outside, 'secret.txt'), 'SECRET');
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('yields the articles in a stable sorted order with paths relative to the root and the corpus', () => {
    const got = walk([corpus]);
    assert.deepEqual(got.map((a) => a.rel), ['a.txt', 'b/deep/c.txt', 'z.txt']);
    assert.deepEqual(got.map((a) => a.relPath), ['a.txt', 'b/deep/c.txt', 'z.txt']);
    assert.equal(got[0].corpus.root, corpus);
    const sub = walk([join(corpus, 'b')]);
    assert.deepEqual(sub.map((a) => [a.rel, a.relPath]), [['deep/c.txt', 'b/deep/c.txt']]);
    assert.deepEqual(problems, []);
  });

  it("gives each article's size and modification time as it found them, a link's those of its target", () => {
    writeFileSync(join(corpus, 'b', 'long.md'), 'a longer article');
    symlinkSync(join(corpus, 'b', 'long.md'), join(corpus, 'link.txt'));
    const got = walk([corpus]);
    assert.deepEqual(got.map((a) => a.rel), ['a.txt', 'b/deep/c.txt', 'link.txt', 'z.txt']);
    for (const a of got) {
      const st = statSync(a.path);
      assert.deepEqual([a.size, a.mtimeMs], [st.size, st.mtimeMs], a.rel);
    }
    assert.equal(got.find((a) => a.rel === 'link.txt')!.size, 16);
    assert.deepEqual(walk([join(corpus, 'z.txt')]).map((a) => a.size), [1], 'a named file too');
  });

  it('honours the corpus include/exclude globs for files found in folders, not for named files', () => {
    mkdirSync(join(corpus, 'drafts'));
    writeFileSync(join(corpus, 'drafts', 'd.txt'), 'draft');
    assert.deepEqual(rels([corpus]), ['a.txt', 'b/deep/c.txt', 'z.txt']);
    assert.deepEqual(rels([join(corpus, 'drafts', 'd.txt')]), ['d.txt']);
    assert.deepEqual(rels([corpus], { globs: false }), ['a.txt', 'b/deep/c.txt', 'drafts/d.txt', 'z.txt']);
  });

  it('skips a symlink to a file or folder outside the corpus, with a message', () => {
    symlinkSync(join(outside, 'secret.txt'), join(corpus, 'leak.txt'));
    symlinkSync(outside, join(corpus, 'leakdir'));
    assert.deepEqual(rels([corpus]), ['a.txt', 'b/deep/c.txt', 'z.txt']);
    assert.equal(problems.length, 2);
    for (const p of problems) assert.match(p.message, /outside .*corpus; skipped/);
    assert.deepEqual(problems.map((p) => p.path).sort(), [join(corpus, 'leak.txt'), join(corpus, 'leakdir')]);
  });

  it('keeps the boundary at the corpus root when a subfolder is walked (a link to a sibling folder is inside)', () => {
    symlinkSync(join(corpus, 'b'), join(corpus, 'b', 'deep', 'up'));
    mkdirSync(join(corpus, 'e'));
    symlinkSync(join(corpus, 'z.txt'), join(corpus, 'e', 'zlink.txt'));
    assert.deepEqual(rels([join(corpus, 'e')]), ['zlink.txt']);
    assert.deepEqual(problems, []);
  });

  it('walks a symlink loop once and two loops without hanging, each article once', () => {
    symlinkSync(corpus, join(corpus, 'b', 'loop'));
    symlinkSync(join(corpus, 'b'), join(corpus, 'b', 'deep', 'loop2'));
    assert.deepEqual(rels([corpus]), ['a.txt', 'b/deep/c.txt', 'z.txt']);
    assert.equal(problems.length, 2);
    for (const p of problems) assert.match(p.message, /already walked/);
  });

  it('takes a file reached twice (a link, a hard link, a path named twice) once, with a message for the link', () => {
    symlinkSync(join(corpus, 'a.txt'), join(corpus, 'b', 'alias.txt'));
    linkSync(join(corpus, 'z.txt'), join(corpus, 'b', 'hard.txt'));
    const got = walk([corpus, join(corpus, 'a.txt')]);
    // Sorted order decides which name is kept: a.txt before b/alias.txt, b/hard.txt before z.txt.
    assert.deepEqual(got.map((a) => a.rel), ['a.txt', 'b/deep/c.txt', 'b/hard.txt']);
    assert.deepEqual(problems.map((p) => p.path), [join(corpus, 'b', 'alias.txt'), join(corpus, 'z.txt')]);
    assert.ok(problems.some((p) => p.path === join(corpus, 'b', 'alias.txt') && /same file as/.test(p.message)));
  });

  it('reports a dangling symlink and never opens a FIFO inside a folder', function () {
    symlinkSync(join(corpus, 'gone.txt'), join(corpus, 'dangling.txt'));
    if (!mkfifo(join(corpus, 'pipe.txt'))) this.skip(); // mkfifo is part of coreutils; absent only on odd systems
    assert.deepEqual(rels([corpus]), ['a.txt', 'b/deep/c.txt', 'z.txt']);
    const byPath = new Map(problems.map((p) => [p.path, p.message]));
    assert.match(byPath.get(join(corpus, 'dangling.txt')) ?? '', /link to a missing file/);
    assert.match(byPath.get(join(corpus, 'pipe.txt')) ?? '', /FIFO/);
  });

  it('refuses a FIFO, a dangling link or a missing path named directly, with a clear error and without blocking', function () {
    assert.throws(() => walk([join(corpus, 'nope.txt')]), /nope\.txt: no such file or folder/);
    symlinkSync(join(corpus, 'gone.txt'), join(corpus, 'dangling.txt'));
    assert.throws(() => walk([join(corpus, 'dangling.txt')]), /dangling\.txt: symbolic link to a missing file/);
    if (!mkfifo(join(base, 'fifo'))) this.skip();
    assert.throws(() => walk([join(base, 'fifo')]), /fifo: is a FIFO \(named pipe\)/);
    // Nothing is yielded before a bad named path is reported.
    assert.throws(() => walk([corpus, join(base, 'fifo')]), /FIFO/);
    const r = readRegularFile(join(base, 'fifo'), 1024);
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /FIFO/);
  });

  it('reports a folder that cannot be read', function () {
    // As root, chmod 000 does not stop reading; the walk's readdir seam stands in for EACCES then.
    const denied = join(corpus, 'b');
    const readdir = (d: string) => {
      if (d === denied) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      return require('node:fs').readdirSync(d) as string[];
    };
    assert.deepEqual(rels([corpus], { readdir }), ['a.txt', 'z.txt']);
    assert.deepEqual(problems, [{ path: denied, message: 'folder cannot be read (EACCES); its articles are left out' }]);
  });

  it('reports a folder made unreadable with chmod (when not running as root)', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads any folder; covered by the seam test above
    const { chmodSync } = require('node:fs') as typeof import('node:fs');
    chmodSync(join(corpus, 'b'), 0o000);
    try {
      assert.deepEqual(rels([corpus]), ['a.txt', 'z.txt']);
      assert.match(problems[0]?.message ?? '', /EACCES/);
    } finally {
      chmodSync(join(corpus, 'b'), 0o755);
    }
  });

  it('reports an .ann without its .txt', () => {
    writeFileSync(join(corpus, 'orphan.ann'), 'T1\tPER 0 1\tx\n');
    writeFileSync(join(corpus, 'a.ann'), '');
    assert.deepEqual(rels([corpus]), ['a.txt', 'b/deep/c.txt', 'z.txt']);
    assert.deepEqual(problems, [{ path: join(corpus, 'orphan.ann'), message: 'annotations without their article (orphan.txt is missing); ignored' }]);
  });

  it('stops at the depth limit with a message', () => {
    assert.deepEqual(rels([corpus], { maxDepth: 1 }), ['a.txt', 'z.txt']);
    assert.deepEqual(problems, [{ path: join(corpus, 'b', 'deep'), message: 'nested deeper than 1 folders; not walked' }]);
  });

  it('streams: the first article comes before the rest of the tree is read', () => {
    let reads = 0;
    const readdir = (d: string) => {
      reads++;
      return require('node:fs').readdirSync(d) as string[];
    };
    const it = walkArticles([corpus], { onProblem: () => undefined, readdir });
    assert.equal(it.next().value?.rel, 'a.txt');
    assert.equal(reads, 1);
  });
});
