import assert from 'node:assert/strict';
import { copiedBlockLines } from '../../../src/core/boilerplate/engine';
import { lineKey } from '../../../src/core/boilerplate/templates';
import { detectBoilerplate as detect, ELECTION_ARTICLE } from './fixtures';

// Invented: a training plan whose days repeat the same sessions, with a line that differs each day
// (numbers alone do not make lines differ: line keys read every digit alike).
const RUNS = ['', 'Hill repeats on a gentle slope, walking back down between them', 'Tempo run at the pace of a half marathon, after a slow first kilometre', 'Long easy run on soft ground, with a short walk every twenty minutes'];
const DAYS = ['', 'Monday', 'Wednesday', 'Saturday'];
const day = (n: number, _km: number) => [
  DAYS[n],
  'Morning session',
  'Warm up for 15 minutes with easy jogging, then stretch the calves, hamstrings and hips for five minutes',
  RUNS[n],
  'Evening session',
  'Core circuit of planks, side planks and bridges, three rounds of 45 seconds each with 15 seconds of rest',
  'Cool down with ten minutes of walking and drink at least half a litre of water within the hour after',
];

describe('boilerplate: copied blocks (a plan whose days repeat)', () => {
  it('finds the lines that repeat an earlier block with its neighbours, where the repetition varies', () => {
    const lines = [...day(1, 5), ...day(2, 6), ...day(3, 7)];
    const copied = copiedBlockLines(lines.map(lineKey));
    // Days 2 (lines 7–13) and 3 (14–20) repeat day 1 but for their first line and their run. A repeated
    // line needs 3 lines within 3 of it that repeat the lines beside its copy: the warm-up, the evening
    // session and the core circuit of days 2 and 3 have them, and the cool-down of day 2; the morning
    // session (its window holds the day's name and the run, which repeat nothing) and the last line of
    // the page (fewer neighbours) do not.
    assert.deepEqual([...copied].sort((a, b) => a - b), [9, 11, 12, 13, 16, 18, 19]);
  });

  it('leaves a lone repeated line, and an exact copy of a whole block, to the duplicate rule', () => {
    const lone = [...ELECTION_ARTICLE, ELECTION_ARTICLE[1], ...ELECTION_ARTICLE.slice(0, 1).map((l) => l + ' More.')];
    assert.deepEqual([...copiedBlockLines(lone.map(lineKey))], []);
    // The same article twice over (a page holding two renderings of it): nothing varies, the copy stays a duplicate.
    const twice = [...ELECTION_ARTICLE, ...ELECTION_ARTICLE];
    // Only its first lines may be taken for a block (their window reaches back into the first copy).
    const taken = [...copiedBlockLines(twice.map(lineKey))];
    assert.ok(taken.every((j) => j >= ELECTION_ARTICLE.length && j < ELECTION_ARTICLE.length + 3), taken.join(','));
  });

  it('does not flag the repeated sessions of a plan as duplicates; a lone repeated line still is', () => {
    const text = ['Three days of training before the race', '', ...day(1, 5), ...day(2, 6), ...day(3, 7), ''].join('\n');
    // Only the plan's last line, with no block line after it, is still taken for a duplicate (line 22 of the text).
    const dup = detect(text).filter((f) => f.category === 'duplicate');
    assert.deepEqual(dup.map((f) => [f.line, f.duplicateOf]), [[22, 8]]);
    const withRepeat = [...ELECTION_ARTICLE.slice(0, 3), ELECTION_ARTICLE[1], ...ELECTION_ARTICLE.slice(3), ''].join('\n');
    assert.deepEqual(detect(withRepeat).filter((f) => f.category === 'duplicate').map((f) => f.line), [3]);
  });

  // Invented: two eating plans, the second repeating the first but for its heading, one tip it leaves
  // out and the quantities of one meal.
  const plan = (letter: string, tip: boolean, oz: number) => [
    `Meal prep menu for eating plan ${letter}`,
    'Pre-workout meal',
    'Eat 60 to 90 minutes before your workout',
    'Asparagus and eggs with a slice of sprouted wholegrain toast and a cup of green tea',
    'Portion containers: one green, one red, one yellow, one teaspoon',
    ...(tip ? ['Pro tip: find more pre-workout meal ideas in the recipe section of the site'] : []),
    'Post-workout meal',
    'Eat one to two hours after your workout',
    `Chicken with courgette noodles, ${oz} oz. of cooked chicken and half a cup of edamame`,
    'Portion containers: one green, one red, one yellow, two teaspoons',
  ];

  it('finds a block that repeats an earlier one under a heading that differs by one short word, a line left out', () => {
    const lines = ['Two plans for the week', ...plan('A', true, 4), ...plan('B', false, 4)];
    const copied = copiedBlockLines(lines.map(lineKey), lines);
    // Plan B (lines 11–19): every line after its heading, which repeats nothing, repeats plan A and is in the block.
    assert.deepEqual([...copied].sort((a, b) => a - b), [12, 13, 14, 15, 16, 17, 18, 19]);
    // Without the lines' own text only the window around each line is looked at: plan B varies nowhere near most of its lines.
    assert.ok(copiedBlockLines(lines.map(lineKey)).size < copied.size);
  });

  it('finds a block whose copy differs in its numbers alone (keys read every digit alike), not a short one', () => {
    const week = (n: number) => [`Week ${n}`, 'Monday: easy run of forty minutes', 'Wednesday: intervals on the track', 'Friday: rest and stretching', 'Sunday: long run at an easy pace'];
    const lines = [...week(1), ...week(2)];
    assert.deepEqual([...copiedBlockLines(lines.map(lineKey), lines)].sort((a, b) => a - b), [5, 6, 7, 8, 9]);
    // Three lines repeated with other numbers, far apart: no block.
    const short = ['Tickets from 10 euros', 'Doors open at 7 pm', 'Under 12s go free', 'The hall is on the main square of the old town', 'Tickets from 12 euros', 'Doors open at 8 pm', 'Under 14s go free'];
    assert.deepEqual([...copiedBlockLines(short.map(lineKey), short)], []);
  });

  it('still leaves a lone repeated line and the inside of an exact copy to the duplicate rule when the texts are given', () => {
    const lone = [...ELECTION_ARTICLE, ELECTION_ARTICLE[1]];
    assert.deepEqual([...copiedBlockLines(lone.map(lineKey), lone)], []);
    const twice = [...ELECTION_ARTICLE, ...ELECTION_ARTICLE];
    const taken = [...copiedBlockLines(twice.map(lineKey), twice)];
    assert.ok(taken.every((j) => j >= ELECTION_ARTICLE.length && j < ELECTION_ARTICLE.length + 3), taken.join(','));
  });

  it('does not flag the second plan as duplicates of the first', () => {
    const text = ['Two plans for the week', '', ...plan('A', true, 4), '', ...plan('B', false, 8), ''].join('\n');
    assert.deepEqual(detect(text).filter((f) => f.category === 'duplicate').map((f) => f.line), []);
  });
});
