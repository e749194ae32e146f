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
import { LruMap } from '../text/lru';
import type { EntityKind } from '../types';
import { actorSpans, NO_NAMES, type ActorSummary, type ArticleSummary } from './articleSummary';
import type { CoActor, CorpusActorIndex } from './corpusActors';
import { entryRef, linkEntry, type KbEntry, type KnowledgeBase } from './knowledgeBase';
import { SORT_STEP_WORK, SortedChunks, sortInSteps } from './sortedChunks';
import type { CorpusActor, CorpusActorArticle, CorpusActorRole } from './types';

const ACRONYM = /^[\p{Lu}\d&-]{2,}$/u;
/** More groups changed than this (or than a quarter of all): the sorted lists are sorted again rather than patched. */
const RESORT_OVER = 2000;
/** A query for at most this many first actors before the lists are sorted selects them instead (a first screen). */
const SELECT_UP_TO = 1000;
/** Names of a group materialize tells apart by their NameInfo alone. */
const FEW_NAMES = 16;
/**
 * Surface names whose NameInfo the model looks up by name (see info): the names last asked. Each
 * article actor keeps its own; the map only lets the actors of one name share theirs, and one entry
 * per name of the corpus took 7.3 MB at 10,000 real articles (237,000 names) for names that most
 * often occur once.
 */
const NAME_INFOS = 50_000;
/** An update of this many articles or more keeps no aggregates as it goes: the flush works them out from the items. */
const BULK_ARTICLES = 200;
/**
 * A group keeps its aggregates (weights, names) between updates from this many article actors on;
 * a smaller one has them worked out from its items at each flush that finds it changed (at most
 * this many visited). Kept for every group of two or more, they took 15 MB at 10,000 real articles
 * (37,800 groups, most of two to five article actors): about half of why a cold index's model was
 * larger than the same model loaded from the store (218.6 against 190.4 MB of heap).
 */
const AGGREGATES_FROM = 16;

interface Article {
  summary: ArticleSummary;
  /** The summary's path, date and title (a corpus actor's list of articles reads them, from articles
   * few enough to stay in the processor's cache, where the summaries are not). */
  relPath: string;
  date: string | undefined;
  title: string | undefined;
  /** Place in the model's order of summaries. */
  seq: number;
  items: Item[];
  /** Its items by article actor name (the first of a name), for actorOf; made for `items` as it was then. */
  byName?: { of: Item[]; size: number; map: Map<string, Item> };
}

/** What a surface name gives, worked out once per name. */
interface NameInfo {
  folded: string;
  /** Folded, leading titles removed. */
  key0: string;
  /** The knowledge-base entry the name alone links to (null: none; undefined: not looked up). */
  link: KbEntry | null | undefined;
  /** The fact its identity reads, and the fact its surname (the last word of key0) feeds as a
   * person's full name (null: none; undefined: not looked up). */
  fact: Fact | null | undefined;
  surnameFact: Fact | null | undefined;
}

/**
 * A corpus-wide fact some identities read: the long name the definitions of an acronym vote for,
 * or the one full person name ending with a surname (none when several do).
 */
interface Fact {
  /** acronym: folded long name → votes; surname: full name → article actors bearing it. While no
   * more than one name has had votes, that name and its votes (`one`, `oneN`) without a map: most
   * facts never see a second. */
  one: string | undefined;
  oneN: number;
  counts: Map<string, number> | undefined;
  value?: string;
  /** Article actors whose identity reads the fact: none, the one, or a list once a second does (most
   * facts have one: a list of one took 56 bytes). */
  deps: Item | Item[] | undefined;
}

/** The facts an update voted in, each with its value before the update (kept apart from the facts: two fields each of 91,600 took 1.5 MB). */
type Touched = Map<Fact, string | undefined>;

/** One actor of one article (its fact, if any, is info.fact: an article actor reads the fact of its name). */
interface Item {
  article: Article;
  info: NameInfo;
  /** The actor's index in its article: with the article's seq, the order of a single pass. */
  index: number;
  /** Its place in info.fact's deps (-1: none), and in its group's items (groupPos). */
  factPos: number;
  group: Group | undefined;
  groupPos: number;
}

const NO_ITEMS: Item[] = [];

/** An article actor's summary: its article's actor at its index (not kept in the item: 8 bytes each of 401,000). */
function summaryActor(it: Item): ActorSummary {
  return it.article.summary.actors[it.index];
}

/** A surface name within a group: its mentions and article actors, whether it is a full name of the group, where first seen. */
interface NameStat {
  count: number;
  n: number;
  full: boolean;
  seq: number;
  index: number;
}

/** Flags of a group (its `flags` bits). */
const ORDERED = 1;
const RECOUNT = 2;
const ALIVE = 4;
const DIRTY = 8;
const LISTED = 16;
/** Bits 5–6: the group's kind, as its index in KINDS (a field of its own took 8 bytes a group). */
const KIND_SHIFT = 5;
const KIND_BITS = 3 << KIND_SHIFT;

/** What a group of many article actors keeps up to date as they join and leave. */
interface Aggregates {
  /** Mentions per kind (person, organization, place, other), then article actors per kind. */
  weights: number[];
  /** Mentions per surface name and where each was first seen (none with a KB entry). */
  names: Map<string, NameStat> | undefined;
}

interface Group {
  key: string;
  kb: KbEntry | undefined;
  /** Its article actors: the one, or a list once a second joined (most groups keep one). */
  items: Item | Item[];
  /** ORDERED: `items` are in the model's order (materialize reads them so; sorted when asked).
   * RECOUNT: joined in a bulk load since the last flush: the aggregates below are worked out again
   * from `items`. ALIVE: false once emptied and out of the group map. DIRTY: changed since the last
   * flush. LISTED: in the lists (and the id and name maps), under the sort keys below. KIND_BITS: its
   * kind as last worked out (see groupKind). */
  flags: number;
  /** Kept up to date by join and leave: mentions, articles, the first article actor in the model's
   * order. With the name, the sort keys: a group leaves the sorted lists as its first change since
   * the last flush begins (touch), so its keys never change while it is in them. */
  mentions: number;
  articles: number;
  seq0: number;
  index0: number;
  /** Its aggregates, from AGGREGATES_FROM article actors on (one field for both: few groups have them). */
  agg: Aggregates | undefined;
  /** The name as last worked out (at a flush). */
  sName: string;
  /** The name's first two UTF-16 code units, then its third, as small integers in the order of the
   * name: most comparisons end there without reading the strings. */
  sPrefix: number;
  sThird: number;
  /** Its folded names as the name map (byName) holds it under them, while that map exists: one, or a
   * list (most groups have one; a Map from group to list held 22 MB at 231,000 groups). */
  forms: string | string[] | undefined;
  /** The corpus actor, once a query asked for it (undefined again after a change). */
  actor: CorpusActor | undefined;
}

