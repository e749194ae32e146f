// The one gate every user-supplied regular expression passes (newscorpus.yaml
// boilerplate.patterns, in the extension and the CLI alike). Patterns run on
// re2js, a pure-JS port of RE2: matching time is linear in the text and the
// pattern, whatever their shape, so no pattern can hang the editor or a batch
// (overlapping alternations under a star, adjacent stars, nested quantifiers:
// all linear). On top of that, the work is bounded: at most PATTERN_MAX_COUNT
// patterns of PATTERN_MAX_LENGTH characters, each run on at most PATTERN_MAX_LINE
// characters of a line, within a per-article budget. Refused, with a reason:
// patterns RE2 cannot run (back-references, look-around), patterns that match
// the empty string (they would match every line: a clean would empty every
// article), and every pattern when the config is not trusted.
// re2js was chosen over a hand-written shape check (which let catastrophic
// patterns through) and over a worker with a deadline (not available
// synchronously in the core, and it would still burn the time).
import { RE2JS } from 're2js';

/** Longest part of a line a user pattern is run on. */
export const PATTERN_MAX_LINE = 1000;
export const PATTERN_MAX_LENGTH = 300;
export const PATTERN_MAX_COUNT = 50;
/** Pattern program size × characters scanned, per article: past it the remaining lines are not matched (and that is said). */
export const PATTERN_WORK_BUDGET = 200_000_000;

export interface GatedPattern {
  source: string;
  /** Compiled program size (RE2 instructions), the cost factor per character. */
  size: number;
  test(text: string): boolean;
}

export interface GatedPatterns {
  patterns: GatedPattern[];
  /** Why patterns were not used, one message each (with the pattern), for the user. */
  problems: { index: number; message: string }[];
  /** Patterns given (including refused ones). */
  given: number;
}

/** Strings a pattern is tried on to see whether it can match the empty string. */
const EMPTY_PROBES = ['', 'a', 'A', ' ', '1', 'a b', 'é', '.', '\u00a0'];

function short(source: string): string {
  return source.length > 60 ? source.slice(0, 57) + '…' : source;
}

/** Why a single pattern is refused, or its compiled form. */
export function gatePattern(source: string): GatedPattern | string {
  if (typeof source !== 'string' || source.length === 0) return 'an empty pattern would match every line';
  if (source.length > PATTERN_MAX_LENGTH) return `longer than ${PATTERN_MAX_LENGTH} characters`;
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return `not a pattern the linear-time engine (RE2) accepts: ${msg.replace(/^error parsing regexp: /, '')} (back-references and look-around are not supported)`;
  }
  for (const probe of EMPTY_PROBES) {
    const m = re.matcher(probe);
    if (m.find() && m.end() === m.start()) return 'it matches the empty string, so it would match every line';
  }
  return { source, size: re.programSize(), test: (text: string) => re.test(text) };
}

/** Compiles user patterns through the gate. Untrusted: none runs, and that is said. */
export function gatePatterns(sources: readonly string[], opts: { trusted: boolean }): GatedPatterns {
  const out: GatedPatterns = { patterns: [], problems: [], given: sources.length };
  if (sources.length === 0) return out;
  if (!opts.trusted) {
    out.problems.push({ index: -1, message: `${sources.length} boilerplate pattern(s) not run: the configuration is not trusted (in VS Code: trust the workspace; on the command line: --trust).` });
    return out;
  }
  sources.forEach((source, index) => {
    if (index >= PATTERN_MAX_COUNT) return;
    const g = gatePattern(source);
    if (typeof g === 'string') out.problems.push({ index, message: `Pattern /${short(String(source))}/ not used: ${g}.` });
    else out.patterns.push(g);
  });
  if (sources.length > PATTERN_MAX_COUNT) out.problems.push({ index: PATTERN_MAX_COUNT, message: `Only the first ${PATTERN_MAX_COUNT} boilerplate patterns are used (${sources.length} given).` });
  return out;
}

/** Runs gated patterns over the lines of one article within the work budget. */
export class PatternRun {
  private spent = 0;
  /** Set when the budget ran out (the message says from which line on). */
  exhaustedAt?: number;
  constructor(
    private readonly gated: readonly GatedPattern[],
    private readonly budget = PATTERN_WORK_BUDGET,
  ) {}

  /** The source of the first pattern matching the line (its first PATTERN_MAX_LINE characters), if any. */
  match(line: string, lineIndex: number): string | undefined {
    if (this.gated.length === 0 || this.exhaustedAt !== undefined) return undefined;
    const text = line.length > PATTERN_MAX_LINE ? line.slice(0, PATTERN_MAX_LINE) : line;
    for (const p of this.gated) {
      this.spent += p.size * (text.length + 1);
      if (this.spent > this.budget) {
        this.exhaustedAt = lineIndex;
        return undefined;
      }
      if (p.test(text)) return p.source;
    }
    return undefined;
  }
}
