// Memory as the corpus grows, measured in the heap and typed-array buffers (after full collections) rather than the
// process's RSS: (1) an index worker's heap while it summarises real articles one batch after another,
// as the index workers do (it must level off: caches bounded, no article kept); (2) the extension
// host's heap for what it keeps of each article: the corpus index's summaries, the line counts of
// templates, and the corpus actor model fed with them, per article, and what the model's name index
// (built by the first question by name or id: a hover, a dossier) adds; then the model as the
// corpus worker's feed in steps keeps it (an index run), beside the bulk load's (a window load).
//   npm run bench -- --only memory [--articles N] [--data DIR]
// Default data: the corpus benches' real texts (../shared/data, written once into a temp folder).
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from '../bench';
import { benchCorpusDir } from '../lib/benchCorpus';
import { fullGc } from '../lib/fullGc';
import { assembleEngines } from '../../src/core/analysis/defaultEngines';
import { LineCounts } from '../../src/core/boilerplate/lineCounts';
import { DEFAULT_CONFIG } from '../../src/core/config/types';
import type { ArticleSummary } from '../../src/core/corpus/articleSummary';
import { CorpusActorModel, feedInSteps } from '../../src/core/corpus/corpusActorModel';
import { createNerEngine } from '../../src/core/ner';
import { CorpusStore } from '../../src/node/corpusStore';
import { walkArticles } from '../../src/node/fileWalk';
import { loadNerModel } from '../../src/node/nerModel';
import { createAnalysisWorker } from '../../src/worker/analysisWorker';

/** The JS heap and the typed arrays' buffers outside it, after full collections (MB). */
function heapMb(): number {
  fullGc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  const n = opts.articles ?? 2000;
  const dir = benchCorpusDir('memory', opts.data, n);
  if (!dir) return { skipped: 'no data' };
  const files = [...walkArticles([dir], { onProblem: () => undefined, globs: false })].map((f) => f.path).slice(0, n);
  const config = structuredClone(DEFAULT_CONFIG);
  const model = loadNerModel();
  // The index worker's own arrangement (src/node/analysisWorkerMain.ts): a tagger without a tagging cache.
  const worker = createAnalysisWorker(() => ({ engines: assembleEngines(createNerEngine(model)) }));
  const batch = (paths: string[]) =>
    worker.summarize({ items: paths.map((p) => ({ relPath: p.slice(dir.length + 1), text: readFileSync(p, 'utf8') })), config, maxChars: 300_000 }).results;

  // (1) The worker: heap at checkpoints while summarising, the summaries handed on (to a temp store).
  const cache = mkdtempSync(join(tmpdir(), 'nca-bench-memory-'));
  const handedOn = join(cache, 'summaries.jsonl');
  const handOn = (results: { summary?: ArticleSummary }[]) => appendFileSync(handedOn, results.filter((r) => r.summary).map((r) => JSON.stringify(r.summary) + '\n').join(''));
  const out: Record<string, number | string> = { source: dir, articles: files.length };
  try {
    handOn(batch(files.slice(0, 20)));
    const base = heapMb();
    out['worker heap MB after the first 20 articles'] = base;
    const checkpoints = [Math.min(500, files.length), Math.floor(files.length / 2), files.length].filter((c, i, a) => c > 20 && a.indexOf(c) === i);
    let done = 20;
    for (const c of checkpoints) {
      for (; done < c; done += 20) handOn(batch(files.slice(done, Math.min(c, done + 20))));
      out[`worker heap MB after ${c} articles`] = heapMb();
    }
    const first = out[`worker heap MB after ${checkpoints[0]} articles`] as number;
    const last = out[`worker heap MB after ${checkpoints[checkpoints.length - 1]} articles`] as number;
    out['worker heap growth MB per 1,000 articles'] = checkpoints.length > 1 ? ((last - first) * 1000) / (checkpoints[checkpoints.length - 1] - checkpoints[0]) : 0;

    // (2) The host: the index's summaries as the store holds them after a reload (the store's own log
    // reader, CorpusStore.open), then the corpus actor model. The log is written first, by a store
    // that is let go: what writing it allocated is not counted.
    const writeLog = async () => {
      const { store: writer } = await CorpusStore.open(join(cache, 'index'), 'bench-memory');
      for (const line of readFileSync(handedOn, 'utf8').split('\n')) {
        if (!line) continue;
        const summary = JSON.parse(line) as ArticleSummary;
        writer.put({ relPath: summary.relPath, size: 0, mtimeMs: 0, contentHash: '', configKey: '', dateKey: '', summary });
      }
      await writer.flush();
    };
    await writeLog();
    const h0 = heapMb();
    const { store } = await CorpusStore.open(join(cache, 'index'), 'bench-memory');
    const h1 = heapMb();
    const lineCounts = new LineCounts();
    for (const e of store.values()) lineCounts.add(e.summary!.lineHashes);
    const hLines = heapMb();
    const actors = new CorpusActorModel();
    actors.setMany([...store.values()].map((e) => e.summary!));
    actors.count();
    const h2 = heapMb();
    // What the first question by name or id adds (a hover on a name, the dossier): the name index.
    actors.find('Barack Obama');
    actors.byId(actors.slice(0, 1)[0]?.id ?? '');
    const h3 = heapMb();
    // The same summaries fed in the extension's steps (feedInSteps, each step flushed), as the corpus
    // worker feeds the corpus actors while an index run brings summaries in: the model an
    // incremental feed keeps, where the one above is a bulk load's (a window load reads the index so).
    const fed = new CorpusActorModel();
    let steps = 0;
    for (const _ of feedInSteps(fed, [...store.values()].map((e) => e.summary!))) steps++;
    fed.count();
    const h4 = heapMb();
    const count = store.size;
    out['host: index summaries KB per article'] = ((h1 - h0) * 1000) / count;
    out['host: template line counts KB per article'] = ((hLines - h1) * 1000) / count;
    out['host: corpus actor model KB per article'] = ((h2 - hLines) * 1000) / count;
    out['host: corpus actor model, its name index once asked, KB per article'] = ((h3 - h2) * 1000) / count;
    out['host: corpus actor model fed in steps (as an index run feeds it) KB per article'] = ((h4 - h3) * 1000) / count;
    out['host: corpus actor model fed in steps: steps'] = steps;
    out[`host heap MB for ${count} articles (summaries, line counts and model)`] = h2 - h0;
    out[`host heap MB for ${count} articles, the name index built`] = h3 - h0;
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  return out;
}
