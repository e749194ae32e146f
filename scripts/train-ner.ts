// npm run train:ner [-- --data DIR --out models/ner.bin --epochs N --bits B --stages 1|2 --scheme BIO|BILOU
//                        --extra LIST --extra-lexicon LIST --actors DIR|none --brands none]
// Trains the averaged-perceptron entity tagger on DIR/train.txt (CoNLL-2003, IOB1) plus the extra
// labelled sets named in --extra (gum, redocred, crossner: their sentences are trained on), with a
// gazetteer that also holds the names of the sets in --extra-lexicon and of the actor dictionaries
// (../shared/data/actors: people's first and last names, organisations; read here only, the model
// keeps hashes);
// prints dev figures after every epoch, keeps the epoch with the best dev F1,
// and writes the model. Deterministic: seeded shuffles, fixed folds.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import countries from 'world-countries';
import { parseArgs } from './lib/args';
import { requireDataPath, SHARED_DATA } from './lib/shared';
import { parseConll, type ConllDoc } from '../src/core/ner/conllFormat';
import { conllEvaluate, type ConllScore } from '../src/core/ner/conllEval';
import { FEATURES_VERSION, foldToken, prepareDoc, sentenceFeatures, type Lexicon } from '../src/core/ner/features';
import { newModel, serializeModel, deserializeModel, type NerModel, type Stage } from '../src/core/ner/model';
import { chunksFromIob, chunksFromTags, iob1FromChunks, makeTagSet, tagsFromChunks, type TagScheme, type TagSet } from '../src/core/ner/tags';
import { buildLexicon, PerceptronTrainer, seededRandom, shuffled, type LexiconEntry, type TrainItem } from '../src/core/ner/train';
import { documentEvidence, tagSentences, type SentenceRows } from '../src/core/ner/tagger';
import { stageEmissions, viterbi } from '../src/core/ner/viterbi';
import { parseActorDictionary } from '../src/core/ner/actorDictionary';
import { TOKEN_SOURCES } from '../src/core/ner/gazetteer';
import { isTitleWord } from '../src/core/ner/titles';

const args = parseArgs(process.argv.slice(2), {
  data: 'string', out: 'string', epochs: 'number', bits: 'number', stages: 'number', scheme: 'string',
  folds: 'number', seed: 'number', prune: 'number', extra: 'string', 'extra-lexicon': 'string', actors: 'string', brands: 'string',
});
const dataDir = requireDataPath((args.data as string) ?? join(SHARED_DATA, 'ner', 'conll2003'), 'CoNLL-2003 data folder');
const outPath = resolve((args.out as string) ?? join(__dirname, '..', 'models', 'ner.bin'));
const EPOCHS = (args.epochs as number) ?? 12;
const BITS = (args.bits as number) ?? 18;
const STAGES = (args.stages as number) ?? 2;
const SCHEME = ((args.scheme as string) ?? 'BILOU') as TagScheme;
const FOLDS = (args.folds as number) ?? 5;
const SEED = (args.seed as number) ?? 20031;
const PRUNE = (args.prune as number) ?? 0;
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];
const NER_DATA = join(SHARED_DATA, 'ner');
/** The extra labelled sets and their files (all IOB2, PER/ORG/LOC/MISC; see each folder's README). */
const EXTRA_SETS: Record<string, string[]> = {
  gum: ['gum/train.txt', 'gum/dev.txt', 'gum/test.txt'],
  redocred: ['redocred/dev.txt', 'redocred/test.txt'],
  crossner: ['politics', 'science', 'music', 'literature', 'ai'].flatMap((d) => ['train', 'dev', 'test'].map((s) => `crossner/${d}/${s}.txt`)),
};
const listArg = (v: unknown, dflt: string) =>
  String(v ?? dflt).split(',').map((x) => x.trim()).filter((x) => x && x !== 'none');
