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

/** What a surface name gives, worked out once per name. */
interface NameInfo {
  folded: string;
  /** Folded, leading titles removed. */
  key0: string;
  acronym: boolean;
  /** For a person's full name: the surname (last word of key0); '' otherwise. */
  surname: string;
  /** The knowledge-base entry the name alone links to (null: none; undefined: not looked up). */
  link: KbEntry | null | undefined;
  /** The fact its identity reads (null: none; undefined: not looked up), the fact its surname feeds. */
  fact: Fact | null | undefined;
  surnameFact: Fact | undefined;
  /** The group its last article actor joined (a shortcut past the group map). */
  group: Group | undefined;
}

/**
 * A corpus-wide fact some identities read: the long name the definitions of an acronym vote for,
 * or the one full person name ending with a surname (none when several do).
 */
interface Fact {
  acronym: boolean;
  /** acronym: folded long name → votes; surname: full name → article actors bearing it. */
  counts: Map<string, number> | undefined;
  value?: string;
  /** Article actors whose identity reads the fact. */
  deps: Item[];
  /** Set while an update runs: the value before it. */
  touched: boolean;
  before?: string;
}

/** One actor of one article. */
interface Item {
  article: Article;
  actor: ActorSummary;
  info: NameInfo;
  /** seq * ITEM_SPAN + index of the actor in its article: the order of a single pass. */
  order: number;
  fact?: Fact;
  factPos: number;
  group?: Group;
  groupPos: number;
}

interface Group {
  key: string;
  kb?: KbEntry;
  items: Item[];
  mentions: number;
  /** False once emptied and out of the group map. */
  alive: boolean;
  dirty: boolean;
  /** The corpus actor as last worked out (undefined: never, or removed). */
  actor?: CorpusActor;
  /** Sort keys of that actor: articles, mentions, name, order of its first article actor. */
  sArticles: number;
  sMentions: number;
  sName: string;
  first: number;
}

