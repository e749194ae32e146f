// The corpus actors of a corpus, kept up to date article by article (see corpusActors.ts for the
// resolution rules). `set(summary)` / `delete(relPath)` cost about the size of that article's
// summary: identity depends on two corpus-wide facts (which long name an acronym's definitions vote
// for, which full person names end with a surname), so the model keeps, for each fact, the article
// actors whose identity reads it, and re-resolves only those when the fact's value changes.
// Everything else a corpus actor shows (name, kind, other names, roles, articles) is worked out
// again only for the actors an update touched, on the next query.
//
// The answers always equal a full build over the same summaries in the model's order (the order
// they were first set; a summary set again keeps its place): where two names, forms or roles tie,
// the one seen first in that order wins, as in a single pass over the summaries.
import { HONORIFICS, isTitleWord } from '../entities/titles';
import { foldName } from '../text/fold';
import type { EntityKind } from '../types';
import type { ActorSummary, ArticleSummary } from './articleSummary';
import type { CoActor, CorpusActorIndex } from './corpusActors';
import { entryRef, linkEntry, type KbEntry, type KnowledgeBase } from './knowledgeBase';
import type { CorpusActor, CorpusActorArticle, CorpusActorRole } from './types';

const ACRONYM = /^[\p{Lu}\d&-]{2,}$/u;
/** Room for the actor index in an item's order number (seq * ITEM_SPAN + index). */
const ITEM_SPAN = 2 ** 20;
/** More groups changed than this: the sorted list is sorted again rather than patched. */
const RESORT_OVER = 2000;

interface Article {
  summary: ArticleSummary;
  /** Place in the model's order of summaries. */
  seq: number;
  items: Item[];
}

/** One actor of one article. */
interface Item {
  article: Article;
  actor: ActorSummary;
  /** seq * ITEM_SPAN + index of the actor in its article: the order of a single pass. */
  order: number;
  /** Folded name without leading titles. */
  key0: string;
  /** The corpus-wide fact its identity reads: 'a' + folded acronym, 's' + surname; '' for none. */
  fact: string;
  factPos: number;
  group?: Group;
  groupPos: number;
}

interface Group {
  key: string;
  kb?: KbEntry;
  items: Item[];
  /** Number of distinct articles among the items, and mentions over them. */
  articleCount: number;
  mentions: number;
  dirty: boolean;
  /** The corpus actor as last worked out (undefined: never, or removed), and its place in the order. */
  actor?: CorpusActor;
  first: number;
}

export class CorpusActorModel implements CorpusActorIndex {
  private kb?: KnowledgeBase;
  private readonly articles = new Map<string, Article>();
  private nextSeq = 0;
  private readonly groups = new Map<string, Group>();
  /** folded short → folded long → votes; and the winning long name of each short. */
  private readonly acronymVotes = new Map<string, Map<string, number>>();
  private readonly acronymLong = new Map<string, string>();
  /** surname → full person names ending with it → number of article actors with that name. */
  private readonly fullBySurname = new Map<string, Map<string, number>>();
  /** fact → the items whose identity reads it. */
  private readonly dependents = new Map<string, Item[]>();
  private readonly dirty: Group[] = [];
  /** Groups with an actor, in the order of `actors`. */
  private sorted: Group[] = [];
  private actorList?: CorpusActor[];
  private readonly byIdMap = new Map<string, Group>();
  private byName?: Map<string, Group | Group[]>;
  private readonly foldCache = new Map<string, string>();
  private readonly keyCache = new Map<string, string>();
  private readonly kbCache = new Map<string, KbEntry | null>();

  constructor(kb?: KnowledgeBase) {
    this.kb = kb;
  }

  // ---- updates ----

  /** Adds or replaces the summary of one article. */
  set(summary: ArticleSummary): void {
    this.setMany([summary]);
  }

