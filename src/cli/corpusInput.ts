// The corpus summaries a corpus-level command (actors, dossier) works from: read from the persisted
// index after bringing it up to date, with the command's --cache and --jobs, a progress line on a
// terminal, and the workers stopped afterwards.
import { corpusSummaries, type CorpusSummaries } from '../node/corpusSummaries';
import { poolFor } from './commands/index';
import type { ParsedArgs } from './args';
import type { CliIO } from './io';
import { progressBar } from './progress';

export async function summariesFor(command: string, root: string, args: ParsedArgs, io: CliIO): Promise<CorpusSummaries> {
  const pool = poolFor(args.jobs as number | undefined, (reason) => io.err(`news-annotate ${command}: ${reason}`));
  const bar = progressBar('indexing');
  try {
    return await corpusSummaries(root, { pool, cache: args.cache as string | undefined, onProgress: (d, t) => bar.update(d, t) });
  } finally {
    bar.done();
    await pool.terminate();
  }
}
