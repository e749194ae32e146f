import assert from 'node:assert/strict';
import { createBoilerplateEngine, isTemplate, lineKey, TemplateIndex, compilePatterns } from '../../../src/core/boilerplate';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';
import { splitLines } from '../../../src/core/text/lines';
import { lineKeyHash, lineKeyHashOf, unicodeLineKey } from '../../../src/core/boilerplate/templates';

const FOOTER = 'The Valley Herald is an independent newspaper serving the upper valley since 1921';
const SHORT = 'It rained.';

const PLACES = ['Alderbrook', 'Birchford', 'Cedarvale', 'Dunmore', 'Elmstead'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const CROPS = ['wheat', 'barley', 'apples', 'potatoes', 'grapes'];

function article(i: number): string {
  const p = PLACES[i];
  const body = [
    `The regional water board said on ${DAYS[i]} that reservoir levels near ${p} had risen for the third week in a row after heavy rain.`,
    `Farmers around ${p} welcomed the news, although several of them said that the late rain had already damaged part of the ${CROPS[i]} harvest.`,
    `Engineers will inspect the ${p} dam next month, the board said, as part of a routine programme of checks on the valley's reservoirs.`,
  ];
  return [`Reservoirs near ${p} rise again`, body[0], body[1], SHORT, body[2], FOOTER].join('\n');
}

describe('lineKey', () => {
  it('normalises case, digits, punctuation, spaces and Unicode forms', () => {
    assert.equal(lineKey('  12 Comments!! '), lineKey('3 comments'));
    assert.equal(lineKey('Café  du   Port'), lineKey('Cafe\u0301 du Port'));
    assert.equal(lineKey('Share — on Facebook'), 'share on facebook');
    assert.equal(lineKey(''), '');
    assert.ok(lineKey('x'.repeat(10_000)).length <= 300);
  });
});

describe('lineKey on ASCII and Latin lines (one-pass path)', () => {
  const check = (s: string) => {
    const cut = s.length > 1200 ? s.slice(0, 1200) : s;
    const key = lineKey(s);
    assert.equal(key, unicodeLineKey(cut), JSON.stringify(s));
    // The hash taken without building the key (the corpus's line hashes) is the key's.
    assert.equal(lineKeyHashOf(s), key.length > 0 ? lineKeyHash(key) : undefined, JSON.stringify(s));
  };

  it('hashes a key cut at its 300th character, a space there included, and a long line with a letter past ASCII at its end', () => {
    for (const s of ['x'.repeat(299) + ' y', 'x'.repeat(298) + ' yz', 'x'.repeat(300) + ' y', 'ab '.repeat(150), 'a'.repeat(1100) + '\u4e2d', 'a'.repeat(1300) + '\u4e2d', '1'.repeat(400) + 'a']) check(s);
    assert.equal(lineKeyHashOf('x'.repeat(299) + ' y'), lineKeyHash('x'.repeat(299) + ' '));
    assert.equal(lineKeyHashOf(' -- '), undefined);
  });

  it('gives the key of the Unicode definition on random lines of ASCII, Latin-1 and punctuation, digit runs, edges and long lines included', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    const alphabet = 'aZ9 0-.,!\t\r_|Q12 \u007f\u0000éÉßÿÞ×÷\u00a0’“”–—…•ªº²½µ¨´\u0301\u2017\u2122İ€\u200b';
    const samples = ['', ' ', '12 Comments', '  3 comments  ', 'A1b22C333', '99', '--x--', 'x'.repeat(1300), '1 2', 'a 1 b', 'Café — l’été…', 'Cafe\u0301', 'É\u0301', '×2', 'é'.repeat(1300)];
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const n = rnd(i % 50 === 0 ? 1400 : 40);
      for (let k = 0; k < n; k++) s += alphabet[rnd(alphabet.length)];
      samples.push(s);
    }
    for (const s of samples) check(s);
  });

  it('gives the key of the Unicode definition for every character of the Basic Multilingual Plane, alone and between letters and digits', () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      check(ch);
      check(`Ab${ch}cD`);
      check(`1${ch}2`);
      check(`é${ch}\u0301x`);
    }
  });
});

