// Knowledge bases for the extension host: parsed in a worker (here the in-process pool), the host only
// filling the look-up index from the folded names; answers at once, reloads when a file changes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { foldedNamesOf, packKnowledgeBase, parseKnowledgeBaseText, unpackKnowledgeBase } from '../../../src/core/corpus/kbParse';
import { KnowledgeBase } from '../../../src/core/corpus/knowledgeBase';
import { createInProcessPool } from '../../../src/node/inProcessPool';
import { KnowledgeBaseLoader } from '../../../src/node/knowledgeBase';

const YAML = 'actors:\n  - name: Abdourahamane Tiani\n    kind: person\n    aliases: [Tchiani, "Abdourahamane Tchiani"]\n';
const TABARI = 'MALI_ [MLI]\n+MALIAN_\nBAMAKO_ [MLI]\n';

describe('knowledge bases loaded off the host thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nca-kbl-'));
    fs.writeFileSync(path.join(dir, 'kb.yaml'), YAML);
    fs.writeFileSync(path.join(dir, 'countries.txt'), TABARI);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers undefined at once, then the parsed knowledge base, the same instance until a file changes', async () => {
    const pool = createInProcessPool();
    const loaded: string[] = [];
    const parsed: string[] = [];
    const loader = new KnowledgeBaseLoader(async (text, relFile) => {
      parsed.push(relFile);
      return pool.parseKnowledgeBase({ text, relFile });
    }, (root) => loaded.push(root));
    const files = ['kb.yaml', 'countries.txt', 'missing.yaml'];
    assert.strictEqual(loader.get(dir, files), undefined, 'nothing before the worker answered');
    const kb = await loader.ready(dir, files);
    assert.ok(kb);
    assert.deepStrictEqual(loaded, [dir]);
    assert.deepStrictEqual(kb.lookup('Tchiani').map((e) => e.name), ['Abdourahamane Tiani']);
    assert.deepStrictEqual(kb.lookup('malian').map((e) => e.name), ['Mali']);
    assert.ok(kb.problems.some((p) => p.file === 'missing.yaml' && /not found/.test(p.message)), JSON.stringify(kb.problems));
    assert.strictEqual(loader.get(dir, files), kb, 'unchanged files: the same instance, no reload');
    assert.strictEqual(parsed.length, 2);
    // A changed file: the old knowledge base answers until the new one is loaded.
    fs.writeFileSync(path.join(dir, 'kb.yaml'), YAML.replace('Tchiani', 'Tiani Abdourahamane'));
    fs.utimesSync(path.join(dir, 'kb.yaml'), new Date(), new Date(Date.now() + 5000));
    assert.strictEqual(loader.get(dir, files), kb);
    const kb2 = await loader.ready(dir, files);
    assert.notStrictEqual(kb2, kb);
    assert.deepStrictEqual(kb2!.lookup('Tchiani'), []);
    assert.strictEqual(loaded.length, 2);
  });

  it('indexes from the folded names the worker sends exactly as from the entries', () => {
    const parsed = parseKnowledgeBaseText(TABARI + 'CÔTE_D\'IVOIRE_ [CIV]\n+IVORY_COAST_\n', 'c.txt');
    const own = new KnowledgeBase([{ file: 'c.txt', load: () => parsed }]);
    const sent = new KnowledgeBase([{ file: 'c.txt', load: () => ({ ...parsed, folded: foldedNamesOf(parsed.entries) }) }]);
    for (const name of ['cote d\'ivoire', 'Côte d’Ivoire', 'ivory coast', 'Bamako', 'malian', 'nowhere'])
      assert.deepStrictEqual(sent.lookup(name).map((e) => e.id), own.lookup(name).map((e) => e.id), name);
    assert.ok(own.lookup('ivory coast').length === 1);
  });

  it('packs a parsed knowledge base into JSON chunks and back, and builds its index in steps, the same as at once', () => {
    let text = '';
    for (let i = 0; i < 2500; i++) text += `COUNTRY${i}_ [C${i}]\n+LAND${i}_\n`;
    const parsed = parseKnowledgeBaseText(text, 'big.txt');
    const packed = packKnowledgeBase(parsed, 1000);
    assert.strictEqual(packed.chunks.length, 3);
    const steps = unpackKnowledgeBase(packed);
    let n = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) n++;
    assert.strictEqual(n, 3, 'one step per chunk');
    assert.deepStrictEqual(r.value.entries, parsed.entries);
    assert.deepStrictEqual(r.value.folded, foldedNamesOf(parsed.entries));
    const stepped = new KnowledgeBase([{ file: 'big.txt', load: () => r.value }]);
    const prep = stepped.prepare(500);
    prep.next();
    // A look-up in the middle of the steps finishes the build, without doubling anything.
    assert.deepStrictEqual(stepped.lookup('land1234').map((e) => e.name), ['Country1234']);
    for (let x = prep.next(); !x.done; x = prep.next());
    assert.strictEqual(stepped.entries.length, 2500);
    assert.strictEqual(stepped.lookup('country7').length, 1);
  });
});
