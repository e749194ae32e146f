// What an index worker allocates per article: MB of memory V8 hands out while the worker's summarize
// method (the index's own path: analyzeArticle without the edit caches, then the summary) runs over
// real articles, sampled by V8's heap profiler (every 16 KB allocated, collected objects included).
// Each allocated MB is work for the garbage collector: the collections run on the worker and on V8's
// helper threads, which the cores share with the index. Default data: real text, two groups as the
// corpus bench holds them (the pages of ../shared/data/boilerplate*/full, then Wikipedia pages: see
// scripts/lib/benchCorpus.ts realTexts); with --data DIR, the .txt articles under DIR as one group.
// ARTICLES articles per group are measured, after WARM_UP not counted.
//   npm run bench -- --only allocation [--data DIR]
import { readFileSync, existsSync } from 'node:fs';
import { Session } from 'node:inspector';
import type { BenchOptions } from '../bench';
import { realTexts, SHARED, webPageFiles } from '../lib/benchCorpus';
import { assembleEngines } from '../../src/core/analysis/defaultEngines';
import { DEFAULT_CONFIG } from '../../src/core/config/types';
import { createNerEngine } from '../../src/core/ner';
import { walkArticles } from '../../src/node/fileWalk';
import { loadNerModel } from '../../src/node/nerModel';
import { createAnalysisWorker } from '../../src/worker/analysisWorker';

const ARTICLES = 1000;
const WARM_UP = 100;
/** Bytes between two samples of the heap profiler. */
const SAMPLING_INTERVAL = 16384;

interface ProfileNode {
  selfSize: number;
  children: ProfileNode[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r as T))));
}

function totalBytes(node: ProfileNode): number {
  let sum = node.selfSize;
  for (const c of node.children) sum += totalBytes(c);
  return sum;
}

/** The groups of articles measured: real web pages, then Wikipedia pages; or the articles of --data. */
function groups(data: string | undefined): { name: string; texts: string[] }[] {
  const take = WARM_UP + ARTICLES;
  if (data) {
    const texts = [...walkArticles([data], { onProblem: () => undefined })].slice(0, take).map((f) => readFileSync(f.path, 'utf8'));
    return [{ name: data, texts }];
  }
  // realTexts yields the web pages first.
  const web = webPageFiles().length;
  const out = [{ name: 'web pages', texts: [] as string[] }, { name: 'Wikipedia pages', texts: [] as string[] }];
  let i = 0;
  for (const t of realTexts()) {
    const g = out[i++ < web ? 0 : 1];
    if (g.texts.length < take) g.texts.push(t);
    if (out[1].texts.length >= take) break;
  }
  return out.filter((g) => g.texts.length > 0);
}

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  if (!opts.data && !existsSync(SHARED)) {
    console.log(`  allocation bench: needs real text, and ${SHARED} is absent; give --data DIR (a folder of .txt articles)`);
    return { skipped: 'no data' };
  }
  // The index's engines, as the analysis worker builds them (src/node/analysisWorkerMain.ts).
  const corpusEngines = assembleEngines(createNerEngine(loadNerModel(), { gate: true }));
  const worker = createAnalysisWorker(() => ({ engines: corpusEngines, corpusEngines }));
  const config = structuredClone(DEFAULT_CONFIG);
  const summarize = (texts: string[]) => {
    for (const [i, text] of texts.entries()) worker.summarize({ items: [{ relPath: `a${i}.txt`, text }], config, maxChars: 300_000 });
  };
  const session = new Session();
  session.connect();
  await post(session, 'HeapProfiler.enable');
  const out: Record<string, number | string> = { source: opts.data ?? SHARED };
  try {
    for (const g of groups(opts.data)) {
      summarize(g.texts.slice(0, WARM_UP));
      const measured = g.texts.slice(WARM_UP);
      await post(session, 'HeapProfiler.startSampling', { samplingInterval: SAMPLING_INTERVAL, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      summarize(measured);
      const { profile } = await post<{ profile: { head: ProfileNode } }>(session, 'HeapProfiler.stopSampling');
      const chars = measured.reduce((n, t) => n + t.length, 0);
      const mb = totalBytes(profile.head) / measured.length / 2 ** 20;
      out[`${g.name}: articles`] = measured.length;
      out[`${g.name}: characters per article`] = Math.round(chars / measured.length);
      out[`${g.name}: MB allocated per article`] = mb;
    }
  } finally {
    session.disconnect();
  }
  return out;
}
