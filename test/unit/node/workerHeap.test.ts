// An analysis worker's heap limit (WORKER_HEAP_LIMIT_MB) leaves room for the heaviest article it may be
// given: 1,000,000 characters with every word on a line of its own (each line a boilerplate
// candidate, each word a sentence), where an article of news prose takes a fifth of that.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';
import { lineKey } from '../../../src/core/boilerplate/templates';
import { createAnalysisPool } from '../../../src/node/analysisPool';

const FIX = path.join(__dirname, '..', '..', 'fixtures');
const SCRIPT = path.join(__dirname, '..', '..', '..', 'src', 'node', 'analysisWorkerMain.ts');
const article = readFileSync(path.join(FIX, 'workspace', 'corpus', 'site-b', 'border-patrols.txt'), 'utf8');

describe('analysis worker heap limit', function () {
  this.timeout(180_000);

  it('indexes an article of 1,000,000 characters, one word a line, without running out of memory', async () => {
    const words = article.split(/\s+/).filter(Boolean);
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += words[i % words.length] + '\n';
    text = text.slice(0, 1_000_000);
    const restarts: string[] = [];
    const pool = createAnalysisPool({ workers: 1, script: SCRIPT, background: true, taskTimeoutMs: 150_000, onRestart: (r) => restarts.push(r) });
    try {
      const { results } = await pool.summarize({ items: [{ relPath: 'one-word-a-line.txt', text }], config: structuredClone(DEFAULT_CONFIG), maxChars: 1_000_000 });
      assert.deepEqual(restarts, []);
      assert.equal(results[0].problem, undefined);
      assert.equal(results[0].summary?.chars, 1_000_000);
      // Every distinct word is a line of its own.
      assert.equal(results[0].summary?.lineHashes.length, new Set(words.map((w) => lineKey(w)).filter(Boolean)).size);
    } finally {
      await pool.terminate();
    }
  });
});
