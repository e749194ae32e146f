import assert from 'node:assert/strict';
import { captionDateline, hasPictureCredit } from '../../../src/core/boilerplate/features';
import { detectBoilerplate as detect, ELECTION_ARTICLE } from './fixtures';


describe('boilerplate: picture credits and captions', () => {
  it('reads a line carrying a picture credit, and nothing else', () => {
    for (const t of [
      'Soldiers of the transitional army patrol a street of Gao, in northern Mali, on Tuesday. Credit: MINUSMA',
      'Colonel Assimi Goita at the presidential palace in Koulouba (Photo: Presidency of Mali)',
      'Photo credit: Office of the President',
      'Image: Sahel Observer / Amadou Diallo',
      // An agency's credit after the photographer's name, or "AP Photo".
      'Supporters of the transition wave flags in Bamako on Friday. (Amadou Keita/Reuters)',
      'Colonel Assimi Goita arrives at the summit in Accra. (AP Photo/Kwame Mensah)',
      'Colonel Assimi Goita at the summit in Accra on May 30, 2021.Kwame Mensah / AP file',
      'The harbour of Dakar at dawn.Fatou Ndiaye / Shutterstock',
      'A polling station in Bamako during the referendum. Ousmane Traore/AFP via Getty Images',
      // A credit opening the caption.
      '© Awa Sidibe Voters queue outside a polling station in Bamako on Sunday.',
    ]) assert.equal(hasPictureCredit(t), true, t);
    for (const t of [
      // A credit word that is part of the sentence, or a title with a colon.
      'Farmers with bad credit: the new microloan scheme of the central bank explained',
      'As the book "The Spitting Image: Myth, Memory, and the Legacy of Vietnam," shows, it never happened.',
      // A sentence after the colon.
      'The minister was clear. Photo: the government will publish every picture taken at the summit.',
      'Mali’s interim president set the election for February, the spokesman said.',
      // An agency named in prose, a bare acronym in parentheses, a list with slashes.
      'The statement was first reported by Reuters and later confirmed by the AP.',
      'Invoices go to the department of Accounts Payable (AP)',
      'One Bedroom / One Bath / Pool',
      // A copyright line is the lexicon's (legal), not a caption's credit.
      '© 2025 Sahel Observer. All rights reserved.',
    ]) assert.equal(hasPictureCredit(t), false, t);
  });

  it('reads a news photo caption by its date line, and not a sentence or a citation with a date', () => {
    for (const t of [
      'Colonel Assimi Goita speaks during a meeting with regional leaders, Sunday, May 30, 2021, in Accra, Ghana.',
      'Voters queue outside a polling station, Tuesday, Nov. 19, 2019, waiting to cast their ballots in the first election since the coup.',
      'Supporters of the transition gather in Bamako, Friday, Sept. 10, 2021. (AP Photo/Kwame Mensah)',
    ]) assert.equal(captionDateline(t), true, t);
    for (const t of [
      'Mali’s interim president on Friday set the first round of the presidential election for February.',
      'The deadline to file your 2025 federal tax returns is Wednesday, April 15, 2026, and no extension will be given to anyone this year.',
      'Court Decision May Reduce Terms for 340 Inmates, S.F. Chron., Friday, Feb. 8, 2002, at A-1.',
      'Monday, November 01, 2004',
    ]) assert.equal(captionDateline(t), false, t);
  });

  /** Puts `caption` between the lead and the second paragraph of an article: it is flagged as a caption with `message`, the rest kept. */
  function assertCaptionInArticle(caption: string, message: RegExp): void {
    const article = [...ELECTION_ARTICLE.slice(0, 2), caption, ...ELECTION_ARTICLE.slice(2)];
    const findings = detect(article.join('\n'));
    const found = findings.find((f) => f.line === 2);
    assert.equal(found?.category, 'caption');
    assert.match(found!.message, message);
    for (const line of [0, 1, 3, 4]) assert.equal(findings.some((f) => f.line === line), false, article[line]);
  }

  it('flags a caption with its credit inside the article, and keeps the paragraphs around it', () => {
    assertCaptionInArticle('Supporters of the transition gather in Bamako on Friday to hear the announcement of the election date. Credit: MINUSMA', /carries a picture credit/);
  });

  it('flags an agency photo caption by its date line inside the article, and keeps the paragraphs around it', () => {
    assertCaptionInArticle('Colonel Assimi Goita speaks during a meeting with regional leaders, Sunday, May 30, 2021, in Accra, Ghana.', /photo caption/);
  });
});
