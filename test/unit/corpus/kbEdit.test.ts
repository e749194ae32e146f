import * as assert from 'assert';
import { addKbAliases, addKbEntry, removeKbAlias, setKbWikidata } from '../../../src/core/corpus/kbEdit';
import { readYamlKnowledgeBase } from '../../../src/core/corpus/kbYaml';

const SOURCE = `# Our actors (keep this comment)
actors:
  - name: Assimi Goïta   # the president
    kind: person
    aliases: [Goita]
    notes: keep me
`;

const text = (r: { text: string } | { error: string }) => {
  assert.ok('text' in r, 'error' in r ? r.error : '');
  return (r as { text: string }).text;
};

describe('knowledge-base edits', () => {
  it('adds an entry keeping comments and the other entries', () => {
    const out = text(addKbEntry(SOURCE, { name: 'Ibrahim Traoré', kind: 'person', aliases: ['Traore', 'Ibrahim Traoré'] }));
    assert.strictEqual(
      out,
      SOURCE + '  - name: Ibrahim Traoré\n    kind: person\n    aliases: [Traore]\n',
    );
    assert.deepStrictEqual(readYamlKnowledgeBase(out, 'k.yaml').entries.map((e) => e.name), ['Assimi Goïta', 'Ibrahim Traoré']);
    assert.match((addKbEntry(SOURCE, { name: 'ASSIMI GOITA' }) as { error: string }).error, /already has an entry/);
    assert.strictEqual(text(addKbEntry('', { name: 'Mali', kind: 'place' })), 'actors:\n  - name: Mali\n    kind: place\n');
  });

  it('merges other names in, splits one out and sets the Wikidata id', () => {
    const merged = text(addKbAliases(SOURCE, 'assimi goita', ['Goïta', 'Colonel Goïta', 'Assimi Goita']));
    assert.strictEqual(merged, SOURCE.replace('aliases: [Goita]', 'aliases: [Goita, Colonel Goïta]'));
    const split = text(removeKbAlias(merged, 'Assimi Goïta', 'colonel goïta'));
    assert.strictEqual(split, SOURCE);
    const wd = text(setKbWikidata(SOURCE, 'Assimi Goïta', 'Q106558212'));
    assert.strictEqual(wd, SOURCE + '    wikidata: Q106558212\n');
    assert.match((setKbWikidata(SOURCE, 'Assimi Goïta', 'Goita') as { error: string }).error, /not a Wikidata item id/);
    assert.match((removeKbAlias(SOURCE, 'Assimi Goïta', 'Tiani') as { error: string }).error, /has no other name/);
    assert.match((addKbAliases('actors: [\n', 'x', ['y']) as { error: string }).error, /syntax error/);
  });
});
