import assert from 'node:assert/strict';
import { createBoilerplateEngine, DUPLICATE_MIN_CHARS, lineKey, MAX_LINES } from '../../../src/core/boilerplate';
import { DEFAULT_CONFIG } from '../../../src/core/config/types';
import type { BoilerplateFinding } from '../../../src/core/types';
import { articleFeatures } from '../../../src/core/boilerplate/features';
import { lexiconHits } from '../../../src/core/boilerplate/lexicon';
import { splitLines } from '../../../src/core/text/lines';
import { BUDGET_BODY, BUDGET_HEADLINE, BUDGET_TAIL, budgetArticle, detectBoilerplate, FRENCH, FRENCH_BOILERPLATE, PORTUGUESE, PORTUGUESE_BOILERPLATE } from './fixtures';

const detect = detectBoilerplate;

function flaggedLines(f: BoilerplateFinding[]): number[] {
  return f.map((x) => x.line);
}

const TAIL_START = 1 + BUDGET_BODY.length;

describe('boilerplate engine: invented articles', () => {
  it('flags every line of the boilerplate tail with its category, and nothing of the article', () => {
    const text = budgetArticle();
    const findings = detect(text);
    const expected = BUDGET_TAIL.map((_, i) => TAIL_START + i);
    assert.deepEqual(flaggedLines(findings), expected);
    findings.forEach((f, i) => {
      assert.equal(f.category, BUDGET_TAIL[i][1], `line ${f.line}: ${f.message}`);
      assert.ok(f.confidence >= 0.5 && f.confidence <= 1);
      assert.ok(f.message.length > 0 && f.message.length < 120);
    });
  });

  it('gives spans that cover exactly the line without its break, sorted by line', () => {
    const text = budgetArticle();
    const findings = detect(text);
    for (const f of findings) assert.equal(text.slice(f.start, f.end), splitLines(text)[f.line].text);
    for (let i = 1; i < findings.length; i++) assert.ok(findings[i - 1].line < findings[i].line);
  });

  it('finds French and Portuguese share, read-more, comment and legal lines', () => {
    assert.deepEqual(flaggedLines(detect(FRENCH.join('\n'))), FRENCH_BOILERPLATE);
    assert.deepEqual(flaggedLines(detect(PORTUGUESE.join('\n'))), PORTUGUESE_BOILERPLATE);
    const fr = detect(FRENCH.join('\n'));
    assert.deepEqual(fr.map((f) => f.category), ['share', 'read-more', 'comments', 'legal']);
  });

  it('reads legal disclaimers as legal lines, and never takes a footer of them for the article body', () => {
    const disclaimers = [
      'These statements have not been evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure or prevent any disease.',
      'The contents of this site are for informational purposes only and do not replace the advice of a qualified professional or the terms agreed with your adviser.',
      'Sahel Observer and the Sahel Observer logo are registered trademarks of Sahel Media Group, used under licence in the United States and in other countries.',
      'No part of this page may be copied without prior written permission, and the publisher is not responsible for the content of external sites linked from it.',
    ];
    for (const line of disclaimers) assert.ok(lexiconHits(line).some((h) => h.kind === 'strong' && h.category === 'legal'), line);
    // "You may also like", in Portuguese, French, Spanish, Italian and Indonesian, heads a block of other stories.
    for (const line of ['Você pode gostar...', 'Vous aimerez aussi', 'Te puede interesar', 'Ti potrebbe interessare', 'Anda mungkin suka'])
      assert.ok(lexiconHits(line).some((h) => h.kind === 'whole' && h.category === 'related'), line);
    // A short article, then a long footer of disclaimers that reads as prose: the body is the article.
    const article = [
      'Ration plan for the dry season',
      'Herders in the north will receive a monthly ration for each household until the rains return, the ministry said on Monday.',
      'The plan covers three regions and will be reviewed in March, when the first wells are expected to be repaired.',
      'Each household receives: 25 kg of millet, 5 kg of beans, 2 litres of oil.',
      'Distribution starts on 1 December in Gao.',
    ];
    const lines = [...article, 'Related Articles', 'Facebook', ...disclaimers];
    const { body, infos } = articleFeatures(lines);
    assert.equal(infos[body[0]].line, 1);
    assert.ok(infos[body[1]].line < article.length, `body ends at line ${infos[body[1]].line}`);
    const findings = detect(lines.join('\n'));
    for (let i = article.length + 2; i < lines.length; i++) assert.equal(findings.find((f) => f.line === i)?.category, 'legal', lines[i]);
  });

  it('takes the article before a heading of related articles for the body, though a run of teasers follows it', () => {
    const article =
      'Fuel convoys from Dakar will resume next week under military escort, the transport ministry said on Tuesday, after drivers refused to travel the road for a month. ' +
      'Three drivers were killed near Kayes in an attack that left a dozen tankers burnt, and stations in Bamako have rationed petrol since.';
    const teasers = [
      'Hydrologists in Mopti say the Niger river has never been so low in March, and rice farmers downstream are already losing their first crops of the year to the long drought that began in October.',
      'Importers moved their goods from Dakar to Abidjan after the border closures of last year, and the freight rates on that road have doubled since then, traders at the port of Abidjan told us on Monday.',
    ];
    const lines = ['Convoys to resume', 'Share on Facebook', article, 'You may also like', teasers[0], 'Share on Facebook', teasers[1], 'Share on Facebook'];
    // Each line of the lexicon costs the body about 184 characters of prose: the teasers (392
    // characters) make up for the share line between them and the heading before them, unless prose
    // after a heading of related articles counts less.
    assert.equal(teasers[0].length + teasers[1].length, 392);
    const { body, infos } = articleFeatures(lines);
    assert.deepEqual([infos[body[0]].line, infos[body[1]].line], [2, 2]);
    // Under a heading of another kind, the body runs on through the teasers.
    const other = articleFeatures(lines.map((l) => (l === 'You may also like' ? 'Share this article' : l)));
    assert.deepEqual([other.infos[other.body[0]].line, other.infos[other.body[1]].line], [2, 6]);
  });

  it('flags navigation before the article and a byline', () => {
    const text = ['Home', 'News', 'Sport', 'By Jane Doe', ...BUDGET_BODY].join('\n');
    const findings = detect(text);
    assert.deepEqual(flaggedLines(findings), [0, 1, 2, 3]);
    assert.deepEqual(findings.map((f) => f.category), ['navigation', 'navigation', 'navigation', 'byline']);
  });

  it('never flags blank lines, and finds the same lines with blank lines between paragraphs', () => {
    const plain = [BUDGET_HEADLINE, ...BUDGET_BODY, ...BUDGET_TAIL.map(([t]) => t)];
    const spaced = plain.join('\n\n');
    const findings = detect(spaced);
    const lines = splitLines(spaced);
    for (const f of findings) assert.notEqual(lines[f.line].text.trim(), '');
    assert.deepEqual(flaggedLines(findings).map((l) => l / 2), BUDGET_TAIL.map((_, i) => TAIL_START + i));
  });

  it('flags a long line repeating an earlier one as a duplicate of it (0-based duplicateOf)', () => {
    const lines = [BUDGET_HEADLINE, ...BUDGET_BODY.slice(0, 3), BUDGET_BODY[0], ...BUDGET_BODY.slice(3)];
    const findings = detect(lines.join('\n'));
    const dup = findings.find((f) => f.category === 'duplicate');
    assert.ok(dup, 'a duplicate finding');
    assert.equal(dup.line, 4);
    assert.equal(dup.duplicateOf, 1);
    assert.ok(BUDGET_BODY[0].length >= DUPLICATE_MIN_CHARS);
    // A short repeated line is not a duplicate.
    const short = detect([BUDGET_HEADLINE, ...BUDGET_BODY.slice(0, 3), 'Yes.', 'Yes.', ...BUDGET_BODY.slice(3)].join('\n'));
    assert.equal(short.filter((f) => f.category === 'duplicate').length, 0);
  });
});

