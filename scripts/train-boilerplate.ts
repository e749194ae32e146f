// npm run train:boilerplate [-- --data DIR[,DIR…]] [--weights SPEC] [--folds 5] [--no-cv] [--out FILE]
//   [--rounds R] [--depth D] [--subsample S] [--min-leaf M] [--line-power P] [--threshold T] [--drop-features A,B]
//   [--cv-out PREFIX] [--no-final] [--fold-salt S] [--stage2-anchors] [--stage3] [--stack-folds K] [--switch-cost C]
//   [--convention-feature stage1|all] [--repeats K]
// Trains the two-stage line model on the labelled pages of every DIR/main and
// DIR/full (default: the shared boilerplate sources that exist: boilerplate,
// boilerplate-wcxb, boilerplate-cleaneval), reports cross-validation grouped
// by site (every page of a site in the same fold, whatever its source; the
// scrapinghub folds are the ones the earlier single-source script used) per
// source, variant and overall, then trains on everything and writes
// src/core/boilerplate/weights.json. Each source has its own weights (how much
// its main and full pages count, a factor on its lines labelled article, for a
// source whose article labels follow another convention, and one full page in
// how many is trained on); a source with both weights 0 is evaluated only
// (by default WCXB and CLEANEVAL: see DEFAULT_WEIGHTS).
// --weights "name:main,full[,article[,fullEvery]];…" overrides them. The CV
// also prints the scrapinghub figures at other decision thresholds (how the
// model threshold was chosen). Deterministic: same data and options, same
// weights. --no-final stops after the cross-validation (nothing written);
// --fold-salt S groups the sites into other folds (sha256 of S + site), to
// see how much a difference between two settings depends on the split;
// --repeats K runs the cross-validation K times, grouped into other folds
// each time (the given salt, then salts r2…rK), and also reports the mean of
// each figure over the K groupings: one grouping of scrapinghub's 78 sites
// moved its main character F1 by up to 0.04, so two settings are compared on
// the mean.
// --stage2-anchors gives stage 2 the line's place among the lines stage 1
// is sure are article text (anchorFeatures); --stage3 adds a third stage over stage 2's scores (their windows, runs and
// the line's place among the lines stage 2 is sure are article text);
// --stack-folds K trains each later stage on out-of-fold scores of the one
// before (K folds of the training pages grouped by site); --switch-cost C
// decodes the last stage's scores as runs with that cost per switch between
// boilerplate and article (smoothRuns). The CV also prints the scrapinghub
// figures at other switch costs. --convention-feature stage1|all trains
// source-aware: stage 1 (or every stage) also reads which labelling
// convention a page follows (CONVENTIONS: scrapinghub 0, WCXB 1, CLEANEVAL 2,
// another source the next number), and the model is then fixed at
// scrapinghub's (TrainOptions.conventionFeature); it changes nothing unless
// another source is trained on (--weights).
// Ends with one JSON line of the figures.
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createBoilerplateEngine, ScoreAccumulator, trainModel, type BoilerplateModel, type Scores, type TrainingArticle, type TrainOptions } from '../src/core/boilerplate';
import { DEFAULT_BOOST } from '../src/core/boilerplate/boost';
import { articleFeatures, FEATURE_NAMES } from '../src/core/boilerplate/features';
import { bylinesAsBoilerplate } from '../src/core/boilerplate/labelMapping';
import { parseArgs } from './lib/args';
import { requireDataPath, SHARED_DATA } from './lib/shared';
import { detectFolder, formatScores, loadFolder, roundScores, type Page } from './eval-boilerplate';

const VARIANTS = ['main', 'full'] as const;
type Variant = (typeof VARIANTS)[number];

interface SourceWeights {
  main: number;
  full: number;
  /** Factor on lines labelled article. */
  article: number;
  /** Train on one full page in this many (by page id; all are evaluated): full pages are long and mostly easy menus. */
  fullEvery: number;
  /** Bylines labelled article trained on as boilerplate, scrapinghub's convention (bylinesAsBoilerplate; `,bylines` in --weights). */
  bylinesAsBoilerplate?: boolean;
}

/** The source whose convention the detector follows; its CV figures are also printed at other thresholds. */
const PRIMARY = 'boilerplate';

