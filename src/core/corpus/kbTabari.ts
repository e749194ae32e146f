// Reader of TABARI/PETRARCH actor dictionaries, as event coders keep them:
//   MOUSSA_TRAORE_  # comment              a primary phrase (words joined by _ or blanks)
//   +MOUSSA_TRAORE_KONE_                   a synonym of the phrase above
//   \t[MLIELI 540101-681119]               a code in force between two dates (inclusive)
//   \t[MLIGOV >910326]  \t[MLIELI <540101] after / before a date
//   \t[MLIELI]                             the default code
//   MALI_  [MLI]                           a phrase with its default code on the same line
//   AGRICULTURALIST {PLURAL} [~AGR]        an agent (Phoenix.agents.txt): a generic role, not a name
// Dates are YYMMDD or YYYYMMDD, mixed in one file; a two-digit year below 30 is 20xx, else 19xx.
// Read leniently: what cannot be read is skipped and reported with its line.
import { foldName } from '../text/fold';
import type { EntityKind } from '../types';
import type { KbEntry, KbProblem } from './knowledgeBase';
import type { ActorCode } from './types';

export interface TabariEntry extends KbEntry {
  agent: boolean;
}

export interface TabariDictionary {
  entries: TabariEntry[];
  /** Synonyms (`+` lines) read, over all entries. */
  synonyms: number;
  problems: KbProblem[];
}

const CODE_LINE = /^\[\s*([A-Z0-9~]{2,})\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?\s*\]$/;
const PHRASE_WORDS = /^[\p{L}\p{N}_'’`".&,/()\- ]+$/u;
const BRACKETS = /\[[^\]]*\]|\{[^}]*\}/g;

