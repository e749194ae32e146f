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
});