export class CorpusActorModel implements CorpusActorIndex {
  private kb?: KnowledgeBase;
  private readonly articles = new Map<string, Article>();
  private nextSeq = 0;
  private readonly groups = new Map<string, Group>();
  private readonly acronymFacts = new Map<string, Fact>();
  private readonly surnameFacts = new Map<string, Fact>();
  private readonly dirty: Group[] = [];
  /** Groups, in the order of `actors`; and those of each kind. */
  private readonly sorted = new SortedChunks<Group>(compareGroups);
  private readonly byKind = new Map<EntityKind, SortedChunks<Group>>(KINDS.map((k) => [k, new SortedChunks<Group>(compareGroups)]));
  /** After a flush that worked out every group: the groups of each kind (in the order of KINDS), not
   * yet sorted (the sorted lists above are then empty); and the first groups selected so far, of
   * each kind, then of all (a first screen needs no sort). */
  private unsorted?: Group[][];
  private tops?: (Group[] | undefined)[];
  /** Groups listed by the last flush. */
  private listed = 0;
  private actorList?: CorpusActor[];
  /** Built on the first query that needs it, then kept up to date (a group's forms say under which names). */
  private byName?: Map<string, Group | Group[]>;
  private nameInfos: LruMap<string, NameInfo>;
  /** How many names' NameInfo the map keeps (NAME_INFOS unless the constructor was told). */
  private readonly nameInfoBound: number;
  /** From how many article actors a group keeps its aggregates (AGGREGATES_FROM unless the constructor was told). */
  private readonly aggregatesFrom: number;
  /** Folded aliases, roles and KB names last asked (fold): bounded, where one entry per string of the corpus was kept up to a million. */
  private readonly foldCache = new LruMap<string, string>(NAME_INFOS);

  /**
   * Work done by updates and flushes since the model was made, in elements visited (article actors
   * joined, left or scanned, groups and names re-keyed): what bounds a step, for tests.
   */
  workDone = 0;

  /** Groups keeping aggregates between updates (a pass over all groups, for tests). */
  groupsWithAggregates(): number {
    let n = 0;
    for (const g of this.groups.values()) if (g.agg !== undefined) n++;
    return n;
  }
  /** Set while an update of at least BULK_ARTICLES articles runs. */
  private bulk = false;
  /** Set while loadInSteps sets its articles: every update is a bulk one (no aggregates kept as article actors join). */
  private loading = false;
  /**
   * A first listing in progress (see flushPart): the groups of each kind listed so far, and how many
   * of the changed groups they are. A query finishes it (flush); an update abandons it.
   */
  private partial: { lists: Group[][]; done: number } | undefined;
  /** Counts the updates that changed the model (a reader working over turns sees whether it must start again). */
  version = 0;

