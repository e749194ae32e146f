// Speed of the date engine: characters per second over the TempEval-3 train
// texts (../shared/data/dates/train, or --data DIR), or over the project's own
// invented fixture sentences when the shared data is absent (it says which).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from '../bench';
import { SHARED_DATA } from '../lib/shared';
import { createDateEngine, resolveArticleDate } from '../../src/core/dates';
import type { ArticleDateInfo } from '../../src/core/types';

const FIXTURE = [
  'BAMAKO, 4 March 2024 (Staff) - The transitional council met on Tuesday and will meet again next week.',
  'Since 2012 the north has seen two coups; in August 2020 officers seized power, and again in May the following year.',
  'Fuel prices rose 12% in the third quarter, compared with a year earlier, and have doubled in the last ten years.',
  'The convoy left at 10:30 a.m. on Friday, three days after the talks; officials meet every week until December.',
  'Nothing in this sentence is a date, but it is here so the engine also reads ordinary prose at its usual pace.',
].join('\n\n');

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  const dir = opts.data ? join(opts.data) : join(SHARED_DATA, 'dates', 'train');
  const docs: { text: string; date?: ArticleDateInfo }[] = [];
  let source: string;
  if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.txt'))) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
      const text = readFileSync(join(dir, f), 'utf8');
      const jsonPath = join(dir, f.slice(0, -4) + '.json');
      const dct = existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as { dct?: string }).dct : undefined;
      docs.push({ text, date: dct ? { value: dct, source: 'dct' } : undefined });
    }
    source = `texts in ${dir}`;
  } else {
    docs.push({ text: FIXTURE, date: resolveArticleDate(FIXTURE, { settings: { from: 'text', map: {} } }) });
    source = 'project fixture sentences (shared data absent)';
  }
  const engine = createDateEngine();
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  // Warm-up pass, then timed passes for about opts.seconds.
  let mentions = 0;
  for (const d of docs) mentions += engine.recognize(d.text, d.date).length;
  let passes = 0;
  const t0 = process.hrtime.bigint();
  const budget = BigInt(Math.round(opts.seconds * 1e9));
  do {
    for (const d of docs) engine.recognize(d.text, d.date);
    passes++;
  } while (process.hrtime.bigint() - t0 < budget);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // A large single text: the per-call bound must hold.
  const big = docs.map((d) => d.text).join('\n\n').repeat(Math.max(1, Math.ceil(1_000_000 / chars)));
  const b0 = process.hrtime.bigint();
  engine.recognize(big, { value: '2000-01-01', source: 'bench' });
  const bigMs = Number(process.hrtime.bigint() - b0) / 1e6;
  return {
    source,
    documents: docs.length,
    characters: chars,
    mentionsPerPass: mentions,
    charsPerSecond: (chars * passes) / seconds,
    msPerDocument: (seconds * 1000) / (passes * docs.length),
    oneMegabyteTextMs: (bigMs * 1_000_000) / big.length,
  };
}
