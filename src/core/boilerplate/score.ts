// Scoring of boilerplate predictions against line labels and the ground-truth
// article text, as the data README defines it: line-level and character-
// weighted precision/recall/F1 of the boilerplate class, and "article text
// kept" (unflagged lines vs articleBody as bags of lower-cased word tokens,
// precision and recall averaged over pages, F1 of the averages).

export interface PageScoreInput {
  lines: string[];
  /** 1 = boilerplate per line. */
  labels: number[];
  flagged: ReadonlySet<number>;
  /** Ground-truth article text, when known. */
  articleBody?: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  pages: number;
  lineP: number;
  lineR: number;
  lineF1: number;
  charP: number;
  charR: number;
  charF1: number;
  keptP: number;
  keptR: number;
  keptF1: number;
}

const TOKEN_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|[\p{L}\p{N}]+/gu;

export function tokens(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN_RE) ?? [];
}

function bag(ts: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of ts) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Bag-of-tokens precision and recall of kept text against truth. */
export function keptPR(kept: string, truth: string): { p: number; r: number } {
  const a = tokens(kept);
  const b = tokens(truth);
  const bb = bag(b);
  let common = 0;
  for (const [t, c] of bag(a)) common += Math.min(c, bb.get(t) ?? 0);
  return { p: a.length === 0 ? (b.length === 0 ? 1 : 0) : common / a.length, r: b.length === 0 ? 1 : common / b.length };
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export class ScoreAccumulator {
  private line: Counts = { tp: 0, fp: 0, fn: 0 };
  private chars: Counts = { tp: 0, fp: 0, fn: 0 };
  private keptP = 0;
  private keptR = 0;
  private keptPages = 0;
  private pages = 0;

  add(page: PageScoreInput): void {
    this.pages++;
    const kept: string[] = [];
    page.lines.forEach((text, i) => {
      const gold = page.labels[i] === 1;
      const pred = page.flagged.has(i);
      const w = text.length;
      if (pred && gold) {
        this.line.tp++;
        this.chars.tp += w;
      } else if (pred && !gold) {
        this.line.fp++;
        this.chars.fp += w;
      } else if (!pred && gold) {
        this.line.fn++;
        this.chars.fn += w;
      }
      if (!pred) kept.push(text);
    });
    if (page.articleBody !== undefined) {
      const { p, r } = keptPR(kept.join('\n'), page.articleBody);
      this.keptP += p;
      this.keptR += r;
      this.keptPages++;
    }
  }

  result(): Scores {
    const pr = (c: Counts): [number, number, number] => {
      const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
      const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
      return [p, r, f1(p, r)];
    };
    const [lineP, lineR, lineF1] = pr(this.line);
    const [charP, charR, charF1] = pr(this.chars);
    const keptP = this.keptPages ? this.keptP / this.keptPages : 0;
    const keptR = this.keptPages ? this.keptR / this.keptPages : 0;
    return { pages: this.pages, lineP, lineR, lineF1, charP, charR, charF1, keptP, keptR, keptF1: f1(keptP, keptR) };
  }
}
