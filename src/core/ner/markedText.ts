// Hand-labelled articles written with inline marks ("{PER Joe Biden} visited {LOC Kyiv}."), as the
// project's own recent-news dev set is kept, and their conversion to CoNLL lines with the engine's
// own tokenization (tokens are cut where a mark begins or ends inside one, as in "{LOC Mali}-{LOC Russia}").
import { sentencesOf } from './engine';
import type { Token } from './tokenize';

export interface MarkedSpan {
  start: number;
  end: number;
  type: string;
}

export interface MarkedArticle {
  /** The article's plain text (marks removed), lines joined by "\n". */
  text: string;
  spans: MarkedSpan[];
}

const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/**
 * Articles of a marked file: lines starting with "#" are comments, a line "===" separates articles.
 * Throws with the line number on a malformed mark (unknown type, unclosed or nested braces).
 */
export function parseMarkedArticles(source: string): MarkedArticle[] {
  const out: MarkedArticle[] = [];
  let text = '';
  let spans: MarkedSpan[] = [];
  const flush = () => {
    if (text.trim()) out.push({ text: text.replace(/\n+$/, ''), spans });
    text = '';
    spans = [];
  };
  source.split(/\r?\n/).forEach((line, ln) => {
    if (line.startsWith('#')) return;
    if (line.trim() === '===') return flush();
    let i = 0;
    while (i < line.length) {
      const open = line.indexOf('{', i);
      const close = line.indexOf('}', i);
      if (close >= 0 && (open < 0 || close < open)) throw new Error(`line ${ln + 1}: "}" without "{"`);
      if (open < 0) {
        text += line.slice(i);
        break;
      }
      text += line.slice(i, open);
      const end = line.indexOf('}', open);
      const inner = end < 0 ? '' : line.slice(open + 1, end);
      const m = /^(\w+) ([^{}]+)$/.exec(inner);
      if (end < 0 || !m || !TYPES.has(m[1])) throw new Error(`line ${ln + 1}: malformed mark "${line.slice(open, end < 0 ? undefined : end + 1)}"`);
      spans.push({ start: text.length, end: text.length + m[2].length, type: m[1] });
      text += m[2];
      i = end + 1;
    }
    text += '\n';
  });
  flush();
  return out;
}

/** Tokens of the article's sentences, cut at mark edges that fall inside a token. */
export function markedSentences(a: MarkedArticle): Token[][] {
  const edges = new Set<number>();
  for (const s of a.spans) edges.add(s.start).add(s.end);
  return sentencesOf(a.text, [{ start: 0, end: a.text.length }]).map((sent) => {
    const out: Token[] = [];
    for (const t of sent) {
      let from = t.start;
      for (let k = t.start + 1; k < t.end; k++)
        if (edges.has(k)) {
          out.push({ start: from, end: k, text: a.text.slice(from, k) });
          from = k;
        }
      out.push(from === t.start ? t : { start: from, end: t.end, text: a.text.slice(from, t.end) });
    }
    return out;
  });
}

/** CoNLL text ("token -X- -X- TAG", IOB2, "-DOCSTART-" before each article) of marked articles. */
export function markedToConll(articles: readonly MarkedArticle[]): string {
  const lines: string[] = [];
  for (const a of articles) {
    lines.push('-DOCSTART- -X- -X- O', '');
    for (const sent of markedSentences(a)) {
      let prev: MarkedSpan | undefined;
      for (const t of sent) {
        const sp = a.spans.find((s) => s.start <= t.start && t.end <= s.end);
        const tag = sp ? `${sp === prev ? 'I' : 'B'}-${sp.type}` : 'O';
        prev = sp;
        lines.push(`${t.text} -X- -X- ${tag}`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}
