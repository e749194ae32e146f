import assert from 'node:assert/strict';
import { articleFeatures } from '../../../src/core/boilerplate/features';
import { bylinesAsBoilerplate } from '../../../src/core/boilerplate/labelMapping';

// Invented page: headline, a byline and a date on lines of their own, the article, a subheading inside
// it, the author's name after it, then a share prompt already labelled boilerplate.
const LINES = [
  'Convoys reach Bamako after weeks of blockade',
  'By Aminata Traoré',
  'November 12, 2025',
  'The first fuel convoys in three weeks reached the capital on Tuesday, escorted by the army along the road from the border with Senegal.',
  'Drivers said they had waited for days at the border while the escort was assembled, and several trucks turned back after an attack near Kayes.',
  'What Comes Next',
  'The transport ministry said further convoys would leave every week until the blockade is lifted, and that prices at the pump would fall.',
  'Traders in the central market welcomed the news but warned that the price of food would stay high until the roads were safe again.',
  'Aminata Traoré',
  'Share this article',
];
const ARTICLE_LABELS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

describe('boilerplate training: label mapping between conventions', () => {
  it('maps bylines labelled article to boilerplate: a byline phrase, a name or a date outside the body', () => {
    const features = articleFeatures(LINES);
    const { labels, changed } = bylinesAsBoilerplate(ARTICLE_LABELS, features);
    assert.deepEqual(labels, [0, 1, 1, 0, 0, 0, 0, 0, 1, 1]);
    assert.equal(changed, 3);
    // The input is left as it was.
    assert.deepEqual(ARTICLE_LABELS, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('keeps a subheading inside the body and every line already labelled boilerplate', () => {
    const features = articleFeatures(LINES);
    const [b0, b1] = features.body;
    const sub = features.infos.findIndex((i) => i.text === 'What Comes Next');
    assert.ok(features.infos[sub].nameLike && sub > b0 && sub < b1, 'the subheading reads as a name, inside the body');
    const all = LINES.map(() => 1);
    assert.deepEqual(bylinesAsBoilerplate(all, features), { labels: all, changed: 0 });
  });
});
