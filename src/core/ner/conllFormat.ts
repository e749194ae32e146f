// Reading CoNLL-2003 style text: one token per line ("token POS chunk NER", any
// number of columns), blank lines between sentences, "-DOCSTART-" lines between
// documents. Pure string in, plain data out.

export interface ConllSentence {
  /** The original lines of the sentence, one per token. */
  lines: string[];
  tokens: string[];
  /** Last column of each line (the gold tag), or "O" when a line has a single column. */
  tags: string[];
}

export interface ConllDoc {
  /** The -DOCSTART- line that opened it, if any. */
  header?: string;
  sentences: ConllSentence[];
}

export function parseConll(text: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc | null = null;
  let sent: ConllSentence | null = null;
  const endSentence = (): void => {
    if (sent && sent.tokens.length) {
      if (!doc) docs.push((doc = { sentences: [] }));
      doc.sentences.push(sent);
    }
    sent = null;
  };
  for (const raw of text.replace(/^\ufeff/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      docs.push((doc = { header: line, sentences: [] }));
      continue;
    }
    if (!sent) sent = { lines: [], tokens: [], tags: [] };
    sent.lines.push(line);
    sent.tokens.push(cols[0]);
    sent.tags.push(cols.length > 1 ? cols[cols.length - 1] : 'O');
  }
  endSentence();
  return docs.filter((d) => d.sentences.length > 0 || d.header);
}