describe('TemplateIndex', () => {
  it('counts in how many other documents a line occurs, and follows updates and removals', () => {
    const idx = new TemplateIndex();
    for (let i = 0; i < 4; i++) idx.add(`d${i}`, article(i));
    assert.equal(idx.articleCount, 4);
    const k = lineKey(FOOTER);
    assert.equal(idx.occurrences(k), 4);
    assert.equal(idx.occurrences(k, 'd0'), 3);
    assert.equal(idx.occurrences(lineKey('Reservoirs near Birchford rise again')), 1);
    assert.equal(idx.occurrences(lineKey('Page 12 of 40')), 0);
    idx.update('d1', 'A different text\nwith other lines');
    assert.equal(idx.occurrences(k), 3);
    idx.remove('d2');
    assert.equal(idx.occurrences(k), 2);
    assert.equal(idx.articleCount, 3);
    idx.remove('nope');
    assert.equal(idx.articleCount, 3);
  });

  it('keeps memory bounded', () => {
    const idx = new TemplateIndex({ maxKeys: 50, maxKeysPerDoc: 10 });
    for (let d = 0; d < 20; d++) idx.add(`d${d}`, Array.from({ length: 100 }, (_, i) => `unique line ${d} ${'abcdefghij'[i % 10]}${String.fromCharCode(97 + (i % 26))} of doc ${'x'.repeat(d)}`));
    assert.ok(idx.keyCount <= 50);
  });

  it('isTemplate needs at least 3 articles and 30% of the corpus', () => {
    const idx = new TemplateIndex();
    for (let i = 0; i < 10; i++) idx.add(`d${i}`, i < 2 ? `${FOOTER}\nx${i}` : `other ${i}`);
    assert.equal(isTemplate(idx, lineKey(FOOTER), 'd0').template, false);
    idx.add('d2', FOOTER);
    idx.add('d3', FOOTER);
    assert.equal(isTemplate(idx, lineKey(FOOTER), 'd0').articles, 4);
    assert.equal(isTemplate(idx, lineKey(FOOTER), 'd0').template, true);
  });
});

describe('template findings across a corpus', () => {
  it('flags a footer repeated across articles as a template, but not a short generic line', () => {
    const engine = createBoilerplateEngine();
    const idx = new TemplateIndex();
    const texts = Array.from({ length: 5 }, (_, i) => article(i));
    texts.forEach((t, i) => idx.add(`d${i}`, t));
    const text = texts[2];
    const lines = splitLines(text);
    const withCorpus = engine.detect({ text, lines, settings: DEFAULT_CONFIG.boilerplate, corpus: idx, docId: 'd2' });
    const footer = withCorpus.find((f) => f.line === 5);
    assert.ok(footer, 'footer flagged');
    assert.equal(footer.category, 'template');
    assert.match(footer.message, /5 articles/);
    assert.ok(!withCorpus.some((f) => f.line >= 0 && f.line <= 4), 'article body and its short subhead are not flagged');
    const subhead = lines.find((l) => l.text === SHORT);
    assert.ok(subhead && idx.occurrences(lineKey(SHORT)) === 5, 'the subhead does repeat in every article');
    // Switching templates off removes it; alone (no corpus) it is not a template.
    const off = engine.detect({ text, lines, settings: { ...DEFAULT_CONFIG.boilerplate, categories: { template: false } }, corpus: idx, docId: 'd2' });
    assert.ok(!off.some((f) => f.category === 'template'));
    const alone = engine.detect({ text, lines, settings: DEFAULT_CONFIG.boilerplate });
    assert.ok(!alone.some((f) => f.category === 'template'));
  });
});

describe('user pattern guard (the regex gate)', () => {
  it('runs catastrophic shapes in linear time, refuses back-references, look-around and empty matches', () => {
    const c = compilePatterns(['(a+)+$', '(?:\\w+\\s?)*x', '(a|aa)*b', 'a*a*a*a*a*c', '(a)\\1', '(?<=a)b', 'x?', '^', 'foo|', '\\b', '^Follow us on (Telegram|WhatsApp)', '^\\d+ comments?$'], true);
    assert.deepEqual(c.regexes.map((r) => r.source), ['(a+)+$', '(?:\\w+\\s?)*x', '(a|aa)*b', 'a*a*a*a*a*c', '^Follow us on (Telegram|WhatsApp)', '^\\d+ comments?$']);
    assert.equal(c.problems.length, 6);
    assert.match(c.problems.join('\n'), /back-references/);
    assert.match(c.problems.join('\n'), /matches the empty string/);
    const line = 'a'.repeat(5000) + '!';
    for (const r of c.regexes.slice(0, 4)) assert.equal(r.test(line), false);
  });

  it('reports invalid and untrusted patterns instead of throwing', () => {
    const c = compilePatterns(['(unclosed', '^ok$', '(x*)*'], true);
    assert.equal(c.regexes.length, 1);
    assert.equal(c.problems.length, 2);
    const u = compilePatterns(['^ok$'], false);
    assert.equal(u.regexes.length, 0);
    assert.match(u.problems[0], /not trusted/);
  });
});
