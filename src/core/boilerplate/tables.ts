// Tables of the article scraped one cell a line: a box score, a quote table, standings, snap counts.
// A page's HTML table comes out of a naive scraper as a run of short lines whose kinds (a number or
// text) repeat with the table's number of columns. The trained trees, from 112
// pages with few such tables, flag them as they flag menus; tablesInArticle finds those that sit
// next to prose the model keeps, so the engine keeps them too.
import type { LineInfo } from './features';

/** Columns a table may have. */
export const TABLE_MIN_COLUMNS = 2;
export const TABLE_MAX_COLUMNS = 12;
/** Rows a table needs at least (its heading row counted): fewer is not told apart from chance. */
export const TABLE_MIN_ROWS = 3;
/** Words a cell may have at most (a row's note: "1 tackle (1 combined). 1 sack, 1 TFL."). */
export const TABLE_CELL_MAX_WORDS = 16;
/** Lines (headings, a "Continue reading" link) that may stand between a table and the prose it sits by. */
const TABLE_MAX_GAP = 3;

/** Kinds of cell. */
const NUMBER = 0;
const TEXT = 1;

const DIGIT = /\d/;
const LETTER = /\p{L}/u;

/** A cell with a digit and no letter ("5040", "-5.44%", "$2.53", "7:14", "2-1"). */
function isNumber(text: string): boolean {
  return DIGIT.test(text) && !LETTER.test(text);
}

function cellKind(info: LineInfo): number {
  return isNumber(info.text) ? NUMBER : TEXT;
}

/** Whether a line may be a cell: short, not prose, no phrase of the lexicon, no comment marker. */
function isCell(info: LineInfo): boolean {
  return !info.prose && info.words <= TABLE_CELL_MAX_WORDS && info.hits.length === 0 && !info.commentMarker;
}

/** Whether a row's kinds repeat with a shorter period (a ranked list read two entries a row). */
function repeatsWithin(row: readonly number[]): boolean {
  const k = row.length;
  for (let d = 1; d < k; d++) {
    if (k % d !== 0) continue;
    let same = true;
    for (let i = d; i < k && same; i++) same = row[i] === row[i - d];
    if (same) return true;
  }
  return false;
}

/**
 * The periodic stretch of a run of cells: the number of columns and the first and last cell (indexes
 * into kinds) of the longest stretch in which each cell's kind is that of the cell a row above, at
 * least TABLE_MIN_ROWS rows long, with more than one kind of cell in a row, no shorter period within a
 * row, and two numbers a row (the heading row aside): a ranked list of headlines ("1", a title, "2", a
 * title) has one. Undefined when there is none.
 */
export function periodicStretch(kinds: readonly number[]): { columns: number; first: number; last: number } | undefined {
  let best: { columns: number; first: number; last: number } | undefined;
  for (let k = TABLE_MIN_COLUMNS; k <= TABLE_MAX_COLUMNS && k * TABLE_MIN_ROWS <= kinds.length; k++) {
    let start = k;
    for (let i = k; i <= kinds.length; i++) {
      if (i < kinds.length && kinds[i] === kinds[i - k]) continue;
      // The stretch [start - k, i - 1]: cells matching the row above from start to i - 1.
      // Whole rows ending with the stretch's last cell, and the heading row above them, all text
      // ("Ticker", "Security", "Last", "Change"), when there is one.
      const last = i - 1;
      let rows = Math.floor((last - (start - k) + 1) / k);
      let first = last + 1 - rows * k;
      if (first >= k && kinds.slice(first - k, first).every((x) => x === TEXT)) (first -= k), rows++;
      if (rows >= TABLE_MIN_ROWS && (!best || last - first > best.last - best.first)) {
        // A row of the table's body (the last full one).
        const row = kinds.slice(last - k + 1, last + 1);
        let numbers = 0;
        for (let m = first; m <= last; m++) if (kinds[m] === NUMBER) numbers++;
        if (new Set(row).size > 1 && !repeatsWithin(row) && numbers >= 2 * (rows - 1)) best = { columns: k, first, last };
      }
      start = i + 1;
    }
  }
  return best;
}

/**
 * Lines of tables scraped one cell a line that sit by prose the model keeps: a run of cells (short,
 * not prose, no phrase of the lexicon) holding a periodic stretch (periodicStretch), with a prose
 * line kept by the model (`kept`) at most TABLE_MAX_GAP lines before or after the stretch. Returned
 * in order: the stretch's lines.
 */
export function tablesInArticle(infos: readonly LineInfo[], kept: (j: number) => boolean): number[] {
  const out: number[] = [];
  const n = infos.length;
  for (let j = 0; j < n; ) {
    if (!isCell(infos[j])) {
      j++;
      continue;
    }
    let k = j;
    while (k < n && isCell(infos[k])) k++;
    if (k - j >= TABLE_MIN_COLUMNS * TABLE_MIN_ROWS) {
      const kinds: number[] = [];
      for (let m = j; m < k; m++) kinds.push(cellKind(infos[m]));
      const s = periodicStretch(kinds);
      if (s) {
        const a = j + s.first;
        const b = j + s.last;
        let near = false;
        for (let m = a - 1; m >= 0 && m >= a - 1 - TABLE_MAX_GAP && !near; m--) near = infos[m].prose && kept(m);
        for (let m = b + 1; m < n && m <= b + 1 + TABLE_MAX_GAP && !near; m++) near = infos[m].prose && kept(m);
        if (near) for (let m = a; m <= b; m++) out.push(m);
      }
    }
    j = k;
  }
  return out;
}
