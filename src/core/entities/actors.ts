// Groups an article's entity mentions into actors: one per person, organisation,
// place or other name, with its other names (Goita → Assimi Goïta; "Malian" → Mali),
// the roles the text gives it, and whom it appears with.
import type { Actor, EntityKind, EntityMention, Span } from '../types';
import { foldName } from '../text/fold';
import { PersonIndex, rolesOf } from './roles';

/** In a sentence naming more actors than this, each is paired with this many neighbours on each side (co-occurrence stays linear). */
export const CO_OCCURRENCE_NEIGHBOURS = 24;

interface Cluster {
  kind: EntityKind;
  name: string;
  forms: Map<string, string>; // folded → its surface form: the first, or the first in mixed case (see setForm)
  mentions: EntityMention[];
  roles: Map<string, string>;
  demonyms: Set<string>;
}

export function buildActors(text: string, entities: EntityMention[], sentences: Span[]): Actor[] {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const clusterOf = new Map<EntityMention, Cluster>();
  const add = (kind: EntityKind, name: string, m: EntityMention) => {
    const key = kind + ':' + foldName(name);
    let c = byKey.get(key);
    if (!c) {
      c = { kind, name, forms: new Map(), mentions: [], roles: new Map(), demonyms: new Set() };
      byKey.set(key, c);
      clusters.push(c);
    }
    c.mentions.push(m);
    clusterOf.set(m, c);
    return c;
  };

  // Longest names first so that short forms can attach to them.
  const persons = entities.filter((e) => e.kind === 'person').sort((a, b) => tokenCount(b.text) - tokenCount(a.text) || a.start - b.start);
  const personClusters: Cluster[] = [];
  // Every cluster a mention can join contains the mention's last token: clusters indexed by their
  // tokens (in creation order) keep the search from scanning every person of the article.
  const byToken = new Map<string, { c: Cluster; full: string[] }[]>();
  for (const m of persons) {
    const toks = foldName(m.text).split(/[\s]+/);
    let target: Cluster | undefined;
    for (const cand of byToken.get(toks[toks.length - 1]) ?? []) {
      const full = cand.full;
      const joins = toks.length < full.length ? toks.every((t) => full.includes(t)) && full[full.length - 1] === toks[toks.length - 1] || (toks.length === 1 && full.includes(toks[0])) : full.join(' ') === toks.join(' ');
      if (joins) {
        target = cand.c;
        break;
      }
    }
    const c = target ?? add('person', m.text, m);
    if (target) {
      c.mentions.push(m);
      clusterOf.set(m, c);
    } else {
      const entry = { c, full: foldName(c.name).split(/\s+/) };
      personClusters.push(c);
      for (const t of new Set(entry.full)) {
        const list = byToken.get(t) ?? [];
        list.push(entry);
        byToken.set(t, list);
      }
    }
    setForm(c, m.text);
  }
  // A lone surname the engine did not call a person ("Putin" in a headline) joins the person it names.
  const firstWithSurname = new Map<string, Cluster>(); // folded token after the first → first cluster having it
  for (const c of personClusters) for (const t of foldName(c.name).split(/\s+/).slice(1)) if (!firstWithSurname.has(t)) firstWithSurname.set(t, c);
  const surnameOf = (m: EntityMention) =>
    m.kind !== 'person' && !m.refersTo && !/\s/.test(m.text.trim()) && !/^[\p{Lu}\d&-]{2,}$/u.test(m.text) ? firstWithSurname.get(foldName(m.text)) : undefined;
  for (const m of entities) {
    const c = surnameOf(m);
    if (!c) continue;
    c.mentions.push(m);
    clusterOf.set(m, c);
    setForm(c, m.text);
  }
  // Organisations: an acronym in brackets right after a name is that name's other form, wherever
  // else the acronym stands (before its definition too, as in a headline).
  const orgs = entities.filter((e) => e.kind === 'organization' && !clusterOf.has(e)).sort((a, b) => a.start - b.start);
  const fullNameOf = new Map<string, string>(); // folded acronym → the name it abbreviates
  for (let k = 0; k + 1 < orgs.length; k++) {
    const m = orgs[k];
    const next = orgs[k + 1];
    // "Confederation of African Football (CAF)", "… Security Exhibition (BAMEX 2025)"
    if (/^\s*\(\s*$/.test(text.slice(m.end, next.start)) && /^(?:\s+\d{2,4})?\s*\)/.test(text.slice(next.end, next.end + 8)) && /^[\p{Lu}\d&-]{2,}$/u.test(next.text)) {
      const acronym = foldName(next.text);
      if (!fullNameOf.has(acronym)) fullNameOf.set(acronym, m.text);
    }
  }
  for (const m of orgs) {
    const f = foldName(m.text);
    const c = add('organization', fullNameOf.get(f) ?? m.text, m);
    setForm(c, m.text);
  }
  // Places and other names; demonyms ("Malian") join the place they refer to.
  for (const m of entities) {
    if (m.kind === 'person' || m.kind === 'organization' || clusterOf.has(m)) continue;
    if (m.refersTo) {
      const c = add('place', m.refersTo, m);
      c.demonyms.add(m.text);
      continue;
    }
    const c = add(m.kind, m.text, m);
    setForm(c, m.text);
  }
  // Canonical name: the longest form; among equals, the accented spelling, then the one in mixed case.
  for (const c of clusters) {
    for (const form of c.forms.values()) {
      const d = form.length - c.name.length || form.normalize('NFD').length - c.name.normalize('NFD').length;
      if (d > 0 || (d === 0 && inCapitals(c.name) && !inCapitals(form))) c.name = form;
    }
  }
  // Roles of people.
  const sentenceOf = (s: Span): Span => {
    // Sentences are sorted and disjoint: the last one starting at or before s.
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].start <= s.start) lo = mid + 1;
      else hi = mid;
    }
    const x = sentences[lo - 1];
    return x && s.end <= x.end ? x : s;
  };
  const personSpans = new PersonIndex(entities);
  for (const m of persons) {
    const c = clusterOf.get(m)!;
    for (const r of rolesOf(text, m, sentenceOf(m), personSpans)) {
      const k = foldName(r);
      if (!c.roles.has(k)) c.roles.set(k, r);
    }
  }
  // Co-occurrence within sentences.
  const co = new Map<Cluster, Map<Cluster, number>>();
  let si = 0;
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  const groups: Set<Cluster>[] = sentences.map(() => new Set());
  for (const m of sorted) {
    while (si < sentences.length && sentences[si].end <= m.start) si++;
    if (si < sentences.length && sentences[si].start <= m.start) {
      const c = clusterOf.get(m);
      if (c) groups[si].add(c);
    }
  }
  const W = CO_OCCURRENCE_NEIGHBOURS;
  for (const set of groups) {
    const g = [...set];
    for (let i = 0; i < g.length; i++) {
      const a = g[i];
      for (let j = Math.max(0, i - W); j < Math.min(g.length, i + W + 1); j++) {
        if (j === i) continue;
        const row = co.get(a) ?? new Map<Cluster, number>();
        row.set(g[j], (row.get(g[j]) ?? 0) + 1);
        co.set(a, row);
      }
    }
  }
  // The lists are grown with push, not made with map: see docFromSentences in src/core/ner/features.ts.
  const actors: Actor[] = [];
  for (const c of clusters) {
    const mentions: Span[] = [];
    for (const m of c.mentions) mentions.push({ start: m.start, end: m.end });
    const coOccurring: Actor['coOccurring'] = [];
    for (const [o, count] of co.get(c) ?? []) coOccurring.push({ name: o.name, kind: o.kind, count });
    actors.push({
      id: c.kind + ':' + foldName(c.name),
      name: c.name,
      kind: c.kind,
      aliases: [...new Set([...c.forms.values(), ...c.demonyms])].filter((f) => f !== c.name),
      roles: [...c.roles.values()],
      demonyms: [...c.demonyms],
      mentions: mentions.sort((a, b) => a.start - b.start),
      coOccurring: coOccurring.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    });
  }
  return actors.sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
}

/** Whether a name is written in capitals only ("LOME" in a dateline, "ECOWAS"). */
function inCapitals(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/**
 * Records a surface form of a cluster under its folded text: the first seen, unless it is in
 * capitals only and the same name comes in mixed case ("LOME, Sept 4" then "in Lome"): the
 * article's own spelling, not its dateline's, names the actor.
 */
function setForm(c: Cluster, text: string): void {
  const f = foldName(text);
  const known = c.forms.get(f);
  if (known === undefined || (inCapitals(known) && !inCapitals(text))) c.forms.set(f, text);
}

function tokenCount(s: string): number {
  return s.trim().split(/\s+/).length;
}