const EXTRA = listArg(args.extra, 'none');
const EXTRA_LEXICON = listArg(args['extra-lexicon'], 'gum,redocred,crossner');
for (const e of [...EXTRA, ...EXTRA_LEXICON]) if (!EXTRA_SETS[e]) throw new Error(`unknown extra set "${e}" (known: ${Object.keys(EXTRA_SETS).join(', ')})`);
const ACTORS = args.actors === 'none' ? null : requireDataPath((args.actors as string) ?? join(SHARED_DATA, 'actors'), 'actor dictionaries folder');
function readExtra(name: string): ConllDoc[] {
  return EXTRA_SETS[name].flatMap((f) => parseConll(readFileSync(requireDataPath(join(NER_DATA, f), `${name} file ${f}`), 'utf8')));
}

const t0 = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);

const conllTrain = parseConll(readFileSync(requireDataPath(join(dataDir, 'train.txt'), 'train.txt'), 'utf8'));
const train = [...conllTrain, ...EXTRA.flatMap(readExtra)];
const dev = parseConll(readFileSync(requireDataPath(join(dataDir, 'dev.txt'), 'dev.txt'), 'utf8'));
const set = makeTagSet(SCHEME);
const mask = (1 << BITS) - 1;
log(`train ${train.length} docs (CoNLL ${conllTrain.length}${EXTRA.length ? ' + ' + EXTRA.join(' + ') : ''}), dev ${dev.length} docs; scheme ${SCHEME}, 2^${BITS} rows, ${STAGES} stage(s), ${EPOCHS} epochs max`);

// ---- Lexicon: entities of the training data (by type) and world countries.
function worldEntries(): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  const tok = (s: string) => s.split(/\s+/).filter(Boolean);
  for (const c of countries as any[]) {
    const names = new Set<string>([c.name.common, c.name.official, ...(c.altSpellings ?? []).filter((a: string) => a.length > 3)]);
    for (const n of names) out.push({ tokens: tok(n), source: 4 });
    for (const cap of c.capital ?? []) out.push({ tokens: tok(cap), source: 4 });
    for (const r of [c.region, c.subregion]) if (r) out.push({ tokens: tok(r), source: 4 });
    const d = c.demonyms?.eng;
    if (d) for (const x of new Set<string>([d.m, d.f])) if (x) {
      out.push({ tokens: tok(x), source: 5 });
      out.push({ tokens: tok(x + 's'), source: 5 });
    }
  }
  // Regions news names all the time that no country list holds (a short hand list, kept general).
  const regions = [
    'Sahel', 'Sahara', 'Maghreb', 'Horn of Africa', 'Sub-Saharan Africa', 'West Africa', 'East Africa', 'North Africa',
    'Central Africa', 'Middle East', 'Near East', 'Levant', 'Gulf', 'Persian Gulf', 'Balkans', 'Caucasus', 'Baltics',
    'Scandinavia', 'Southeast Asia', 'Latin America', 'Donbas', 'Crimea', 'Kashmir', 'Gaza Strip', 'West Bank', 'Sinai',
  ];
  for (const r of regions) out.push({ tokens: tok(r), source: 4 });
  return out;
}
/** Name and place lists of compromise's lexicon (a dev dependency, read at training time only). */
function compromiseEntries(): LexiconEntry[] {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const nlp = require('compromise');
  const lex: Record<string, string | string[]> = nlp.world().model.one.lexicon;
  const out: LexiconEntry[] = [];
  for (const [word, v] of Object.entries(lex)) {
    const tags = Array.isArray(v) ? v : String(v).split(',');
    const has = (t: string) => tags.includes(t);
    const tokens = word.split(/\s+/).filter(Boolean);
    if (has('FirstName') || has('MaleName') || has('FemaleName')) out.push({ tokens, source: TOKEN_SOURCES.FIRST_NAME });
    if (has('LastName')) out.push({ tokens, source: TOKEN_SOURCES.LAST_NAME });
    if (has('City') || has('Country') || (has('Place') && has('ProperNoun')) || (has('Region') && has('ProperNoun'))) out.push({ tokens, source: 4 });
    if (has('Demonym')) out.push({ tokens, source: 5 });
    if (has('Organization') || has('SportsTeam')) out.push({ tokens, source: 6 });
  }
  return out;
}
/** People (first and last words of officials' names) and organisations of the actor dictionaries. */
function actorEntries(dir: string): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const f of ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']) {
    const dict = parseActorDictionary(readFileSync(requireDataPath(join(dir, f), f), 'utf8'));
    const countries = f.includes('Countries');
    for (const r of dict.records) {
      if (r.dated) {
        // A person: only phrases without titles ("FOREIGN_MINISTER_ASHRAF_GHANI" is skipped).
        for (const p of r.phrases) {
          if (p.length < 2 || p.some((w) => isTitleWord(foldToken(w)))) continue;
          if (/^\p{L}{2,}$/u.test(p[0])) out.push({ tokens: [p[0]], source: TOKEN_SOURCES.FIRST_NAME });
          if (/^\p{L}[\p{L}'-]+$/u.test(p[p.length - 1])) out.push({ tokens: [p[p.length - 1]], source: TOKEN_SOURCES.LAST_NAME });
        }
      } else if (!countries) for (const p of r.phrases) out.push({ tokens: p, source: 6 });
    }
  }
  return out;
}
/**
 * Brand names of simple-icons (CC0, a dev dependency read at training time only): companies, services
 * and products ("Airbus", "TikTok", "Spotify"), a source of their own as they are ORG or MISC in CoNLL terms.
 */
