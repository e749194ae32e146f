// news-annotate actors <corpus> [--format json|csv] [--kind K] [--min-articles N]: the corpus actors
// (one identity per actor across the articles, knowledge-base links and codes), from the same
// corpus model as the editor's Actors view.
import { existsSync, statSync } from 'node:fs';
import { buildCorpusActors } from '../../core/corpus/corpusActors';
import type { CorpusActor } from '../../core/corpus/types';
import { ENTITY_KINDS, type EntityKind } from '../../core/types';
import { parseCommandArgs } from '../args';
import { summariesFor } from '../corpusInput';
import type { CliIO } from '../io';

export const usage = 'news-annotate actors <corpus> [--format json|csv] [--kind K] [--min-articles N] [--cache DIR] [--jobs N]';

export const CSV_HEADER = ['name', 'kind', 'aliases', 'articles', 'mentions', 'first_date', 'last_date', 'wikidata', 'codes', 'roles'];

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { format: 'string', kind: 'string', 'min-articles': 'number', cache: 'string', jobs: 'number' }, usage, io);
  if (typeof args === 'number') return args;
  const format = (args.format as string | undefined) ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    io.err(`--format must be json or csv, not "${format}"\nusage: ${usage}`);
    return 2;
  }
  const kind = args.kind as string | undefined;
  if (kind !== undefined && !ENTITY_KINDS.includes(kind as EntityKind)) {
    io.err(`--kind must be one of ${ENTITY_KINDS.join(', ')}, not "${kind}"\nusage: ${usage}`);
    return 2;
  }
  const minArticles = (args['min-articles'] as number | undefined) ?? 1;
  if (args._.length !== 1) {
    io.err(`usage: ${usage}`);
    return 2;
  }
  const root = args._[0];
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    io.err(`${root}: not a folder (give the corpus folder, the one holding newscorpus.yaml)`);
    return 2;
  }
  const got = await summariesFor('actors', root, args, io);
  const { summaries, knowledgeBase, problems } = got;
  for (const p of problems) io.err(p);
  const index = buildCorpusActors(summaries, knowledgeBase);
  const actors = index.actors.filter((a) => (!kind || a.kind === kind) && a.articleCount >= minArticles);
  if (format === 'json') for (const a of actors) io.out(JSON.stringify(actorJson(a)));
  else {
    io.out(csvRow(CSV_HEADER));
    for (const a of actors) io.out(csvRow(actorCsv(a)));
  }
  io.err(`${actors.length} actors (${index.actors.length} in ${summaries.length} articles)`);
  return 0;
}

export function actorJson(a: CorpusActor) {
  return {
    name: a.name,
    kind: a.kind,
    aliases: a.aliases,
    roles: a.roles.map((r) => ({ role: r.role, firstDate: r.firstDate ?? null, lastDate: r.lastDate ?? null, articles: r.articles })),
    articles: a.articleCount,
    mentions: a.mentionCount,
    files: a.articles.map((x) => x.relPath).sort(),
    firstDate: a.firstDate ?? null,
    lastDate: a.lastDate ?? null,
    kb: a.kb ? { id: a.kb.id, name: a.kb.name, wikidata: a.kb.wikidata ?? null, description: a.kb.description ?? null } : null,
    codes: a.codes.map((c) => ({ code: c.code, from: c.from ?? null, to: c.to ?? null })),
  };
}

/** "MLIGOV 2021-05-24..", "MLIMIL ..2021-05-23", "MLI" */
function codeText(c: { code: string; from?: string; to?: string }): string {
  return c.from || c.to ? `${c.code} ${c.from ?? ''}..${c.to ?? ''}` : c.code;
}

function actorCsv(a: CorpusActor): string[] {
  return [
    a.name,
    a.kind,
    a.aliases.join('; '),
    String(a.articleCount),
    String(a.mentionCount),
    a.firstDate ?? '',
    a.lastDate ?? '',
    a.kb?.wikidata ?? '',
    a.codes.map(codeText).join('; '),
    a.roles.map((r) => `${r.role} (${r.articles})`).join('; '),
  ];
}

/** One RFC 4180 record: fields with a comma, quote or line break quoted, quotes doubled; ends in CR (the output line's LF completes the CRLF). */
export function csvRow(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? '"' + f.replace(/"/g, '""') + '"' : f)).join(',') + '\r';
}