  /**
   * Adds or replaces the summaries of several articles at once (a later summary of the same path
   * wins). A cold load can feed the corpus in slices, one call per turn of the event loop.
   */
  setMany(summaries: Iterable<ArticleSummary>): void {
    const removed: Article[] = [];
    const added = new Set<Article>();
    for (const s of summaries) {
      const old = this.articles.get(s.relPath);
      if (old && !added.delete(old)) removed.push(old);
      const art: Article = { summary: s, seq: old ? old.seq : this.nextSeq++, items: [] };
      this.articles.set(s.relPath, art);
      added.add(art);
    }
    if (removed.length > 0 || added.size > 0) this.apply(removed, [...added]);
  }

  /** Removes the summary of one article; false when the model has none. */
  delete(relPath: string): boolean {
    const old = this.articles.get(relPath);
    if (!old) return false;
    this.articles.delete(relPath);
    this.apply([old], []);
    return true;
  }

  /** Another knowledge base (or none): every identity is worked out again. */
  setKnowledgeBase(kb: KnowledgeBase | undefined): void {
    if (kb === this.kb) return;
    this.kb = kb;
    this.kbCache.clear();
    const all = [...this.articles.values()];
    for (const art of all) art.items = [];
    this.groups.clear();
    this.dependents.clear();
    this.dirty.length = 0;
    this.sorted = [];
    this.byIdMap.clear();
    this.byName = undefined;
    this.acronymVotes.clear();
    this.acronymLong.clear();
    this.fullBySurname.clear();
    this.apply([], all);
  }

  /** The summaries, in the model's order. */
  *summaries(): IterableIterator<ArticleSummary> {
    for (const a of this.articles.values()) yield a.summary;
  }

  get size(): number {
    return this.articles.size;
  }

  private apply(removed: Article[], added: Article[]): void {
    // Value of every fact an update touches, before it.
    const before = new Map<string, string | undefined>();
    for (const art of removed) {
      this.facts(art.summary, -1, before);
      for (const it of art.items) {
        this.unlinkFact(it);
        if (it.group) this.leave(it);
      }
    }
    for (const art of added) this.facts(art.summary, 1, before);
    // Items whose fact changed value are resolved again.
    for (const [fact, old] of before) {
      if (this.factValue(fact) === old) continue;
      const deps = this.dependents.get(fact);
      if (!deps) continue;
      for (const it of deps.slice()) {
        const { key, kb } = this.resolve(it);
        if (it.group && it.group.key === key) continue;
        if (it.group) this.leave(it);
        this.join(it, key, kb);
      }
    }
    for (const art of added) {
      const actors = art.summary.actors;
      for (let i = 0; i < actors.length; i++) {
        const a = actors[i];
        const key0 = this.nameKey(this.fold(a.name));
        const fact = ACRONYM.test(a.name) ? 'a' + this.fold(a.name) : key0.includes(' ') ? '' : 's' + key0;
        const it: Item = { article: art, actor: a, order: art.seq * ITEM_SPAN + i, key0, fact, factPos: -1, groupPos: -1 };
        art.items.push(it);
        if (fact) {
          let deps = this.dependents.get(fact);
          if (!deps) this.dependents.set(fact, (deps = []));
          it.factPos = deps.length;
          deps.push(it);
        }
        const { key, kb } = this.resolve(it);
        this.join(it, key, kb);
      }
    }
    this.actorList = undefined;
  }

  /** Adds (sign 1) or takes back (-1) an article's votes for acronyms and its full person names. */
  private facts(s: ArticleSummary, sign: 1 | -1, before: Map<string, string | undefined>): void {
    for (const d of s.acronyms) {
      const short = this.fold(d.short);
      const long = this.nameKey(this.fold(d.long));
      const fact = 'a' + short;
      if (!before.has(fact)) before.set(fact, this.acronymLong.get(short));
      let votes = this.acronymVotes.get(short);
      if (!votes) this.acronymVotes.set(short, (votes = new Map()));
      const n = (votes.get(long) ?? 0) + sign;
      if (n > 0) votes.set(long, n);
      else votes.delete(long);
      if (votes.size === 0) {
        this.acronymVotes.delete(short);
        this.acronymLong.delete(short);
        continue;
      }
      let best = '';
      let most = -1;
      for (const [l, c] of votes) if (c > most || (c === most && l < best)) (best = l), (most = c);
      this.acronymLong.set(short, best);
    }
    for (const a of s.actors) {
      if (a.kind !== 'person') continue;
      const key = this.nameKey(this.fold(a.name));
      const sp = key.lastIndexOf(' ');
      if (sp < 0) continue;
      const surname = key.slice(sp + 1);
      const fact = 's' + surname;
      if (!before.has(fact)) before.set(fact, this.factValue(fact));
      let fulls = this.fullBySurname.get(surname);
      if (!fulls) this.fullBySurname.set(surname, (fulls = new Map()));
      const n = (fulls.get(key) ?? 0) + sign;
      if (n > 0) fulls.set(key, n);
      else fulls.delete(key);
      if (fulls.size === 0) this.fullBySurname.delete(surname);
    }
  }

