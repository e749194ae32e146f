// npm run --silent eval:actors [-- --data CORPUS] [--no-kb]
// Cross-article actor resolution against gold identities: CORPUS/gold.json names each gold actor's
// surface forms (every whole-word occurrence in an article is a mention; "files" overrides a form
// in one article, for homonyms). Each gold mention gets the corpus actor whose mention spans cover
// it (a mention the system did not find is a cluster of its own). Prints pairwise precision, recall
// and F1 over all pairs of gold mentions across the corpus, and B-cubed; ends with one JSON line.
// Default corpus: test/fixtures/actors-gold (invented articles with a knowledge base).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpusActors } from '../src/core/corpus/corpusActors';
import { corpusSummaries } from '../src/node/corpusSummaries';
import { parseArgs } from './lib/args';

interface Gold {
  actors: Record<string, string[]>;
  files?: Record<string, Record<string, string>>;
}

const WORDCHAR = /[\p{L}\p{N}]/u;

function main(): void {
  const args = parseArgs(process.argv.slice(2), { data: 'string', 'no-kb': 'boolean' });
  const root = (args.data as string | undefined) ?? join(__dirname, '..', 'test', 'fixtures', 'actors-gold');
  const goldPath = join(root, 'gold.json');
  if (!existsSync(goldPath)) {
    console.error(`No gold identities at ${goldPath}: give a corpus folder holding gold.json with --data.`);
    process.exit(2);
  }
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
  const { summaries, knowledgeBase } = corpusSummaries(root);
  const figures: Record<string, number> = {};
  for (const withKb of args['no-kb'] ? [false] : [true, false]) {
    if (withKb && !knowledgeBase) continue;
    const index = buildCorpusActors(summaries, withKb ? knowledgeBase : undefined);
    const goldIds: string[] = [];
    const sysIds: string[] = [];
    let found = 0;
    for (const s of summaries) {
      const text = readFileSync(join(root, s.relPath), 'utf8');
      const forms: [string, string][] = [];
      for (const [id, fs] of Object.entries(gold.actors)) for (const f of fs) forms.push([f, id]);
      for (const [f, id] of Object.entries(gold.files?.[s.relPath] ?? {})) forms.push([f, id]);
      const override = new Map(Object.entries(gold.files?.[s.relPath] ?? {}));
      forms.sort((a, b) => b[0].length - a[0].length);
      const taken: [number, number][] = [];
      const actors = index.actorsOf(s.relPath);
      for (const [form, id0] of forms) {
        const id = override.get(form) ?? id0;
        for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
          const end = at + form.length;
          if ((at > 0 && WORDCHAR.test(text[at - 1])) || (end < text.length && WORDCHAR.test(text[end]))) continue;
          if (taken.some(([a, b]) => a < end && at < b)) continue;
          taken.push([at, end]);
          let best = '';
          let overlap = 0;
          for (const a of actors) {
            const art = a.articles.find((x) => x.relPath === s.relPath);
            const m = art?.mentions ?? [];
            for (let i = 0; i + 1 < m.length; i += 2) {
              const o = Math.min(end, m[i + 1]) - Math.max(at, m[i]);
              if (o > overlap) (overlap = o), (best = a.id);
            }
          }
          goldIds.push(id);
          sysIds.push(best || `missed:${s.relPath}:${at}`);
          if (best) found++;
        }
      }
    }
    const n = goldIds.length;
    let tp = 0;
    let sysPairs = 0;
    let goldPairs = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const g = goldIds[i] === goldIds[j];
        const p = sysIds[i] === sysIds[j];
        if (g) goldPairs++;
        if (p) sysPairs++;
        if (g && p) tp++;
      }
    }
    let bp = 0;
    let br = 0;
    for (let i = 0; i < n; i++) {
      let same = 0;
      let sys = 0;
      let gl = 0;
      for (let j = 0; j < n; j++) {
        const g = goldIds[i] === goldIds[j];
        const p = sysIds[i] === sysIds[j];
        if (p) sys++;
        if (g) gl++;
        if (g && p) same++;
      }
      bp += same / sys;
      br += same / gl;
    }
    const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
    const P = sysPairs ? tp / sysPairs : 1;
    const R = goldPairs ? tp / goldPairs : 1;
    const tag = withKb ? 'kb' : 'no kb';
    const r = (x: number) => Math.round(x * 10000) / 10000;
    const out = {
      [`${tag} mentions`]: n,
      [`${tag} mentions found`]: found,
      [`${tag} pairwise precision`]: r(P),
      [`${tag} pairwise recall`]: r(R),
      [`${tag} pairwise F1`]: r(f1(P, R)),
      [`${tag} B3 precision`]: r(bp / n),
      [`${tag} B3 recall`]: r(br / n),
      [`${tag} B3 F1`]: r(f1(bp / n, br / n)),
    };
    console.log(`\n${withKb ? 'With the knowledge base' : 'Without the knowledge base'} (${summaries.length} articles, ${Object.keys(gold.actors).length} gold actors)`);
    for (const [k, v] of Object.entries(out)) console.log(`  ${k.slice(tag.length + 1)}: ${v}`);
    Object.assign(figures, out);
  }
  console.log(JSON.stringify(figures));
}

main();
