// Reader of the project's own knowledge-base YAML:
//   actors:
//     - name: Assimi Goïta
//       kind: person                # person, organization, place, other
//       aliases: [Goita, Assimi Goita]
//       description: President of the transition of Mali
//       wikidata: Q106558212
//       codes:
//         - { code: MLIMIL, to: 2021-05-23 }
//         - { code: MLIGOV, from: 2021-05-24 }
//       anything-else: kept as it is
// Never throws: each error is reported at its exact line and column, and every valid entry is used.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { foldName } from '../text/fold';
import { ENTITY_KINDS, type EntityKind } from '../types';
import type { KbEntry, KbProblem } from './knowledgeBase';
import type { ActorCode } from './types';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const QID = /^Q[1-9]\d*$/;

export function readYamlKnowledgeBase(source: string, file: string): { entries: KbEntry[]; problems: KbProblem[] } {
  const lc = new LineCounter();
  const problems: KbProblem[] = [];
  const entries: KbEntry[] = [];
  const doc = parseDocument(source, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined, message: string, severity: 'error' | 'warning' = 'error') => {
    const p = lc.linePos(offset ?? 0);
    problems.push({ file, line: p.line, column: p.col, message, severity });
  };
  for (const e of doc.errors) at(e.pos[0], `YAML syntax error: ${e.message.split('\n')[0]}`);
  if (doc.errors.length) return { entries, problems };
  const root = doc.contents as YamlNode | null;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { entries, problems };
  const actorsPair = isMap(root) ? (root.items as Pair<YamlNode, YamlNode>[]).find((p) => isScalar(p.key) && p.key.value === 'actors') : undefined;
  if (!actorsPair) {
    at(start(root), 'A knowledge base is a mapping with an "actors:" list.');
    return { entries, problems };
  }
  const list = actorsPair.value;
  if (list === null || (isScalar(list) && list.value === null)) return { entries, problems };
  if (!isSeq(list)) {
    at(start(list ?? actorsPair.key), '"actors" must be a list of entries (- name: …).');
    return { entries, problems };
  }
  const usedIds = new Set<string>();
  for (const item of list.items as YamlNode[]) {
    if (!isMap(item)) {
      at(start(item), 'An entry must be a mapping with at least a name.');
      continue;
    }
    const entryLine = lc.linePos(start(item) ?? 0).line;
    let name: string | undefined;
    let kind: EntityKind | undefined;
    const aliases: string[] = [];
    let description: string | undefined;
    let wikidata: string | undefined;
    const codes: ActorCode[] = [];
    const extra: Record<string, unknown> = {};
    for (const pair of item.items as Pair<YamlNode, YamlNode | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const v = pair.value;
      switch (key) {
        case 'name':
          if (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number') && String(v.value).trim()) name = String(v.value).trim();
          else at(start(v ?? pair.key), 'name must be a non-empty text.');
          break;
        case 'kind':
          if (isScalar(v) && ENTITY_KINDS.includes(v.value as EntityKind)) kind = v.value as EntityKind;
          else at(start(v ?? pair.key), `kind must be one of ${ENTITY_KINDS.join(', ')}.`);
          break;
        case 'aliases':
          if (isSeq(v)) {
            for (const a of v.items as YamlNode[]) {
              if (isScalar(a) && (typeof a.value === 'string' || typeof a.value === 'number') && String(a.value).trim()) aliases.push(String(a.value).trim());
              else at(start(a), 'An alias must be a non-empty text.');
            }
          } else if (isScalar(v) && typeof v.value === 'string' && v.value.trim()) aliases.push(v.value.trim());
          else if (!(isScalar(v) && v.value === null) && v !== null) at(start(v ?? pair.key), 'aliases must be a list of names.');
          break;
        case 'description':
          if (isScalar(v) && typeof v.value === 'string') description = v.value;
          else at(start(v ?? pair.key), 'description must be a text.');
          break;
        case 'wikidata':
          if (isScalar(v) && typeof v.value === 'string' && QID.test(v.value)) wikidata = v.value;
          else at(start(v ?? pair.key), 'wikidata must be a Wikidata item id such as Q106558212.');
          break;
        case 'codes':
          if (isSeq(v)) for (const c of v.items as YamlNode[]) readCode(c, codes, at);
          else at(start(v ?? pair.key), 'codes must be a list of { code, from, to }.');
          break;
        default:
          extra[key] = v && 'toJSON' in v ? (v as { toJSON(): unknown }).toJSON() : null;
      }
    }
    if (!name) {
      if (!item.items.some((p) => isScalar(p.key) && p.key.value === 'name')) at(start(item), 'An entry needs a name.');
      continue;
    }
    let id = file + '#' + foldName(name);
    if (usedIds.has(id)) {
      at(start(item), `Another entry is already named "${name}"; this one is kept under its line.`, 'warning');
      id += '@' + entryLine;
    }
    usedIds.add(id);
    entries.push({
      id,
      name,
      ...(kind ? { kind } : {}),
      aliases: aliases.filter((a) => foldName(a) !== foldName(name!)),
      ...(description !== undefined ? { description } : {}),
      ...(wikidata ? { wikidata } : {}),
      codes,
      file,
      line: entryLine,
      format: 'yaml',
      ...(Object.keys(extra).length ? { extra } : {}),
    });
  }
  return { entries, problems };
}

function readCode(node: YamlNode, out: ActorCode[], at: (o: number | undefined, m: string) => void): void {
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim()) {
    out.push({ code: node.value.trim() });
    return;
  }
  if (!isMap(node)) {
    at(start(node), 'A code is { code: MLIGOV, from: YYYY-MM-DD, to: YYYY-MM-DD } (from and to optional).');
    return;
  }
  const c: ActorCode = { code: '' };
  let ok = true;
  for (const pair of node.items as Pair<YamlNode, YamlNode | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const v = pair.value;
    const text = isScalar(v) && v.value !== null ? String(v.value instanceof Date ? v.value.toISOString().slice(0, 10) : v.value).trim() : '';
    if (key === 'code') {
      if (text) c.code = text;
      else (ok = false), at(start(v ?? pair.key), 'code must be a code such as MLIGOV.');
    } else if (key === 'from' || key === 'to') {
      if (ISO.test(text) && validDate(text)) c[key] = text;
      else (ok = false), at(start(v ?? pair.key), `${key} must be a date YYYY-MM-DD.`);
    } else at(start(pair.key), `Unknown key "${key}" in a code (code, from, to).`);
  }
  if (!c.code) {
    if (ok) at(start(node), 'A code needs code: (such as MLIGOV).');
    return;
  }
  if (c.from && c.to && c.from > c.to) {
    at(start(node), `The range ends (${c.to}) before it starts (${c.from}).`);
    return;
  }
  if (ok) out.push(c);
}

function validDate(iso: string): boolean {
  const d = new Date(iso + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function start(node: YamlNode | null | undefined): number | undefined {
  const r = node && (node as { range?: [number, number, number] }).range;
  return r ? r[0] : undefined;
}
