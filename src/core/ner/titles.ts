// Words that open a person's name in news text without being part of it
// ("Lieutenant-Colonel Paul-Henri Sandaogo Damiba", "Defense Minister General
// Sadio Camara", "His Excellency General Assimi Goïta"). Folded forms.
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss mister madam madame mme mlle monsieur sir dame lord lady dr doctor prof professor ' +
    'president vice-president president-elect prime premier minister ministers secretary chancellor deputy interim acting former late ' +
    'general gen lieutenant lt lieutenant-colonel lieutenant-general lieutenant-general major major-general maj colonel col captain capt ' +
    'commander cmdr admiral adm marshal field-marshal field brigadier brigadier-general sergeant sgt corporal private commandant ' +
    'chief chiefs staff head army air force navy defense defence foreign finance interior justice economy health ' +
    'his her their excellency excellencies majesty highness honourable honorable hon ' +
    'king queen prince princess emir sheikh sultan crown imam ayatollah pope cardinal archbishop bishop rev reverend father pastor rabbi ' +
    'senator sen rep representative congressman congresswoman governor gov mayor ambassador envoy judge ' +
    'spokesman spokeswoman spokesperson chairman chairwoman chair ceo director coach manager striker midfielder defender goalkeeper ' +
    'captain-general junta leader opposition rebel of the and'
  ).split(' '),
);

/** Title words that may also stand between a title and the name ("of" in "Chief of Staff General"). */
export function isTitleWord(folded: string): boolean {
  return TITLE_WORDS.has(folded.endsWith('.') ? folded.slice(0, -1) : folded);
}

/**
 * Titles that only ever precede a person's name (unlike "General", as in General Motors, or
 * "Prince", as in Prince Edward Island): a name after one of them is a person.
 */
export const PERSON_TITLES: ReadonlySet<string> = new Set(
  ('mr mrs ms mme dr colonel col lieutenant-colonel lt-col lieutenant-general major-general brigadier-general ' +
    'lieutenant lt sergeant sgt corporal brigadier commandant admiral president-elect senator sen congressman congresswoman ' +
    'sheikh ayatollah imam archbishop cardinal reverend rev pastor rabbi').split(' '),
);

export function isPersonTitle(folded: string): boolean {
  return PERSON_TITLES.has(folded.endsWith('.') ? folded.slice(0, -1) : folded);
}

/**
 * Words of photo captions and credits ("FILE PHOTO:", "PICTURE", "HANDOUT") that a model trained on
 * 1996 text can take for a name when they stand in capitals. Folded forms.
 */
export const CAPTION_WORDS: ReadonlySet<string> = new Set(
  'file photo photos picture pictures pic image images video graphic illustration handout pool screenshot'.split(' '),
);