  /**
   * options.nameInfos: how many names the NameInfo map keeps (default NAME_INFOS; tests give a few,
   * so that names are worked out again). options.aggregatesFrom: from how many article actors a
   * group keeps its aggregates (default AGGREGATES_FROM; tests give 2, so that small groups keep them).
   */
  constructor(kb?: KnowledgeBase, options: { nameInfos?: number; aggregatesFrom?: number } = {}) {
    this.kb = kb;
    this.nameInfoBound = options.nameInfos ?? NAME_INFOS;
    this.aggregatesFrom = Math.max(2, options.aggregatesFrom ?? AGGREGATES_FROM);
    this.nameInfos = new LruMap<string, NameInfo>(this.nameInfoBound);
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
      const art: Article = { summary: s, relPath: s.relPath, date: s.date, title: s.title, seq: old ? old.seq : this.nextSeq++, items: [] };
      this.articles.set(s.relPath, art);
      added.add(art);
    }
    if (removed.length > 0 || added.size > 0) this.apply(removed, [...added]);
  }

  /** The article actors the model holds for an article (0 when it holds none). */
  articleActorCount(relPath: string): number {
    return this.articles.get(relPath)?.items.length ?? 0;
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
    this.nameInfos = new LruMap<string, NameInfo>(this.nameInfoBound);
    const all = [...this.articles.values()];
    for (const art of all) art.items = [];
    this.groups.clear();
    this.acronymFacts.clear();
    this.surnameFacts.clear();
    this.dirty.length = 0;
    this.sorted.reset([]);
    for (const l of this.byKind.values()) l.reset([]);
    this.unsorted = undefined;
    this.tops = undefined;
    this.listed = 0;
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
    const touched: Touched = new Map();
    if (this.partial) this.abandonPartial();
    this.bulk = this.loading || added.length >= BULK_ARTICLES;
    // Only article actors already in groups can need resolving again (none on a first load).
    const resolved = this.groups.size > 0;
    for (const art of removed) {
      this.acronymVotes(art, -1, touched);
      for (const it of art.items) {
        this.surnameVote(it, -1, touched);
        if (it.factPos >= 0) this.unlinkFact(it);
        if (it.group) this.leave(it);
      }
    }
    for (const art of added) {
      const actors = art.summary.actors;
      // Of the exact length (pushed one at a time, a list kept a third more slots than it used).
      const items: Item[] = (art.items = new Array<Item>(actors.length));
      for (let i = 0; i < actors.length; i++) {
        const a = actors[i];
        const info = this.info(a.name);
        let fact = info.fact;
        if (fact === undefined) {
          fact = info.fact = ACRONYM.test(a.name)
            ? this.fact(this.acronymFacts, info.folded)
            : info.key0.includes(' ')
              ? null
              : this.fact(this.surnameFacts, info.key0);
        }
        const it: Item = { article: art, info, index: i, factPos: -1, group: undefined, groupPos: -1 };
        if (fact) {
          const deps = fact.deps;
          if (deps === undefined) (fact.deps = it), (it.factPos = 0);
          else if (!Array.isArray(deps)) (fact.deps = [deps, it]), (it.factPos = 1);
          else (it.factPos = deps.length), deps.push(it);
        }
        items[i] = it;
        this.surnameVote(it, 1, touched);
      }
      this.acronymVotes(art, 1, touched);
    }
    // Article actors whose fact changed value are resolved again (new ones are resolved below).
    for (const [f, before] of touched) {
      if (f.value === before || !resolved) continue;
      const deps = f.deps;
      for (const it of deps === undefined ? NO_ITEMS : Array.isArray(deps) ? deps : [deps]) {
        if (!it.group) continue;
        const key = this.resolve(it);
        if (it.group.key === key) continue;
        this.leave(it);
        this.join(it, key, this.resolvedKb);
      }
    }
    for (const art of added) for (const it of art.items) this.join(it, this.resolve(it), this.resolvedKb);
    this.actorList = undefined;
    this.bulk = false;
    this.version++;
  }

  private info(name: string): NameInfo {
    let info = this.nameInfos.get(name);
    if (info === undefined) {
      const folded = foldName(name);
      const key0 = stripTitles(folded);
      info = { folded, key0, link: undefined, fact: undefined, surnameFact: undefined };
      this.nameInfos.set(name, info, true);
    }
    return info;
  }

  private fact(facts: Map<string, Fact>, key: string): Fact {
    let f = facts.get(key);
    if (!f) facts.set(key, (f = { one: undefined, oneN: 0, counts: undefined, value: undefined, deps: undefined }));
    return f;
  }

  /** Adds (sign 1) or takes back (-1) an article's votes for the long names of acronyms. */
  private acronymVotes(art: Article, sign: 1 | -1, touched: Touched): void {
    for (const d of art.summary.acronyms) {
      const f = this.fact(this.acronymFacts, this.fold(d.short));
      const counts = this.vote(f, this.info(d.long).key0, sign, touched);
      let best = '';
      let most = -1;
      if (counts) for (const [l, c] of counts) if (c > most || (c === most && l < best)) (best = l), (most = c);
      f.value = counts ? (most < 0 ? undefined : best) : f.oneN > 0 ? f.one : undefined;
    }
  }

  /** Adds (sign 1) or takes back (-1) an article actor's full person name under its surname. */
  private surnameVote(it: Item, sign: 1 | -1, touched: Touched): void {
    if (summaryActor(it).kind !== 'person') return;
    const info = it.info;
    let f = info.surnameFact;
    if (f === undefined) {
      const surname = info.key0.slice(info.key0.lastIndexOf(' ') + 1);
      f = info.surnameFact = surname && surname !== info.key0 ? this.fact(this.surnameFacts, surname) : null;
    }
    if (f === null) return;
    const counts = this.vote(f, info.key0, sign, touched);
    f.value = counts ? (counts.size === 1 ? (counts.keys().next().value as string) : undefined) : f.oneN > 0 ? f.one : undefined;
  }

  /** Counts a vote; the fact's map of votes, or none while `one` holds them all. */
  private vote(f: Fact, key: string, sign: 1 | -1, touched: Touched): Map<string, number> | undefined {
    if (!touched.has(f)) touched.set(f, f.value);
    let counts = f.counts;
    if (counts === undefined) {
      if (f.oneN === 0 || f.one === key) {
        f.oneN += sign;
        f.one = f.oneN > 0 ? key : undefined;
        return undefined;
      }
      // A second name: votes are taken back only as they were given, so this is a first vote for it.
      counts = f.counts = new Map([[f.one!, f.oneN]]);
      f.one = undefined;
      f.oneN = 0;
    }
    const n = (counts.get(key) ?? 0) + sign;
    if (n > 0) counts.set(key, n);
    else counts.delete(key);
    return counts;
  }

  private unlinkFact(it: Item): void {
    const f = it.info.fact!;
    const deps = f.deps!;
    if (!Array.isArray(deps)) f.deps = undefined;
    else {
      const last = deps.pop()!;
      if (last !== it) (deps[it.factPos] = last), (last.factPos = it.factPos);
    }
    it.factPos = -1;
  }

  /** The KB entry of the last resolve(). */
  private resolvedKb?: KbEntry;

  /** The identity of an article actor: its group key (and its knowledge-base entry in resolvedKb). */
  private resolve(it: Item): string {
    const a = summaryActor(it);
    const info = it.info;
    const key = info.fact?.value || info.key0;
    const kb = this.kb;
    this.resolvedKb = undefined;
    if (!kb) return key;
    let entry: KbEntry | undefined;
    if (a.aliases !== undefined && a.aliases.length > 0) entry = linkEntry(kb, a.name, a.aliases, this.fold);
    else {
      if (info.link === undefined) info.link = linkEntry(kb, a.name, NO_NAMES, this.fold) ?? null;
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
    let g = this.groups.get(key);
    const count = summaryActor(it).mentionCount;
    this.workDone++;
    if (!g) {
      g = {
        key,
        kb,
        items: it,
        flags: ORDERED | ALIVE | (KINDS.indexOf('other') << KIND_SHIFT),
        mentions: count,
        articles: 1,
        seq0: it.article.seq,
        index0: it.index,
        agg: undefined,
        sName: '',
        sPrefix: 0,
        sThird: 0,
        forms: undefined,
        actor: undefined,
      };
      this.groups.set(key, g);
      it.group = g;
      it.groupPos = 0;
    } else {
      this.touch(g); // before any change: it leaves the sorted lists under its keys as they were
      // A bulk load works the aggregates out once at the flush, from the items (fewer look-ups).
      if (this.bulk) g.flags |= RECOUNT;
      // So does a group too small to keep them (worked out from its few items at the flush instead).
      if (g.agg === undefined && (Array.isArray(g.items) ? g.items.length : 1) + 1 < this.aggregatesFrom) g.flags |= RECOUNT;
      if ((g.flags & RECOUNT) === 0) {
        if (g.agg === undefined) this.startAggregates(g);
        this.addToAggregates(g, it, count);
        if (!this.holds(g, it)) g.articles++;
      }
      let items = g.items;
      if (!Array.isArray(items)) items = g.items = [items];
      const last = items[items.length - 1];
      if (before(it, last)) g.flags &= ~ORDERED;
      it.group = g;
      it.groupPos = items.length;
      items.push(it);
      g.mentions += count;
    }
    this.touch(g);
  }

  /** The aggregates of a group's article actors (as it reaches aggregatesFrom of them, or after a bulk load or a small group dropped them). */
  private startAggregates(g: Group): void {
    g.agg = { weights: [0, 0, 0, 0, 0, 0, 0, 0], names: g.kb ? undefined : new Map() };
    const items = g.items;
    if (!Array.isArray(items)) {
      this.workDone++;
      this.addToAggregates(g, items, summaryActor(items).mentionCount);
      return;
    }
    this.workDone += items.length;
    for (let i = 0; i < items.length; i++) this.addToAggregates(g, items[i], summaryActor(items[i]).mentionCount);
  }

  private addToAggregates(g: Group, it: Item, count: number): void {
    const seq = it.article.seq;
    if (seq < g.seq0 || (seq === g.seq0 && it.index < g.index0)) (g.seq0 = seq), (g.index0 = it.index);
    const agg = g.agg!;
    const w = agg.weights;
    const k = KINDS.indexOf(summaryActor(it).kind);
    w[k] += count;
    w[4 + k]++;
    const names = agg.names;
    if (!names) return;
    const name = summaryActor(it).name;
    const st = names.get(name);
    if (st === undefined) names.set(name, { count, n: 1, full: it.info.key0 === g.key, seq, index: it.index });
    else {
      st.count += count;
      st.n++;
      if (seq < st.seq || (seq === st.seq && it.index < st.index)) (st.seq = seq), (st.index = it.index);
    }
  }

  /** Takes an article actor that left back out of its group's aggregates (the group keeps a list of others). */
  private takeFromAggregates(g: Group, items: Item[], it: Item, count: number): void {
    const seq = it.article.seq;
    if (seq === g.seq0 && it.index === g.index0) {
      // It was the first: the first of those left (a scan, once per group whose first article changes).
      this.workDone += items.length;
      let f = items[0];
      for (let i = 1; i < items.length; i++) if (before(items[i], f)) f = items[i];
      g.seq0 = f.article.seq;
      g.index0 = f.index;
    }
    const agg = g.agg;
    if (!agg) return;
    const w = agg.weights;
    const k = KINDS.indexOf(summaryActor(it).kind);
    w[k] -= count;
    w[4 + k]--;
    const names = agg.names;
    if (!names) return;
    const name = summaryActor(it).name;
    const st = names.get(name)!;
    st.count -= count;
    if (--st.n === 0) names.delete(name);
    else if (st.seq === seq && st.index === it.index) {
      st.seq = Infinity;
      this.workDone += items.length;
      for (const x of items) {
        const xs = x.article.seq;
        if (summaryActor(x).name === name && (xs < st.seq || (xs === st.seq && x.index < st.index))) (st.seq = xs), (st.index = x.index);
      }
    }
  }

  /** Whether another article actor of it's article is in the group (a scan of the shorter of the two lists). */
  private holds(g: Group, it: Item): boolean {
    const art = it.article;
    const items = g.items;
    if (!Array.isArray(items)) {
      this.workDone++;
      return items.article === art && items !== it;
    }
    this.workDone += Math.min(art.items.length, items.length);
    if (art.items.length <= items.length) {
      for (const x of art.items) if (x.group === g && x !== it) return true;
    } else {
      for (const x of items) if (x.article === art && x !== it) return true;
    }
    return false;
  }

  private leave(it: Item): void {
    const g = it.group!;
    this.workDone++;
    this.touch(g); // before any change: it leaves the sorted lists under its keys as they were
    it.group = undefined;
    const count = summaryActor(it).mentionCount;
    g.mentions -= count;
    const items = g.items;
    if (Array.isArray(items)) {
      const last = items.pop()!;
      if (last !== it) (items[it.groupPos] = last), (last.groupPos = it.groupPos), (g.flags &= ~ORDERED);
    }
    if (!Array.isArray(items) || items.length === 0) {
      this.groups.delete(g.key);
      g.flags &= ~ALIVE;
    } else if ((g.flags & RECOUNT) === 0) {
      if (!this.holds(g, it)) g.articles--;
      this.takeFromAggregates(g, items, it, count);
    }
  }

  /**
   * Marks a group changed, before the change. While the lists are sorted and the changed groups few
   * enough for the next flush to patch them, it leaves the sorted lists now, under its keys as they
   * were; past that many, the flush lists all groups again.
   */
  private touch(g: Group): void {
    if (g.flags & DIRTY) return;
    g.flags |= DIRTY;
    if (g.flags & LISTED && !this.unsorted && this.dirty.length < this.patchUpTo()) {
      this.sorted.remove(g);
      this.kindList(groupKind(g)).remove(g);
    }
    this.dirty.push(g);
  }

  /** Changed groups a flush patches the sorted lists with, at most (more: it lists all groups again). */
  private patchUpTo(): number {
    return this.listed > 0 ? Math.max(RESORT_OVER, this.listed >> 2) : 0;
  }

  // ---- working out the corpus actors of changed groups ----

  /**
   * Brings the order up to date after updates: for each changed group, its sort keys (articles,
   * mentions, name, kind, id) and its place in the sorted lists. Its corpus actor (other names,
   * roles, articles) is worked out when a query returns it.
   */
  private flush(): void {
    if (this.partial) {
      this.flushPart(Infinity);
      return;
    }
    if (this.dirty.length === 0) return;
    const small = this.dirty.length <= this.patchUpTo();
    // Lists left unsorted are listed again (a pass over the groups) rather than sorted to be patched,
    // unless few groups changed (a host's steps: sorted once, then patched step by step). Sorted
    // lists are patched when touch took the changed groups out.
    const unsorted = this.unsorted !== undefined;
    const patch = small && (!unsorted || this.dirty.length <= RESORT_OVER);
    if (patch && unsorted) this.sortAll(); // the changed groups under their keys as they are now, taken out below
    // With none listed before (a first load), every group is among the changed ones: listed from them.
    const lists: Group[][] | undefined = patch ? undefined : KINDS.map(() => []);
    const fromDirty = this.listed === 0;
    if (!fromDirty) {
      for (const g of this.dirty) {
        if ((g.flags & LISTED) === 0) continue;
        if (patch && unsorted) {
          this.sorted.remove(g);
          this.kindList(groupKind(g)).remove(g);
        }
        if (this.byName) this.dropNames(g);
        g.flags &= ~LISTED;
      }
    }
    for (const g of this.dirty) {
      if (!this.keyChanged(g, !small)) continue;
      if (patch) {
        this.sorted.insert(g);
        this.kindList(groupKind(g)).insert(g);
      } else if (fromDirty) lists![kindIndex(g)].push(g);
    }
    if (lists) {
      // The groups of each kind, sorted when a query first needs more than the top of a list (sortAll).
      if (!fromDirty) for (const g of this.groups.values()) lists[kindIndex(g)].push(g);
      this.listUnsorted(lists);
    }
    this.flushed();
  }

  /**
   * A changed group no longer changed: its sort keys worked out, listed in the id and name maps if
   * they exist (the caller puts it in the lists); false for a group emptied meanwhile.
   */
  private keyChanged(g: Group, lean: boolean): boolean {
    g.flags &= ~DIRTY;
    g.actor = undefined;
    if ((g.flags & ALIVE) === 0) return false;
    this.sortKeys(g, lean);
    g.flags |= LISTED;
    if (this.byName) this.addNames(g);
    return true;
  }

  /** The lists as the groups of each kind, unsorted (the sorted lists emptied until sortAll). */
  private listUnsorted(lists: Group[][]): void {
    this.unsorted = lists;
    this.tops = [];
    this.sorted.reset([], true);
    for (const l of this.byKind.values()) l.reset([], true);
  }

  /** The end of a flush: no group is changed any more, all are listed. */
  private flushed(): void {
    this.dirty.length = 0;
    this.listed = this.groups.size;
    this.actorList = undefined;
  }

  /**
   * A first listing (nothing listed yet: a load) a bounded step at a time: works out the sort keys
   * of changed groups, in order, until their article actors add up to `maxWork` (at least one
   * group), and lists them as flush does for a first load; once all are, the lists are the model's
   * (unsorted, as after a bulk load). True when done.
   */
  private flushPart(maxWork: number): boolean {
    if (!this.partial) {
      if (this.listed > 0 || this.unsorted) {
        this.flush();
        return true;
      }
      this.partial = { lists: KINDS.map(() => []), done: 0 };
    }
    const p = this.partial;
    let work = 0;
    while (p.done < this.dirty.length && (work === 0 || work < maxWork)) {
      const g = this.dirty[p.done++];
      if (!this.keyChanged(g, true)) continue;
      work += 1 + (Array.isArray(g.items) ? g.items.length : 1);
      p.lists[kindIndex(g)].push(g);
    }
    if (p.done < this.dirty.length) return false;
    this.partial = undefined;
    this.listUnsorted(p.lists);
    this.flushed();
    return true;
  }

  /** An update came during a first listing in steps: the groups listed so far are changed ones again, for the next flush. */
  private abandonPartial(): void {
    const p = this.partial!;
    this.partial = undefined;
    for (let i = 0; i < p.done; i++) {
      const g = this.dirty[i];
      if (g.flags & LISTED) {
        if (this.byName) this.dropNames(g);
      }
      g.flags = (g.flags | DIRTY) & ~LISTED;
    }
  }

  /**
   * Loads summaries into a model that holds none, a bounded step per call, as one bulk load does:
   * the articles are set whole, up to `maxActors` article actors a step, keeping no aggregates as
   * article actors join, and the groups' sort keys are then worked out once each, up to `maxWork`
   * article actors' worth a step, then the sorted lists in steps (see loadInSteps). Yields after each step.
   */
  *loadSteps(summaries: readonly ArticleSummary[], maxActors: number, maxWork: number): Generator<number, void> {
    if (this.articles.size > 0) throw new Error('loadInSteps: the model already holds articles (feed it with feedInSteps)');
    for (let i = 0; i < summaries.length; ) {
      const from = i;
      let actors = 0;
      do actors += summaries[i++].actors.length;
      while (i < summaries.length && actors + summaries[i].actors.length <= maxActors);
      this.loading = true;
      try {
        this.setMany(summaries.slice(from, i));
      } finally {
        this.loading = false;
      }
      yield i;
    }
    while (!this.flushPart(maxWork)) yield summaries.length;
    // The sorted lists too: the first update or long query after a load would sort them at once
    // (0.3–0.4 s for the 231,000 corpus actors of 10,000 articles).
    yield* this.sortInSteps(summaries.length);
    yield summaries.length;
  }

  /** sortAll, a bounded step at a time (yielding `progress`); given up if a query sorts or an update comes between steps. */
  private *sortInSteps(progress: number): Generator<number, void> {
    const lists = this.unsorted;
    if (!lists) return;
    const version = this.version;
    const changed = () => this.unsorted !== lists || this.version !== version;
    const sorted: Group[][] = [];
    for (const l of lists) {
      const steps = sortInSteps(l, compareGroups);
      for (let r = steps.next(); ; r = steps.next()) {
        if (r.done) {
          sorted.push(r.value);
          break;
        }
        yield progress;
        if (changed()) return;
      }
    }
    const merge = mergeSortedInSteps(sorted);
    let all: Group[];
    for (let r = merge.next(); ; r = merge.next()) {
      if (r.done) {
        all = r.value;
        break;
      }
      yield progress;
      if (changed()) return;
    }
    this.useSorted(sorted, all);
  }

  /** Number of groups in the lists, sorted or not. */
  private listedCount(): number {
    if (!this.unsorted) return this.sorted.length;
    let n = 0;
    for (const l of this.unsorted) n += l.length;
    return n;
  }

  /** Sorts the groups a full flush left unsorted: each kind on its own, then merged (fewer comparisons than sorting all at once). */
  private sortAll(): void {
    const lists = this.unsorted;
    if (!lists) return;
    for (const l of lists) l.sort(compareGroups);
    this.useSorted(lists, mergeSorted(lists));
  }

  /** The sorted lists: each kind's groups, and all of them, in the order of `actors`. */
  private useSorted(kinds: Group[][], all: Group[]): void {
    this.unsorted = undefined;
    this.tops = undefined;
    KINDS.forEach((k, i) => this.kindList(k).reset(kinds[i], true));
    this.sorted.reset(all, true);
  }

  /**
   * Before the lists are sorted: the first groups (of one kind or all), at least `n` of them when
   * there are as many, selected in one pass and kept for the next query. Undefined once the lists
   * are sorted, or for more than SELECT_UP_TO.
   */
  private firstGroups(n: number, kind?: EntityKind): Group[] | undefined {
    const lists = this.unsorted;
    if (!lists || n > SELECT_UP_TO) return undefined;
    const k = kind ? KINDS.indexOf(kind) : KINDS.length;
    const tops = this.tops!;
    const top = tops[k];
    if (top && top.length >= n) return top;
    const from = kind ? [lists[k]] : lists;
    let size = 0;
    for (const l of from) size += l.length;
    if (top && top.length === size) return top;
    return (tops[k] = selectFirst(from, Math.min(n, size)));
  }

  private kindList(kind: EntityKind): SortedChunks<Group> {
    return this.byKind.get(kind)!;
  }

  /**
   * A group's sort keys, kind and id, from the aggregates join keeps: a cost of the group's number of
   * surface names, not of its article actors (a group of 3,000 article actors that one article joins
   * costs no more than a new one; one that leaves, no more unless it was the group's or its name's
   * first). After a bulk load, and for a group of fewer than AGGREGATES_FROM article actors, they
   * are worked out from the items.
   */
  private sortKeys(g: Group, lean: boolean): void {
    if (g.flags & RECOUNT) this.recount(g);
    this.workDone += 1 + (g.agg?.names?.size ?? 0);
    const items = g.items;
    if (!Array.isArray(items) || items.length === 1) {
      const a = summaryActor(Array.isArray(items) ? items[0] : items);
      setGroupKind(g, g.kb?.kind ?? a.kind);
      g.sName = g.kb?.name ?? a.name;
    } else {
      // After a bulk load most groups are never updated again: a lean flush keeps no aggregates (worked
      // out again on the first join), and works out what it needs without them when it has none.
      // So does any flush for a group of fewer than AGGREGATES_FROM article actors.
      const keep = !lean && items.length >= this.aggregatesFrom;
      if (!g.agg && !(!keep && this.leanKeys(g, items))) this.startAggregates(g); // dropped after a bulk load
      const agg = g.agg;
      if (agg) {
        setGroupKind(g, g.kb?.kind ?? kindOf(agg.weights));
        g.sName = g.kb?.name ?? bestName(agg.names!);
      }
      if (!keep) g.agg = undefined;
      // A small group's list at its exact length: grown by push, a list of two kept room for 19
      // (7.1 MB for the 37,800 lists of 10,000 real articles, most of two to five article actors).
      if (items.length < this.aggregatesFrom) g.items = items.slice();
    }
    const n = g.sName;
    // Small integers both (31 bits): a key past them would make the field a boxed number in every
    // group (16 bytes each). The second code unit's last bit moves to sThird; the order is the same.
    const c1 = n.length > 1 ? n.charCodeAt(1) : 0;
    g.sPrefix = (n.length > 0 ? n.charCodeAt(0) * 32768 : 0) + (c1 >> 1);
    g.sThird = (c1 & 1) * 65536 + (n.length > 2 ? n.charCodeAt(2) : 0);
  }

  /**
   * The kind and name of a group of several article actors, worked out without keeping aggregates,
   * when all its article actors bear one name (or it has a KB entry); false otherwise.
   */
  private leanKeys(g: Group, items: Item[]): boolean {
    const w = LEAN_WEIGHTS.fill(0);
    const name = summaryActor(items[0]).name;
    let one = true;
    this.workDone += items.length;
    for (let i = 0; i < items.length; i++) {
      const a = summaryActor(items[i]);
      const k = KINDS.indexOf(a.kind);
      w[k] += a.mentionCount;
      w[4 + k]++;
      if (one && a.name !== name) one = false;
    }
    if (!one && !g.kb) return false;
    setGroupKind(g, g.kb?.kind ?? kindOf(w));
    g.sName = g.kb?.name ?? name;
    return true;
  }

  /** What join kept of a group up to date worked out from its article actors, after a bulk load (the aggregates, in sortKeys). */
  private recount(g: Group): void {
    g.flags &= ~RECOUNT;
    this.order(g);
    const items = g.items;
    const first = Array.isArray(items) ? items[0] : items;
    g.seq0 = first.article.seq;
    g.index0 = first.index;
    g.agg = undefined;
    g.articles = 1;
    if (!Array.isArray(items) || items.length === 1) return;
    // In the model's order an article's actors are next to each other.
    for (let i = 1; i < items.length; i++) if (items[i].article !== items[i - 1].article) g.articles++;
  }

  /** Puts a group's article actors in the model's order (materialize and recount read them so). */
  private order(g: Group): void {
    if (g.flags & ORDERED) return;
    const items = g.items as Item[]; // a group of one is always in order
    items.sort(byOrder);
    for (let i = 0; i < items.length; i++) items[i].groupPos = i;
    g.flags |= ORDERED;
  }

  /** The corpus actor of a clean group, worked out on first use. */
  private actorOfGroup(g: Group): CorpusActor {
    if (g.actor) return g.actor;
    this.order(g);
    const items = g.items;
    return (g.actor = !Array.isArray(items) ? this.materializeOne(g, items) : items.length === 1 ? this.materializeOne(g, items[0]) : this.materialize(g, items));
  }

  private dropNames(g: Group): void {
    const byName = this.byName!;
    const forms = g.forms;
    g.forms = undefined;
    if (forms === undefined) return;
    for (const k of typeof forms === 'string' ? [forms] : forms) {
      const l = byName.get(k);
      if (l === g) byName.delete(k);
      else if (Array.isArray(l)) {
        const i = l.indexOf(g);
        if (i >= 0) l.splice(i, 1);
        if (l.length === 1) byName.set(k, l[0]);
      }
    }
  }

  private addNames(g: Group): void {
    addNamesTo(this.byName!, g, this.foldedNamesOf(g));
  }

  /**
   * The folded forms of a group's name and aliases (those of its corpus actor), read from its
   * article actors without working the corpus actor out: the first find() on 10,000 articles took
   * 1.3 s when it worked out every corpus actor.
   */
  private foldedNamesOf(g: Group): string[] {
    const items = g.items;
    // Most groups: one article actor of no alias and no KB entry, named as its article names it.
    if (!Array.isArray(items) && !g.kb && !summaryActor(items).aliases?.length) return [items.info.folded];
    const forms = new Set<string>([this.fold(g.sName)]);
    let lastInfo: NameInfo | undefined;
    for (const it of Array.isArray(items) ? items : [items]) {
      if (it.info !== lastInfo) forms.add((lastInfo = it.info).folded);
      const al = summaryActor(it).aliases ?? NO_NAMES;
      for (let j = 0; j < al.length; j++) forms.add(this.fold(al[j]));
    }
    for (const f of g.kb?.aliases ?? []) forms.add(this.fold(f));
    return [...forms];
  }

  /** The corpus actor of a group of one article actor (most groups): materialize() without its maps. */
  private materializeOne(g: Group, it: Item): CorpusActor {
    const a = summaryActor(it);
    const al = a.aliases ?? NO_NAMES;
    const rs = a.roles ?? NO_NAMES;
    const s = it.article;
    const fold = this.fold;
    const name = g.sName;
    const nameFold = g.kb ? fold(name) : it.info.folded;
    const aliases: string[] = [];
    const nk = it.info.folded;
    if (nk !== nameFold || al.length > 0 || (g.kb && g.kb.aliases.length > 0)) {
      const seen = new Set([nameFold]);
      if (!seen.has(nk)) (seen.add(nk), aliases.push(a.name));
      for (const f of al) {
        const k = fold(f);
        if (!seen.has(k)) (seen.add(k), aliases.push(f));
      }
      for (const f of g.kb?.aliases ?? []) {
        const k = fold(f);
        if (!seen.has(k)) (seen.add(k), aliases.push(f));
      }
    }
    let roles: CorpusActorRole[];
    if (rs.length === 0) roles = [];
    else if (rs.length === 1) roles = [{ role: rs[0], firstDate: s.date, lastDate: s.date, articles: 1 }];
    else {
      const byRole = new Map<string, CorpusActorRole>();
      for (const r of rs) {
        const rk = fold(r);
        const role = byRole.get(rk);
        if (!role) byRole.set(rk, { role: r, firstDate: s.date, lastDate: s.date, articles: 1 });
        else role.articles++;
      }
      roles = [...byRole.values()].sort(byArticlesThenRole);
    }
    return actorOf(g, aliases, roles, s.date, s.date, [{ relPath: s.relPath, date: s.date, title: s.title, mentions: actorSpans(s.summary, it.index) }]);
  }

  /** The corpus actor of a group: one pass over its article actors in the model's order (order() put them so). */
  private materialize(g: Group, items: Item[]): CorpusActor {
    const fold = this.fold;
    const forms = new Map<string, string>();
    const roles = new Map<string, CorpusActorRole>();
    const articles: CorpusActorArticle[] = [];
    // Article actors of one name mostly share its NameInfo (not when the bounded map dropped it in
    // between): a name already seen is known without reading it (most groups bear a few names; past
    // FEW_NAMES, each is looked up; a second NameInfo of a name is only looked up again).
    const infos: NameInfo[] = [];
    let lastInfo: NameInfo | undefined;
    let lastArt: Article | undefined;
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      const a = summaryActor(it);
      const art = it.article;
      const info = it.info;
      if (info !== lastInfo) {
        lastInfo = info;
        if (infos.length >= FEW_NAMES || !infos.includes(info)) {
          if (infos.length < FEW_NAMES) infos.push(info);
          if (!forms.has(info.folded)) forms.set(info.folded, a.name);
        }
      }
      const al = a.aliases ?? NO_NAMES;
      for (let j = 0; j < al.length; j++) {
        const k = fold(al[j]);
        if (!forms.has(k)) forms.set(k, al[j]);
      }
      // An article's actors come together: the group's last article is this one or none of its articles is.
      const again = art === lastArt;
      lastArt = art;
      const date = art.date;
      if (again) {
        const last = articles[articles.length - 1];
        last.mentions = mergeSpans(last.mentions, actorSpans(art.summary, it.index));
      } else articles.push({ relPath: art.relPath, date, title: art.title, mentions: actorSpans(art.summary, it.index) });
      const rs = a.roles ?? NO_NAMES;
      for (let j = 0; j < rs.length; j++) {
        const r = rs[j];
        const rk = fold(r);
        const role = roles.get(rk);
        if (!role) roles.set(rk, { role: r, firstDate: date, lastDate: date, articles: 1 });
        else if (!again) {
          role.articles++;
          if (date) {
            if (!role.firstDate || date < role.firstDate) role.firstDate = date;
            if (!role.lastDate || date > role.lastDate) role.lastDate = date;
          }
        }
      }
    }
    const nameFold = fold(g.sName);
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
    return actorOf(g, aliases, [...roles.values()].sort(byArticlesThenRole), firstDate, lastDate, articles);
  }

  private readonly fold = (s: string): string => {
    let f = this.foldCache.get(s);
    if (f === undefined) this.foldCache.set(s, (f = foldName(s)), true);
    return f;
  };

  // ---- queries (CorpusActorIndex) ----

  /** All corpus actors, most articles first (then most mentions, then name). A new array after each change. */
  get actors(): CorpusActor[] {
    this.flush();
    this.sortAll();
    if (!this.actorList) this.actorList = this.sorted.map((g) => this.actorOfGroup(g));
    return this.actorList;
  }

  /** Number of corpus actors (of one kind), without working any of them out. */
  count(kind?: EntityKind): number {
    this.flush();
    if (this.unsorted) return kind ? this.unsorted[KINDS.indexOf(kind)].length : this.listedCount();
    return kind ? this.kindList(kind).length : this.sorted.length;
  }

  /**
   * Corpus actors from `start` (0-based) to `end` (excluded) in the order of `actors`, of one kind
   * or of all: only these are worked out (a view's first screen of 100,000 actors).
   */
  slice(start: number, end: number, kind?: EntityKind): CorpusActor[] {
    this.flush();
    const first = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= 0 ? this.firstGroups(end, kind) : undefined;
    if (first) return first.slice(start, end).map((g) => this.actorOfGroup(g));
    this.sortAll();
    return (kind ? this.kindList(kind) : this.sorted).slice(start, end).map((g) => this.actorOfGroup(g));
  }

  byId(id: string): CorpusActor | undefined {
    const g = this.groupById(id);
    return g && this.actorOfGroup(g);
  }

  /**
   * The group of an id, found in the group map under the key the id is made of (see idOf): a group
   * linked to a KB entry is under 'kb:' and the entry's id, another under its key after its kind.
   * A map from ids held 20 MB at 231,000 groups (the map and an id string each).
   */
  private groupById(id: string): Group | undefined {
    this.flush();
    const linked = this.groups.get('kb:' + id);
    if (linked?.kb && linked.kb.id === id) return linked;
    const colon = id.indexOf(':');
    if (colon < 0) return undefined;
    const g = this.groups.get(id.slice(colon + 1));
    return g && !g.kb && groupKind(g) === id.slice(0, colon) ? g : undefined;
  }

  /**
   * Builds the map that find() reads (a folded name to its corpus actors), at
   * most `maxGroups` corpus actors a step, for a host thread that runs one step per turn of its
   * event loop: built at once by the first query, they took 0.6 s for the 231,000 corpus actors of
   * 10,000 articles. Once built, the model's changes keep them up to date. A change between two
   * steps starts the work again.
   */
  *queryIndexInSteps(maxGroups = STEP_GROUPS): Generator<void, void> {
    for (;;) {
      this.flush();
      if (this.byName) return;
      const version = this.version;
      const byName = new Map<string, Group | Group[]>();
      let n = 0;
      let changed = false;
      for (const g of this.groups.values()) {
        addNamesTo(byName, g, this.foldedNamesOf(g)); // a build given up leaves forms that the next one writes again
        if (++n % maxGroups === 0) {
          yield;
          if ((changed = this.version !== version)) break;
        }
      }
      if (changed) continue;
      this.byName = byName;
      return;
    }
  }

  find(name: string): CorpusActor[] {
    this.flush();
    if (!this.byName) for (const _ of this.queryIndexInSteps(Infinity));
    const l = this.byName!.get(foldName(name));
    if (l === undefined) return [];
    if (!Array.isArray(l)) return [this.actorOfGroup(l)];
    return l
      .slice()
      .sort(compareGroups)
      .map((g) => this.actorOfGroup(g));
  }

  actorsOf(relPath: string): CorpusActor[] {
    this.flush();
    const out = new Set<CorpusActor>();
    for (const it of this.articles.get(relPath)?.items ?? []) out.add(this.actorOfGroup(it.group!));
    return [...out];
  }

  actorOf(relPath: string, articleActorName: string): CorpusActor | undefined {
    this.flush();
    const art = this.articles.get(relPath);
    if (!art) return undefined;
    // A map rather than a search per call: a caller asks for every actor of an article (its corpus kinds).
    let idx = art.byName;
    if (!idx || idx.of !== art.items || idx.size !== art.items.length) {
      const map = new Map<string, Item>();
      for (const it of art.items) if (!map.has(summaryActor(it).name)) map.set(summaryActor(it).name, it);
      art.byName = idx = { of: art.items, size: art.items.length, map };
    }
    const hit = idx.map.get(articleActorName);
    return hit && this.actorOfGroup(hit.group!);
  }

  coActors(id: string): CoActor[] {
    const g = this.groupById(id);
    if (!g) return [];
    const actor = this.actorOfGroup(g);
    const counts = new Map<CorpusActor, number>();
    for (const art of actor.articles) {
      const seen = new Set<CorpusActor>();
      for (const it of this.articles.get(art.relPath)?.items ?? []) {
        const other = this.actorOfGroup(it.group!);
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

const KINDS: EntityKind[] = ['person', 'organization', 'place', 'other'];

/** A group's kind as its index in KINDS (from its flags). */
function kindIndex(g: Group): number {
  return (g.flags & KIND_BITS) >> KIND_SHIFT;
}

function groupKind(g: Group): EntityKind {
  return KINDS[kindIndex(g)];
}

/** Sets a group's kind (one outside KINDS counts as 'other'). */
function setGroupKind(g: Group, kind: EntityKind): void {
  const k = KINDS.indexOf(kind);
  g.flags = (g.flags & ~KIND_BITS) | ((k < 0 ? 3 : k) << KIND_SHIFT);
}

/** A corpus actor, its keys in the order of the CorpusActor type (JSON output keeps it). */
function actorOf(
  g: Group,
  aliases: string[],
  roles: CorpusActorRole[],
  firstDate: string | undefined,
  lastDate: string | undefined,
  articles: CorpusActorArticle[],
): CorpusActor {
  const actor = { id: idOf(g), name: g.sName, kind: groupKind(g), aliases, roles, articleCount: articles.length, mentionCount: g.mentions } as CorpusActor;
  if (firstDate) actor.firstDate = firstDate;
  if (lastDate) actor.lastDate = lastDate;
  actor.articles = articles;
  if (g.kb) actor.kb = entryRef(g.kb);
  actor.codes = g.kb ? g.kb.codes.slice() : [];
  return actor;
}

/** The id of a corpus actor: its KB entry's, else kind + ':' + its key (the folded name it is grouped under); see groupById. */
function idOf(g: Group): string {
  return g.kb ? g.kb.id : groupKind(g) + ':' + g.key;
}

/** One sorted list of several sorted lists (by compareGroups). */
function mergeSorted(lists: Group[][]): Group[] {
  const steps = mergeSortedInSteps(lists);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The sorted lists merged into one, yielding after each SORT_STEP_WORK comparisons. */
function* mergeSortedInSteps(lists: Group[][]): Generator<void, Group[]> {
  const out: Group[] = new Array(lists.reduce((n, l) => n + l.length, 0));
  const at = lists.map(() => 0);
  let work = 0;
  for (let k = 0; k < out.length; k++) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (at[i] < lists[i].length && (best < 0 || compareGroups(lists[i][at[i]], lists[best][at[best]]) < 0)) best = i;
    }
    out[k] = lists[best][at[best]++];
    if ((work += lists.length) >= SORT_STEP_WORK) {
      work = 0;
      yield;
    }
  }
  return out;
}

function byOrder(a: Item, b: Item): number {
  return a.article.seq - b.article.seq || a.index - b.index;
}

/** Whether an article actor comes before another in the model's order. */
function before(a: Item, b: Item): boolean {
  const sa = a.article.seq;
  const sb = b.article.seq;
  return sa < sb || (sa === sb && a.index < b.index);
}

/** The first `n` groups of these lists in the order of `actors`, in one pass (the lists unsorted). */
function selectFirst(lists: Group[][], n: number): Group[] {
  const top: Group[] = [];
  if (n <= 0) return top;
  for (const l of lists) {
    for (let i = 0; i < l.length; i++) {
      const g = l[i];
      if (top.length === n) {
        if (compareGroups(g, top[n - 1]) > 0) continue;
        top.pop();
      }
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareGroups(top[mid], g) < 0) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, g);
    }
  }
  return top;
}

