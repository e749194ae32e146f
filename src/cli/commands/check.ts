// news-annotate check <paths…> [--json] [--exit-zero] [--jobs N]: every diagnostic of the given
// articles. Streams: a first pass counts the corpus's lines (templates) without keeping any text, a
// second analyses the articles on every core and prints each file's records in a stable order.
import { boilerplateMessage } from '../../core/present/hoverMarkdown';
import { positionAt } from '../../core/text/lines';
import { attachText } from '../../worker/protocol';
import { corpusTemplateTable } from '../../node/articleBoilerplate';
import { readArticleFile, relPathIn, type CorpusOnDisk } from '../../node/corpusFiles';
import { walkArticles } from '../../node/fileWalk';
import type { CliIO } from '../io';
import { parseCommandArgs } from '../args';
import { progressBar } from '../progress';
import { poolFor } from './index';

export const usage = 'news-annotate check <paths…> [--json] [--exit-zero] [--jobs N]';

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
  const args = parseCommandArgs(argv, { json: 'boolean', 'exit-zero': 'boolean', jobs: 'number' }, usage, io);
  if (typeof args === 'number') return args;
  if (!args._.length) {
    io.err(`usage: ${usage}`);
    return 2;
  }
  const print = (r: CheckRecord) => io.out(args.json ? JSON.stringify(r) : `${r.file}:${r.line}:${r.column}: ${r.severity} [${r.category}] ${r.message}`);
  // Paths only: the texts are read one at a time below. A bad path named fails before any work.
  const files = [...walkArticles(args._, { onProblem: (p) => print({ file: p.path, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', category: 'input', message: p.message }) })];
  // Group files by corpus; templates are counted over every article of a corpus.
  const groups = new Map<CorpusOnDisk, string[]>();
  for (const { path: file, corpus: c } of files) {
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(file);
  }
  const pool = poolFor(args.jobs as number | undefined, (reason) => io.err(`news-annotate check: ${reason}`));
  const bar = progressBar('checking');
  let findings = 0;
  let done = 0;
  try {
    for (const [corpus, group] of groups) {
      for (const p of corpus.problems) {
        print({ file: corpus.configPath!, line: p.line + 1, column: p.character + 1, endLine: p.endLine + 1, endColumn: p.endCharacter + 1, severity: p.severity, category: 'config', message: p.message });
      }
      const templates = corpusTemplateTable(corpus, group);
      // Results may arrive in any order; each file's records are printed in the order of the files.
      const ready = new Map<number, CheckRecord[]>();
      let next = 0;
      const flush = () => {
        while (ready.has(next)) {
          for (const r of ready.get(next)!) print(r);
          ready.delete(next++);
        }
      };
      const inFlight = new Set<Promise<void>>();
      for (let i = 0; i < group.length; i++) {
        const file = group[i];
        const job = (async () => {
          const records: CheckRecord[] = [];
          const r = readArticleFile(file);
          if (r.note) records.push({ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: r.skipped ? 'warning' : 'information', category: 'input', message: `${r.skipped ? 'Skipped: ' : ''}${r.note}` });
          if (r.text !== undefined) {
            const result = await pool.analyze({ text: r.text, config: corpus.config, relPath: relPathIn(corpus, file), templates, stages: { entities: false, dates: false } });
            const a = attachText(result, r.text);
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
          ready.set(i, records);
          bar.update(++done, files.length);
          flush();
        })().catch((e) => {
          ready.set(i, [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', category: 'engine', message: `not checked: ${(e as Error).message}` }]);
          flush();
        });
        inFlight.add(job);
        void job.finally(() => inFlight.delete(job));
        if (inFlight.size >= pool.size * 4) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
      flush();
    }
  } finally {
    bar.done();
    await pool.terminate();
  }
  if (!args.json) io.err(`${findings} boilerplate line(s) in ${files.length} file(s)`);
  return findings > 0 && !args['exit-zero'] ? 1 : 0;
}
