// The corpus service (what the corpus worker runs): index runs over a corpus folder, the store reused
// after a forget, an article removed, a run cancelled, and the questions the editor asks (counts,
// lists, actors, co-actors, links of an article's actors, the template table); then the same
// through a real worker thread, which is restarted after a crash.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';
import { createInProcessPool } from '../../../src/node/inProcessPool';
import { CorpusService } from '../../../src/node/corpusService';
import { CorpusWorkerClient } from '../../../src/node/corpusWorkerClient';
import type { CorpusRunRequest, CorpusWorkerToHost } from '../../../src/node/corpusWorkerProtocol';

const ARTICLES: Record<string, string> = {
  'a.txt': 'Mali junta extends transition\n\nBAMAKO, May 3, 2024 - Colonel Assimi Goïta said on Monday that the transition would last longer. Goita met Abdoulaye Maïga in Bamako.\nFollow us on Telegram for more news.\n',
  'b.txt': 'Niger and Togo sign accord\n\nNIAMEY, June 2, 2024 - General Abdourahamane Tiani visited Lomé, where Faure Gnassingbé received him. Assimi Goïta sent a message.\nFollow us on Telegram for more news.\n',
  'sub/c.txt': 'ECOWAS summit in Abuja\n\nABUJA, July 7, 2024 - The Economic Community of West African States (ECOWAS) met in Abuja. Bola Tinubu chaired the summit.\n',
};
const ROOT = 'file:///corpus';

