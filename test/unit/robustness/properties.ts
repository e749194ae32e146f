// Generated-input properties of the core, the brat reader and writer, the config parser and
// the JSONL import. Shared by the mocha suite (a few hundred runs, in `npm test`) and by
// `npm run fuzz -- --seconds N` (as many runs as the time allows).
import * as fc from 'fast-check';
import { analyzeArticle, type Engines } from '../../../src/core/analysis/analyzeArticle';
import { assembleEngines } from '../../../src/core/analysis/defaultEngines';
import { importJsonl, parseBrat, serializeBrat, textBounds } from '../../../src/core/annotations';
import { parseCorpusConfig } from '../../../src/core/config/parseConfig';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';
import { createRuleEngine } from '../../../src/core/entities/ruleEngine';

let engines: Engines | undefined;
const coreEngines = () => (engines ??= assembleEngines(createRuleEngine()));

/** Words and pieces news text is made of, plus hostile characters (non-BMP, NFD marks, BOM, CR, NUL). */
const PIECES = [
  'President', 'Assimi', 'Goïta', 'Goi\u0308ta', 'met', 'Mali', 'Malian', 'on', 'Monday', 'March', '3', '2024', 'last', 'week', 'the', 'following', 'day',
  'Read more', 'Share this', 'Follow us on Telegram', '©', '2025', 'said', 'U.N.', 'Dr.', 'AFP', '(CAF)', 'Confederation of African Football',
  '😀', '𝔸', '\u0301', '\uFEFF', '\r\n', '\n', '\r', '\n\n', ' ', '\t', ',', '.', '"', '’', '\u0000', '\uD800', 'ﬁ', '12/03/1998', '10:30 a.m.',
];

export const newsText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((a) => a.join(' ')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** An offset does not split a surrogate pair. */
export function onCodePointBoundary(text: string, i: number): boolean {
  return i <= 0 || i >= text.length || !(isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i)));
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

function spansOk(text: string, spans: readonly { start: number; end: number; text?: string }[], what: string): void {
  for (const s of spans) {
    check(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length, `${what} span ${s.start}-${s.end} out of range`);
    check(onCodePointBoundary(text, s.start) && onCodePointBoundary(text, s.end), `${what} span ${s.start}-${s.end} splits a surrogate pair`);
    if (s.text !== undefined) check(text.slice(s.start, s.end) === s.text, `${what} span ${s.start}-${s.end} covers "${text.slice(s.start, s.end)}", not "${s.text}"`);
  }
}

export interface NamedProperty {
  name: string;
  property: fc.IProperty<never>;
}

function prop<T>(name: string, arb: fc.Arbitrary<T>, body: (v: T) => void): NamedProperty {
  return { name, property: fc.property(arb, body) as unknown as fc.IProperty<never> };
}

