import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Document } from 'yaml';
import { BOILERPLATE_CATEGORIES, ENTITY_KINDS, type BoilerplateCategory, type EntityKind } from '../types';
import { DEFAULT_CONFIG, type CorpusConfig } from './types';
import { gatePattern } from '../text/regexGate';

/** A problem in newscorpus.yaml, at 0-based line/character positions. */
export interface ConfigProblem {
  message: string;
  severity: 'error' | 'warning';
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface ParsedConfig {
  config: CorpusConfig;
  problems: ConfigProblem[];
}

export const CONFIG_FILE_NAME = 'newscorpus.yaml';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TOP_KEYS = ['include', 'exclude', 'articleDate', 'entities', 'boilerplate', 'labels', 'knowledgeBase'];

/**
 * Parses and validates newscorpus.yaml. Never throws: syntax errors and invalid values become
 * problems with exact positions, and defaults apply for whatever is missing or invalid.
 */
export function parseCorpusConfig(source: string, opts: { trusted?: boolean } = {}): ParsedConfig {
  const lc = new LineCounter();
  const problems: ConfigProblem[] = [];
  const config: CorpusConfig = structuredClone(DEFAULT_CONFIG);
  config.trusted = opts.trusted ?? true;
  let doc: Document;
  try {
    doc = parseDocument(source, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    problems.push({ message: `Cannot parse YAML: ${String(e)}`, severity: 'error', line: 0, character: 0, endLine: 0, endCharacter: 1 });
    return { config, problems };
  }
  const at = (offsets: [number, number] | undefined, message: string, severity: 'error' | 'warning' = 'error') => {
    const [s, e] = offsets ?? [0, 1];
    const a = lc.linePos(s);
    const b = lc.linePos(Math.max(e, s + 1));
    problems.push({ message, severity, line: a.line - 1, character: a.col - 1, endLine: b.line - 1, endCharacter: b.col - 1 });
  };
  for (const err of doc.errors) at(errorSpan(source, err.message, err.pos), `YAML syntax error: ${firstLine(err.message)}`);
  for (const w of doc.warnings) at([w.pos[0], w.pos[1]], `YAML: ${firstLine(w.message)}`, 'warning');
  if (doc.errors.length) return { config, problems };

  const root = doc.contents;
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === ''))) {
    return { config, problems }; // an empty file: all defaults
  }
  if (!isMap(root)) {
    at(range(root), 'newscorpus.yaml must be a mapping of settings (include, exclude, articleDate, entities, boilerplate, labels, knowledgeBase).');
    return { config, problems };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    const keyRange = range(pair.key as YamlNode);
    switch (key) {
      case 'include':
      case 'exclude': {
        const list = stringList(value, key, at);
        if (list) config[key] = list;
        break;
      }
      case 'labels': {
        const list = stringList(value, key, at);
        if (list) {
          const bad = list.filter((l) => !/^[A-Za-z][\w-]*$/.test(l));
          if (bad.length) at(range(value), `labels must be brat type names (letters, digits, _ and -): ${bad.join(', ')}`);
          config.labels = list.filter((l) => !bad.includes(l));
        }
        break;
      }
      case 'knowledgeBase': {
        const list = stringList(value, key, at);
        if (list) {
          const bad = list.filter((f) => f.trim() === '' || f.startsWith('/') || /^[A-Za-z]:/.test(f) || f.split(/[\\/]/).includes('..'));
          if (bad.length) at(range(value), `knowledgeBase files must be paths inside the corpus, relative to newscorpus.yaml: ${bad.join(', ')}`);
          config.knowledgeBase = list.filter((f) => !bad.includes(f));
        }
        break;
      }
      case 'articleDate':
        readArticleDate(value, config, at);
        break;
      case 'entities':
        readEntities(value, config, at);
        break;
      case 'boilerplate':
        readBoilerplate(value, config, at);
        break;
      default:
        at(keyRange, `Unknown setting "${key}" (known: ${TOP_KEYS.join(', ')}).`, 'warning');
    }
  }
  // Knowledge-base files are never articles (a TABARI dictionary is a .txt).
  for (const f of config.knowledgeBase) if (!config.exclude.includes(f)) config.exclude.push(f);
  return { config, problems };
}

type At = (offsets: [number, number] | undefined, message: string, severity?: 'error' | 'warning') => void;

/**
 * yaml reports an unclosed flow collection or quote where the document ends; point at the opener
 * instead, which is the line the user has to fix.
 */
function errorSpan(source: string, message: string, pos: [number, number]): [number, number] {
  const opener = /Flow sequence/.test(message) ? '[' : /Flow mapping/.test(message) ? '{' : /closing "quote|Missing closing "/.test(message) ? '"' : /closing 'quote/.test(message) ? "'" : undefined;
  if (opener) {
    const i = source.lastIndexOf(opener, Math.max(0, pos[0] - 1));
    if (i >= 0) return [i, i + 1];
  }
  return [pos[0], pos[1]];
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

function range(node: YamlNode | null | undefined): [number, number] | undefined {
  const r = node && (node as { range?: [number, number, number] }).range;
  return r ? [r[0], r[1]] : undefined;
}

function stringList(node: YamlNode | null, key: string, at: At): string[] | undefined {
  if (isScalar(node) && typeof node.value === 'string') return [node.value];
  if (!isSeq(node)) {
    at(range(node), `${key} must be a list of strings.`);
    return undefined;
  }
  const out: string[] = [];
  for (const item of node.items) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) out.push(String(item.value));
    else at(range(item as YamlNode), `${key}: every entry must be a string.`);
  }
  return out;
}

