// npm run train:boilerplate [-- --data DIR] [--folds 5] [--no-cv] [--out FILE]
// Trains the two-stage line model on the labelled pages of DIR/main and
// DIR/full (DIR defaults to the shared boilerplate data), reports
// cross-validation grouped by site (every page of a site in the same fold)
// for both variants, then trains on everything and writes
// src/core/boilerplate/weights.json. Deterministic: same data, same weights.
// Ends with one JSON line of the CV figures.
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBoilerplateEngine, trainModel, type BoilerplateModel, type TrainingArticle, type TrainOptions } from '../src/core/boilerplate';
import { DEFAULT_BOOST } from '../src/core/boilerplate/boost';
import { parseArgs } from './lib/args';
import { requireDataPath, SHARED_DATA } from './lib/shared';
import { detectFolder, formatScores, loadFolder, roundScores, scorePages, type Page } from './eval-boilerplate';

const VARIANTS = ['main', 'full'] as const;
type Variant = (typeof VARIANTS)[number];

function fold(site: string, folds: number): number {
  return createHash('sha256').update(site).digest().readUInt32BE(0) % folds;
}

function articlesOf(pages: Page[], weight: number): TrainingArticle[] {
  return pages
    .filter((p) => p.labels)
    .map((p) => ({ lineTexts: p.text.split('\n'), labels: p.labels!, weight }));
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), {
    data: 'string', folds: 'number', 'no-cv': 'boolean', out: 'string', l2: 'number', epochs: 'number', lr: 'number',
    'full-weight': 'number', threshold: 'number', kind: 'string', rounds: 'number', 'min-leaf': 'number', 'cv-out': 'string',
  });
  const dir = requireDataPath((args.data as string | undefined) ?? join(SHARED_DATA, 'boilerplate'), 'Boilerplate data folder');
  const kind = ((args.kind as string | undefined) ?? 'gbdt') === 'lr' ? 'lr' : 'gbdt';
  const opts: TrainOptions = {
    kind,
    boost: { ...DEFAULT_BOOST, rounds: (args.rounds as number | undefined) ?? DEFAULT_BOOST.rounds,
      minLeaf: (args['min-leaf'] as number | undefined) ?? DEFAULT_BOOST.minLeaf },
    l2: (args.l2 as number | undefined) ?? 1e-3,
    epochs: (args.epochs as number | undefined) ?? 400,
    learningRate: (args.lr as number | undefined) ?? 0.05,
  };
  const fullWeight = (args['full-weight'] as number | undefined) ?? 0.25;
  const threshold = (args.threshold as number | undefined) ?? 0.6;
  const data = {} as Record<Variant, Page[]>;
  for (const v of VARIANTS) {
    const vdir = join(dir, v);
    data[v] = existsSync(vdir) ? loadFolder(vdir) : [];
    console.log(`${v}: ${data[v].length} pages`);
  }
  if (data.main.length + data.full.length === 0) {
    console.error(`No labelled pages under ${dir}/main or ${dir}/full.`);
    process.exit(2);
  }
  const weightOf = (v: Variant): number => (v === 'full' ? fullWeight : 1);
  const figures: Record<string, number | string> = {};
  if (!args['no-cv']) {
    const folds = (args.folds as number | undefined) ?? 5;
    const predictions: Record<Variant, Map<string, number[]>> = { main: new Map(), full: new Map() };
    for (let k = 0; k < folds; k++) {
      const train: TrainingArticle[] = [];
      for (const v of VARIANTS) train.push(...articlesOf(data[v].filter((p) => fold(p.site ?? p.id, folds) !== k), weightOf(v)));
      const model = trainModel(train, opts, threshold);
      const engine = createBoilerplateEngine(model);
      for (const v of VARIANTS) {
        const test = data[v].filter((p) => fold(p.site ?? p.id, folds) === k);
        for (const [id, lines] of detectFolder(engine, test)) predictions[v].set(id, lines);
      }
    }
    console.log(`\ncross-validation, ${folds} folds grouped by site (${kind}, rounds ${opts.boost?.rounds}, l2 ${opts.l2}, full weight ${fullWeight}):`);
    for (const v of VARIANTS) {
      const s = scorePages(data[v], predictions[v]);
      if (!s) continue;
      if (args['cv-out']) {
        const rows = data[v].map((p) => JSON.stringify({ id: p.id, boilerplateLines: predictions[v].get(p.id) ?? [] }));
        writeFileSync(`${args['cv-out']}.${v}.jsonl`, rows.join('\n') + '\n');
      }
      console.log('  ' + formatScores(`cv ${v}`, s));
      for (const [key, val] of Object.entries(roundScores(s))) figures[`cv_${v}_${key}`] = val;
    }
  }
  const all: TrainingArticle[] = [];
  for (const v of VARIANTS) all.push(...articlesOf(data[v], weightOf(v)));
  const model: BoilerplateModel = trainModel(all, opts, threshold);
  model.trainedOn = `boilerplate dev data: ${data.main.length} main + ${data.full.length} full pages; ${kind}, rounds ${opts.boost?.rounds}, l2 ${opts.l2}, full weight ${fullWeight}`;
  const engine = createBoilerplateEngine(model);
  console.log('\ntraining data (in-sample):');
  for (const v of VARIANTS) {
    const s = scorePages(data[v], detectFolder(engine, data[v]));
    if (!s) continue;
    console.log('  ' + formatScores(`train ${v}`, s));
    for (const [key, val] of Object.entries(roundScores(s))) figures[`train_${v}_${key}`] = val;
  }
  const out = resolve((args.out as string | undefined) ?? join(__dirname, '..', 'src', 'core', 'boilerplate', 'weights.json'));
  writeFileSync(out, JSON.stringify(model, null, 1) + '\n');
  console.log(`\nwrote ${out}`);
  console.log(JSON.stringify(figures));
}

main();
