import * as assert from 'assert';
import { buildDossier, buildTimeline, choosePeriod, cutAround, dossierJson, periodOf, type CoActorInput } from '../../../src/core/corpus/dossier';
import type { CorpusActor, CorpusActorArticle } from '../../../src/core/corpus/types';
import { renderDossierMarkdown } from '../../../src/core/present/dossierMarkdown';

/** Mention spans of every occurrence of `name` in `text`. */
function spansOf(text: string, name: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) out.push(i, i + name.length);
  return out;
}

function actorOf(texts: Record<string, string>, dates: Record<string, string | undefined>, name = 'Assimi Goïta', extra: Partial<CorpusActor> = {}): CorpusActor {
  const articles: CorpusActorArticle[] = Object.keys(texts).map((relPath) => ({
    relPath,
    ...(dates[relPath] ? { date: dates[relPath] } : {}),
    title: `Title of ${relPath}`,
    mentions: spansOf(texts[relPath], name),
  }));
  const dated = articles.map((a) => a.date).filter((d): d is string => !!d).sort();
  return {
    id: 'person:assimi goita',
    name,
    kind: 'person',
    aliases: ['Goïta'],
    roles: [],
    articleCount: articles.length,
    mentionCount: articles.reduce((n, a) => n + a.mentions.length / 2, 0),
    ...(dated.length ? { firstDate: dated[0], lastDate: dated[dated.length - 1] } : {}),
    articles,
    codes: [],
    ...extra,
  };
}

describe('dossier model', () => {
  it('lists articles oldest first, undated last, ties by path', () => {
    const texts = { 'c.txt': 'Assimi Goïta spoke.', 'a.txt': 'Assimi Goïta left.', 'u2.txt': 'Assimi Goïta.', 'b.txt': 'Assimi Goïta came.', 'u1.txt': 'Assimi Goïta!' };
    const dates = { 'c.txt': '2021-05-24', 'a.txt': '2021-06-01', 'b.txt': '2021-05-24', 'u1.txt': undefined, 'u2.txt': undefined };
    const d = buildDossier(actorOf(texts, dates), [], (p) => texts[p as keyof typeof texts]);
    assert.deepStrictEqual(d.articles.map((a) => a.file), ['b.txt', 'c.txt', 'a.txt', 'u1.txt', 'u2.txt']);
    assert.strictEqual(d.articles[3].date, undefined);
    assert.strictEqual(d.articles[3].period, undefined);
  });

  it('gives 1-based lines and columns, the surface text and the sentence of each mention', () => {
    const text = 'Mali junta\n\nThe army said so. Colonel Assimi Goïta met the envoys. Then he left.\nGoïta';
    const texts = { 'a.txt': text };
    const actor = actorOf(texts, { 'a.txt': '2021-05-24' });
    actor.articles[0].mentions.push(...spansOf(text, 'Goïta').slice(-2)); // the bare surname on the last line
    const d = buildDossier(actor, [], (p) => texts[p as keyof typeof texts]);
    const ms = d.articles[0].mentions;
    assert.deepStrictEqual(ms.map((m) => [m.line, m.column, m.text, m.snippet]), [
      [3, 27, 'Assimi Goïta', 'Colonel Assimi Goïta met the envoys.'],
      [4, 1, 'Goïta', 'Goïta'],
    ]);
    assert.strictEqual(ms[0].snippet.slice(ms[0].at, ms[0].at + ms[0].text.length), 'Assimi Goïta');
  });

  it('keeps the article but drops spans the text no longer has, and lists an unreadable article without mentions', () => {
    const texts: Record<string, string> = { 'a.txt': 'Assimi Goïta.' };
    const actor = actorOf({ ...texts, 'gone.txt': 'Assimi Goïta.' }, {});
    actor.articles[0].mentions.push(500, 505);
    const d = buildDossier(actor, [], (p) => texts[p]);
    assert.deepStrictEqual(d.articles.map((a) => [a.file, a.mentions.length]), [['a.txt', 1], ['gone.txt', 0]]);
  });

  it('ranks co-actors by shared articles, then name, and keeps their counts and ids', () => {
    const co: CoActorInput[] = [
      { actor: { id: 'org:ecowas', name: 'ECOWAS', kind: 'organization' }, articles: 3 },
      { actor: { id: 'place:mali', name: 'Mali', kind: 'place' }, articles: 7 },
      { actor: { id: 'person:bah ndaw', name: 'Bah Ndaw', kind: 'person' }, articles: 3 },
    ];
    const d = buildDossier(actorOf({}, {}), co, () => undefined, { maxCoActors: 2 });
    assert.deepStrictEqual(d.coActors, [
      { id: 'place:mali', name: 'Mali', kind: 'place', articles: 7 },
      { id: 'person:bah ndaw', name: 'Bah Ndaw', kind: 'person', articles: 3 },
    ]);
    assert.deepStrictEqual(dossierJson(d).coActors, [
      { name: 'Mali', kind: 'place', articles: 7 },
      { name: 'Bah Ndaw', kind: 'person', articles: 3 },
    ]);
  });

  it('prints exactly the CLI json shape', () => {
    const texts = { 'a.txt': 'Assimi Goïta spoke.' };
    const d = dossierJson(buildDossier(actorOf(texts, { 'a.txt': '2021-05-24' }), [], (p) => texts[p as keyof typeof texts], { period: 'month' }));
    assert.deepStrictEqual(Object.keys(d), ['actor', 'articles', 'timeline', 'roles', 'coActors']);
    assert.deepStrictEqual(Object.keys(d.actor), ['name', 'kind', 'aliases', 'codes']);
    assert.deepStrictEqual(d.articles, [{ file: 'a.txt', date: '2021-05-24', title: 'Title of a.txt', mentions: [{ line: 1, column: 1, text: 'Assimi Goïta', snippet: 'Assimi Goïta spoke.' }] }]);
    assert.deepStrictEqual(d.timeline, [{ period: '2021-05', articles: 1, mentions: 1 }]);
  });
});

