// Edits of a knowledge-base YAML file (the project's format, see kbYaml.ts) as small text changes at
// the positions the yaml parser gives: the rest of the file (comments, layout, quoting) is kept byte
// for byte. Each function takes the file's text and returns the new text, or a message saying why it
// cannot (a file with syntax errors is never rewritten).
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { foldName } from '../text/fold';
import type { EntityKind } from '../types';

export type KbEditResult = { text: string } | { error: string };

export interface NewKbEntry {
  name: string;
  kind?: EntityKind;
  aliases?: string[];
  description?: string;
  wikidata?: string;
}

type Parsed = { source: string; actors?: YAMLSeq; root: unknown };

function parse(source: string): Parsed | { error: string } {
  const doc = parseDocument(source);
  if (doc.errors.length) return { error: `The knowledge base has a syntax error (line ${doc.errors[0].linePos?.[0].line ?? '?'}): fix it first.` };
  const root = doc.contents as unknown;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { source, root: undefined };
  if (!isMap(root)) return { error: 'The knowledge base is not a mapping with an "actors:" list.' };
  const actors = root.get('actors', true) as unknown;
  if (actors === undefined || actors === null || (isScalar(actors) && actors.value === null)) return { source, root };
  if (!isSeq(actors)) return { error: '"actors" is not a list in the knowledge base.' };
  return { source, actors, root };
}

function findEntry(actors: YAMLSeq | undefined, name: string): YAMLMap | undefined {
  const key = foldName(name);
  return actors?.items.find((i): i is YAMLMap => isMap(i) && typeof i.get('name') === 'string' && foldName(i.get('name') as string) === key);
}

const range = (n: unknown): [number, number] => {
  const r = (n as YamlNode).range!;
  return [r[0], r[1]];
};
const lineStart = (s: string, off: number) => s.lastIndexOf('\n', off - 1) + 1;
/** Offset just after the line break that ends the line holding `off` (the text's end without one). */
const afterLine = (s: string, off: number) => {
  const nl = s.indexOf('\n', off);
  return nl < 0 ? s.length : nl + 1;
};
const splice = (s: string, from: number, to: number, insert: string) => s.slice(0, from) + insert + s.slice(to);
/** A scalar as YAML writes it (quoted only when it must be). */
const scalar = (v: string) => stringify(v, { lineWidth: 0 }).trimEnd();
const flowList = (items: string[]) => '[' + items.map(scalar).join(', ') + ']';

/** Inserts `key: value` as the last line of a block entry. */
function insertKey(source: string, entry: YAMLMap, key: string, value: string): string {
  const [start] = range(entry);
  const col = start - lineStart(source, start);
  const last = entry.items[entry.items.length - 1];
  const end = range((last.value as YamlNode | null) ?? last.key)[1];
  let at = afterLine(source, Math.max(start, end - 1));
  let prefix = '';
  if (at === source.length && !source.endsWith('\n')) prefix = '\n';
  at = Math.min(at, source.length);
  return splice(source, at, at, `${prefix}${' '.repeat(col)}${key}: ${value}\n`);
}

function entryText(e: NewKbEntry, dashCol: number): string {
  const pad = ' '.repeat(dashCol + 2);
  const aliases = [...new Set((e.aliases ?? []).filter((a) => foldName(a) !== foldName(e.name)))];
  let t = `${' '.repeat(dashCol)}- name: ${scalar(e.name)}\n`;
  if (e.kind) t += `${pad}kind: ${e.kind}\n`;
  if (aliases.length) t += `${pad}aliases: ${flowList(aliases)}\n`;
  if (e.description) t += `${pad}description: ${scalar(e.description)}\n`;
  if (e.wikidata) t += `${pad}wikidata: ${e.wikidata}\n`;
  return t;
}

/** Appends an entry (name, kind, aliases; description and wikidata when given). */
export function addKbEntry(source: string, entry: NewKbEntry): KbEditResult {
  const p = parse(source);
  if ('error' in p) return p;
  if (findEntry(p.actors, entry.name)) return { error: `The knowledge base already has an entry named "${entry.name}".` };
  const sep = source === '' || source.endsWith('\n') ? '' : '\n';
  if (!p.actors) {
    // No list yet: `actors:` (empty) is replaced, or the list starts at the end of the file.
    if (p.root) {
      const pair = (p.root as YAMLMap).items.find((i) => isScalar(i.key) && i.key.value === 'actors');
      if (pair) {
        const [ks] = range(pair.key);
        const to = pair.value ? range(pair.value)[1] : range(pair.key)[1];
        return { text: splice(source, ks, afterLine(source, Math.max(ks, to - 1)), 'actors:\n' + entryText(entry, 2)) };
      }
    }
    return { text: source + sep + 'actors:\n' + entryText(entry, 2) };
  }
  const seq = p.actors;
  if (seq.flow || seq.items.length === 0) {
    const [s, e] = range(seq);
    const ks = lineStart(source, s);
    return { text: splice(source, ks, afterLine(source, Math.max(s, e - 1)), 'actors:\n' + entryText(entry, 2)) };
  }
  const first = range(seq.items[0])[0];
  const dashCol = source.lastIndexOf('-', first) - lineStart(source, first);
  const lastEnd = range(seq.items[seq.items.length - 1])[1];
  const at = afterLine(source, Math.max(0, lastEnd - 1));
  const pre = at === source.length && !source.endsWith('\n') ? '\n' : '';
  return { text: splice(source, at, at, pre + entryText(entry, dashCol)) };
}

