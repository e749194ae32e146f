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
  const alias = (a: string, common: string) => {
    const e = byName.get(foldName(common));
    if (e && !byName.has(foldName(a))) byName.set(foldName(a), e);
  };
  alias('US', 'United States');
  alias('U.S.', 'United States');
  alias('USA', 'United States');
  alias('America', 'United States');
  alias('UK', 'United Kingdom');
  alias('Britain', 'United Kingdom');
  alias('Great Britain', 'United Kingdom');
  alias('Ivory Coast', 'Ivory Coast');
  alias('Congo', 'DR Congo');
  const demAlias = (d: string, common: string) => {
    const e = byName.get(foldName(common));
    if (e && !byDemonym.has(foldName(d))) byDemonym.set(foldName(d), e);
  };
  demAlias('Burkinabe', 'Burkina Faso');
  demAlias('Burkinabè', 'Burkina Faso');
  demAlias('British', 'United Kingdom');
  demAlias('Nigerien', 'Niger');
  demAlias('Ivorian', 'Ivory Coast');
  demAlias('Congolese', 'DR Congo');
  built = {
    country: (n) => byName.get(foldName(n)),
    demonym: (w) => byDemonym.get(foldName(w)),
    capital: (n) => byCapital.get(foldName(n)),
  };
  return built;
}