function mapEntries(node: YamlNode | null, what: string, at: At): [string, YamlNode | null, YamlNode][] | undefined {
  if (node === null || (isScalar(node) && node.value === null)) return [];
  if (!isMap(node)) {
    at(range(node), `${what} must be a mapping.`);
    return undefined;
  }
  return node.items.map((p) => [isScalar(p.key) ? String(p.key.value) : '', p.value as YamlNode | null, p.key as YamlNode]);
}

function readArticleDate(node: YamlNode | null, config: CorpusConfig, at: At): void {
  const entries = mapEntries(node, 'articleDate', at);
  if (!entries) return;
  for (const [k, v, keyNode] of entries) {
    if (k === 'from') {
      const s = isScalar(v) ? String(v.value) : '';
      if (s === 'text' || s === 'map' || s === 'filename') config.articleDate.from = s;
      else at(range(v), 'articleDate.from must be one of: text, map, filename.');
    } else if (k === 'fallback') {
      const s = isScalar(v) ? String(v.value) : '';
      if (ISO_DATE.test(s) && validDate(s)) config.articleDate.fallback = s;
      else at(range(v), 'articleDate.fallback must be a date YYYY-MM-DD.');
    } else if (k === 'map') {
      const files = mapEntries(v, 'articleDate.map', at);
      for (const [file, dv] of files ?? []) {
        const s = isScalar(dv) ? String(dv.value instanceof Date ? dv.value.toISOString().slice(0, 10) : dv.value) : '';
        if (ISO_DATE.test(s) && validDate(s)) config.articleDate.map[file.replace(/\\/g, '/')] = s;
        else at(range(dv), `articleDate.map: "${file}" needs a date YYYY-MM-DD.`);
      }
    } else at(range(keyNode), `Unknown articleDate setting "${k}" (known: from, map, fallback).`, 'warning');
  }
}

function validDate(s: string): boolean {
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function readEntities(node: YamlNode | null, config: CorpusConfig, at: At): void {
  const entries = mapEntries(node, 'entities', at);
  if (!entries) return;
  for (const [k, v, keyNode] of entries) {
    if (k === 'kinds') {
      const list = stringList(v, 'entities.kinds', at);
      if (!list) continue;
      const bad = list.filter((x) => !ENTITY_KINDS.includes(x as EntityKind));
      if (bad.length) at(range(v), `entities.kinds: unknown kind(s) ${bad.join(', ')} (known: ${ENTITY_KINDS.join(', ')}).`);
      config.entities.kinds = list.filter((x): x is EntityKind => ENTITY_KINDS.includes(x as EntityKind));
    } else at(range(keyNode), `Unknown entities setting "${k}" (known: kinds).`, 'warning');
  }
}

function readBoilerplate(node: YamlNode | null, config: CorpusConfig, at: At): void {
  const entries = mapEntries(node, 'boilerplate', at);
  if (!entries) return;
  const b = config.boilerplate;
  for (const [k, v, keyNode] of entries) {
    switch (k) {
      case 'enabled':
        if (isScalar(v) && typeof v.value === 'boolean') b.enabled = v.value;
        else at(range(v), 'boilerplate.enabled must be true or false.');
        break;
      case 'threshold':
        if (isScalar(v) && typeof v.value === 'number' && v.value >= 0 && v.value <= 1) b.threshold = v.value;
        else at(range(v), 'boilerplate.threshold must be a number from 0 to 1.');
        break;
      case 'phrases':
      case 'keep': {
        const list = stringList(v, `boilerplate.${k}`, at);
        if (list) b[k] = list.filter((p) => p.trim().length > 0);
        break;
      }
      case 'patterns': {
        const list = stringList(v, 'boilerplate.patterns', at);
        if (!list) break;
        b.patterns = [];
        const items = isSeq(v) ? v.items : [v];
        // The one regex gate decides; a refused pattern is reported at its line and left out.
        list.forEach((p, i) => {
          const g = gatePattern(p);
          if (typeof g === 'string') at(range(items[i] as YamlNode), `boilerplate.patterns: /${p.length > 60 ? p.slice(0, 57) + '…' : p}/ not used: ${g}.`);
          else b.patterns.push(p);
        });
        if (!config.trusted && b.patterns.length) {
          at(range(v), `boilerplate.patterns: ${b.patterns.length} pattern(s) not run: the configuration is not trusted (in VS Code: trust the workspace; on the command line: --trust).`, 'warning');
        }
        break;
      }
      case 'categories': {
        const cats = mapEntries(v, 'boilerplate.categories', at);
        for (const [c, cv, ck] of cats ?? []) {
          if (!BOILERPLATE_CATEGORIES.includes(c as BoilerplateCategory)) {
            at(range(ck), `Unknown boilerplate category "${c}" (known: ${BOILERPLATE_CATEGORIES.join(', ')}).`, 'warning');
          } else if (isScalar(cv) && typeof cv.value === 'boolean') b.categories[c as BoilerplateCategory] = cv.value;
          else at(range(cv), `boilerplate.categories.${c} must be true or false.`);
        }
        break;
      }
      default:
        at(range(keyNode), `Unknown boilerplate setting "${k}" (known: enabled, categories, phrases, patterns, threshold, keep).`, 'warning');
    }
  }
}
