// Roles and titles an article gives a person: the words before the name
// ("interim Malian President, Assimi Goita"; "President of Mali, His Excellency
// General Assimi Goïta") and an appositive after it ("Assimi Goita, the interim
// president of Mali,").
import type { EntityMention, Span } from '../types';
import { HONORIFICS, OFFICE_HEADS, RANKS, ROLE_MODIFIERS } from './titles';

interface W extends Span {
  text: string;
}

const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}'’.-]*|\d+|[^\s\p{L}\p{M}\d]/gu;
const MAX_WORDS = 9;
/**
 * Characters looked at on each side of a mention. Ranks, honorifics and an office of at most
 * MAX_WORDS words fit well inside; the bound keeps the cost per mention constant, so a sentence
 * without punctuation naming thousands of people costs time linear in its length.
 */
export const ROLE_WINDOW = 240;

/** Words of text[start, end); a word cut by the window edge (cutStart/cutEnd) is left out. */
function words(text: string, start: number, end: number, cutStart: boolean, cutEnd: boolean): W[] {
  const out: W[] = [];
  for (const m of text.slice(start, end).matchAll(TOKEN)) out.push({ start: start + m.index!, end: start + m.index! + m[0].length, text: m[0] });
  if (cutStart && out.length && out[0].start === start && start > 0 && /[\p{L}\p{M}\d'’.-]/u.test(text[start - 1])) out.shift();
  if (cutEnd && out.length && out[out.length - 1].end === end && end < text.length && /[\p{L}\p{M}\d'’.-]/u.test(text[end])) out.pop();
  return out;
}

/** An article's person mentions sorted by start, built once for every rolesOf call of the article. */
export class PersonIndex {
  readonly sorted: EntityMention[];
  readonly maxLength: number;
  constructor(mentions: readonly EntityMention[]) {
    this.sorted = mentions.filter((o) => o.kind === 'person').sort((a, b) => a.start - b.start || a.end - b.end);
    this.maxLength = this.sorted.reduce((n, p) => Math.max(n, p.end - p.start), 0);
  }
}

/** Person mentions of the index that overlap [start, end) (binary search, then a short scan). */
function personsIn({ sorted: index, maxLength: maxLen }: PersonIndex, start: number, end: number): EntityMention[] {
  let lo = 0;
  let hi = index.length;
  const from = start - maxLen; // a mention starting before this ends before start
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: EntityMention[] = [];
  for (let k = lo; k < index.length && index[k].start < end; k++) if (index[k].end > start) out.push(index[k]);
  return out;
}

const lower = (w: string) => w.toLowerCase();
const isCap = (w: string) => /^[\p{Lu}\p{Lt}]/u.test(w);
const isPossessive = (w: string) => /['’]s$/.test(w);
const isRank = (w: string) => RANKS.has(lower(w));
const isOfficeHead = (w: string) => OFFICE_HEADS.has(lower(w).replace(/['’]s$/, ''));

/**
 * Roles of the person mention `m` in its sentence, looked for within ROLE_WINDOW characters on each
 * side. `others` are the article's entity mentions (a role never runs into another person), best
 * given as a PersonIndex built once per article: then the work per mention is constant.
 */
export function rolesOf(text: string, m: Span, sentence: Span, others: readonly EntityMention[] | PersonIndex): string[] {
  const persons = others instanceof PersonIndex ? others : new PersonIndex(others);
  const roles: string[] = [];
  const from = Math.max(sentence.start, m.start - ROLE_WINDOW);
  const to = Math.min(sentence.end, m.end + ROLE_WINDOW);
  // A role never runs into another person; organisations may be part of it ("Air Force Chief of Staff", "Kremlin spokesman").
  const near = personsIn(persons, from, to).filter((o) => !(o.start === m.start && o.end === m.end));
  const blocked = (w: W) => near.some((o) => o.start < w.end && w.start < o.end);
  // Before the name, walking backwards.
  const before = words(text, from, m.start, from > sentence.start, false);
  let i = before.length - 1;
  const ranks: string[] = [];
  while (i >= 0 && isRank(before[i].text) && !blocked(before[i])) ranks.unshift(before[i--].text);
  if (ranks.length) roles.push(ranks.join(' '));
  while (i >= 0 && HONORIFICS.has(lower(before[i].text))) i--;
  if (i >= 0 && before[i].text === ',' && i > 0 && (isOfficeHead(before[i - 1].text) || isCap(before[i - 1].text))) i--; // appositive comma
  const office: W[] = [];
  let hasHead = false;
  while (i >= 0 && office.length < MAX_WORDS) {
    const w = before[i];
    const lw = lower(w.text);
    if (blocked(w) || isPossessive(w.text) || !/\p{L}/u.test(w.text)) break;
    if (lw === 'the' || lw === 'a' || lw === 'an') break;
    if (lw === 'and' && hasHead) break;
    if (lw === 'of' || lw === 'and' || lw === 'for') {
      if (!office.length || !isCap(office[0].text)) break;
    } else if (!isCap(w.text) && !ROLE_MODIFIERS.has(lw) && !isOfficeHead(w.text)) break;
    if (isOfficeHead(w.text)) hasHead = true;
    office.unshift(w);
    i--;
  }
  while (office.length && ['of', 'and', 'for'].includes(lower(office[0].text))) office.shift();
  if (hasHead && office.length) roles.unshift(text.slice(office[0].start, office[office.length - 1].end));
  // Appositive after the name: ", the interim president of Mali,".
  const after = words(text, m.end, to, false, to < sentence.end);
  if (after.length > 1 && after[0].text === ',') {
    let j = 1;
    if (['the', 'a', 'an'].includes(lower(after[j].text))) j++;
    const app: W[] = [];
    let head = false;
    while (j < after.length && app.length < MAX_WORDS) {
      const w = after[j];
      const lw = lower(w.text);
      if (!/\p{L}/u.test(w.text) || blocked(w)) break;
      if (!isCap(w.text) && !ROLE_MODIFIERS.has(lw) && !isOfficeHead(w.text) && !isPossessive(w.text)) break;
      if (isOfficeHead(w.text)) head = true;
      app.push(w);
      j++;
    }
    const endsWell = (j >= after.length && to === sentence.end) || (j < after.length && /^[,.;)]$/.test(after[j].text));
    while (app.length && ['of', 'and', 'for', 'the'].includes(lower(app[app.length - 1].text))) app.pop();
    if (head && endsWell && app.length) roles.push(text.slice(app[0].start, app[app.length - 1].end));
  }
  const out: string[] = [];
  for (const r of roles) {
    const role = r.replace(/\s+/g, ' ').trim();
    if (role.length > 1) out.push(role);
  }
  return out;
}
