// Arrays of flat records (entities, dates, boilerplate findings, blocks, sentences) as columns, for
// the way back from the analysis worker. A structured clone reads and rebuilds every object and every
// string one by one: the 30,000 records of a 300 KB article cost the extension host's thread 25–50 ms
// per re-analysis. As columns, numbers travel in one Float64Array per field, strings that repeat as
// one list of distinct values and a Uint16Array of indices into it, and a record's `text`
// that is the slice of the article at its span is not sent at all (the host has the text); the host
// rebuilds the records, which costs a fraction of that. Exact: every field, absent or present
// (null and undefined included), every number bit for bit, the fields in their order.

/**
 * One field of the records: numbers, strings of a few distinct values (dict and codes), or any other
 * values; `has` marks the records that hold it, when not all do.
 */
interface Column {
  key: string;
  numbers?: Float64Array;
  /** A field of strings that repeat (kinds, categories, sources): each distinct string once, and each record's index into them. */
  dict?: string[];
  codes?: Uint16Array;
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
    else if (key !== 'text') encodeRepeatedStrings(col, n);
    return col;
  });
  return { length: n, columns };
}

/** Most distinct strings a field is sent as dict and codes with (a code is 16 bits). */
const MAX_DICT = 0xffff;

/**
 * A values column of strings only, each repeated on average (at most half as many distinct strings as
 * records hold the field), as dict and codes: a structured clone writes and reads a string every time
 * it occurs ("navigation" for each of 5,793 flagged lines of a 300 KB article), and the rebuilt
 * records then share one string per value.
 */
function encodeRepeatedStrings(col: Column, n: number): void {
  const values = col.values!;
  const index = new Map<string, number>();
  const codes = new Uint16Array(n);
  let held = 0;
  for (let i = 0; i < n; i++) {
    if (col.has && !col.has[i]) continue;
    const v = values[i];
    if (typeof v !== 'string') return;
    held++;
    let code = index.get(v);
    if (code === undefined) {
      // Past half as many distinct strings as records, the field cannot qualify: stop reading it.
      if (index.size >= MAX_DICT || (index.size + 1) * 2 > n) return;
      index.set(v, (code = index.size));
    }
    codes[i] = code;
  }
  if (held === 0 || index.size * 2 > held) return;
  col.dict = [...index.keys()];
  col.codes = codes;
  delete col.values;
}

/** The records again (`text`: the same article text that toColumns was given). */
export function fromColumns<T>(c: Columns, text?: string): T[] {
  const out: Record<string, unknown>[] = new Array(c.length);
  for (let i = 0; i < c.length; i++) out[i] = {};
  for (const col of c.columns) {
    const { key, numbers, dict, codes, values, has, sliced } = col;
    if (sliced && text === undefined) throw new Error(`the records' ${key} fields need the article text`);
    for (let i = 0; i < c.length; i++) {
      if (has && !has[i]) continue;
      // A text left out holds its place (filled in below), so the fields keep their order.
      out[i][key] = numbers ? numbers[i] : dict ? dict[codes![i]] : values![i];
    }
  }
  // Texts left out are slices at the record's span, once every span is back.
  for (const { key, sliced } of c.columns) {
    if (!sliced) continue;
    for (let i = 0; i < c.length; i++) if (sliced[i]) out[i][key] = text!.slice(out[i].start as number, out[i].end as number);
  }
  return out as T[];
}