function brandEntries(): LexiconEntry[] {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const icons: Record<string, { title?: string }> = require('simple-icons');
  const out: LexiconEntry[] = [];
  for (const icon of Object.values(icons)) {
    const title = icon?.title;
    // Names only: at least two characters, starting with a capital letter or a digit.
    if (!title || title.length < 2 || !/^[\p{Lu}\d]/u.test(title)) continue;
    out.push({ tokens: title.split(/\s+/).filter(Boolean), source: 7 });
  }
  return out;
}
const BRAND_ENTRIES = args.brands === 'none' ? [] : brandEntries();
const ACTOR_ENTRIES = ACTORS ? actorEntries(ACTORS) : [];
const EXTRA_LEXICON_ENTRIES = EXTRA_LEXICON.flatMap((e) => entityEntries(readExtra(e)));
const WORLD = [...worldEntries(), ...compromiseEntries(), ...BRAND_ENTRIES, ...ACTOR_ENTRIES, ...EXTRA_LEXICON_ENTRIES];

function entityEntries(docs: ConllDoc[]): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const d of docs)
    for (const s of d.sentences)
      for (const c of chunksFromIob(s.tags)) out.push({ tokens: s.tokens.slice(c.start, c.end), source: TYPES.indexOf(c.type) });
  return out;
}
const fullLexicon = buildLexicon([...entityEntries(train), ...WORLD]);
const foldOf = (di: number) => di % FOLDS;
const foldLexicons: Lexicon[] = [];
for (let k = 0; k < FOLDS; k++) foldLexicons.push(buildLexicon([...entityEntries(train.filter((_, i) => foldOf(i) !== k)), ...WORLD]));
log(`lexicon: ${fullLexicon.gazetteer.map.size} phrase keys, ${fullLexicon.tokenTypes.size} tokens (${BRAND_ENTRIES.length} brands, ${ACTOR_ENTRIES.length} actor-dictionary entries, ${EXTRA_LEXICON_ENTRIES.length} names of ${EXTRA_LEXICON.join(', ') || 'no extra set'})`);