/** YYMMDD or YYYYMMDD → YYYY-MM-DD, or undefined when it is no date. */
export function tabariDate(d: string): string | undefined {
  let y: number;
  let rest: string;
  if (d.length === 8) (y = Number(d.slice(0, 4))), (rest = d.slice(4));
  else if (d.length === 6) {
    const yy = Number(d.slice(0, 2));
    y = yy < 30 ? 2000 + yy : 1900 + yy;
    rest = d.slice(2);
  } else return undefined;
  const m = Number(rest.slice(0, 2));
  const day = Number(rest.slice(2, 4));
  if (!(m >= 1 && m <= 12 && day >= 1 && day <= 31)) return undefined;
  return `${String(y).padStart(4, '0')}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

/** The day before / after a YYYY-MM-DD (for strict < and > restrictions). */
function shiftDay(iso: string, by: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + by * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A bracketed code ("[MLIGOV 681119-910326]") as an ActorCode, or a reason it cannot be read. */
export function parseTabariCode(bracketed: string): ActorCode | string {
  const m = CODE_LINE.exec(bracketed.trim());
  if (!m) return `unreadable code ${bracketed.trim()}`;
  const [, code, op, single, d1, d2] = m;
  if (op) {
    const d = tabariDate(single);
    if (!d) return `invalid date ${single}`;
    return op === '<' ? { code, to: shiftDay(d, -1) } : { code, from: shiftDay(d, 1) };
  }
  if (d1) {
    const from = tabariDate(d1);
    const to = tabariDate(d2);
    if (!from || !to) return `invalid date ${!from ? d1 : d2}`;
    if (from > to) return `range ends before it starts (${d1}-${d2})`;
    return { code, from, to };
  }
  return { code };
}

/** "MOUSSA_TRAORE_" → "Moussa Traore"; "ANIMAL_LIBERATION_FRONT_(ALF)_" → name and the acronym in brackets. */
function phraseName(phrase: string): { name: string; acronym?: string } {
  let p = phrase.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  let acronym: string | undefined;
  const br = /\s*\(([^)]+)\)\s*$/.exec(p);
  if (br) {
    acronym = br[1].trim();
    p = p.slice(0, br.index).trim();
  }
  const name = p
    .toLowerCase()
    .replace(/(^|[\s\-/'(])(\p{L})/gu, (_, pre: string, c: string) => pre + c.toUpperCase());
  return { name, ...(acronym ? { acronym } : {}) };
}

/** The kind a dictionary entry most likely has: a country code alone is a place, dated codes a person. */
function guessKind(codes: ActorCode[]): EntityKind | undefined {
  if (codes.length === 0) return undefined;
  if (codes.every((c) => /^[A-Z]{3}$/.test(c.code) && c.from === undefined && c.to === undefined)) return 'place';
  if (codes.some((c) => c.from !== undefined || c.to !== undefined)) return 'person';
  return 'organization';
}

/** Reads a dictionary's text. `file` is its path relative to the corpus root (for ids and problems). */
export function readTabariDictionary(text: string, file: string): TabariDictionary {
  const entries: TabariEntry[] = [];
  const problems: KbProblem[] = [];
  const usedIds = new Set<string>();
  let synonyms = 0;
  let current: TabariEntry | undefined;
  const skip = (line: number, message: string) => problems.push({ file, line, message, severity: 'warning' });
  const finish = () => {
    if (current) current.kind = current.agent ? 'other' : guessKind(current.codes);
  };
  let start = 0;
  let lineNo = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    lineNo++;
    let raw = text.slice(start, end);
    start = end + 1;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    const indented = raw.length > 0 && (raw[0] === '\t' || raw[0] === ' ');
    const hash = raw.indexOf('#');
    let line = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (line.startsWith(';')) line = '';
    if (line === '') continue;
    if (line[0] === '[' && (indented || current)) {
      if (!current) {
        skip(lineNo, `code ${line} belongs to no phrase`);
        continue;
      }
      const c = parseTabariCode(line);
      if (typeof c === 'string') skip(lineNo, c);
      else current.codes.push(c);
      continue;
    }
    if (line[0] === '+') {
      const phrase = line.slice(1).replace(/\s*\[[^\]]*\]\s*$/, '').trim();
      if (!current) {
        skip(lineNo, `synonym ${line} belongs to no phrase`);
        continue;
      }
      if (!phrase || !PHRASE_WORDS.test(phrase)) {
        skip(lineNo, `unreadable synonym ${line}`);
        continue;
      }
      const { name, acronym } = phraseName(phrase);
      for (const a of acronym ? [name, acronym] : [name]) {
        if (a && foldName(a) !== foldName(current.name) && !current.aliases.includes(a)) current.aliases.push(a);
      }
      synonyms++;
      continue;
    }
    if (line[0] === '!') {
      skip(lineNo, 'substitution set (not used)');
      continue;
    }
    // PHRASE {PLURALS} [CODE] [CODE …]
    const cut = line.search(/[[{]/);
    const phrase = (cut < 0 ? line : line.slice(0, cut)).trim();
    const rest = cut < 0 ? '' : line.slice(cut);
    if (!phrase || !PHRASE_WORDS.test(phrase) || rest.replace(BRACKETS, '').trim() !== '') {
      skip(lineNo, `unreadable line ${line.length > 60 ? line.slice(0, 60) + '…' : line}`);
      continue;
    }
    finish();
    const { name, acronym } = phraseName(phrase);
    const codes: ActorCode[] = [];
    let agent = false;
    for (const b of rest.match(BRACKETS) ?? []) {
      if (b[0] === '{') continue;
      const c = parseTabariCode(b);
      if (typeof c === 'string') skip(lineNo, c);
      else {
        codes.push(c);
        if (c.code.includes('~')) agent = true;
      }
    }
    let id = file + '#' + foldName(name);
    if (usedIds.has(id)) id += '@' + lineNo;
    usedIds.add(id);
    current = { id, name, aliases: acronym ? [acronym] : [], codes, file, line: lineNo, format: 'tabari', agent };
    entries.push(current);
  }
  finish();
  for (const e of entries) if (e.codes.some((c) => c.code.includes('~'))) e.agent = true;
  return { entries, synonyms, problems };
}
