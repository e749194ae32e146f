// Keeps annotation offsets right while the article text is edited.
//
// Changes are VS Code style ({rangeOffset, rangeLength, text}) and applied in
// order, each against the text as left by the previous one. A fragment after
// the change shifts; one before it stays; a change touching the inside of a
// fragment damages the annotation (status kept with its original text, never
// silently wrong). Insertions exactly at a fragment boundary do not damage:
// at the start the fragment shifts, at the end it stays as it was.
import type { Anchored } from './brat';

export interface TextChange {
  /** Offset (UTF-16 units) where the replaced range starts. */
  rangeOffset: number;
  /** Length of the replaced range. */
  rangeLength: number;
  /** Inserted text. */
  text: string;
}

export interface EditResult {
  /** Annotations whose offsets moved. */
  moved: number;
  /** Annotations newly damaged by these changes. */
  damaged: Anchored[];
}

/**
 * Applies changes to the offsets of items (mutated in place). Returns what moved
 * and what got damaged. Pure with respect to anything but items.
 */
export function applyTextChanges<T extends Anchored>(items: T[], changes: readonly TextChange[]): EditResult {
  const damaged: Anchored[] = [];
  const movedSet = new Set<Anchored>();
  for (const ch of changes) {
    const o = Math.max(0, ch.rangeOffset | 0);
    const L = Math.max(0, ch.rangeLength | 0);
    const end = o + L;
    const delta = (ch.text?.length ?? 0) - L;
    if (delta === 0 && L === 0) continue;
    for (const item of items) {
      const layout =
        !item.damage && item.fragments.length > 1 && item.fragments.some((f) => !(end <= f.start || o >= f.end))
          ? { rel: item.fragments.map((f) => f.start - item.fragments[0].start), lens: item.fragments.map((f) => f.end - f.start) }
          : undefined;
      let hit = false;
      let moved = false;
      for (const f of item.fragments) {
        if (end <= f.start && !(L === 0 && o === f.start && f.start === f.end)) {
          // wholly before the fragment (a deletion ending at its start, or an insertion at its start)
          if (delta !== 0) {
            f.start += delta;
            f.end += delta;
            moved = true;
          }
        } else if (o >= f.end) {
          // wholly after (an insertion exactly at the end does not extend the annotation)
        } else {
          // overlaps the fragment
          hit = true;
          const ns = f.start < o ? f.start : o;
          const ne = f.end > end ? f.end + delta : o + (ch.text?.length ?? 0);
          f.start = ns;
          f.end = Math.max(ns, ne);
          moved = true;
        }
      }
      if (moved) movedSet.add(item);
      if (hit && !item.damage) {
        item.damage = {
          reason: 'edited',
          originalText: item.text,
          ...(layout ? { originalLayout: layout } : {}),
          message: `The annotated text "${preview(item.text)}" was edited; its annotation may no longer be right.`,
        };
        damaged.push(item);
      }
    }
  }
  return { moved: movedSet.size, damaged };
}

export function preview(s: string, max = 40): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}
