// Words that make titles and roles before or after a name ("Defense Minister General Sadio Camara").

/** Military and police ranks: kept as a role of their own ("General", "Lieutenant-Colonel"). */
export const RANKS = new Set(
  ('general lieutenant-general major-general brigadier-general brigadier colonel lieutenant-colonel lieutenant ' +
    'major captain sergeant corporal admiral vice-admiral rear-admiral commander marshal field-marshal private ' +
    'gen. lt. col. capt. maj. sgt. adm. cmdr. lt-col. lt.-col.').split(' '),
);

/** Heads of office titles ("President", "Minister", "Chief of Staff", "coach"). */
export const OFFICE_HEADS = new Set(
  ('president vice-president minister prime premier chancellor secretary spokesman spokeswoman spokesperson ' +
    'chairman chairwoman chair director director-general governor mayor senator deputy ambassador envoy king queen ' +
    'prince princess emperor pope sheikh emir sultan leader chief head commissioner judge justice attorney ' +
    'prosecutor ceo founder coach manager captain striker midfielder defender goalkeeper player officer official ' +
    'representative mp congressman congresswoman lawmaker candidate mediator negotiator adviser advisor ' +
    'counsellor consul general-secretary president-elect staff commander-in-chief').split(' '),
);

/** Honorifics that are dropped from roles and never part of a name. */
export const HONORIFICS = new Set(
  ('his her their excellency excellencies highness majesty mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame ' +
    'madam madame monsieur mme mme. m. hon hon. honourable honorable rev rev. reverend').split(' '),
);

/** Lower-case words that may sit inside a role ("interim", "former", "of"). */
export const ROLE_MODIFIERS = new Set(
  ('interim acting former deputy vice junior senior chief general assistant transition transitional caretaker outgoing incoming ' +
    'newly-appointed elected self-proclaimed military civilian national regional local foreign defence defense ' +
    'interior finance foreign-affairs head of the for and').split(' '),
);

export function isTitleWord(w: string): boolean {
  const k = w.toLowerCase();
  return RANKS.has(k) || OFFICE_HEADS.has(k) || HONORIFICS.has(k);
}
