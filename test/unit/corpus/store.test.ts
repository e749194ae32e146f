// The persisted corpus index: store (hit, miss, invalidation, corruption, concurrent writers) and
// the incremental indexer over the in-process pool.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseCorpusConfig } from '../../../src/core/config/parseConfig';
import { DEFAULT_CONFIG, type CorpusConfig } from '../../../src/core/config/types';
import type { AnalysisPool } from '../../../src/node/analysisPool';
import { summaryConfigKey, updateIndex, type IndexFile } from '../../../src/node/corpusIndexer';
import { CorpusStore, crc32, crc32Js, FLUSH_BYTES, removeStore } from '../../../src/node/corpusStore';
import { NO_NAMES, type ActorSummary } from '../../../src/core/corpus/articleSummary';
import { createInProcessPool } from '../../../src/node/inProcessPool';
import { engineKey } from '../../../src/node/engineKey';
import { corpusStoreDir } from '../../../src/node/cacheDir';
import { DEFAULT_MAX_ANALYSED_CHARS, MIN_ANALYSED_CHARS } from '../../../src/core/text/input';
import { main } from '../../../src/cli/main';

const ARTICLES: Record<string, string> = {
  'a.txt': 'Mali junta extends transition\n\nBAMAKO, May 3, 2024 - Colonel Assimi Goïta said on Monday that the transition would last longer. Goita met Abdoulaye Maïga in Bamako.\n',
  'b.txt': 'Niger and Togo sign accord\n\nNIAMEY, June 2, 2024 - General Abdourahamane Tiani visited Lomé, where Faure Gnassingbé received him. Tiani thanked Togo.\n',
  'sub/c.txt': 'ECOWAS summit in Abuja\n\nABUJA, July 7, 2024 - The Economic Community of West African States (ECOWAS) met in Abuja. Bola Tinubu chaired the summit.\n',
};

/** A pool that counts what it is asked to summarise (and can be made to fail). */
function countingPool(): AnalysisPool & { summarised: string[]; dateOnly: string[]; fail?: boolean } {
  const inner = createInProcessPool();
  const pool = {
    summarised: [] as string[],
    dateOnly: [] as string[],
    fail: false,
    size: 1,
    analyze: inner.analyze,
    engineInfo: inner.engineInfo,
    parseKnowledgeBase: inner.parseKnowledgeBase,
    terminate: inner.terminate,
    summarize: async (req: Parameters<AnalysisPool['summarize']>[0]) => {
      if (pool.fail) throw new Error('worker crashed');
      for (const i of req.items) (req.onlyDate ? pool.dateOnly : pool.summarised).push(i.relPath);
      return inner.summarize(req);
    },
  };
  return pool;
}

