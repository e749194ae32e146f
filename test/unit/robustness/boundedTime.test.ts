// Pathological shapes at two sizes: the work must grow linearly (see timing.ts).
import * as assert from 'node:assert/strict';
import { buildActors } from '../../../src/core/entities/actors';
import { cleanArticle, parseBrat, removeWithDependents, cloneBrat } from '../../../src/core/annotations';
import { recognizeDates } from '../../../src/core/dates/engine';
import type { EntityMention } from '../../../src/core/types';
import { copiedBlockLines } from '../../../src/core/boilerplate/engine';
import { articleFeatures } from '../../../src/core/boilerplate/features';
import { tablesInArticle } from '../../../src/core/boilerplate/tables';
import { actorSpans, type ArticleSummary } from '../../../src/core/corpus/articleSummary';
import { growth, MAX_RATIO } from './timing';

const FIRST = ['John', 'Mary', 'Ahmed', 'Fatou', 'Pierre', 'Olga', 'Chen', 'Ravi', 'Lena', 'Omar', 'Kofi', 'Ana'];
const LAST = ['Smith', 'Diallo', 'Traore', 'Keita', 'Ivanova', 'Wang', 'Patel', 'Berg', 'Haddad', 'Mensah', 'Silva', 'Cruz'];

/** One sentence without punctuation naming n distinct people with titles: "President X met Minister Y and …". */
function peopleSentence(n: number): { text: string; entities: EntityMention[] } {
  let text = '';
  const entities: EntityMention[] = [];
  for (let i = 0; i < n; i++) {
    for (const [title, name] of [['President', `${FIRST[i % 12]} ${LAST[(i * 7) % 12]}${i}`], ['Minister', `${FIRST[(i + 5) % 12]} ${LAST[(i + 3) % 12]}x${i}`]]) {
      text += `${title} `;
      entities.push({ start: text.length, end: text.length + name.length, text: name, kind: 'person', confidence: 1 } as EntityMention);
      text += name + (title === 'President' ? ' met ' : ' and ');
    }
  }
  return { text, entities };
}

