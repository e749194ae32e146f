import { strict as assert } from 'node:assert';
import { resolveArticleDate } from '../../../src/core/dates';
import type { ArticleDateSettings } from '../../../src/core/config/types';

const textSettings: ArticleDateSettings = { from: 'text', map: {} };

describe('resolveArticleDate', () => {
  it('takes the newscorpus.yaml map first, with forward-slash corpus paths', () => {
    const settings: ArticleDateSettings = { from: 'text', map: { 'mali/a.txt': '2024-05-01' } };
    const d = resolveArticleDate('On November 10, 2025, the president spoke.', { relPath: 'mali\\a.txt', settings });
    assert.deepEqual(d, { value: '2024-05-01', source: 'newscorpus.yaml dates map' });
  });

  it('infers the first full date in the first lines and says which line', () => {
    const text = 'Defence ties deepen\n\nOn November 10, 2025, President Keita received a delegation.\nOn 3 December 2025 they met again.';
    assert.deepEqual(resolveArticleDate(text, { settings: textSettings }), { value: '2025-11-10', source: 'first full date in the text, line 3' });
  });

  it('reads a dateline with day-month order and ISO dates, after a BOM and CRLF', () => {
    assert.equal(resolveArticleDate('\uFEFFBAMAKO, 4 March 2024 (AFP) -\r\nThe junta said…', { settings: textSettings })?.value, '2024-03-04');
    assert.equal(resolveArticleDate('Posted 2023-07-19 by staff\r\nText.', { settings: textSettings })?.value, '2023-07-19');
  });

  it('ignores dates without a year and impossible dates, then uses the fallback', () => {
    const settings: ArticleDateSettings = { from: 'text', map: {}, fallback: '2025-01-01' };
    const d = resolveArticleDate('The vote is on September 4.\nSigned February 30, 2024.', { settings });
    assert.deepEqual(d, { value: '2025-01-01', source: 'fallback date in newscorpus.yaml' });
  });

  it('does not look beyond the first lines', () => {
    const text = 'x\n'.repeat(40) + 'On November 10, 2025, something happened.';
    assert.equal(resolveArticleDate(text, { settings: textSettings }), undefined);
  });

  it('from "filename": YYYY-MM-DD or YYYYMMDD in the file name, else the folder', () => {
    const settings: ArticleDateSettings = { from: 'filename', map: {} };
    assert.equal(resolveArticleDate('On November 10, 2025.', { relPath: 'news/2024-02-29-mali.txt', settings })?.value, '2024-02-29');
    assert.equal(resolveArticleDate('', { relPath: 'news/mali_20231105.txt', settings })?.source, 'date in the file name');
    assert.equal(resolveArticleDate('', { relPath: '2022-06-30/mali.txt', settings })?.value, '2022-06-30');
    assert.equal(resolveArticleDate('', { relPath: 'news/mali_20231345.txt', settings }), undefined);
  });

  it('from "map": nothing but the map and the fallback, even when the text has a date', () => {
    assert.equal(resolveArticleDate('On November 10, 2025, x.', { relPath: 'a.txt', settings: { from: 'map', map: {} } }), undefined);
  });

  it('a malformed map entry is skipped, empty text is fine', () => {
    const settings: ArticleDateSettings = { from: 'text', map: { 'a.txt': 'soon' } };
    assert.equal(resolveArticleDate('', { relPath: 'a.txt', settings }), undefined);
  });
});