export const PROPERTIES: NamedProperty[] = [
  prop('core: analyzeArticle never throws; spans in range, on code points, covering their text; same input same output', newsText, (text) => {
    const run = () => analyzeArticle(text, { config: DEFAULT_CONFIG, engines: coreEngines() });
    const a = run();
    spansOk(a.text, a.entities, 'entity');
    spansOk(a.text, a.dates, 'date');
    spansOk(a.text, a.boilerplate.map((b) => ({ start: b.start, end: b.end })), 'boilerplate');
    for (const actor of a.actors) spansOk(a.text, actor.mentions, 'actor mention');
    const b = run();
    const strip = (x: ReturnType<typeof run>) => JSON.stringify({ ...x, timings: undefined });
    check(strip(a) === strip(b), 'two runs on the same text differ');
  }),
  prop('brat: any .ann text is written back byte for byte', fc.tuple(fc.array(fc.oneof(fc.constantFrom('T1\tPER 0 3\tAda', 'T2\tLOC 4 9;10 12\tPorto x', '#1\tAnnotatorNotes T1\tnote', 'R1\tRel Arg1:T1 Arg2:T2', 'E1\tEv:T1 A:T2', '*\tEquiv T1 T2', 'A1\tNeg T1', 'N1\tRef T1 Wiki:1\tAda', 'garbage', ''), fc.string({ maxLength: 40 })), { maxLength: 20 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), newsText), ([lines, eol, final, text]) => {
    const ann = lines.join(eol) + (final ? eol : '');
    for (const t of [undefined, text]) {
      const doc = parseBrat(ann, t);
      check(serializeBrat(doc, t) === ann, 'round trip changed the .ann');
    }
  }),
  prop('brat: annotations written for a text read back with the same spans and covered texts', fc.tuple(newsText, fc.array(fc.tuple(fc.nat(), fc.nat(40)), { maxLength: 8 }), fc.boolean()), ([text, picks, bom]) => {
    const spans = picks
      .map(([s, n]) => {
        let start = text.length ? s % text.length : 0;
        if (!onCodePointBoundary(text, start)) start--;
        let end = Math.min(text.length, start + n);
        if (!onCodePointBoundary(text, end)) end++;
        return { start, end };
      })
      .filter((x) => x.end > x.start && !/[\r\n]/.test(text.slice(x.start, x.end)));
    const ann = spans.map((x, i) => `T${i + 1}\tPER ${x.start} ${x.end}\t${text.slice(x.start, x.end)}`).join('\n') + (spans.length ? '\n' : '');
    // Offsets above are UTF-16; write through the document API so brat's code-point offsets are used.
    const doc = parseBrat('', text, { bom });
    for (const x of spans) doc.entries.push({ kind: 'T', id: `T${doc.entries.length + 1}`, type: 'PER', fragments: [{ ...x }], text: text.slice(x.start, x.end) });
    const written = serializeBrat(doc, text, { bom });
    const back = textBounds(parseBrat(written, text, { bom }));
    check(back.length === spans.length, `read back ${back.length} of ${spans.length} annotations`);
    back.forEach((t, i) => {
      check(t.fragments[0].start === spans[i].start && t.fragments[0].end === spans[i].end, `span ${i} moved`);
      check(t.text === text.slice(spans[i].start, spans[i].end) && !t.damage, `span ${i} covered text differs or is damaged`);
    });
    check(written === serializeBrat(parseBrat(written, text, { bom }), text, { bom }), 'second round trip differs');
    void ann;
  }),
  prop('config: parseCorpusConfig never throws, problems point into the file, same input same output', fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.constantFrom('boilerplate:', '  patterns: ["x?", "(a+)+$", "^ok"]', '  threshold: 2', '  phrases: [a, b]', 'include: ["**/*.txt"]', 'exclude: [', 'labels: [EVT, "bad label"]', 'articleDate:', '  from: map', '  map: {"a.txt": 2024-02-30}', '- x', ':', '  ', '\t', 'entities: {kinds: [person, animal]}'), { maxLength: 12 }).map((l) => l.join('\n'))), (src) => {
    const a = parseCorpusConfig(src, { trusted: true });
    const lines = src.split(/\r\n|\r|\n/).length;
    for (const p of a.problems) check(p.line >= 0 && p.line <= lines && p.character >= 0, `problem at ${p.line}:${p.character} outside the file`);
    for (const pat of a.config.boilerplate.patterns) check(typeof pat === 'string' && pat.length > 0, 'an empty pattern was accepted');
    check(JSON.stringify(parseCorpusConfig(src, { trusted: true })) === JSON.stringify(a), 'two parses differ');
  }),
  prop('JSONL import: never throws; spans in range, on code points, covering their text', fc.array(fc.oneof(newsText.map((t) => JSON.stringify({ text: t, spans: [{ start: 0, end: Math.min(3, t.length), label: 'PER' }, { start: 1, end: t.length + 2, label: 'X' }] })), newsText.map((t) => JSON.stringify({ text: t, label: [[0, t.length, 'ORG'], [2, 1, 'PER']] })), fc.string({ maxLength: 60 })), { maxLength: 6 }), (lines) => {
    const r = importJsonl(lines.join('\n'), ['EVT']);
    for (const d of r.docs) spansOk(d.text, textBounds(d.ann).flatMap((t) => t.fragments.map((f) => ({ ...f }))), 'imported');
  }),
];
