import * as assert from 'assert';
import type { ArticleSummary } from '../../../src/core/corpus/articleSummary';
import { summaryOf, type ActorWithSpans } from '../helpers/summaries';
import { actorsInSteps, CorpusActorModel, deleteInSteps, feedInSteps, loadInSteps } from '../../../src/core/corpus/corpusActorModel';
import { buildCorpusActors, type CorpusActorIndex } from '../../../src/core/corpus/corpusActors';
import type { CorpusActor } from '../../../src/core/corpus/types';
import { KnowledgeBase, type KbEntry } from '../../../src/core/corpus/knowledgeBase';
import { foldName } from '../../../src/core/text/fold';
import type { EntityKind } from '../../../src/core/types';

// Invented actors whose identities depend on corpus-wide facts: surnames shared by two full names
// (Traoré) or by one (Goïta, Tinubu), acronyms defined in some articles only, with rival long names
// (AES), spellings a knowledge base merges (Tchiani, Tiani), accents, case and titles.
const NAMES: [string, EntityKind][] = [
  ['Ibrahim Traoré', 'person'],
  ['Moussa Traoré', 'person'],
  ['Traoré', 'person'],
  ['Traore', 'person'],
  ['Assimi Goïta', 'person'],
  ['ASSIMI GOITA', 'person'],
  ['Goita', 'person'],
  ['Colonel Goïta', 'person'],
  ['Bola Tinubu', 'person'],
  ['President Tinubu', 'person'],
  ['Tinubu', 'person'],
  ['Abdourahamane Tchiani', 'person'],
  ['Abdourahamane Tiani', 'person'],
  ['Tiani', 'person'],
  ['Economic Community of West African States', 'organization'],
  ['ECOWAS', 'organization'],
  ['AES', 'organization'],
  ['Alliance of Sahel States', 'organization'],
  ['Alliance des États du Sahel', 'organization'],
  ['AU', 'organization'],
  ['African Union', 'organization'],
  ['Mali', 'place'],
  ['MALI', 'place'],
  ['Niger', 'place'],
  ['Bamako', 'place'],
  ['Wagner', 'organization'],
];
const ACRONYMS = [
  { short: 'ECOWAS', long: 'Economic Community of West African States' },
  { short: 'AES', long: 'Alliance of Sahel States' },
  { short: 'AES', long: 'Alliance des États du Sahel' },
  { short: 'AU', long: 'African Union' },
];
const ROLES = ['President', 'president', 'interim President', 'Colonel', 'head of the junta', 'spokesman'];
const KINDS: EntityKind[] = ['person', 'organization', 'place', 'other'];
const DATES = [undefined, '2023-07-26', '2023-08-01', '2024-01-02', '2024-01-02', '2024-03-05'];
const PATHS = ['a.txt', 'b.txt', 'c.txt', 'd/e.txt', 'd/f.txt', 'g.txt', 'h.txt', 'i.txt', 'j.txt', 'k.txt'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function kbOf(entries: Partial<KbEntry>[]): KnowledgeBase {
  const full = entries.map((e, i): KbEntry => ({ id: 'kb.yaml#' + (e.name ?? String(i)).toLowerCase(), name: e.name ?? '', aliases: [], codes: [], file: 'kb.yaml', line: i + 2, format: 'yaml', ...e }));
  return new KnowledgeBase([{ file: 'kb.yaml', load: () => ({ entries: full, problems: [] }) }]);
}

const KBS = [
  kbOf([
    { name: 'Abdourahamane Tchiani', kind: 'person', aliases: ['Abdourahamane Tiani', 'Tiani', 'Tchiani'], codes: [{ code: 'NERMIL' }] },
    { name: 'Economic Community of West African States', kind: 'organization', wikidata: 'Q161549' },
  ]),
  // Two entries sharing an alias ("AES"): ambiguous, links nothing by that name.
  kbOf([
    { name: 'Alliance of Sahel States', aliases: ['AES'] },
    { name: 'Association of Sahel Engineers', aliases: ['AES'] },
    { name: 'Mali', kind: 'place', aliases: ['Republic of Mali'] },
  ]),
];

function randomSummary(r: () => number, relPath: string): ArticleSummary {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const actors: ActorWithSpans[] = [];
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const [name, kind] = pick(NAMES);
    const mentions: number[] = [];
    const m = Math.floor(r() * 4); // 0 to 3 mentions, some repeated across actors of the article
    for (let j = 0; j < m; j++) {
      const start = Math.floor(r() * 5) * 20;
      mentions.push(start, start + name.length);
    }
    const aliases: string[] = [];
    if (r() < 0.35) for (let j = Math.floor(r() * 3); j > 0; j--) aliases.push(pick(NAMES)[0]);
    const roles: string[] = [];
    if (r() < 0.4) for (let j = 1 + Math.floor(r() * 2); j > 0; j--) roles.push(pick(ROLES));
    actors.push({
      name,
      kind: r() < 0.8 ? kind : pick(KINDS),
      aliases: aliases.filter((a) => a !== name),
      roles,
      demonyms: [],
      mentions,
    });
  }
  const acronyms = ACRONYMS.filter(() => r() < 0.2);
  const date = pick(DATES);
  return summaryOf({ relPath, ...(date ? { date } : {}), ...(r() < 0.8 ? { title: 'Title of ' + relPath } : {}), chars: 1000, lineHashes: [], boilerplate: [], actors, acronyms });
}

