// How many articles of a corpus hold each line key (its 32-bit hash, see ArticleSummary.lineHashes),
// kept as articles come and go: the input of the template table. An open-addressing table of two
// typed arrays (hash, count; linear probing, backward-shift deletion, so no tombstones): 8 bytes a
// slot, at most three quarters full, against about 64 bytes an entry for a Map<number, number> (18 MB
// for the 284,000 distinct lines of 10,000 real articles; 4 MB here), and nothing for the collector to trace.
export class LineCounts {
  private keys: Uint32Array;
  private counts: Uint32Array;
  private mask: number;
  private used = 0;
  /** Articles counted (add minus remove). */
  articles = 0;

  constructor(initialSlots = 1024) {
    let n = 16;
    while (n < initialSlots) n *= 2;
    this.keys = new Uint32Array(n);
    this.counts = new Uint32Array(n);
    this.mask = n - 1;
  }

  /** Distinct hashes with a count above 0. */
  get size(): number {
    return this.used;
  }

  /** Counts one article's distinct line hashes. */
  add(hashes: readonly number[]): void {
    this.articles++;
    for (const h of hashes) this.bump(h >>> 0, 1);
  }

  /** Takes back what add counted for the same hashes. */
  remove(hashes: readonly number[]): void {
    this.articles--;
    for (const h of hashes) this.bump(h >>> 0, -1);
  }

  /** Articles holding this hash. */
  get(hash: number): number {
    const h = hash >>> 0;
    for (let i = slotOf(h) & this.mask; ; i = (i + 1) & this.mask) {
      if (this.counts[i] === 0) return 0;
      if (this.keys[i] === h) return this.counts[i];
    }
  }

  /** The hashes held by at least `min` articles, in ascending order. */
  hashesAtLeast(min: number): Uint32Array {
    let n = 0;
    for (let i = 0; i < this.counts.length; i++) if (this.counts[i] >= min) n++;
    const out = new Uint32Array(n);
    n = 0;
    for (let i = 0; i < this.counts.length; i++) if (this.counts[i] >= min) out[n++] = this.keys[i];
    return out.sort();
  }

  private bump(h: number, by: 1 | -1): void {
    let i = slotOf(h) & this.mask;
    for (; this.counts[i] !== 0; i = (i + 1) & this.mask) {
      if (this.keys[i] !== h) continue;
      this.counts[i] += by;
      if (this.counts[i] === 0) this.vacate(i);
      return;
    }
    if (by < 0) return; // not counted: nothing to take back
    this.keys[i] = h;
    this.counts[i] = 1;
    if (++this.used * 4 > this.counts.length * 3) this.grow();
  }

  /** Empties slot i and moves later entries of its probe run back, so that every lookup still finds them. */
  private vacate(i: number): void {
    this.used--;
    const mask = this.mask;
    let hole = i;
    for (let j = (i + 1) & mask; this.counts[j] !== 0; j = (j + 1) & mask) {
      const home = slotOf(this.keys[j]) & mask;
      // Entry j may fill the hole when its home slot is not in the cyclic range (hole, j].
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        this.keys[hole] = this.keys[j];
        this.counts[hole] = this.counts[j];
        hole = j;
      }
    }
    this.counts[hole] = 0;
    this.keys[hole] = 0;
  }

  private grow(): void {
    const keys = this.keys;
    const counts = this.counts;
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Uint32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (counts[i] === 0) continue;
      let j = slotOf(keys[i]) & this.mask;
      while (this.counts[j] !== 0) j = (j + 1) & this.mask;
      this.keys[j] = keys[i];
      this.counts[j] = counts[i];
    }
  }
}

/** The hashes are already hashes, but line hashes of one site can share low bits: mix them once more. */
function slotOf(h: number): number {
  return Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
}