  private factValue(fact: string): string | undefined {
    if (fact.charCodeAt(0) === 97 /* a */) return this.acronymLong.get(fact.slice(1));
    const fulls = this.fullBySurname.get(fact.slice(1));
    return fulls && fulls.size === 1 ? (fulls.keys().next().value as string) : undefined;
  }

  private unlinkFact(it: Item): void {
    if (!it.fact) return;
    const deps = this.dependents.get(it.fact)!;
    const last = deps.pop()!;
    if (last !== it) (deps[it.factPos] = last), (last.factPos = it.factPos);
    if (deps.length === 0) this.dependents.delete(it.fact);
  }

  /** The identity of an article actor: its group key, and its knowledge-base entry when linked. */
  private resolve(it: Item): { key: string; kb?: KbEntry } {
    const a = it.actor;
    let key = it.key0;
    if (it.fact) {
      const v = this.factValue(it.fact);
      if (v) key = v;
    }
    const kb = this.kb;
    if (!kb) return { key };
    let entry: KbEntry | undefined;
    if (a.aliases.length > 0) entry = linkEntry(kb, a.name, a.aliases, this.fold);
    else {
      let e = this.kbCache.get(a.name);
      if (e === undefined) this.kbCache.set(a.name, (e = linkEntry(kb, a.name, a.aliases, this.fold) ?? null));
      entry = e ?? undefined;
    }
    if (!entry && key !== it.key0) {
      const viaKey = kb.lookupFolded(key); // an acronym's long name, a surname's full name
      if (viaKey.length === 1) entry = viaKey[0];
    }
    return entry ? { key: 'kb:' + entry.id, kb: entry } : { key };
  }

  private join(it: Item, key: string, kb: KbEntry | undefined): void {
    let g = this.groups.get(key);
    if (!g) {
      g = { key, kb, items: [], articleCount: 0, mentions: 0, dirty: false, first: 0 };
      this.groups.set(key, g);
    }
    if (!this.sharesArticle(it, g)) g.articleCount++;
    it.group = g;
    it.groupPos = g.items.length;
    g.items.push(it);
    g.mentions += it.actor.mentions.length >> 1;
    this.touch(g);
  }

  private leave(it: Item): void {
    const g = it.group!;
    const last = g.items.pop()!;
    if (last !== it) (g.items[it.groupPos] = last), (last.groupPos = it.groupPos);
    it.group = undefined;
    if (!this.sharesArticle(it, g)) g.articleCount--;
    g.mentions -= it.actor.mentions.length >> 1;
    if (g.items.length === 0) this.groups.delete(g.key);
    this.touch(g);
  }

  /** Whether another actor of the item's article is in the group. */
  private sharesArticle(it: Item, g: Group): boolean {
    for (const o of it.article.items) if (o !== it && o.group === g) return true;
    return false;
  }

  private touch(g: Group): void {
    if (g.dirty) return;
    g.dirty = true;
    this.dirty.push(g);
  }

  // ---- working out the corpus actors of changed groups ----

