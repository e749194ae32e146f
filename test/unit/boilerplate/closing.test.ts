import assert from 'node:assert/strict';
import { sentencesAfterProse } from '../../../src/core/boilerplate/engine';
import { articleFeatures } from '../../../src/core/boilerplate/features';
import { BUDGET_BODY, detectBoilerplate as detect } from './fixtures';

describe('boilerplate: a short closing sentence after the article\u2019s prose', () => {
  const lines = [
    BUDGET_BODY[0],
    'The vote was unanimous.', // a closing sentence after prose
    BUDGET_BODY[1],
    'Did you find the article helpful?', // a question: left to the trees
    BUDGET_BODY[2],
    'Read the full report at www.example.org.', // a link
    BUDGET_BODY[3],
    'Share this article.', // a phrase of the lexicon
    BUDGET_BODY[4],
    'Yes.', // too short
    'Main menu',
    'Talks resume next week.', // after a line that is not prose
  ];
  const { infos } = articleFeatures(lines);
  const at = (text: string) => infos.findIndex((f) => f.text === text);

  it('takes a sentence of 3 to 12 words closed by a full stop right after prose the model keeps', () => {
    // The model keeps the prose and flags every short line.
    const kept = (j: number) => infos[j].prose;
    assert.deepEqual(sentencesAfterProse(infos, kept).map((j) => infos[j].text), ['The vote was unanimous.']);
    // Prose the model flags is not continued; a line the model keeps needs no rescue.
    assert.deepEqual(sentencesAfterProse(infos, (j) => infos[j].prose && j !== at(BUDGET_BODY[0])), []);
    assert.deepEqual(sentencesAfterProse(infos, () => true), []);
  });

  it('keeps the last sentence of a three-line article', () => {
    const text = 'Ada Moreau visits Porto\nAda Moreau met the Lumen Group in Porto on Monday.\nShe left on Tuesday.\n';
    assert.deepEqual(detect(text), []);
  });
});
