// news-annotate: the project's core as a shell tool for batch work.
import type { CliIO } from './io';
import { exitWhenFlushed, processIO } from './io';
import { resetCorpusCache, setConfigTrust } from '../node/corpusFiles';
import * as actors from './commands/actors';
import * as analyze from './commands/analyze';
import * as check from './commands/check';
import * as exportCmd from './commands/export';
import * as clean from './commands/clean';
import * as importCmd from './commands/import';
import * as indexCmd from './commands/index';
import * as dossier from './commands/dossier';

interface Command {
  usage: string;
  summary: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  check: { ...check, summary: 'print boilerplate and input diagnostics; exit 1 when boilerplate is found' },
  analyze: { ...analyze, summary: "print an article's entities, dates, boilerplate and actors" },
  actors: { ...actors, summary: 'the actors of a corpus across its articles (names, roles, counts, dates, knowledge-base entry, codes) as JSON lines or CSV' },
  export: { ...exportCmd, summary: 'confirmed annotations (.ann) as JSONL (spaCy/Prodigy/doccano) or CoNLL BIO, boilerplate optionally left out' },
  clean: { ...clean, summary: 'copy articles without boilerplate lines, annotations carried over, plus clean-report.json' },
  index: { ...indexCmd, summary: "build or update the corpus's persisted index (the extension's store), analysing only what changed, on every core" },
  dossier: { ...dossier, summary: 'the dossier of one actor across a corpus: articles in date order with each mention in its sentence, timeline, roles, co-actors (JSON or Markdown); exit 2 for an unknown name' },
  import: { ...importCmd, summary: 'add the spans of a JSONL file (spaCy/Prodigy/doccano) to the .ann of matching corpus articles; exit 1 when a line was skipped' },
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out('news-annotate: News Corpus Annotator on the command line\n');
    for (const [n, c] of Object.entries(COMMANDS)) io.out(`  ${c.usage}\n      ${c.summary}`);
    io.out('\n  --trust (any command): run the boilerplate patterns of newscorpus.yaml (regular expressions);\n      without it a corpus config is untrusted and its patterns are not run (you are told).');
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`news-annotate: unknown command "${name}" (known: ${Object.keys(COMMANDS).join(', ')})`);
    return 2;
  }
  try {
    resetCorpusCache();
    setConfigTrust(rest.includes('--trust'));
    return await cmd.run(rest.filter((a) => a !== '--trust'), io);
  } catch (e) {
    io.err(`news-annotate ${name}: ${(e as Error).message}`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(exitWhenFlushed);
}
