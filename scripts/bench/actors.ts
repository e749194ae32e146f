// Corpus actor aggregation time over the summaries of a corpus of real articles (default: 10,000
// distinct real articles, see scripts/lib/benchCorpus; or --data DIR of .txt files, --articles N):
//  - full build: buildCorpusActors to a view's first screen (counts and the first 100 actors of each
//    kind), and on to the sorted list of all corpus actors worked out (what the CLI reads);
//  - cold load in slices: CorpusActorModel.setMany over 500 articles a call, then the first screen
//    (the longest call), and the list of every actor worked out at the end;
//  - as the extension feeds it: steps of at most STEP_ACTORS article actors, each flushed (the longest
//    and the 99th percentile), then the Actors view's first paint (counts and the first 500 actors of
//    each kind), then every actor worked out in steps (the dossier's quick pick, the view's filter),
//    then the names and ids find() and byId() read indexed in steps (p50, longest);
//  - as the extension loads a model apart at a window load: loadInSteps (steps of STEP_ACTORS article
//    actors set as one bulk load, then groups worked out STEP_LOAD_WORK article actors' worth a step),
//    to the same first paint: the total, the steps' p50, p99 and longest;
//  - incremental update: 200 deletes and sets of real summaries (each one put back after its
//    delete), each followed by the actors of that article (flushes the update), and by the whole
//    sorted list (what a view re-reads); p50/p95.
// The summaries come from the persisted corpus index, kept in a temp folder between runs: the first
// run analyses the articles (minutes), later runs read them back.
import { createHash } from 'node:crypto';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchOptions } from '../bench';
import { actorsInSteps, CorpusActorModel, feedInSteps, loadInSteps, STEP_ACTORS, STEP_GROUPS, STEP_LOAD_WORK } from '../../src/core/corpus/corpusActorModel';
import { buildCorpusActors } from '../../src/core/corpus/corpusActors';
import { createAnalysisPool } from '../../src/node/analysisPool';
import { corpusSummaries } from '../../src/node/corpusSummaries';
import { benchAnalysisWorker, benchCorpusDir } from '../lib/benchCorpus';

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  const n = opts.articles ?? 10_000;
  const found = benchCorpusDir('actors', opts.data, n);
  if (!found) return { skipped: 'no data' };
  const dir = resolve(found);
  const cache = join(tmpdir(), `nca-bench-index-${createHash('sha1').update(dir).digest('hex').slice(0, 12)}`);
  const pool = createAnalysisPool({ workers: availableParallelism(), script: benchAnalysisWorker() });
  const tA = performance.now();
  let got;
  try {
    got = await corpusSummaries(dir, { pool, cache });
  } finally {
    await pool.terminate();
  }
  const indexMs = performance.now() - tA;
  const summaries = got.summaries;
  buildCorpusActors(summaries.slice(0, 500)).actors; // warm-up
  // Full build to a view's first screen (counts and the first 100 actors of each kind), then to the
  // list of all corpus actors worked out (what the CLI reads).
  const KINDS = ['person', 'organization', 'place', 'other'] as const;
  const firstScreen: number[] = [];
  const firstScreenCpu: number[] = [];
  const times: number[] = [];
  const cpu: number[] = [];
  let actors = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < opts.seconds * 1000 || times.length < 3) {
    const t = performance.now();
    const c = process.cpuUsage();
    const index = buildCorpusActors(summaries);
    for (const k of KINDS) index.slice(0, 100, k);
    const screen = process.cpuUsage(c);
    firstScreen.push(performance.now() - t);
    firstScreenCpu.push((screen.user + screen.system) / 1000);
    actors = index.actors.length;
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  for (const xs of [firstScreen, firstScreenCpu, times, cpu]) xs.sort((a, b) => a - b);

  // Cold load in slices, as a host spreads it over turns of the event loop, painting the counts and
  // the first screen after each slice.
  const model = new CorpusActorModel();
  let longestSlice = 0;
  for (let i = 0; i < summaries.length; i += 500) {
    const t = performance.now();
    model.setMany(summaries.slice(i, i + 500));
    for (const k of KINDS) model.slice(0, 100, k);
    longestSlice = Math.max(longestSlice, performance.now() - t);
  }
  const tList = performance.now();
  if (model.actors.length !== actors) throw new Error(`the model in slices gives ${model.actors.length} corpus actors, the full build ${actors}`);
  const firstListMs = performance.now() - tList;

  // As the corpus worker feeds it (src/node/corpusService.ts): steps of at most STEP_ACTORS
  // article actors, each flushed; then the Actors view's first paint: the counts and the first 500
  // actors of each kind; then every actor worked out in steps (the quick pick of a dossier).
  const fed = new CorpusActorModel();
  const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))];
  const fedSteps: number[] = [];
  const tFeed = performance.now();
  let t = tFeed;
  for (const _ of feedInSteps(fed, summaries)) {
    fedSteps.push(performance.now() - t);
    t = performance.now();
  }
  fedSteps.sort((a, b) => a - b);
  const tPaint = performance.now();
  for (const k of KINDS) {
    fed.count(k);
    fed.slice(0, 500, k);
  }
  const firstPaintMs = performance.now() - tPaint;
  const feedToPaintMs = tPaint - tFeed + firstPaintMs;
  // As the extension loads a model apart (a window load): loadInSteps, then the same first paint.
  const loaded = new CorpusActorModel();
  const loadSteps: number[] = [];
  const tLoad = performance.now();
  t = tLoad;
  for (const _ of loadInSteps(loaded, summaries)) {
    loadSteps.push(performance.now() - t);
    t = performance.now();
  }
  for (const k of KINDS) {
    loaded.count(k);
    loaded.slice(0, 500, k);
  }
  const loadToPaintMs = performance.now() - tLoad;
  loadSteps.sort((a, b) => a - b);
  if (loaded.count() !== actors) throw new Error(`the model loaded in steps gives ${loaded.count()} corpus actors, the full build ${actors}`);
  const pickSteps: number[] = [];
  let picked = 0;
  const tPick = performance.now();
  t = tPick;
  for (const batch of actorsInSteps(fed)) {
    picked += batch.length;
    pickSteps.push(performance.now() - t);
    t = performance.now();
  }
  const pickMs = performance.now() - tPick;
  if (picked !== actors) throw new Error(`every actor in steps gives ${picked} corpus actors, the full build ${actors}`);
  pickSteps.sort((a, b) => a - b);
  // The maps find() and byId() read (a dossier by name, "Merge with…", the view's reveal), built in
  // steps as the extension does before its first such query (queryable).
  const nameSteps: number[] = [];
  const tNames = performance.now();
  t = tNames;
  for (const _ of fed.queryIndexInSteps()) {
    nameSteps.push(performance.now() - t);
    t = performance.now();
  }
  nameSteps.push(performance.now() - t);
  const namesMs = performance.now() - tNames;
  nameSteps.sort((a, b) => a - b);
  const firstActor = fed.slice(0, 1)[0];
  const tFind = performance.now();
  const firstFound = firstActor ? [fed.find(firstActor.name).length > 0, fed.byId(firstActor.id) !== undefined] : [];
  const findMs = performance.now() - tFind;
  if (firstFound.includes(false)) throw new Error('find() or byId() misses the first corpus actor');

  // Incremental updates: a delete, then the same summary set back (the corpus is the same after each pair).
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const update: number[] = [];
  const updateList: number[] = [];
  for (let i = 0; i < 100; i++) {
    const s = summaries[Math.floor(random() * summaries.length)];
    for (const op of [() => model.delete(s.relPath), () => model.set(s)]) {
      const t = performance.now();
      op();
      model.actorsOf(s.relPath);
      update.push(performance.now() - t);
      model.actors.length;
      updateList.push(performance.now() - t);
    }
  }
  if (model.actors.length !== actors) throw new Error('the model after the updates differs from the full build');
  update.sort((a, b) => a - b);
  updateList.sort((a, b) => a - b);
  const actorSummaries = summaries.reduce((n, s) => n + s.actors.length, 0);
  return {
    source: dir,
    'summaries aggregated (distinct articles)': summaries.length,
    'articles analysed for the index this run': got.report.analysed,
    'index update s (analysis or cache read)': indexMs / 1000,
    'article actors aggregated': actorSummaries,
    'corpus actors': actors,
    'full build to first screen ms (median)': firstScreen[firstScreen.length >> 1],
    'full build to first screen ms (min)': firstScreen[0],
    'full build to first screen cpu ms (median)': firstScreenCpu[firstScreenCpu.length >> 1],
    'full build with every actor worked out ms (median)': times[times.length >> 1],
    'full build with every actor worked out ms (min)': times[0],
    'full build with every actor worked out cpu ms (median)': cpu[cpu.length >> 1],
    'full build runs': times.length,
    'cold load in slices of 500 (+ first screen): longest slice ms': longestSlice,
    'cold load in slices: then every actor worked out ms': firstListMs,
    [`extension feed, steps of ${STEP_ACTORS} article actors each flushed`]: fedSteps.length,
    'extension feed: step ms p50': pct(fedSteps, 0.5),
    'extension feed: step ms p99': pct(fedSteps, 0.99),
    'extension feed: longest step ms': fedSteps[fedSteps.length - 1],
    'Actors view first paint (counts + 500 actors of each kind) ms': firstPaintMs,
    'extension feed to first paint ms': feedToPaintMs,
    [`extension load apart (loadInSteps: ${STEP_ACTORS} article actors, ${STEP_LOAD_WORK} actors' worth of groups a step) to first paint ms`]: loadToPaintMs,
    'load apart: steps': loadSteps.length,
    'load apart: step ms p50': pct(loadSteps, 0.5),
    'load apart: step ms p99': pct(loadSteps, 0.99),
    'load apart: longest step ms': loadSteps[loadSteps.length - 1],
    'every actor worked out in steps (quick pick): steps': pickSteps.length,
    'every actor in steps: total ms': pickMs,
    'every actor in steps: step ms p99': pct(pickSteps, 0.99),
    'every actor in steps: longest step ms': pickSteps[pickSteps.length - 1],
    [`names and ids indexed in steps of ${STEP_GROUPS} actors: steps`]: nameSteps.length,
    'names and ids in steps: total ms': namesMs,
    'names and ids in steps: step ms p50': pct(nameSteps, 0.5),
    'names and ids in steps: longest step ms': nameSteps[nameSteps.length - 1],
    'then find() + byId() ms': findMs,
    'incremental updates (delete or set)': update.length,
    'update ms p50 (set/delete + actors of the article)': pct(update, 0.5),
    'update ms p95': pct(update, 0.95),
    'update + whole sorted list ms p50': pct(updateList, 0.5),
    'update + whole sorted list ms p95': pct(updateList, 0.95),
    'load average (1 min)': loadavg()[0],
  };
}
