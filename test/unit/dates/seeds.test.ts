// Runs the date engine over the real seed articles in ../shared/seeds when they
// are there. Checks invariants only; nothing from the articles is copied here.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDateEngine, resolveArticleDate } from '../../../src/core/dates';

const SEEDS = resolve(__dirname, '..', '..', '..', '..', 'shared', 'seeds');
const VALUE = /^(?:\d{2,4}|\d{4}-(?:\d{2}|Q[1-4]|H[12]|W\d{2}(?:-WE)?|SP|SU|FA|WI)|\d{4}-\d{2}-\d{2}(?:T.*)?|X{4}-.*|P.*|PRESENT_REF|PAST_REF|FUTURE_REF)$/;

describe('date engine on the seed articles (../shared/seeds)', function () {
  let files: string[] = [];
  before(function () {
    if (!existsSync(SEEDS)) {
      console.log(`    (skipped: seed articles not found at ${SEEDS}; they live in the shared data beside the project)`);
      this.skip();
    }
    files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
    if (files.length === 0) this.skip();
  });

  it('finds dates in every seed; spans are sorted, non-overlapping, match the text; values are TimeML', () => {
    const engine = createDateEngine();
    for (const f of files) {
      const text = readFileSync(join(SEEDS, f), 'utf8');
      const articleDate = resolveArticleDate(text, { relPath: f, settings: { from: 'text', map: {} } });
      const mentions = engine.recognize(text, articleDate);
      assert.ok(mentions.length > 0, `${f}: no dates found`);
      for (let i = 0; i < mentions.length; i++) {
        const m = mentions[i];
        assert.equal(text.slice(m.start, m.end), m.text, f);
        assert.ok(!/^(?:on|in|since)\s/i.test(m.text), `${f}: leading preposition in "${m.text}"`);
        assert.ok(!/[,;:.]$/.test(m.text) || /(?:[ap]\.m\.|\b[A-Z][a-z]{2,3}\.)$/i.test(m.text), `${f}: trailing punctuation in "${m.text}"`);
        if (i > 0) assert.ok(mentions[i - 1].end <= m.start, `${f}: overlap`);
        if (m.value !== null) assert.match(m.value, VALUE, `${f}: "${m.text}" → ${m.value}`);
        else assert.ok(m.note, `${f}: "${m.text}" has no value and no note`);
        // A four-digit year in the mention is the year of its value.
        const year = /\b(1[89]\d\d|20\d\d)\b/.exec(m.text)?.[1];
        if (year && m.value && m.type === 'DATE') assert.ok(m.value.startsWith(year), `${f}: "${m.text}" → ${m.value}`);
      }
    }
  });

  it('an article whose first lines carry a full date gets it as article date, and relative dates resolve against it', () => {
    const engine = createDateEngine();
    let checked = 0;
    for (const f of files) {
      const text = readFileSync(join(SEEDS, f), 'utf8');
      const ad = resolveArticleDate(text, { settings: { from: 'text', map: {} } });
      if (!ad) {
        // Without an article date nothing relative gets a full value.
        for (const m of engine.recognize(text, undefined)) if (m.value?.startsWith('X')) assert.ok(m.note);
        continue;
      }
      checked++;
      assert.match(ad.value, /^\d{4}-\d{2}-\d{2}$/);
      assert.match(ad.source, /line \d+/);
      const first = engine.recognize(text, ad).find((m) => m.value === ad.value);
      assert.ok(first, `${f}: the article date ${ad.value} is not among the recognised dates`);
    }
    assert.ok(checked > 0, 'no seed article has a date in its first lines');
  });
});
