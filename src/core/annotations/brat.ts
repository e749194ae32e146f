// brat standoff (.ann) documents: parse, edit, serialise.
//
// Every line of the file becomes one entry, in file order. Lines we understand
// (T, #, N, R, E, A/M, *) are parsed; anything else (and any malformed line) is
// kept verbatim and written back unchanged. Each parsed entry remembers its
// original line string and line ending: an entry whose content did not change
// is written back byte for byte, so a document with nothing changed serialises
// to exactly the input.
//
// Offsets: in memory, T fragments are JavaScript string offsets (UTF-16 units)
// into the article text, like every other span of the core. In the file they
// are Unicode code points, brat's own convention (brat indexes Python strings);
// parseBrat/serializeBrat convert when given the article text. The text is
// counted as it is in the file: a CRLF is two characters. A UTF-8 byte order
// mark is one character for brat (it reads the file as is) but editors drop it
// from the text: pass { bom: true } when the .txt file starts with one, and
// file offsets are then one more than in-memory offsets.
import type { Span } from '../types';
import { offsetConverter, type OffsetConverter } from './codepoints';

export type Fragment = Span;

/** Why an annotation's offsets can no longer be trusted. */
export interface Damage {
  reason: 'edited' | 'ambiguous' | 'not-found' | 'out-of-range';
  /** The covered text the annotation had before it was damaged. */
  originalText: string;
  /** Fragment layout before the damage (starts relative to the first, lengths), for re-anchoring discontinuous annotations. */
  originalLayout?: { rel: number[]; lens: number[] };
  message: string;
}

/** Something anchored to article text: a T annotation or a rejected suggestion. */
export interface Anchored {
  fragments: Fragment[];
  /** Covered text as recorded (fragments joined by one space, as brat writes it). */
  text: string;
  /** Set when the offsets no longer cover the recorded text; never silently wrong. */
  damage?: Damage;
}

interface EntryBase {
  /** Original line (without line ending), when the entry was read from a file. */
  raw?: string;
  /** Formatted form of the entry as parsed: when unchanged, raw is written back. */
  key?: string;
  /** Original line ending ('' for a last line without one). */
  eol?: string;
}

export interface TextBound extends EntryBase, Anchored {
  kind: 'T';
  id: string;
  type: string;
}
export interface NoteEntry extends EntryBase {
  kind: '#';
  id: string;
  /** Usually "AnnotatorNotes". */
  noteType: string;
  target: string;
  note: string;
}
export interface NormalizationEntry extends EntryBase {
  kind: 'N';
  id: string;
  /** Usually "Reference". */
  normType: string;
  target: string;
  /** e.g. "Wikidata:Q123" */
  ref: string;
  name: string;
}
export interface Argument {
  role: string;
  target: string;
}
export interface RelationEntry extends EntryBase {
  kind: 'R';
  id: string;
  type: string;
  args: Argument[];
  /** Text after a second tab, if any (kept). */
  tail?: string;
}
export interface EventEntry extends EntryBase {
  kind: 'E';
  id: string;
  type: string;
  trigger: string;
  args: Argument[];
}
export interface AttributeEntry extends EntryBase {
  kind: 'A' | 'M';
  id: string;
  name: string;
  target: string;
  value?: string;
}
export interface EquivEntry extends EntryBase {
  kind: '*';
  id: '*';
  type: string;
  targets: string[];
}
export interface OtherEntry extends EntryBase {
  kind: 'other';
  raw: string;
  /** Why the line was not understood (absent for blank lines). */
  error?: string;
}

export type BratEntry =
  | TextBound
  | NoteEntry
  | NormalizationEntry
  | RelationEntry
  | EventEntry
  | AttributeEntry
  | EquivEntry
  | OtherEntry;

export interface BratProblem {
  /** 1-based line number in the .ann file. */
  line: number;
  message: string;
}

export interface BratDocument {
  entries: BratEntry[];
  /** Line ending used for new lines (the file's first one; "\n" for a new file). */
  eol: string;
  /** Lines that could not be parsed (kept verbatim) and T offsets outside the text. */
  problems: BratProblem[];
}

