// A bounded map for the caches of per-keystroke re-analysis, kept in two generations: entries are
// written to the young one; when it is full the old one is dropped and the young one becomes old.
// A hit in the old generation moves the entry back to the young one. So an entry in use stays, at
// most maxEntries are held, and a lookup costs one or two Map reads (no reordering on each hit).
export class LruMap<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly half: number;

  constructor(readonly maxEntries: number) {
    this.half = Math.max(1, Math.floor(maxEntries / 2));
  }

  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) {
      this.old.delete(key);
      this.set(key, o);
    }
    return o;
  }

  set(key: K, value: V): void {
    if (!this.young.has(key) && this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    this.old.delete(key);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