/** Every answer of the model equals the answer of a full build over the same summaries. */
function assertSame(model: CorpusActorModel, kb: KnowledgeBase | undefined, step: string): void {
  const summaries = [...model.summaries()];
  const full: CorpusActorIndex = buildCorpusActors(summaries, kb);
  assert.deepStrictEqual(model.actors, full.actors, step + ': actors');
  for (const a of full.actors) {
    assert.deepStrictEqual(model.byId(a.id), a, step + ': byId ' + a.id);
    assert.deepStrictEqual(ids(model.coActors(a.id)), ids(full.coActors(a.id)), step + ': coActors ' + a.id);
  }
  for (const s of summaries) {
    assert.deepStrictEqual(model.actorsOf(s.relPath).map((a) => a.id), full.actorsOf(s.relPath).map((a) => a.id), step + ': actorsOf ' + s.relPath);
    for (const a of s.actors) assert.strictEqual(model.actorOf(s.relPath, a.name)?.id, full.actorOf(s.relPath, a.name)?.id, step + ': actorOf');
  }
  for (const [name] of NAMES) {
    assert.deepStrictEqual(model.find(name).map((a) => a.id), full.find(name).map((a) => a.id), step + ': find ' + name);
    assert.deepStrictEqual(model.find(name).map((a) => a.id), findByHand(full.actors, name), step + ': find by hand ' + name);
  }
  assert.strictEqual(model.count(), full.actors.length);
  assert.deepStrictEqual(model.slice(1, 4), full.actors.slice(1, 4), step + ': slice');
  for (const kind of ['person', 'organization', 'place', 'other'] as const) {
    const ofKind = full.actors.filter((a) => a.kind === kind);
    assert.strictEqual(model.count(kind), ofKind.length, step + ': count ' + kind);
    assert.deepStrictEqual(model.slice(0, 3, kind), ofKind.slice(0, 3), step + ': slice ' + kind);
  }
  assert.strictEqual(model.byId('nobody'), undefined);
  // byId reads the id's parts (kind and key, or KB entry): an id of another kind, or a KB entry's id
  // under a 'kb:' prefix, is no actor's.
  const known = new Set(full.actors.map((a) => a.id));
  for (const a of full.actors) {
    const others = a.kb ? ['kb:' + a.id] : ['person', 'organization', 'place', 'other'].map((k) => k + a.id.slice(a.id.indexOf(':')));
    for (const id of others) if (!known.has(id)) assert.strictEqual(model.byId(id), undefined, step + ': byId ' + id);
  }
}

/** The ids of the actors one of whose names (name or alias) folds as `name` does, in the order of actors. */
function findByHand(actors: readonly CorpusActor[], name: string): string[] {
  const k = foldName(name);
  return actors.filter((a) => [a.name, ...a.aliases].some((n) => foldName(n) === k)).map((a) => a.id);
}

function ids(co: { actor: { id: string }; articles: number }[]): string[] {
  return co.map((c) => c.actor.id + ':' + c.articles);
}

