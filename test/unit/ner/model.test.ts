import { strict as assert } from 'node:assert';
import { deserializeModel, newModel, serializeModel, weightAt } from '../../../src/core/ner/model';
import { buildLexicon, seededRandom } from '../../../src/core/ner/train';
import { tagSentences } from '../../../src/core/ner/tagger';
import { createNerEngine } from '../../../src/core/ner/engine';
import { FEATURES_VERSION } from '../../../src/core/ner/features';
import { defaultNerModelPaths, loadNerModel } from '../../../src/node/nerModel';

function smallModel(stages: number) {
  const lex = buildLexicon([
    { tokens: ['Burkina', 'Faso'], source: 4 },
    { tokens: ['Malian'], source: 5 },
    { tokens: ['Assimi', 'Goïta'], source: 0 },
  ]);
  const m = newModel('BIO', 10, lex, stages);
  const rand = seededRandom(7);
  for (const st of m.stages) {
    for (let i = 0; i < st.weights.length; i += 3) st.weights[i] = (rand() - 0.5) * 20;
    for (let i = 0; i < st.trans.length; i++) st.trans[i] = (rand() - 0.5) * 4;
  }
  m.info = { note: 'test' };
  return m;
}

describe('ner model serialisation', () => {
  it('round-trips weights (16-bit), transitions, lexicon and info', () => {
    const m = smallModel(2);
    const bytes = serializeModel(m);
    const back = deserializeModel(bytes);
    assert.equal(back.scheme, 'BIO');
    assert.equal(back.bits, 10);
    assert.equal(back.stages.length, 2);
    assert.deepEqual(back.info, { note: 'test' });
    const scale = 10 / 32767;
    for (let s = 0; s < 2; s++) {
      assert.deepEqual(Array.from(back.stages[s].trans), Array.from(m.stages[s].trans));
      for (let r = 0; r < 1 << 10; r++)
        for (let t = 0; t < 9; t++)
          assert.ok(Math.abs(weightAt(back, s, r, t) - m.stages[s].weights[r * 9 + t]) <= scale, `weight ${r}/${t}`);
    }
    assert.deepEqual([...back.lexicon.gazetteer.map.entries()].sort(), [...m.lexicon.gazetteer.map.entries()].sort());
    assert.deepEqual([...back.lexicon.tokenTypes.entries()].sort(), [...m.lexicon.tokenTypes.entries()].sort());
    // Serialising the loaded (compact) model again gives the same bytes.
    assert.deepEqual(serializeModel(back), bytes);
    // The decoded model tags exactly as the original.
    const sents = [['General', 'Assimi', 'Goïta', 'visited', 'Burkina', 'Faso', '.'], ['The', 'Malian', 'army']];
    assert.deepEqual(tagSentences(back, sents).tags, tagSentences(m, sents).tags);
  });

  it('stores no text: the bytes do not contain the lexicon words', () => {
    const bytes = serializeModel(smallModel(1));
    const s = Buffer.from(bytes).toString('latin1');
    for (const w of ['Burkina', 'burkina', 'Malian', 'malian', 'Assimi', 'assimi']) assert.ok(!s.includes(w), w);
  });

  it('refuses a model trained with other feature templates', () => {
    const m = smallModel(1);
    assert.throws(() => createNerEngine(m), /feature version/);
    m.info.features = FEATURES_VERSION;
    assert.equal(createNerEngine(m).recognize('', []).length, 0);
  });

  it('rejects bytes that are not a model, and truncated files', () => {
    assert.throws(() => deserializeModel(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])), /not a NER model/);
    const bytes = serializeModel(smallModel(1));
    assert.throws(() => deserializeModel(bytes.slice(0, bytes.length - 100)), /truncated|inconsistent/);
  });
});

describe('loadNerModel', () => {
  it('loads the shipped model once and returns the cached object', () => {
    const a = loadNerModel();
    assert.equal(loadNerModel(), a);
    assert.equal(a.info.features, FEATURES_VERSION);
    assert.ok(defaultNerModelPaths().some((p) => p.endsWith('models/ner.bin') || p.endsWith('models\\ner.bin')));
  });

  it('names the path when a model file is missing or not a model', () => {
    assert.throws(() => loadNerModel('/nonexistent/dir/ner.bin'), /NER model not found \(tried \/nonexistent\/dir\/ner\.bin\)/);
    assert.throws(() => loadNerModel(__filename), /could not be read: not a NER model/);
  });
});
