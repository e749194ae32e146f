import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBrat, reanchorAnnotations, serializeBrat, textBounds } from '../../../src/core/annotations';
import { loadAnnotatedArticle, saveAnnotations } from '../../../src/node/annotationFiles';

describe('brat offsets: whitespace, BOM, fragments next to non-BMP characters', () => {
  it('a text field with trailing whitespace is in sync (as brat accepts it): not stretched, not reported', () => {
    const text = 'Ada met Bo.';
    const ann = 'T1\tPER 0 3\tAda \n';
    const doc = parseBrat(ann, text);
    const out = reanchorAnnotations(text, textBounds(doc), []);
    assert.deepEqual(out.map((o) => o.status), ['ok']);
    assert.deepEqual(textBounds(doc)[0].fragments, [{ start: 0, end: 3 }]);
    assert.equal(serializeBrat(doc, text), ann);
  });

  it('a .txt with a BOM: offset 0 of the editor is 1 in the .ann and stays so over a load and a save', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bom-'));
    try {
      writeFileSync(join(dir, 'a.txt'), '\uFEFFAda met Bo.');
      const ann = 'T1\tPER 1 4\tAda\n';
      writeFileSync(join(dir, 'a.ann'), ann);
      const a = loadAnnotatedArticle(join(dir, 'a.txt'));
      assert.deepEqual(a.problems, []);
      assert.deepEqual(textBounds(a.ann)[0].fragments, [{ start: 0, end: 3 }]);
      await saveAnnotations(a.txtPath, a.text, a.ann, undefined, { bom: a.bom });
      assert.equal(readFileSync(join(dir, 'a.ann'), 'utf8'), ann);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a discontinuous annotation is placed only where every fragment covers its text, else flagged', () => {
    // Recorded on "Ada … Bo" with a gap; an edit put a non-BMP character inside the gap, so the
    // layout no longer fits anywhere: it must be flagged, not moved to a wrong place.
    const before = 'Ada x Bo said';
    const ann = `T1\tPER 0 3;6 8\tAda Bo\n`;
    const after = 'Zed Ada 😀x Bo said';
    const doc = parseBrat(ann, before);
    const out = reanchorAnnotations(after, textBounds(doc), []);
    const t = textBounds(doc)[0];
    const covers = t.fragments.map((f) => after.slice(f.start, f.end)).join(' ') === 'Ada Bo';
    assert.ok(out[0].status === 'not-found' ? !!t.damage : covers, `status ${out[0].status}, fragments ${JSON.stringify(t.fragments)}`);
    if (out[0].status === 'reanchored') assert.ok(covers);
  });
});
