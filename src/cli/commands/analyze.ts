// news-annotate analyze <file> [--json]: an article's entities, dates, boilerplate and actors.
import { analyzeArticle } from '../../core/analysis/analyzeArticle';
import { corpusFor, readArticleFile, relPathIn } from '../../node/corpusFiles';
import { nodeEngines } from '../../node/engines';
import { loadKnowledgeBase } from '../../node/knowledgeBase';
import type { CliIO } from '../io';
import { Notices } from '../notices';
import { parseCommandArgs } from '../args';

export const usage = 'news-annotate analyze <file> [--json]';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { json: 'boolean' }, usage, io);
  if (typeof args === 'number') return args;
  if (args._.length !== 1) {
    io.err(`usage: ${usage}`);
    return 2;
  }
  const file = args._[0];
  const r = readArticleFile(file);
  if (r.text === undefined) {
    io.err(`${file}: ${r.note}`);
    return 2;
  }
  if (r.note) io.err(`${file}: ${r.note}`);
  const corpus = corpusFor(file);
  new Notices(io.err).corpus(corpus);
  const ne = nodeEngines();
  const knowledgeBase = loadKnowledgeBase(corpus.root, corpus.config);
  const a = analyzeArticle(r.text, { config: corpus.config, engines: ne.engines, relPath: relPathIn(corpus, file), knowledgeBase });
  for (const p of knowledgeBase?.problems ?? []) io.err(`${p.file}:${p.line}: ${p.message}`);
  if (ne.fallbackReason) io.err(`note: rule-based entities (${ne.fallbackReason})`);
  for (const p of a.problems) if (p.kind !== 'empty') io.err(`${file}: ${p.message}`);
  const result = {
    file,
    articleDate: a.articleDate ?? null,
    entities: a.entities.map((e) => ({ start: e.start, end: e.end, text: e.text, kind: e.kind, ...(e.refersTo ? { refersTo: e.refersTo } : {}) })),
    dates: a.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, type: d.type, value: d.value })),
    boilerplate: a.boilerplate.map((b) => ({ line: b.line + 1, start: b.start, end: b.end, category: b.category, confidence: Math.round(b.confidence * 1000) / 1000, message: b.message })),
    actors: a.actors.map((x) => ({
      name: x.name,
      kind: x.kind,
      aliases: x.aliases,
      roles: x.roles,
      mentions: x.mentions.length,
      kb: x.kb ? { id: x.kb.id, name: x.kb.name, wikidata: x.kb.wikidata ?? null, description: x.kb.description ?? null } : null,
      codes: x.codes ?? [],
    })),
  };
  if (args.json) {
    io.out(JSON.stringify(result));
    return 0;
  }
  io.out(`${file}${a.articleDate ? ` (article date ${a.articleDate.value}, ${a.articleDate.source})` : ''}`);
  io.out(`actors (${result.actors.length}):`);
  for (const x of result.actors) io.out(`  ${x.name} [${x.kind}] ×${x.mentions}${x.roles.length ? ' — ' + x.roles.join('; ') : ''}${x.aliases.length ? ' (also ' + x.aliases.join(', ') + ')' : ''}${x.codes.length ? ' ' + x.codes.join(' ') : ''}${x.kb?.wikidata ? ' ' + x.kb.wikidata : ''}`);
  io.out(`dates (${result.dates.length}):`);
  for (const d of result.dates) io.out(`  ${d.text} [${d.type}] = ${d.value ?? '?'}`);
  io.out(`boilerplate (${result.boilerplate.length}):`);
  for (const b of result.boilerplate) io.out(`  line ${b.line} [${b.category}] ${b.message}`);
  return 0;
}
