import type { InputProblem } from '../types';

/** Limits applied before any analysis; every expensive step is bounded by them. */
export interface InputLimits {
  /** Characters analysed at most; the rest of a longer text is left out and the user told. */
  maxChars: number;
}

export const DEFAULT_LIMITS: InputLimits = { maxChars: 2_000_000 };

/**
 * Characters of an article the editor analyses by default (the setting newsCorpus.maxAnalysedCharacters)
 * and the corpus index analyses wherever it is built, in the editor or by the command line: a summary is
 * stored under the limit it was made with, so one limit lets the two share a store.
 */
export const DEFAULT_MAX_ANALYSED_CHARS = 300_000;
/** The least that setting allows. */
export const MIN_ANALYSED_CHARS = 10_000;

export interface CheckedInput {
  /** The part of the text to analyse (a prefix of the original, never altered: offsets stay valid). */
  text: string;
  problems: InputProblem[];
  /** False when the text should not be analysed at all (binary). */
  analysable: boolean;
}

/**
 * Looks at untrusted text before analysis: binary content, replacement characters
 * from invalid UTF-8, and size. Never throws.
 */
export function checkInput(text: string, limits: InputLimits = DEFAULT_LIMITS): CheckedInput {
  const problems: InputProblem[] = [];
  if (text.length === 0 || /^\s*$/.test(text.slice(0, 10_000)) && text.trim() === '') {
    problems.push({ kind: 'empty', message: 'The article is empty.' });
    return { text, problems, analysable: true };
  }
  if (looksBinary(text)) {
    problems.push({
      kind: 'binary',
      message: 'This file looks binary (NUL or control characters), not an article: it was not analysed.',
    });
    return { text: '', problems, analysable: false };
  }
  const sample = text.length > 1_000_000 ? text.slice(0, 1_000_000) : text;
  const replacements = countChar(sample, 0xfffd);
  if (replacements > 0) {
    problems.push({
      kind: 'invalid-utf8',
      message: `The text holds ${replacements} replacement character(s) (\uFFFD): the file was probably not valid UTF-8. ` +
        'Those characters were analysed as they are; reopen the file with the right encoding to fix them.',
    });
  }
  let analysed = text;
  if (text.length > limits.maxChars) {
    // Cut at a line break so no line is split.
    let cut = text.lastIndexOf('\n', limits.maxChars);
    if (cut < limits.maxChars / 2) cut = limits.maxChars;
    analysed = text.slice(0, cut);
    problems.push({
      kind: 'too-large',
      message: `The article has ${text.length.toLocaleString('en')} characters; only the first ${analysed.length.toLocaleString('en')} were analysed ` +
        `(limit ${limits.maxChars.toLocaleString('en')}).`,
    });
  }
  return { text: analysed, problems, analysable: true };
}

function countChar(s: string, code: number): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === code) n++;
  return n;
}

/** NUL anywhere in the first 8 KiB, or more than 10% C0 control characters other than tab/CR/LF/FF. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}
