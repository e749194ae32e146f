import assert from 'node:assert/strict';
import { GLUED_MIN_LINES, gluedTeasers } from '../../../src/core/boilerplate/engine';
import { articleFeatures, gluedHeadline } from '../../../src/core/boilerplate/features';
import { detectBoilerplate as detect, ELECTION_ARTICLE } from './fixtures';

// Invented, in the shape of a scraped "Breaking News" strip: headline, dateline, the story's opening.
const TICKER = [
  'Junta names new cabinet as talks with regional bloc stall BAMAKO: Mali’s military rulers on Tuesday named a 25-member cabinet, keeping the defence and foreign ministers in place as talks with ECOWAS stalled.',
  'Flooding displaces thousands along the Niger river NIAMEY: Heavy rains have displaced more than 12,000 people along the Niger river in the past week, the civil protection agency said on Monday...',
  'Gold exports rise for a third straight month, ministry says OUAGADOUGOU: Burkina Faso’s gold exports rose for a third month in a row in August, the mines ministry said in a statement on Thursday, citing',
  'Opposition leader freed after two years in detention NEW YORK: A leading opposition figure was released on Wednesday after nearly two years in detention without trial, his lawyers told reporters outside the court.',
];

describe('boilerplate: news tickers (headlines glued to other stories)', () => {
  it('reads a headline run into a dateline and a story’s opening, and nothing else', () => {
    for (const t of TICKER) assert.equal(gluedHeadline(t), true, t);
    // An article's own dateline opens its line.
    assert.equal(gluedHeadline(ELECTION_ARTICLE[1]), false);
    for (const t of ELECTION_ARTICLE) assert.equal(gluedHeadline(t), false, t);
    // A colon after an acronym of three letters or fewer, or after a word with lower case, is a title's colon.
    assert.equal(gluedHeadline('How the new rules change the outlook for growth and TFP: How Much Research Is Necessary To Maintain the Food Supply by 2040'), false);
    assert.equal(gluedHeadline('The three pillars of the new strategy for the region Security: the army will keep its bases in the north and the east'), false);
    // Nor when what follows the colon does not open a sentence, nor when the line is short.
    assert.equal(gluedHeadline('Junta names new cabinet as talks with regional bloc stall BAMAKO: on Tuesday the military rulers named a cabinet of 25 members'), false);
    assert.equal(gluedHeadline('Junta names new cabinet BAMAKO: Mali’s rulers named a cabinet'), false);
  });

  it('finds runs of at least three such lines', () => {
    const { infos } = articleFeatures([...TICKER, '', ...ELECTION_ARTICLE]);
    assert.deepEqual(gluedTeasers(infos), [0, 1, 2, 3]);
    assert.deepEqual(gluedTeasers(articleFeatures([...TICKER.slice(0, GLUED_MIN_LINES - 1), ...ELECTION_ARTICLE]).infos), []);
    // Broken by another line: two runs, each too short.
    assert.deepEqual(gluedTeasers(articleFeatures([TICKER[0], TICKER[1], ELECTION_ARTICLE[0], TICKER[2], TICKER[3]]).infos), []);
  });

  it('flags a ticker before the article as other stories, and keeps the article', () => {
    const text = ['Breaking News', ...TICKER, '', ...ELECTION_ARTICLE, ''].join('\n');
    const findings = detect(text);
    const byLine = new Map(findings.map((f) => [f.line, f]));
    for (let i = 1; i <= TICKER.length; i++) {
      assert.equal(byLine.get(i)?.category, 'related', `line ${i}`);
      assert.match(byLine.get(i)!.message, /headline run into the dateline/);
    }
    for (let i = 0; i < ELECTION_ARTICLE.length; i++) assert.equal(byLine.has(TICKER.length + 2 + i), false, ELECTION_ARTICLE[i]);
    // Two such lines alone are not a ticker (a headline and lead run together may be the article's own): the model decides.
    const two = detect([...TICKER.slice(0, 2), '', ...ELECTION_ARTICLE].join('\n'));
    assert.equal(two.some((f) => f.line < 2 && /headline run into the dateline/.test(f.message)), false);
  });
});
