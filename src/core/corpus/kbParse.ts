// A knowledge-base file's text to entries, by its name: .yaml/.yml the project's format, anything
// else a TABARI/PETRARCH dictionary. With the folded names of each entry (what the knowledge base's
// look-up index is built from), so that a host can have a big dictionary parsed and folded in a
// worker and only fill its index.
import { foldName } from '../text/fold';
import type { KbEntry, KbProblem } from './knowledgeBase';
import { readTabariDictionary } from './kbTabari';
import { readYamlKnowledgeBase } from './kbYaml';

export interface ParsedKnowledgeBase {
  entries: KbEntry[];
  problems: KbProblem[];
  /** Per entry, its name and aliases accent- and case-folded (empty ones left out). */
  folded?: string[][];
}

export function parseKnowledgeBaseText(text: string, relFile: string): ParsedKnowledgeBase {
  return /\.ya?ml$/i.test(relFile) ? readYamlKnowledgeBase(text, relFile) : readTabariDictionary(text, relFile);
}

/** The folded names of each entry (name first, then aliases). */
export function foldedNamesOf(entries: readonly KbEntry[]): string[][] {
  return entries.map((e) => [e.name, ...e.aliases].map(foldName).filter((k) => k !== ''));
}

/**
 * A parsed knowledge base for the trip from a worker to a host thread: JSON text in chunks of
 * `size` entries, so the host decodes it a chunk per event-loop turn (decoding JSON is about twice
 * as fast as the structured clone of the same objects).
 */
export interface PackedKnowledgeBase {
  chunks: string[];
  problems: KbProblem[];
}

export function packKnowledgeBase(parsed: ParsedKnowledgeBase, size = 1000): PackedKnowledgeBase {
  const folded = parsed.folded ?? foldedNamesOf(parsed.entries);
  const chunks: string[] = [];
  for (let i = 0; i < parsed.entries.length; i += size)
    chunks.push(JSON.stringify({ entries: parsed.entries.slice(i, i + size), folded: folded.slice(i, i + size) }));
  return { chunks, problems: parsed.problems };
}

/** Decodes a packed knowledge base one chunk per step (a generator: yields between chunks). */
export function* unpackKnowledgeBase(packed: PackedKnowledgeBase): Generator<void, ParsedKnowledgeBase> {
  const out: ParsedKnowledgeBase = { entries: [], problems: packed.problems, folded: [] };
  for (const c of packed.chunks) {
    const part = JSON.parse(c) as { entries: KbEntry[]; folded: string[][] };
    for (const e of part.entries) out.entries.push(e);
    for (const f of part.folded) out.folded!.push(f);
    yield;
  }
  return out;
}
