import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import type { Dossier } from '../../../src/core/corpus/dossier';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

// Invented articles; dates from the corpus's date map so the order does not depend on the text.
const ARTICLES: Record<string, string> = {
  'wire/late.txt': 'Junta leader meets envoys\n\nColonel Assimi Goïta met the ECOWAS envoys in Bamako on Tuesday. The talks lasted an hour.\n',
  'wire/early.txt': 'Transition charter signed\n\nThe army said so. Assimi Goïta signed the charter in Bamako. Goïta then left for Kati.\n',
  'site/undated.txt': 'Portrait of a colonel\n\nAssimi Goïta <script>alert(1)</script> said [click](http://x) **now**.\n',
  'site/other.txt': 'Harvest news\n\nFarmers in Ségou expect a good harvest, the Ministry of Agriculture said.\n',
};
const CONFIG = ['articleDate:', '  from: text', '  map:', '    wire/late.txt: "2021-06-02"', '    wire/early.txt: "2021-05-24"', ''].join('\n');

describe('CLI dossier', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
    writeFileSync(join(dir, 'newscorpus.yaml'), CONFIG);
    for (const [p, text] of Object.entries(ARTICLES)) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON dossier: articles in date order (undated last), mentions with line, column and sentence, monthly timeline', async () => {
    const io = capture();
    assert.equal(await main(['dossier', dir, '--actor', 'ASSIMI GOITA'], io), 0, io.stderr.join('\n'));
    const d = JSON.parse(io.stdout.join('\n')) as Dossier;
    assert.equal(d.actor.name, 'Assimi Goïta');
    assert.equal(d.actor.kind, 'person');
    assert.deepEqual(d.articles.map((a) => [a.file, a.date]), [['wire/early.txt', '2021-05-24'], ['wire/late.txt', '2021-06-02'], ['site/undated.txt', undefined]]);
    const early = d.articles[0];
    assert.equal(early.title, 'Transition charter signed');
    assert.deepEqual(early.mentions[0], { line: 3, column: 19, text: 'Assimi Goïta', snippet: 'Assimi Goïta signed the charter in Bamako.' });
    assert.deepEqual(early.mentions[1], { line: 3, column: 62, text: 'Goïta', snippet: 'Goïta then left for Kati.' });
    assert.deepEqual(d.timeline, [
      { period: '2021-05', articles: 1, mentions: 2 },
      { period: '2021-06', articles: 1, mentions: 1 },
    ]);
    assert.ok(!d.articles.some((a) => a.file === 'site/other.txt'));
  });

  it('takes --period and writes --out atomically', async () => {
    const io = capture();
    const out = join(dir, 'out', 'goita.json');
    mkdirSync(join(dir, 'out'));
    assert.equal(await main(['dossier', dir, '--actor', 'Goïta', '--period', 'week', '--out', out], io), 0, io.stderr.join('\n'));
    assert.deepEqual(io.stdout, []);
    const d = JSON.parse(readFileSync(out, 'utf8')) as Dossier;
    assert.deepEqual(d.timeline.map((b) => b.period), ['2021-W21', '2021-W22']);
  });

  it('prints a readable Markdown dossier with the article text escaped', async () => {
    const io = capture();
    assert.equal(await main(['dossier', dir, '--actor', 'assimi goïta', '--format', 'md'], io), 0, io.stderr.join('\n'));
    const md = io.stdout.join('\n');
    assert.ok(md.startsWith('# Assimi Goïta\n'), md);
    assert.ok(md.includes('| 2021-05 | 1 | 2 |'), md);
    assert.ok(md.includes('### 2021-05-24: Transition charter signed'), md);
    assert.ok(md.includes('**Assimi Goïta** \\<script\\>alert\\(1\\)\\</script\\> said \\[click\\]\\(http\\://x\\) \\*\\*now\\*\\*'), md);
    assert.ok(!/(?<!\\)<script>/.test(md));
  });

  it('exits 2 for an unknown name with the closest names', async () => {
    const io = capture();
    assert.equal(await main(['dossier', dir, '--actor', 'Assimi Goitaa'], io), 2);
    assert.deepEqual(io.stdout, []);
    assert.match(io.stderr.join('\n'), /no actor named "Assimi Goitaa" in .* \(closest: Assimi Goïta\b/);
  });

  it('exits 2 with the usage for a bad format or period', async () => {
    for (const extra of [['--format', 'xml'], ['--period', 'decade']]) {
      const io = capture();
      assert.equal(await main(['dossier', dir, '--actor', 'Goïta', ...extra], io), 2);
      assert.match(io.stderr.join('\n'), /usage: news-annotate dossier/);
    }
  });
});
