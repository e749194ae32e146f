// Which text to delete when boilerplate is removed: whole lines with their line
// breaks, blank lines inside a block of flagged lines included, without leaving
// a double blank line or a trailing run of blank lines behind.
import type { BoilerplateFinding, Line, Span } from '../types';

export interface LineBlock {
  /** 0-based first and last flagged line of the block. */
  first: number;
  last: number;
}

/**
 * Groups flagged lines into blocks: runs of flagged lines with only blank lines between them.
 * With `sameCategory`, a change of category starts a new block.
 */
export function boilerplateBlocks(lines: Line[], findings: BoilerplateFinding[], sameCategory: boolean): LineBlock[] {
  const sorted = [...findings].sort((a, b) => a.line - b.line);
  const blocks: (LineBlock & { category: string })[] = [];
  for (const f of sorted) {
    const prev = blocks[blocks.length - 1];
    const onlyBlankBetween = prev !== undefined && lines.slice(prev.last + 1, f.line).every((l) => l.text.trim() === '');
    if (prev && onlyBlankBetween && (!sameCategory || prev.category === f.category)) prev.last = f.line;
    else blocks.push({ first: f.line, last: f.line, category: f.category });
  }
  return blocks.map(({ first, last }) => ({ first, last }));
}

/**
 * The block holding a given flagged line: the whole run of consecutive flagged lines around it,
 * blank lines between them included, whatever their categories ("Related posts" and the teasers
 * under it are one block).
 */
export function blockOfLine(lines: Line[], findings: BoilerplateFinding[], line: number): LineBlock | undefined {
  return boilerplateBlocks(lines, findings, false).find((b) => b.first <= line && line <= b.last);
}

/** The quick fix's title: what it removes, and how many lines. */
export function removalTitle(block: LineBlock): string {
  const n = block.last - block.first + 1;
  return n === 1 ? `Remove this boilerplate line (line ${block.first + 1})` : `Remove this boilerplate block (${n} lines, ${block.first + 1}–${block.last + 1})`;
}

/** The span to delete for a block of lines. */
export function deletionSpan(lines: Line[], block: LineBlock): Span {
  const isBlank = (i: number) => i >= 0 && i < lines.length && lines[i].text.trim() === '';
  let endLine = block.last;
  // Is everything after the block blank (the block ends the article)?
  let k = block.last + 1;
  while (k < lines.length && isBlank(k)) k++;
  if (k >= lines.length) {
    // Delete from the end of the last non-blank line before the block to the end of the block
    // (keeping what followed the block, e.g. the file's final line break).
    let p = block.first - 1;
    while (p >= 0 && isBlank(p)) p--;
    const start = p >= 0 ? lines[p].end : lines[block.first].start;
    return { start, end: lines[endLine].end };
  }
  let start = lines[block.first].start;
  // Avoid leaving two blank lines where the block stood.
  if (isBlank(block.first - 1) && isBlank(endLine + 1)) endLine++;
  return { start, end: lines[endLine + 1].start };
}

/** Spans to delete to remove every flagged line, in document order, non-overlapping. */
export function removeAllSpans(lines: Line[], findings: BoilerplateFinding[]): Span[] {
  return boilerplateBlocks(lines, findings, false).map((b) => deletionSpan(lines, b));
}

/** Applies deletions to text (spans sorted, non-overlapping). */
export function applyDeletions(text: string, spans: Span[]): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, s.start);
    at = Math.max(at, s.end);
  }
  return out + text.slice(at);
}
