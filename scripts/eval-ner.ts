// npm run --silent eval:ner -- --data FILE --out PRED [--model PATH] [--engine] [--gold-column N] [--no-gate]
// Tags a CoNLL file document by document from the token column only, writes PRED
// (each input line with the predicted tag appended, IOB1 like the data), prints conlleval-style
// per-type and micro P/R/F1, a breakdown of the errors by kind (wrong type, wrong span, missed,
// spurious) per type, and ends with one JSON line of the figures.
// Gold tags: IOB1, IOB2 or BILOU, in the 4th column when a line has more (a PRED file), else the
// last; --gold-column N picks another. --engine tags through the whole entity engine (sentences
// rebuilt as text, tokenized again, news rules applied), i.e. what the editor shows. --no-gate scores
// every token, as training does (by default the tagger fixes plain tokens between plain tokens at O:
// outsideTokens in src/core/ner/features.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './lib/args';
import { requireDataPath, SHARED_DATA } from './lib/shared';
import { parseConll, type ConllSentence } from '../src/core/ner/conllFormat';
import { conllErrors, conllEvaluate, formatConllErrors, formatConllScore } from '../src/core/ner/conllEval';
import { createNerEngine, LABEL_TO_KIND } from '../src/core/ner/engine';
import { tagSentences } from '../src/core/ner/tagger';
import { prepareDoc } from '../src/core/ner/features';
import { chunksFromTags, iob1FromChunks, type TokenChunk } from '../src/core/ner/tags';
import { loadNerModel } from '../src/node/nerModel';

const args = parseArgs(process.argv.slice(2), { data: 'string', out: 'string', model: 'string', engine: 'boolean', 'gold-column': 'number', 'no-gate': 'boolean' });
const dataPath = requireDataPath((args.data as string) ?? join(SHARED_DATA, 'ner', 'conll2003', 'dev.txt'), 'CoNLL file');
let model: ReturnType<typeof loadNerModel>;
try {
  model = loadNerModel(args.model as string | undefined);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
}
const docs = parseConll(readFileSync(dataPath, 'utf8'), { goldColumn: args['gold-column'] as number | undefined });
const engine = args.engine ? createNerEngine(model) : undefined;
const KIND_TO_LABEL = Object.fromEntries(Object.entries(LABEL_TO_KIND).map(([l, k]) => [k, l]));

/** Chunks per sentence from the engine on the document rebuilt as text (tokens joined by spaces, a sentence a line). */
function engineChunks(sentences: ConllSentence[]): TokenChunk[][] {
  const offsets: number[][] = [];
  let text = '';
  for (const s of sentences) {
    offsets.push(s.tokens.map((t) => ((text += (text && !text.endsWith('\n') ? ' ' : '') + t), text.length - t.length)));
    text += '\n';
  }
  const out: TokenChunk[][] = sentences.map(() => []);
  for (const m of engine!.recognize(text, [{ start: 0, end: text.length }])) {
    const type = KIND_TO_LABEL[m.kind];
    sentences.forEach((s, si) => {
      let a = -1;
      let b = -1;
      s.tokens.forEach((t, i) => {
        if (offsets[si][i] < m.end && m.start < offsets[si][i] + t.length) (a < 0 && (a = i), (b = i + 1));
      });
      if (a >= 0 && type) out[si].push({ start: a, end: b, type });
    });
  }
  return out;
}

const out: string[] = [];
const sents: { gold: string[]; guess: string[] }[] = [];
let tokens = 0;
const t0 = performance.now();
for (const d of docs) {
  if (d.header) out.push(`${d.header} O`, '');
  if (!d.sentences.length) continue;
  const chunks = engine
    ? engineChunks(d.sentences)
    : tagSentences(model, d.sentences.map((s) => s.tokens), false, !args['no-gate']).tags.map((t) => chunksFromTags(model.tagSet, t));
  d.sentences.forEach((s, si) => {
    const guess = iob1FromChunks(s.tokens.length, chunks[si]);
    s.lines.forEach((line, i) => out.push(`${line} ${guess[i]}`));
    out.push('');
    sents.push({ gold: s.tags, guess });
    tokens += s.tokens.length;
  });
}
const ms = performance.now() - t0;
// How many tokens the gate fixes outside any entity without scoring them (outsideTokens).
let fixed = 0;
for (const d of docs) for (const o of prepareDoc(d.sentences.map((s) => s.tokens), model.lexicon, true).outside ?? []) if (o) for (const x of o) fixed += x;
if (args.out) writeFileSync(args.out as string, out.join('\n'));
const score = conllEvaluate(sents);
const errors = conllErrors(sents);
console.log(formatConllScore(score));
console.log(`\nerrors by kind (per gold type; spurious per guessed type)${engine ? ', through the engine' : ''}:`);
console.log(formatConllErrors(errors));
console.log(`tagged ${tokens} tokens in ${ms.toFixed(0)} ms (${Math.round(tokens / (ms / 1000))} tokens/s)`);
console.log(`gate: ${fixed} of ${tokens} tokens (${((100 * fixed) / tokens).toFixed(1)}%) fixed outside any entity without being scored${args['no-gate'] ? ' (not applied: --no-gate)' : ''}`);
const r = (x: number) => Number(x.toFixed(2));
console.log(
  JSON.stringify({
    f1: r(score.overall.f1),
    precision: r(score.overall.precision),
    recall: r(score.overall.recall),
    ...Object.fromEntries(Object.entries(score.byType).map(([t, v]) => [t, { p: r(v.precision), r: r(v.recall), f1: r(v.f1) }])),
    errors,
    tokens,
    tokensPerSecond: Math.round(tokens / (ms / 1000)),
    gatedTokenShare: r((100 * fixed) / tokens),
  }),
);
