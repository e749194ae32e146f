// A small curated lexicon of organisations that news text names all the time but
// that CoNLL-2003 (Reuters, 1996) lacks or labels by its own guidelines: seats of
// government used for the government itself (CoNLL tags "Kremlin" LOC; in this
// extension the Kremlin that "said" something is an organisation), armed groups
// founded after 1996, international bodies, sports bodies and news agencies; and a few other names
// (events, diseases) of recent news that CoNLL-2003 predates ("Brexit", "COVID-19").
// Used by the engine as a post-rule: a recognised span whose text is an entry
// takes the entry's kind; an entry found in the text outside any recognised
// span is added. Acronyms match case-sensitively, names by folded form with a
// capital first letter.
import type { EntityKind } from '../types';

const ORGANIZATIONS = [
  // Seats of government and institutions named by their building or street.
  'Kremlin', 'White House', 'Pentagon', 'Elysee', 'Elysee Palace', 'Downing Street', "Quai d'Orsay", 'Blue House',
  'Zhongnanhai', 'State Department', 'Foreign Office', 'Knesset', 'Duma', 'State Duma',
  // Armed and political groups.
  'Islamic State', 'ISIS', 'ISIL', 'Daesh', 'Al-Qaeda', 'Al Qaeda', 'Al-Qaida', 'Al Qaida', 'AQIM', 'Al-Shabaab', 'Al-Shabab',
  'Boko Haram', 'Taliban', 'Hamas', 'Hezbollah', 'Hizbollah', 'Houthis', 'Wagner Group', 'Africa Corps', 'JNIM', 'Ansar Dine',
  'ISWAP', 'Islamic State in the Greater Sahara', 'Islamic State West Africa Province',
  // International and regional bodies.
  'United Nations', 'UN', 'U.N.', 'UNICEF', 'UNHCR', 'UNESCO', 'MINUSMA', 'NATO', 'European Union', 'EU', 'African Union',
  'ECOWAS', 'World Bank', 'IMF', 'International Monetary Fund', 'World Health Organization', 'OPEC', 'Interpol',
  'International Criminal Court', 'ICC', 'Red Cross', 'ICRC', 'Amnesty International', 'Human Rights Watch',
  'Doctors Without Borders', 'MSF',
  // Sports bodies.
  'FIFA', 'UEFA', 'CAF', 'IOC',
  // News agencies and broadcasters.
  'AFP', 'Agence France-Presse', 'Reuters', 'Associated Press', 'BBC', 'CNN', 'Al Jazeera', 'Xinhua', 'TASS', 'RIA Novosti',
  'Interfax', 'Anadolu Agency', 'RFI', 'France 24',
  // Companies CoNLL-2003 labels as products (its 1996 Reuters names "Airbus" as an aircraft, MISC).
  'Airbus', 'Boeing',
];

/** Other names (events, diseases) of recent news that CoNLL-2003 predates. */
const OTHERS = ['Brexit', 'COVID-19', 'Covid-19', 'COVID', 'Covid', 'SARS-CoV-2'];

export interface LexiconHit {
  /** Index of the first token and one past the last. */
  start: number;
  end: number;
  kind: EntityKind;
}

const MAX_WORDS = 8;

function foldWord(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}
function isAcronym(s: string): boolean {
  return /^[A-Z][A-Z.]+$/.test(s);
}

interface Entry {
  kind: EntityKind;
  caseSensitive: boolean;
}

/** Entries by token sequence: folded (or exact, for acronyms) words joined by a space. */
const ENTRIES = new Map<string, Entry>();
for (const name of ORGANIZATIONS) {
  const words = name.split(' ');
  if (words.length === 1 && isAcronym(name)) ENTRIES.set(name, { kind: 'organization', caseSensitive: true });
  else ENTRIES.set(words.map(foldWord).join(' '), { kind: 'organization', caseSensitive: false });
}

for (const name of OTHERS) ENTRIES.set(name.split(' ').map(foldWord).join(' '), { kind: 'other', caseSensitive: false });

const UPPER_START = /^\p{Lu}/u;

/** Kind of an exact lexicon name (tokens of a span), or undefined. */
export function lexiconKind(tokens: readonly string[]): EntityKind | undefined {
  if (tokens.length === 0 || tokens.length > MAX_WORDS) return undefined;
  if (tokens.length === 1) {
    const exact = ENTRIES.get(tokens[0]);
    if (exact?.caseSensitive) return exact.kind;
  }
  if (!UPPER_START.test(tokens[0])) return undefined;
  const e = ENTRIES.get(tokens.map(foldWord).join(' '));
  return e && !e.caseSensitive ? e.kind : undefined;
}

/** Longest lexicon matches in a token sequence, left to right, not overlapping. */
export function lexiconMatches(tokens: readonly string[]): LexiconHit[] {
  const out: LexiconHit[] = [];
  // Tokens are folded as a match reaches them (most never are: only capitalised words and what follows them within an entry's prefix).
  const folded: (string | undefined)[] = [];
  const fold = (k: number) => (folded[k] ??= foldWord(tokens[k]));
  for (let i = 0; i < tokens.length; i++) {
    if (!UPPER_START.test(tokens[i])) continue;
    let key = '';
    let best: LexiconHit | null = null;
    for (let len = 1; len <= MAX_WORDS && i + len <= tokens.length; len++) {
      key = len === 1 ? fold(i) : key + ' ' + fold(i + len - 1);
      const e = len === 1 && ENTRIES.get(tokens[i])?.caseSensitive ? ENTRIES.get(tokens[i]) : ENTRIES.get(key);
      if (e && (!e.caseSensitive || len === 1)) best = { start: i, end: i + len, kind: e.kind };
      if (!PREFIXES.has(key)) break;
    }
    if (best) {
      out.push(best);
      i = best.end - 1;
    }
  }
  return out;
}

/** Every proper prefix of a multi-word entry (folded), so matching stops early. */
const PREFIXES = new Set<string>();
for (const key of ENTRIES.keys()) {
  const w = key.split(' ');
  for (let k = 1; k < w.length; k++) PREFIXES.add(w.slice(0, k).join(' '));
}