export function emptyBrat(eol = '\n'): BratDocument {
  return { entries: [], eol, problems: [] };
}

// ---------------------------------------------------------------- parsing

const INT = /^\d{1,10}$/;
const ID_CHARS = /^[A-Za-z#*][\w.-]{0,63}$/;

function parseFragments(s: string): Fragment[] | string {
  const out: Fragment[] = [];
  for (const part of s.split(';')) {
    const nums = part.trim().split(' ');
    if (nums.length !== 2 || !INT.test(nums[0]) || !INT.test(nums[1])) return `bad offsets "${part}"`;
    const start = Number(nums[0]);
    const end = Number(nums[1]);
    if (end < start) return `end before start in "${part}"`;
    out.push({ start, end });
  }
  return out;
}

function parseArg(s: string): Argument | undefined {
  const i = s.indexOf(':');
  if (i <= 0 || i === s.length - 1) return undefined;
  return { role: s.slice(0, i), target: s.slice(i + 1) };
}

/** Parses one line (no line ending). Returns an entry or an error message. */
function parseLine(line: string): BratEntry | string {
  if (line.trim() === '') return { kind: 'other', raw: line };
  const parts = line.split('\t');
  const id = parts[0];
  const head = id.charAt(0);
  if (head !== '*' && !ID_CHARS.test(id)) return `bad id "${id.slice(0, 20)}"`;
  const mid = parts[1];
  if (mid === undefined) return 'missing tab-separated fields';
  switch (head) {
    case 'T': {
      const sp = mid.indexOf(' ');
      if (sp <= 0) return 'T line needs "TYPE start end"';
      const fr = parseFragments(mid.slice(sp + 1));
      if (typeof fr === 'string') return fr;
      if (parts.length < 3) return 'T line is missing its covered text';
      return { kind: 'T', id, type: mid.slice(0, sp), fragments: fr, text: parts.slice(2).join('\t') };
    }
    case '#': {
      const f = mid.split(' ');
      if (f.length < 2 || !f[0] || !f[1]) return 'note needs "TYPE target"';
      return { kind: '#', id, noteType: f[0], target: f[1], note: parts.slice(2).join('\t') };
    }
    case 'N': {
      const f = mid.split(' ');
      if (f.length !== 3 || !f[0] || !f[1] || !f[2]) return 'normalization needs "TYPE target db:id"';
      return { kind: 'N', id, normType: f[0], target: f[1], ref: f[2], name: parts.slice(2).join('\t') };
    }
    case 'R': {
      const f = mid.trim().split(' ');
      const args = f.slice(1).map(parseArg);
      if (!f[0] || args.length < 1 || args.some((a) => !a)) return 'relation needs "TYPE Arg1:id Arg2:id"';
      return { kind: 'R', id, type: f[0], args: args as Argument[], tail: parts.length > 2 ? parts.slice(2).join('\t') : undefined };
    }
    case 'E': {
      const f = mid.trim().split(' ');
      const trig = parseArg(f[0]);
      const args = f.slice(1).map(parseArg);
      if (!trig || args.some((a) => !a)) return 'event needs "TYPE:trigger Role:id …"';
      return { kind: 'E', id, type: trig.role, trigger: trig.target, args: args as Argument[] };
    }
    case 'A':
    case 'M': {
      const f = mid.trim().split(' ');
      if (f.length < 2 || f.length > 3 || !f[0] || !f[1]) return 'attribute needs "NAME target [value]"';
      return { kind: head, id, name: f[0], target: f[1], value: f[2] };
    }
    case '*': {
      if (id !== '*') return 'bad id';
      const f = mid.trim().split(' ');
      if (f.length < 3 || !f[0]) return 'equivalence needs "TYPE id id …"';
      return { kind: '*', id: '*', type: f[0], targets: f.slice(1) };
    }
    default:
      return `unknown annotation type "${head}"`;
  }
}

/** Formats an entry as a line (no line ending); offsets as given (file convention). */
export function formatEntry(e: BratEntry): string {
  switch (e.kind) {
    case 'T':
      return `${e.id}\t${e.type} ${e.fragments.map((f) => `${f.start} ${f.end}`).join(';')}\t${e.text}`;
    case '#':
      return `${e.id}\t${e.noteType} ${e.target}\t${e.note}`;
    case 'N':
      return `${e.id}\t${e.normType} ${e.target} ${e.ref}\t${e.name}`;
    case 'R':
      return `${e.id}\t${e.type} ${e.args.map((a) => `${a.role}:${a.target}`).join(' ')}${e.tail !== undefined ? '\t' + e.tail : ''}`;
    case 'E':
      return `${e.id}\t${[`${e.type}:${e.trigger}`, ...e.args.map((a) => `${a.role}:${a.target}`)].join(' ')}`;
    case 'A':
    case 'M':
      return `${e.id}\t${e.name} ${e.target}${e.value !== undefined ? ' ' + e.value : ''}`;
    case '*':
      return `*\t${e.type} ${e.targets.join(' ')}`;
    case 'other':
      return e.raw;
  }
}

/** Splits into lines, each with its own ending; a final empty segment is not a line. */
function splitWithEol(s: string): { line: string; eol: string }[] {
  const out: { line: string; eol: string }[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) {
      const crlf = c === 13 && s.charCodeAt(i + 1) === 10;
      out.push({ line: s.slice(start, i), eol: crlf ? '\r\n' : s.charAt(i) });
      if (crlf) i++;
      start = i + 1;
    }
  }
  if (start < s.length) out.push({ line: s.slice(start), eol: '' });
  return out;
}

