// User rules from settings: literal phrases (always) and regular expressions
// (only when the config is trusted), the latter through the one regex gate
// (src/core/text/regexGate.ts: linear-time engine, bounded work, empty matches refused).
import { gatePatterns, PatternRun, PATTERN_MAX_LINE, type GatedPattern } from '../text/regexGate';

export { PATTERN_MAX_LINE };

export interface CompiledPatterns {
  regexes: GatedPattern[];
  /** Why some patterns were not used, for the user. */
  problems: string[];
}

export function compilePatterns(patterns: readonly string[], trusted: boolean): CompiledPatterns {
  const g = gatePatterns(patterns, { trusted });
  return { regexes: g.patterns, problems: g.problems.map((p) => p.message) };
}

/** A run of the patterns over one article's lines (bounded work, see PatternRun). */
export function patternRun(compiled: CompiledPatterns): PatternRun {
  return new PatternRun(compiled.regexes);
}

/** Lower-cased, NFC phrases (empty ones dropped). */
export function normalisePhrases(phrases: readonly string[]): string[] {
  return phrases
    .filter((p) => typeof p === 'string')
    .map((p) => p.normalize('NFC').toLowerCase().trim())
    .filter((p) => p.length > 0);
}

export function matchPhrase(phrases: readonly string[], line: string): string | undefined {
  if (phrases.length === 0) return undefined;
  const lower = line.normalize('NFC').toLowerCase();
  for (const p of phrases) if (lower.includes(p)) return p;
  return undefined;
}
