// The corpus model of actors: one corpus actor per real-world actor, resolved across the articles
// of a corpus from their summaries (see articleSummary.ts), optionally linked to a knowledge base.
//
// Resolution, in order, for each actor of each article:
//  1. a knowledge-base entry named by its canonical name (or, failing that, by exactly one entry
//     through its other names) decides its identity: the KB merges spellings ("Tchiani", "Tiani");
//  2. an acronym that some article of the corpus defines ("ECOWAS" → "Economic Community of West
//     African States") is the name it abbreviates;
//  3. a leading title is not part of a name ("President Tinubu" → "Tinubu");
//  4. a lone surname whose article names no full name ("Goita") joins the one full name of the
//     corpus that ends with it; when several do (two Traorés) it stays apart. The article's own
//     clustering has already attached surnames to the full name the same article uses;
//  5. otherwise the accent- and case-folded canonical name is the identity: two different full
//     names are two actors.
// A corpus actor's kind is the kind of most of its mentions (the KB's kind when it gives one).
import { HONORIFICS, isTitleWord } from '../entities/titles';
import { foldName } from '../text/fold';
import type { EntityKind } from '../types';
import type { ActorSummary, ArticleSummary } from './articleSummary';
import { entryRef, linkEntry, type KbEntry, type KnowledgeBase } from './knowledgeBase';
import type { CorpusActor, CorpusActorArticle, CorpusActorRole } from './types';

export interface CoActor {
  actor: CorpusActor;
  /** Number of articles both appear in. */
  articles: number;
}

export interface CorpusActorIndex {
  /** All corpus actors, most articles first (then most mentions, then name). */
  readonly actors: CorpusActor[];
  byId(id: string): CorpusActor | undefined;
  /** Corpus actors one of whose names (canonical or other) is this name, accents and case ignored. */
  find(name: string): CorpusActor[];
  /** Corpus actors of one article (relative path), in the article's order of actors. */
  actorsOf(relPath: string): CorpusActor[];
  /** The corpus actor one actor of an article belongs to (its canonical name in that article). */
  actorOf(relPath: string, articleActorName: string): CorpusActor | undefined;
  /** Actors sharing articles with this one, most shared articles first. */
  coActors(id: string): CoActor[];
}

const ACRONYM = /^[\p{Lu}\d&-]{2,}$/u;

interface Group {
  key: string;
  kb?: KbEntry;
  /** surface form → mentions carrying it as canonical name */
  names: Map<string, number>;
  forms: Map<string, string>; // folded → first surface form
  kindWeight: Map<EntityKind, number>;
  roles: Map<string, CorpusActorRole>;
  /** In the order the summaries came (one article at most once). */
  articles: CorpusActorArticle[];
  mentions: number;
}

