import assert from 'node:assert/strict';
import { COMMENT_THREAD_MIN_HEADERS, commentThreads } from '../../../src/core/boilerplate/engine';
import { articleFeatures, commentHeader, commenterSays } from '../../../src/core/boilerplate/features';
import { BUDGET_BODY, detectBoilerplate as detect } from './fixtures';

// Invented, in the shape of a blog's thread of readers' comments under a post.
const THREAD = [
  'Comments',
  'Maria Lopez on March 3, 2024 at 9:12 am said:',
  'Will the council publish the list of roads it plans to repair first?',
  'City Desk on March 4, 2024 at 11:40 am said:',
  'Hi Maria,',
  'The council has not published it yet. We asked its press office, and we were told the following about the order of the works.',
  'In favour of starting in the north:',
  '* The roads there were the most damaged by the floods two years ago, and buses still avoid two of them.',
  '* The contractor already works on a school nearby, which would lower the cost of moving machines.',
  'We will update the article when the list is published.',
  'Tom B. on March 5, 2024 at 8:02 pm said:',
  'Thanks for following this up.',
];

describe('boilerplate: threads of readers\u2019 comments', () => {
  it('reads who commented and when as a comment header, not a quote introduced in prose', () => {
    const headers = [
      'Maria Lopez on March 3, 2024 at 9:12 am said:',
      'Catherine (GiveWell) on September 13, 2018 at 5:23 pm said:',
      'Jean Dupont 12/03/2024 dit :',
      'Anna at 10:45 says:',
      'March 3, 2024 at 5:02 pm', // the date line under "Anna says:"
    ];
    for (const t of headers) assert.equal(commentHeader(t), true, t);
    const not = [
      'The minister said:', // a quote follows, in an article
      'In a statement on Friday, the government spokesman said:',
      'Anna says:', // no date, no time
      'The vote is set for March 3, 2024 at 5:00 pm, the council said.',
      'March 3, 2024', // a dateline
      `Maria Lopez on March 3, 2024 at 9:12 am said: ${'and more words '.repeat(8)}said:`, // too long for a header
    ];
    for (const t of not) assert.equal(commentHeader(t), false, t);
  });

  it('reads a name or a handle before the commenter\u2019s verb as a comment marker, not a quote introduced in prose', () => {
    for (const t of ['Dave P said:', 'margoadams says:', '1. Dave P said:', 'Jean Dupont dit :', 'Anna schreibt:', 'Maria Lopez on March 3, 2024 at 9:12 am said:']) {
      assert.equal(commenterSays(t), true, t);
    }
    const quotes = [
      'In a statement on Tuesday, the mayor said:',
      'The leader of the opposition replied:',
      'He said:',
      'To which he simply replied:',
      'Charles Secrett, Executive Director of Friends of the Earth, said:',
      'Floods cost the region 40 million euros, the council says', // a headline
    ];
    for (const t of quotes) assert.equal(commenterSays(t), false, t);
    // As a line's feature (the trees and the article's body read it).
    assert.equal(articleFeatures(['margoadams says:']).infos[0].commentMarker, true);
    assert.equal(articleFeatures(['In a statement on Tuesday, the mayor said:']).infos[0].commentMarker, false);
  });

  it(`takes the lines from the first of at least ${COMMENT_THREAD_MIN_HEADERS} headers to the last when most between them is flagged`, () => {
    const { infos } = articleFeatures([...BUDGET_BODY, '', ...THREAD]);
    const at = (text: string) => infos.findIndex((f) => f.text === text);
    const first = at(THREAD[1]);
    const last = at(THREAD[10]);
    // The trees flag every reply but the bullets of the long answer: the whole thread is taken.
    const kept = new Set([at(THREAD[7]), at(THREAD[8])]);
    const flagged = (j: number) => j >= first && !kept.has(j);
    // With the last reply, which the trees flag (as long as the longest reply before it at most).
    assert.deepEqual(commentThreads(infos, flagged).map((j) => infos[j].text), THREAD.slice(1, 12));
    // The last reply is not taken where the trees keep it.
    assert.deepEqual(commentThreads(infos, (j) => flagged(j) && j !== at(THREAD[11])).map((j) => infos[j].text), THREAD.slice(1, 11));
    // Most of the replies kept: the thread is not read as one, nothing is taken.
    const mostlyKept = (j: number) => j === first || j === last || j === at(THREAD[4]);
    assert.deepEqual(commentThreads(infos, mostlyKept), []);
    // One header is no thread.
    const one = articleFeatures([...BUDGET_BODY, ...THREAD.slice(0, 3), ...THREAD.slice(4, 10)]).infos;
    assert.deepEqual(commentThreads(one, () => true), []);
    assert.deepEqual(commentThreads(one, (j) => j > BUDGET_BODY.length + 2), []);
  });

  it('flags a thread as comments and keeps the article', () => {
    const text = ['City council approves new budget for schools and roads', ...BUDGET_BODY, '', ...THREAD, ''].join('\n');
    const byLine = new Map(detect(text).map((f) => [f.line, f]));
    const start = BUDGET_BODY.length + 2;
    // From the first header to the last, every line is a comment's (the trees alone called most replies related links).
    for (let k = 1; k < THREAD.length; k++) {
      assert.equal(byLine.get(start + k)?.category, 'comments', THREAD[k]);
      if (!/said:$/.test(THREAD[k])) assert.match(byLine.get(start + k)!.message, /thread of readers' comments/, THREAD[k]);
    }
    for (let i = 0; i <= BUDGET_BODY.length; i++) assert.equal(byLine.has(i), false, `line ${i}`);
  });

  it('leaves an article quoting two statements alone', () => {
    const quoted = [
      'Council and opposition trade statements over the budget',
      ...BUDGET_BODY.slice(0, 3),
      'In a statement on Tuesday, the mayor said:',
      '"This budget repairs what the floods broke and gives our schools the space they have lacked for a decade."',
      'The leader of the opposition replied:',
      '"It repairs roads in the north and forgets the buses that the suburbs depend on every day of the week."',
      ...BUDGET_BODY.slice(3),
    ];
    assert.deepEqual(detect(quoted.join('\n')).map((f) => f.line), []);
  });
});
