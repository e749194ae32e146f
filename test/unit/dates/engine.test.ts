import { strict as assert } from 'node:assert';
import { createDateEngine } from '../../../src/core/dates';
import type { ArticleDateInfo, DateMention } from '../../../src/core/types';

const engine = createDateEngine();
const SEPT20: ArticleDateInfo = { value: '2025-09-20', source: 'newscorpus.yaml dates map' };

/** articleDate null: no article date. */
function mention(text: string, surface: string, articleDate: ArticleDateInfo | null = SEPT20, nth = 0): DateMention {
  const all = engine.recognize(text, articleDate ?? undefined);
  let from = 0;
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(surface, from);
    from = start + 1;
  }
  assert.ok(start >= 0, `test sentence lacks "${surface}"`);
  const m = all.find((x) => x.start === start && x.end === start + surface.length);
  assert.ok(m, `no mention with exactly the span "${surface}" in: ${JSON.stringify(all.map((x) => x.text))}`);
  assert.equal(m.text, surface);
  return m;
}

describe('date engine: recognition and TimeML values (article date 2025-09-20)', () => {
  it('"since 2012" → DATE 2012, without "since"', () => {
    const m = mention('The cooperative has grown since 2012 in the north.', '2012');
    assert.equal(m.type, 'DATE');
    assert.equal(m.value, '2012');
  });

  it('"in August 2020" → 2020-08 and "in May the following year" → 2021-05, anchored on the earlier date', () => {
    const text = 'The clinic opened in August 2020 and closed in May the following year.';
    const aug = mention(text, 'August 2020');
    assert.equal(aug.value, '2020-08');
    const may = mention(text, 'May the following year');
    assert.equal(may.type, 'DATE');
    assert.equal(may.value, '2021-05');
    assert.match(may.anchor ?? '', /2020-08/);
  });

  it('"recently" → PAST_REF', () => {
    const m = mention('Fuel prices have recently doubled in Bamako.', 'recently');
    assert.deepEqual([m.type, m.value], ['DATE', 'PAST_REF']);
  });

  it('"on September 4" → 2025-09-04 (no "on"), anchored on the article date with its source', () => {
    const m = mention('The vote took place on September 4, officials said.', 'September 4');
    assert.deepEqual([m.type, m.value], ['DATE', '2025-09-04']);
    assert.equal(m.anchor, 'article date 2025-09-20 (newscorpus.yaml dates map)');
  });

  it('"in the last ten years" → DURATION P10Y including "the"', () => {
    const m = mention('Harvests have shrunk in the last ten years.', 'the last ten years');
    assert.deepEqual([m.type, m.value], ['DURATION', 'P10Y']);
  });

  it('"on Tuesday" in past tense → the Tuesday before the article date; in future tense → the one after', () => {
    const past = mention('The minister resigned on Tuesday.', 'Tuesday');
    assert.equal(past.value, '2025-09-16');
    const future = mention('The minister will resign on Tuesday.', 'Tuesday');
    assert.equal(future.value, '2025-09-23');
  });

  it('"On November 10, 2025" against 2025-11-10 → 2025-11-10', () => {
    const m = mention('On November 10, 2025, President Keita addressed the nation.', 'November 10, 2025', { value: '2025-11-10', source: 'first full date in the text, line 1' });
    assert.deepEqual([m.type, m.value], ['DATE', '2025-11-10']);
  });

  it('with no article date, "September 4" → XXXX-09-04 with a note', () => {
    const m = mention('The vote took place on September 4.', 'September 4', null);
    assert.equal(m.value, 'XXXX-09-04');
    assert.match(m.note ?? '', /year unknown/);
    assert.equal(m.anchor, undefined);
  });

  it('with no article date, deictic expressions have no value and say why', () => {
    const m = mention('Exports fell last year.', 'last year', null);
    assert.equal(m.value, null);
    assert.match(m.note ?? '', /article date/);
  });

  it('durations, sets, quarters, decades, seasons, times and present references', () => {
    const text =
      'Now the talks, held every week, have lasted two hours. Profit fell in the third quarter. ' +
      'The 1990s were calm. It rained last summer. The session opened at 10:30 a.m. on 12/03/2019, two days ago.';
    assert.deepEqual(pick(mention(text, 'Now')), ['DATE', 'PRESENT_REF']);
    assert.deepEqual(pick(mention(text, 'every week')), ['SET', 'P1W']);
    assert.deepEqual(pick(mention(text, 'two hours')), ['DURATION', 'PT2H']);
    assert.deepEqual(pick(mention(text, 'the third quarter')), ['DATE', '2025-Q3']);
    assert.deepEqual(pick(mention(text, 'The 1990s')), ['DATE', '199']);
    assert.deepEqual(pick(mention(text, 'last summer')), ['DATE', '2025-SU']);
    assert.deepEqual(pick(mention(text, '10:30 a.m.')), ['TIME', '2025-09-20T10:30']);
    assert.deepEqual(pick(mention(text, '12/03/2019')), ['DATE', '2019-12-03']);
    assert.deepEqual(pick(mention(text, 'two days ago')), ['DATE', '2025-09-18']);
  });

  it('relative weeks, months and years resolve to TimeML granularity', () => {
    const text = 'Sales rose last week, fell last month and grew last year; a year ago they were flat. Yesterday was calm.';
    assert.equal(mention(text, 'last week').value, '2025-W37');
    assert.equal(mention(text, 'last month').value, '2025-08');
    assert.equal(mention(text, 'last year').value, '2024');
    assert.equal(mention(text, 'a year ago').value, '2024');
    assert.equal(mention(text, 'Yesterday').value, '2025-09-19');
  });

  it('does not take ages, modal "may" or lower-case "march" for dates', () => {
    const text = 'The 6-year-old may march with the others; prices may rise. It was high noon for the party daily Essor, USA Today wrote.';
    assert.deepEqual(engine.recognize(text, SEPT20), []);
  });

  it('TimeBank boundaries: hyphenated adjectives without their determiner, modifiers kept or dropped as TimeBank does', () => {
    const text = 'It posted a five-year high, the third-quarter results beat a 10-day forecast, talks took more than four hours and lasted about three weeks.';
    assert.deepEqual(pick(mention(text, 'five-year')), ['DURATION', 'P5Y']);
    assert.deepEqual(pick(mention(text, 'third-quarter')), ['DATE', '2025-Q3']);
    assert.deepEqual(pick(mention(text, '10-day')), ['DURATION', 'P10D']);
    assert.deepEqual(pick(mention(text, 'more than four hours')), ['DURATION', 'PT4H']);
    assert.deepEqual(pick(mention(text, 'three weeks')), ['DURATION', 'P3W']);
    assert.deepEqual(pick(mention('The trial is expected to last several weeks.', 'several weeks')), ['DURATION', 'PXW']);
  });

  it('sets: every/each, weekday plurals, rates', () => {
    const text = 'Buses leave on Mondays and on Tuesday nights, twice a week, and the market opens each July.';
    assert.deepEqual(pick(mention(text, 'Mondays')), ['SET', 'XXXX-WXX-1']);
    assert.deepEqual(pick(mention(text, 'Tuesday nights')), ['SET', 'XXXX-WXX-2TNI']);
    assert.deepEqual(pick(mention(text, 'a week')), ['SET', 'P1W']);
    assert.deepEqual(pick(mention(text, 'each July')), ['SET', 'XXXX-07']);
  });

  it('earnings-report anaphora: "a year earlier" after a quarter is the year-ago quarter', () => {
    const text = 'Profit rose in the second quarter of 2025 to $3 million from $2 million a year earlier.';
    assert.equal(mention(text, 'the second quarter of 2025').value, '2025-Q2');
    assert.equal(mention(text, 'a year earlier').value, '2024-Q2');
  });

  it('returns sorted, non-overlapping mentions whose text matches the span', () => {
    const text = 'From January 2024 to mid-March, and again on Friday, Oct. 3, output fell for three weeks.';
    const all = engine.recognize(text, SEPT20);
    assert.ok(all.length >= 3);
    for (let i = 0; i < all.length; i++) {
      assert.equal(text.slice(all[i].start, all[i].end), all[i].text);
      if (i > 0) assert.ok(all[i - 1].end <= all[i].start, 'overlap or unsorted');
    }
  });
});

