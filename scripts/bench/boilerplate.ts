// Boilerplate detection speed on real pages (MB/s of article text, UTF-16 length as MB of
// characters). With --data DIR: the .txt files of DIR (one corpus). Else the shared labelled pages,
// ../shared/data/boilerplate*/{full,main}, at most PER_FOLDER pages of each folder (first by name),
// each folder one corpus; when that data is absent it says so and stops. One warm-up pass, then at
// least MIN_PASSES timed passes (and --seconds); figures are the median pass, by wall clock and by
// the process's CPU time (the machine may be shared: CPU time is what the detector itself costs);
// then the time to key those pages' non-empty lines alone (lineKey), median of MIN_PASSES passes after one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from '../bench';
import { createBoilerplateEngine, lineKey, TemplateIndex } from '../../src/core/boilerplate';
import { DEFAULT_CONFIG } from '../../src/core/config/types';
import { splitLines } from '../../src/core/text/lines';
import { SHARED_DATA } from '../lib/shared';
import { median } from '../lib/stats';

const PER_FOLDER = 60;
const MIN_PASSES = 3;

function texts(dir: string, max = Infinity): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, max).map((f) => readFileSync(join(dir, f), 'utf8'));
}

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  let corpora: { name: string; texts: string[] }[];
  if (opts.data) {
    if (!existsSync(opts.data)) throw new Error(`--data ${opts.data}: no such folder`);
    corpora = [{ name: opts.data, texts: texts(opts.data) }];
  } else {
    const folders = existsSync(SHARED_DATA) ? readdirSync(SHARED_DATA).filter((d) => d.startsWith('boilerplate')).sort() : [];
    corpora = [];
    for (const f of folders) for (const v of ['full', 'main']) {
      const dir = join(SHARED_DATA, f, v);
      if (existsSync(dir)) corpora.push({ name: `${f}/${v}`, texts: texts(dir, f === 'boilerplate' ? Infinity : PER_FOLDER) });
    }
    if (corpora.length === 0) {
      throw new Error(
        `no real pages: ${SHARED_DATA}/boilerplate*/{full,main} not found (the shared data beside the project, see its README); ` +
          'give a folder of .txt articles with --data DIR',
      );
    }
  }
  const engine = createBoilerplateEngine();
  const docs = corpora.flatMap((c, k) => {
    const index = new TemplateIndex();
    c.texts.forEach((t, i) => index.update(`${k}/${i}`, t));
    return c.texts.map((text, i) => ({ text, lines: splitLines(text), docId: `${k}/${i}`, corpus: index }));
  });
  if (docs.length === 0) throw new Error('no .txt articles to run on');
  const chars = docs.reduce((a, d) => a + d.text.length, 0);
  let findings = 0;
  const pass = (): void => {
    findings = 0;
    for (const d of docs) findings += engine.detect({ ...d, settings: DEFAULT_CONFIG.boilerplate }).length;
  };
  pass(); // warm-up: compiles the hot paths, fills the character tables
  const wall: number[] = [];
  const cpu: number[] = [];
  const t0 = performance.now();
  while (wall.length < MIN_PASSES || performance.now() - t0 < opts.seconds * 1000) {
    const w0 = performance.now();
    const c0 = process.cpuUsage();
    pass();
    const c = process.cpuUsage(c0);
    wall.push((performance.now() - w0) / 1000);
    cpu.push((c.user + c.system) / 1e6);
  }
  // Line keys alone (templates, duplicates, the keep list: every line of every article), median pass.
  const lineTexts = docs.flatMap((d) => d.lines.map((l) => l.text).filter((t) => t.trim().length > 0));
  const keyPasses: number[] = [];
  for (let r = 0; r < MIN_PASSES + 1; r++) {
    const k0 = performance.now();
    for (const t of lineTexts) lineKey(t);
    if (r > 0) keyPasses.push(performance.now() - k0);
  }
  const mb = chars / 1e6;
  return {
    source: corpora.map((c) => `${c.name} (${c.texts.length})`).join(', '),
    articles: docs.length,
    mb: Math.round(mb * 100) / 100,
    passes: wall.length,
    mbPerSecond: mb / median(wall),
    mbPerCpuSecond: mb / median(cpu),
    msPerArticle: (median(wall) * 1000) / docs.length,
    findingsPerPass: findings,
    lines: lineTexts.length,
    lineKeysMsPer100kLines: (median(keyPasses) * 100_000) / lineTexts.length,
  };
}