describe('corpus store and incremental index', () => {
  let dir: string;
  let corpus: string;
  let cache: string;
  const config = (): CorpusConfig => structuredClone(DEFAULT_CONFIG);
  const files = (): IndexFile[] =>
    Object.keys(ARTICLES)
      .filter((rel) => fs.existsSync(path.join(corpus, rel)))
      .map((rel) => ({ path: path.join(corpus, rel), relPath: rel }));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nca-store-'));
    corpus = path.join(dir, 'corpus');
    cache = path.join(dir, 'cache');
    for (const [rel, text] of Object.entries(ARTICLES)) {
      fs.mkdirSync(path.dirname(path.join(corpus, rel)), { recursive: true });
      fs.writeFileSync(path.join(corpus, rel), text);
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function index(cfg = config(), pool = countingPool(), engine = 'engine-1') {
    const { store, report: opened } = await CorpusStore.open(cache, engine);
    const summaries = new Map<string, unknown>();
    const report = await updateIndex({ files: files(), config: cfg, store, pool, onSummary: (rel, s) => summaries.set(rel, s) });
    return { store, opened, report, pool, summaries };
  }

  it('analyses every article on the first run, none on a second run with nothing changed', async () => {
    const first = await index();
    assert.deepStrictEqual(first.pool.summarised.sort(), ['a.txt', 'b.txt', 'sub/c.txt']);
    assert.strictEqual(first.report.analysed, 3);
    const goita = (first.store.get('a.txt')!.summary!.actors).find((a) => a.name === 'Assimi Goïta');
    assert.ok(goita, 'Goïta is an actor of a.txt');
    assert.strictEqual(first.store.get('a.txt')!.summary!.date, '2024-05-03');
    const second = await index();
    assert.deepStrictEqual(second.pool.summarised, []);
    assert.strictEqual(second.report.reused, 3);
    assert.strictEqual(second.summaries.size, 3, 'every summary is handed out from the cache');
  });

  it('reads summaries back equal to those written, in the compact shape: no empty list of its own', async () => {
    const first = await index();
    const written = JSON.parse(JSON.stringify([...first.store.values()]));
    await first.store.flush();
    const { store } = await CorpusStore.open(cache, 'engine-1');
    assert.deepStrictEqual(JSON.parse(JSON.stringify([...store.values()])), written);
    const actors = [...store.values()].flatMap((e) => e.summary!.actors);
    const lean = actors.filter((a) => !('aliases' in a));
    const full = actors.filter((a) => 'aliases' in a);
    assert.ok(lean.length > 5 && full.length > 0, `${lean.length} actors without other names, roles or demonyms, ${full.length} with`);
    assert.ok(lean.every((a) => Object.keys(a).join() === 'name,kind,mentionCount'), 'no empty lists in an actor that has none');
    const empty = full.flatMap((a) => [a.aliases!, a.roles!, a.demonyms!]).filter((l) => l.length === 0);
    assert.ok(empty.length > 0 && empty.every((l) => l === NO_NAMES && Object.isFrozen(l)), 'the empty lists of the others: one shared, frozen list');
  });

  it('reads a store written before the compact shape (an empty list in every actor) into it, equal in meaning', async () => {
    const first = await index();
    await first.store.flush();
    const log = fs.readdirSync(cache).find((f) => f.endsWith('.log'))!;
    const old = fs.readFileSync(path.join(cache, log), 'utf8').split('\n').map((line) => {
      const sp = line.indexOf(' ');
      if (sp < 0) return line;
      const v = JSON.parse(line.slice(sp + 1));
      if (!v.summary) return line;
      v.summary.actors = v.summary.actors.map((a: ActorSummary) => ({ name: a.name, kind: a.kind, aliases: a.aliases ?? [], roles: a.roles ?? [], demonyms: a.demonyms ?? [], mentionCount: a.mentionCount }));
      const json = JSON.stringify(v);
      return `${crc32(json)} ${json}`;
    });
    assert.ok(old.some((l) => l.includes('"aliases":[],"roles":[],"demonyms":[]')), 'the old shape written');
    fs.writeFileSync(path.join(cache, log), old.join('\n'));
    const { store, report } = await CorpusStore.open(cache, 'engine-1');
    assert.strictEqual(report.skippedLines, 0);
    assert.strictEqual(report.discarded, undefined);
    const meaning = (a: ActorSummary) => [a.name, a.kind, a.mentionCount, a.aliases ?? [], a.roles ?? [], a.demonyms ?? []];
    for (const e of first.store.values()) {
      const back = store.get(e.relPath)!.summary!.actors;
      assert.deepStrictEqual(back.map(meaning), e.summary!.actors.map(meaning), e.relPath);
      assert.deepStrictEqual(back, e.summary!.actors, `${e.relPath}: the compact shape`);
    }
  });

  it('re-analyses only a changed file; a touched but unchanged file is reused by its content hash', async () => {
    await index();
    fs.appendFileSync(path.join(corpus, 'b.txt'), 'Tiani later flew to Niamey.\n');
    const future = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(corpus, 'a.txt'), future, future); // mtime changed, content not
    const again = await index();
    assert.deepStrictEqual(again.pool.summarised, ['b.txt']);
    assert.strictEqual(again.report.reused, 2);
  });

  it("takes a file's size and modification time from the walk when given, without asking the file system", async () => {
    await index();
    const { store } = await CorpusStore.open(cache, 'engine-1');
    const a = store.get('a.txt')!;
    // The walk's figures equal the entry's: reused, the file never looked at (it is gone meanwhile).
    fs.renameSync(path.join(corpus, 'a.txt'), path.join(dir, 'away.txt'));
    const pool = countingPool();
    const given = [{ path: path.join(corpus, 'a.txt'), relPath: 'a.txt', size: a.size, mtimeMs: a.mtimeMs }];
    const r = await updateIndex({ files: given, config: config(), store, pool, removeUnseen: false });
    assert.deepStrictEqual([r.reused, r.skipped, pool.summarised.length], [1, 0, 0]);
    // Other figures: the file is read, and here it cannot be.
    const skipped: string[] = [];
    const r2 = await updateIndex({ files: [{ ...given[0], mtimeMs: a.mtimeMs + 1000 }], config: config(), store, pool, removeUnseen: false, onSkip: (rel, why) => skipped.push(`${rel}: ${why}`) });
    assert.deepStrictEqual([r2.reused, r2.skipped], [0, 1]);
    assert.match(skipped[0], /^a\.txt: cannot be read/);
    // Without them, the file system is asked, as before.
    const r3 = await updateIndex({ files: [{ path: given[0].path, relPath: 'a.txt' }], config: config(), store, pool, removeUnseen: false, onSkip: () => undefined });
    assert.deepStrictEqual([r3.reused, r3.skipped], [0, 1]);
  });

  it('analyses a few changed articles with one worker, a backlog with every worker of the pool', async () => {
    // A pool of two workers whose batches take 20 ms each, counting how many run at once.
    const pool = Object.assign(countingPool(), { size: 2, running: 0, most: 0 });
    const inner = pool.summarize;
    pool.summarize = async (req) => {
      pool.most = Math.max(pool.most, ++pool.running);
      await new Promise((r) => setTimeout(r, 20));
      try {
        return await inner(req);
      } finally {
        pool.running--;
      }
    };
    const many = Array.from({ length: 40 }, (_, i) => `m/${String(i).padStart(2, '0')}.txt`);
    for (const rel of many) {
      fs.mkdirSync(path.join(corpus, 'm'), { recursive: true });
      fs.writeFileSync(path.join(corpus, rel), ARTICLES['a.txt'].replace('Monday', `day ${rel}`));
    }
    const listed = (): IndexFile[] => many.map((rel) => ({ path: path.join(corpus, rel), relPath: rel }));
    const { store } = await CorpusStore.open(cache, 'engine-1');
    // Each article a batch of its own: 40 batches, read far quicker than they are analysed.
    const cold = await updateIndex({ files: listed(), config: config(), store, pool, batchChars: 1 });
    assert.deepStrictEqual([cold.analysed, pool.summarised.length, pool.most], [40, 40, 2]);
    // Two of them changed: two batches, never more than one analysed at a time.
    for (const rel of [many[5], many[30]]) fs.appendFileSync(path.join(corpus, rel), 'Tiani visited Lomé.\n');
    pool.most = 0;
    pool.summarised.length = 0;
    const update = await updateIndex({ files: listed(), config: config(), store, pool, batchChars: 1 });
    assert.deepStrictEqual([update.analysed, update.reused, pool.summarised, pool.most], [2, 38, [many[5], many[30]], 1]);
    // Ten changed: ten batches, read ahead of their analysis. Listed without their stat, every worker
    // takes part; with it, one worker, as less than ONE_WORKER_BELOW_BYTES is to be analysed.
    const withStat = (): IndexFile[] => listed().map((f) => ({ ...f, size: fs.statSync(f.path).size, mtimeMs: fs.statSync(f.path).mtimeMs }));
    const tenChanged = (): void => many.slice(10, 20).forEach((rel, i) => fs.appendFileSync(path.join(corpus, rel), `Tinubu met Tiani ${i}.\n`));
    tenChanged();
    pool.most = 0;
    assert.strictEqual((await updateIndex({ files: listed(), config: config(), store, pool, batchChars: 1 })).analysed, 10);
    assert.strictEqual(pool.most, 2);
    tenChanged();
    pool.most = 0;
    assert.strictEqual((await updateIndex({ files: withStat(), config: config(), store, pool, batchChars: 1 })).analysed, 10);
    assert.strictEqual(pool.most, 1);
  });

  it('removes the entry of a deleted article and adds a new one', async () => {
    await index();
    fs.rmSync(path.join(corpus, 'sub', 'c.txt'));
    const r = await index();
    assert.strictEqual(r.report.removed, 1);
    assert.strictEqual(r.store.get('sub/c.txt'), undefined);
    const reopened = await CorpusStore.open(cache, 'engine-1');
    assert.deepStrictEqual([...reopened.store.paths()].sort(), ['a.txt', 'b.txt'], 'the deletion is persisted');
  });

  it('discards the cache when the engine changed', async () => {
    await index();
    const r = await index(config(), countingPool(), 'engine-2');
    assert.match(r.opened.discarded ?? '', /engines changed/);
    assert.strictEqual(r.pool.summarised.length, 3);
  });

  it('re-runs everything for a boilerplate setting, only the article date for a date setting', async () => {
    await index();
    const cfg = config();
    cfg.boilerplate.phrases = ['Follow us on WhatsApp'];
    const r1 = await index(cfg);
    assert.strictEqual(r1.pool.summarised.length, 3);
    const cfg2 = structuredClone(cfg);
    cfg2.articleDate = parseCorpusConfig('articleDate:\n  from: filename\n  fallback: 2020-01-01\n').config.articleDate;
    const r2 = await index(cfg2);
    assert.deepStrictEqual(r2.pool.summarised, []);
    assert.strictEqual(r2.pool.dateOnly.length, 3);
    assert.strictEqual(r2.store.get('a.txt')!.summary!.date, '2020-01-01');
    assert.ok(r2.store.get('a.txt')!.summary!.actors.length > 0, 'the rest of the summary is kept');
    assert.notStrictEqual(summaryConfigKey(cfg), summaryConfigKey(config()));
  });

  it('skips damaged log lines and recomputes their articles', async () => {
    await index();
    const log = path.join(cache, 'entries.log');
    const lines = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
    assert.strictEqual(lines.length, 3);
    const bad = lines.map((l) => (l.includes('"b.txt"') ? l.replace('Tiani', 'Tiany') : l));
    fs.writeFileSync(log, bad.join('\n') + '\n{"torn":');
    const r = await index();
    assert.strictEqual(r.opened.skippedLines, 2);
    assert.deepStrictEqual(r.pool.summarised, ['b.txt']);
  });

  it('discards a damaged manifest and refuses a folder that is not a store', async () => {
    await index();
    fs.writeFileSync(path.join(cache, 'manifest.json'), '{ nope');
    const r = await index();
    assert.match(r.opened.discarded ?? '', /damaged/);
    const foreign = path.join(dir, 'foreign');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'thesis.docx'), 'mine');
    await assert.rejects(CorpusStore.open(foreign, 'engine-1'), /not empty and not a corpus index/);
    assert.strictEqual(fs.readFileSync(path.join(foreign, 'thesis.docx'), 'utf8'), 'mine', 'nothing of the user is deleted');
  });

  it('keeps both writers\u2019 entries when two processes append to one store', async () => {
    const a = await CorpusStore.open(cache, 'engine-1');
    const b = await CorpusStore.open(cache, 'engine-1');
    const entry = (rel: string) => ({ relPath: rel, size: 1, mtimeMs: 1, contentHash: rel, configKey: 'k', dateKey: 'd', problem: 'test' });
    for (let i = 0; i < 50; i++) {
      a.store.put(entry(`a${i}.txt`));
      b.store.put(entry(`b${i}.txt`));
    }
    await Promise.all([a.store.flush(), b.store.flush()]);
    const c = await CorpusStore.open(cache, 'engine-1');
    assert.strictEqual(c.store.size, 100);
    assert.strictEqual(c.report.skippedLines, 0);
  });

  it('compacts a log that is mostly stale, keeping the live entries', async () => {
    const { store } = await CorpusStore.open(cache, 'engine-1');
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 50; i++) store.put({ relPath: `f${i}.txt`, size: round, mtimeMs: 1, contentHash: 'h', configKey: 'k', dateKey: 'd', problem: 'x' });
      await store.flush();
    }
    const lines = fs.readFileSync(path.join(cache, 'entries.log'), 'utf8').split('\n').filter(Boolean).length;
    assert.ok(lines <= 1100, `log compacted (${lines} lines)`);
    const again = await CorpusStore.open(cache, 'engine-1');
    assert.strictEqual(again.store.size, 50);
    assert.strictEqual(again.store.get('f7.txt')!.size, 29);
  });

  it('leaves the articles of a crashed worker out of the run, and analyses them next time', async () => {
    const pool = countingPool();
    pool.fail = true;
    const skipped: string[] = [];
    const { store } = await CorpusStore.open(cache, 'engine-1');
    const r = await updateIndex({ files: files(), config: config(), store, pool, onSkip: (rel, why) => skipped.push(`${rel}: ${why}`) });
    assert.strictEqual(r.skipped, 3);
    assert.match(skipped[0], /analysis failed: worker crashed/);
    const next = await index();
    assert.strictEqual(next.pool.summarised.length, 3);
  });

  it("is one store for news-annotate index and the editor's corpus worker, a knowledge base and an untrusted config included", async () => {
    // A corpus with a knowledge base; the command line reads its config untrusted (no --trust), the
    // editor in a trusted workspace: with no patterns to run, the summaries are the same.
    fs.writeFileSync(path.join(corpus, 'newscorpus.yaml'), 'include: ["**/*.txt"]\nknowledgeBase: [actors.kb.yaml]\n');
    fs.writeFileSync(path.join(corpus, 'actors.kb.yaml'), 'actors:\n  - name: Assimi Goïta\n    kind: person\n    aliases: [Goita]\n');
    const cli = async () => {
      const out: string[] = [];
      assert.strictEqual(await main(['index', corpus, '--cache', cache, '--jobs', '1', '--json'], { out: (l) => out.push(l), err: () => undefined }), 0);
      return JSON.parse(out[out.length - 1]) as { reused: number; analysed: number };
    };
    const first = await cli();
    assert.deepStrictEqual([first.reused, first.analysed], [0, 3]);
    // The corpus worker's run (src/node/corpusService.ts): the config as a trusted workspace parses
    // it, the editor's default limit, the corpus root for the knowledge base.
    const editor = async () => {
      const { config } = parseCorpusConfig(fs.readFileSync(path.join(corpus, 'newscorpus.yaml'), 'utf8'), { trusted: true });
      // Where the extension keeps it with newsCorpus.index.cacheDirectory set to the folder given to --cache.
      const { store, report: opened } = await CorpusStore.open(corpusStoreDir(cache, corpus), await engineKey());
      assert.strictEqual(opened.discarded, undefined);
      const pool = countingPool();
      const report = await updateIndex({ files: files(), config, store, pool, maxChars: DEFAULT_MAX_ANALYSED_CHARS, corpusRoot: corpus });
      return { report, pool };
    };
    const second = await editor();
    assert.deepStrictEqual([second.report.reused, second.report.analysed, second.pool.summarised], [3, 0, []]);
    // A knowledge base changed: both analyse again, and then share that.
    fs.writeFileSync(path.join(corpus, 'actors.kb.yaml'), 'actors:\n  - name: Assimi Goïta\n    kind: person\n    aliases: [Goita, Assimi Goita]\n');
    const third = await editor();
    assert.strictEqual(third.report.analysed, 3);
    const fourth = await cli();
    assert.deepStrictEqual([fourth.reused, fourth.analysed], [3, 0]);
    // Under another limit (the editor's setting changed, or --max-chars) summaries are made again.
    const out: string[] = [];
    assert.strictEqual(await main(['index', corpus, '--cache', cache, '--jobs', '1', '--json', '--max-chars', '20000'], { out: (l) => out.push(l), err: () => undefined }), 0);
    assert.strictEqual(JSON.parse(out[out.length - 1]).analysed, 3);
    const err: string[] = [];
    assert.strictEqual(await main(['index', corpus, '--max-chars', '500'], { out: () => undefined, err: (l) => err.push(l) }), 2);
    assert.match(err.join('\n'), /--max-chars needs a whole number of at least 10000/);
  });

  it('keeps one store per corpus in a cache folder, and says so of a store of the layout before', async () => {
    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'd.txt'), ARTICLES['a.txt']);
    // A store of the earlier layout, in the cache folder itself.
    fs.mkdirSync(cache, { recursive: true });
    fs.writeFileSync(path.join(cache, 'manifest.json'), '{"format":"news-corpus-annotator/corpus-index","version":1,"engineKey":"old"}');
    const run = async (folder: string) => {
      const out: string[] = [];
      const err: string[] = [];
      assert.strictEqual(await main(['index', folder, '--cache', cache, '--jobs', '1', '--json'], { out: (l) => out.push(l), err: (l) => err.push(l) }), 0);
      return { summary: JSON.parse(out[out.length - 1]) as { cache: string; analysed: number }, err: err.join('\n') };
    };
    const a = await run(corpus);
    const b = await run(other);
    assert.deepStrictEqual([a.summary.analysed, b.summary.analysed], [3, 1]);
    assert.strictEqual(a.summary.cache, corpusStoreDir(cache, corpus));
    assert.strictEqual(b.summary.cache, corpusStoreDir(cache, other));
    assert.notStrictEqual(a.summary.cache, b.summary.cache);
    assert.strictEqual(path.dirname(a.summary.cache), cache);
    assert.match(a.err, /holds a corpus index of an earlier version \(in the folder itself\), which is no longer read/);
    // The earlier store is left as it was.
    assert.ok(fs.readFileSync(path.join(cache, 'manifest.json'), 'utf8').includes('"old"'));
  });

  it('removes a store no longer read, its own files only, and nothing that is not a store', async () => {
    await index();
    assert.ok(fs.existsSync(path.join(cache, 'entries.log')));
    assert.strictEqual(await removeStore(cache), true);
    assert.strictEqual(fs.existsSync(cache), false);
    // A store with a file of someone else's in it: the store's files go, the folder and the file stay.
    await index();
    fs.writeFileSync(path.join(cache, 'notes.txt'), 'mine');
    assert.strictEqual(await removeStore(cache), true);
    assert.deepStrictEqual(fs.readdirSync(cache), ['notes.txt']);
    // Not a store of this extension, or no folder at all: nothing is touched.
    fs.writeFileSync(path.join(cache, 'manifest.json'), '{"format":"something-else"}');
    assert.strictEqual(await removeStore(cache), false);
    assert.deepStrictEqual(fs.readdirSync(cache).sort(), ['manifest.json', 'notes.txt']);
    assert.strictEqual(await removeStore(path.join(dir, 'missing')), false);
  });

  it("analyses the corpus index up to the editor setting's default, wherever it is built", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['newsCorpus.maxAnalysedCharacters'];
    assert.strictEqual(setting.default, DEFAULT_MAX_ANALYSED_CHARS);
    assert.strictEqual(setting.minimum, MIN_ANALYSED_CHARS);
  });

  it('checksums lines with CRC-32, the native and the JS one alike', () => {
    assert.strictEqual(crc32('123456789'), 'cbf43926');
    for (const s of ['', 'a', 'Goïta', '{"relPath":"a.txt","x":"😀\u0000"}', 'x'.repeat(70_000)]) assert.strictEqual(crc32(s), crc32Js(s), s.slice(0, 20));
  });

  it('counts what waits to be written, so that a writer flushes in bounded chunks', async () => {
    const { store } = await CorpusStore.open(cache, 'e1');
    assert.strictEqual(store.unflushedBytes, 0);
    const entry = { relPath: 'x.txt', size: 1, mtimeMs: 1, contentHash: 'h', configKey: 'c', dateKey: 'd', problem: 'p'.repeat(FLUSH_BYTES) };
    store.put(entry);
    assert.ok(store.unflushedBytes > FLUSH_BYTES, String(store.unflushedBytes));
    await store.flush();
    assert.strictEqual(store.unflushedBytes, 0);
    store.delete('x.txt');
    assert.ok(store.unflushedBytes > 0 && store.unflushedBytes < 100);
    // Bytes as written (UTF-8), not characters: 1,000 "é" take 2,000.
    await store.flush();
    store.put({ ...entry, relPath: 'é.txt', problem: 'é'.repeat(1000) });
    assert.ok(store.unflushedBytes > 2000, String(store.unflushedBytes));
    store.delete('é.txt');
    await store.flush();
    const reopened = (await CorpusStore.open(cache, 'e1')).store;
    assert.strictEqual(reopened.get('x.txt'), undefined);
  });
});
