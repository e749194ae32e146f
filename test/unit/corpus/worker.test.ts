// The analysis worker: same results in a worker thread as on the calling thread, latest code paths
// for templates; a hung or crashed worker is replaced and the host told; the tagging cache gives the
// same tags as tagging afresh after random edits.
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';
import { lineKey, lineKeyHash } from '../../../src/core/boilerplate/templates';
import { sentencesOf } from '../../../src/core/ner/engine';
import { TagCache, tagSentencesCached } from '../../../src/core/ner/incremental';
import { tagSentences } from '../../../src/core/ner/tagger';
import { createAnalysisPool } from '../../../src/node/analysisPool';
import { createInProcessPool } from '../../../src/node/inProcessPool';
import { loadNerModel } from '../../../src/node/nerModel';
import { TableLineStats } from '../../../src/core/boilerplate/templateTable';
import { attachText } from '../../../src/worker/protocol';

const FIX = path.join(__dirname, '..', '..', 'fixtures');
const article = fs.readFileSync(path.join(FIX, 'workspace', 'corpus', 'site-b', 'border-patrols.txt'), 'utf8');

describe('analysis worker', function () {
  this.timeout(60_000);

  it('gives the same analysis in a worker thread as on the calling thread, without sending the text back', async () => {
    const pool = createAnalysisPool({ workers: 1, script: path.join(__dirname, '..', '..', '..', 'src', 'node', 'analysisWorkerMain.ts') });
    try {
      const req = { text: article, config: structuredClone(DEFAULT_CONFIG), relPath: 'site-b/border-patrols.txt' };
      const inWorker = await pool.analyze(req);
      const here = await createInProcessPool().analyze(req);
      assert.ok(!('text' in inWorker), 'no text crosses back');
      const strip = (r: typeof here) => ({ ...r, workerMs: 0, timings: {} });
      assert.deepStrictEqual(strip(inWorker), strip(here));
      const a = attachText(inWorker, article);
      assert.strictEqual(a.text, article);
      assert.strictEqual(a.headline?.text, 'Mali and Burkina Faso pledge joint patrols along shared border');
      assert.ok(a.actors.some((x) => x.name === 'Assimi Goïta'));
    } finally {
      await pool.terminate();
    }
  });

  it('replaces a worker that hangs past the time limit, tells the host, and goes on', async () => {
    const restarts: string[] = [];
    const pool = createAnalysisPool({ workers: 1, taskTimeoutMs: 4000, script: path.join(FIX, 'workers', 'faultyWorker.ts'), onRestart: (r) => restarts.push(r) });
    try {
      await assert.rejects(pool.summarize({ items: [{ relPath: 'hang', text: '' }], config: DEFAULT_CONFIG }));
      assert.match(restarts[0] ?? '', /took longer than 4 s on one task and was restarted/);
      const ok = await pool.summarize({ items: [{ relPath: 'fine', text: '' }], config: DEFAULT_CONFIG });
      assert.strictEqual(ok.results[0].relPath, 'fine');
    } finally {
      await pool.terminate();
    }
  });

  it('replaces a worker that crashed, tells the host, and goes on', async () => {
    const restarts: string[] = [];
    const pool = createAnalysisPool({ workers: 1, script: path.join(FIX, 'workers', 'faultyWorker.ts'), onRestart: (r) => restarts.push(r) });
    try {
      await assert.rejects(pool.analyze({ text: 'x', config: DEFAULT_CONFIG }));
      assert.match(restarts[0] ?? '', /stopped unexpectedly/);
      assert.strictEqual((await pool.engineInfo()).entities, 'fake');
    } finally {
      await pool.terminate();
    }
  });

  it('counts template lines from the compact table, the article itself left out', () => {
    const keys = ['follow us on whatsapp', 'share this article'].map((k) => lineKeyHash(k) >>> 0).sort((a, b) => a - b);
    const table = { articleCount: 10, hashes: Uint32Array.from(keys), counts: Uint32Array.from([5, 7]) };
    const stats = new TableLineStats(table, 'Headline\nFollow us on WhatsApp!\n');
    assert.strictEqual(stats.articleCount, 10);
    const follow = keys.indexOf(lineKeyHash('follow us on whatsapp') >>> 0);
    assert.strictEqual(stats.occurrences(lineKey('Follow us on WhatsApp!')), (follow === 0 ? 5 : 7) - 1);
    assert.strictEqual(stats.occurrences(lineKey('Share this article')), follow === 0 ? 7 : 5);
    assert.strictEqual(stats.occurrences(lineKey('never seen')), 0);
  });
});

describe('tagging cache', () => {
  const model = loadNerModel();
  const words = (text: string) => sentencesOf(text, [{ start: 0, end: text.length }]).map((s) => s.map((t) => t.text));

  it('gives exactly the tags and confidences of tagging afresh, across random edits', () => {
    const cache = new TagCache(500);
    const alphabet = ['a', 'e', 'M', ' ', '.', '\n', 'Niger', ' Tiani', ' Bamako', ','];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom(...alphabet)), { maxLength: 6 }), (edits) => {
        let text = article;
        for (const [at, del, ins] of edits) {
          const p = at % (text.length + 1);
          text = text.slice(0, p) + ins + text.slice(Math.min(text.length, p + del));
        }
        const w = words(text);
        const fresh = tagSentences(model, w);
        const cached = tagSentencesCached(model, w, cache);
        assert.deepStrictEqual(cached.tags, fresh.tags);
        assert.deepStrictEqual(cached.confidence, fresh.confidence);
      }),
      { numRuns: 25, seed: 7 },
    );
    assert.ok(cache.hits > 0, 'unchanged sentences were reused');
  });

  it('stays within its bound', () => {
    const cache = new TagCache(10);
    tagSentencesCached(model, words(article), cache);
    assert.ok(cache.size <= 10);
  });
});
