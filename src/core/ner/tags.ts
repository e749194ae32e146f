// Tag sets and conversions between tag sequences and entity spans (token indices).
// Internally the tagger uses IOB2 ("BIO") or BILOU; CoNLL-2003 files use IOB1.

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export type TagScheme = 'BIO' | 'BILOU';

/** A chunk over token indices [start, end) of one sentence. */
export interface TokenChunk {
  start: number;
  end: number;
  type: string;
}

export interface TagSet {
  scheme: TagScheme;
  /** Tag names; index 0 is always "O". */
  tags: string[];
  /** allowed[prev * n + cur]; prev = n means sentence start. */
  allowed: Uint8Array;
  /** Tags that may end a sentence. */
  allowedEnd: Uint8Array;
  /** For each tag, the tags that may precede it (sentence start excluded). */
  prev: Uint8Array[];
  /** For each tag, the tags that may follow it. */
  next: Uint8Array[];
}

export function makeTagSet(scheme: TagScheme): TagSet {
  const prefixes = scheme === 'BIO' ? ['B', 'I'] : ['B', 'I', 'L', 'U'];
  const tags = ['O'];
  for (const t of ENTITY_TYPES) for (const p of prefixes) tags.push(`${p}-${t}`);
  const n = tags.length;
  const allowed = new Uint8Array((n + 1) * n);
  const allowedEnd = new Uint8Array(n);
  const parse = (i: number): [string, string] => (i === n || i === 0 ? ['O', ''] : [tags[i][0], tags[i].slice(2)]);
  for (let p = 0; p <= n; p++) {
    const [pp, pt] = parse(p);
    for (let c = 0; c < n; c++) {
      const [cp, ct] = parse(c);
      let ok: boolean;
      if (scheme === 'BIO') ok = cp !== 'I' || ((pp === 'B' || pp === 'I') && pt === ct);
      else {
        const inside = pp === 'B' || pp === 'I'; // an open chunk must continue with I or L of its type
        if (inside) ok = (cp === 'I' || cp === 'L') && pt === ct;
        else ok = cp === 'O' || cp === 'B' || cp === 'U';
      }
      allowed[p * n + c] = ok ? 1 : 0;
    }
  }
  for (let c = 0; c < n; c++) {
    const [cp] = parse(c);
    allowedEnd[c] = scheme === 'BIO' ? 1 : cp === 'O' || cp === 'L' || cp === 'U' ? 1 : 0;
  }
  const prev: Uint8Array[] = [];
  const next: Uint8Array[] = [];
  for (let t = 0; t < n; t++) {
    const p: number[] = [];
    const x: number[] = [];
    for (let q = 0; q < n; q++) {
      if (allowed[q * n + t]) p.push(q);
      if (allowed[t * n + q]) x.push(q);
    }
    prev.push(Uint8Array.from(p));
    next.push(Uint8Array.from(x));
  }
  return { scheme, tags, allowed, allowedEnd, prev, next };
}

/** Chunks of a well-formed tag sequence of the set (by index). Lenient: I without B starts a chunk. */
export function chunksFromTags(set: TagSet, seq: ArrayLike<number>): TokenChunk[] {
  let any = false;
  for (let i = 0; i < seq.length && !any; i++) any = seq[i] !== 0;
  if (!any) return [];
  const names = Array.from(seq, (i) => set.tags[i]);
  return chunksFromIob(names);
}

/** Chunks of IOB1 / IOB2 / BILOU string tags, conlleval-style boundaries. */
export function chunksFromIob(tags: readonly string[]): TokenChunk[] {
  const out: TokenChunk[] = [];
  let cur: TokenChunk | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const p = tag === 'O' || tag.length < 2 ? 'O' : tag[0];
    const type = p === 'O' ? '' : tag.slice(2);
    const startsNew = p === 'B' || p === 'U' || (p !== 'O' && (cur === null || cur.type !== type));
    if (cur && (p === 'O' || startsNew)) {
      cur.end = i;
      out.push(cur);
      cur = null;
    }
    if (p !== 'O' && cur === null) cur = { start: i, end: i + 1, type };
    if (cur && (p === 'L' || p === 'U' || p === 'E' || p === 'S')) {
      cur.end = i + 1;
      out.push(cur);
      cur = null;
    }
  }
  if (cur) {
    cur.end = tags.length;
    out.push(cur);
  }
  return out;
}

/** Tag indices of the set for chunks over n tokens. */
export function tagsFromChunks(set: TagSet, n: number, chunks: readonly TokenChunk[]): Uint8Array {
  const out = new Uint8Array(n);
  const idx = new Map(set.tags.map((t, i) => [t, i] as const));
  for (const c of chunks) {
    for (let i = c.start; i < c.end; i++) {
      let p = 'I';
      if (set.scheme === 'BIO') p = i === c.start ? 'B' : 'I';
      else if (c.end - c.start === 1) p = 'U';
      else p = i === c.start ? 'B' : i === c.end - 1 ? 'L' : 'I';
      out[i] = idx.get(`${p}-${c.type}`) ?? 0;
    }
  }
  return out;
}

/** IOB1 spelling of chunks over n tokens (CoNLL-2003's scheme): B- only where a chunk follows one of its type. */
export function iob1FromChunks(n: number, chunks: readonly TokenChunk[]): string[] {
  const out = new Array<string>(n).fill('O');
  let prev: TokenChunk | null = null;
  for (const c of chunks) {
    for (let i = c.start; i < c.end; i++) out[i] = `I-${c.type}`;
    if (prev && prev.end === c.start && prev.type === c.type) out[c.start] = `B-${c.type}`;
    prev = c;
  }
  return out;
}
