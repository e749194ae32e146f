import assert from 'node:assert/strict';
import { ARCHIVE_MIN_ENTRIES, archiveLists } from '../../../src/core/boilerplate/engine';
import { archiveEntry, articleFeatures } from '../../../src/core/boilerplate/features';
import { detectBoilerplate as detect, ELECTION_ARTICLE } from './fixtures';

const words = (t: string) => t.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
const entry = (t: string) => archiveEntry(t, words(t));

// Invented, in the shape of a blog's sidebar: a heading, the years, each month with its count of posts.
const ARCHIVE = ['Archives', '2019', 'November (13)', 'October (21)', 'September (19)', '2018', 'December (11)', 'Novembro 2018 (16)', 'octobre (4)'];

describe('boilerplate: lists of archives by month', () => {
  it('reads a month or a year with its count of posts as an entry, and nothing else', () => {
    for (const t of ['November (13)', 'Novembro (113)', 'März 2019 (4)', 'décembre 2018 (37)', '2018 (37)', 'Sept. 2020 (2)']) assert.equal(entry(t), true, t);
    const not = [
      '2019', // a year alone heads the months, it is no entry
      'November 13', // no count
      'Comments (13)', // no month
      'Elections were held in November (13 regions voted)',
      'The council met in March and April (3)', // too many words
      'November (13) and more',
    ];
    for (const t of not) assert.equal(entry(t), false, t);
  });

  it(`finds runs of at least ${ARCHIVE_MIN_ENTRIES} entries, with the years between them`, () => {
    const { infos } = articleFeatures([...ELECTION_ARTICLE, '', ...ARCHIVE]);
    // The heading "Archives" is not an entry; the years and the months are.
    assert.deepEqual(archiveLists(infos).map((j) => infos[j].text), ARCHIVE.slice(1));
    // Two entries and a year are not enough; a line of prose breaks a run.
    assert.deepEqual(archiveLists(articleFeatures(['2019', 'November (13)', 'October (21)', ...ELECTION_ARTICLE]).infos), []);
    assert.deepEqual(archiveLists(articleFeatures(['November (13)', 'October (21)', ELECTION_ARTICLE[0], 'September (19)', 'August (2)']).infos), []);
  });

  it('flags the list as navigation and keeps the article', () => {
    const text = [...ELECTION_ARTICLE, '', ...ARCHIVE, ''].join('\n');
    const byLine = new Map(detect(text).map((f) => [f.line, f]));
    const first = ELECTION_ARTICLE.length + 1;
    for (let k = 1; k < ARCHIVE.length; k++) {
      const f = byLine.get(first + k);
      assert.equal(f?.category, 'navigation', ARCHIVE[k]);
      assert.match(f!.message, /list of the site's archives/);
    }
    for (let i = 0; i < ELECTION_ARTICLE.length; i++) assert.equal(byLine.has(i), false, ELECTION_ARTICLE[i]);
  });
});
