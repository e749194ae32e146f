// news-annotate dossier <corpus> --actor NAME [--format json|md] [--out FILE] [--period day|week|month|year]:
// the actor dossier (every article in date order, each mention in its sentence, mentions per
// period, roles, co-actors) over the same core as the panel.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCorpusActors } from '../../core/corpus/corpusActors';
import { DOSSIER_PERIODS, buildDossier, dossierJson, type DossierPeriod } from '../../core/corpus/dossier';
import { renderDossierMarkdown } from '../../core/present/dossierMarkdown';
import { closestNames } from '../../core/text/closest';
import { writeFileAtomicSync } from '../../node/atomicWrite';
import { readArticleFile } from '../../node/corpusFiles';
import type { CliIO } from '../io';
import { parseCommandArgs } from '../args';
import { summariesFor } from '../corpusInput';

export const usage = 'news-annotate dossier <corpus> --actor NAME [--format json|md] [--out FILE] [--period day|week|month|year] [--cache DIR] [--jobs N]';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { actor: 'string', format: 'string', out: 'string', period: 'string', cache: 'string', jobs: 'number' }, usage, io);
  if (typeof args === 'number') return args;
  const format = (args.format as string | undefined) ?? 'json';
  const period = ((args.period as string | undefined) ?? 'month') as DossierPeriod;
  const name = args.actor as string | undefined;
  if (args._.length !== 1 || !name || (format !== 'json' && format !== 'md') || !DOSSIER_PERIODS.includes(period)) {
    io.err(`usage: ${usage}`);
    return 2;
  }
  const dir = resolve(args._[0]);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.err(`${args._[0]}: not a folder (give the corpus folder, the one holding newscorpus.yaml)`);
    return 2;
  }
  const got = await summariesFor('dossier', dir, args, io);
  const { corpus, summaries, knowledgeBase, problems } = got;
  for (const p of problems) io.err(p);
  const root = corpus.root ?? dir;
  const index = buildCorpusActors(summaries, knowledgeBase);
  const found = index.find(name);
  if (!found.length) {
    // Closest by any name form, each actor told once by its canonical name.
    const owner = new Map<string, string>();
    for (const a of index.actors) for (const n of [a.name, ...a.aliases]) if (!owner.has(n)) owner.set(n, a.name);
    const close = [...new Set(closestNames(name, [...owner.keys()], 20).map((n) => owner.get(n)!))].slice(0, 5);
    io.err(`news-annotate dossier: no actor named "${name}" in ${root}${close.length ? ` (closest: ${close.join(', ')})` : ''}`);
    return 2;
  }
  // Several actors may carry the name (two Traorés): the one with the most articles, the others named.
  const actor = found.reduce((best, a) => (a.articleCount > best.articleCount ? a : best));
  if (found.length > 1) io.err(`news-annotate dossier: "${name}" names ${found.length} actors; showing ${actor.name} (${actor.kind}, ${actor.articleCount} articles); the others: ${found.filter((a) => a !== actor).map((a) => `${a.name} (${a.kind})`).join(', ')}`);
  const dossier = buildDossier(actor, index.coActors(actor.id), (relPath) => readArticleFile(join(root, ...relPath.split('/'))).text, { period });
  const body = format === 'md' ? renderDossierMarkdown(dossier) + '\n' : JSON.stringify(dossierJson(dossier), null, 2) + '\n';
  if (args.out) {
    writeFileAtomicSync(resolve(args.out as string), body);
    io.err(`dossier of ${actor.name}: ${dossier.articles.length} articles, ${actor.mentionCount} mentions → ${args.out}`);
  } else io.out(body.replace(/\n$/, ''));
  return 0;
}

