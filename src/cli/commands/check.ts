// news-annotate check <paths…> [--json] [--exit-zero]: every diagnostic of the given articles.
import { TemplateIndex } from '../../core/boilerplate';
import { analyzeArticle } from '../../core/analysis/analyzeArticle';
import { boilerplateMessage } from '../../core/present/hoverMarkdown';
import { positionAt } from '../../core/text/lines';
import { readArticleFile, relPathIn, type CorpusOnDisk } from '../../node/corpusFiles';
import { walkArticles } from '../../node/fileWalk';
import { nodeEngines } from '../../node/engines';
import type { CliIO } from '../io';
import { parseCommandArgs } from '../args';

export const usage = 'news-annotate check <paths…> [--json] [--exit-zero]';

export interface CheckRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information';
  category: string;
  message: string;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { json: 'boolean', 'exit-zero': 'boolean' }, usage, io);
  if (typeof args === 'number') return args;
  if (!args._.length) {
    io.err(`usage: ${usage}`);
    return 2;
  }
  const walkProblems: CheckRecord[] = [];
  const files = [...walkArticles(args._, { onProblem: (p) => walkProblems.push({ file: p.path, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', category: 'input', message: p.message }) })];
  const engines = nodeEngines().engines;
  // Group files by corpus; templates are counted over every article of a corpus.
  const groups = new Map<CorpusOnDisk, string[]>();
  for (const { path: file, corpus: c } of files) {
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(file);
  }
  const records: CheckRecord[] = [...walkProblems];
  let findings = 0;
  for (const [corpus, group] of groups) {
    for (const p of corpus.problems) {
      records.push({ file: corpus.configPath!, line: p.line + 1, column: p.character + 1, endLine: p.endLine + 1, endColumn: p.endCharacter + 1, severity: p.severity, category: 'config', message: p.message });
    }
    const members: string[] = [];
    if (corpus.root) {
      // Problems of the whole corpus are not this run's: those under the named paths were reported above.
      for (const f of walkArticles([corpus.root], { onProblem: () => undefined })) {
        if (members.length >= 5000) break;
        members.push(f.path);
      }
    } else members.push(...group);
    const templates = new TemplateIndex();
    const reads = new Map<string, ReturnType<typeof readArticleFile>>();
    for (const f of new Set([...members, ...group])) {
      const r = readArticleFile(f);
      reads.set(f, r);
      if (r.text !== undefined) templates.update(relPathIn(corpus, f), r.text);
    }
    for (const file of group) {
      const r = reads.get(file)!;
      if (r.note) records.push({ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: r.skipped ? 'warning' : 'information', category: 'input', message: `${r.skipped ? 'Skipped: ' : ''}${r.note}` });
      const text = r.text;
      if (text === undefined) continue;
      const a = analyzeArticle(text, { config: corpus.config, engines, relPath: relPathIn(corpus, file), corpus: templates, stages: { entities: false, dates: false } });
      for (const p of a.problems) {
        if (p.kind !== 'empty') records.push({ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: p.kind === 'invalid-utf8' ? 'information' : 'warning', category: p.kind === 'engine-error' ? 'engine' : 'input', message: p.message });
      }
      for (const f of a.boilerplate) {
        const s = positionAt(a.lines, f.start);
        const e = positionAt(a.lines, f.end);
        records.push({ file, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: f.category === 'duplicate' ? 'information' : 'warning', category: f.category, message: boilerplateMessage(f) });
        findings++;
      }
    }
  }
  for (const r of records) {
    io.out(args.json ? JSON.stringify(r) : `${r.file}:${r.line}:${r.column}: ${r.severity} [${r.category}] ${r.message}`);
  }
  if (!args.json) io.err(`${findings} boilerplate line(s) in ${files.length} file(s)`);
  return findings > 0 && !args['exit-zero'] ? 1 : 0;
}
