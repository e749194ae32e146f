import assert from 'node:assert/strict';
import { LIST_MIN_LINES, listsInArticle } from '../../../src/core/boilerplate/engine';
import { articleFeatures, listSignature } from '../../../src/core/boilerplate/features';
import { detectBoilerplate as detect } from './fixtures';


const PROSE = [
  'Songhai Blues announced on Tuesday a tour of West Africa and Europe next year, their first since the band left Bamako in 2012.',
  'The guitarist said the group would play the new album in full, and that tickets go on sale on Friday at noon.',
];
const DATES = [
  'March 3 – Dakar, Senegal @ Institut Français',
  'March 5 – Bamako, Mali @ Palais de la Culture Amadou Hampaté Bâ',
  'March 8 – Niamey, Niger @ Centre Culturel Franco-Nigérien',
  'March 12 – Ouagadougou, Burkina Faso @ Institut Français',
  'April 2 – Paris, France @ La Cigale',
  'April 4 – Brussels, Belgium @ AB Club',
];

describe('boilerplate: lists inside the article', () => {
  it('gives the entries of one list one signature, whatever their length', () => {
    const sigs = new Set(DATES.map((l) => listSignature(l, l.split(' ').length)));
    assert.equal(sigs.size, 1);
    const other = ['Home', 'World news', PROSE[0], '1 tsp cinnamon', 'England (Group A): 10th appearance'];
    for (const l of other) assert.notEqual(listSignature(l, l.split(' ').length), listSignature(DATES[0], 8), l);
    // Ingredients share theirs.
    assert.equal(listSignature('1 tsp cinnamon', 3), listSignature('6 tbsp fruit pectin powder, sifted twice', 6));
  });

  it('finds a dated list after kept prose or after a heading that follows it, and nothing else', () => {
    const lines = ['Songhai Blues on tour', ...PROSE, 'Tour dates', ...DATES, 'Share on Facebook'];
    const { infos } = articleFeatures(lines);
    const all = () => true;
    // The heading and the six dates (indices into the non-empty lines).
    assert.deepEqual(listsInArticle(infos, all), [3, 4, 5, 6, 7, 8, 9]);
    // Right after the prose, without a heading.
    assert.deepEqual(listsInArticle(articleFeatures([...PROSE, ...DATES]).infos, all), [2, 3, 4, 5, 6, 7]);
    // Not when the prose before is flagged, nor under a heading the lexicon knows, nor when too short.
    assert.deepEqual(listsInArticle(infos, (j) => j > 2), []);
    assert.deepEqual(listsInArticle(articleFeatures([...PROSE, 'Related posts', ...DATES]).infos, all), []);
    assert.deepEqual(listsInArticle(articleFeatures([...PROSE, ...DATES.slice(0, LIST_MIN_LINES - 1)]).infos, all), []);
    // A menu has no digits: not a data list.
    assert.deepEqual(listsInArticle(articleFeatures([...PROSE, 'News', 'Sport', 'Culture', 'Business', 'Opinion', 'Video']).infos, all), []);
    // Nor a run of titles, digits or not (related stories): their lines open with a capital and have no separator.
    const titles = ['Mali: 5 Things to Know', 'Niger Junta Names 21 Ministers', 'Why 2024 Changed the Sahel', 'Burkina Faso Recalls 3 Envoys', 'Chad Votes in 2025'];
    assert.deepEqual(listsInArticle(articleFeatures([...PROSE, 'Related stories', ...titles.map((t) => t.replace(':', ''))]).infos, all), []);
    // Headings between the prose and the list (up to three) come with it, but for one the lexicon marks.
    const recipe = ['Spiced Honey Pear Jam', 'Print', 'Ingredients', '8-9 ripe pears, cored and peeled', '1 lemon, or about 1/4 cup lemon juice', '6 tbsp fruit pectin powder', '1 tsp cinnamon', '1 tsp nutmeg'];
    const recipeInfos = articleFeatures([...PROSE, ...recipe]).infos;
    assert.deepEqual(listsInArticle(recipeInfos, all).map((j) => recipeInfos[j].text), recipe.filter((l) => l !== 'Print'));
    // A list broken by a prose line is two runs, each too short.
    assert.deepEqual(listsInArticle(articleFeatures([...PROSE, ...DATES.slice(0, 3), PROSE[1], ...DATES.slice(3)]).infos, all), []);
  });

  it('keeps the tour dates of an article as article text, and still flags what follows them', () => {
    const text = ['Songhai Blues on tour', ...PROSE, 'Tour dates', ...DATES, 'Share this article', 'Leave a Reply'].join('\n');
    const flagged = new Set(detect(text).map((f) => f.line));
    for (let l = 4; l < 4 + DATES.length; l++) assert.ok(!flagged.has(l), `date line ${l} flagged`);
    assert.ok(flagged.has(4 + DATES.length + 1), 'Leave a Reply is flagged');
  });
});
