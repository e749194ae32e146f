// User rules from settings: literal phrases (always) and regular expressions
// (only in a trusted workspace). Patterns are checked before use: invalid ones
// and ones with nested quantifiers (catastrophic backtracking, e.g. "(a+)+")
// or back-references are refused with a reason, and lines are capped before
// a pattern is run on them.

/** Longest part of a line a user pattern is run on. */
export const PATTERN_MAX_LINE = 1000;
export const PATTERN_MAX_LENGTH = 300;
export const PATTERN_MAX_COUNT = 50;

export interface CompiledPatterns {
  regexes: { source: string; re: RegExp }[];
  /** Why some patterns were not used, for the user. */
  problems: string[];
}

/** Heuristic check for catastrophic shapes: a quantified group containing a quantifier, or back-references. */
export function unsafePatternReason(source: string): string | undefined {
  if (source.length > PATTERN_MAX_LENGTH) return `longer than ${PATTERN_MAX_LENGTH} characters`;
  if (/\\[1-9]|\\k</.test(source)) return 'back-references are not allowed';
  // Walk the pattern, tracking for each open group whether it holds a quantifier.
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      continue;
    }
    const quant = c === '*' || c === '+' || c === '?' || c === '{';
    if (c === ')') {
      const inner = stack.pop() ?? false;
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || next === '{';
      if (inner && quantified) return 'nested quantifiers (like "(a+)+") can take forever on some lines';
      if (stack.length > 0 && (inner || quantified)) stack[stack.length - 1] = true;
      continue;
    }
    if (quant && stack.length > 0) {
      // "(?:" / "(?=" are group syntax, not a quantifier.
      if (c === '?' && source[i - 1] === '(') continue;
      stack[stack.length - 1] = true;
    }
  }
  return undefined;
}

export function compilePatterns(patterns: readonly string[], trusted: boolean): CompiledPatterns {
  const out: CompiledPatterns = { regexes: [], problems: [] };
  if (patterns.length === 0) return out;
  if (!trusted) {
    out.problems.push(`${patterns.length} boilerplate pattern(s) not run: the workspace is not trusted.`);
    return out;
  }
  for (const source of patterns.slice(0, PATTERN_MAX_COUNT)) {
    if (typeof source !== 'string' || source.length === 0) continue;
    const reason = unsafePatternReason(source);
    if (reason) {
      out.problems.push(`Pattern /${source.slice(0, 60)}/ not used: ${reason}.`);
      continue;
    }
    try {
      out.regexes.push({ source, re: new RegExp(source, 'iu') });
    } catch (e) {
      out.problems.push(`Pattern /${source.slice(0, 60)}/ is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (patterns.length > PATTERN_MAX_COUNT) out.problems.push(`Only the first ${PATTERN_MAX_COUNT} boilerplate patterns are used.`);
  return out;
}

export function matchPattern(compiled: CompiledPatterns, line: string): string | undefined {
  const text = line.length > PATTERN_MAX_LINE ? line.slice(0, PATTERN_MAX_LINE) : line;
  for (const { source, re } of compiled.regexes) if (re.test(text)) return source;
  return undefined;
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