describe('corpus service (the corpus worker)', () => {
  let dir: string;
  let corpus: string;
  let cache: string;
  let events: CorpusWorkerToHost[];
  let service: CorpusService;
  let nextRun = 1;
  const request = (over: Partial<CorpusRunRequest> = {}): CorpusRunRequest => ({
    runId: nextRun++,
    root: ROOT,
    rootPath: corpus,
    cacheDir: cache,
    config: structuredClone(DEFAULT_CONFIG),
    files: Object.keys(ARTICLES)
      .filter((rel) => fs.existsSync(path.join(corpus, rel)))
      .map((rel) => ({ path: path.join(corpus, rel), relPath: rel })),
    maxChars: 300_000,
    full: true,
    ...over,
  });
  const ask = <Q extends Parameters<CorpusService['query']>[3]>(q: Q) => service.query(ROOT, corpus, [], q);
  const newService = () => new CorpusService({ engineKey: async () => 'test-engine', pool: () => createInProcessPool(), emit: (m) => events.push(m) });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nca-corpus-service-'));
    corpus = path.join(dir, 'corpus');
    cache = path.join(dir, 'cache');
    for (const [rel, text] of Object.entries(ARTICLES)) {
      fs.mkdirSync(path.dirname(path.join(corpus, rel)), { recursive: true });
      fs.writeFileSync(path.join(corpus, rel), text);
    }
    events = [];
    service = newService();
  });
  afterEach(async () => {
    await service.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('indexes a corpus, reports progress and changes, and answers about its actors', async () => {
    const report = await service.run(request());
    assert.strictEqual(report.analysed, 3);
    assert.strictEqual(report.articles, 3);
    assert.ok(events.some((e) => e.type === 'progress' && e.done === 3 && e.total === 3), 'progress up to 3 of 3');
    assert.ok(events.some((e) => e.type === 'changed' && e.what === 'index' && e.status.articles === 3 && e.status.ready));
    assert.deepStrictEqual(await ask({ type: 'settled' }), { root: ROOT, articles: 3, ready: true });
    assert.ok(events.some((e) => e.type === 'changed' && e.what === 'actors'), 'the host hears that the corpus actors changed');

    // One identity across two articles and two spellings.
    const [goita] = await ask({ type: 'actors', idOrName: 'Goita' });
    assert.ok(goita, 'found by another of its names');
    assert.strictEqual(goita.name, 'Assimi Goïta');
    assert.deepStrictEqual(goita.articles.map((a) => a.relPath).sort(), ['a.txt', 'b.txt']);
    assert.deepStrictEqual((await ask({ type: 'actors', idOrName: goita.id })).map((a) => a.id), [goita.id], 'found by id');
    assert.deepStrictEqual(await ask({ type: 'actors', idOrName: 'Nobody Here' }), []);
    assert.deepStrictEqual((await ask({ type: 'actors', idOrName: goita.id, now: true })).map((a) => a.articleCount), [2], 'as the model is now');

    // Links of an article's actors by the names the article gives them; null for a name it does not know.
    const links = await ask({ type: 'actorLinks', relPath: 'b.txt', names: ['Assimi Goïta', 'Nobody Here'], withArticles: true });
    assert.deepStrictEqual(links, [{ id: goita.id, kind: 'person', articles: ['a.txt', 'b.txt'] }, null]);
    const bare = await ask({ type: 'actorLinks', relPath: 'b.txt', names: ['Assimi Goïta'], withArticles: false });
    assert.deepStrictEqual(bare, [{ id: goita.id, kind: 'person' }], 'no article list unless asked');

    // Counts and lists, with and without a filter (accents and case ignored); lines carry no articles.
    const counts = await ask({ type: 'counts', needle: '' });
    assert.ok((counts.person ?? 0) >= 4, JSON.stringify(counts));
    const people = await ask({ type: 'list', kind: 'person', needle: '', limit: 2 });
    assert.strictEqual(people.actors.length, 2);
    assert.strictEqual(people.total, counts.person);
    assert.strictEqual(people.actors[0].name, 'Assimi Goïta', 'most articles first');
    assert.ok(!('articles' in people.actors[0]), 'a list line has no articles');
    assert.deepStrictEqual(await ask({ type: 'counts', needle: 'goit' }), { person: 1 });
    const filtered = await ask({ type: 'list', kind: 'person', needle: 'goit', limit: 10 });
    assert.deepStrictEqual(filtered.actors.map((a) => a.name), ['Assimi Goïta']);

    const co = await ask({ type: 'coActors', id: goita.id });
    assert.ok(co.some((c) => c.actor.name === 'Abdoulaye Maïga' && c.articles === 1), JSON.stringify(co));
    const all = await ask({ type: 'all', limit: 3 });
    assert.strictEqual(all.actors.length, 3);
    assert.ok(all.total > 3);

    // The line a.txt and b.txt share is in the template table; an article's own lines are not.
    const table = await ask({ type: 'templateTable' });
    assert.ok(table, 'a table');
    assert.strictEqual(table.articleCount, 3);
    assert.ok(table.hashes.length >= 1 && table.counts.every((n) => n >= 2), 'only lines of 2+ articles');
  });

  it('reads the store back after a forget (nothing analysed again) and removes a deleted article', async () => {
    await service.run(request());
    await service.forget();
    assert.strictEqual(service.statusOf(ROOT), undefined, 'nothing held');
    const again = await service.run(request());
    assert.strictEqual(again.analysed, 0);
    assert.strictEqual(again.reused, 3);
    assert.strictEqual((await ask({ type: 'actors', idOrName: 'Goita' }))[0]?.articleCount, 2);

    fs.rmSync(path.join(corpus, 'b.txt'));
    await service.removeFile(ROOT, 'b.txt');
    assert.strictEqual((await ask({ type: 'settled' })).articles, 2);
    assert.strictEqual((await ask({ type: 'actors', idOrName: 'Goita' }))[0]?.articleCount, 1);
    assert.deepStrictEqual(await ask({ type: 'actorLinks', relPath: 'b.txt', names: ['Faure Gnassingbé'], withArticles: false }), [null]);
    // Gone from the store too: a new service reading it holds two articles.
    await service.forget();
    const third = await service.run(request());
    assert.strictEqual(third.reused, 2);
    assert.strictEqual(third.analysed, 0);
  });

  it('updates some files without removing the others, and ends a cancelled run early', async () => {
    await service.run(request());
    fs.writeFileSync(path.join(corpus, 'a.txt'), ARTICLES['a.txt'].replace('in Bamako.', 'in Bamako. Later, Ousmane Sonko spoke in Dakar.'));
    const one = await service.run(request({ full: false, files: [{ path: path.join(corpus, 'a.txt'), relPath: 'a.txt' }] }));
    assert.strictEqual(one.analysed, 1);
    assert.strictEqual(one.articles, 3, 'the others kept');
    assert.deepStrictEqual((await ask({ type: 'actors', idOrName: 'Ousmane Sonko' })).map((a) => a.articleCount), [1]);

    const cancelled = request();
    service.cancel(cancelled.runId);
    const report = await service.run(cancelled);
    assert.ok(report.cancelled);
    assert.strictEqual(report.files, 0);
    assert.strictEqual(report.articles, 3, 'a cancelled run removes nothing');
  });

  it('walks the corpus folder itself: its globs, a nested corpus left to it, the cap naming what it left out', async () => {
    fs.writeFileSync(path.join(corpus, 'newscorpus.yaml'), 'include: ["**/*.txt"]\n');
    fs.mkdirSync(path.join(corpus, 'nested'));
    fs.writeFileSync(path.join(corpus, 'nested', 'newscorpus.yaml'), 'include: ["*.txt"]\n');
    fs.writeFileSync(path.join(corpus, 'nested', 'n.txt'), 'Nested article\n\nOusmane Sonko spoke in Dakar.\n');
    fs.mkdirSync(path.join(corpus, 'drafts'));
    fs.writeFileSync(path.join(corpus, 'drafts', 'd.txt'), 'Draft\n\nBola Tinubu spoke in Abuja.\n');
    const walk = { include: ['**/*.txt'], exclude: ['drafts/**'], maxFiles: 2 };
    const capped = await service.run(request({ files: [], walk }));
    assert.deepStrictEqual(capped.walked, { files: 2, leftOutCount: 1, leftOut: ['sub/c.txt'] });
    assert.strictEqual(capped.articles, 2);
    // The same walk answers the scan and export commands' question.
    assert.deepStrictEqual(await ask({ type: 'articles', walk }), { relPaths: ['a.txt', 'b.txt'], leftOutCount: 1, leftOut: ['sub/c.txt'] });
    const all = await service.run(request({ files: [], walk: { ...walk, maxFiles: 100 } }));
    assert.deepStrictEqual(all.walked, { files: 3, leftOutCount: 0, leftOut: [] });
    assert.strictEqual(all.articles, 3);
    assert.deepStrictEqual(await ask({ type: 'actors', idOrName: 'Ousmane Sonko' }), [], 'the nested corpus is not this one');
    assert.deepStrictEqual(await ask({ type: 'actors', idOrName: 'Bola Tinubu' }).then((a) => a.map((x) => x.articles.map((y) => y.relPath))), [['sub/c.txt']], 'an excluded draft is not indexed');
  });

  it('tells the host when a store of another format is rebuilt', async () => {
    fs.mkdirSync(cache, { recursive: true });
    fs.writeFileSync(path.join(cache, 'manifest.json'), '{"format":"something else"}');
    fs.writeFileSync(path.join(cache, 'entries.log'), 'not ours\n');
    await service.run(request());
    const notice = events.find((e) => e.type === 'notice' && e.show);
    assert.ok(notice && notice.type === 'notice' && /rebuilt/.test(notice.show ?? ''), JSON.stringify(events.filter((e) => e.type === 'notice')));
  });
});

