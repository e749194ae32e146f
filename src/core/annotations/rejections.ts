// Rejected suggestions, kept so that "a rejected suggestion stays rejected".
//
// They live in a small JSON sidecar beside the .ann (article.txt →
// article.rejected.json), not in the .ann itself: brat reports any line it does
// not know as an error, and a rejection is not an annotation, so putting it in
// the .ann would break brat and every tool reading brat. The sidecar is ignored
// by brat. Offsets in it are code points, like the .ann, and each rejection
// keeps its text so it can be re-anchored after edits like an annotation.
import type { Anchored } from './brat';
import { offsetConverter } from './codepoints';

export interface Rejection extends Anchored {
  /** brat/CoNLL label of the suggestion that was rejected (PER, ORG…). */
  label: string;
}

export interface RejectionFile {
  version: 1;
  rejected: { start: number; end: number; label: string; text: string }[];
}

/** The sidecar path for an article path ("a/b.txt" → "a/b.rejected.json"). */
export function rejectionSidecarPath(txtPath: string): string {
  return txtPath.replace(/\.txt$/i, '') + '.rejected.json';
}

/** Parses a sidecar; anything malformed is skipped and reported, never thrown. */
export function parseRejections(json: string, articleText: string): { rejections: Rejection[]; problems: string[] } {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { rejections: [], problems: [`rejections file is not valid JSON (${(e as Error).message})`] };
  }
  const list = (data as { rejected?: unknown })?.rejected;
  if (!Array.isArray(list)) return { rejections: [], problems: ['rejections file has no "rejected" list'] };
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
  return { rejections: out, problems };
}

/** Serialises rejections (sorted, deduplicated, offsets in code points). */
export function serializeRejections(rejections: Rejection[], articleText: string): string {
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
  return JSON.stringify(file, null, 1) + '\n';
}