/** Adds other names to an entry (Merge with…): the names already there are not repeated. */
export function addKbAliases(source: string, entryName: string, aliases: readonly string[]): KbEditResult {
  const p = parse(source);
  if ('error' in p) return p;
  const e = findEntry(p.actors, entryName);
  if (!e) return { error: `No entry named "${entryName}" in the knowledge base.` };
  const node = e.get('aliases', true) as unknown;
  const existing: string[] = isSeq(node) ? node.items.filter(isScalar).map((i) => String(i.value)) : isScalar(node) && node.value !== null ? [String(node.value)] : [];
  const have = new Set([foldName(String(e.get('name'))), ...existing.map(foldName)]);
  const added: string[] = [];
  for (const a of aliases) {
    const k = foldName(a);
    if (!k || have.has(k)) continue;
    have.add(k);
    added.push(a);
  }
  if (added.length === 0) return { text: source };
  if (node === undefined || (isScalar(node) && node.value === null && !(node as YamlNode).range)) return { text: insertKey(source, e, 'aliases', flowList(added)) };
  if (isScalar(node) && node.value === null) {
    const pair = e.items.find((i) => isScalar(i.key) && i.key.value === 'aliases')!;
    const [ks, ke] = range(pair.key);
    return { text: splice(source, ks, afterLine(source, ke) - 1, 'aliases: ' + flowList(added)) };
  }
  if (isScalar(node) || (isSeq(node) && node.flow)) {
    const [s, end] = range(node);
    return { text: splice(source, s, end, flowList([...existing, ...added])) };
  }
  if (!isSeq(node)) return { error: `The aliases of "${entryName}" are not a list.` };
  const items = node.items as YamlNode[];
  const first = range(items[0])[0];
  const dashCol = source.lastIndexOf('-', first) - lineStart(source, first);
  const at = afterLine(source, range(items[items.length - 1])[1] - 1);
  const pre = at === source.length && !source.endsWith('\n') ? '\n' : '';
  return { text: splice(source, at, at, pre + added.map((a) => `${' '.repeat(dashCol)}- ${scalar(a)}\n`).join('')) };
}

/** Removes one other name from an entry (Split). */
export function removeKbAlias(source: string, entryName: string, alias: string): KbEditResult {
  const p = parse(source);
  if ('error' in p) return p;
  const e = findEntry(p.actors, entryName);
  if (!e) return { error: `No entry named "${entryName}" in the knowledge base.` };
  const node = e.get('aliases', true) as unknown;
  const k = foldName(alias);
  const missing = { error: `"${entryName}" has no other name "${alias}" in the knowledge base.` };
  if (isScalar(node) && node.value !== null) {
    if (foldName(String(node.value)) !== k) return missing;
    const pair = e.items.find((i) => isScalar(i.key) && i.key.value === 'aliases')!;
    const ls = lineStart(source, range(pair.key)[0]);
    return { text: splice(source, ls, afterLine(source, range(node)[1] - 1), '') };
  }
  if (!isSeq(node)) return missing;
  const items = node.items as YamlNode[];
  const at = items.findIndex((i) => isScalar(i) && foldName(String(i.value)) === k);
  if (at < 0) return missing;
  if (node.flow) {
    const [s, end] = range(node);
    return { text: splice(source, s, end, flowList(items.filter((_, i) => i !== at).map((i) => String((i as { value: unknown }).value)))) };
  }
  const [is, ie] = range(items[at]);
  return { text: splice(source, lineStart(source, is), afterLine(source, ie - 1), '') };
}

/** Sets (or replaces) the Wikidata id of an entry. */
export function setKbWikidata(source: string, entryName: string, qid: string): KbEditResult {
  if (!/^Q[1-9]\d*$/.test(qid)) return { error: `"${qid}" is not a Wikidata item id (Q followed by digits, such as Q106558212).` };
  const p = parse(source);
  if ('error' in p) return p;
  const e = findEntry(p.actors, entryName);
  if (!e) return { error: `No entry named "${entryName}" in the knowledge base.` };
  const node = e.get('wikidata', true) as unknown;
  if (node && (node as YamlNode).range && !(isScalar(node) && node.value === null)) {
    const [s, end] = range(node);
    return { text: splice(source, s, end, qid) };
  }
  const pair = e.items.find((i) => isScalar(i.key) && i.key.value === 'wikidata');
  if (pair) {
    const [ks, ke] = range(pair.key);
    return { text: splice(source, ks, afterLine(source, ke) - 1, 'wikidata: ' + qid) };
  }
  return { text: insertKey(source, e, 'wikidata', qid) };
}
