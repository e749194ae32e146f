// Reuse across calls for per-keystroke re-analysis of dates: a chunk's finds (see candidates.ts)
// are kept under its window of text, its place in that window, whether numeric dates are looked
// for and the article date (chrono reads numeric dates relative to it), which is all they depend
// on. Bounded in characters of the keys (LruMap); results are exactly those without the cache.
import type { ChunkFinds } from './candidates';
import { ownString } from '../text/ownString';
import { LruMap } from '../text/lru';

export class DateCache {
  private readonly chunks: LruMap<string, ChunkFinds>;
  hits = 0;
  misses = 0;

  /** maxChars: characters of the windows kept (2,000,000 by default: several articles of the 300,000 limit). */
  constructor(readonly maxChars = 2_000_000) {
    this.chunks = new LruMap(maxChars, (_, key) => key.length);
  }

  /** The key of a chunk's finds: everything they depend on, the window last; a string of its own (not a view into the text). */
  key(window: string, from: number, to: number, numeric: boolean, articleDate: string): string {
    return ownString(`${numeric ? 'n' : '-'}${articleDate}|${from}|${to}|${window}`);
  }

  /** The window at the end of a key, as a string that holds no more than the key. */
  windowOf(key: string, length: number): string {
    return key.slice(key.length - length);
  }

  get(key: string): ChunkFinds | undefined {
    const v = this.chunks.get(key);
    if (v) this.hits++;
    else this.misses++;
    return v;
  }

  /** key: as key() made it (the finds' window is a view into it, so the map keeps that one string, not a copy). */
  set(key: string, finds: ChunkFinds): void {
    this.chunks.set(key, finds, true);
  }

  get size(): number {
    return this.chunks.size;
  }
}