// ---- Features.
interface PreparedDoc {
  doc: ReturnType<typeof prepareDoc>;
  base: SentenceRows[];
  gold: Uint8Array[];
  goldTags: string[][];
  fold: number;
}
function prepare(docs: ConllDoc[], lexFor: (i: number) => Lexicon): PreparedDoc[] {
  return docs.map((d, i) => {
    const lex = lexFor(i);
    const doc = prepareDoc(d.sentences.map((s) => s.tokens), lex);
    return {
      doc,
      base: doc.sentences.map((_, si) => sentenceFeatures(doc, si, lex, mask)),
      gold: d.sentences.map((s) => tagsFromChunks(set, s.tokens.length, chunksFromIob(s.tags))),
      goldTags: d.sentences.map((s) => s.tags),
      fold: foldOf(i),
    };
  });
}
const trainP = prepare(train, (i) => foldLexicons[foldOf(i)]);
const devP = prepare(dev, () => fullLexicon);
log(`features ready (${trainP.reduce((a, d) => a + d.base.reduce((b, s) => b + s.rows.length, 0), 0)} feature occurrences in train)`);

// ---- Tagging helpers on prepared docs.
function tagDoc(p: PreparedDoc, st: Stage, extra?: SentenceRows[]): Uint8Array[] {
  const nt = set.tags.length;
  return p.base.map((f, si) => {
    const n = f.offsets.length - 1;
    return viterbi(set, stageEmissions(st, nt, f, extra?.[si]), n, st.trans);
  });
}
function score(docs: PreparedDoc[], preds: Uint8Array[][]): ConllScore {
  const sents: { gold: string[]; guess: string[] }[] = [];
  docs.forEach((p, di) => p.goldTags.forEach((g, si) => sents.push({ gold: g, guess: iob1FromChunks(g.length, chunksFromTags(set, preds[di][si])) })));
  return conllEvaluate(sents);
}
const fmt = (s: ConllScore) =>
  `F1 ${s.overall.f1.toFixed(2)} (P ${s.overall.precision.toFixed(2)} R ${s.overall.recall.toFixed(2)}) ` +
  TYPES.map((t) => `${t} ${(s.byType[t]?.f1 ?? 0).toFixed(2)}`).join(' ');

function items(docs: PreparedDoc[], extra?: SentenceRows[][]): TrainItem[] {
  const out: TrainItem[] = [];
  docs.forEach((p, di) => p.base.forEach((f, si) => out.push({ ...f, gold: p.gold[si], extra: extra?.[di][si] })));
  return out;
}

/** Trains for `epochs`, evaluating on dev after each (when evalDev); returns the best (or last) stage. */
function trainStage(
  label: string, trainItems: TrainItem[], epochs: number, evalDev?: (st: Stage) => ConllScore,
): { stage: Stage; epoch: number; dev?: ConllScore } {
  const tr = new PerceptronTrainer(set, BITS);
  const rand = seededRandom(SEED);
  let best: { stage: Stage; epoch: number; dev?: ConllScore } | null = null;
  for (let ep = 1; ep <= epochs; ep++) {
    const mistakes = tr.epoch(shuffled(trainItems, rand));
    if (!evalDev) {
      if (ep === epochs) best = { stage: tr.averaged(), epoch: ep };
      continue;
    }
    const st = tr.averaged();
    const s = evalDev(st);
    log(`${label} epoch ${ep}: ${mistakes} sentences wrong; dev ${fmt(s)}`);
    if (!best || s.overall.f1 > best.dev!.overall.f1) best = { stage: st, epoch: ep, dev: s };
  }
  return best!;
}

// ---- Stage 0.
const s0 = trainStage('stage0', items(trainP), EPOCHS, (st) => score(devP, devP.map((p) => tagDoc(p, st))));
log(`stage0 best epoch ${s0.epoch}: dev ${fmt(s0.dev!)}`);
const model: NerModel = newModel(SCHEME, BITS, fullLexicon, 0);
model.stages.push(s0.stage);
let finalDev = s0.dev!;