/** The weights a lean flush works a group's kind out of (mentions, then article actors, per kind). */
const LEAN_WEIGHTS = [0, 0, 0, 0, 0, 0, 0, 0];

/** The kind of most mentions, among the kinds of some article actor (the first in KINDS among equals). */
function kindOf(w: readonly number[]): EntityKind {
  let kind: EntityKind = 'other';
  let n = -1;
  for (let k = 0; k < 4; k++) if (w[4 + k] > 0 && w[k] > n) (kind = KINDS[k]), (n = w[k]);
  return kind;
}

/** The order of `actors`: most articles, most mentions, name, then first seen. */
function compareGroups(x: Group, y: Group): number {
  return (
    y.articles - x.articles ||
    y.mentions - x.mentions ||
    x.sPrefix - y.sPrefix ||
    x.sThird - y.sThird ||
    (x.sName < y.sName ? -1 : x.sName > y.sName ? 1 : x.seq0 - y.seq0 || x.index0 - y.index0)
  );
}

function byArticlesThenRole(a: CorpusActorRole, b: CorpusActorRole): number {
  return b.articles - a.articles || cmp(a.role, b.role);
}

/** A folded name without leading titles and honorifics ("president bola tinubu" → "bola tinubu"). */
function stripTitles(folded: string): string {
  const sp = folded.indexOf(' ');
  if (sp < 0) return folded;
  const first = folded.slice(0, sp);
  if (!isTitleWord(first) && !HONORIFICS.has(first)) return folded;
  const words = folded.split(' ');
  let i = 0;
  while (i < words.length - 1 && (isTitleWord(words[i]) || HONORIFICS.has(words[i]))) i++;
  return i === 0 ? folded : words.slice(i).join(' ');
}