describe('boilerplate engine: settings', () => {
  const text = budgetArticle();

  it('returns nothing when disabled', () => {
    assert.deepEqual(detect(text, { enabled: false }), []);
  });

  it('switches categories off', () => {
    const findings = detect(text, { categories: { comments: false, legal: false } });
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.category !== 'comments' && f.category !== 'legal'));
    assert.ok(findings.some((f) => f.category === 'share'));
  });

  it('adds literal phrases as custom findings, case-insensitively, even inside article lines', () => {
    const findings = detect(text, { phrases: ['MUNICIPAL LIBRARY'] });
    const custom = findings.filter((f) => f.category === 'custom');
    assert.deepEqual(custom.map((f) => f.line), [6]);
    assert.equal(custom[0].confidence, 1);
    assert.match(custom[0].message, /municipal library/i);
  });

  it('runs patterns only when trusted; refuses invalid and catastrophic patterns without throwing', () => {
    const patterns = ['^"This is a budget', '(unclosed', '(a+)+$'];
    const trusted = detect(text, { patterns }, true).filter((f) => f.category === 'custom');
    assert.deepEqual(trusted.map((f) => f.line), [2]);
    const untrusted = detect(text, { patterns }, false).filter((f) => f.category === 'custom');
    assert.deepEqual(untrusted, []);
    // Default engine: patterns run (callers empty them in untrusted workspaces); an untrusted engine refuses them.
    const byDefault = detect(text, { patterns }).filter((f) => f.category === 'custom');
    assert.deepEqual(byDefault.map((f) => f.line), [2]);
    const untrustedEngine = createBoilerplateEngine(undefined, { trusted: false });
    const viaOption = untrustedEngine
      .detect({ text, lines: splitLines(text), settings: { ...DEFAULT_CONFIG.boilerplate, patterns } })
      .filter((f) => f.category === 'custom');
    assert.deepEqual(viaOption, []);
  });

  it('applies the threshold to confidences', () => {
    const all = detect(text, { threshold: 0 });
    const strict = detect(text, { threshold: 0.99 });
    assert.ok(strict.every((f) => f.confidence >= 0.99));
    assert.ok(strict.length < all.length);
    const none = detect(text, { threshold: 1.01 });
    assert.deepEqual(none, []);
  });

  it('never flags lines the user chose to keep (matched by lineKey)', () => {
    const findings = detect(text, { keep: ['share on FACEBOOK!', lineKey('Leave a Reply')] });
    const lines = flaggedLines(findings);
    assert.ok(!lines.includes(TAIL_START));
    assert.ok(!lines.includes(TAIL_START + 6));
    assert.ok(lines.includes(TAIL_START + 1));
  });
});