export class CorpusActorModel implements CorpusActorIndex {
  private kb?: KnowledgeBase;
  private readonly articles = new Map<string, Article>();
  private nextSeq = 0;
  private readonly groups = new Map<string, Group>();
  private readonly acronymFacts = new Map<string, Fact>();
  private readonly surnameFacts = new Map<string, Fact>();
  private readonly dirty: Group[] = [];
  /** Groups with an actor, in the order of `actors`. */
  private sorted: Group[] = [];
  private actorList?: CorpusActor[];
  /** Built on the first query that needs it, then kept up to date. */
  private byIdMap?: Map<string, Group>;
  private byName?: Map<string, Group | Group[]>;
  private nameInfos = new Map<string, NameInfo>();
  private readonly foldCache = new Map<string, string>();

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
    this.nameInfos = new Map();
    const all = [...this.articles.values()];
    for (const art of all) art.items = [];
    this.groups.clear();
    this.acronymFacts.clear();
    this.surnameFacts.clear();
    this.dirty.length = 0;
    this.sorted = [];
    this.byIdMap = undefined;
    this.byName = undefined;
    this.apply([], all);
  }

  get knowledgeBase(): KnowledgeBase | undefined {
    return this.kb;
  }

  /** The summaries, in the model's order. */
  *summaries(): IterableIterator<ArticleSummary> {
    for (const a of this.articles.values()) yield a.summary;
  }

  /** Number of articles. */
  get size(): number {
    return this.articles.size;
  }

  private apply(removed: Article[], added: Article[]): void {
    const touched: Fact[] = [];
    for (const art of removed) {
      this.facts(art, -1, touched);
      for (const it of art.items) {
        if (it.fact) this.unlinkFact(it);
        if (it.group) this.leave(it);
      }
    }
    for (const art of added) {
      const actors = art.summary.actors;
      for (let i = 0; i < actors.length; i++) {
        const a = actors[i];
        const info = this.info(a.name);
        if (info.fact === undefined) {
          info.fact = info.acronym
            ? this.fact(this.acronymFacts, info.folded, true)
            : info.key0.includes(' ')
              ? null
              : this.fact(this.surnameFacts, info.key0, false);
        }
        const it: Item = { article: art, actor: a, info, order: art.seq * ITEM_SPAN + i, fact: info.fact ?? undefined, factPos: -1, group: undefined, groupPos: -1 };
        if (it.fact) {
          it.factPos = it.fact.deps.length;
          if (it.factPos === 0) it.fact.deps = [it];
          else it.fact.deps.push(it);
        }
        art.items.push(it);
      }
    }
    for (const art of added) this.facts(art, 1, touched);
    // Article actors whose fact changed value are resolved again (new ones are resolved below).
    for (const f of touched) {
      f.touched = false;
      if (f.value === f.before) continue;
      for (const it of f.deps) {
        if (!it.group) continue;
        const key = this.resolve(it);
        if (it.group.key === key) continue;
        this.leave(it);
        this.join(it, key, this.resolvedKb);
      }
    }
    for (const art of added) for (const it of art.items) this.join(it, this.resolve(it), this.resolvedKb);
    this.actorList = undefined;
  }

  private info(name: string): NameInfo {
    let info = this.nameInfos.get(name);
    if (info === undefined) {
      if (this.nameInfos.size > 1_000_000) this.nameInfos = new Map();
      const folded = this.fold(name);
      const key0 = stripTitles(folded);
      const sp = key0.lastIndexOf(' ');
      info = { folded, key0, acronym: ACRONYM.test(name), surname: sp < 0 ? '' : key0.slice(sp + 1), link: undefined, fact: undefined, surnameFact: undefined, group: undefined };
      this.nameInfos.set(name, info);
    }
    return info;
  }

  private fact(facts: Map<string, Fact>, key: string, acronym: boolean): Fact {
    let f = facts.get(key);
    if (!f) facts.set(key, (f = { acronym, counts: undefined, value: undefined, deps: [], touched: false, before: undefined }));
    return f;
  }

  /** Adds (sign 1) or takes back (-1) an article's votes for acronyms and its full person names. */
  private facts(art: Article, sign: 1 | -1, touched: Fact[]): void {
    for (const d of art.summary.acronyms) {
      const f = this.fact(this.acronymFacts, this.fold(d.short), true);
      const counts = this.count(f, this.info(d.long).key0, sign, touched);
      let best = '';
      let most = -1;
      for (const [l, c] of counts) if (c > most || (c === most && l < best)) (best = l), (most = c);
      f.value = most < 0 ? undefined : best;
    }
    for (const it of art.items) {
      if (it.actor.kind !== 'person') continue;
      const info = it.info;
      if (!info.surname) continue;
      const f = info.surnameFact ?? (info.surnameFact = this.fact(this.surnameFacts, info.surname, false));
      const counts = this.count(f, info.key0, sign, touched);
      f.value = counts.size === 1 ? (counts.keys().next().value as string) : undefined;
    }
  }

  private count(f: Fact, key: string, sign: 1 | -1, touched: Fact[]): Map<string, number> {
    if (!f.touched) {
      f.touched = true;
      f.before = f.value;
      touched.push(f);
    }
    const counts = f.counts ?? (f.counts = new Map());
    const n = (counts.get(key) ?? 0) + sign;
    if (n > 0) counts.set(key, n);
    else counts.delete(key);
    return counts;
  }

  private unlinkFact(it: Item): void {
    const f = it.fact!;
    const last = f.deps.pop()!;
    if (last !== it) (f.deps[it.factPos] = last), (last.factPos = it.factPos);
    it.fact = undefined;
  }

  /** The KB entry of the last resolve(). */
  private resolvedKb?: KbEntry;

  /** The identity of an article actor: its group key (and its knowledge-base entry in resolvedKb). */
  private resolve(it: Item): string {
    const a = it.actor;
    const info = it.info;
    const key = it.fact?.value || info.key0;
    const kb = this.kb;
    this.resolvedKb = undefined;
    if (!kb) return key;
    let entry: KbEntry | undefined;
    if (a.aliases.length > 0) entry = linkEntry(kb, a.name, a.aliases, this.fold);
    else {
      if (info.link === undefined) info.link = linkEntry(kb, a.name, a.aliases, this.fold) ?? null;
      entry = info.link ?? undefined;
    }
    if (!entry && key !== info.key0) {
      const viaKey = kb.lookupFolded(key); // an acronym's long name, a surname's full name
      if (viaKey.length === 1) entry = viaKey[0];
    }
    if (!entry) return key;
    this.resolvedKb = entry;
    return 'kb:' + entry.id;
  }

  private join(it: Item, key: string, kb: KbEntry | undefined): void {
    const info = it.info;
    let g = info.group;
    if (g === undefined || !g.alive || g.key !== key) g = this.groups.get(key);
    it.group = g;
    if (!g) {
      // A new group's list of article actors starts at its exact size (most groups keep one).
      g = { key, kb, items: [it], mentions: 0, alive: true, dirty: false, actor: undefined, sArticles: 0, sMentions: 0, sName: '', first: 0 };
      this.groups.set(key, g);
      it.group = g;
      it.groupPos = 0;
    } else {
      it.groupPos = g.items.length;
      g.items.push(it);
    }
    info.group = g;
    g.mentions += it.actor.mentions.length >> 1;
    this.touch(g);
  }

  private leave(it: Item): void {
    const g = it.group!;
    const last = g.items.pop()!;
    if (last !== it) (g.items[it.groupPos] = last), (last.groupPos = it.groupPos);
    it.group = undefined;
    g.mentions -= it.actor.mentions.length >> 1;
    if (g.items.length === 0) {
      this.groups.delete(g.key);
      g.alive = false;
    }
    this.touch(g);
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
      if (!g.alive) continue;
      const actor = g.items.length === 1 ? this.materializeOne(g) : this.materialize(g);
      g.actor = actor;
      g.sArticles = actor.articleCount;
      g.sMentions = actor.mentionCount;
      g.sName = actor.name;
      if (this.byIdMap) this.byIdMap.set(actor.id, g);
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
    if (this.byIdMap?.get(actor.id) === g) this.byIdMap.delete(actor.id);
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

  /** The corpus actor of a group of one article actor (most groups): materialize() without its maps. */
  private materializeOne(g: Group): CorpusActor {
    const it = g.items[0];
    it.groupPos = 0;
    g.first = it.order;
    const a = it.actor;
    const s = it.article.summary;
    const fold = this.fold;
    const kind = g.kb?.kind ?? a.kind;
    const name = g.kb?.name ?? a.name;
    const nameFold = g.kb ? fold(name) : it.info.folded;
    const aliases: string[] = [];
    const nk = it.info.folded;
    if (nk !== nameFold || a.aliases.length > 0 || (g.kb && g.kb.aliases.length > 0)) {
      const seen = new Set([nameFold]);
      if (!seen.has(nk)) (seen.add(nk), aliases.push(a.name));
      for (const f of a.aliases) {
        const k = fold(f);
        if (!seen.has(k)) (seen.add(k), aliases.push(f));
      }
      for (const f of g.kb?.aliases ?? []) {
        const k = fold(f);
        if (!seen.has(k)) (seen.add(k), aliases.push(f));
      }
    }
    let roles: CorpusActorRole[];
    if (a.roles.length === 0) roles = [];
    else if (a.roles.length === 1) roles = [{ role: a.roles[0], firstDate: s.date, lastDate: s.date, articles: 1 }];
    else {
      const byRole = new Map<string, CorpusActorRole>();
      for (const r of a.roles) {
        const rk = fold(r);
        const role = byRole.get(rk);
        if (!role) byRole.set(rk, { role: r, firstDate: s.date, lastDate: s.date, articles: 1 });
        else role.articles++;
      }
      roles = [...byRole.values()].sort(byArticlesThenRole);
    }
    return actorOf(g, kind, name, aliases, roles, g.mentions, s.date, s.date, [{ relPath: s.relPath, date: s.date, title: s.title, mentions: a.mentions }]);
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
    const name = g.kb?.name ?? bestName(names, (n) => this.info(n).key0 === g.key);
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
    return actorOf(g, kind, name, aliases, [...roles.values()].sort(byArticlesThenRole), g.mentions, firstDate, lastDate, articles);
  }

  private readonly fold = (s: string): string => {
    let f = this.foldCache.get(s);
    if (f === undefined) {
      if (this.foldCache.size > 1_000_000) this.foldCache.clear();
      this.foldCache.set(s, (f = foldName(s)));
    }
    return f;
  };

  // ---- queries (CorpusActorIndex) ----

  /** All corpus actors, most articles first (then most mentions, then name). A new array after each change. */
  get actors(): CorpusActor[] {
    this.flush();
    if (!this.actorList) this.actorList = this.sorted.map((g) => g.actor!);
    return this.actorList;
  }

  byId(id: string): CorpusActor | undefined {
    return this.groupById(id)?.actor;
  }

  private groupById(id: string): Group | undefined {
    this.flush();
    if (!this.byIdMap) {
      this.byIdMap = new Map();
      for (const g of this.sorted) this.byIdMap.set(g.actor!.id, g);
    }
    return this.byIdMap.get(id);
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
    const actor = this.groupById(id)?.actor;
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

/** A corpus actor, its keys in the order of the CorpusActor type (JSON output keeps it). */
function actorOf(
  g: Group,
  kind: EntityKind,
  name: string,
  aliases: string[],
  roles: CorpusActorRole[],
  mentions: number,
  firstDate: string | undefined,
  lastDate: string | undefined,
  articles: CorpusActorArticle[],
): CorpusActor {
  const actor = { id: g.kb ? g.kb.id : kind + ':' + g.key, name, kind, aliases, roles, articleCount: articles.length, mentionCount: mentions } as CorpusActor;
  if (firstDate) actor.firstDate = firstDate;
  if (lastDate) actor.lastDate = lastDate;
  actor.articles = articles;
  if (g.kb) actor.kb = entryRef(g.kb);
  actor.codes = g.kb ? g.kb.codes.slice() : [];
  return actor;
}

function namesOf(a: CorpusActor): string[] {
  return [a.name, ...a.aliases];
}

function byOrder(a: Item, b: Item): number {
  return a.order - b.order;
}

/** The order of `actors`: most articles, most mentions, name, then first seen. */
function compareGroups(x: Group, y: Group): number {
  return y.sArticles - x.sArticles || y.sMentions - x.sMentions || (x.sName < y.sName ? -1 : x.sName > y.sName ? 1 : x.first - y.first);
}

function byArticlesThenRole(a: CorpusActorRole, b: CorpusActorRole): number {
  return b.articles - a.articles || cmp(a.role, b.role);
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
