import { strict as assert } from 'node:assert';
import { tokenize } from '../../../src/core/ner/tokenize';

const texts = (s: string) => tokenize(s).map((t) => t.text);

function assertOffsets(s: string): void {
  for (const t of tokenize(s)) assert.equal(s.slice(t.start, t.end), t.text, `offsets of ${JSON.stringify(t.text)}`);
}

describe('ner tokenizer', () => {
  it('splits punctuation off and keeps hyphenated words whole, as CoNLL does', () => {
    assert.deepEqual(texts('Russian-Malian ties, (Al-Qaeda-affiliated) groups.'), [
      'Russian-Malian', 'ties', ',', '(', 'Al-Qaeda-affiliated', ')', 'groups', '.',
    ]);
  });

  it('splits possessives and clitics but keeps apostrophes inside names', () => {
    assert.deepEqual(texts("Burkina Faso's leader"), ['Burkina', 'Faso', "'s", 'leader']);
    assert.deepEqual(texts("Samuel Eto'o and Samuel Eto’o"), ['Samuel', "Eto'o", 'and', 'Samuel', 'Eto’o']);
    assert.deepEqual(texts('Eto’o’s ban'), ['Eto’o', '’s', 'ban']);
    assert.deepEqual(texts("O'Neill don't"), ["O'Neill", 'do', "n't"]);
  });

  it('keeps numbers, initials and abbreviations together', () => {
    assert.deepEqual(texts('fined $20,000 (3.5%) by the U.S. on 10:30 Mr. J. Smith'), [
      'fined', '$', '20,000', '(', '3.5', '%', ')', 'by', 'the', 'U.S.', 'on', '10:30', 'Mr.', 'J.', 'Smith',
    ]);
    assert.deepEqual(texts('the end. Next'), ['the', 'end', '.', 'Next']);
    assert.deepEqual(texts('Wait... what -- no'), ['Wait', '...', 'what', '--', 'no']);
  });

  it('gives offsets into the text as given (CRLF, BOM, NFD, non-BMP)', () => {
    const nfd = 'General Assimi Goi\u0308ta met Alou Boi\u0308 Diarra.';
    assert.deepEqual(texts(nfd), ['General', 'Assimi', 'Goi\u0308ta', 'met', 'Alou', 'Boi\u0308', 'Diarra', '.']);
    assertOffsets(nfd);
    const crlf = '\ufeffMali and Russia\r\nstrengthen ties\r\n\r\nBamako, Mali';
    assert.deepEqual(texts(crlf), ['Mali', 'and', 'Russia', 'strengthen', 'ties', 'Bamako', ',', 'Mali']);
    assertOffsets(crlf);
    const astral = 'Fans 🎉🎉 cheered 𝐀𝐁𝐂 in 北京 😀.';
    const toks = tokenize(astral);
    assertOffsets(astral);
    assert.deepEqual(toks.map((t) => t.text), ['Fans', '🎉', '🎉', 'cheered', '𝐀𝐁𝐂', 'in', '北京', '😀', '.']);
    // A lone surrogate does not break anything either.
    assertOffsets('bad \ud800 half');
  });

  it('handles empty input, ranges and a token budget', () => {
    assert.deepEqual(tokenize(''), []);
    assert.deepEqual(tokenize('   \n\t '), []);
    const s = 'one two three four';
    assert.deepEqual(tokenize(s, 4, 13).map((t) => t.text), ['two', 'three']);
    assert.equal(tokenize(s, 0, s.length, 2).length, 2);
    assert.equal(tokenize('a'.repeat(100_000)).length, 1);
  });
});