describe('boilerplate engine: awkward input', () => {
  it('returns nothing for empty and blank text', () => {
    assert.deepEqual(detect(''), []);
    assert.deepEqual(detect('\n\n  \n'), []);
  });

  it('gives the same lines for CRLF and BOM input, with spans excluding the break', () => {
    const lf = budgetArticle();
    const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
    const a = detect(lf);
    const b = detect(crlf);
    assert.deepEqual(flaggedLines(b), flaggedLines(a));
    assert.deepEqual(b.map((f) => f.category), a.map((f) => f.category));
    for (const f of b) {
      const slice = crlf.slice(f.start, f.end);
      assert.ok(!slice.includes('\r') && !slice.includes('\n'));
    }
  });

  it('handles NFD accents and non-BMP characters like their composed forms', () => {
    const nfc = FRENCH.join('\n');
    const nfd = nfc.normalize('NFD');
    assert.deepEqual(flaggedLines(detect(nfd)), flaggedLines(detect(nfc)));
    const emoji = ['Grand opening 🎉 of the 𝒩ew market', ...BUDGET_BODY, 'Share on Facebook 👍', '𝕏 Tweet'].join('\n');
    const findings = detect(emoji);
    assert.ok(flaggedLines(findings).includes(1 + BUDGET_BODY.length));
    for (const f of findings) assert.ok(f.end <= emoji.length && f.start <= f.end);
  });

  it('bounds the work on huge input: lines past MAX_LINES are not examined, one giant line does not throw', () => {
    const many = Array.from({ length: MAX_LINES + 5000 }, (_, i) => (i % 3 === 0 ? 'Share' : `Line ${i} of a very long list.`)).join('\n');
    const findings = detect(many);
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.line < MAX_LINES));
    const giant = BUDGET_HEADLINE + '\n' + 'word '.repeat(400_000) + '\nShare on Facebook\n';
    const g = detect(giant);
    assert.ok(Array.isArray(g));
    for (const f of g) assert.ok(f.end <= giant.length);
  });
});