if (STAGES > 1) {
  // Out-of-fold stage-0 tags for the training documents, so stage 1 learns from realistic evidence.
  const trainExtra: SentenceRows[][] = new Array(trainP.length);
  for (let k = 0; k < FOLDS; k++) {
    const { stage } = trainStage(`fold${k}`, items(trainP.filter((p) => p.fold !== k)), s0.epoch);
    trainP.forEach((p, di) => {
      if (p.fold !== k) return;
      trainExtra[di] = documentEvidence(p.doc, set, tagDoc(p, stage), mask);
    });
    log(`fold ${k} done`);
  }
  const devExtra = devP.map((p) => documentEvidence(p.doc, set, tagDoc(p, s0.stage), mask));
  const s1 = trainStage('stage1', items(trainP, trainExtra), EPOCHS, (st) =>
    score(devP, devP.map((p, di) => tagDoc(p, st, devExtra[di]))),
  );
  log(`stage1 best epoch ${s1.epoch}: dev ${fmt(s1.dev!)}`);
  model.stages.push(s1.stage);
  finalDev = s1.dev!;
}

model.info = {
  features: FEATURES_VERSION,
  trainedOn: ['CoNLL-2003 train (eng.train)', ...EXTRA].join(' + '),
  lexicon: { actors: ACTORS !== null, brands: BRAND_ENTRIES.length > 0, extra: EXTRA_LEXICON },
  scheme: SCHEME,
  bits: BITS,
  seed: SEED,
  devF1: Number(finalDev.overall.f1.toFixed(2)),
  devByType: Object.fromEntries(TYPES.map((t) => [t, Number((finalDev.byType[t]?.f1 ?? 0).toFixed(2))])),
};
// Confidence calibration: the temperature that makes span confidences (the least marginal
// probability of a span's tags) best predict whether the span is right, by log loss on dev.
function calibrationLoss(m: NerModel): number {
  let loss = 0;
  let n = 0;
  dev.forEach((d) => {
    const tg = tagSentences(m, d.sentences.map((s) => s.tokens));
    d.sentences.forEach((s, si) => {
      const gold = new Set(chunksFromIob(s.tags).map((c) => `${c.start}:${c.end}:${c.type}`));
      for (const c of chunksFromIob(Array.from(tg.tags[si], (t) => set.tags[t]))) {
        let p = 1;
        for (let i = c.start; i < c.end; i++) p = Math.min(p, tg.confidence[si][i]);
        p = Math.min(1 - 1e-6, Math.max(1e-6, p));
        loss -= gold.has(`${c.start}:${c.end}:${c.type}`) ? Math.log(p) : Math.log(1 - p);
        n++;
      }
    });
  });
  return loss / Math.max(1, n);
}
{
  const probe = deserializeModel(serializeModel(model, PRUNE));
  let best = { t: 1, loss: Infinity };
  for (const t of [1, 2, 4, 8, 12, 16, 24, 32, 64]) {
    probe.info.temperature = t;
    const loss = calibrationLoss(probe);
    log(`calibration: temperature ${t} → dev log loss ${loss.toFixed(4)}`);
    if (loss < best.loss) best = { t, loss };
  }
  model.info.temperature = best.t;
}
const bytes = serializeModel(model, PRUNE);
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, bytes);
// Check the written model tags dev as the in-memory one did (quantisation loss).
const back = deserializeModel(bytes);
const qDev = score(devP, dev.map((d) => tagSentences(back, d.sentences.map((s) => s.tokens), false).tags));
log(`wrote ${outPath} (${(bytes.length / 1048576).toFixed(2)} MB); dev after quantisation: ${fmt(qDev)}`);
console.log(JSON.stringify({
  devF1: Number(qDev.overall.f1.toFixed(2)),
  devPrecision: Number(qDev.overall.precision.toFixed(2)),
  devRecall: Number(qDev.overall.recall.toFixed(2)),
  ...Object.fromEntries(TYPES.map((t) => [`dev${t}`, Number((qDev.byType[t]?.f1 ?? 0).toFixed(2))])),
  modelBytes: bytes.length,
  seconds: Math.round((Date.now() - t0) / 1000),
}));
void ({} as TagSet);
