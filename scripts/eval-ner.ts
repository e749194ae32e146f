// npm run --silent eval:ner -- --data FILE --out PRED [--model PATH]
// Tags a CoNLL file document by document from the token column only, writes PRED
// (each input line with the predicted tag appended, IOB1 like the data), prints conlleval-style
// per-type and micro P/R/F1, and ends with one JSON line of the figures.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './lib/args';
import { requireDataPath, SHARED_DATA } from './lib/shared';
import { parseConll } from '../src/core/ner/conllFormat';
import { conllEvaluate, formatConllScore } from '../src/core/ner/conllEval';
import { tagSentences } from '../src/core/ner/tagger';
import { chunksFromTags, iob1FromChunks } from '../src/core/ner/tags';
import { loadNerModel } from '../src/node/nerModel';

const args = parseArgs(process.argv.slice(2), { data: 'string', out: 'string', model: 'string' });
const dataPath = requireDataPath((args.data as string) ?? join(SHARED_DATA, 'ner', 'conll2003', 'dev.txt'), 'CoNLL file');
let model: ReturnType<typeof loadNerModel>;
try {
  model = loadNerModel(args.model as string | undefined);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
}
const docs = parseConll(readFileSync(dataPath, 'utf8'));
const out: string[] = [];
const sents: { gold: string[]; guess: string[] }[] = [];
let tokens = 0;
const t0 = performance.now();
for (const d of docs) {
  if (d.header) out.push(`${d.header} O`, '');
  if (!d.sentences.length) continue;
  const tagged = tagSentences(model, d.sentences.map((s) => s.tokens), false);
  d.sentences.forEach((s, si) => {
    const guess = iob1FromChunks(s.tokens.length, chunksFromTags(model.tagSet, tagged.tags[si]));
    s.lines.forEach((line, i) => out.push(`${line} ${guess[i]}`));
    out.push('');
    sents.push({ gold: s.tags, guess });
    tokens += s.tokens.length;
  });
}
const ms = performance.now() - t0;
if (args.out) writeFileSync(args.out as string, out.join('\n'));
const score = conllEvaluate(sents);
console.log(formatConllScore(score));
console.log(`tagged ${tokens} tokens in ${ms.toFixed(0)} ms (${Math.round(tokens / (ms / 1000))} tokens/s)`);
const r = (x: number) => Number(x.toFixed(2));
console.log(
  JSON.stringify({
    f1: r(score.overall.f1),
    precision: r(score.overall.precision),
    recall: r(score.overall.recall),
    ...Object.fromEntries(Object.entries(score.byType).map(([t, v]) => [t, { p: r(v.precision), r: r(v.recall), f1: r(v.f1) }])),
    tokens,
    tokensPerSecond: Math.round(tokens / (ms / 1000)),
  }),
);
