// Arrays of flat records (entities, dates, boilerplate findings, blocks, sentences) as columns, for
// the way back from the analysis worker. A structured clone reads and rebuilds every object and every
// string one by one: the 30,000 records of a 300 KB article cost the extension host's thread 25–50 ms
// per re-analysis. As columns, numbers travel in one Float64Array per field and a record's `text`
// that is the slice of the article at its span is not sent at all (the host has the text); the host
// rebuilds the records, which costs a fraction of that. Exact: every field, absent or present
// (null and undefined included), every number bit for bit, the fields in their order.

/** One field of the records: numbers, or any other values; `has` marks the records that hold it, when not all do. */
interface Column {
  key: string;
  numbers?: Float64Array;
  values?: unknown[];
  has?: Uint8Array;
  /** For `text`: records whose text is the article's slice at [start, end) (not sent). */
  sliced?: Uint8Array;
}

export interface Columns {
  length: number;
  columns: Column[];
}

/**
 * The records as columns. With `text` (the analysed article), a record's `text` field equal to
 * text.slice(start, end) is left out, and put back by fromColumns.
 */
export function toColumns(records: readonly object[], text?: string): Columns {
  const n = records.length;
  // The fields in the records' own order: a field first seen in a later record goes right after the
  // field before it there (records of one shape with optional fields keep their order when rebuilt).
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    let prev = -1;
    for (const k of Object.keys(r)) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.splice(prev + 1, 0, k);
      }
      prev = keys.indexOf(k);
    }
  }
  const columns = keys.map((key): Column => {
    let all = true;
    let numeric = true;
    for (const r of records) {
      if (!Object.prototype.hasOwnProperty.call(r, key)) all = false;
      else if (typeof (r as Record<string, unknown>)[key] !== 'number') numeric = false;
    }
    const col: Column = { key };
    const has = all ? undefined : new Uint8Array(n);
    if (has) col.has = has;
    if (numeric) {
      const numbers = (col.numbers = new Float64Array(n));
      records.forEach((r, i) => {
        if (has && !Object.prototype.hasOwnProperty.call(r, key)) return;
        if (has) has[i] = 1;
        numbers[i] = (r as Record<string, number>)[key];
      });
      return col;
    }
    const values = (col.values = new Array<unknown>(n).fill(undefined));
    const sliced = key === 'text' && text !== undefined ? new Uint8Array(n) : undefined;
    records.forEach((r, i) => {
      if (has && !Object.prototype.hasOwnProperty.call(r, key)) return;
      if (has) has[i] = 1;
      const v = (r as Record<string, unknown>)[key];
      const { start, end } = r as { start?: unknown; end?: unknown };
      if (sliced && typeof v === 'string' && typeof start === 'number' && typeof end === 'number' && text!.slice(start, end) === v) sliced[i] = 1;
      else values[i] = v;
    });
    if (sliced?.some((x) => x === 1)) col.sliced = sliced;
    return col;
  });
  return { length: n, columns };
}

/** The records again (`text`: the same article text that toColumns was given). */
export function fromColumns<T>(c: Columns, text?: string): T[] {
  const out: Record<string, unknown>[] = new Array(c.length);
  for (let i = 0; i < c.length; i++) out[i] = {};
  for (const col of c.columns) {
    const { key, numbers, values, has, sliced } = col;
    if (sliced && text === undefined) throw new Error(`the records' ${key} fields need the article text`);
    for (let i = 0; i < c.length; i++) {
      if (has && !has[i]) continue;
      // A text left out holds its place (filled in below), so the fields keep their order.
      out[i][key] = numbers ? numbers[i] : values![i];
    }
  }
  // Texts left out are slices at the record's span, once every span is back.
  for (const { key, sliced } of c.columns) {
    if (!sliced) continue;
    for (let i = 0; i < c.length; i++) if (sliced[i]) out[i][key] = text!.slice(out[i].start as number, out[i].end as number);
  }
  return out as T[];
}