describe('date engine: awkward input', () => {
  it('empty text gives nothing', () => {
    assert.deepEqual(engine.recognize('', SEPT20), []);
  });

  it('offsets index the text as given, with a BOM and CRLF line breaks', () => {
    const text = '\uFEFFBAMAKO\r\nOn Tuesday, Sept. 9, the junta met.\r\nIt will meet again next week.';
    const all = engine.recognize(text, SEPT20);
    const sept = all.find((m) => m.value === '2025-09-09');
    assert.ok(sept);
    assert.equal(text.slice(sept.start, sept.end), sept.text);
    const next = all.find((m) => m.text === 'next week');
    assert.ok(next);
    assert.equal(next.value, '2025-W39');
  });

  it('non-BMP characters and NFD accents before a date do not shift offsets', () => {
    const text = 'Le Mali 🇲🇱 et Goi\u0308ta\u0301 : the accord was signed on March 3, 2024.';
    const m = mention(text, 'March 3, 2024');
    assert.equal(m.value, '2024-03-03');
  });

  it('an invalid calendar date is kept as a mention without a value', () => {
    const m = mention('The decree is dated February 30, 2024.', 'February 30, 2024');
    assert.equal(m.value, null);
    assert.ok(m.note);
  });

  it('huge input is bounded and still answers', () => {
    const chunk = 'Nothing happened on Monday, and prices rose 5% in 2019. ';
    const text = chunk.repeat(Math.ceil(2_600_000 / chunk.length));
    const all = engine.recognize(text, SEPT20);
    assert.ok(all.length > 0);
    assert.ok(all[all.length - 1].end <= 2_000_000, 'work beyond the cap');
  });
});

function pick(m: DateMention): [string, string | null] {
  return [m.type, m.value];
}

describe('date engine: property', () => {
  it('never throws; mentions are sorted, disjoint, inside the text and match their span (fast-check)', async () => {
    const fc = await import('fast-check');
    const words = ['on', 'Tuesday', 'May', 'may', 'the', 'last', 'ten', 'years', 'ago', '2012', 'since', 'Oct.', '13,', '1998',
      'third-quarter', 'a', 'year', 'earlier', '10:30', 'p.m.', 'EST', 'every', 'week', 'now', '\r\n', '\uFEFF', '😀', 'é', 'noon',
      'the following', 'mid-', '1990s', "'80s", 'fiscal', '12/03/1998', 'spring', 'Christmas', '-', ',', '.'];
    const textArb = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((a) => a.join(' '));
    const dateArb = fc.option(fc.constantFrom('2025-09-20', '1998-01-08', '2000-02-29', 'not a date'), { nil: undefined });
    fc.assert(
      fc.property(textArb, dateArb, (text, d) => {
        const all = engine.recognize(text, d ? { value: d, source: 'test' } : undefined);
        let prevEnd = 0;
        for (const m of all) {
          if (m.start < prevEnd || m.end <= m.start || m.end > text.length) return false;
          if (text.slice(m.start, m.end) !== m.text) return false;
          if (m.value === null && !m.note) return false;
          prevEnd = m.end;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
