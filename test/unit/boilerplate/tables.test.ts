import assert from 'node:assert/strict';
import { articleFeatures } from '../../../src/core/boilerplate/features';
import { periodicStretch, tablesInArticle } from '../../../src/core/boilerplate/tables';
import { detectBoilerplate as detect } from './fixtures';

const PROSE = [
  'The Eagles of Bamako beat the visitors 3-1 on Sunday and moved to the top of the league, two points clear of Stade Malien.',
  'The coach said after the match that the side had finally found its rhythm, and that the next three games would decide the title.',
];
/** The league table, scraped one cell a line: a heading row, then position, club, played, points. */
const CLUBS = ['Eagles of Bamako', 'Stade Malien', 'Djoliba AC', 'Real Bamako', 'AS Bakaridjan', 'Onze Créateurs', 'USFAS', 'CS Duguwolofila', 'AS Police', 'Binga FC'];
const TABLE = ['Pos', 'Club', 'Played', 'Points', ...CLUBS.flatMap((club, i) => [String(i + 1), club, String(12 - (i % 2)), String(28 - 2 * i - (i % 3))])];
/** A quote table: ticker, company, last, change, change %. */
const QUOTES = ['Ticker', 'Company', 'Last', 'Change', 'Change %', 'SONA', 'SONATEL SA', '25,100', '-150', '-0.59%', 'ORAC', 'ORANGE CI', '14,995', '+45', '+0.30%'];
/** A ranked list of headlines: a number, a title, a number, a title. */
const RANKED = ['1', 'Mali junta extends transition by five years', '2', 'Floods in Niamey leave thousands homeless', '3', 'Dakar port strike enters second week', '4', 'Senegal names new central bank governor', '5', 'Ghana cedi falls to record low'];

const NUMBER = 0;
const TEXT = 1;

describe('boilerplate: tables inside the article', () => {
  it('finds the periodic stretch of a table, its heading row with it', () => {
    // Heading row (all text), then rows of text, number, number.
    const kinds = [TEXT, TEXT, TEXT, TEXT, NUMBER, NUMBER, TEXT, NUMBER, NUMBER, TEXT, NUMBER, NUMBER];
    assert.deepEqual(periodicStretch(kinds), { columns: 3, first: 0, last: 11 });
    // A text cell before the heading row is not part of it.
    assert.deepEqual(periodicStretch([TEXT, ...kinds]), { columns: 3, first: 1, last: 12 });
    // Too few rows.
    assert.equal(periodicStretch(kinds.slice(0, 6)), undefined);
    // All cells of one kind (a menu, a column of figures): no table.
    assert.equal(periodicStretch(Array(12).fill(TEXT)), undefined);
    assert.equal(periodicStretch(Array(12).fill(NUMBER)), undefined);
    // A ranked list: one number a row, and read two entries a row its row repeats within itself.
    assert.equal(periodicStretch([NUMBER, TEXT, NUMBER, TEXT, NUMBER, TEXT, NUMBER, TEXT, NUMBER, TEXT, NUMBER, TEXT]), undefined);
  });

  it('keeps a table beside prose the model keeps, and nothing else', () => {
    const all = () => true;
    const lines = ['Eagles top the league', ...PROSE, 'League table', ...TABLE, 'Share on Facebook'];
    const infos = articleFeatures(lines).infos;
    const found = tablesInArticle(infos, all).map((j) => infos[j].text);
    assert.deepEqual(found, TABLE);
    // After the table, prose: the quote table of a market report, under a "Continue reading" link.
    const quotes = articleFeatures([PROSE[0], 'Continue Reading Below', ...QUOTES, PROSE[1]]).infos;
    assert.deepEqual(tablesInArticle(quotes, all).map((j) => quotes[j].text), QUOTES);
    // Not when the prose by it is flagged.
    assert.deepEqual(tablesInArticle(infos, (j) => j > 2), []);
    // Not a ranked list of headlines ("Most read").
    assert.deepEqual(tablesInArticle(articleFeatures([...PROSE, ...RANKED]).infos, all), []);
    // Not a table broken by a phrase of the lexicon into runs too short.
    assert.deepEqual(tablesInArticle(articleFeatures([...PROSE, ...TABLE.slice(0, 8), 'Read more', ...TABLE.slice(8)]).infos, all), []);
  });

  it('keeps the league table of an article as article text, and still flags what follows it', () => {
    // The trained trees alone flag its first heading cells ("Pos", "Club") as they flag a menu.
    const text = ['Eagles top the league', ...PROSE, 'League table', ...TABLE, 'Share this article', 'Leave a Reply'].join('\n');
    const flagged = new Set(detect(text).map((f) => f.line));
    for (let l = 4; l < 4 + TABLE.length; l++) assert.ok(!flagged.has(l), `table line ${l} flagged`);
    assert.ok(flagged.has(4 + TABLE.length + 1), 'Leave a Reply is flagged');
  });
});