/**
 * Parses .ann text. With the article text, T offsets are converted from code
 * points to UTF-16 units, and offsets beyond the text are reported. Never
 * throws: malformed lines are kept verbatim as 'other' entries and reported.
 */
export interface BratOffsetOptions {
  /** The .txt file starts with a UTF-8 BOM that articleText does not hold (file offsets are +1). */
  bom?: boolean;
}

export function parseBrat(ann: string, articleText?: string, options: BratOffsetOptions = {}): BratDocument {
  const lines = splitWithEol(ann ?? '');
  const doc: BratDocument = { entries: [], eol: lines.find((l) => l.eol)?.eol ?? '\n', problems: [] };
  const conv = articleText !== undefined ? offsetConverter(articleText) : undefined;
  const seen = new Set<string>();
  lines.forEach(({ line, eol }, i) => {
    const parsed = parseLine(line);
    if (typeof parsed === 'string') {
      doc.entries.push({ kind: 'other', raw: line, eol, error: parsed });
      doc.problems.push({ line: i + 1, message: parsed });
      return;
    }
    parsed.raw = line;
    parsed.eol = eol;
    if (parsed.kind !== 'other') {
      parsed.key = formatEntry(parsed);
      if (parsed.kind !== '*') {
        if (seen.has(parsed.id)) doc.problems.push({ line: i + 1, message: `duplicate id ${parsed.id}` });
        seen.add(parsed.id);
      }
    }
    if (parsed.kind === 'T' && articleText !== undefined) {
      const shift = options.bom ? 1 : 0;
      const cpLen = (conv!.identity ? articleText.length : conv!.toCodePoints(articleText.length)) + shift;
      if (parsed.fragments.some((f) => f.end > cpLen)) {
        doc.problems.push({ line: i + 1, message: `${parsed.id}: offsets beyond the end of the text (${cpLen} characters)` });
      }
      if (!conv!.identity || shift) {
        const toUnits = (cp: number) => conv!.toUnits(Math.max(0, cp - shift));
        parsed.fragments = parsed.fragments.map((f) => ({ start: toUnits(f.start), end: toUnits(f.end) }));
      }
    }
    doc.entries.push(parsed);
  });
  return doc;
}

/**
 * Serialises a document. Unchanged entries are written as their original
 * line; changed or new ones are formatted. With the article text, T offsets
 * are converted to code points (brat's convention).
 */
