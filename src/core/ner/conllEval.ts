// The conlleval scorer (CoNLL-2000/2003 shared tasks), rewritten: an entity is
// counted correct only when the guessed chunk has exactly the gold chunk's start,
// end and type. Chunk boundaries follow conlleval's startOfChunk / endOfChunk
// rules, so IOB1 (I- starts a chunk after O or another type), IOB2 and IOE tags
// are all handled as the Perl script handles them.

export interface TypeScore {
  precision: number;
  recall: number;
  f1: number;
  /** Chunks guessed, chunks in the gold data, chunks guessed correctly. */
  guessed: number;
  gold: number;
  correct: number;
}

export interface ConllScore {
  overall: TypeScore;
  byType: Record<string, TypeScore>;
  tokens: number;
  /** Token-level accuracy (percent), as conlleval prints it. */
  accuracy: number;
}

interface Chunk {
  start: number;
  end: number;
  type: string;
}

function split(tag: string): [string, string] {
  if (tag === 'O' || tag === '') return ['O', ''];
  const m = /^([^-]+)-(.+)$/.exec(tag);
  return m ? [m[1], m[2]] : [tag, ''];
}

function endOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  if (prevTag === 'B' && tag === 'B') return true;
  if (prevTag === 'B' && tag === 'O') return true;
  if (prevTag === 'I' && tag === 'B') return true;
  if (prevTag === 'I' && tag === 'O') return true;
  if (prevTag === 'E' && tag === 'E') return true;
  if (prevTag === 'E' && tag === 'I') return true;
  if (prevTag === 'E' && tag === 'O') return true;
  if (prevTag !== 'O' && prevTag !== '.' && prevType !== type) return true;
  if (prevTag === ']' || prevTag === '[') return true;
  return false;
}

function startOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  if (prevTag === 'B' && tag === 'B') return true;
  if (prevTag === 'I' && tag === 'B') return true;
  if (prevTag === 'O' && tag === 'B') return true;
  if (prevTag === 'O' && tag === 'I') return true;
  if (prevTag === 'E' && tag === 'E') return true;
  if (prevTag === 'E' && tag === 'I') return true;
  if (prevTag === 'O' && tag === 'E') return true;
  if (tag !== 'O' && tag !== '.' && prevType !== type) return true;
  if (tag === '[' || tag === ']') return true;
  return false;
}

/** Chunks of one sentence's tags by conlleval's rules (the sentence is bounded by O on both sides). */
export function conllChunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let prevTag = 'O';
  let prevType = '';
  let open: Chunk | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const [tag, type] = i < tags.length ? split(tags[i]) : ['O', ''];
    if (open && endOfChunk(prevTag, tag, prevType, type)) {
      open.end = i;
      out.push(open);
      open = null;
    }
    if (startOfChunk(prevTag, tag, prevType, type)) open = { start: i, end: i, type };
    prevTag = tag;
    prevType = type;
  }
  return out;
}

function score(correct: number, guessed: number, gold: number): TypeScore {
  const precision = guessed ? (100 * correct) / guessed : 0;
  const recall = gold ? (100 * correct) / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, guessed, gold, correct };
}

/** Scores sentences of (gold, guessed) tag sequences. */
export function conllEvaluate(sentences: { gold: readonly string[]; guess: readonly string[] }[]): ConllScore {
  const count = new Map<string, { c: number; g: number; o: number }>();
  const get = (t: string) => {
    let v = count.get(t);
    if (!v) count.set(t, (v = { c: 0, g: 0, o: 0 }));
    return v;
  };
  let tokens = 0;
  let tokCorrect = 0;
  for (const { gold, guess } of sentences) {
    if (gold.length !== guess.length) throw new Error('gold and guessed tag sequences differ in length');
    tokens += gold.length;
    for (let i = 0; i < gold.length; i++) if (gold[i] === guess[i]) tokCorrect++;
    const gc = conllChunks(gold);
    const pc = conllChunks(guess);
    const goldKeys = new Set(gc.map((c) => `${c.start}:${c.end}:${c.type}`));
    for (const c of gc) get(c.type).o++;
    for (const c of pc) {
      get(c.type).g++;
      if (goldKeys.has(`${c.start}:${c.end}:${c.type}`)) get(c.type).c++;
    }
  }
  const byType: Record<string, TypeScore> = {};
  let c = 0;
  let g = 0;
  let o = 0;
  for (const t of [...count.keys()].sort()) {
    const v = count.get(t)!;
    byType[t] = score(v.c, v.g, v.o);
    c += v.c;
    g += v.g;
    o += v.o;
  }
  return { overall: score(c, g, o), byType, tokens, accuracy: tokens ? (100 * tokCorrect) / tokens : 0 };
}

