import assert from 'node:assert/strict';
import { endsWithCredit } from '../../../src/core/boilerplate/features';
import { detectBoilerplate as detect, ELECTION_ARTICLE } from './fixtures';


describe('boilerplate: picture credits', () => {
  it('reads a line ending with a picture credit, and nothing else', () => {
    for (const t of [
      'Soldiers of the transitional army patrol a street of Gao, in northern Mali, on Tuesday. Credit: MINUSMA',
      'Colonel Assimi Goita at the presidential palace in Koulouba (Photo: Presidency of Mali)',
      'Photo credit: Office of the President',
      'Image: Sahel Observer / Amadou Diallo',
    ]) assert.equal(endsWithCredit(t), true, t);
    for (const t of [
      // A credit word that is part of the sentence, or a title with a colon.
      'Farmers with bad credit: the new microloan scheme of the central bank explained',
      'As the book "The Spitting Image: Myth, Memory, and the Legacy of Vietnam," shows, it never happened.',
      // A sentence after the colon.
      'The minister was clear. Photo: the government will publish every picture taken at the summit.',
      'Mali’s interim president set the election for February, the spokesman said.',
    ]) assert.equal(endsWithCredit(t), false, t);
  });

  it('flags a caption with its credit inside the article, and keeps the paragraphs around it', () => {
    // The caption between the lead and the second paragraph.
    const article = [...ELECTION_ARTICLE.slice(0, 2), 'Supporters of the transition gather in Bamako on Friday to hear the announcement of the election date. Credit: MINUSMA', ...ELECTION_ARTICLE.slice(2)];
    const findings = detect(article.join('\n'));
    const caption = findings.find((f) => f.line === 2);
    assert.equal(caption?.category, 'caption');
    assert.match(caption!.message, /ends with a picture credit/);
    for (const line of [0, 1, 3, 4]) assert.equal(findings.some((f) => f.line === line), false, article[line]);
  });
});
