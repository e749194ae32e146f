// A sorted list that takes inserts and removals without moving the whole list: its elements are
// kept in chunks of a few hundred, so an update moves at most one chunk (and, rarely, the list of
// chunks). The order must be total (no two elements compare equal), and an element's sort keys must
// not change while it is in the list: remove it, change it, insert it again.

const CHUNK = 512;

export class SortedChunks<T> {
  private chunks: T[][] = [];
  private count = 0;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get length(): number {
    return this.count;
  }

  /** Replaces the content with these elements, sorted here unless said to be sorted already. */
  reset(items: T[], sorted = false): void {
    if (!sorted) items.sort(this.compare);
    this.chunks = [];
    for (let i = 0; i < items.length; i += CHUNK) this.chunks.push(items.slice(i, i + CHUNK));
    this.count = items.length;
  }

  insert(x: T): void {
    if (this.chunks.length === 0) {
      this.chunks.push([x]);
      this.count = 1;
      return;
    }
    const c = this.chunkFor(x);
    const chunk = this.chunks[c];
    chunk.splice(this.indexIn(chunk, x), 0, x);
    this.count++;
    if (chunk.length >= 2 * CHUNK) this.chunks.splice(c + 1, 0, chunk.splice(CHUNK));
  }

  /** Removes the element equal to x in the order; false when there is none. */
  remove(x: T): boolean {
    if (this.chunks.length === 0) return false;
    const c = this.chunkFor(x);
    const chunk = this.chunks[c];
    const i = this.indexIn(chunk, x);
    if (i >= chunk.length || this.compare(chunk[i], x) !== 0) return false;
    chunk.splice(i, 1);
    this.count--;
    if (chunk.length === 0) this.chunks.splice(c, 1);
    return true;
  }

  toArray(): T[] {
    return this.map((x) => x);
  }

  /** The elements in order, each mapped. */
  map<U>(f: (x: T) => U): U[] {
    const out: U[] = new Array(this.count);
    let k = 0;
    for (const chunk of this.chunks) for (let i = 0; i < chunk.length; i++) out[k++] = f(chunk[i]);
    return out;
  }

  /** Elements from start to end (excluded), as Array.slice. */
  slice(start: number, end = this.count): T[] {
    if (start < 0) start = Math.max(0, this.count + start);
    if (end < 0) end = this.count + end;
    end = Math.min(end, this.count);
    const out: T[] = [];
    let base = 0;
    for (const chunk of this.chunks) {
      if (base >= end) break;
      if (base + chunk.length > start) for (let i = Math.max(0, start - base); i < chunk.length && base + i < end; i++) out.push(chunk[i]);
      base += chunk.length;
    }
    return out;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (const chunk of this.chunks) yield* chunk;
  }

  /** The first chunk whose last element is not before x (the last chunk when x is after all). */
  private chunkFor(x: T): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const last = this.chunks[mid];
      if (this.compare(last[last.length - 1], x) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first index in the chunk whose element is not before x. */
  private indexIn(chunk: T[], x: T): number {
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(chunk[mid], x) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Elements a step of sortInSteps compares or moves at most (about 1–2 ms). */
export const SORT_STEP_WORK = 20_000;

/**
 * Sorts a copy of `items` a bounded step at a time, for a host thread that runs one step per turn of
 * its event loop: runs of 1,024 sorted with Array.prototype.sort, then merged pairwise (stable, as
 * Array.prototype.sort), each step comparing or moving about `maxWork` elements. Yields between
 * steps; returns the sorted array. `items` is not changed.
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, maxWork = SORT_STEP_WORK): Generator<void, T[]> {
  const RUN = 1024;
  const n = items.length;
  let src: T[] = items.slice();
  let work = 0;
  for (let lo = 0; lo < n; lo += RUN) {
    const run = src.slice(lo, lo + RUN).sort(compare);
    for (let i = 0; i < run.length; i++) src[lo + i] = run[i];
    work += run.length * 10; // about log2(RUN) comparisons an element
    if (work >= maxWork) {
      work = 0;
      yield;
    }
  }
  let dst: T[] = new Array<T>(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        dst[k] = i < mid && (j >= hi || compare(src[j], src[i]) >= 0) ? src[i++] : src[j++];
        if (++work >= maxWork) {
          work = 0;
          yield;
        }
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
}
