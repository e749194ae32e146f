// Reading CAMEO / PETRARCH actor dictionaries (the tagger's gazetteer reads them at training time).
import { strict as assert } from 'node:assert';
import { bracketAcronyms, parseActorDictionary } from '../../../src/core/ner/actorDictionary';

describe('actor dictionaries (CAMEO / PETRARCH format)', () => {
  const sample = [
    '# comment',
    'MOUSSA_TRAORE_  # CountryInfo.txt',
    '\t[MLIELI 540101-681119]',
    '\t[MLIGOV 681119-910326]',
    'MALI_  [MLI]',
    '+MALIAN_',
    'CONTINUITY_IRISH_REPUBLICAN_ARMY_(CIRA)_ [WEU] #  kkl 21 Mar 13',
    '+CONTINUITY_IRA_',
    '\t[]',
  ].join('\n');

  it('reads records, synonyms, codes, dates and bracketed acronyms; counts what it skips', () => {
    const d = parseActorDictionary(sample);
    assert.equal(d.records.length, 3);
    assert.deepEqual(d.records[0], { phrases: [['MOUSSA', 'TRAORE']], codes: ['MLIELI', 'MLIGOV'], dated: true });
    assert.deepEqual(d.records[1], { phrases: [['MALI'], ['MALIAN']], codes: ['MLI'], dated: false });
    assert.deepEqual(d.records[2].phrases, [['CONTINUITY', 'IRISH', 'REPUBLICAN', 'ARMY'], ['CIRA'], ['CONTINUITY', 'IRA']]);
    assert.equal(d.skipped, 1);
    assert.deepEqual(bracketAcronyms('ISLAMIC_STATE_(ISIS)_'), ['ISIS']);
  });
});
