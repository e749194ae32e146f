// Reuse across calls for per-keystroke re-analysis of boilerplate: a line's line-only features are
// kept under its text (they depend on nothing else), and a stage's probability for a feature row
// under the row itself (hashed to find it, compared in full on a hit). An edit changes the text of
// one line and, through the document-level columns (position, body segment, windows), the rows of
// few others: the rest are scored from the cache. Results are exactly those of scoring afresh.
import { lineLocal, type LineLocal } from './features';
import { lineKey } from './templates';
import { stageProb, type Stage } from './model';
import { LruMap } from '../text/lru';

interface Scored {
  row: Float64Array;
  p: number;
}

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

/** A 52-bit hash of a row's numbers (their exact bits), as a number key. */
function rowKey(row: readonly number[]): number {
  let a = 0x811c9dc5 ^ row.length;
  let b = 0x9e3779b9 | 0;
  for (let i = 0; i < row.length; i++) {
    f64[0] = row[i];
    for (let k = 0; k < 2; k++) {
      const x = i32[k];
      a = Math.imul(a ^ x, 0x01000193);
      b = Math.imul(b ^ x, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  return (a >>> 0) * 0x100000 + (b & 0xfffff);
}

function sameRow(x: Float64Array, y: readonly number[]): boolean {
  if (x.length !== y.length) return false;
  // Object.is: the same bits for every number a row holds (0 and -0 kept apart, NaN equal to itself).
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  return true;
}

export class BoilerplateCache {
  private readonly lines: LruMap<string, LineLocal>;
  private readonly keys: LruMap<string, string>;
  private readonly scores = new WeakMap<Stage, LruMap<number, Scored>>();
  hits = 0;
  misses = 0;

  /** maxLines: line texts kept; maxRows: rows kept per model stage. */
  constructor(readonly maxLines = 20_000, readonly maxRows = 10_000) {
    this.lines = new LruMap(maxLines);
    this.keys = new LruMap(maxLines);
  }

  /** lineKey(raw) (the normalised key of templates, duplicates and keep), kept per line text. */
  key(raw: string): string {
    let v = this.keys.get(raw);
    if (v === undefined) this.keys.set(raw, (v = lineKey(raw)));
    return v;
  }

  /** lineLocal(raw), kept per line text. */
  line(raw: string): LineLocal {
    let v = this.lines.get(raw);
    if (!v) this.lines.set(raw, (v = lineLocal(raw)));
    return v;
  }

  /** stageProb(stage, row), kept per stage and row. */
  prob(stage: Stage, row: readonly number[]): number {
    let m = this.scores.get(stage);
    if (!m) this.scores.set(stage, (m = new LruMap(this.maxRows)));
    const key = rowKey(row);
    const hit = m.get(key);
    if (hit && sameRow(hit.row, row)) {
      this.hits++;
      return hit.p;
    }
    this.misses++;
    const p = stageProb(stage, row as number[]);
    m.set(key, { row: Float64Array.from(row), p });
    return p;
  }

  get lineCount(): number {
    return this.lines.size;
  }
}
