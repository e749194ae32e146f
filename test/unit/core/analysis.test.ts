// The analysis entry point and the CLI on the project's own fixtures, with the shipped engines.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeArticle } from '../../../src/core/analysis/analyzeArticle';
import { TemplateIndex } from '../../../src/core/boilerplate';
import { lineKey } from '../../../src/core/boilerplate/templates';
import { parseCorpusConfig } from '../../../src/core/config/parseConfig';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';
import { main } from '../../../src/cli/main';
import { nodeEngines } from '../../../src/node/engines';

const FIX = path.join(__dirname, '..', '..', 'fixtures', 'workspace');
const read = (...p: string[]) => fs.readFileSync(path.join(FIX, ...p), 'utf8');
const corpusConfig = () => parseCorpusConfig(read('corpus', 'newscorpus.yaml')).config;

function runCli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  return main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({ code, out, err }));
}

describe('analyzeArticle', () => {
  const engines = nodeEngines().engines;

  it('uses the trained tagger shipped in models/', () => {
    assert.strictEqual(engines.entities.name, 'perceptron');
    assert.strictEqual(nodeEngines().fallbackReason, undefined);
  });

  it('analyses an article: headline, actors with roles and aliases, dates against the mapped date, boilerplate', () => {
    const a = analyzeArticle(read('corpus', 'site-b', 'border-patrols.txt'), { config: corpusConfig(), engines, relPath: 'site-b/border-patrols.txt' });
    assert.strictEqual(a.headline?.text, 'Mali and Burkina Faso pledge joint patrols along shared border');
    assert.deepStrictEqual(a.articleDate, { value: '2025-09-20', source: 'newscorpus.yaml dates map' });
    const goita = a.actors.find((x) => x.name === 'Assimi Goïta');
    assert.ok(goita, a.actors.map((x) => x.name).join(', '));
    assert.deepStrictEqual(goita.roles, ['interim Malian President']);
    assert.deepStrictEqual(goita.aliases, ['Goita']);
    const mali = a.actors.find((x) => x.name === 'Mali')!;
    assert.deepStrictEqual(mali.demonyms, ['Malian']);
    assert.deepStrictEqual(a.boilerplate.map((b) => [b.line, b.category]), [[4, 'duplicate'], [6, 'read-more']]);
    // Names are looked for in article text only: none on the flagged lines (the repeated sentence, the teaser).
    for (const b of a.boilerplate) {
      const line = a.lines[b.line];
      assert.deepStrictEqual(a.entities.filter((e) => e.start < line.end && e.end > line.start), [], `line ${b.line}`);
    }
    assert.ok(!a.actors.some((x) => x.name === 'Niger'), 'a place named only in the "Read more" line is no actor of the article');
    const since = a.dates.find((d) => d.text === '2012');
    assert.deepStrictEqual([since?.type, since?.value], ['DATE', '2012']);
  });

  it('looks for names on a flagged line once the user keeps it as article text', () => {
    const text = read('corpus', 'site-b', 'border-patrols.txt');
    const teaser = text.split('\n')[6];
    const config = corpusConfig();
    const kept = { ...config, boilerplate: { ...config.boilerplate, keep: [lineKey(teaser)] } };
    const a = analyzeArticle(text, { config: kept, engines, relPath: 'site-b/border-patrols.txt' });
    assert.deepStrictEqual(a.boilerplate.map((b) => [b.line, b.category]), [[4, 'duplicate']]);
    const niger = a.entities.find((e) => e.text === 'Niger');
    assert.deepStrictEqual(niger && [niger.kind, niger.start], ['place', text.indexOf('Niger')]);
    assert.ok(a.actors.some((x) => x.name === 'Niger'), a.actors.map((x) => x.name).join(', '));
  });

  it('honours the corpus config: entity kinds shown, boilerplate off', () => {
    const config = { ...corpusConfig(), entities: { kinds: ['person' as const] }, boilerplate: { ...DEFAULT_CONFIG.boilerplate, enabled: false } };
    const a = analyzeArticle(read('corpus', 'site-b', 'border-patrols.txt'), { config, engines });
    assert.ok(a.entities.length > 0 && a.entities.every((e) => e.kind === 'person'));
    assert.deepStrictEqual(a.boilerplate, []);
  });

  it('never calls an article\'s headline a template line, though teasers elsewhere repeat it', () => {
    const headline = 'Bamako: fuel convoys resume under army escort after blockade';
    const topics = ['fuel prices in Bamako', 'the harvest near Mopti', 'schools reopening in Gao', 'a new bridge at Kayes', 'rains flooding Niamey'];
    const body = (n: number) => `Officials spoke at length about ${topics[n - 1]}, and residents told reporters what they had seen this week.`;
    const corpus = new TemplateIndex();
    const docs: Record<string, string> = {
      'a.txt': [headline, body(1), body(2)].join('\n'),
      'b.txt': ['Other news today', body(3), 'Related posts', headline, 'Trucks carrying fuel reached the capital...'].join('\n'),
      'c.txt': ['More news today', body(4), 'Related posts', headline, 'Trucks carrying fuel reached the capital...'].join('\n'),
      'd.txt': ['Yet more news', body(5), 'Related posts', headline, 'Trucks carrying fuel reached the capital...'].join('\n'),
    };
    for (const [id, t] of Object.entries(docs)) corpus.update(id, t);
    const own = analyzeArticle(docs['a.txt'], { config: DEFAULT_CONFIG, engines, relPath: 'a.txt', corpus });
    assert.deepStrictEqual(own.boilerplate, []);
    const teaser = analyzeArticle(docs['b.txt'], { config: DEFAULT_CONFIG, engines, relPath: 'b.txt', corpus });
    assert.ok(teaser.boilerplate.some((b) => b.line === 3), 'the teaser copy elsewhere is still flagged');
  });

  it('keeps going when one engine fails, and says which', () => {
    const broken = { ...engines, dates: { name: 'broken', recognize: () => { throw new Error('boom'); } } };
    const a = analyzeArticle(read('corpus', 'site-b', 'goita-moscow.txt'), { config: corpusConfig(), engines: broken });
    assert.deepStrictEqual(a.dates, []);
    assert.ok(a.entities.length > 0, 'entities still found');
    assert.deepStrictEqual(a.problems.map((p) => [p.kind, p.message]), [['engine-error', 'The dates engine failed on this article (boom); its results are missing.']]);
  });

  it('never throws on bad input, and says what it skipped', () => {
    for (const t of ['', '\n\n', '\u0000\u0001binary', '\uFEFF\r\n\r\n', 'x'.repeat(50), '\uD83D\uDE00 Ünïcödé\u0301 \uD800']) {
      const a = analyzeArticle(t, { config: DEFAULT_CONFIG, engines });
      assert.ok(Array.isArray(a.entities));
    }
    assert.strictEqual(analyzeArticle('\u0000abc', { config: DEFAULT_CONFIG, engines }).problems[0].kind, 'binary');
    const big = analyzeArticle('Headline\n' + 'Officials in Bamako met on Monday.\n'.repeat(2000), { config: DEFAULT_CONFIG, engines, limits: { maxChars: 10_000 } });
    assert.strictEqual(big.problems[0].kind, 'too-large');
    assert.ok(big.text.length <= 10_000);
  });
});

