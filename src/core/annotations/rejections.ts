// Rejected suggestions, kept so that "a rejected suggestion stays rejected",
// and the ids of annotations saved while damaged (their text was edited and the
// user has not checked them yet), so that a later load does not silently move
// them to another occurrence of their old text.
//
// They live in a small JSON sidecar beside the .ann (article.txt →
// article.rejected.json), not in the .ann itself: brat reports any line it does
// not know as an error, and a rejection is not an annotation, so putting it in
// the .ann would break brat and every tool reading brat. The sidecar is ignored
// by brat. Offsets in it are code points, like the .ann, and each rejection
// keeps its text so it can be re-anchored after edits like an annotation.
import type { Anchored, TextBound } from './brat';
import { offsetConverter } from './codepoints';

export interface Rejection extends Anchored {
  /** brat/CoNLL label of the suggestion that was rejected (PER, ORG…). */
  label: string;
}

export interface RejectionFile {
  version: 1;
  rejected: { start: number; end: number; label: string; text: string }[];
  /** Annotations saved while damaged: id and the text they had before the edit. */
  damaged?: { id: string; text: string }[];
}

export interface PersistedDamage {
  id: string;
  text: string;
}

/** The sidecar path for an article path ("a/b.txt" → "a/b.rejected.json"). */
export function rejectionSidecarPath(txtPath: string): string {
  return txtPath.replace(/\.txt$/i, '') + '.rejected.json';
}

/** Parses a sidecar; anything malformed is skipped and reported, never thrown. */
export function parseRejections(json: string, articleText: string): { rejections: Rejection[]; damaged: PersistedDamage[]; problems: string[] } {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { rejections: [], damaged: [], problems: [`rejections file is not valid JSON (${(e as Error).message})`] };
  }
  const list = (data as { rejected?: unknown })?.rejected;
  if (!Array.isArray(list)) return { rejections: [], damaged: [], problems: ['rejections file has no "rejected" list'] };
  const damagedRaw = (data as { damaged?: unknown }).damaged;
  const damaged: PersistedDamage[] = Array.isArray(damagedRaw)
    ? damagedRaw.filter((d): d is PersistedDamage => !!d && typeof d.id === 'string' && typeof d.text === 'string').map((d) => ({ id: d.id, text: d.text }))
    : [];
  const conv = offsetConverter(articleText);
  const out: Rejection[] = [];
  list.forEach((r, i) => {
    const o = r as Record<string, unknown>;
    if (
      !o || typeof o.start !== 'number' || typeof o.end !== 'number' || typeof o.label !== 'string' || typeof o.text !== 'string' ||
      !(o.start >= 0) || !(o.end >= o.start)
    ) {
      problems.push(`rejection #${i + 1} is malformed and was skipped`);
      return;
    }
    out.push({ label: o.label, text: o.text, fragments: [{ start: conv.toUnits(o.start), end: conv.toUnits(o.end) }] });
  });
  return { rejections: out, damaged, problems };
}

/** Serialises rejections (sorted, deduplicated, offsets in code points) and the ids of damaged annotations. */
export function serializeRejections(rejections: Rejection[], articleText: string, annotations: readonly TextBound[] = []): string {
  const conv = offsetConverter(articleText);
  const seen = new Set<string>();
  const rejected: RejectionFile['rejected'] = [];
  for (const r of [...rejections].sort((a, b) => a.fragments[0].start - b.fragments[0].start)) {
    const f = r.fragments[0];
    const item = { start: conv.toCodePoints(f.start), end: conv.toCodePoints(f.end), label: r.label, text: r.damage?.originalText ?? r.text };
    const k = `${item.start}:${item.end}:${item.label}`;
    if (seen.has(k)) continue;
    seen.add(k);
    rejected.push(item);
  }
  const file: RejectionFile = { version: 1, rejected };
  const damaged = annotations.filter((t) => t.damage).map((t) => ({ id: t.id, text: t.damage!.originalText }));
  if (damaged.length) file.damaged = damaged;
  return JSON.stringify(file, null, 1) + '\n';
}

/** True when the sidecar has something to hold. */
export function sidecarNeeded(rejections: readonly Rejection[], annotations: readonly TextBound[]): boolean {
  return rejections.length > 0 || annotations.some((t) => t.damage);
}