describe('dossier timeline', () => {
  const art = (date: string | undefined, n = 1) => ({ ...(date ? { date } : {}), mentions: new Array(2 * n).fill(0) });

  it('puts the last day of a month and the first of the next in different buckets, filling the gap', () => {
    const t = buildTimeline([art('2021-01-31', 2), art('2021-02-01'), art('2021-04-30'), art(undefined, 5)], 'month');
    assert.deepStrictEqual(t, [
      { period: '2021-01', articles: 1, mentions: 2 },
      { period: '2021-02', articles: 1, mentions: 1 },
      { period: '2021-03', articles: 0, mentions: 0 },
      { period: '2021-04', articles: 1, mentions: 1 },
    ]);
  });

  it('counts years across New Year and days across a month end', () => {
    assert.deepStrictEqual(buildTimeline([art('2020-12-31'), art('2021-01-01')], 'year').map((b) => b.period), ['2020', '2021']);
    assert.deepStrictEqual(buildTimeline([art('2021-02-27'), art('2021-03-01')], 'day').map((b) => b.period), ['2021-02-27', '2021-02-28', '2021-03-01']);
  });

  it('uses ISO weeks: Sunday closes a week, Monday opens the next, early January can belong to the previous year', () => {
    assert.strictEqual(periodOf('2021-05-23', 'week'), '2021-W20'); // Sunday
    assert.strictEqual(periodOf('2021-05-24', 'week'), '2021-W21'); // Monday
    assert.strictEqual(periodOf('2021-01-03', 'week'), '2020-W53');
    assert.strictEqual(periodOf('2024-12-30', 'week'), '2025-W01');
    assert.deepStrictEqual(buildTimeline([art('2020-12-30'), art('2021-01-12')], 'week').map((b) => b.period), ['2020-W53', '2021-W01', '2021-W02']);
  });

  it('has no buckets when no article is dated', () => {
    assert.deepStrictEqual(buildTimeline([art(undefined)], 'month'), []);
  });

  it('chooses the period from the span of dates', () => {
    assert.strictEqual(choosePeriod('2021-05-01', '2021-05-31'), 'day');
    assert.strictEqual(choosePeriod('2021-05-01', '2021-08-01'), 'week');
    assert.strictEqual(choosePeriod('2019-05-01', '2021-08-01'), 'month');
    assert.strictEqual(choosePeriod('2001-05-01', '2021-08-01'), 'year');
    assert.strictEqual(choosePeriod(undefined, undefined), 'month');
  });
});