describe('bounded time on pathological shapes (ratio of two sizes, linear growth)', function () {
  this.timeout(120000);

  it('actors: a sentence without punctuation naming many people', () => {
    const inputs = new Map<number, ReturnType<typeof peopleSentence>>();
    const g = growth((n) => {
      const x = inputs.get(n) ?? peopleSentence(n);
      inputs.set(n, x);
      const actors = buildActors(x.text, x.entities, [{ start: 0, end: x.text.length }]);
      assert.equal(actors.length, 2 * n);
    }, 60);
    assert.ok(g.ratio < MAX_RATIO, `8× the people took ${g.ratio.toFixed(1)}× the time (${g.small.toFixed(0)} → ${g.large.toFixed(0)} ms)`);
    // Roles are still found in the long sentence.
    const x = peopleSentence(3);
    const actors = buildActors(x.text, x.entities, [{ start: 0, end: x.text.length }]);
    assert.deepEqual(actors.find((a) => a.name === x.entities[0].text)?.roles, ['President']);
  });

  it('boilerplate copied blocks: repeated numbered lines, then a long run of lines without a key', () => {
    // Every line of the first half repeats the one two lines before it with another number (each is
    // walked as a block), and the second half has no key at all: each walk stops after a bounded reach.
    const make = (n: number) => {
      const texts: string[] = [];
      for (let i = 0; i < n; i++) texts.push(i % 2 ? `Session ${i}: easy run` : `Session ${i}: rest day`);
      for (let i = 0; i < n; i++) texts.push('* * *');
      const keys = texts.map((t) => (t === '* * *' ? '' : t.replace(/\d+/g, '0').toLowerCase()));
      return { keys, texts };
    };
    const inputs = new Map<number, ReturnType<typeof make>>();
    const g = growth((n) => {
      const x = inputs.get(n) ?? make(n);
      inputs.set(n, x);
      copiedBlockLines(x.keys, x.texts);
    }, 400);
    assert.ok(g.ratio < MAX_RATIO, `8× the lines took ${g.ratio.toFixed(1)}× the time (${g.small.toFixed(1)} → ${g.large.toFixed(1)} ms)`);
  });

  it('boilerplate tables: a long run of cells, a table with a row that breaks every few rows', () => {
    // Rows of a label and two numbers; every fifth row has a third number, so that the periodic
    // stretches end often for every number of columns tried.
    const make = (n: number) => {
      const texts = ['The league published the table on Monday, after the last match of the first half of the season.'];
      for (let i = 0; texts.length < n; i++) texts.push(`Club ${i}`, String(i), String(2 * i), ...(i % 5 === 4 ? [String(3 * i)] : []));
      return articleFeatures(texts).infos;
    };
    const inputs = new Map<number, ReturnType<typeof make>>();
    const g = growth((n) => {
      const infos = inputs.get(n) ?? make(n);
      inputs.set(n, infos);
      assert.ok(tablesInArticle(infos, () => true).length > 0);
    }, 400);
    assert.ok(g.ratio < MAX_RATIO, `8× the lines took ${g.ratio.toFixed(1)}× the time (${g.small.toFixed(1)} → ${g.large.toFixed(1)} ms)`);
  });

  it("corpus summaries: every actor's mention spans of an article with many actors", () => {
    const make = (n: number): ArticleSummary => ({
      relPath: 'a.txt',
      chars: 10 * n,
      lineHashes: [],
      boilerplate: [],
      actors: Array.from({ length: n }, (_, i) => ({ name: `Name ${i}`, kind: 'person' as const, aliases: [], roles: [], demonyms: [], mentionCount: 1 + (i % 3) })),
      mentionSpans: Array.from({ length: n }, (_, i) => Array.from({ length: 1 + (i % 3) }, (_, k) => [10 * i + k, 10 * i + k + 1]).flat()).flat(),
      acronyms: [],
    });
    const g = growth((n) => {
      const s = make(n); // a new summary each time: its offsets are worked out within the timing
      let spans = 0;
      for (let i = 0; i < n; i++) spans += actorSpans(s, i).length;
      assert.equal(spans, s.mentionSpans.length);
    }, 5000);
    assert.ok(g.ratio < MAX_RATIO, `8× the actors took ${g.ratio.toFixed(1)}× the time (${g.small.toFixed(1)} → ${g.large.toFixed(1)} ms)`);
  });

  it('cleanArticle: many annotations between many removed lines', () => {
    const make = (n: number) => {
      const lines: string[] = [];
      const ann: string[] = [];
      let off = 0;
      for (let i = 0; i < n; i++) {
        const l = `Line ${i} Name${i} here`;
        const s = off + l.indexOf('Name');
        ann.push(`T${i + 1}\tPER ${s} ${s + `Name${i}`.length}\tName${i}`);
        lines.push(l);
        off += l.length + 1;
      }
      const text = lines.join('\n');
      return { text, doc: parseBrat(ann.join('\n') + '\n', text), lines: Array.from({ length: n / 2 }, (_, k) => 2 * k) };
    };
    const inputs = new Map<number, ReturnType<typeof make>>();
    const g = growth((n) => {
      const x = inputs.get(n) ?? make(n);
      inputs.set(n, x);
      const r = cleanArticle(x.text, x.doc, x.lines);
      assert.equal(r.report.droppedAnnotations.length, n / 2);
    }, 1000);
    assert.ok(g.ratio < MAX_RATIO, `8× the annotations took ${g.ratio.toFixed(1)}× the time (${g.small.toFixed(1)} → ${g.large.toFixed(1)} ms)`);
  });

  it('removeWithDependents: a long chain of events, each referring to the next one', () => {
    // Removing the last event removes them all; each depends on one later in the file.
    const make = (n: number) => {
      const ann = ['T1\tPER 0 1\tx'];
      for (let i = 1; i <= n; i++) ann.push(`E${i}\tEv:T1 Arg:${i === n ? 'T1' : `E${i + 1}`}`);
      return parseBrat(ann.join('\n') + '\n', 'x'.repeat(10));
    };
    const docs = new Map<number, ReturnType<typeof make>>();
    const g = growth((n) => {
      const d = docs.get(n) ?? make(n);
      docs.set(n, d);
      assert.equal(removeWithDependents(cloneBrat(d), [`E${n}`]).length, n);
    }, 500);
    assert.ok(g.ratio < MAX_RATIO, `8× the chain took ${g.ratio.toFixed(1)}× the time (${g.small.toFixed(1)} → ${g.large.toFixed(1)} ms)`);
  });

  it('dates: mixed date phrases without sentence ends', () => {
    const toks = ['10:30', 'a.m.', 'on', '12/03/2019', '1998-12-03', 'at', '5pm', 'and', '3', 'March', 'to', 'Friday', 'noon', 'tomorrow', 'from', 'until', 'last', 'week', '2024', 'Monday', '1990s', 'the', 'following', 'day', 'since', 'early', 'June', 'two', 'days', 'later', 'ago', 'every', 'quarter', 'or', 'between', 'mid', 'of'];
    const gen = (n: number) => {
      let s = '';
      let x = 7;
      while (s.length < n) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        s += toks[x % toks.length] + ' ';
      }
      return s;
    };
    const texts = new Map<number, string>();
    const g = growth((n) => {
      const t = texts.get(n) ?? gen(n);
      texts.set(n, t);
      assert.ok(recognizeDates(t, { value: '2024-03-05', source: 'map' } as never).length > 0);
    }, 2000, 8, 3);
    assert.ok(g.ratio < MAX_RATIO, `8× the text took ${g.ratio.toFixed(1)}× the time (${g.small.toFixed(0)} → ${g.large.toFixed(0)} ms)`);
  });
});