describe('news-annotate', () => {
  it('check prints one JSON object per diagnostic with 1-based positions and exits 1 on boilerplate', async () => {
    const r = await runCli(['check', path.join(FIX, 'corpus', 'site-b', 'border-patrols.txt'), '--json']);
    assert.strictEqual(r.code, 1);
    const recs = r.out.map((l) => JSON.parse(l));
    assert.deepStrictEqual(
      recs.map((x) => [x.line, x.column, x.endLine, x.endColumn, x.severity, x.category]),
      [[5, 1, 5, 94, 'information', 'duplicate'], [7, 1, 7, 63, 'warning', 'read-more']],
    );
    assert.ok(recs.every((x) => x.file.endsWith('border-patrols.txt')));
    // The category once, the line, and why: 'Duplicate line ("…"): repeats line 3'.
    assert.match(recs[0].message, /^Duplicate line \(".+"\): repeats line \d+$/);
    assert.match(recs[1].message, /^"Read more" link \(".+"\): (the line is the phrase|starts with|contains) "/);
  });

  it('check --exit-zero exits 0; a clean article exits 0; config errors are reported at their line', async () => {
    assert.strictEqual((await runCli(['check', path.join(FIX, 'corpus', 'site-b', 'border-patrols.txt'), '--exit-zero'])).code, 0);
    assert.strictEqual((await runCli(['check', path.join(FIX, 'corpus', 'site-b', 'goita-moscow.txt')])).code, 0);
    const bad = await runCli(['check', path.join(FIX, 'badconfig'), '--json']);
    const cfg = bad.out.map((l) => JSON.parse(l)).find((x) => x.category === 'config');
    assert.deepStrictEqual([cfg.line, cfg.column, cfg.severity], [5, 12, 'error']);
  });

  it('check reports skipped and badly encoded files instead of failing', async () => {
    const r = await runCli(['check', path.join(FIX, 'corpus', 'inputs'), '--json']);
    const recs = r.out.map((l) => JSON.parse(l));
    assert.ok(recs.some((x) => x.file.endsWith('binary.txt') && /binary/.test(x.message)));
    assert.ok(recs.some((x) => x.file.endsWith('latin1.txt') && /not valid UTF-8/.test(x.message)));
    assert.strictEqual(r.code, 0);
  });

  it('analyze --json prints entities, dates, boilerplate and actors', async () => {
    const r = await runCli(['analyze', path.join(FIX, 'corpus', 'site-b', 'goita-moscow.txt'), '--json']);
    assert.strictEqual(r.code, 0);
    const a = JSON.parse(r.out[0]);
    assert.deepStrictEqual(Object.keys(a).sort(), ['actors', 'articleDate', 'boilerplate', 'dates', 'entities', 'file']);
    const putin = a.actors.find((x: { name: string }) => x.name === 'Vladimir Putin');
    assert.deepStrictEqual(putin, { name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'], roles: ['Russian President'], mentions: 2, kb: null, codes: [] });
    const text = read('corpus', 'site-b', 'goita-moscow.txt');
    for (const e of a.entities) assert.strictEqual(text.slice(e.start, e.end), e.text);
    const wed = a.dates.find((d: { text: string }) => d.text === 'Wednesday');
    assert.deepStrictEqual(wed, { start: wed.start, end: wed.start + 9, text: 'Wednesday', type: 'DATE', value: '2025-06-11' });
  });

  it('finds the nearest newscorpus.yaml above a file, and defaults without one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nca-cli-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'a.txt'),
        [
          'Gao traders reopen market',
          'Traders in Gao reopened the central market on Saturday after a week-long closure ordered by the regional governor, a local official said.',
          'The Gao Weekly desk prepared this report with correspondents in the region.',
          'The governor said security patrols around the market would continue until the end of the month, and that traders would be consulted.',
        ].join('\n') + '\n',
      );
      const before = await runCli(['check', dir, '--json']);
      assert.deepStrictEqual([before.code, before.out], [0, []]);
      fs.writeFileSync(path.join(dir, 'newscorpus.yaml'), 'boilerplate:\n  phrases: ["Gao Weekly desk"]\n');
      const sub = path.join(dir, 'sub');
      fs.mkdirSync(sub);
      fs.copyFileSync(path.join(dir, 'a.txt'), path.join(sub, 'b.txt'));
      const after = await runCli(['check', path.join(sub, 'b.txt'), '--json']);
      assert.deepStrictEqual(after.out.map((l) => JSON.parse(l)).map((x) => [x.line, x.category]), [[3, 'custom']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how to use it', async () => {
    const r = await runCli([]);
    assert.strictEqual(r.code, 2);
    assert.ok(r.out.join('\n').includes('news-annotate check <paths…>'));
    assert.strictEqual((await runCli(['nope'])).code, 2);
  });
});
