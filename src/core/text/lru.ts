// A bounded map for the caches of per-keystroke re-analysis, kept in two generations: entries are
// written to the young one; when it holds half the bound the old one is dropped and the young one
// becomes old. A hit in the old generation moves the entry back to the young one. So an entry in use
// stays, at most the bound is held, and a lookup costs one or two Map reads (no reordering per hit).
// The bound counts entries, or, with `weigh`, their weights (e.g. the characters of key and value).
import { ownString } from './ownString';

export class LruMap<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private youngWeight = 0;
  private oldWeight = 0;
  private readonly half: number;

  constructor(
    readonly maxWeight: number,
    private readonly weigh: (v: V, k: K) => number = () => 1,
  ) {
    this.half = Math.max(1, maxWeight / 2);
  }

  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) {
      this.old.delete(key);
      this.oldWeight -= this.weigh(o, key);
      this.set(key, o);
    }
    return o;
  }

  /** keyIsOwn: the caller made the string key with characters of its own (see ownString): it is not copied again. */
  set(key: K, value: V, keyIsOwn = false): void {
    const w = this.weigh(value, key);
    const prev = this.young.get(key);
    if (prev !== undefined) this.youngWeight -= this.weigh(prev, key);
    else if (this.youngWeight + w > this.half && this.young.size > 0) {
      this.old = this.young;
      this.oldWeight = this.youngWeight;
      this.young = new Map();
      this.youngWeight = 0;
    }
    // A new string key is stored with characters of its own (a slice would keep its whole text).
    this.young.set(prev === undefined && !keyIsOwn && typeof key === 'string' ? (ownString(key) as K) : key, value);
    this.youngWeight += w;
    const o = this.old.get(key);
    if (o !== undefined) {
      this.old.delete(key);
      this.oldWeight -= this.weigh(o, key);
    }
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  /** Total weight held (the number of entries without `weigh`). */
  get weight(): number {
    return this.youngWeight + this.oldWeight;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
    this.youngWeight = 0;
    this.oldWeight = 0;
  }
}
