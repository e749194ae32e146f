// npm run bench [-- --data DIR] : speed of every engine on the same machine, in one run.
// Each engine's bench lives in scripts/bench/<engine>.ts and returns its figures;
// this prints them and ends with one JSON line of all of them.
// The benches of code that runs in this process (IN_PROCESS) run it bundled, as the extension ships
// it; NCA_BENCH_SOURCE=1 runs them from the sources through tsx.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { parseArgs } from './lib/args';

export interface BenchOptions {
  /** Optional data folder given with --data; each bench says what it uses when absent. */
  data?: string;
  /** Seconds each measurement should run for (approximately). */
  seconds: number;
  /** Number of articles, for the corpus benches (--articles N). */
  articles?: number;
  /** Number of index workers, for the corpus bench (--workers N; default one per core, as the extension). */
  workers?: number;
}

/**
 * Benches that time or profile the engines in this process. tsx compiles with esbuild's keepNames,
 * which wraps every function it creates in a call that names it: in the tagger's and the line
 * features' closures that cost 16% more memory allocated per web page (7.43 against 6.40 MB) and
 * time (median of interleaved runs: the tagger 139,600 against 184,800 tokens/s, boilerplate 2.70
 * against 3.43 MB/s), which the bundles the extension runs (scripts/build.mjs) do not pay.
 * So these run as a bundle built the same way (no keepNames), written beside scripts/lib/shared.ts
 * so that paths from __dirname (the shared data, the NER model) resolve as from the sources, loaded
 * and removed. The other benches run bundled workers themselves (the corpus benches) or measure
 * what tsx does not change.
 */
const IN_PROCESS = new Set(['allocation', 'boilerplate', 'dates', 'ner']);

async function loadBench(dir: string, name: string): Promise<{ bench: (opts: BenchOptions) => Promise<Record<string, number | string>> }> {
  const source = join(dir, `${name}.ts`);
  if (!IN_PROCESS.has(name) || process.env.NCA_BENCH_SOURCE === '1') return import(source);
  const out = join(__dirname, 'lib', `.bench-${name}-${process.pid}.js`);
  buildSync({ entryPoints: [source], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(out);
  } finally {
    rmSync(out, { force: true });
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { data: 'string', seconds: 'number', only: 'string', articles: 'number', workers: 'number' });
  const opts: BenchOptions = {
    data: args.data as string | undefined,
    seconds: (args.seconds as number | undefined) ?? 2,
    articles: args.articles as number | undefined,
    workers: args.workers as number | undefined,
  };
  const dir = join(__dirname, 'bench');
  const names = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
  const all: Record<string, Record<string, number | string>> = {};
  for (const name of names) {
    if (args.only && args.only !== name) continue;
    const mod = await loadBench(dir, name);
    console.log(`\n== ${name}${IN_PROCESS.has(name) && process.env.NCA_BENCH_SOURCE !== '1' ? ' (bundled)' : ''}`);
    const figures = (await mod.bench(opts)) as Record<string, number | string>;
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k}: ${typeof v === 'number' ? round(v) : v}`);
    all[name] = figures;
  }
  console.log(JSON.stringify(all));
}

function round(v: number): number {
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000;
}

if (!existsSync(join(__dirname, 'bench'))) throw new Error('scripts/bench/ is missing');
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
