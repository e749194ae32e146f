import type { Line } from '../types';

/**
 * Splits text into lines at \n, \r\n or \r. Offsets index the text as given;
 * a line's span excludes its line break. A trailing line break does not make
 * an extra empty line at the end (as editors count: "a\n" has one line… plus
 * the empty last line VS Code shows, which we include so line numbers match
 * the editor).
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      lines.push({ index: index++, start, end: i, text: text.slice(start, i) });
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ index, start, end: n, text: text.slice(start, n) });
  return lines;
}

/** Finds the 0-based line holding offset (binary search over splitLines output). */
export function lineAt(lines: Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Converts an offset to a 0-based line and character (UTF-16 units), as VS Code positions count. */
export function positionAt(lines: Line[], offset: number): { line: number; character: number } {
  const line = lineAt(lines, offset);
  return { line, character: Math.min(offset, lines[line].end) - lines[line].start };
}

/** Converts a 0-based line and character to an offset, clamped to the line. */
export function offsetAt(lines: Line[], line: number, character: number): number {
  if (line < 0) return 0;
  if (line >= lines.length) return lines[lines.length - 1].end;
  const l = lines[line];
  return Math.min(l.start + Math.max(0, character), l.end);
}
