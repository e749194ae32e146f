// Per-keystroke re-analysis: after any series of edits, an analysis that reuses the caches of the
// earlier versions (as the editor's worker does) equals, deeply, an analysis of the text from scratch.
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle, type Engines } from '../../../src/core/analysis/analyzeArticle';
import { assembleEngines } from '../../../src/core/analysis/defaultEngines';
import { AnalysisCache } from '../../../src/core/analysis/incremental';
import { DEFAULT_CONFIG, type CorpusConfig } from '../../../src/core/config/types';
import { createNerEngine } from '../../../src/core/ner';
import { TagCache } from '../../../src/core/ner/incremental';
import type { ArticleAnalysis } from '../../../src/core/types';
import { loadNerModel } from '../../../src/node/nerModel';
import { deleteAt, insertAt } from '../helpers/textEdits';

const FIX = path.join(__dirname, '..', '..', 'fixtures');
const gold = path.join(FIX, 'actors-gold', 'articles');

/** Invented news articles: the fixtures, one with a site's boilerplate around it. */
const ARTICLES: string[] = (() => {
  const texts = fs.readdirSync(gold).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(gold, f), 'utf8'));
  const framed =
    'Home | World | Africa | Sport\nBy Aminata Diallo, Staff Reporter\n' + texts[0] + '\nRead more: Niger junta names new cabinet…\n' +
    'Share this article on Facebook\nFollow us on WhatsApp\n3 Comments\nMoussa Keita says:\nMarch 4, 2024 at 10:15 am\nThey will never learn.\n' +
    '© 2024 Sahel Daily. All rights reserved.\nHome | World | Africa | Sport\n';
  return [...texts, framed, fs.readFileSync(path.join(FIX, 'workspace', 'corpus', 'site-b', 'border-patrols.txt'), 'utf8')];
})();

/**
 * Pieces an edit inserts: letters, words, names, dates (some running over a line break, numeric ones
 * read by chrono), line and paragraph breaks, CRLF, non-BMP and combining characters.
 */
const PIECES = [
  'e', 'a', 'M', ' ', '.', ',', '\n', '\n\n', '\r\n', '😀', '𝒜', 'e\u0301', 'é', '2024', ' March 3', ' the following year', 'Mr. ', ' Tiani', ' Bamako',
  ' said', 'Read more', '…', '"', 'ECOWAS', ' on 12/03/2019', ' October\n13, 1998', ' at 10:30 a.m.\nFriday', ' two years\r\nlater',
];

type Edit =
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'copy-paragraph'; from: number; to: number }
  | { kind: 'crlf' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...PIECES) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('copy-paragraph' as const), from: fc.nat(), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'crlf' as const }) },
);

function apply(text: string, e: Edit): string {
  switch (e.kind) {
    case 'insert':
      return insertAt(text, e.at, e.piece);
    case 'delete':
      return deleteAt(text, e.at, e.length);
    case 'delete-line': {
      const lines = text.split('\n');
      lines.splice(e.line % lines.length, 1);
      return lines.join('\n');
    }
    case 'copy-paragraph': {
      const paras = text.split('\n\n');
      paras.splice(e.to % (paras.length + 1), 0, paras[e.from % paras.length]);
      return paras.join('\n\n');
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
  }
}

/** An analysis without its timings (they differ from run to run). */
const strip = (a: ArticleAnalysis) => ({ ...a, timings: {} });

describe('incremental analysis', function () {
  this.timeout(300_000);
  const model = loadNerModel();
  const plain: Engines = assembleEngines(createNerEngine(model));
  const config: CorpusConfig = structuredClone(DEFAULT_CONFIG);

  it('equals a full analysis after random edits (characters, lines, paragraphs, CRLF, non-BMP)', () => {
    // Small bounds, so that the caches also drop entries while the property runs.
    const tags = new TagCache(300);
    const cached: Engines = assembleEngines(createNerEngine(model, { cache: tags }));
    const cache = new AnalysisCache({ lineChars: 4000, dateChars: 4000 });
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 5 }), (which, edits) => {
        let text = ARTICLES[which % ARTICLES.length];
        analyzeArticle(text, { config, engines: cached, cache });
        for (const e of edits) {
          text = apply(text, e);
          const again = analyzeArticle(text, { config, engines: cached, cache });
          const fresh = analyzeArticle(text, { config, engines: plain });
          assert.deepStrictEqual(strip(again), strip(fresh));
        }
      }),
      { numRuns: 40, seed: 9 },
    );
    assert.ok(tags.hits > 0 && cache.boilerplate.hits > 0 && cache.dates.hits > 0, 'the caches were used');
  });
});
