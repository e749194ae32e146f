import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from '../../../src/node/atomicWrite';
import { loadAnnotatedArticle, saveAnnotations } from '../../../src/node/annotationFiles';
import { walkArticles } from '../../../src/node/fileWalk';
import { addTextBound } from '../../../src/core/annotations';

describe('annotation files on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ann-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes atomically, leaving no temporary file', async () => {
    const p = join(dir, 'a.ann');
    writeFileSync(p, 'old');
    await writeFileAtomic(p, 'new ✓');
    assert.equal(readFileSync(p, 'utf8'), 'new ✓');
    writeFileAtomicSync(p, 'sync');
    assert.equal(readFileSync(p, 'utf8'), 'sync');
    assert.deepEqual(readdirSync(dir), ['a.ann']);
    await assert.rejects(writeFileAtomic(join(dir, 'missing', 'x.ann'), 'x'));
  });

  it('loads, re-anchors and saves an article with its .ann and rejections', async () => {
    const txt = join(dir, 'a.txt');
    writeFileSync(txt, 'Breaking: Ada Moreau in Porto\n');
    writeFileSync(join(dir, 'a.ann'), 'T1\tPER 0 10\tAda Moreau\nT2\tLOC 24 29\tPorto\nbad line\n');
    writeFileSync(join(dir, 'a.rejected.json'), '{"version":1,"rejected":[{"start":0,"end":8,"label":"ORG","text":"Breaking"}]}');
    const a = loadAnnotatedArticle(txt);
    assert.equal(a.problems.length, 2, a.problems.join('\n'));
    assert.match(a.problems[0], /a\.ann:3: /);
    assert.match(a.problems[1], /T1 re-anchored: it started at 0, now covers 10-20/);
    addTextBound(a.ann, a.text, 'MISC', [{ start: 0, end: 8 }]);
    await saveAnnotations(txt, a.text, a.ann, a.rejections);
    assert.equal(readFileSync(join(dir, 'a.ann'), 'utf8'), 'T1\tPER 10 20\tAda Moreau\nT2\tLOC 24 29\tPorto\nbad line\nT3\tMISC 0 8\tBreaking\n');
    assert.match(readFileSync(join(dir, 'a.rejected.json'), 'utf8'), /"label": "ORG"/);
  });

  it('lists .txt files under folders, skipping hidden ones', () => {
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'sub', 'b.txt'), 'b');
    writeFileSync(join(dir, 'a.txt'), 'a');
    writeFileSync(join(dir, 'a.ann'), '');
    writeFileSync(join(dir, '.git', 'c.txt'), 'c');
    const list = (paths: string[]) => [...walkArticles(paths, { onProblem: () => undefined })];
    assert.deepEqual(list([dir]).map((f) => f.path), [join(dir, 'a.txt'), join(dir, 'sub', 'b.txt')]);
    assert.throws(() => list([join(dir, 'nope')]), /no such file/);
  });
});
