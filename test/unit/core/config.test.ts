import * as assert from 'assert';
import { foldersAbove, isCorpusArticle, globToRegExp } from '../../../src/core/config/corpusPaths';
import { addToConfigList, applyConfigEdit, configListEdit, defaultConfigSource, undoConfigEdit } from '../../../src/core/config/editConfig';
import { parseCorpusConfig } from '../../../src/core/config/parseConfig';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';

describe('newscorpus.yaml', () => {
  it('reads every setting', () => {
    const { config, problems } = parseCorpusConfig(
      [
        'include: ["site-a/**/*.txt", "site-b/*.txt"]',
        'exclude: ["**/drafts/**"]',
        'articleDate:',
        '  from: filename',
        '  map:',
        '    site-a/x.txt: 2025-11-10',
        '  fallback: "2025-01-01"',
        'entities:',
        '  kinds: [person, place]',
        'boilerplate:',
        '  enabled: true',
        '  threshold: 0.7',
        '  categories: { template: false }',
        '  phrases: ["Follow us"]',
        '  patterns: ["^Photo:"]',
        '  keep: ["awa diallo"]',
        'labels: [EVENT, WEAPON]',
      ].join('\n'),
    );
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config.include, ['site-a/**/*.txt', 'site-b/*.txt']);
    assert.deepStrictEqual(config.articleDate, { from: 'filename', map: { 'site-a/x.txt': '2025-11-10' }, fallback: '2025-01-01' });
    assert.deepStrictEqual(config.entities.kinds, ['person', 'place']);
    assert.deepStrictEqual(config.boilerplate, { enabled: true, threshold: 0.7, categories: { template: false }, phrases: ['Follow us'], patterns: ['^Photo:'], keep: ['awa diallo'] });
    assert.deepStrictEqual(config.labels, ['EVENT', 'WEAPON']);
  });

  it('gives defaults for an empty file', () => {
    const { config, problems } = parseCorpusConfig('');
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config, DEFAULT_CONFIG);
  });

  it('points at the exact line of invalid values and keeps defaults for them', () => {
    const { config, problems } = parseCorpusConfig('boilerplate:\n  threshold: 2\n  patterns: ["(unclosed"]\nentities:\n  kinds: [person, animal]\nfoo: 1\n');
    assert.deepStrictEqual(
      problems.map((p) => [p.line, p.character, p.severity, p.message.split(':')[0]]),
      [
        [1, 13, 'error', 'boilerplate.threshold must be a number from 0 to 1.'],
        [2, 13, 'error', 'boilerplate.patterns'],
        [4, 9, 'error', 'entities.kinds'],
        [5, 0, 'warning', 'Unknown setting "foo" (known'],
      ],
    );
    assert.strictEqual(config.boilerplate.threshold, 0.5);
    assert.deepStrictEqual(config.boilerplate.patterns, []);
    assert.deepStrictEqual(config.entities.kinds, ['person']);
  });

  it('points a syntax error at the line to fix (an unclosed bracket or quote at its opener)', () => {
    const r1 = parseCorpusConfig('include:\n  - a\nboilerplate:\n  phrases: [oops\n');
    assert.deepStrictEqual([r1.problems[0].line, r1.problems[0].character], [3, 11]);
    assert.match(r1.problems[0].message, /^YAML syntax error/);
    const r2 = parseCorpusConfig('a: 1\na: 2\n');
    assert.strictEqual(r2.problems[0].line, 1);
    const r3 = parseCorpusConfig('include: "x\nexclude: []\n');
    assert.deepStrictEqual([r3.problems[0].line, r3.problems[0].character], [0, 9]);
  });

  it('rejects impossible dates in the date map', () => {
    const { config, problems } = parseCorpusConfig('articleDate:\n  map:\n    a.txt: 2025-02-30\n');
    assert.deepStrictEqual(config.articleDate.map, {});
    assert.strictEqual(problems[0].line, 2);
  });

  it('adds to a list keeping comments, and refuses a file it cannot parse', () => {
    const src = '# my corpus\nboilerplate:\n  threshold: 0.5 # tuned\n';
    const out = addToConfigList(src, ['boilerplate', 'keep'], 'awa diallo')!;
    assert.match(out, /^# my corpus/);
    assert.match(out, /threshold: 0\.5 # tuned/);
    assert.deepStrictEqual(parseCorpusConfig(out).config.boilerplate.keep, ['awa diallo']);
    assert.strictEqual(addToConfigList(out, ['boilerplate', 'keep'], 'awa diallo'), out.replace(/\n$/, '\n'), 'no duplicate entry');
    assert.strictEqual(addToConfigList('a: [', ['boilerplate', 'keep'], 'x'), undefined);
    assert.deepStrictEqual(parseCorpusConfig(addToConfigList('', ['boilerplate', 'keep'], 'x')!).config.boilerplate.keep, ['x']);
  });

  it('changes nothing but the added item: flow lists, spacing and comments stay as written', () => {
    const fixture = [
      '# Fixture corpus',
      'entities:',
      '  kinds: [person, organization, place, other]',
      'boilerplate:',
      '  enabled: true',
      '  phrases:',
      '    - "Follow us on Telegram"',
      'labels: [EVENT]',
      '',
    ].join('\n');
    const keep = (src: string, v = 'awa diallo') => addToConfigList(src, ['boilerplate', 'keep'], v);
    assert.strictEqual(keep(fixture), fixture.replace('    - "Follow us on Telegram"\n', '    - "Follow us on Telegram"\n  keep:\n    - awa diallo\n'));
    // An existing block list gets one more item at its own indentation.
    const block = 'boilerplate:\n    keep:\n        - a   # first\nlabels: [X]\n';
    assert.strictEqual(keep(block), 'boilerplate:\n    keep:\n        - a   # first\n        - awa diallo\nlabels: [X]\n');
    // A flow list stays a flow list, spaced as it was.
    assert.strictEqual(keep('boilerplate:\n  keep: [a, b]  # c\n'), 'boilerplate:\n  keep: [a, b, awa diallo]  # c\n');
    assert.strictEqual(keep('boilerplate:\n  keep: []\n'), 'boilerplate:\n  keep: [awa diallo]\n');
    assert.strictEqual(keep('boilerplate:\n  keep:\n'), 'boilerplate:\n  keep: [awa diallo]\n');
    // No boilerplate section, no final line break.
    assert.strictEqual(keep('labels: [X]'), 'labels: [X]\nboilerplate:\n  keep:\n    - awa diallo\n');
    // Values that YAML would read otherwise are quoted.
    assert.strictEqual(keep('boilerplate:\n  keep: []\n', 'yes'), 'boilerplate:\n  keep: ["yes"]\n');
    assert.deepStrictEqual(parseCorpusConfig(keep('boilerplate:\n  keep: [a]\n', 'x, y: z')!).config.boilerplate.keep, ['a', 'x, y: z']);
    // Settings of another shape are not rewritten.
    assert.strictEqual(keep('boilerplate: {keep: []}\n'), undefined);
    assert.strictEqual(keep('boilerplate:\n  keep: 3\n'), undefined);
  });

  it('undoes an added item only while the text there is unchanged', () => {
    const src = 'boilerplate:\n  keep: [a]\n';
    const e = configListEdit(src, ['boilerplate', 'keep'], 'b')!;
    const edited = applyConfigEdit(src, e);
    assert.strictEqual(applyConfigEdit(edited, undoConfigEdit(edited, e, src)!), src);
    assert.strictEqual(undoConfigEdit('boilerplate:\n  keep: [a]\n', e, src), undefined);
    assert.strictEqual(configListEdit(edited, ['boilerplate', 'keep'], 'b'), null, 'already there');
  });

  it('writes a default config that parses without problems', () => {
    const { problems, config } = parseCorpusConfig(defaultConfigSource());
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config.include, ['**/*.txt']);
  });

  it('matches include and exclude globs against corpus-relative paths', () => {
    assert.ok(globToRegExp('**/*.txt').test('a/b/c.txt'));
    assert.ok(globToRegExp('**/*.txt').test('c.txt'));
    assert.ok(!globToRegExp('site-a/*.txt').test('site-a/x/c.txt'));
    assert.ok(globToRegExp('{a,b}/*.txt').test('b/c.txt'));
    assert.ok(isCorpusArticle('wire/x.txt', ['**/*.txt'], ['**/drafts/**']));
    assert.ok(!isCorpusArticle('wire/drafts/x.txt', ['**/*.txt'], ['**/drafts/**']));
    assert.ok(!isCorpusArticle('wire/x.md', ['**/*'], []));
    assert.ok(!isCorpusArticle('../x.txt', ['**/*.txt'], []));
  });
});

describe('the folders whose newscorpus.yaml decides a document', () => {
  it('lists each folder from the workspace folder down to the document, the nearest last', () => {
    assert.deepStrictEqual(foldersAbove('/ws', '/ws/a.txt'), ['/ws']);
    assert.deepStrictEqual(foldersAbove('/ws/', '/ws/corpus/site-a/story.txt'), ['/ws', '/ws/corpus', '/ws/corpus/site-a']);
    assert.deepStrictEqual(foldersAbove('/', '/news/a.txt'), ['', '/news']);
  });
  it('lists none outside the workspace folder or under node_modules, as the workspace search', () => {
    assert.deepStrictEqual(foldersAbove('/ws', '/elsewhere/a.txt'), []);
    assert.deepStrictEqual(foldersAbove('/ws', '/wsx/a.txt'), []);
    assert.deepStrictEqual(foldersAbove('/ws', '/ws/node_modules/pkg/a.txt'), []);
    assert.deepStrictEqual(foldersAbove('/ws', '/ws/corpus/node_modules/a.txt'), []);
  });
});
