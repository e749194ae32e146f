// npm run bench [-- --data DIR] : speed of every engine on the same machine, in one run.
// Each engine's bench lives in scripts/bench/<engine>.ts and returns its figures;
// this prints them and ends with one JSON line of all of them.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './lib/args';

export interface BenchOptions {
  /** Optional data folder given with --data; each bench says what it uses when absent. */
  data?: string;
  /** Seconds each measurement should run for (approximately). */
  seconds: number;
  /** Number of articles, for the corpus benches (--articles N). */
  articles?: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { data: 'string', seconds: 'number', only: 'string', articles: 'number' });
  const opts: BenchOptions = { data: args.data as string | undefined, seconds: (args.seconds as number | undefined) ?? 2, articles: args.articles as number | undefined };
  const dir = join(__dirname, 'bench');
  const names = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
  const all: Record<string, Record<string, number | string>> = {};
  for (const name of names) {
    if (args.only && args.only !== name) continue;
    const mod = await import(join(dir, name));
    console.log(`\n== ${name}`);
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