/** conlleval-like text report. */
export function formatConllScore(s: ConllScore): string {
  const f = (x: number) => x.toFixed(2).padStart(6);
  const lines = [
    `processed ${s.tokens} tokens with ${s.overall.gold} phrases; found: ${s.overall.guessed} phrases; correct: ${s.overall.correct}.`,
    `accuracy: ${f(s.accuracy)}%; precision: ${f(s.overall.precision)}%; recall: ${f(s.overall.recall)}%; FB1: ${f(s.overall.f1)}`,
  ];
  for (const [t, v] of Object.entries(s.byType))
    lines.push(`${t.padStart(17)}: precision: ${f(v.precision)}%; recall: ${f(v.recall)}%; FB1: ${f(v.f1)}  ${v.guessed}`);
  return lines.join('\n');
}

/** Errors of one entity type, by kind (conlleval counts all of them simply as wrong). */
export interface TypeErrors {
  /** Gold entities found with the right span and type. */
  correct: number;
  /** Gold entities found with the right span but another type (counted under the gold type). */
  wrongType: number;
  /** Gold entities overlapped by a guess with other boundaries (any type). */
  wrongSpan: number;
  /** Gold entities no guess overlaps. */
  missed: number;
  /** Guesses of this type that overlap no gold entity. */
  spurious: number;
}

/**
 * Breakdown of the errors by kind and type: each gold entity is correct, found with a wrong type
 * (same span), found with wrong boundaries, or missed; each guess overlapping no gold entity is spurious.
 */
export function conllErrors(sentences: readonly { gold: readonly string[]; guess: readonly string[] }[]): Record<string, TypeErrors> {
  const out: Record<string, TypeErrors> = {};
  const row = (t: string) => (out[t] ??= { correct: 0, wrongType: 0, wrongSpan: 0, missed: 0, spurious: 0 });
  for (const s of sentences) {
    const gold = conllChunks(s.gold);
    const guess = conllChunks(s.guess);
    const overlaps = (a: Chunk, b: Chunk) => a.start < b.end && b.start < a.end;
    for (const g of gold) {
      const same = guess.find((x) => x.start === g.start && x.end === g.end);
      if (same) row(g.type)[same.type === g.type ? 'correct' : 'wrongType']++;
      else if (guess.some((x) => overlaps(x, g))) row(g.type).wrongSpan++;
      else row(g.type).missed++;
    }
    for (const x of guess) if (!gold.some((g) => overlaps(g, x))) row(x.type).spurious++;
  }
  return out;
}

/** The breakdown as a small table (one line per type, then the totals). */
export function formatConllErrors(errors: Record<string, TypeErrors>): string {
  const cols: (keyof TypeErrors)[] = ['correct', 'wrongType', 'wrongSpan', 'missed', 'spurious'];
  const total: TypeErrors = { correct: 0, wrongType: 0, wrongSpan: 0, missed: 0, spurious: 0 };
  const lines = [`${'type'.padEnd(6)}${cols.map((c) => c.padStart(10)).join('')}`];
  for (const t of Object.keys(errors).sort()) {
    lines.push(`${t.padEnd(6)}${cols.map((c) => String(errors[t][c]).padStart(10)).join('')}`);
    for (const c of cols) total[c] += errors[t][c];
  }
  lines.push(`${'all'.padEnd(6)}${cols.map((c) => String(total[c]).padStart(10)).join('')}`);
  return lines.join('\n');
}
