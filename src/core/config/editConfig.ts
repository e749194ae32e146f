import { isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';

/** One text edit of a file: replace `remove` characters at `offset` by `insert`. */
export interface ConfigEdit {
  offset: number;
  remove: number;
  insert: string;
}

/**
 * The smallest edit of newscorpus.yaml source that adds `value` to the list at `path`
 * (e.g. ['boilerplate', 'keep']): one inserted line or list item, everything else left exactly as the
 * user wrote it (flow lists stay `[a, b]`, comments and blank lines stay). Returns null when the
 * value is already there, undefined when the file cannot be edited safely (syntax errors, a
 * setting of another type, flow mappings): the caller tells the user rather than rewrite the file.
 */
export function configListEdit(source: string, path: string[], value: string): ConfigEdit | null | undefined {
  const doc = parseDocument(source);
  if (doc.errors.length || path.length === 0) return undefined;
  const root = doc.contents as unknown;
  if (root === null || (isScalar(root) && root.value === null && source.trim() === '')) {
    return appendAt(source, source.length, 0, path, value);
  }
  if (!isMap(root)) return undefined;
  let map = root as YAMLMap;
  let indent = 0;
  for (let i = 0; i < path.length; i++) {
    if (map.flow) return undefined;
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === path[i]);
    if (!pair) {
      const last = map.items[map.items.length - 1];
      const end = last ? nodeEnd(last.value ?? last.key) : undefined;
      if (end === undefined) return undefined;
      return appendAt(source, endOfLine(source, end), indent, path.slice(i), value);
    }
    const node = pair.value as unknown;
    const keyEnd = nodeEnd(pair.key);
    if (keyEnd === undefined) return undefined;
    if (i === path.length - 1) {
      if (node === null || node === undefined || (isScalar(node) && node.value === null)) {
        const colon = source.indexOf(':', keyEnd);
        if (colon < 0) return undefined;
        const r = isScalar(node) ? node.range : undefined;
        const removeTo = r && r[1] > r[0] ? r[1] : colon + 1;
        return { offset: colon + 1, remove: removeTo - colon - 1, insert: ` [${scalar(value)}]` };
      }
      if (!isSeq(node)) return undefined;
      const seq = node as YAMLSeq;
      if (seq.items.some((it) => isScalar(it) && String(it.value) === value)) return null;
      if (seq.flow) {
        const lastItem = seq.items[seq.items.length - 1];
        if (lastItem) {
          const e = nodeEnd(lastItem);
          return e === undefined ? undefined : { offset: e, remove: 0, insert: `, ${scalar(value)}` };
        }
        const close = seq.range ? source.lastIndexOf(']', seq.range[1]) : -1;
        return close < 0 ? undefined : { offset: close, remove: 0, insert: scalar(value) };
      }
      const first = seq.range?.[0];
      const lastItem = seq.items[seq.items.length - 1];
      const e = lastItem ? nodeEnd(lastItem) : undefined;
      if (first === undefined || e === undefined) return undefined;
      const col = first - (source.lastIndexOf('\n', first - 1) + 1);
      const at = endOfLine(source, e);
      return { offset: at, remove: 0, insert: `${at === source.length && !source.endsWith('\n') ? '\n' : ''}${' '.repeat(col)}- ${scalar(value)}\n` };
    }
    if (!isMap(node)) return undefined;
    map = node as YAMLMap;
    const firstKey = map.items[0]?.key as { range?: [number, number, number] } | undefined;
    if (!firstKey?.range) return undefined;
    indent = firstKey.range[0] - (source.lastIndexOf('\n', firstKey.range[0] - 1) + 1);
  }
  return undefined;
}

/** Applies an edit to text. */
export function applyConfigEdit(source: string, e: ConfigEdit): string {
  return source.slice(0, e.offset) + e.insert + source.slice(e.offset + e.remove);
}

/**
 * The edit that undoes `e` on the text it produced, or undefined when that text changed at the
 * edited place since (the undo would remove something else).
 */
export function undoConfigEdit(edited: string, e: ConfigEdit, original: string): ConfigEdit | undefined {
  if (edited.slice(e.offset, e.offset + e.insert.length) !== e.insert) return undefined;
  return { offset: e.offset, remove: e.insert.length, insert: original.slice(e.offset, e.offset + e.remove) };
}

/**
 * Returns newscorpus.yaml source with `value` added to the list at `path`, by the edit of
 * configListEdit (unchanged source when it is already there; undefined when it cannot be edited).
 */
export function addToConfigList(source: string, path: string[], value: string): string | undefined {
  const e = configListEdit(source, path, value);
  if (e === undefined) return undefined;
  return e === null ? source : applyConfigEdit(source, e);
}

function nodeEnd(node: unknown): number | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? r[1] : undefined;
}

/** The offset after the line break of the line holding `offset` (or the end of the text). */
function endOfLine(source: string, offset: number): number {
  if (offset > 0 && source[offset - 1] === '\n') return offset;
  const nl = source.indexOf('\n', offset);
  return nl < 0 ? source.length : nl + 1;
}

function appendAt(source: string, at: number, indent: number, keys: string[], value: string): ConfigEdit {
  const lead = at > 0 && source[at - 1] !== '\n' ? '\n' : '';
  let text = '';
  keys.forEach((k, i) => {
    text += `${' '.repeat(indent + 2 * i)}${k}:\n`;
  });
  text += `${' '.repeat(indent + 2 * keys.length)}- ${scalar(value)}\n`;
  return { offset: at, remove: 0, insert: lead + text };
}

const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} .'_-]*$/u;
const RESERVED = /^(?:true|false|yes|no|on|off|null|~|[-+]?[\d.]+(?:e[-+]?\d+)?)$/i;

/** A list item as YAML: plain when that reads back as the same string, else double-quoted. */
function scalar(value: string): string {
  return PLAIN.test(value) && !value.endsWith(' ') && !RESERVED.test(value) ? value : JSON.stringify(value);
}

/** The content of a fresh newscorpus.yaml, with every setting explained. */
export function defaultConfigSource(): string {
  return `# News Corpus Annotator: this folder is a news corpus.
# Every .txt file matched below opens as a news article (language "news-article").
include:
  - "**/*.txt"
exclude:
  - "**/node_modules/**"

# The article date anchors relative dates ("last Tuesday", "in May the following year").
articleDate:
  from: text          # text: read it from the article; filename: YYYY-MM-DD in the file name; map: only the map below
  map: {}             # "folder/file.txt": 2025-11-10
  # fallback: 2025-01-01

entities:
  kinds: [person, organization, place, other]

boilerplate:
  enabled: true
  threshold: 0.5      # findings below this confidence are not shown (0..1)
  categories: {}      # e.g. template: false, byline: false
  phrases: []         # extra literal phrases that mark a line as boilerplate
  patterns: []        # extra regular expressions (only used in a trusted workspace)
  keep: []            # lines kept as article text by "Keep as article" (normalised)

labels: []            # annotation labels beyond PER, ORG, LOC, MISC
`;
}