describe('corpus worker thread', function () {
  this.timeout(120_000);
  let dir: string;
  let client: CorpusWorkerClient | undefined;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nca-corpus-worker-'));
    for (const [rel, text] of Object.entries(ARTICLES)) {
      fs.mkdirSync(path.dirname(path.join(dir, 'corpus', rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'corpus', rel), text);
    }
  });
  after(async () => {
    await client?.terminate();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('indexes and answers in its own thread, and after a crash tells the host and starts again', async () => {
    const hooks = process.env.NEWS_CORPUS_TEST_HOOKS;
    process.env.NEWS_CORPUS_TEST_HOOKS = '1'; // read by the worker thread at its start
    const restarts: string[] = [];
    const progress: number[] = [];
    try {
      // Its collections between steps due at any growth, checked 10 ms after work (the default: a quarter, a second).
      const idleCollection = { growth: 1, slackBytes: 0, delayMs: 10 };
      client = new CorpusWorkerClient({ workers: 1, taskTimeoutMs: 60_000, idleCollection, onEvent: () => undefined, onRestart: (r) => restarts.push(r) });
      const corpus = { root: ROOT, rootPath: path.join(dir, 'corpus'), knowledgeBase: [] };
      const files = Object.keys(ARTICLES).map((rel) => ({ path: path.join(dir, 'corpus', rel), relPath: rel }));
      const run = (runId: number) => client!.run({ runId, root: ROOT, rootPath: corpus.rootPath, cacheDir: path.join(dir, 'cache'), config: structuredClone(DEFAULT_CONFIG), files, maxChars: 300_000, full: true }, (done) => progress.push(done));
      const report = await run(client.newRunId());
      assert.strictEqual(report.analysed, 3);
      assert.strictEqual(progress[progress.length - 1], 3);
      assert.strictEqual((await client.query(corpus, { type: 'settled' })).articles, 3);
      assert.strictEqual((await client.query(corpus, { type: 'actors', idOrName: 'Goita' }))[0]?.articleCount, 2);
      // Its heap, for the bench: a thread's own (a few MB at least, less than the process's resident memory).
      const heap = await client.heap();
      assert.ok(heap.usedMb > 1 && heap.usedMb <= heap.totalMb && heap.totalMb < process.memoryUsage.rss() / 2 ** 20 && heap.externalMb >= 0, JSON.stringify(heap));
      // It collected its garbage once free after the run (and tells how long that took).
      await new Promise((r) => setTimeout(r, 100));
      const collections = (await client.heap()).idleCollections;
      assert.ok(collections && collections.count >= 1 && collections.longestMs > 0 && collections.totalMs >= collections.longestMs, JSON.stringify(collections));

      // A question in flight when the thread dies is failed, the host is told, the next request starts a new thread.
      const pending = client.query(corpus, { type: 'settled' }).then(() => 'answered', (e: Error) => e.message);
      client.crashForTest();
      const outcome = await pending;
      assert.ok(outcome === 'answered' || /stopped unexpectedly/.test(outcome), outcome);
      for (let i = 0; i < 50 && restarts.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      assert.strictEqual(restarts.length, 1, 'the host was told once');
      assert.match(restarts[0], /exit code 70/);
      assert.strictEqual(client.restarts, 1);
      assert.strictEqual((await client.query(corpus, { type: 'settled' })).articles, 0, 'a new thread holds nothing until a run');
      const back = await run(client.newRunId());
      assert.strictEqual(back.reused, 3, 'read back from the store');
      assert.strictEqual(back.analysed, 0);
    } finally {
      if (hooks === undefined) delete process.env.NEWS_CORPUS_TEST_HOOKS;
      else process.env.NEWS_CORPUS_TEST_HOOKS = hooks;
    }
  });

  it('restarts a worker that stops answering, and a question with a time limit gives up in time', async () => {
    const hooks = process.env.NEWS_CORPUS_TEST_HOOKS;
    process.env.NEWS_CORPUS_TEST_HOOKS = '1';
    const restarts: string[] = [];
    const hung = new CorpusWorkerClient({ workers: 1, taskTimeoutMs: 60_000, hangMs: 2000, pingMs: 100, onEvent: () => undefined, onRestart: (r) => restarts.push(r) });
    try {
      const corpus = { root: ROOT, knowledgeBase: [] };
      assert.strictEqual((await hung.query(corpus, { type: 'settled' })).articles, 0, 'answers before');
      hung.hangForTest();
      const t0 = Date.now();
      await assert.rejects(hung.query(corpus, { type: 'settled' }, 300), /did not answer within 300 ms/);
      assert.ok(Date.now() - t0 < 1000, 'the time limit held');
      // A question without a limit waits until the watchdog ends the hung thread.
      await assert.rejects(hung.query(corpus, { type: 'settled' }), /did not answer for 2 s and was restarted/);
      assert.deepStrictEqual(restarts, ['the corpus worker did not answer for 2 s and was restarted']);
      assert.strictEqual((await hung.query(corpus, { type: 'settled' })).articles, 0, 'a new thread answers');
    } finally {
      await hung.terminate();
      if (hooks === undefined) delete process.env.NEWS_CORPUS_TEST_HOOKS;
      else process.env.NEWS_CORPUS_TEST_HOOKS = hooks;
    }
  });
});
