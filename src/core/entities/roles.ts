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

function words(text: string, start: number, end: number): W[] {
  const out: W[] = [];
  for (const m of text.slice(start, end).matchAll(TOKEN)) out.push({ start: start + m.index!, end: start + m.index! + m[0].length, text: m[0] });
  return out;
}

const lower = (w: string) => w.toLowerCase();
const isCap = (w: string) => /^[\p{Lu}\p{Lt}]/u.test(w);
const isPossessive = (w: string) => /['’]s$/.test(w);
const isRank = (w: string) => RANKS.has(lower(w));
const isOfficeHead = (w: string) => OFFICE_HEADS.has(lower(w).replace(/['’]s$/, ''));

/**
 * Roles of the person mention `m` in its sentence. `others` are the other entity mentions of the
 * article (a role never runs into another person).
 */
export function rolesOf(text: string, m: Span, sentence: Span, others: EntityMention[]): string[] {
  const roles: string[] = [];
  // A role never runs into another person; organisations may be part of it ("Air Force Chief of Staff", "Kremlin spokesman").
  const blocked = (w: W) => others.some((o) => o.start < w.end && w.start < o.end && o.kind === 'person' && !(o.start === m.start && o.end === m.end));
  // Before the name, walking backwards.
  const before = words(text, sentence.start, m.start);
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
  const after = words(text, m.end, sentence.end);
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
    const endsWell = j >= after.length || /^[,.;)]$/.test(after[j].text);
    while (app.length && ['of', 'and', 'for', 'the'].includes(lower(app[app.length - 1].text))) app.pop();
    if (head && endsWell && app.length) roles.push(text.slice(app[0].start, app[app.length - 1].end));
  }
  return roles.map((r) => r.replace(/\s+/g, ' ').trim()).filter((r) => r.length > 1);
}
