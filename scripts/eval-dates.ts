// npm run --silent eval:dates -- --data DIR [--out PRED.jsonl] [--errors N]
// Runs the date engine over DIR/<id>.txt with the article date from DIR/<id>.json
// ("dct"), writes one JSON line per document, and where gold timexes exist prints
// TempEval-3 strict/relaxed span P/R/F1, type and value accuracy and F1.
// Ends with one JSON line of the figures.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './lib/args';
import { SHARED_DATA, requireDataPath } from './lib/shared';
import { createDateEngine, matchDocument, scoreTempEval, type ScoredTimex } from '../src/core/dates';

interface GoldDoc {
  dct?: string;
  timex?: { start: number; end: number; text?: string; type: string; value: string }[];
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), { data: 'string', out: 'string', errors: 'number' });
  const dir = requireDataPath((args.data as string | undefined) ?? join(SHARED_DATA, 'dates', 'train'), 'Date data');
  const ids = readdirSync(dir).filter((f) => f.endsWith('.txt') && f !== 'README.txt').map((f) => f.slice(0, -4)).sort();
  const engine = createDateEngine();
  const lines: string[] = [];
  const scored: { gold: ScoredTimex[]; pred: ScoredTimex[] }[] = [];
  const errors: string[] = [];
  let chars = 0;
  const t0 = process.hrtime.bigint();
  let engineNs = 0n;
  for (const id of ids) {
    const text = readFileSync(join(dir, id + '.txt'), 'utf8');
    const jsonPath = join(dir, id + '.json');
    const meta: GoldDoc = existsSync(jsonPath) ? JSON.parse(readFileSync(jsonPath, 'utf8')) : {};
    const articleDate = meta.dct ? { value: meta.dct, source: 'dct in ' + id + '.json' } : undefined;
    const s = process.hrtime.bigint();
    const mentions = engine.recognize(text, articleDate);
    engineNs += process.hrtime.bigint() - s;
    chars += text.length;
    const pred = mentions.map((m) => ({ start: m.start, end: m.end, type: m.type, value: m.value }));
    lines.push(JSON.stringify({ id, timex: pred }));
    if (meta.timex) {
      const gold = meta.timex.map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value }));
      scored.push({ gold, pred });
      if (args.errors) {
        const m = matchDocument(gold, pred);
        const show = (t: ScoredTimex) => JSON.stringify(text.slice(t.start, t.end));
        for (const x of m.missed) errors.push(`${id}\tMISS\t${show(x)}\t${x.type}\t${x.value}\t${ctx(text, x)}`);
        for (const x of m.spurious) errors.push(`${id}\tSPUR\t${show(x)}\t${x.type}\t${x.value}\t${ctx(text, x)}`);
        for (const p of m.pairs) {
          const g = p.gold, q = p.pred;
          if (g.start !== q.start || g.end !== q.end) errors.push(`${id}\tSPAN\tgold ${show(g)} pred ${show(q)}`);
          if (g.value !== q.value || g.type !== q.type) errors.push(`${id}\tVALUE\t${show(g)}\tgold ${g.type} ${g.value}\tpred ${q.type} ${q.value}\tdct ${meta.dct}\t${ctx(text, g)}`);
        }
      }
    }
  }
  const totalMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (args.out) writeFileSync(args.out as string, lines.join('\n') + '\n');
  const figures: Record<string, number | string> = {
    documents: ids.length,
    characters: chars,
    engineCharsPerSecond: Math.round(chars / (Number(engineNs) / 1e9 || 1e-9)),
    totalMs: Math.round(totalMs),
  };
  if (scored.length > 0) {
    const s = scoreTempEval(scored);
    const pct = (x: number) => Math.round(x * 1000) / 10;
    Object.assign(figures, {
      gold: s.gold, predicted: s.predicted,
      strictP: pct(s.strict.precision), strictR: pct(s.strict.recall), strictF1: pct(s.strict.f1),
      relaxedP: pct(s.relaxed.precision), relaxedR: pct(s.relaxed.recall), relaxedF1: pct(s.relaxed.f1),
      typeAccuracy: pct(s.typeAccuracy), valueAccuracy: pct(s.valueAccuracy), typeF1: pct(s.typeF1), valueF1: pct(s.valueF1),
    });
    if (errors.length) {
      const n = args.errors as number;
      console.log(`-- errors (first ${n} of ${errors.length})`);
      for (const e of errors.slice(0, n)) console.log(e);
    }
    console.log(`documents ${ids.length}, gold ${s.gold}, predicted ${s.predicted}`);
    console.log(`strict   P ${figures.strictP}  R ${figures.strictR}  F1 ${figures.strictF1}`);
    console.log(`relaxed  P ${figures.relaxedP}  R ${figures.relaxedR}  F1 ${figures.relaxedF1}`);
    console.log(`type     accuracy ${figures.typeAccuracy}  F1 ${figures.typeF1}`);
    console.log(`value    accuracy ${figures.valueAccuracy}  F1 ${figures.valueF1}`);
  } else {
    console.log(`documents ${ids.length}: no gold timexes, predictions only`);
  }
  console.log(`engine speed ${figures.engineCharsPerSecond} characters/s`);
  console.log(JSON.stringify(figures));
}

function ctx(text: string, t: { start: number; end: number }): string {
  return JSON.stringify(text.slice(Math.max(0, t.start - 40), t.start) + '[' + text.slice(t.start, t.end) + ']' + text.slice(t.end, t.end + 30)).replace(/\\n/g, ' ');
}

main();