describe('dossier snippets', () => {
  it('cuts a long sentence around the mention, never beyond the sentence, with ellipses', () => {
    const filler = 'word '.repeat(100);
    const text = `Before it. ${filler}Assimi Goïta ${filler}end. After it.`;
    const s = text.indexOf('Before it.') + 'Before it. '.length;
    const e = text.indexOf('end.') + 4;
    const ms = text.indexOf('Assimi');
    const { snippet, at } = cutAround(text, s, e, ms, ms + 12, 300);
    assert.ok(snippet.startsWith('…') && snippet.endsWith('…'), snippet);
    assert.ok(!snippet.includes('Before') && !snippet.includes('After'));
    assert.ok(snippet.length <= 302 && snippet.length >= 250, String(snippet.length));
    assert.strictEqual(snippet.slice(at, at + 12), 'Assimi Goïta');
    assert.match(snippet, /^…word /); // cut at a space
  });

  it('stops at the sentence start when the mention opens a long sentence', () => {
    const text = 'Short one. Assimi Goïta ' + 'said '.repeat(100) + 'that.';
    const ms = text.indexOf('Assimi');
    const { snippet, at } = cutAround(text, ms, text.length, ms, ms + 12, 100);
    assert.strictEqual(at, 0);
    assert.ok(snippet.startsWith('Assimi Goïta said') && snippet.endsWith('…'));
  });

  it('keeps surrogate pairs whole at both cuts', () => {
    const emoji = '😀'; // two UTF-16 units
    const text = emoji.repeat(200) + 'Goïta' + emoji.repeat(200);
    const ms = 400;
    for (const chars of [50, 51, 52, 53]) {
      const { snippet, at } = cutAround(text, 0, text.length, ms, ms + 5, chars);
      assert.strictEqual(snippet.slice(at, at + 5), 'Goïta');
      const body = snippet.slice(1, -1);
      assert.ok(!/^[\udc00-\udfff]/.test(body) && !/[\ud800-\udbff]$/.test(body), `chars ${chars}: ${JSON.stringify(body.slice(0, 2))}…${JSON.stringify(body.slice(-2))}`);
      assert.strictEqual(body, [...body].join('')); // well-formed
      assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(snippet));
    }
  });

  it('takes the mention sentence from the article through the model', () => {
    const long = 'Assimi Goïta, ' + 'who ruled, '.repeat(60) + 'spoke.';
    const texts = { 'a.txt': `First sentence here. ${long} Last sentence here.` };
    const d = buildDossier(actorOf(texts, {}), [], (p) => texts[p as keyof typeof texts]);
    const m = d.articles[0].mentions[0];
    assert.ok(m.snippet.startsWith('Assimi Goïta, who ruled'), m.snippet);
    assert.ok(!m.snippet.includes('First sentence') && !m.snippet.includes('Last sentence'));
  });
});

describe('dossier markdown', () => {
  it('renders hostile article text as text: HTML, script, links and markdown are escaped', () => {
    const hostile = 'Assimi Goïta <script>alert(1)</script> said [click](http://evil) **now** | cell.';
    const texts = { 'a.txt': hostile };
    const actor = actorOf(texts, { 'a.txt': '2021-05-24' }, 'Assimi Goïta', { aliases: ['<img src=x onerror=alert(1)>'] });
    actor.articles[0].title = '# Heading <b>bold</b>';
    const md = renderDossierMarkdown(buildDossier(actor, [], (p) => texts[p as keyof typeof texts]));
    assert.ok(!/(?<!\\)[<>]/.test(md), md); // every angle bracket escaped
    assert.ok(!md.includes('[click](http'), md);
    assert.ok(md.includes('\\<script\\>alert\\(1\\)\\</script\\>'), md);
    assert.ok(md.includes('**Assimi Goïta**'));
    assert.ok(md.includes('### 2021\\-05\\-24: \\# Heading') || md.includes('### 2021-05-24: \\# Heading'), md);
    assert.ok(md.includes('## Timeline (per day)') && md.includes('| 2021-05-24 | 1 | 1 |'), md);
  });
});
