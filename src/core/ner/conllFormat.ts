// Reading CoNLL-2003 style text: one token per line ("token POS chunk NER", any
// number of columns, gold tag in the 4th or the last), blank lines between sentences, "-DOCSTART-" lines between
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

export interface ConllReadOptions {
  /**
   * 1-based column of the gold tag. Default: the 4th when a line has more than four columns
   * (CoNLL-2003 "token POS chunk NER", then e.g. a predicted tag appended), else the last.
   */
  goldColumn?: number;
}

/** Reads CoNLL text; tags may be IOB1, IOB2 or BILOU/IOBES (the readers of tags accept them all). */
export function parseConll(text: string, options: ConllReadOptions = {}): ConllDoc[] {
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
    const col = options.goldColumn ? options.goldColumn - 1 : cols.length > 4 ? 3 : cols.length - 1;
    sent.tags.push(cols.length > 1 && col > 0 && col < cols.length ? cols[col] : 'O');
  }
  endSentence();
  return docs.filter((d) => d.sentences.length > 0 || d.header);
}
