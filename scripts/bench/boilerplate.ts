// Boilerplate detection speed (MB/s of article text, UTF-16 length as MB of characters).
// With --data DIR: the .txt files of DIR; else the shared dev pages (full variant) when present,
// else invented articles. Each pass detects every article with a corpus TemplateIndex.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from '../bench';
import { createBoilerplateEngine, TemplateIndex } from '../../src/core/boilerplate';
import { DEFAULT_CONFIG } from '../../src/core/config/types';
import { splitLines } from '../../src/core/text/lines';
import { SHARED_DATA } from '../lib/shared';

function invented(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 50; i++) {
    const body = Array.from({ length: 12 }, (_, k) =>
      `Paragraph ${k} of story ${i}: the council said on Tuesday that the new budget would fund schools, roads and clinics across the region.`,
    );
    out.push(['Home', 'News', `Story number ${i} makes the headline`, 'By Jane Doe', ...body, 'Share on Facebook', 'Leave a Reply', 'Read more: another story…'].join('\n'));
  }
  return out;
}

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  let source = 'invented articles';
  let texts: string[];
  const dir = opts.data ?? join(SHARED_DATA, 'boilerplate', 'full');
  if (existsSync(dir)) {
    texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
    source = dir;
  } else texts = invented();
  const engine = createBoilerplateEngine();
  const index = new TemplateIndex();
  texts.forEach((t, i) => index.update(String(i), t));
  const docs = texts.map((text, i) => ({ text, lines: splitLines(text), docId: String(i) }));
  const chars = texts.reduce((a, t) => a + t.length, 0);
  let passes = 0;
  let findings = 0;
  const t0 = performance.now();
  do {
    for (const d of docs) findings += engine.detect({ ...d, settings: DEFAULT_CONFIG.boilerplate, corpus: index }).length;
    passes++;
  } while (performance.now() - t0 < opts.seconds * 1000);
  const secs = (performance.now() - t0) / 1000;
  return { source, articles: texts.length, passes, mbPerSecond: (chars * passes) / 1e6 / secs, msPerArticle: (secs * 1000) / (passes * texts.length), findingsPerPass: findings / passes };
}