export function buildCorpusActors(summaries: Iterable<ArticleSummary>, kb?: KnowledgeBase): CorpusActorIndex {
  const foldCache = new Map<string, string>();
  const fold = (s: string): string => {
    let f = foldCache.get(s);
    if (f === undefined) foldCache.set(s, (f = foldName(s)));
    return f;
  };
  const keyCache = new Map<string, string>();
  const nameKey = (folded: string): string => {
    let k = keyCache.get(folded);
    if (k === undefined) keyCache.set(folded, (k = stripTitles(folded)));
    return k;
  };
  const list = Array.isArray(summaries) ? (summaries as ArticleSummary[]) : [...summaries];

  // Pass 1: acronym definitions and full person names (by surname) over the whole corpus.
  const acronymVotes = new Map<string, Map<string, number>>(); // folded short → folded long → count
  const fullBySurname = new Map<string, Set<string>>(); // folded surname → folded full names
  for (const s of list) {
    for (const d of s.acronyms) {
      const short = fold(d.short);
      const long = nameKey(fold(d.long));
      let v = acronymVotes.get(short);
      if (!v) acronymVotes.set(short, (v = new Map()));
      v.set(long, (v.get(long) ?? 0) + 1);
    }
    for (const a of s.actors) {
      if (a.kind !== 'person') continue;
      const key = nameKey(fold(a.name));
      const sp = key.lastIndexOf(' ');
      if (sp < 0) continue;
      const surname = key.slice(sp + 1);
      let set = fullBySurname.get(surname);
      if (!set) fullBySurname.set(surname, (set = new Set()));
      set.add(key);
    }
  }
  const acronymLong = new Map<string, string>();
  for (const [short, votes] of acronymVotes) {
    let best = '';
    let n = -1;
    for (const [long, c] of votes) if (c > n || (c === n && long < best)) (best = long), (n = c);
    acronymLong.set(short, best);
  }

  const kbFor = (a: ActorSummary, key: string): KbEntry | undefined => {
    if (!kb) return undefined;
    const entry = linkEntry(kb, a.name, a.aliases, fold);
    if (entry || key === nameKey(fold(a.name))) return entry;
    const viaKey = kb.lookupFolded(key); // an acronym's long name, a surname's full name
    return viaKey.length === 1 ? viaKey[0] : undefined;
  };

  // Most actors of most articles are a name without other forms ("Mali"): their identity depends on
  // the name alone, so it is worked out once per name.
  const byBareName = new Map<string, { key: string; kb?: KbEntry }>();
  const keyOf = (a: ActorSummary): { key: string; kb?: KbEntry } => {
    if (a.aliases.length > 0) return resolve(a);
    let k = byBareName.get(a.name);
    if (!k) byBareName.set(a.name, (k = resolve(a)));
    return k;
  };
  const resolve = (a: ActorSummary): { key: string; kb?: KbEntry } => {
    let key = nameKey(fold(a.name));
    if (ACRONYM.test(a.name)) {
      const long = acronymLong.get(fold(a.name));
      if (long) key = long;
    } else if (!key.includes(' ')) {
      const fulls = fullBySurname.get(key);
      if (fulls && fulls.size === 1) key = fulls.values().next().value as string;
    }
    const entry = kbFor(a, key);
    return entry ? { key: 'kb:' + entry.id, kb: entry } : { key };
  };

  // Pass 2: group the actors of every article.
  const groups = new Map<string, Group>();
  const perArticle = new Map<string, { name: string; group: Group }[]>();
  for (const s of list) {
    const own: { name: string; group: Group }[] = [];
    for (const a of s.actors) {
      const { key, kb: entry } = keyOf(a);
      let g = groups.get(key);
      if (!g) {
        g = { key, kb: entry, names: new Map(), forms: new Map(), kindWeight: new Map(), roles: new Map(), articles: [], mentions: 0 };
        groups.set(key, g);
      }
      const count = a.mentions.length >> 1;
      g.mentions += count;
      g.names.set(a.name, (g.names.get(a.name) ?? 0) + count);
      g.kindWeight.set(a.kind, (g.kindWeight.get(a.kind) ?? 0) + count);
      const nk = fold(a.name);
      if (!g.forms.has(nk)) g.forms.set(nk, a.name);
      for (const f of a.aliases) {
        const k = fold(f);
        if (!g.forms.has(k)) g.forms.set(k, f);
      }
      // An article's actors come together: the group's last article is this one or none of its articles is.
      const last = g.articles.length > 0 ? g.articles[g.articles.length - 1] : undefined;
      const again = last !== undefined && last.relPath === s.relPath;
      if (again) last.mentions = mergeSpans(last.mentions, a.mentions);
      else g.articles.push({ relPath: s.relPath, date: s.date, title: s.title, mentions: a.mentions });
      for (const r of a.roles) {
        const rk = fold(r);
        const role = g.roles.get(rk);
        if (!role) g.roles.set(rk, { role: r, firstDate: s.date, lastDate: s.date, articles: 1 });
        else if (!again) {
          role.articles++;
          if (s.date) {
            if (!role.firstDate || s.date < role.firstDate) role.firstDate = s.date;
            if (!role.lastDate || s.date > role.lastDate) role.lastDate = s.date;
          }
        }
      }
      own.push({ name: a.name, group: g });
    }
    perArticle.set(s.relPath, own);
  }

  // Corpus actors.
  const actorOfGroup = new Map<Group, CorpusActor>();
  const actors: CorpusActor[] = [];
  for (const g of groups.values()) {
    const kind = g.kb?.kind ?? vote(g.kindWeight);
    const name = g.kb?.name ?? bestName(g.names, (n) => nameKey(fold(n)) === g.key);
    const nameFold = fold(name);
    const aliases: string[] = [];
    const seen = new Set([nameFold]);
    for (const [k, f] of g.forms) if (!seen.has(k)) (seen.add(k), aliases.push(f));
    for (const f of g.kb?.aliases ?? []) {
      const k = fold(f);
      if (!seen.has(k)) (seen.add(k), aliases.push(f));
    }
    const articles = g.articles.sort(newestFirst);
    let firstDate: string | undefined;
    let lastDate: string | undefined;
    for (const a of articles) {
      if (!a.date) continue;
      if (!firstDate || a.date < firstDate) firstDate = a.date;
      if (!lastDate || a.date > lastDate) lastDate = a.date;
    }
    const actor: CorpusActor = {
      id: g.kb ? g.kb.id : kind + ':' + g.key,
      name,
      kind,
      aliases,
      roles: [...g.roles.values()].sort((a, b) => b.articles - a.articles || cmp(a.role, b.role)),
      articleCount: articles.length,
      mentionCount: g.mentions,
      ...(firstDate ? { firstDate } : {}),
      ...(lastDate ? { lastDate } : {}),
      articles,
      ...(g.kb ? { kb: entryRef(g.kb) } : {}),
      codes: g.kb ? g.kb.codes.slice() : [],
    };
    actorOfGroup.set(g, actor);
    actors.push(actor);
  }
  actors.sort((a, b) => b.articleCount - a.articleCount || b.mentionCount - a.mentionCount || cmp(a.name, b.name));

  const byId = new Map<string, CorpusActor>();
  for (const a of actors) byId.set(a.id, a);
  const byName = new Map<string, CorpusActor[]>();
  for (const a of actors) {
    for (const n of [a.name, ...a.aliases]) {
      const k = fold(n);
      const l = byName.get(k);
      if (!l) byName.set(k, [a]);
      else if (!l.includes(a)) l.push(a);
    }
  }
  const ofArticle = (relPath: string) => perArticle.get(relPath) ?? [];

  return {
    actors,
    byId: (id) => byId.get(id),
    find: (name) => byName.get(foldName(name)) ?? [],
    actorsOf: (relPath) => {
      const out: CorpusActor[] = [];
      for (const { group } of ofArticle(relPath)) {
        const a = actorOfGroup.get(group)!;
        if (!out.includes(a)) out.push(a);
      }
      return out;
    },
    actorOf: (relPath, articleActorName) => {
      const hit = ofArticle(relPath).find((o) => o.name === articleActorName);
      return hit ? actorOfGroup.get(hit.group) : undefined;
    },
    coActors: (id) => {
      const actor = byId.get(id);
      if (!actor) return [];
      const counts = new Map<CorpusActor, number>();
      for (const art of actor.articles) {
        const seen = new Set<CorpusActor>();
        for (const { group } of ofArticle(art.relPath)) {
          const other = actorOfGroup.get(group)!;
          if (other === actor || seen.has(other)) continue;
          seen.add(other);
          counts.set(other, (counts.get(other) ?? 0) + 1);
        }
      }
      return [...counts]
        .map(([a, n]) => ({ actor: a, articles: n }))
        .sort((x, y) => y.articles - x.articles || y.actor.articleCount - x.actor.articleCount || cmp(x.actor.name, y.actor.name));
    },
  };
}

