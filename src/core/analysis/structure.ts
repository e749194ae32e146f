import type { Block, Line } from '../types';

/**
 * Headline and paragraphs. Scraped articles keep one paragraph per line (sometimes with blank
 * lines between), so every non-empty line is a paragraph; the first non-empty line is the headline
 * when it reads like one (short, no final full stop).
 */
export function findBlocks(lines: Line[]): { blocks: Block[]; headline?: Line } {
  const blocks: Block[] = [];
  let headline: Line | undefined;
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const first = blocks.length === 0;
    const isHeadline = first && l.text.length <= 200 && !/[.!?]["”’)]?\s*$/.test(l.text.trim());
    if (isHeadline) headline = l;
    blocks.push({ kind: isHeadline ? 'headline' : 'paragraph', start: l.start, end: l.end, startLine: l.index, endLine: l.index });
  }
  return { blocks, headline };
}