  private flush(): void {
    if (this.dirty.length === 0) return;
    const patch = this.dirty.length <= RESORT_OVER && this.sorted.length > 0;
    for (const g of this.dirty) {
      if (g.actor) {
        if (patch) this.sorted.splice(this.position(g), 1);
        this.dropActor(g);
      }
    }
    for (const g of this.dirty) {
      g.dirty = false;
      if (g.items.length === 0 || this.groups.get(g.key) !== g) continue;
      const actor = this.materialize(g);
      g.actor = actor;
      this.byIdMap.set(actor.id, g);
      if (this.byName) this.addNames(g);
      if (patch) this.sorted.splice(this.position(g), 0, g);
    }
    if (!patch) {
      this.sorted = [];
      for (const g of this.groups.values()) this.sorted.push(g);
      this.sorted.sort(compareGroups);
    }
    this.dirty.length = 0;
    this.actorList = undefined;
  }

  /** Where the group is, or would go, in the sorted list (by its current actor). */
  private position(g: Group): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareGroups(this.sorted[mid], g);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid;
      else return mid;
    }
    return lo;
  }

  private dropActor(g: Group): void {
    const actor = g.actor!;
    if (this.byIdMap.get(actor.id) === g) this.byIdMap.delete(actor.id);
    if (this.byName) {
      for (const n of namesOf(actor)) {
        const k = this.fold(n);
        const l = this.byName.get(k);
        if (l === g) this.byName.delete(k);
        else if (Array.isArray(l)) {
          const i = l.indexOf(g);
          if (i >= 0) l.splice(i, 1);
          if (l.length === 1) this.byName.set(k, l[0]);
        }
      }
    }
    g.actor = undefined;
  }

  private addNames(g: Group): void {
    const byName = this.byName!;
    for (const n of namesOf(g.actor!)) {
      const k = this.fold(n);
      const l = byName.get(k);
      if (l === undefined) byName.set(k, g);
      else if (l === g) continue;
      else if (!Array.isArray(l)) byName.set(k, [l, g]);
      else if (!l.includes(g)) l.push(g);
    }
  }

  /** The corpus actor of a group: one pass over its article actors in the model's order. */
  private materialize(g: Group): CorpusActor {
    const items = g.items;
    if (items.length > 1) items.sort(byOrder);
    for (let i = 0; i < items.length; i++) items[i].groupPos = i;
    g.first = items[0].order;
    const fold = this.fold;
    const names = new Map<string, number>();
    const forms = new Map<string, string>();
    const kindWeight = new Map<EntityKind, number>();
    const roles = new Map<string, CorpusActorRole>();
    const articles: CorpusActorArticle[] = [];
    for (const it of items) {
      const a = it.actor;
      const s = it.article.summary;
      const count = a.mentions.length >> 1;
      names.set(a.name, (names.get(a.name) ?? 0) + count);
      kindWeight.set(a.kind, (kindWeight.get(a.kind) ?? 0) + count);
      const nk = fold(a.name);
      if (!forms.has(nk)) forms.set(nk, a.name);
      for (const f of a.aliases) {
        const k = fold(f);
        if (!forms.has(k)) forms.set(k, f);
      }
      // An article's actors come together: the group's last article is this one or none of its articles is.
      const last = articles.length > 0 ? articles[articles.length - 1] : undefined;
      const again = last !== undefined && last.relPath === s.relPath;
      if (again) last.mentions = mergeSpans(last.mentions, a.mentions);
      else articles.push({ relPath: s.relPath, date: s.date, title: s.title, mentions: a.mentions });
      for (const r of a.roles) {
        const rk = fold(r);
        const role = roles.get(rk);
        if (!role) roles.set(rk, { role: r, firstDate: s.date, lastDate: s.date, articles: 1 });
        else if (!again) {
          role.articles++;
          if (s.date) {
            if (!role.firstDate || s.date < role.firstDate) role.firstDate = s.date;
            if (!role.lastDate || s.date > role.lastDate) role.lastDate = s.date;
          }
        }
      }
    }
    const kind = g.kb?.kind ?? vote(kindWeight);
    const name = g.kb?.name ?? bestName(names, (n) => this.nameKey(fold(n)) === g.key);
    const nameFold = fold(name);
    const aliases: string[] = [];
    const seen = new Set([nameFold]);
    for (const [k, f] of forms) if (!seen.has(k)) (seen.add(k), aliases.push(f));
    for (const f of g.kb?.aliases ?? []) {
      const k = fold(f);
      if (!seen.has(k)) (seen.add(k), aliases.push(f));
    }
    articles.sort(newestFirst);
    let firstDate: string | undefined;
    let lastDate: string | undefined;
    for (const a of articles) {
      if (!a.date) continue;
      if (!firstDate || a.date < firstDate) firstDate = a.date;
      if (!lastDate || a.date > lastDate) lastDate = a.date;
    }
    return {
      id: g.kb ? g.kb.id : kind + ':' + g.key,
      name,
      kind,
      aliases,
      roles: [...roles.values()].sort((a, b) => b.articles - a.articles || cmp(a.role, b.role)),
      articleCount: articles.length,
      mentionCount: g.mentions,
      ...(firstDate ? { firstDate } : {}),
      ...(lastDate ? { lastDate } : {}),
      articles,
      ...(g.kb ? { kb: entryRef(g.kb) } : {}),
      codes: g.kb ? g.kb.codes.slice() : [],
    };
  }

  private readonly fold = (s: string): string => {
    let f = this.foldCache.get(s);
    if (f === undefined) {
      if (this.foldCache.size > 1_000_000) this.foldCache.clear();
      this.foldCache.set(s, (f = foldName(s)));
    }
    return f;
  };

  private nameKey(folded: string): string {
    let k = this.keyCache.get(folded);
    if (k === undefined) {
      if (this.keyCache.size > 1_000_000) this.keyCache.clear();
      this.keyCache.set(folded, (k = stripTitles(folded)));
    }
    return k;
  }

  // ---- queries (CorpusActorIndex) ----

  /** All corpus actors, most articles first (then most mentions, then name). A new array after each change. */
  get actors(): CorpusActor[] {
    this.flush();
    if (!this.actorList) this.actorList = this.sorted.map((g) => g.actor!);
    return this.actorList;
  }

  byId(id: string): CorpusActor | undefined {
    this.flush();
    return this.byIdMap.get(id)?.actor;
  }

  find(name: string): CorpusActor[] {
    this.flush();
    if (!this.byName) {
      this.byName = new Map();
      for (const g of this.sorted) this.addNames(g);
    }
    const l = this.byName.get(foldName(name));
    if (l === undefined) return [];
    if (!Array.isArray(l)) return [l.actor!];
    return l.slice().sort(compareGroups).map((g) => g.actor!);
  }

  actorsOf(relPath: string): CorpusActor[] {
    this.flush();
    const out: CorpusActor[] = [];
    for (const it of this.articles.get(relPath)?.items ?? []) {
      const a = it.group!.actor!;
      if (!out.includes(a)) out.push(a);
    }
    return out;
  }

  actorOf(relPath: string, articleActorName: string): CorpusActor | undefined {
    this.flush();
    const hit = this.articles.get(relPath)?.items.find((it) => it.actor.name === articleActorName);
    return hit?.group!.actor;
  }

  coActors(id: string): CoActor[] {
    this.flush();
    const actor = this.byIdMap.get(id)?.actor;
    if (!actor) return [];
    const counts = new Map<CorpusActor, number>();
    for (const art of actor.articles) {
      const seen = new Set<CorpusActor>();
      for (const it of this.articles.get(art.relPath)?.items ?? []) {
        const other = it.group!.actor!;
        if (other === actor || seen.has(other)) continue;
        seen.add(other);
        counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    return [...counts]
      .map(([a, n]) => ({ actor: a, articles: n }))
      .sort((x, y) => y.articles - x.articles || y.actor.articleCount - x.actor.articleCount || cmp(x.actor.name, y.actor.name));
  }
}

function namesOf(a: CorpusActor): string[] {
  return [a.name, ...a.aliases];
}

function byOrder(a: Item, b: Item): number {
  return a.order - b.order;
}

/** The order of `actors`: most articles, most mentions, name, then first seen. */
function compareGroups(x: Group, y: Group): number {
  const a = x.actor!;
  const b = y.actor!;
  return b.articleCount - a.articleCount || b.mentionCount - a.mentionCount || cmp(a.name, b.name) || x.first - y.first;
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