/**
 * Default weights per source (folder name). scrapinghub is the convention the detector follows
 * (and its held-out part the benchmark). CLEANEVAL (keeps all running text of a page) is evaluated,
 * not trained on. WCXB (silver, 8x larger) is trained on at a small weight, its bylines mapped to
 * boilerplate as scrapinghub labels them: at weights 0.5 or 0.1 it dropped scrapinghub's
 * character-weighted F1 on unseen sites (0.808 to 0.769-0.770 in an early trial, 0.755-0.782
 * source-aware; CHANGELOG has the figures); at 0.03 (full pages 0.02) it raised scrapinghub's `main`
 * figures, kept text most, over four groupings of the sites (`--repeats 4`; docs/measurements.md,
 * Boilerplate), and with its bylines mapped the trees keep flagging the seeds' and the samples'
 * bylines and share lines as before.
 */
const DEFAULT_WEIGHTS: Record<string, SourceWeights> = {
  boilerplate: { main: 1, full: 0.25, article: 1, fullEvery: 1 },
  'boilerplate-wcxb': { main: 0.03, full: 0.02, article: 1, fullEvery: 3, bylinesAsBoilerplate: true },
  'boilerplate-cleaneval': { main: 0, full: 0, article: 1, fullEvery: 3 },
};
/** Convention value of each source for --convention-feature (the primary source's is 0: the model is fixed at it). */
const CONVENTIONS: Record<string, number> = { [PRIMARY]: 0, 'boilerplate-wcxb': 1, 'boilerplate-cleaneval': 2 };
const FALLBACK_WEIGHTS: SourceWeights = { main: 0.5, full: 0.375, article: 1, fullEvery: 3 };
const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75];
/** Switch costs of the run decoding (smoothRuns) whose CV figures are printed (0: no decoding). */
const SWITCH_COSTS = [0, 0.5, 1, 1.5, 2, 3, 4, 6];

interface Source {
  name: string;
  weights: SourceWeights;
  convention: number;
  pages: Record<Variant, Page[]>;
}

function fold(site: string, folds: number, salt = ''): number {
  return createHash('sha256').update(salt + site).digest().readUInt32BE(0) % folds;
}

