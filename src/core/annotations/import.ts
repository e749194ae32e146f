// Import of JSONL as spaCy, Prodigy and doccano write it into brat T annotations.
// Accepted span forms, per record: "spans": [{start, end, label}] (spaCy/Prodigy),
// "label": [[start, end, label]] (doccano), "entities": [{start_offset, end_offset,
// label}] (doccano 1.x). Offsets are code points (Python indexes). Bad records and
// spans are reported with their line number, never thrown.
import { addTextBound, emptyBrat, type BratDocument } from './brat';
import { offsetConverter } from './codepoints';
import { normalizeLabel } from './labels';

export interface ImportedDoc {
  /** 1-based line of the record in the JSONL text. */
  line: number;
  file?: string;
  text: string;
  ann: BratDocument;
}

export interface ImportResult {
  docs: ImportedDoc[];
  problems: { line: number; message: string }[];
}

interface RawSpan {
  start: unknown;
  end: unknown;
  label: unknown;
}

function spansOf(rec: Record<string, unknown>): RawSpan[] {
  const out: RawSpan[] = [];
  if (Array.isArray(rec.spans)) {
    for (const s of rec.spans) if (s && typeof s === 'object') out.push(s as RawSpan);
  } else if (Array.isArray(rec.label)) {
    for (const s of rec.label) if (Array.isArray(s)) out.push({ start: s[0], end: s[1], label: s[2] });
  } else if (Array.isArray(rec.entities)) {
    for (const s of rec.entities) {
      const o = s as Record<string, unknown>;
      if (o && typeof o === 'object') out.push({ start: o.start_offset ?? o.start, end: o.end_offset ?? o.end, label: o.label });
    }
  }
  return out;
}

/** Parses JSONL; each record becomes a text with a new brat document. */
export function importJsonl(jsonl: string, corpusLabels: readonly string[] = []): ImportResult {
  const result: ImportResult = { docs: [], problems: [] };
  const lines = (jsonl ?? '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const n = i + 1;
    if (line.trim() === '') return;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      result.problems.push({ line: n, message: `not JSON (${(e as Error).message})` });
      return;
    }
    if (!rec || typeof rec !== 'object' || typeof (rec as { text?: unknown }).text !== 'string') {
      result.problems.push({ line: n, message: 'record has no "text" string' });
      return;
    }
    const r = rec as Record<string, unknown>;
    const text = r.text as string;
    const conv = offsetConverter(text);
    const cpLength = conv.toCodePoints(text.length);
    const ann = emptyBrat();
    const seen = new Set<string>();
    for (const s of spansOf(r)) {
      const { start, end, label } = s;
      if (!Number.isInteger(start) || !Number.isInteger(end) || typeof label !== 'string' || (start as number) < 0 || (end as number) <= (start as number) || (end as number) > cpLength) {
        result.problems.push({ line: n, message: `span ${JSON.stringify([start, end, label])} is invalid and was skipped` });
        continue;
      }
      const us = conv.toUnits(start as number);
      const ue = conv.toUnits(end as number);
      const lab = normalizeLabel(label, corpusLabels);
      const k = `${us}:${ue}:${lab}`;
      if (seen.has(k)) continue;
      seen.add(k);
      addTextBound(ann, text, lab, [{ start: us, end: ue }]);
    }
    const meta = r.meta as Record<string, unknown> | undefined;
    const file = meta && typeof meta.file === 'string' ? meta.file : undefined;
    result.docs.push({ line: n, file, text, ann });
  });
  return result;
}