/**
 * The canonical name: among the full names when there are some, the one carrying most mentions;
 * longer, then accented, spelling among equals; then the one seen first in the model's order.
 */
function bestName(names: Map<string, NameStat>): string {
  let anyFull = false;
  for (const st of names.values()) if (st.full) (anyFull = true);
  let best = '';
  let b: NameStat | undefined;
  for (const [name, st] of names) {
    if (anyFull && !st.full) continue;
    if (
      !b ||
      st.count > b.count ||
      (st.count === b.count &&
        (name.length > best.length ||
          (name.length === best.length &&
            (name.normalize('NFD').length > best.normalize('NFD').length ||
              (name.normalize('NFD').length === best.normalize('NFD').length && (st.seq < b.seq || (st.seq === b.seq && st.index < b.index)))))))
    ) {
      best = name;
      b = st;
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

/** Article actors a step of feedInSteps sets at most (about 3 ms of updates and flush on a quiet machine). */
export const STEP_ACTORS = 400;

/**
 * Feeds summaries to a model in steps, for a host thread that must stay responsive: each step gives
 * the model whole articles until they hold `maxActors` article actors (at least one article), then
 * flushes its sorted lists, and yields how many summaries are in so far; the host runs one step per
 * turn of its event loop. A step's work is bounded by its article actors, not by a clock: the flush
 * costs about the groups those actors touched (however large the groups), so a step takes as long
 * on the 10,000th article as on the first. (Only a corpus-wide fact that changes value, e.g. the
 * first definition of an acronym that thousands of articles use, re-resolves all that read it.)
 */
export function* feedInSteps(model: CorpusActorModel, items: readonly ArticleSummary[], maxActors = STEP_ACTORS): Generator<number, void> {
  for (let i = 0; i < items.length; ) {
    const from = i;
    let actors = 0;
    do actors += items[i++].actors.length;
    while (i < items.length && actors + items[i].actors.length <= maxActors);
    model.setMany(items.slice(from, i));
    model.count();
    yield i;
  }
}

/** Article actors' worth of groups a step of loadInSteps works out at most (sort keys, and the aggregates a bulk load left out). */
export const STEP_LOAD_WORK = 4000;

/**
 * Loads summaries into an empty model in steps, for a host that shows the model only once it is
 * complete (a window load reading 10,000 summaries from the index, another knowledge base): as one
 * bulk load does, the aggregates are worked out once per group at the end, not kept up to date as
 * each article actor joins, and the sorted lists are built once at the end (a merge sort in steps),
 * not patched after every step, so it costs less than half of feedInSteps (whose every step leaves
 * the model ready for queries). Each step sets whole articles up to `maxActors` article actors,
 * works out groups up to `maxWork` article actors, or sorts about SORT_STEP_WORK elements; yields
 * how many summaries are in so far. The answers equal a full build; the model can be queried or
 * updated at any point (a query finishes the work at once).
 */
export function* loadInSteps(model: CorpusActorModel, items: readonly ArticleSummary[], maxActors = STEP_ACTORS, maxWork = STEP_LOAD_WORK): Generator<number, void> {
  yield* model.loadSteps(items, maxActors, maxWork);
}

/** Corpus actors a step of queryIndexInSteps indexes at most (about 4 ms on a quiet machine; a step where a map grows, up to 50 ms at 231,000 actors). */
export const STEP_GROUPS = 2_500;

/** Adds a group under each of its folded names (`forms`) to a name map, and keeps them in the group. */
function addNamesTo(byName: Map<string, Group | Group[]>, g: Group, forms: string[]): void {
  g.forms = forms.length === 1 ? forms[0] : forms;
  for (const k of forms) {
    const l = byName.get(k);
    if (l === undefined) byName.set(k, g);
    else if (l === g) continue;
    else if (!Array.isArray(l)) byName.set(k, [l, g]);
    else if (!l.includes(g)) l.push(g);
  }
}

/**
 * Deletes articles from a model in steps, as feedInSteps sets them: each step deletes whole articles
 * until they held `maxActors` article actors (at least one article; a path the model does not hold
 * counts none), then flushes, and yields how many paths are done so far.
 */
export function* deleteInSteps(model: CorpusActorModel, relPaths: readonly string[], maxActors = STEP_ACTORS): Generator<number, void> {
  for (let i = 0; i < relPaths.length; ) {
    let actors = 0;
    do {
      actors += model.articleActorCount(relPaths[i]);
      model.delete(relPaths[i++]);
    } while (i < relPaths.length && actors + model.articleActorCount(relPaths[i]) <= maxActors);
    model.count();
    yield i;
  }
}

/** Work a step of actorsInSteps does at most: ACTOR_COST per actor plus its articles (about 2–4 ms on a quiet machine). */
export const STEP_ARTICLES = 1000;
/** What working out an actor costs besides its articles, in articles (measured: an actor of one article costs about three). */
const ACTOR_COST = 2;

/**
 * The corpus actors of a model in the order of `actors`, a batch per step, each step working out
 * actors whose work (ACTOR_COST each plus their articles) adds up to at most `maxWork` (at least one
 * actor): a host runs one step per turn of its event loop. The order has most articles first, so
 * the work of the next actor is at most that of the last one worked out. The model must not change
 * between steps.
 */
export function* actorsInSteps(model: CorpusActorModel, maxWork = STEP_ARTICLES): Generator<CorpusActor[], void> {
  const n = model.count();
  let last = Infinity;
  for (let i = 0; i < n; ) {
    const batch: CorpusActor[] = [];
    let work = 0;
    do {
      const k = Math.max(1, Math.min(n - i, Math.floor((maxWork - work) / Math.min(last, maxWork))));
      for (const a of model.slice(i, i + k)) {
        batch.push(a);
        last = ACTOR_COST + a.articleCount;
        work += last;
      }
      i += k;
    } while (i < n && work + last <= maxWork);
    yield batch;
  }
}
