// Countries, capitals and demonyms from the world-countries package, so that
// "Malian" links to Mali and capitals are known places.
import countries from 'world-countries';
import { foldName } from '../text/fold';

export interface CountryEntry {
  name: string;
  official: string;
  capitals: string[];
  demonyms: string[];
}

export interface Gazetteer {
  /** Country by folded name, official name, alternative spelling or capital-free alias. */
  country(name: string): CountryEntry | undefined;
  /** Country a demonym refers to ("Malian" → Mali; "Russian-Malian" is not a demonym). */
  demonym(word: string): CountryEntry | undefined;
  /** Capital city → its country. */
  capital(name: string): CountryEntry | undefined;
}

let built: Gazetteer | undefined;

const NAME_ALIASES: [string, string][] = [
  ['US', 'United States'], ['U.S.', 'United States'], ['USA', 'United States'], ['America', 'United States'],
  ['UK', 'United Kingdom'], ['Britain', 'United Kingdom'], ['Great Britain', 'United Kingdom'], ['Congo', 'DR Congo'],
];
const DEMONYM_ALIASES: [string, string][] = [
  ['Burkinabe', 'Burkina Faso'], ['Burkinabè', 'Burkina Faso'], ['British', 'United Kingdom'],
  ['Nigerien', 'Niger'], ['Ivorian', 'Ivory Coast'], ['Congolese', 'DR Congo'],
];

/** Built once, on first use. */
export function gazetteer(): Gazetteer {
  if (built) return built;
  const byName = new Map<string, CountryEntry>();
  const byDemonym = new Map<string, CountryEntry>();
  const byCapital = new Map<string, CountryEntry>();
  for (const c of countries) {
    const demonyms = new Set<string>();
    const dem = (c as { demonyms?: Record<string, { m?: string; f?: string }> }).demonyms;
    for (const d of Object.values(dem?.eng ? { eng: dem.eng } : {})) {
      if (d.m) demonyms.add(d.m);
      if (d.f) demonyms.add(d.f);
    }
    const entry: CountryEntry = {
      name: c.name.common,
      official: c.name.official,
      capitals: c.capital ?? [],
      demonyms: [...demonyms],
    };
    for (const n of [c.name.common, c.name.official, ...(c.altSpellings ?? []).filter((a) => a.length > 3)]) {
      const k = foldName(n);
      if (!byName.has(k)) byName.set(k, entry);
    }
    for (const d of demonyms) {
      const k = foldName(d);
      if (!byDemonym.has(k)) byDemonym.set(k, entry);
    }
    for (const cap of entry.capitals) {
      const k = foldName(cap);
      if (!byCapital.has(k)) byCapital.set(k, entry);
    }
  }
  // Common short forms the data does not list.
  const addAlias = (map: Map<string, CountryEntry>, alias: string, common: string) => {
    const e = byName.get(foldName(common));
    if (e && !map.has(foldName(alias))) map.set(foldName(alias), e);
  };
  for (const [a, c] of NAME_ALIASES) addAlias(byName, a, c);
  for (const [d, c] of DEMONYM_ALIASES) addAlias(byDemonym, d, c);
  built = {
    country: (n) => byName.get(foldName(n)),
    demonym: (w) => byDemonym.get(foldName(w)),
    capital: (n) => byCapital.get(foldName(n)),
  };
  return built;
}