/** A folded name without leading titles and honorifics ("president bola tinubu" → "bola tinubu"). */
function stripTitles(folded: string): string {
  const words = folded.split(' ');
  let i = 0;
  while (i < words.length - 1 && (isTitleWord(words[i]) || HONORIFICS.has(words[i]))) i++;
  return i === 0 ? folded : words.slice(i).join(' ');
}

function vote(weights: Map<EntityKind, number>): EntityKind {
  let best: EntityKind = 'other';
  let n = -1;
  const order: EntityKind[] = ['person', 'organization', 'place', 'other'];
  for (const k of order) {
    const w = weights.get(k) ?? -1;
    if (w > n) (best = k), (n = w);
  }
  return best;
}

/** The canonical name: the one carrying most mentions; longer, then accented, spelling among equals. */
function bestName(names: Map<string, number>, isFull: (name: string) => boolean): string {
  let best = '';
  let n = -1;
  const full = [...names].filter(([name]) => isFull(name));
  for (const [name, c] of full.length > 0 ? full : names) {
    if (c > n || (c === n && (name.length > best.length || (name.length === best.length && name.normalize('NFD').length > best.normalize('NFD').length)))) {
      best = name;
      n = c;
    }
  }
  return best;
}

/** Code-unit order: stable across hosts and far cheaper than localeCompare on 10,000s of names. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function newestFirst(a: CorpusActorArticle, b: CorpusActorArticle): number {
  if (a.date && b.date) return a.date < b.date ? 1 : a.date > b.date ? -1 : cmp(a.relPath, b.relPath);
  if (a.date) return -1;
  if (b.date) return 1;
  return cmp(a.relPath, b.relPath);
}

function mergeSpans(a: number[], b: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < a.length; i += 2) pairs.push([a[i], a[i + 1]]);
  for (let i = 0; i + 1 < b.length; i += 2) if (!pairs.some((p) => p[0] === b[i] && p[1] === b[i + 1])) pairs.push([b[i], b[i + 1]]);
  pairs.sort((x, y) => x[0] - y[0]);
  return pairs.flat();
}
