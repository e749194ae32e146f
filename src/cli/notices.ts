// The one place the CLI turns limits and config problems into messages: each
// newscorpus.yaml problem once per run (whichever command meets the corpus),
// with the file and the line, and any other notice once per key.
import type { CorpusOnDisk } from '../node/corpusFiles';

export class Notices {
  private readonly said = new Set<string>();
  constructor(private readonly err: (line: string) => void) {}

  /** Says a message once per key (the default key is the message itself). */
  once(message: string, key = message): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.err(message);
  }

  /** Reports the problems of a corpus's newscorpus.yaml (broken YAML, refused patterns…), once per run. */
  corpus(c: CorpusOnDisk): void {
    if (!c.configPath) return;
    for (const p of c.problems) {
      this.once(`${c.configPath}:${p.line + 1}:${p.character + 1}: ${p.severity}: ${p.message}`);
    }
  }
}
