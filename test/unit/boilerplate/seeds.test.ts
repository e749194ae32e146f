// The two real seed articles must come out exactly right. They are read from
// ../shared/seeds beside the project (or $NEWS_CORPUS_SHARED/seeds, e.g. from a
// git worktree); the test is skipped (with a message) when that folder is absent.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBoilerplateEngine } from '../../../src/core/boilerplate';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';
import { splitLines } from '../../../src/core/text/lines';
import type { BoilerplateFinding } from '../../../src/core/types';

const SEEDS = process.env.NEWS_CORPUS_SHARED
  ? resolve(process.env.NEWS_CORPUS_SHARED, 'seeds')
  : resolve(__dirname, '..', '..', '..', '..', 'shared', 'seeds');

function seed(prefix: string): string {
  const f = readdirSync(SEEDS).find((x) => x.startsWith(prefix) && x.endsWith('.txt'));
  assert.ok(f, `seed ${prefix}* in ${SEEDS}`);
  return readFileSync(join(SEEDS, f), 'utf8');
}

function detect(text: string): BoilerplateFinding[] {
  return createBoilerplateEngine().detect({ text, lines: splitLines(text), settings: DEFAULT_CONFIG.boilerplate });
}

/** [1-based line, category] as an editor shows them. */
function shown(f: BoilerplateFinding[]): [number, string][] {
  return f.map((x) => [x.line + 1, x.category]);
}

describe('boilerplate on the seed articles', function () {
  before(function () {
    if (!existsSync(SEEDS)) {
      console.log(`    (skipped: seed articles not found at ${SEEDS}; they live in ../shared/seeds beside the project)`);
      this.skip();
    }
  });

  it('000_*: only the "Read more" link (16) and the repeated lede (5, duplicate of 0-based line 1)', () => {
    const f = detect(seed('000_'));
    assert.deepEqual(shown(f), [
      [5, 'duplicate'],
      [16, 'read-more'],
    ]);
    assert.equal(f[0].duplicateOf, 1);
  });

  it('004_*: byline 15, "Posts Grid" 17, teasers 19-41 (non-empty lines), comment form 43 and 45', () => {
    const text = seed('004_');
    const f = detect(text);
    const expected: [number, string][] = [[15, 'byline']];
    const seventeen = f.find((x) => x.line === 16);
    assert.ok(seventeen && ['related', 'navigation'].includes(seventeen.category), 'line 17 "Posts Grid" is related/navigation');
    expected.push([17, seventeen.category]);
    for (let l = 19; l <= 41; l += 2) expected.push([l, 'related']);
    expected.push([43, 'comments'], [45, 'comments']);
    assert.deepEqual(shown(f), expected);
    const lines = splitLines(text);
    for (const x of f) assert.notEqual(lines[x.line].text.trim(), '', 'blank lines are never flagged');
  });

  it('gives readable messages', () => {
    const f = detect(seed('004_'));
    assert.match(f[0].message, /Titi KEITA/);
    assert.match(f[f.length - 1].message, /email address/);
  });
});
