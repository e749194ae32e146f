// Entity tagging throughput: this project's tagger (tokenizing and tagging raw
// text through the engine) and compromise (people/places/organizations) on the
// same text in the same run, in tokens per second (tokens as our tokenizer counts them;
// tokensPerSecond is from the median run after a warm-up, as the machine may be shared), on real
// text only (CoNLL-2003 dev by default, or --data), and the time to decode the model file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import type { BenchOptions } from '../bench';
import { SHARED_DATA } from '../lib/shared';
import { parseConll } from '../../src/core/ner/conllFormat';
import { createNerEngine } from '../../src/core/ner/engine';
import { tokenize } from '../../src/core/ner/tokenize';
import { deserializeModel } from '../../src/core/ner/model';
import { defaultNerModelPaths, loadNerModel } from '../../src/node/nerModel';

function conllText(path: string): string {
  // Documents of the CoNLL file as plain text: one sentence per line, a blank line between documents.
  return parseConll(readFileSync(path, 'utf8'))
    .map((d) => d.sentences.map((s) => s.tokens.join(' ')).join('\n'))
    .join('\n\n');
}

function loadText(opts: BenchOptions): { text: string; source: string } {
  const dev = join(SHARED_DATA, 'ner', 'conll2003', 'dev.txt');
  if (opts.data) {
    const cand = [opts.data, join(opts.data, 'ner', 'conll2003', 'dev.txt'), join(opts.data, 'dev.txt')];
    const f = cand.find((p) => existsSync(p) && statSync(p).isFile());
    if (f) return { text: /\.txt$/.test(f) && readFileSync(f, 'utf8').includes('-DOCSTART-') ? conllText(f) : readFileSync(f, 'utf8'), source: f };
  }
  if (existsSync(dev)) return { text: conllText(dev), source: `${dev} (CoNLL-2003 dev as plain text)` };
  // Speed is only meaningful on real text: no repeated fixtures in its place.
  throw new Error(
    `the ner bench needs real text: CoNLL-2003 dev not found at ${dev} (../shared/data beside the project, ` +
      `or NEWS_CORPUS_SHARED); give a CoNLL file or a plain-text file with --data`,
  );
}

/**
 * Milliseconds per run: median of the runs by the wall clock (robust on a shared machine), the mean,
 * and the mean by this process's CPU time.
 */
function timeLoop(seconds: number, fn: () => void): { wall: number; mean: number; cpu: number } {
  // Warm-up (JIT tiers, token caches, heap growth): at least 3 runs and 1.5 s.
  const w0 = performance.now();
  for (let i = 0; i < 3 || performance.now() - w0 < 1500; i++) fn();
  const runs: number[] = [];
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  do {
    const r0 = performance.now();
    fn();
    runs.push(performance.now() - r0);
  } while (performance.now() - t0 < seconds * 1000 || runs.length < 3);
  const c = process.cpuUsage(c0);
  runs.sort((a, b) => a - b);
  const mean = (performance.now() - t0) / runs.length;
  return { wall: runs[runs.length >> 1], mean, cpu: (c.user + c.system) / 1000 / runs.length };
}

/** Decoding the shipped model file (what the first use costs): median wall and mean CPU ms over 5 loads. */
function modelLoad(): { wall: number; cpu: number; bytes: number } {
  const path = defaultNerModelPaths().find((p) => existsSync(p));
  if (!path) throw new Error('models/ner.bin not found; run npm run train:ner');
  const buf = readFileSync(path);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const walls: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    deserializeModel(bytes);
    walls.push(performance.now() - t);
  }
  const c = process.cpuUsage(c0);
  walls.sort((a, b) => a - b);
  return { wall: walls[2], cpu: (c.user + c.system) / 1000 / 5, bytes: bytes.length };
}

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  const { text, source } = loadText(opts);
  const load = modelLoad();
  // NCA_NER_NO_GATE=1: every token scored, as training does (NerEngineOptions.gate).
  const engine = createNerEngine(loadNerModel(), { gate: process.env.NCA_NER_NO_GATE !== '1' });
  const region = [{ start: 0, end: text.length }];
  const tokens = tokenize(text).length;
  const ms = timeLoop(opts.seconds, () => engine.recognize(text, region));
  const entities = engine.recognize(text, region).length;
  // compromise is much slower: give it a slice of the same text (up to ~30k tokens).
  const cut = tokens > 30_000 ? text.slice(0, text.lastIndexOf('\n', Math.floor((text.length * 30_000) / tokens)) + 1 || text.length) : text;
  const cutTokens = tokenize(cut).length;
  let found = 0;
  const cms = timeLoop(opts.seconds, () => {
    const doc = nlp(cut);
    found = doc.people().length + doc.places().length + doc.organizations().length;
  });
  const ours = tokens / (ms.wall / 1000);
  const theirs = cutTokens / (cms.wall / 1000);
  return {
    text: source,
    tokens,
    entities,
    tokensPerSecond: Math.round(ours),
    tokensPerSecondMean: Math.round(tokens / (ms.mean / 1000)),
    tokensPerCpuSecond: Math.round(tokens / (ms.cpu / 1000)),
    compromiseTokens: cutTokens,
    compromiseEntities: found,
    compromiseTokensPerSecond: Math.round(theirs),
    compromiseTokensPerCpuSecond: Math.round(cutTokens / (cms.cpu / 1000)),
    speedupOverCompromise: Number((ours / theirs).toFixed(2)),
    modelBytes: load.bytes,
    modelLoadMs: Number(load.wall.toFixed(1)),
    modelLoadCpuMs: Number(load.cpu.toFixed(1)),
  };
}