export function serializeBrat(doc: BratDocument, articleText?: string, options: BratOffsetOptions = {}): string {
  const shift = articleText !== undefined && options.bom ? 1 : 0;
  const conv: OffsetConverter | undefined = articleText !== undefined ? offsetConverter(articleText) : undefined;
  const parts: string[] = [];
  const n = doc.entries.length;
  doc.entries.forEach((e, i) => {
    let line: string;
    if (e.kind === 'other') line = e.raw;
    else {
      const fileForm: BratEntry =
        e.kind === 'T' && conv && (!conv.identity || shift)
          ? { ...e, fragments: e.fragments.map((f) => ({ start: conv.toCodePoints(f.start) + shift, end: conv.toCodePoints(f.end) + shift })) }
          : e;
      const formatted = formatEntry(fileForm);
      line = e.raw !== undefined && e.key === formatted ? e.raw : formatted;
    }
    let eol = e.eol ?? doc.eol;
    if (eol === '' && i < n - 1) eol = doc.eol;
    if (e.eol === undefined && i === n - 1) eol = doc.eol;
    parts.push(line, eol);
  });
  return parts.join('');
}

// ---------------------------------------------------------------- text

/** Article text under fragments, joined by a space as brat writes it. */
export function coveredText(text: string, fragments: Fragment[]): string {
  return fragments.map((f) => text.slice(f.start, f.end)).join(' ');
}

/** Form of covered text as it can be stored on one .ann line (line breaks and tabs become spaces, same length). */
export function lineSafe(s: string): string {
  return s.replace(/[\r\n\t]/g, ' ');
}

/**
 * True when the fragments still cover the recorded text. As brat does, a recorded text that goes
 * on with whitespace after the covered text ("Ada " for the span of "Ada") still matches: such a
 * span is in sync and is never stretched to take the whitespace in.
 */
export function coversRecordedText(text: string, a: Anchored): boolean {
  if (a.fragments.some((f) => f.start < 0 || f.end > text.length || f.end < f.start)) return false;
  const covered = lineSafe(coveredText(text, a.fragments));
  const recorded = lineSafe(a.text);
  return covered === recorded || (recorded.startsWith(covered) && covered.length > 0 && /^\s+$/.test(recorded.slice(covered.length)));
}

// ---------------------------------------------------------------- ids and edits

export function textBounds(doc: BratDocument): TextBound[] {
  return doc.entries.filter((e): e is TextBound => e.kind === 'T');
}

export function findEntry(doc: BratDocument, id: string): BratEntry | undefined {
  return doc.entries.find((e) => e.kind !== 'other' && e.kind !== '*' && e.id === id);
}

/** Next free id with this prefix ("T", "#", "N", "R", …): one above the highest number used. */
export function nextId(doc: BratDocument, prefix: string): string {
  let max = 0;
  for (const e of doc.entries) {
    if (e.kind === 'other' || e.kind === '*') continue;
    if (!e.id.startsWith(prefix)) continue;
    const rest = e.id.slice(prefix.length);
    if (/^\d{1,9}$/.test(rest)) max = Math.max(max, Number(rest));
  }
  // Ids also appear in malformed lines we keep verbatim: never reuse them either.
  for (const e of doc.entries) {
    if (e.kind !== 'other') continue;
    const id = e.raw.split('\t')[0];
    if (id.startsWith(prefix) && /^\d{1,9}$/.test(id.slice(prefix.length))) max = Math.max(max, Number(id.slice(prefix.length)));
  }
  return `${prefix}${max + 1}`;
}

/** Adds a confirmed annotation over fragments of text (sorted, non-empty); returns it. */
export function addTextBound(doc: BratDocument, text: string, type: string, fragments: Fragment[]): TextBound {
  const frags = fragments
    .map((f) => ({ start: Math.max(0, Math.min(f.start, f.end)), end: Math.min(text.length, Math.max(f.start, f.end)) }))
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start);
  if (frags.length === 0) throw new RangeError('an annotation needs a non-empty span');
  const t: TextBound = { kind: 'T', id: nextId(doc, 'T'), type: safeType(type), fragments: frags, text: lineSafe(coveredText(text, frags)) };
  doc.entries.push(t);
  return t;
}

