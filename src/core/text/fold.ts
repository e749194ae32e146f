// Folding for matching names: accents and case do not matter (Goïta = Goita),
// typographic apostrophes and dashes are unified.

const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Printable ASCII but the backtick, words one space apart: folding only lowers its case. */
const PLAIN = /^[!-_a-~]+(?: [!-_a-~]+)*$/;

/** Lower case, accents removed (NFD then combining marks dropped), ’ → ', dashes → -, spaces collapsed. */
export function foldName(s: string): string {
  // Most names are plain ASCII: five passes over them would change nothing but the case.
  if (PLAIN.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Escapes text for Markdown in hovers: nothing in article text, an .ann type or a JSONL label may
 * become markup, links or HTML. ":" and "." are escaped too, so that no bare URL ("https://…",
 * "www.…") is turned into a live link by GFM autolinking. Never put the result in a code span
 * (backslashes are literal there); show it as plain text.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~&:@]/g, (c) => '\\' + c).replace(/\r?\n|\r/g, ' ');
}
