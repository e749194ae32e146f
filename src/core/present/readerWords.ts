// The words the extension shows to readers: kinds of names, how sure a
// recognition is, and what a suggestion is. Engine terms ("perceptron",
// "confidence 0.93") go on a details line only.
import { escapeMarkdown as esc } from '../text/fold';
import type { EntityKind } from '../types';

/** US English, as in VS Code's own UI. */
export const KIND_WORD: Record<EntityKind, string> = { person: 'person', organization: 'organization', place: 'place', other: 'other name' };

const LABEL_WORD: Record<string, string> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other name' };

/** "person (PER)" for the four standard labels, the label itself for a corpus's own labels. */
export function labelWords(label: string): string {
  const w = LABEL_WORD[label];
  return w ? `${w} (${label})` : label;
}

/** How sure a recognition is, in words (undefined: the engine gives no figure). */
export function confidenceWords(confidence: number | undefined): string | undefined {
  if (confidence === undefined || !Number.isFinite(confidence)) return undefined;
  if (confidence >= 0.9) return 'almost certain';
  if (confidence >= 0.75) return 'likely';
  if (confidence >= 0.5) return 'possible';
  return 'uncertain';
}

/** A five-step bar (▰▰▰▱▱) for a 0..1 confidence. */
export function confidenceBar(confidence: number): string {
  const n = Math.max(0, Math.min(5, Math.round(confidence * 5)));
  return '▰'.repeat(n) + '▱'.repeat(5 - n);
}

const ENGINE_WORD: Record<string, string> = {
  perceptron: 'the trained tagger',
  'perceptron+acronym': 'the trained tagger (acronym in brackets)',
  lexicon: 'the list of news organizations',
  rules: 'the rule-based engine',
};

/** The details line: which engine found it and its exact score (Markdown, escaped). */
export function detailsLine(source: string, confidence: number | undefined): string {
  const by = ENGINE_WORD[source] ?? `the ${source} engine`;
  return `*Details: found by ${esc(by)}${confidence !== undefined ? `, score ${confidence.toFixed(2)}` : ''}*`;
}

/** One line saying how sure the recognition is, or undefined without a figure. */
export function sureLine(kind: string, confidence: number | undefined): string | undefined {
  const w = confidenceWords(confidence);
  return w === undefined ? undefined : `A ${kind}: ${w} ${confidenceBar(confidence!)}`;
}

/** The hover line of a suggestion not yet accepted or rejected (Markdown). */
export function suggestionHoverLine(label: string, confidence: number | undefined): string {
  const w = confidenceWords(confidence);
  return `**Suggested:** ${esc(labelWords(label))}${w ? `, ${w}` : ''} · Alt+N A accept · Alt+N X reject`;
}
