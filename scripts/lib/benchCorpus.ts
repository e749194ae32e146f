// A corpus of real text for the corpus-level benches (index, actors): the pages under
// ../shared/data/boilerplate*/full, then Wikipedia pages of ../shared/data/ner/wikitext/ (one document
// per line, 1,500+ characters, as paragraphs), written once as .txt files into a temp folder and
// reused by later runs. Nothing is repeated.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_DATA } from './shared';

export const SHARED = SHARED_DATA;

/** The analysis worker, from source (the benches run under tsx). */
export const BENCH_WORKER = join(__dirname, '..', '..', 'src', 'node', 'analysisWorkerMain.ts');
/** The corpus worker, from source (it starts the analysis workers from source beside it). */
export const BENCH_CORPUS_WORKER = join(__dirname, '..', '..', 'src', 'node', 'corpusWorkerMain.ts');

/** The bundles built by this process already (scripts/build.mjs runs once per bench). */
let built = false;

/** Builds the bundles the extension ships (dist/), once per process, with the project's build (scripts/build.mjs). */
function buildBundles(): string {
  const root = join(__dirname, '..', '..');
  if (!built) {
    const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`the bundles could not be built (node scripts/build.mjs): ${b.stderr || b.error?.message}`);
    built = true;
  }
  return join(root, 'dist');
}

/**
 * The corpus worker as the extension runs it: bundled (dist/corpusWorker.js, which starts
 * dist/analysisWorker.js beside it), built now from the sources with the project's build
 * (scripts/build.mjs). From source through tsx, fresh workers spend their first seconds compiling
 * TypeScript: an update of 100 articles took 5.7 s there against 3.6 s bundled. NCA_BENCH_SOURCE=1
 * runs the sources instead (no build).
 */
export function benchCorpusWorker(): string {
  if (process.env.NCA_BENCH_SOURCE === '1') return BENCH_CORPUS_WORKER;
  return join(buildBundles(), 'corpusWorker.js');
}

/**
 * The analysis worker as the extension runs it (the editor's and the index's): bundled
 * (dist/analysisWorker.js), built now as benchCorpusWorker's is. Through tsx, esbuild's `keepNames`
 * wraps every function it creates, and the tagger creates closures per sentence (see
 * docs/measurements.md, "Speed"). NCA_BENCH_SOURCE=1 runs the sources instead.
 */
export function benchAnalysisWorker(): string {
  if (process.env.NCA_BENCH_SOURCE === '1') return BENCH_WORKER;
  return join(buildBundles(), 'analysisWorker.js');
}

/** The real web pages (each boilerplate folder's full pages), in the order realTexts yields them first. */
export function webPageFiles(): string[] {
  const out: string[] = [];
  for (const d of ['boilerplate', 'boilerplate-wcxb', 'boilerplate-cleaneval']) {
    const dir = join(SHARED, d, 'full');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) out.push(join(dir, f));
  }
  return out;
}

/** Real texts, in a stable order: the boilerplate pages, then Wikipedia pages of 1,500+ characters. */
export function* realTexts(): Generator<string> {
  for (const p of webPageFiles()) yield readFileSync(p, 'utf8');
  for (const f of ['enwiki-new-pages-2018.txt', 'simplewiki-2017.txt']) {
    const p = join(SHARED, 'ner', 'wikitext', f);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (line.length < 1500) continue;
      // A page as an article: a title line, then its sentences grouped into paragraphs.
      const sentences = line.split(/(?<=[.!?])\s+(?=[A-Z])/);
      const paras: string[] = [];
      for (let i = 0; i < sentences.length; i += 4) paras.push(sentences.slice(i, i + 4).join(' '));
      yield paras.join('\n\n') + '\n';
    }
  }
}

export function benchCorpus(n: number): string {
  const dir = join(tmpdir(), `nca-bench-corpus-${n}`);
  if (existsSync(join(dir, '.complete'))) return markedAsCorpus(dir);
  rmSync(dir, { recursive: true, force: true });
  let i = 0;
  for (const text of realTexts()) {
    if (i >= n) break;
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `a${String(i).padStart(6, '0')}.txt`), text);
    i++;
  }
  if (i < n) throw new Error(`only ${i} real texts under ${SHARED} (asked for ${n})`);
  writeFileSync(join(dir, '.complete'), String(n));
  return markedAsCorpus(dir);
}

/** The folder with a newscorpus.yaml of defaults, as the extension sees a corpus (the corpus worker walks from it). */
function markedAsCorpus(dir: string): string {
  const config = join(dir, 'newscorpus.yaml');
  if (!existsSync(config)) writeFileSync(config, '# A bench corpus: the default settings.\ninclude: ["**/*.txt"]\n');
  return dir;
}


/**
 * The folder of .txt articles a corpus-level bench runs on: `data` when given, else the bench corpus
 * of `n` real texts; undefined (with a message naming the bench) when ../shared is absent.
 */
export function benchCorpusDir(bench: string, data: string | undefined, n: number): string | undefined {
  if (data) return data;
  if (!existsSync(SHARED)) {
    console.log(`  ${bench} bench: needs real text, and ${SHARED} is absent; give --data DIR (a folder of .txt articles)`);
    return undefined;
  }
  return benchCorpus(n);
}
