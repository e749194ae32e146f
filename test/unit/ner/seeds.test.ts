// The two real seed articles (../shared/seeds, not part of the project): every person,
// organisation and place in them must be found with its kind.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createNerEngine } from '../../../src/core/ner/engine';
import type { EntityKind, EntityMention } from '../../../src/core/types';
import { loadNerModel } from '../../../src/node/nerModel';

const SEEDS = process.env.NEWS_CORPUS_SHARED
  ? resolve(process.env.NEWS_CORPUS_SHARED, 'seeds')
  : resolve(__dirname, '..', '..', '..', '..', 'shared', 'seeds');

type Expect = [names: string[], kind: EntityKind | EntityKind[]];
const EXPECTED: Record<string, Expect[]> = {
  '000_': [
    [['Russia', 'Mali', 'Sahel', 'France', 'Burkina Faso'], 'place'],
    [['Vladimir Putin', 'Assimi Goita', 'Paul-Henri Sandaogo Damiba'], 'person'],
    [['Kremlin', 'AFP', 'Islamic State', 'Al-Qaeda', 'ISIS'], 'organization'],
    [['Malian', 'Russian', 'Russian-Malian'], 'other'],
  ],
  '004_': [
    [['Mali', 'Russia', 'Moscow'], 'place'],
    [['Assimi Goïta', 'Sadio Camara', 'Alou Boï Diarra', 'Titi KEITA'], 'person'],
    [['Bamako International Defense and Security Exhibition', 'BAMEX'], ['organization', 'other']],
    [['Malian', 'Russian'], 'other'],
  ],
};

describe('ner engine on the seed articles', function () {
  let files: string[] = [];
  before(function () {
    if (!existsSync(SEEDS)) {
      console.log(`    (skipped: seed articles not found at ${SEEDS}; they live outside the project in ../shared/seeds)`);
      this.skip();
    }
    files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  });

  for (const prefix of Object.keys(EXPECTED)) {
    it(`finds every actor of seed ${prefix}* with its kind`, function () {
      const file = files.find((f) => f.startsWith(prefix));
      if (!file) this.skip();
      const text = readFileSync(join(SEEDS, file!), 'utf8');
      const ents = createNerEngine(loadNerModel()).recognize(text, [{ start: 0, end: text.length }]);
      const got = (name: string) => ents.filter((e: EntityMention) => e.text === name);
      for (const [names, kind] of EXPECTED[prefix]) {
        const kinds = Array.isArray(kind) ? kind : [kind];
        for (const name of names) {
          const hits = got(name);
          assert.ok(hits.length > 0, `${file}: "${name}" not found; got ${ents.map((e) => `${e.kind}:${e.text}`).join(', ')}`);
          assert.ok(hits.some((h) => kinds.includes(h.kind)), `${file}: "${name}" is ${hits.map((h) => h.kind).join('/')}, expected ${kinds.join(' or ')}`);
        }
      }
      // Koulouba Palace (or Koulouba) is a place; titles never start a person span.
      if (prefix === '004_') assert.ok(ents.some((e) => /^Koulouba( Palace)?$/.test(e.text) && e.kind === 'place'));
      for (const e of ents.filter((x) => x.kind === 'person'))
        assert.doesNotMatch(e.text, /^(General|Colonel|Lieutenant|President|Minister|Defense|His|Excellency)\b/, e.text);
    });
  }
});
