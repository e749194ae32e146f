// Reading CAMEO/TABARI/PETRARCH actor dictionaries (Phoenix.*.actors.txt) into name lists for the
// tagger's gazetteer. Read at training time only: the model keeps hashes of the names, never text.
// A record is a primary phrase, "+" synonym lines and tab-indented "[CODE date]" lines; words are
// joined by "_"; "#" starts a comment. Lenient: malformed lines are counted and skipped.

export interface ActorRecord {
  /** Primary phrase then synonyms, each as words (upper case, as written). */
  phrases: string[][];
  /** Codes of the record (from the primary line and the tab-indented lines). */
  codes: string[];
  /** True when a code is bounded by dates (people in office), or the record comes from CountryInfo (officials). */
  dated: boolean;
}

export interface ActorDictionary {
  records: ActorRecord[];
  skipped: number;
}

const CODE = /\[([^\]]*)\]/g;

function words(phrase: string): string[] {
  return phrase
    .replace(/\([^)]*\)/g, ' ')
    .split(/[_\s]+/)
    .filter((w) => w.length > 0);
}

export function parseActorDictionary(text: string): ActorDictionary {
  const records: ActorRecord[] = [];
  let skipped = 0;
  let cur: ActorRecord | null = null;
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || /^\s*[#;]/.test(raw)) continue;
    const comment = raw.indexOf('#');
    const line = comment >= 0 ? raw.slice(0, comment) : raw;
    const isCodeLine = /^\s/.test(raw) && line.trim().startsWith('[');
    const codes = [...line.matchAll(CODE)].map((m) => m[1].trim()).filter(Boolean);
    if (isCodeLine) {
      if (!cur || codes.length === 0) {
        skipped++;
        continue;
      }
      for (const c of codes) {
        const [code, date] = c.split(/\s+/);
        if (code) cur.codes.push(code);
        if (date && /\d/.test(date)) cur.dated = true;
      }
      continue;
    }
    const phraseText = line.replace(CODE, ' ').trim();
    if (phraseText.startsWith('+')) {
      const w = words(phraseText.slice(1));
      if (!cur || w.length === 0) skipped++;
      else {
        cur.phrases.push(w);
        for (const a of bracketAcronyms(phraseText)) cur.phrases.push([a]);
      }
      continue;
    }
    const w = words(phraseText);
    if (w.length === 0 || /^[\[{]/.test(phraseText)) {
      skipped++;
      continue;
    }
    cur = { phrases: [w], codes: codes.map((c) => c.split(/\s+/)[0]).filter(Boolean), dated: /CountryInfo/.test(raw) };
    for (const a of bracketAcronyms(phraseText)) cur.phrases.push([a]);
    records.push(cur);
  }
  return { records, skipped };
}

/** Acronyms written in brackets in a phrase ("CONTINUITY_IRISH_REPUBLICAN_ARMY_(CIRA)_" → CIRA). */
export function bracketAcronyms(phrase: string): string[] {
  return [...phrase.matchAll(/\(([A-Za-z][A-Za-z0-9&.-]{1,11})\)/g)].map((m) => m[1]);
}