function parseWeights(spec: string | undefined): Record<string, SourceWeights> {
  const out: Record<string, SourceWeights> = { ...DEFAULT_WEIGHTS };
  if (!spec) return out;
  for (const part of spec.split(';').map((x) => x.trim()).filter(Boolean)) {
    const m = /^([^:]+):([\d.]+),([\d.]+)(?:,([\d.]+))?(?:,(\d+))?(,bylines)?$/.exec(part);
    if (!m) {
      console.error(`--weights: "${part}" is not name:main,full[,article[,fullEvery]][,bylines]`);
      process.exit(2);
    }
    out[m[1]] = {
      main: Number(m[2]), full: Number(m[3]), article: m[4] === undefined ? 1 : Number(m[4]), fullEvery: m[5] === undefined ? 1 : Number(m[5]),
      bylinesAsBoilerplate: m[6] !== undefined,
    };
  }
  return out;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), {
    data: 'string', folds: 'number', 'no-cv': 'boolean', out: 'string', weights: 'string', threshold: 'number',
    rounds: 'number', depth: 'number', subsample: 'number', 'min-leaf': 'number', 'cv-out': 'string', 'drop-features': 'string', 'no-final': 'boolean', 'line-power': 'number', 'fold-salt': 'string',
    stage3: 'boolean', 'stage2-anchors': 'boolean', 'stack-folds': 'number', 'switch-cost': 'number', 'convention-feature': 'string',
    repeats: 'number',
  });
  const conventionFeature = args['convention-feature'] as string | undefined;
  if (conventionFeature !== undefined && conventionFeature !== 'stage1' && conventionFeature !== 'all') {
    console.error(`--convention-feature: "${conventionFeature}" is not stage1 or all`);
    process.exit(2);
  }
  const dirs = args.data
    ? (args.data as string).split(',').map((d) => requireDataPath(d.trim(), 'Boilerplate data folder'))
    : ['boilerplate', 'boilerplate-wcxb', 'boilerplate-cleaneval'].map((d) => join(SHARED_DATA, d)).filter((d) => existsSync(d));
  if (dirs.length === 0) requireDataPath(join(SHARED_DATA, 'boilerplate'), 'Boilerplate data folder');
  const weights = parseWeights(args.weights as string | undefined);
  const opts: TrainOptions = {
    kind: 'gbdt',
    boost: {
      ...DEFAULT_BOOST,
      rounds: (args.rounds as number | undefined) ?? DEFAULT_BOOST.rounds,
      depth: (args.depth as number | undefined) ?? DEFAULT_BOOST.depth,
      subsample: (args.subsample as number | undefined) ?? DEFAULT_BOOST.subsample,
      minLeaf: (args['min-leaf'] as number | undefined) ?? DEFAULT_BOOST.minLeaf,
    },
    l2: 1e-3,
    epochs: 0,
    learningRate: 0,
    lineWeightPower: (args['line-power'] as number | undefined) ?? 0.5,
    stage3: args.stage3 === true,
    stage2Anchors: args['stage2-anchors'] === true,
    stackFolds: (args['stack-folds'] as number | undefined) ?? 0,
    conventionFeature,
  };
  const switchCost = (args['switch-cost'] as number | undefined) ?? 0;
  const withDecoder = (m: BoilerplateModel, cost = switchCost): BoilerplateModel => (cost > 0 ? { ...m, switchCost: cost } : m);
  // The model threshold (probability at which a line is flagged), chosen from the cross-validation's
  // table of thresholds over four groupings of the sites: 0.55 since 2026-12-05 (0.6 before; 0.5
  // scored higher still but flagged the short last sentence of a three-line article).
  const threshold = (args.threshold as number | undefined) ?? 0.55;
  const dropped = ((args['drop-features'] as string | undefined) ?? '').split(',').filter(Boolean).map((name) => {
    const k = FEATURE_NAMES.indexOf(name);
    if (k < 0) {
      console.error(`--drop-features: no feature "${name}" (features: ${FEATURE_NAMES.join(', ')})`);
      process.exit(2);
    }
    return k;
  });
  let nextConvention = Math.max(...Object.values(CONVENTIONS)) + 1;
  const sources: Source[] = dirs.map((dir) => {
    const name = basename(resolve(dir));
    const pages = {} as Record<Variant, Page[]>;
    for (const v of VARIANTS) pages[v] = existsSync(join(dir, v)) ? loadFolder(join(dir, v)).filter((p) => p.labels) : [];
    const w = weights[name] ?? FALLBACK_WEIGHTS;
    const convention = CONVENTIONS[name] ?? nextConvention++;
    console.log(`${name}: ${pages.main.length} main + ${pages.full.length} full pages; weights main ${w.main}, full ${w.full} (1 page in ${w.fullEvery}), article lines ×${w.article}${w.bylinesAsBoilerplate ? ', bylines as boilerplate' : ''}` +
      (conventionFeature ? `, convention ${convention}` : ''));
    return { name, weights: w, convention, pages };
  });
  if (sources.every((s) => s.pages.main.length + s.pages.full.length === 0)) {
    console.error(`No labelled pages under ${dirs.map((d) => `${d}/main or ${d}/full`).join(', ')}.`);
    process.exit(2);
  }
  // Features once per page that is trained on (cross-validation trains on them several times).
  const sampled = (s: Source, v: Variant, p: Page): boolean => s.weights[v] > 0 && (v === 'main' || s.weights.fullEvery <= 1 || fold(p.id, s.weights.fullEvery) === 0);
  const articles = new Map<Page, TrainingArticle>();
  const bylinesMapped = { lines: 0 };
  for (const s of sources)
    for (const v of VARIANTS)
      for (const p of s.pages[v]) {
        if (!sampled(s, v, p)) continue;
        const lineTexts = p.text.split('\n');
        const features = articleFeatures(lineTexts);
        // A dropped feature is constant in training: no tree splits on it.
        if (dropped.length > 0) for (const row of features.rows) for (const k of dropped) row[k] = 0;
        let labels = p.labels!;
        if (s.weights.bylinesAsBoilerplate) {
          const mapped = bylinesAsBoilerplate(labels, features);
          labels = mapped.labels;
          bylinesMapped.lines += mapped.changed;
        }
        articles.set(p, { lineTexts, labels, weight: s.weights[v], articleWeight: s.weights.article, convention: s.convention, features, group: p.site ?? p.id });
      }
  if (bylinesMapped.lines > 0) console.log(`bylines trained on as boilerplate (labelled article in their source): ${bylinesMapped.lines} lines`);
  const trainOn = (keep: (p: Page) => boolean): TrainingArticle[] => {
    const out: TrainingArticle[] = [];
    for (const s of sources) for (const v of VARIANTS) for (const p of s.pages[v]) if (keep(p) && articles.has(p)) out.push(articles.get(p)!);
    return out;
  };
  const b = opts.boost!;
  const setup = `gbdt depth ${b.depth}, rounds ${b.rounds}, subsample ${b.subsample}, min leaf ${b.minLeaf}, line weight chars^${opts.lineWeightPower}, threshold ${threshold}` +
    (opts.stage2Anchors ? ', stage-2 anchors' : '') + (opts.stage3 ? ', 3 stages' : '') + (opts.stackFolds! > 1 ? `, out-of-fold stacking (${opts.stackFolds} folds)` : '') + (switchCost > 0 ? `, switch cost ${switchCost}` : '') +
    (conventionFeature ? `, convention feature in ${conventionFeature === 'all' ? 'every stage' : 'stage 1'}` : '') +
    (dropped.length > 0 ? `, without ${dropped.map((k) => FEATURE_NAMES[k]).join(' ')}` : '');
  const figures: Record<string, number | string> = {};
  const put = (name: string, key: string, s: Scores): void => {
    console.log('  ' + formatScores(name, s));
    for (const [k, val] of Object.entries(roundScores(s))) figures[`${key}_${k}`] = val;
  };
  const pageScore = (p: Page, flagged: number[] | undefined) => {
    const lines = p.text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '' && p.labels!.length < lines.length) lines.pop();
    return { lines, labels: p.labels!, flagged: new Set(flagged ?? []), articleBody: p.articleBody };
  };
  /** Scores per source and variant ("name variant"), then over all sources ("all variant") when there are several. */
  const scoresOf = (flagged: (s: Source, v: Variant) => Map<string, number[]>): Map<string, Scores> => {
    const out = new Map<string, Scores>();
    const overall: Record<Variant, ScoreAccumulator> = { main: new ScoreAccumulator(), full: new ScoreAccumulator() };
    for (const s of sources)
      for (const v of VARIANTS) {
        if (s.pages[v].length === 0) continue;
        const acc = new ScoreAccumulator();
        const f = flagged(s, v);
        for (const p of s.pages[v]) {
          const page = pageScore(p, f.get(p.id));
          acc.add(page);
          overall[v].add(page);
        }
        out.set(`${s.name} ${v}`, acc.result());
      }
    if (sources.length > 1) for (const v of VARIANTS) out.set(`all ${v}`, overall[v].result());
    return out;
  };
  const putAll = (label: string, scores: Map<string, Scores>): void => {
    for (const [name, sc] of scores) put(`${label} ${name}`, `${label}_${name.replace(' ', '_')}`, sc);
  };
  const report = (label: string, flagged: (s: Source, v: Variant) => Map<string, number[]>): void => putAll(label, scoresOf(flagged));
  const repeats = Math.max(1, Math.floor((args.repeats as number | undefined) ?? 1));
  const perRepeat: Map<string, Scores>[] = [];
  const folds = (args.folds as number | undefined) ?? 5;
  for (let r = 0; r < repeats && !args['no-cv']; r++) {
    const salt = r === 0 ? ((args['fold-salt'] as string | undefined) ?? '') : `r${r + 1}`;
    const siteFold = (p: Page): number => fold(p.site ?? p.id, folds, salt);
    const predictions = new Map<string, Map<string, number[]>>();
    const primary = sources.find((s) => s.name === PRIMARY);
    // Primary-source predictions at each candidate threshold, to show how the threshold was chosen.
    const byThreshold = new Map<number, Record<Variant, Map<string, number[]>>>(THRESHOLDS.map((t) => [t, { main: new Map(), full: new Map() }]));
    const byCost = new Map<number, Record<Variant, Map<string, number[]>>>(SWITCH_COSTS.map((c) => [c, { main: new Map(), full: new Map() }]));
    for (let k = 0; k < folds; k++) {
      const t0 = performance.now();
      const model = trainModel(trainOn((p) => siteFold(p) !== k), opts, threshold);
      const engine = createBoilerplateEngine(withDecoder(model));
      for (const s of sources)
        for (const v of VARIANTS) {
          const key = `${s.name}/${v}`;
          if (!predictions.has(key)) predictions.set(key, new Map());
          for (const [id, lines] of detectFolder(engine, s.pages[v].filter((p) => siteFold(p) === k))) predictions.get(key)!.set(id, lines);
        }
      if (primary)
        for (const t of THRESHOLDS) {
          const e = createBoilerplateEngine(withDecoder({ ...model, threshold: t }));
          for (const v of VARIANTS) for (const [id, lines] of detectFolder(e, primary.pages[v].filter((p) => siteFold(p) === k))) byThreshold.get(t)![v].set(id, lines);
        }
      if (primary)
        for (const c of SWITCH_COSTS) {
          const e = createBoilerplateEngine(withDecoder(model, c));
          for (const v of VARIANTS) for (const [id, lines] of detectFolder(e, primary.pages[v].filter((p) => siteFold(p) === k))) byCost.get(c)![v].set(id, lines);
        }
      console.log(`fold ${k + 1}/${folds} trained and run in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    console.log(`\ncross-validation, ${folds} folds grouped by site${salt ? ` (fold salt "${salt}")` : ''} (${setup}):`);
    const scores = scoresOf((s, v) => predictions.get(`${s.name}/${v}`)!);
    perRepeat.push(scores);
    if (r > 0) {
      for (const [name, sc] of scores) console.log('  ' + formatScores(`cv ${name}`, sc));
      continue;
    }
    putAll('cv', scores);
    if (primary) {
      // One row per setting: main and full char F1 / kept F1 of the primary source's predictions under it.
      const rows = (title: string, settings: Map<number, Record<Variant, Map<string, number[]>>>, digits: number) => {
        console.log(`\n${PRIMARY} by ${title} (cross-validation): main char F1 / kept F1, full char F1 / kept F1`);
        for (const [setting, byVariant] of settings) {
          const row = VARIANTS.map((v) => {
            const acc = new ScoreAccumulator();
            for (const p of primary.pages[v]) acc.add(pageScore(p, byVariant[v].get(p.id)));
            const r = acc.result();
            return `${r.charF1.toFixed(3)} / ${r.keptF1.toFixed(3)}`;
          });
          console.log(`  ${setting.toFixed(digits)}: main ${row[0]}  full ${row[1]}`);
        }
      };
      rows('model threshold', byThreshold, 2);
      rows(`switch cost of the run decoding at threshold ${threshold}`, byCost, 1);
    }
    if (args['cv-out']) {
      for (const [key, m] of predictions) {
        const rows = [...m].map(([id, lines]) => JSON.stringify({ id, boilerplateLines: lines }));
        writeFileSync(`${args['cv-out']}.${key.replace('/', '.')}.jsonl`, rows.join('\n') + '\n');
      }
    }
  }
  if (perRepeat.length > 1) {
    console.log(`\nmean of the cross-validation over ${perRepeat.length} groupings of the sites into folds (and the lowest and highest):`);
    for (const name of perRepeat[0].keys()) {
      const all = perRepeat.map((m) => m.get(name)!);
      const mean = Object.fromEntries(Object.keys(all[0]).map((k) => [k, all.reduce((sum, sc) => sum + sc[k as keyof Scores], 0) / all.length])) as unknown as Scores;
      const range = (k: keyof Scores) => `${Math.min(...all.map((sc) => sc[k])).toFixed(3)}–${Math.max(...all.map((sc) => sc[k])).toFixed(3)}`;
      put(`cv mean ${name}`, `cvmean_${name.replace(' ', '_')}`, mean);
      console.log(`      char F1 ${range('charF1')}, line F1 ${range('lineF1')}, kept F1 ${range('keptF1')}`);
    }
  }
  if (args['no-final']) {
    console.log(JSON.stringify(figures));
    return;
  }
  const model: BoilerplateModel = withDecoder(trainModel(trainOn(() => true), opts, threshold));
  const counts = sources.map((s) => `${s.name} ${s.pages.main.length} main + ${s.pages.full.length} full (weights ${s.weights.main}/${s.weights.full}, 1 full page in ${s.weights.fullEvery}, article ×${s.weights.article}${s.weights.bylinesAsBoilerplate ? ', bylines as boilerplate' : ''})`);
  model.trainedOn = `${counts.join('; ')}; ${setup}`;
  const engine = createBoilerplateEngine(model);
  console.log('\ntraining data (in-sample):');
  report('train', (s, v) => detectFolder(engine, s.pages[v]));
  const out = resolve((args.out as string | undefined) ?? join(__dirname, '..', 'src', 'core', 'boilerplate', 'weights.json'));
  writeFileSync(out, JSON.stringify(model, null, 1) + '\n');
  console.log(`\nwrote ${out}`);
  console.log(JSON.stringify(figures));
}

main();