/** brat types are single tokens: spaces and tabs become underscores. */
export function safeType(type: string): string {
  const t = type.trim().replace(/[\s:]+/g, '_');
  return t || 'MISC';
}

export function relabel(doc: BratDocument, id: string, type: string): boolean {
  const e = findEntry(doc, id);
  if (!e || e.kind !== 'T') return false;
  e.type = safeType(type);
  return true;
}

/** Adds or replaces the AnnotatorNotes note of an annotation. */
export function setNote(doc: BratDocument, target: string, note: string): NoteEntry {
  const clean = note.replace(/[\r\n\t]+/g, ' ');
  const existing = doc.entries.find((e): e is NoteEntry => e.kind === '#' && e.target === target && e.noteType === 'AnnotatorNotes');
  if (existing) {
    existing.note = clean;
    return existing;
  }
  const n: NoteEntry = { kind: '#', id: nextId(doc, '#'), noteType: 'AnnotatorNotes', target, note: clean };
  doc.entries.push(n);
  return n;
}

/** Ids an entry points to (its arguments, target, trigger…). */
export function referencedIds(e: BratEntry): string[] {
  switch (e.kind) {
    case '#':
    case 'N':
    case 'A':
    case 'M':
      return [e.target];
    case 'R':
      return e.args.map((a) => a.target);
    case 'E':
      return [e.trigger, ...e.args.map((a) => a.target)];
    case '*':
      return e.targets;
    default:
      return [];
  }
}

/**
 * Removes the entries with these ids and, transitively, everything that
 * depends on them: notes, normalisations and attributes of a removed entry,
 * relations and events with a removed argument. An equivalence loses the
 * removed members and goes when fewer than two remain. Returns the removed
 * entries (for reports).
 */
export function removeWithDependents(doc: BratDocument, ids: Iterable<string>): BratEntry[] {
  // Dependents by the id they reference, then the closure from the ids given: linear in the
  // document, however long the chains of relations, events and notes.
  const gone = new Set(ids);
  const dependents = new Map<string, string[]>();
  for (const e of doc.entries) {
    if (e.kind === 'other' || e.kind === '*') continue;
    for (const r of referencedIds(e)) {
      const list = dependents.get(r);
      if (list) list.push(e.id);
      else dependents.set(r, [e.id]);
    }
  }
  const queue = [...gone];
  while (queue.length) {
    for (const d of dependents.get(queue.pop()!) ?? []) {
      if (gone.has(d)) continue;
      gone.add(d);
      queue.push(d);
    }
  }
  const removed: BratEntry[] = [];
  const kept: BratEntry[] = [];
  for (const e of doc.entries) {
    if (e.kind === 'other') kept.push(e);
    else if (e.kind === '*') {
      const left = e.targets.filter((t) => !gone.has(t));
      if (left.length < e.targets.length) {
        if (left.length < 2) {
          removed.push(e);
          continue;
        }
        e.targets = left;
      }
      kept.push(e);
    } else if (gone.has(e.id)) removed.push(e);
    else kept.push(e);
  }
  doc.entries = kept;
  return removed;
}

/** Deep copy (entries are plain data). */
export function cloneBrat(doc: BratDocument): BratDocument {
  return {
    eol: doc.eol,
    problems: doc.problems.map((p) => ({ ...p })),
    entries: doc.entries.map((e) => {
      const c = { ...e } as BratEntry;
      if (c.kind === 'T') {
        c.fragments = c.fragments.map((f) => ({ ...f }));
        if (c.damage) c.damage = { ...c.damage };
      }
      if (c.kind === 'R' || c.kind === 'E') c.args = c.args.map((a) => ({ ...a }));
      if (c.kind === '*') c.targets = [...c.targets];
      return c;
    }),
  };
}
