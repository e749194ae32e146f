// The knowledge base of a corpus: actor entries (name, kind, other names, description, Wikidata id,
// codes by date) from the corpus's own YAML files and from TABARI/PETRARCH actor dictionaries.
// Sources are parsed and indexed lazily, once, on the first lookup (a 1.5 MB dictionary costs
// nothing until a name is looked up). Pure: texts in, entries out.
import { foldName } from '../text/fold';
import type { EntityKind } from '../types';
import type { ActorCode, KbEntryRef } from './types';

export interface KbEntry {
  /** Stable id: file + '#' + folded name (unique within the knowledge base). */
  id: string;
  name: string;
  kind?: EntityKind;
  aliases: string[];
  description?: string;
  wikidata?: string;
  /** Codes with their ranges, in the source's order (dated restrictions before the default). */
  codes: ActorCode[];
  /** Knowledge-base file relative to the corpus root, and the 1-based line of the entry. */
  file: string;
  line: number;
  /** Where the entry comes from: the project's YAML or an event coder's dictionary. */
  format: 'yaml' | 'tabari';
  /** A dictionary agent (a generic role such as "police", codes with ~): listed, never linked to a name. */
  agent?: boolean;
  /** Keys of a YAML entry this model does not use, kept as they are. */
  extra?: Record<string, unknown>;
}

/** Something read from a source that was skipped or is wrong, at its 1-based line (and 1-based column). */
export interface KbProblem {
  file: string;
  line: number;
  column?: number;
  message: string;
  severity: 'error' | 'warning';
}

/** One knowledge-base file: parsed on demand. */
export interface KbSource {
  file: string;
  /** The file's entries; `folded` (see kbParse.foldedNamesOf) when they were folded elsewhere already. */
  load(): { entries: KbEntry[]; problems: KbProblem[]; folded?: string[][] };
}

/** The entry's reference as corpus actors and `analyze --json` carry it. */
export function entryRef(e: KbEntry): KbEntryRef {
  return {
    id: e.id,
    name: e.name,
    ...(e.wikidata ? { wikidata: e.wikidata } : {}),
    ...(e.description ? { description: e.description } : {}),
    file: e.file,
    line: e.line,
  };
}

/**
 * The codes in force on a date (YYYY-MM-DD): every dated code whose range contains the date
 * (bounds inclusive); when none does, the undated defaults. Without a date: the defaults.
 */
export function codesAt(codes: readonly ActorCode[], date: string | undefined): string[] {
  const dated: string[] = [];
  const defaults: string[] = [];
  for (const c of codes) {
    if (c.from === undefined && c.to === undefined) {
      if (!defaults.includes(c.code)) defaults.push(c.code);
    } else if (date !== undefined && (c.from === undefined || c.from <= date) && (c.to === undefined || date <= c.to)) {
      if (!dated.includes(c.code)) dated.push(c.code);
    }
  }
  return dated.length > 0 ? dated : defaults;
}

export class KnowledgeBase {
  private index?: Map<string, KbEntry[]>;
  private all: KbEntry[] = [];
  private allProblems: KbProblem[] = [];
  private longest = 1;
  private readonly ids = new Map<string, KbEntry>();

  constructor(readonly sources: readonly KbSource[]) {}

  private ensure(): Map<string, KbEntry[]> {
    if (this.index) return this.index;
    // Finishes a build a host began in steps (see prepare), or does it all now.
    const steps = (this.building ??= this.build());
    while (!steps.next().done);
    return this.index!;
  }

  private building?: Generator<void, void>;

  /**
   * Builds the look-up index in steps of about `step` entries (a generator: a host thread that must
   * stay responsive runs one step per event-loop turn); look-ups before it is done finish it at once.
   */
  *prepare(step = 2000): Generator<void, void> {
    if (this.index) return;
    this.building ??= this.build(step);
    yield* this.building;
  }

  private *build(step = Infinity): Generator<void, void> {
    const index = new Map<string, KbEntry[]>();
    let n = 0;
    for (const s of this.sources) {
      let loaded: ReturnType<KbSource['load']>;
      try {
        loaded = s.load();
      } catch (e) {
        this.allProblems.push({ file: s.file, line: 1, severity: 'error', message: `Cannot read the knowledge base: ${e instanceof Error ? e.message : String(e)}` });
        continue;
      }
      this.allProblems.push(...loaded.problems);
      for (let i = 0; i < loaded.entries.length; i++) {
        const e = loaded.entries[i];
        this.all.push(e);
        this.ids.set(e.id, e);
        if (++n % step === 0) yield;
        if (e.agent) continue;
        for (const k of loaded.folded?.[i] ?? [e.name, ...e.aliases].map(foldName)) {
          if (!k) continue;
          const words = k.split(' ').length;
          if (words > this.longest) this.longest = words;
          const list = index.get(k);
          if (!list) index.set(k, [e]);
          else if (!list.includes(e)) list.push(e);
        }
      }
    }
    this.index = index;
  }

  /** Entries whose name or an alias folds to this folded name. */
  lookupFolded(folded: string): KbEntry[] {
    return this.ensure().get(folded) ?? [];
  }

  /** Entries whose name or an alias is this name (accents and case ignored). */
  lookup(name: string): KbEntry[] {
    return this.lookupFolded(foldName(name));
  }

  get entries(): readonly KbEntry[] {
    this.ensure();
    return this.all;
  }

  get problems(): readonly KbProblem[] {
    this.ensure();
    return this.allProblems;
  }

  /** Most words in any name or alias (bounds the dictionary pass). */
  get maxWords(): number {
    this.ensure();
    return this.longest;
  }

  byId(id: string): KbEntry | undefined {
    this.ensure();
    return this.ids.get(id);
  }
}

/**
 * The one entry an actor's names point at: its canonical name when that names exactly one entry,
 * else the one entry its other names agree on. Undefined when none, or when they point at several.
 */
export function linkEntry(kb: KnowledgeBase, name: string, aliases: readonly string[], fold: (s: string) => string = foldName): KbEntry | undefined {
  const direct = kb.lookupFolded(fold(name));
  if (direct.length === 1) return direct[0];
  if (direct.length > 1) return undefined;
  let found: KbEntry | undefined;
  for (const alias of aliases) {
    const hits = kb.lookupFolded(fold(alias));
    if (hits.length !== 1) continue;
    if (found && found !== hits[0]) return undefined;
    found = hits[0];
  }
  return found;
}