describe('corpus actor model (incremental)', () => {
  it('equals a full build after every random set, delete, batch and knowledge-base change', function () {
    this.timeout(120_000);
    let steps = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      let kb: KnowledgeBase | undefined = seed % 3 === 0 ? KBS[0] : undefined;
      // Every other seed keeps the NameInfo of 2 names only: the rest are dropped and worked out again.
      // Half the seeds (seed % 4 of 0 or 1) keep the aggregates of every group of two or more article
      // actors; the others keep none for these small groups (worked out from the items at each flush).
      const model = new CorpusActorModel(kb, { ...(seed % 2 === 0 ? { nameInfos: 2 } : {}), ...(seed % 4 < 2 ? { aggregatesFrom: 2 } : {}) });
      for (let step = 0; step < 40; step++) {
        const op = r();
        let what: string;
        if (op < 0.55) {
          const p = PATHS[Math.floor(r() * PATHS.length)];
          model.set(randomSummary(r, p));
          what = 'set ' + p;
        } else if (op < 0.8) {
          const p = PATHS[Math.floor(r() * PATHS.length)];
          model.delete(p);
          what = 'delete ' + p;
        } else if (op < 0.95) {
          // A slice of a load: several articles at once, the same path possibly twice.
          const batch: ArticleSummary[] = [];
          for (let i = 1 + Math.floor(r() * 4); i > 0; i--) batch.push(randomSummary(r, PATHS[Math.floor(r() * PATHS.length)]));
          model.setMany(batch);
          what = 'setMany ' + batch.map((b) => b.relPath).join(',');
        } else {
          const choice = Math.floor(r() * 3);
          kb = choice < 2 ? KBS[choice] : undefined;
          model.setKnowledgeBase(kb);
          what = 'kb ' + choice;
        }
        // Now and then several updates come before the next query.
        if (r() < 0.25) continue;
        assertSame(model, kb, `seed ${seed} step ${step} (${what})`);
        steps++;
      }
      assertSame(model, kb, `seed ${seed} end`);
    }
    assert.ok(steps > 1500, `${steps} compared steps`);
  });

  it('re-resolves other articles when a fact changes: a second full name detaches a bare surname', () => {
    const person = (name: string): ActorWithSpans => ({ name, kind: 'person', aliases: [], roles: [], demonyms: [], mentions: [0, name.length] });
    const article = (relPath: string, actors: ActorWithSpans[]): ArticleSummary => summaryOf({ relPath, chars: 100, lineHashes: [], boilerplate: [], actors, acronyms: [] });
    const model = new CorpusActorModel();
    model.set(article('a.txt', [person('Ibrahim Traoré')]));
    model.set(article('c.txt', [person('Traoré')]));
    assert.strictEqual(model.actorOf('c.txt', 'Traoré')!.id, 'person:ibrahim traore');
    model.set(article('b.txt', [person('Moussa Traoré')]));
    assert.strictEqual(model.actorOf('c.txt', 'Traoré')!.id, 'person:traore');
    assert.strictEqual(model.actors.length, 3);
    model.delete('a.txt');
    assert.strictEqual(model.actorOf('c.txt', 'Traoré')!.id, 'person:moussa traore');
    assert.deepStrictEqual(model.byId('person:moussa traore')!.articles.map((a) => a.relPath), ['b.txt', 'c.txt']);
    assert.strictEqual(model.delete('a.txt'), false);
  });

  it('sorts again, rather than patches, when a batch changes thousands of actors', () => {
    const r = rng(99);
    const kinds: EntityKind[] = ['person', 'organization', 'place', 'other'];
    const article = (i: number, names: number[]): ArticleSummary => summaryOf({
      relPath: `n/${i}.txt`,
      ...(i % 3 ? { date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}` } : {}),
      chars: 100,
      lineHashes: [],
      boilerplate: [],
      actors: names.map((n) => ({ name: `Name${n}`, kind: kinds[n % 4], aliases: [], roles: [], demonyms: [], mentions: [0, 5, 10, 15].slice(0, 2 * (1 + (n % 2))) })),
      acronyms: [],
    });
    const names = () => Array.from({ length: 8 }, () => Math.floor(r() * 6000));
    const first = Array.from({ length: 400 }, (_, i) => article(i, names()));
    const model = new CorpusActorModel();
    model.setMany(first);
    assert.ok(model.count() > 2000);
    // 1,000 more articles: thousands of groups change while the sorted lists hold thousands.
    const more = Array.from({ length: 1000 }, (_, i) => article(400 + i, names()));
    model.setMany(more);
    const full = buildCorpusActors([...first, ...more]);
    assert.deepStrictEqual(model.actors, full.actors);
    for (const kind of kinds) assert.deepStrictEqual(model.slice(0, 50, kind), full.actors.filter((a) => a.kind === kind).slice(0, 50));
  });

  it('answers counts and first screens of a bulk load before sorting, as the sorted lists would', () => {
    const kinds: EntityKind[] = ['person', 'organization', 'place', 'other'];
    for (let seed = 1; seed <= 4; seed++) {
      const r = rng(500 + seed);
      // Many ties in articles and mentions: the order falls to the name, then to the first seen.
      const article = (i: number): ArticleSummary => summaryOf({
        relPath: `s/${i}.txt`,
        chars: 100,
        lineHashes: [],
        boilerplate: [],
        actors: Array.from({ length: 6 }, () => {
          const n = Math.floor(r() * 4000);
          return { name: `N${n % 7} ${n}`, kind: kinds[Math.floor(r() * 4)], aliases: [], roles: [], demonyms: [], mentions: [0, 5, 10, 15].slice(0, 2 * (1 + (n % 2))) };
        }),
        acronyms: [],
      });
      const summaries = Array.from({ length: 800 }, (_, i) => article(i));
      const sorted = buildCorpusActors(summaries);
      const all = sorted.actors;
      const model = buildCorpusActors(summaries);
      assert.strictEqual(model.count(), all.length);
      for (const kind of kinds) {
        const ofKind = all.filter((a) => a.kind === kind);
        assert.strictEqual(model.count(kind), ofKind.length, kind);
        assert.deepStrictEqual(model.slice(0, 3, kind), ofKind.slice(0, 3), `seed ${seed} ${kind} 0-3`);
        assert.deepStrictEqual(model.slice(2, 40, kind), ofKind.slice(2, 40), `seed ${seed} ${kind} 2-40`);
        assert.deepStrictEqual(model.slice(0, 500, kind), ofKind.slice(0, 500), `seed ${seed} ${kind} 0-500`);
      }
      assert.deepStrictEqual(model.slice(10, 900), all.slice(10, 900), `seed ${seed} all 10-900`);
      assert.ok(all.filter((a) => a.kind === 'person').length > 500, 'a kind holds more actors than its first screen');
      // An update of a few groups while the lists are unsorted: sorted, then patched.
      const extra = article(10_000);
      model.set(extra);
      const after = buildCorpusActors([...summaries, extra]);
      assert.deepStrictEqual(model.slice(0, 50, 'place'), after.actors.filter((a) => a.kind === 'place').slice(0, 50));
      assert.deepStrictEqual(model.actors, after.actors);
    }
  });

  it('works out kinds and names in a bulk load as one article at a time does', () => {
    const actor = (name: string, kind: EntityKind, mentions: number): ActorWithSpans => ({ name, kind, aliases: [], roles: [], demonyms: [], mentions: Array.from({ length: 2 * mentions }, (_, i) => i) });
    const article = (i: number, actors: ActorWithSpans[]): ArticleSummary => summaryOf({ relPath: `k/${i}.txt`, chars: 100, lineHashes: [], boilerplate: [], actors, acronyms: [] });
    const summaries = [
      // Niger: more article actors say organization, more mentions say place.
      article(0, [actor('Niger', 'organization', 1)]),
      article(1, [actor('Niger', 'place', 3)]),
      article(2, [actor('Niger', 'organization', 1)]),
      // One actor under two spellings: the one with more mentions names it.
      article(3, [actor('Assimi Goïta', 'person', 1)]),
      article(4, [actor('ASSIMI GOITA', 'person', 3)]),
      // Filler, for a bulk load.
      ...Array.from({ length: 250 }, (_, i) => article(5 + i, [actor(`Place ${i % 50}`, 'place', 1)])),
    ];
    const bulk = buildCorpusActors(summaries);
    const one = new CorpusActorModel();
    for (const s of summaries) one.set(s);
    assert.strictEqual(bulk.byId('place:niger')?.kind, 'place');
    assert.strictEqual(bulk.byId('person:assimi goita')?.name, 'ASSIMI GOITA');
    assert.deepStrictEqual(bulk.actors, one.actors);
  });

  it("lists each article of a corpus actor with that article actor's own mention spans", () => {
    const place = (name: string, mentions: number[]): ActorWithSpans => ({ name, kind: 'place', aliases: [], roles: [], demonyms: [], mentions });
    const model = new CorpusActorModel();
    model.set(summaryOf({ relPath: 'a.txt', chars: 100, lineHashes: [], boilerplate: [], actors: [place('Niger', [10, 15]), place('Mali', [0, 4, 50, 54]), place('Gao', [])], acronyms: [] }));
    model.set(summaryOf({ relPath: 'b.txt', chars: 100, lineHashes: [], boilerplate: [], actors: [place('Mali', [7, 11]), place('Niger', [20, 25, 30, 35, 40, 45])], acronyms: [] }));
    const spans = (id: string) => model.byId(id)!.articles.map((a) => [a.relPath, a.mentions]).sort();
    assert.deepStrictEqual(spans('place:mali'), [['a.txt', [0, 4, 50, 54]], ['b.txt', [7, 11]]]);
    assert.deepStrictEqual(spans('place:niger'), [['a.txt', [10, 15]], ['b.txt', [20, 25, 30, 35, 40, 45]]]);
    assert.deepStrictEqual(spans('place:gao'), [['a.txt', []]]);
    assert.deepStrictEqual([model.byId('place:mali')!.mentionCount, model.byId('place:niger')!.mentionCount], [3, 4]);
  });

  it('keeps the objects of actors an update did not touch', () => {
    const place = (name: string): ActorWithSpans => ({ name, kind: 'place', aliases: [], roles: [], demonyms: [], mentions: [0, name.length] });
    const article = (relPath: string, actors: ActorWithSpans[]): ArticleSummary => summaryOf({ relPath, chars: 100, lineHashes: [], boilerplate: [], actors, acronyms: [] });
    const model = new CorpusActorModel();
    model.setMany([article('a.txt', [place('Mali'), place('Niger')]), article('b.txt', [place('Mali')])]);
    const niger = model.byId('place:niger');
    const mali = model.byId('place:mali');
    model.set(article('c.txt', [place('Mali')]));
    assert.strictEqual(model.byId('place:niger'), niger);
    assert.notStrictEqual(model.byId('place:mali'), mali);
    assert.strictEqual(model.byId('place:mali')!.articleCount, 3);
    assert.strictEqual(mali!.articleCount, 2); // an answer already given does not change under its holder
  });

  it('feeds in steps bounded in article actors, not in time, ending equal to a full build', () => {
    const r = rng(99);
    const summaries = Array.from({ length: 400 }, (_, i) => randomSummary(r, `p${i}.txt`));
    const model = new CorpusActorModel();
    const ends = [...feedInSteps(model, summaries, 20)];
    let from = 0;
    for (const end of ends) {
      const actors = summaries.slice(from, end).reduce((n, s) => n + s.actors.length, 0);
      assert.ok(end > from, 'each step sets at least one article');
      assert.ok(actors <= 20 || end === from + 1, `step ${from}..${end}: ${actors} article actors`);
      // Whole articles up to the bound: the next article would have passed it.
      if (end < summaries.length) assert.ok(actors + summaries[end].actors.length > 20, `step ${from}..${end} stopped early`);
      from = end;
    }
    assert.strictEqual(ends[ends.length - 1], 400);
    assert.ok(ends.length > 40, `${ends.length} steps`);
    assertSame(model, undefined, 'fed in steps');
    const once = new CorpusActorModel();
    assert.deepStrictEqual([...feedInSteps(once, summaries, Infinity)], [400], 'all in one step when the bound allows');
  });

  it('loads an empty model in steps as one bulk load does, its lists sorted in steps, then follows updates', function () {
    this.timeout(60_000);
    for (let seed = 1; seed <= 24; seed++) {
      const r = rng(500 + seed);
      const kb = seed % 3 === 0 ? KBS[0] : seed % 3 === 1 ? KBS[1] : undefined;
      // Paths repeat: a later summary of a path replaces the earlier one, across steps too.
      const summaries = Array.from({ length: 40 + Math.floor(r() * 160) }, (_, i) => randomSummary(r, `p${i % 90}.txt`));
      const model = new CorpusActorModel(kb);
      let setSteps = 0;
      let listSteps = 0;
      for (const end of loadInSteps(model, summaries, 12, 25)) {
        if (end < summaries.length) setSteps++;
        else listSteps++;
      }
      assert.ok(setSteps >= 3 && listSteps >= 3, `seed ${seed}: ${setSteps} steps setting articles, ${listSteps} listing`);
      const full = buildCorpusActors([...model.summaries()], kb);
      for (const kind of ['person', 'organization', 'place', 'other'] as const) {
        const ofKind = full.actors.filter((a) => a.kind === kind);
        assert.strictEqual(model.count(kind), ofKind.length, `seed ${seed}: count ${kind}`);
        assert.deepStrictEqual(model.slice(0, 3, kind), ofKind.slice(0, 3), `seed ${seed}: first screen ${kind}`);
      }
      assertSame(model, kb, `seed ${seed}: loaded in steps`);
      for (let k = 0; k < 6; k++) {
        if (r() < 0.6) model.set(randomSummary(r, PATHS[Math.floor(r() * PATHS.length)]));
        else model.delete(`p${Math.floor(r() * 90)}.txt`);
        assertSame(model, kb, `seed ${seed}: update ${k} after the load`);
      }
    }
  });

  it('a load in steps answers a query or takes an update in the middle of its listing', () => {
    const r = rng(77);
    const summaries = Array.from({ length: 300 }, (_, i) => randomSummary(r, `p${i}.txt`));
    const midListing = (model: CorpusActorModel): void => {
      let atEnd = 0;
      for (const end of loadInSteps(model, summaries, 20, 30)) if (end === summaries.length && ++atEnd === 3) break;
      assert.strictEqual(atEnd, 3, 'stopped two listing steps in');
    };
    const queried = new CorpusActorModel();
    midListing(queried);
    assert.deepStrictEqual(queried.actors, buildCorpusActors(summaries).actors);
    assertSame(queried, undefined, 'queried in the middle of the listing');
    const updated = new CorpusActorModel();
    midListing(updated);
    updated.set(randomSummary(r, 'p3.txt'));
    updated.delete('p5.txt');
    updated.set(randomSummary(r, 'new.txt'));
    assertSame(updated, undefined, 'updated in the middle of the listing');
    assert.throws(() => [...loadInSteps(updated, summaries)], /already holds articles/);
    // A query, then an update, while articles are still being set: the load goes on from there.
    const early = new CorpusActorModel();
    const steps = loadInSteps(early, summaries, 20, 30);
    for (let i = 0; i < 5; i++) steps.next();
    assert.ok(early.count() > 0 && early.size < summaries.length, 'queried while setting articles');
    steps.next();
    early.set(randomSummary(r, 'early.txt'));
    for (const _ of steps);
    assertSame(early, undefined, 'queried and updated while setting articles');
  });

  it('deletes in steps bounded in article actors, as it feeds, ending equal to a full build of what is left', () => {
    const r = rng(98);
    const summaries = Array.from({ length: 300 }, (_, i) => randomSummary(r, `p${i}.txt`));
    const model = buildCorpusActors(summaries);
    const sizes = new Map(summaries.map((s) => [s.relPath, s.actors.length]));
    // Every other article, a path the model never held, and one twice.
    const gone = [...summaries.filter((_, i) => i % 2 === 0).map((s) => s.relPath), 'nowhere.txt', 'p0.txt'];
    const ends = [...deleteInSteps(model, gone, 20)];
    let from = 0;
    const seen = new Set<string>(); // a path deleted once holds no article actors after
    for (const end of ends) {
      const actors = gone.slice(from, end).reduce((n, p) => n + (seen.has(p) ? 0 : (seen.add(p), sizes.get(p) ?? 0)), 0);
      assert.ok(end > from, 'each step deletes at least one path');
      assert.ok(actors <= 20 || end === from + 1, `step ${from}..${end}: ${actors} article actors`);
      if (end < gone.length && !seen.has(gone[end])) assert.ok(actors + (sizes.get(gone[end]) ?? 0) > 20, `step ${from}..${end} stopped early`);
      from = end;
    }
    assert.strictEqual(ends[ends.length - 1], gone.length);
    assert.ok(ends.length > 20, `${ends.length} steps`);
    assert.deepStrictEqual(model.actors, buildCorpusActors(summaries.filter((_, i) => i % 2 === 1)).actors);
    assertSame(model, undefined, 'deleted in steps');
  });

  it('flushes a big group an article joins or leaves at the cost of the article, not of the group', () => {
    const place = (name: string, n: number): ActorWithSpans => ({ name, kind: 'place', aliases: [], roles: [], demonyms: [], mentions: [0, 4, 10, 14].slice(0, 2 * n) });
    const article = (i: number): ArticleSummary => summaryOf({ relPath: `a/${i}.txt`, chars: 100, lineHashes: [], boilerplate: [], actors: [place(i % 7 ? 'Mali' : 'MALI', 1 + (i % 2)), place(`Town${i}`, 1)], acronyms: [] });
    // The work of one more article on a corpus of 200 articles and on one of 2,000 (a ratio of sizes, not a timing).
    const workOfOneMore = (n: number): [number, number] => {
      const model = new CorpusActorModel();
      model.setMany(Array.from({ length: n }, (_, i) => article(i)));
      model.count();
      // The first update after a bulk load works out the aggregates of the groups it joins (once).
      model.set(article(n));
      model.count();
      const before = model.workDone;
      model.set(article(n + 1));
      model.count();
      const full = buildCorpusActors(Array.from({ length: n + 2 }, (_, i) => article(i)));
      assert.deepStrictEqual(model.actors, full.actors);
      const set = model.workDone - before;
      // And a delete (an article in the middle: neither the group's first nor its name's).
      const beforeDelete = model.workDone;
      model.delete(`a/${n >> 1}.txt`);
      model.count();
      assert.deepStrictEqual(model.actors, buildCorpusActors(Array.from({ length: n + 2 }, (_, i) => article(i)).filter((_, i) => i !== n >> 1)).actors);
      return [set, model.workDone - beforeDelete];
    };
    const [small, smallDelete] = workOfOneMore(200);
    const [big, bigDelete] = workOfOneMore(2000);
    assert.ok(small > 0 && smallDelete > 0);
    assert.strictEqual(big, small, `work of one article: ${small} with 200 articles, ${big} with 2,000`);
    assert.strictEqual(bigDelete, smallDelete, `work of one delete: ${smallDelete} with 200 articles, ${bigDelete} with 2,000`);
  });


  it('keeps aggregates between updates only for groups of 16 article actors or more', () => {
    const place = (name: string): ActorWithSpans => ({ name, kind: 'place', aliases: [], roles: [], demonyms: [], mentions: [0, name.length] });
    // Each article names Mali (a group that grows to 40), a town of its pair (groups of 2) and a village of its own.
    const article = (i: number): ArticleSummary =>
      summaryOf({ relPath: `a/${i}.txt`, chars: 100, lineHashes: [], boilerplate: [], actors: [place(i % 3 ? 'Mali' : 'MALI'), place(`Town${i >> 1}`), place(`Village${i}`)], acronyms: [] });
    const all = Array.from({ length: 40 }, (_, i) => article(i));
    // Fed one article at a time, as a cold index's batches and the editor's updates feed it.
    const model = new CorpusActorModel();
    for (const s of all) {
      model.set(s);
      model.count();
    }
    assert.deepStrictEqual(model.actors, buildCorpusActors(all).actors);
    assert.strictEqual(model.groupsWithAggregates(), 1);
    // A small group that changes works its aggregates out again and keeps none; the big one keeps them.
    model.delete('a/3.txt');
    model.count();
    assert.deepStrictEqual(model.actors, buildCorpusActors(all.filter((_, i) => i !== 3)).actors);
    assert.strictEqual(model.groupsWithAggregates(), 1);
    // With aggregatesFrom 2 every group of two or more keeps them: Mali and the 20 towns.
    const keeping = new CorpusActorModel(undefined, { aggregatesFrom: 2 });
    for (const s of all) {
      keeping.set(s);
      keeping.count();
    }
    assert.deepStrictEqual(keeping.actors, buildCorpusActors(all).actors);
    assert.strictEqual(keeping.groupsWithAggregates(), 21);
  });

  it('works out every actor in steps bounded in work (2 per actor plus its articles), in the order of actors', () => {
    const r = rng(7);
    const summaries = Array.from({ length: 300 }, (_, i) => randomSummary(r, `p${i}.txt`));
    const model = buildCorpusActors(summaries);
    const version = model.version;
    // A bound of three times the median actor's work: steps of one actor and of several.
    const counts = model.actors.map((a) => a.articleCount).sort((a, b) => a - b);
    const bound = 3 * (2 + counts[counts.length >> 1]);
    const batches = [...actorsInSteps(model, bound)];
    assert.strictEqual(model.version, version, 'reading changes nothing');
    assert.deepStrictEqual(batches.flat(), model.actors);
    for (const b of batches) {
      const articles = b.reduce((n, a) => n + a.articleCount, 0);
      assert.ok(b.length > 0);
      assert.ok(articles + 2 * b.length <= bound || b.length === 1, `a step of ${b.length} actors, ${articles} articles`);
    }
    // A step stops only when the next actor could pass the bound (it has at most the articles of the last one).
    for (let i = 0; i + 1 < batches.length; i++) {
      const b = batches[i];
      const articles = b.reduce((n, a) => n + a.articleCount, 0);
      assert.ok(articles + 2 * b.length + 2 + b[b.length - 1].articleCount > bound, `step ${i} stopped early`);
    }
    assert.ok(batches.length > 3 && batches.some((b) => b.length > 1), `${batches.length} steps of ${model.actors.length} actors`);
    model.delete('p0.txt');
    assert.ok(model.version > version, 'an update moves the version');
  });


  it('indexes names in steps of at most N actors, starting again after a change between steps', () => {
    const r = rng(11);
    const summaries = Array.from({ length: 300 }, (_, i) => randomSummary(r, `q${i}.txt`));
    const model = buildCorpusActors(summaries);
    const n = model.count();
    const internals = model as unknown as { byName?: Map<string, unknown> };
    let steps = 0;
    let changed = false;
    for (const _ of model.queryIndexInSteps(2)) {
      steps++;
      assert.strictEqual(internals.byName, undefined, 'nothing installed before the last step');
      if (steps === 3 && !changed) {
        model.set({ ...summaries[0], relPath: 'q-new.txt', actors: [...summaries[0].actors, { name: 'Ada Moreau', kind: 'person', aliases: ['Moreau'], roles: [], demonyms: [], mentionCount: 1 }], mentionSpans: [...summaries[0].mentionSpans, 0, 10] });
        changed = true;
      }
    }
    const m = model.count();
    assert.ok(m > n, `the change added an actor: ${n} then ${m}, changed ${changed}, steps ${steps}`);
    assert.strictEqual(steps, 3 + Math.floor(m / 2), `${steps} steps: 3 before the change, then one per 2 of ${m} actors`);
    assert.ok(internals.byName, 'the steps built the name map');
    for (const name of [...NAMES.map(([x]) => x), 'Ada Moreau', 'moreau']) assert.deepStrictEqual(model.find(name).map((a) => a.id), findByHand(model.actors, name), name);
    for (const a of model.actors) assert.strictEqual(model.byId(a.id)?.id, a.id);
    assert.deepStrictEqual([...model.queryIndexInSteps(2)], [], 'built: no step left');
  });

  it('after a bulk load, equals a full build after every random set and delete', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const r = rng(1000 + seed);
      const paths = Array.from({ length: 300 }, (_, i) => `b/${i}.txt`);
      const model = new CorpusActorModel(seed % 2 ? KBS[0] : undefined, { ...(seed % 4 < 2 ? { nameInfos: 3 } : {}), ...(seed % 3 === 0 ? { aggregatesFrom: 2 } : {}) });
      model.setMany(paths.map((p) => randomSummary(r, p)));
      for (let step = 0; step < 30; step++) {
        const p = paths[Math.floor(r() * paths.length)];
        if (r() < 0.6) model.set(randomSummary(r, p));
        else model.delete(p);
        if (r() < 0.5) assertSame(model, model.knowledgeBase, `seed ${seed} step ${step}`);
      }
      assertSame(model, model.knowledgeBase, `seed ${seed} end`);
    }
  });

});
