// Line features for boilerplate detection. Works on the non-empty lines of an
// article (blank lines are never flagged and do not count as neighbours), so
// articles with and without blank lines between paragraphs look alike.
//
// Per line: shape (length, words, terminal punctuation, "…" teaser endings,
// capitalisation, digits, separators), stop-word density, lexicon hits, and
// its place relative to the main body, found as the run of lines with the
// largest weight of prose (a maximum-sum segment: long prose lines count +,
// other lines −). Context: the same figures over neighbouring lines.
import { LEX_CATEGORIES, lexiconHits, type LexiconHit } from './lexicon';
import { STOP_WORDS } from './stopwords';
import * as chars from './chars';

// Local copies: imported bindings are property reads through getters once compiled to CommonJS.
const allBelow = chars.allBelow;
const charClass = chars.charClass;
const CJK = chars.CJK;
const hasSurrogate = chars.hasSurrogate;
const LETTER = chars.LETTER;
const LOWERABLE = chars.LOWERABLE;
const NUMBER = chars.NUMBER;
const UPPER = chars.UPPER;


/** Longest part of a line that features look at (bounds the work per line). */
export const MAX_LINE_CHARS = 2000;

const WORD_RE = /[\p{L}\p{N}]+/gu;
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;
const UPPER_START_RE = /^\p{Lu}/u;
const TERMINAL_RE = /[.!?。！？:;"”»'’)\]]$/u;
const SENTENCE_END_RE = /[.!?。！？]["”»'’)\]]?$/u;
const URL_RE = /(?:https?:\/\/|www\.)\S|\S@\S+\.\p{L}{2,}/u;
const MONTH_RE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maret|mei|agustus|desember|ago|dic|dez)\b\.?/iu;
const TIME_AGO_RE = /\b(?:\d+\s*(?:min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|am|pm|gmt|utc|est|edt|pst|pdt|cet)\b/iu;

/** The time of posting closing a comment's date line ("March 3, 2018 at 5:02 pm"). */
const COMMENT_POSTED_AT_RE = /\bat\s+\d{1,2}:\d{2}\s*(?:am|pm)?$/iu;

const COMMENT_META_RE = new RegExp(
  `(?:^(?:reply|antworten|répondre|responder|balas|rispondi)$|^\\d+\\s*(?:comments?|replies|responses|kommentare|commentaires|comentários|comentarios|komentar)\\b|${COMMENT_POSTED_AT_RE.source}|\\b\\d+\\s+(?:likes?|points?|upvotes?|votes?)$|\\b(?:\\d+|an?)\\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\\s+ago$|^(?:like|upvote|downvote|report|flag)$)`,
  'iu',
);

/** Characters a comment's header has at most ("Milan Griffes on September 12, 2018 at 4:47 pm said:"). */
const COMMENT_HEADER_MAX_CHARS = 120;
/** A line closed by a commenter's verb ("said:", "says", "schreibt:"), with what comes before it. */
const COMMENT_VERB_RE = /^(.*?)[\s,]*\b(?:says|said|wrote|replied|schreibt|dit|disse|dice|berkata|menulis)\s*(:?)$/iu;
const CLOCK_RE = /\b\d{1,2}:\d{2}\b/;
const NUMERIC_DATE_RE = /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/;
/** Words a commenter's name has at most before the verb ("Dave P said:", "margoadams says:"). */
const COMMENTER_MAX_WORDS = 4;

export interface LineInfo {
  /** Index into the article's lines. */
  line: number;
  text: string;
  chars: number;
  words: number;
  prose: boolean;
  hits: LexiconHit[];
  nameLike: boolean;
  dateLike: boolean;
  teaser: boolean;
  commentMarker: boolean;
  /** Its list signature (listSignature). */
  list: number;
  /** A headline run into another story's dateline and opening (gluedHeadline). */
  glued: boolean;
  /** Carries a picture credit (hasPictureCredit). */
  credit: boolean;
  /** Reads as a news photo caption by its date line (captionDateline). */
  captionDate: boolean;
  /** An entry of a list of the site's archives: a month or a year and its count of posts ("Novembro (113)", "March 2019 (4)"; archiveEntry). */
  archive: boolean;
}

export interface ArticleFeatures {
  infos: LineInfo[];
  /** One row per non-empty line, FEATURE_NAMES order. */
  rows: number[][];
  /** Body segment over infos (inclusive), or [-1,-1] when no prose. */
  body: [number, number];
}

const BASE_NAMES = [
  'bias', 'logChars', 'logWords', 'short', 'mid', 'long', 'endsSentence', 'endsTerminal', 'ellipsis', 'endsColon',
  'stopRatio', 'capRatio', 'allCaps', 'digitRatio', 'url', 'separators', 'bullet', 'quoteStart', 'nameLike', 'dateLike',
  'cjk', 'lexWhole', 'lexStrong', 'lexPrefix',
  ...LEX_CATEGORIES.map((c) => 'lex_' + c),
  'relPos', 'isFirst', 'isLast', 'firstNearBody', 'inBody', 'beforeBody', 'afterBody', 'beforeBodyNear', 'afterBodyNear',
  'bodyOverlap', 'overlapOutside', 'prose', 'teaser', 'teaserAfterBody', 'shortRun', 'proseWin3', 'proseWin8',
  'lenWin2', 'prevProse', 'nextProse', 'prevLex', 'nextLex', 'bodyShare', 'shortOutside', 'proseOutside',
  'commentMarker', 'afterCommentMarker', 'commentWin', 'proseCharsBefore', 'proseCharsAfter', 'nearProseDist',
  'afterBodyProse', 'afterBodyShort', 'beforeBodyShort', 'firstLine3', 'bodyAfterCommentStart', 'markersSinceBody',
  'lexSinceBody', 'titleLike', 'prevTitle', 'titleWin4', 'isolatedProse', 'proseAfterTitle',
];

export const FEATURE_NAMES: readonly string[] = BASE_NAMES;

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

interface Shape {
  text: string;
  chars: number;
  words: string[];
  wordCount: number;
  cjk: number;
  stop: number;
  caps: number;
  alpha: number;
  digits: number;
  endsSentence: boolean;
  endsTerminal: boolean;
  /** Letters present, none of them lower case, at least one upper case. */
  allCaps: boolean;
  /** Count of | • · » › separators. */
  separators: number;
}

const ENDERS = '.!?。！？';
const CLOSERS = '"”»\'’)]';
const TERMINALS = '.!?。！？:;"”»\'’)]';
const SEPARATORS = '|•·»›';

function endsSentence(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  const last = text[n - 1];
  if (ENDERS.includes(last)) return true;
  return n >= 2 && CLOSERS.includes(last) && ENDERS.includes(text[n - 2]);
}

/** Slow path for lines with characters outside the BMP: the same figures from the regexes. */
function shapeByRegex(text: string): Shape {
  const words = text.toLowerCase().match(WORD_RE) ?? [];
  const cjk = (text.match(CJK_RE) ?? []).length;
  let stop = 0;
  for (const w of words) if (STOP_WORDS.has(w)) stop++;
  let caps = 0;
  let alpha = 0;
  for (const w of text.match(WORD_RE) ?? []) {
    if (/^\p{L}/u.test(w)) {
      alpha++;
      if (UPPER_START_RE.test(w)) caps++;
    }
  }
  let digits = 0;
  let separators = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (SEPARATORS.includes(text[i])) separators++;
  }
  const wordCount = Math.max(words.length, Math.round(cjk / 2));
  return {
    text, chars: text.length, words, wordCount, cjk, stop, caps, alpha, digits,
    endsSentence: SENTENCE_END_RE.test(text), endsTerminal: TERMINAL_RE.test(text),
    allCaps: alpha > 0 && text === text.toUpperCase() && /\p{Lu}/u.test(text), separators,
  };
}

/**
 * Shape of a line in one pass over its characters (a class table instead of a
 * regex per property); NFC only when the line holds a character where it can
 * change anything.
 */
function shapeOf(raw: string): Shape {
  let text = raw.length > MAX_LINE_CHARS ? raw.slice(0, MAX_LINE_CHARS) : raw;
  if (!allBelow(text, 0x300)) text = text.normalize('NFC');
  text = text.trim();
  if (hasSurrogate(text)) return shapeByRegex(text);
  const n = text.length;
  let cjk = 0;
  let caps = 0;
  let alpha = 0;
  let digits = 0;
  let separators = 0;
  let lowerable = false;
  let upper = false;
  let inWord = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    const k = charClass(c);
    if (k & CJK) cjk++;
    if (k & LOWERABLE) lowerable = true;
    if (k & UPPER) upper = true;
    if (k & (LETTER | NUMBER)) {
      if (!inWord) {
        inWord = true;
        if (k & LETTER) {
          alpha++;
          if (k & UPPER) caps++;
        }
      }
    } else {
      inWord = false;
      if (c < 0x80 ? c === 124 : SEPARATORS.includes(text[i])) separators++;
    }
  }
  const lower = text.toLowerCase();
  const words: string[] = [];
  let stop = 0;
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const isWord = i < lower.length && (charClass(lower.charCodeAt(i)) & (LETTER | NUMBER)) !== 0;
    if (isWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const w = lower.slice(start, i);
      words.push(w);
      if (STOP_WORDS.has(w)) stop++;
      start = -1;
    }
  }
  const wordCount = Math.max(words.length, Math.round(cjk / 2));
  return {
    text, chars: n, words, wordCount, cjk, stop, caps, alpha, digits,
    endsSentence: endsSentence(text), endsTerminal: n > 0 && TERMINALS.includes(text[n - 1]),
    allCaps: alpha > 0 && !lowerable && upper, separators,
  };
}

function allDigits(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return w.length > 0;
}

/** Whether a line holds a link or an e-mail address. */
export function hasUrl(text: string): boolean {
  if (text.indexOf('http') < 0 && text.indexOf('www.') < 0 && text.indexOf('@') < 0) return false;
  return URL_RE.test(text);
}

function isProse(s: Shape, hits: LexiconHit[]): boolean {
  if (hits.some((h) => h.kind !== 'prefix')) return false;
  if (s.cjk > 20) return s.endsSentence || s.cjk > 60;
  if (s.wordCount < 10) return false;
  const stopRatio = s.words.length > 0 ? s.stop / s.words.length : 0;
  if (stopRatio < 0.12 && s.wordCount < 30) return false;
  return s.endsSentence || s.wordCount >= 25;
}

/** What prose after the first heading of related articles weighs in finding the body (see articleFeatures). */
const RELATED_PROSE_WEIGHT = 0.85;

/** Maximum-sum contiguous segment of values (Kadane); [-1,-1] when all are ≤ 0. */
function bestSegment(values: ArrayLike<number>): [number, number] {
  let best = 0;
  let bestRange: [number, number] = [-1, -1];
  let sum = 0;
  let start = 0;
  for (let i = 0; i < values.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += values[i];
    if (sum > best) {
      best = sum;
      bestRange = [start, i];
    }
  }
  return bestRange;
}

/**
 * What a line's features take from the line alone: its shape, lexicon hits, flags, content words
 * and the line-only columns of its row (FEATURE_NAMES from logChars to the lex_ categories).
 * A function of the line's text only, so it may be kept per text (see ./incremental).
 */
export interface LineLocal {
  shape: Shape;
  hits: LexiconHit[];
  prose: boolean;
  nameLike: boolean;
  dateLike: boolean;
  teaser: boolean;
  commentMarker: boolean;
  title: boolean;
  contentWords: string[];
  columns: number[];
  /** Its list signature (listSignature). */
  list: number;
  /** A headline run into another story's dateline and opening (gluedHeadline). */
  glued: boolean;
  /** Carries a picture credit (hasPictureCredit). */
  credit: boolean;
  /** Reads as a news photo caption by its date line (captionDateline). */
  captionDate: boolean;
  /** An entry of a list of the site's archives: a month or a year and its count of posts ("Novembro (113)", "March 2019 (4)"; archiveEntry). */
  archive: boolean;
}

/** The line-only features of a non-blank line. */
export function lineLocal(raw: string): LineLocal {
  const s = shapeOf(raw);
  const hits = lexiconHits(s.text);
  const alphaWords = s.alpha;
  const nameLike =
    s.wordCount >= 2 && s.wordCount <= 4 && alphaWords === s.wordCount && s.caps === alphaWords &&
    !/[.!?:;,"“”]/.test(s.text) && s.chars <= 40;
  const dateLike = s.chars <= 80 && s.wordCount <= 12 && (MONTH_RE.test(s.text) || TIME_AGO_RE.test(s.text) || NUMERIC_DATE_RE.test(s.text));
  const teaser = s.wordCount >= 6 && (s.text.endsWith('...') || s.text.endsWith('…'));
  const commentMarker = hits.some((h) => h.category === 'comments') || (s.chars <= COMMENT_HEADER_MAX_CHARS && (COMMENT_META_RE.test(s.text) || commenterSays(s.text)));
  const prose = isProse(s, hits);
  const words = s.wordCount;
  const title = words >= 4 && words <= 18 && s.alpha > 0 && !s.endsSentence && (s.caps / s.alpha >= 0.6 || words <= 12) && !prose;
  const contentWords = s.words.filter((w) => w.length >= 4 && !STOP_WORDS.has(w) && !allDigits(w));
  const lexAny = (k: LexiconHit['kind']): number => (hits.some((h) => h.kind === k) ? 1 : 0);
  const wc = s.words.length;
  const columns = [
    Math.log1p(s.chars) / 6,
    Math.log1p(words) / 4,
    words <= 3 ? 1 : 0,
    words > 3 && words < 10 ? 1 : 0,
    words >= 20 ? 1 : 0,
    s.endsSentence ? 1 : 0,
    s.endsTerminal ? 1 : 0,
    teaser ? 1 : 0,
    s.text.endsWith(':') ? 1 : 0,
    wc > 0 ? s.stop / wc : 0,
    s.alpha > 0 ? s.caps / s.alpha : 0,
    s.allCaps ? 1 : 0,
    s.chars > 0 ? s.digits / s.chars : 0,
    hasUrl(s.text) ? 1 : 0,
    Math.min(3, s.separators) / 3,
    s.chars > 0 && '-–—•·*>»›▶►'.includes(s.text[0]) ? 1 : 0,
    s.chars > 0 && '"“«„\''.includes(s.text[0]) ? 1 : 0,
    nameLike ? 1 : 0,
    dateLike ? 1 : 0,
    s.chars > 0 ? clamp01(s.cjk / s.chars) : 0,
    lexAny('whole'),
    lexAny('strong'),
    lexAny('prefix'),
    ...LEX_CATEGORIES.map((c) => (hits.some((h) => h.category === c) ? 1 : 0)),
  ];
  return { shape: s, hits, prose, nameLike, dateLike, teaser, commentMarker, title, contentWords, columns, list: listSignature(s.text, s.wordCount), glued: s.wordCount >= GLUED_MIN_WORDS && gluedHeadline(s.text), credit: hasPictureCredit(s.text), captionDate: s.wordCount >= CAPTION_MIN_WORDS && captionDateline(s.text), archive: archiveEntry(s.text, s.wordCount) };
}

/**
 * Features of the given lines (texts of all lines, blank ones included). `local` gives a line's
 * line-only features (default: computed afresh; a cache may keep them per line text).
 */
export function articleFeatures(lineTexts: string[], local: (raw: string) => LineLocal = lineLocal): ArticleFeatures {
  const locals: LineLocal[] = [];
  const infos: LineInfo[] = [];
  for (let i = 0; i < lineTexts.length; i++) {
    const raw = lineTexts[i];
    if (raw.trim().length === 0) continue;
    const l = local(raw);
    locals.push(l);
    const s = l.shape;
    infos.push({ line: i, text: s.text, chars: s.chars, words: s.wordCount, prose: l.prose, hits: l.hits, nameLike: l.nameLike, dateLike: l.dateLike, teaser: l.teaser, commentMarker: l.commentMarker, list: l.list, glued: l.glued, credit: l.credit, captionDate: l.captionDate, archive: l.archive });
  }
  const n = infos.length;
  // The per-line figures below are typed arrays: an array's elements kind (small integers or not, with
  // holes or not) depends on how it was made and what it holds, and optimised code that met another
  // kind was thrown away and compiled again (articleFeatures 38 times in 3,000 articles, 1 s of
  // compiling; --trace-deopt). A typed array has one shape.
  // Body: prose lines weigh their length, others a penalty.
  const values = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const f = infos[j];
    values[j] = f.commentMarker ? -1500 : f.prose && !f.teaser ? f.chars : -(25 + Math.min(f.chars, 200) * 0.5) - (f.hits.length > 0 ? 150 : 0);
  }
  // Prose after a heading of related articles ("You may also like") is most often their teasers:
  // it counts a little less, so that an article before the heading is not outweighed by as long a
  // list of teasers after it.
  const related = infos.findIndex((f) => f.hits.some((h) => h.category === 'related' && h.kind !== 'strong'));
  if (related >= 0) for (let j = related + 1; j < n; j++) if (values[j] > 0) values[j] *= RELATED_PROSE_WEIGHT;
  const body = bestSegment(values);
  const [b0, b1] = body;
  // Body vocabulary (content words).
  const vocab = new Map<string, number>();
  const contentWords: string[][] = [];
  for (let j = 0; j < n; j++) contentWords.push(locals[j].contentWords);
  if (b0 >= 0) {
    for (let j = b0; j <= b1; j++) {
      const cw = contentWords[j];
      for (let q = 0; q < cw.length; q++) vocab.set(cw[q], (vocab.get(cw[q]) ?? 0) + 1);
    }
  }
  let bodyChars = 0;
  let totalChars = 0;
  for (let j = 0; j < n; j++) {
    totalChars += infos[j].chars;
    if (j >= b0 && j <= b1) bodyChars += infos[j].chars;
  }
  // Runs of short lines.
  const shortRun = new Int32Array(n);
  for (let j = 0; j < n; ) {
    if (infos[j].words > 6) {
      j++;
      continue;
    }
    let k = j;
    while (k < n && infos[k].words <= 6) k++;
    for (let m = j; m < k; m++) shortRun[m] = k - j;
    j = k;
  }
  const proseArr = new Uint8Array(n);
  const prefix = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    proseArr[j] = infos[j].prose ? 1 : 0;
    prefix[j + 1] = prefix[j] + proseArr[j];
  }
  const win = (j: number, r: number): number => {
    const a = Math.max(0, j - r);
    const b = Math.min(n - 1, j + r);
    return (prefix[b + 1] - prefix[a] - proseArr[j]) / Math.max(1, b - a);
  };
  // Prose characters before/after each line, comment markers seen so far.
  const proseChars = new Float64Array(n);
  const proseBefore = new Float64Array(n);
  let proseTotal = 0;
  for (let j = 0; j < n; j++) {
    proseChars[j] = infos[j].prose ? infos[j].chars : 0;
    proseBefore[j] = proseTotal;
    proseTotal += proseChars[j];
  }
  const firstProse = proseArr.indexOf(1);
  const markerSeen = new Uint8Array(n);
  let seen = 0;
  for (let j = 0; j < n; j++) {
    markerSeen[j] = seen;
    if (infos[j].commentMarker && firstProse >= 0 && j > firstProse) seen = 1;
  }
  const mpre = new Int32Array(n + 1);
  const titleArr = new Uint8Array(n);
  const tpre = new Int32Array(n + 1);
  const lpre = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    const f = infos[j];
    mpre[j + 1] = mpre[j] + (f.commentMarker ? 1 : 0);
    titleArr[j] = locals[j].title ? 1 : 0;
    tpre[j + 1] = tpre[j] + titleArr[j];
    lpre[j + 1] = lpre[j] + (f.hits.length > 0 ? 1 : 0);
  }
  const nearProse = new Int32Array(n).fill(n);
  let last = -1;
  for (let j = 0; j < n; j++) {
    if (proseArr[j]) last = j;
    if (last >= 0) nearProse[j] = j - last;
  }
  last = -1;
  for (let j = n - 1; j >= 0; j--) {
    if (proseArr[j]) last = j;
    if (last >= 0) nearProse[j] = Math.min(nearProse[j], last - j);
  }
  const bodyAfterComment = b0 >= 0 && markerSeen[b0] ? 1 : 0;
  const rows: number[][] = [];
  // Rows are built without spreads or iterators, and one map of a line's own words is reused:
  // this runs over every line on each keystroke of the editor's re-analysis.
  const own = new Map<string, number>();
  for (let j = 0; j < n; j++) {
    const f = infos[j];
    const inBody = b0 >= 0 && j >= b0 && j <= b1 ? 1 : 0;
    const before = b0 >= 0 && j < b0 ? b0 - j : 0;
    const after = b0 >= 0 && j > b1 ? j - b1 : 0;
    let overlap = 0;
    const cw = contentWords[j];
    if (cw.length > 0) {
      own.clear();
      if (inBody) for (let q = 0; q < cw.length; q++) own.set(cw[q], (own.get(cw[q]) ?? 0) + 1);
      let found = 0;
      for (let q = 0; q < cw.length; q++) if ((vocab.get(cw[q]) ?? 0) - (own.get(cw[q]) ?? 0) > 0) found++;
      overlap = found / cw.length;
    }
    let lenWin = 0;
    let cnt = 0;
    for (let k = Math.max(0, j - 2); k <= Math.min(n - 1, j + 2); k++) {
      if (k === j) continue;
      lenWin += Math.log1p(infos[k].chars);
      cnt++;
    }
    const tail = [
      n > 1 ? j / (n - 1) : 0,
      j === 0 ? 1 : 0,
      j === n - 1 ? 1 : 0,
      j === 0 && b0 >= 0 && b0 - j <= 3 ? 1 : 0,
      inBody,
      before > 0 ? Math.log1p(before) / 3 : 0,
      after > 0 ? Math.log1p(after) / 3 : 0,
      before > 0 && before <= 2 ? 1 : 0,
      after > 0 && after <= 2 ? 1 : 0,
      overlap,
      inBody ? 0 : overlap,
      f.prose ? 1 : 0,
      f.teaser ? 1 : 0,
      f.teaser && after > 0 ? 1 : 0,
      Math.log1p(shortRun[j]) / 3,
      win(j, 3),
      win(j, 8),
      cnt > 0 ? lenWin / cnt / 6 : 0,
      j > 0 ? proseArr[j - 1] : 0,
      j < n - 1 ? proseArr[j + 1] : 0,
      j > 0 && infos[j - 1].hits.length > 0 ? 1 : 0,
      j < n - 1 && infos[j + 1].hits.length > 0 ? 1 : 0,
      totalChars > 0 ? bodyChars / totalChars : 0,
      inBody ? 0 : f.words <= 6 ? 1 : 0,
      inBody ? 0 : f.prose ? 1 : 0,
      f.commentMarker ? 1 : 0,
      markerSeen[j],
      (mpre[Math.min(n, j + 6)] - mpre[Math.max(0, j - 5)]) / 5,
      proseTotal > 0 ? proseBefore[j] / proseTotal : 0,
      proseTotal > 0 ? (proseTotal - proseBefore[j] - proseChars[j]) / proseTotal : 0,
      Math.log1p(Math.min(nearProse[j], 50)) / 4,
      after > 0 && f.prose ? 1 : 0,
      after > 0 && f.words <= 6 ? 1 : 0,
      before > 0 && f.words <= 6 ? 1 : 0,
      j <= 2 && b0 >= 0 && b0 <= 4 ? 1 : 0,
      bodyAfterComment,
      after > 0 ? Math.log1p(mpre[j] - mpre[b1 + 1]) / 3 : 0,
      after > 0 ? Math.log1p(lpre[j] - lpre[b1 + 1]) / 3 : 0,
      titleArr[j],
      j > 0 ? titleArr[j - 1] : 0,
      (tpre[Math.min(n, j + 5)] - tpre[Math.max(0, j - 4)] - titleArr[j]) / 8,
      f.prose && (j === 0 || !proseArr[j - 1]) && (j === n - 1 || !proseArr[j + 1]) ? 1 : 0,
      f.prose && j > 0 && titleArr[j - 1] ? 1 : 0,
    ];
    // [1, ...columns, ...tail], written into an array of its final length.
    const columns = locals[j].columns;
    const row = new Array<number>(1 + columns.length + tail.length);
    row[0] = 1;
    for (let q = 0; q < columns.length; q++) row[1 + q] = columns[q];
    for (let q = 0; q < tail.length; q++) row[1 + columns.length + q] = tail[q];
    rows.push(row);
  }
  return { infos, rows, body };
}

/**
 * A line's list signature: how it opens (digit, bullet or dash, capital, lower case, other), which
 * list separators it has (a spaced dash, "@", ":", "|" or a tab), and whether it has more than two
 * words. The lines of one list or table share it: tour dates ("June 9 – Tampa, FL @ …"), ingredients
 * ("1 tsp cinnamon"), a season's calendar, qualified teams.
 */
export function listSignature(text: string, words: number): number {
  const first = text.charAt(0);
  const c = text.charCodeAt(0);
  let lead = 4;
  if (c >= 48 && c <= 57) lead = 0;
  else if (first !== '' && '-–—•·*>»›▶►'.includes(first)) lead = 1;
  else if (first !== first.toLowerCase()) lead = 2;
  else if (first !== first.toUpperCase()) lead = 3;
  let seps = 0;
  if (/\s[-–—]{1,2}\s/.test(text)) seps |= 1;
  if (text.includes('@')) seps |= 2;
  if (text.includes(':')) seps |= 4;
  if (text.includes('|') || text.includes('\t')) seps |= 8;
  // Only very short lines apart: the entries of one list vary in length ("June 26 – Allentown, PA @ PPL Center").
  const size = words <= 2 ? 0 : 1;
  return lead | (seps << 4) | (size << 8);
}

/** Words a line needs at least to be read as a headline glued to the opening of a story. */
export const GLUED_MIN_WORDS = 15;
/** How far into a line (in words) a dateline is looked for. */
const GLUED_MAX_AT = 40;
const DATELINE_WORD = /^\p{Lu}[\p{Lu}.'’-]+$/u;
const HAS_LOWER = /\p{Ll}/u;
const OPENS_SENTENCE = /^[\p{Lu}\d"“‘']/u;

/**
 * Whether a line reads as a headline run into the dateline and opening words of a story, as a
 * scraped news ticker or "Breaking News" strip gives them, with no line break nor "…" between:
 * "UN ‘regrets’ new US position on Israeli settlements UNITED NATIONS: United Nations Secretary
 * General Antonio Guterres has…". The dateline is one to four words in capitals (4 letters or more
 * together) ending with a colon, after at least 4 words of headline whose last word has a lower-case
 * letter, followed by a word that opens a sentence and at least 7 more. An article's own dateline
 * opens its line and is never read so; a lone line may still be an article's headline and lead run
 * together, so the engine flags only runs of them (gluedTeasers). Looks at the first GLUED_MAX_AT words.
 */
export function gluedHeadline(text: string): boolean {
  if (!text.includes(': ')) return false;
  const words = text.trim().split(/\s+/, GLUED_MAX_AT + 9);
  for (let i = 4; i < Math.min(words.length - 8, GLUED_MAX_AT); i++) {
    const w = words[i];
    if (w.length < 3 || !w.endsWith(':') || !DATELINE_WORD.test(w.slice(0, -1))) continue;
    let k = i;
    let letters = w.length - 1;
    while (k - 1 >= 4 && i - (k - 1) <= 3 && DATELINE_WORD.test(words[k - 1])) letters += words[--k].length;
    if (letters >= 4 && HAS_LOWER.test(words[k - 1]) && OPENS_SENTENCE.test(words[i + 1])) return true;
  }
  return false;
}

/**
 * A picture credit closing a line: "… hibernation-based equivalent. Credit: ESA", "(Photo Credit: Major
 * Food Group)". The credit word opens the line, follows a sentence's end or a parenthesis ("bad
 * credit: …" and "The Spitting Image: …" are no credits), and what follows it has no sentence end.
 */
const CREDIT_END = /(?:^|[.!?)”"]\s+|\()(?:(?:photo|image|picture)\s+)?(?:credits?|photo|photograph|image|picture|foto|bild)\s*:\s*[^\s:][^:.!?]{0,60}$/iu;

/** Picture agencies and stock libraries, as a credit names them. */
const AGENCY = String.raw`(?:AP|Reuters|AFP|EPA|Getty Images|Getty|Bloomberg|Shutterstock|iStock|Xinhua|Anadolu|dpa|Alamy|NurPhoto|UPI)`;
/**
 * An agency's credit closing a line: "(Joshua Roberts/Reuters)", "(AP Photo/Evan Vucci)", "J. Scott
 * Applewhite / AP file", "Tada Images / Shutterstock", "… via Getty Images". A bare "(AP)" is no
 * credit ("Accounts Payable (AP)"): the agency follows a photographer's name and a slash, or is "AP Photo".
 */
const AGENCY_END = new RegExp(
  String.raw`(?:\((?:[^()/]{1,60}/\s*${AGENCY}[^()]{0,30}|${AGENCY} Photos?(?:/[^()]{0,40})?)\)|\S\s*/\s*${AGENCY}(?:\s+(?:Photo|Images|file))?|\b(?:via|for) Getty Images|[^|\s]\s+Getty Images)\s*$`,
  'u',
);
/** A credit opening a caption: a copyright sign, the photographer's name, then the caption ("© Lucy Nicholson Detainees at …"). */
const CREDIT_START = /^©\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u;

/**
 * Whether a line carries a picture credit: at its end, as a caption ("A cross-section through the
 * module. Credit: ESA", "… on July 25, 2019. J. Scott Applewhite / AP file") or alone ("Photo credit:
 * Getty"), or opening a caption ("© John Brecher Needle poking skin …"). Looks at the last 80
 * characters (and the first few words) only.
 */
export function hasPictureCredit(text: string): boolean {
  const tail = text.length > 80 ? text.slice(-80) : text;
  if (text.includes(':') && CREDIT_END.test(tail)) return true;
  if (AGENCY_END.test(tail)) return true;
  return text.startsWith('©') && CREDIT_START.test(text.slice(0, 120));
}

/**
 * The date line of a news photo caption, as the agencies write it: a weekday and the full date set
 * off by commas near the end of the line, then at most the place, or what the people pictured are
 * doing, and a credit: "Pete Buttigieg speaks during a fundraiser for the Nevada Democratic Party,
 * Sunday, Nov. 17, 2019, in Las Vegas." Article prose says "on Tuesday" or "Nov. 17" and seldom
 * both with the year; a citation ("S.F. Chron., Friday, Feb. 8, 2002, at A-1.") is not read so.
 */
const CAPTION_DATE =
  /,\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+(?:Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2},\s+\d{4}(?:,\s+(?:(?:in|at|near|outside|during|on)\s+\p{Lu}\p{Ll}[^()]{0,60}?|\p{Ll}+ing\s[^()]{0,200}?))?\s*\.?\s*(?:\([^()]{0,60}\))?(?:\s+less)?$/u;
/** Words a line needs at least to be read as a photo caption with its date line. */
export const CAPTION_MIN_WORDS = 8;

/** Words an archive entry has at most ("Novembro (113)", "March 2019 (4)", "2018 (37)"). */
const ARCHIVE_MAX_WORDS = 4;
const ARCHIVE_COUNT_RE = /\(\d{1,6}\)$/;
const YEAR_START_RE = /^\d{4}\b/;
const YEAR_LINE_RE = /^\d{4}$/;

/**
 * Whether a line is an entry of a list of the site's archives, as a blog's sidebar has them: a month
 * (MONTH_RE, several languages) or a year, then the count of posts in parentheses, and nothing else
 * to speak of.
 */
export function archiveEntry(text: string, words: number): boolean {
  return words <= ARCHIVE_MAX_WORDS && ARCHIVE_COUNT_RE.test(text) && (YEAR_START_RE.test(text) || MONTH_RE.test(text));
}

/** Whether a line is a year alone, as heads the months of a list of archives ("2019"). */
export function archiveYear(text: string): boolean {
  return YEAR_LINE_RE.test(text);
}

function datedOrTimed(text: string): { dated: boolean; timed: boolean } {
  return { dated: MONTH_RE.test(text) || NUMERIC_DATE_RE.test(text), timed: CLOCK_RE.test(text) };
}

/**
 * Whether a line is who commented, closed by the commenter's verb: "Dave P said:", "margoadams
 * says:", "Milan Griffes on September 12, 2018 at 4:47 pm said:". A name or a handle of at most
 * COMMENTER_MAX_WORDS words with no stop word ("the", "he", "which") before the verb, or a date or
 * time in the line. News prose introduces a quote with the same verb ("In a statement on Tuesday,
 * the mayor said:", "The leader of the opposition replied:", "He said:"): not a comment's.
 */
export function commenterSays(text: string): boolean {
  if (text.length > COMMENT_HEADER_MAX_CHARS) return false;
  const m = COMMENT_VERB_RE.exec(text);
  if (!m) return false;
  const { dated, timed } = datedOrTimed(text);
  if (dated || timed) return true;
  const name = m[1].toLowerCase().match(/[\p{L}\p{N}_@'’.-]+/gu) ?? [];
  return name.length <= COMMENTER_MAX_WORDS && !name.some((w) => STOP_WORDS.has(w));
}

/**
 * Whether a line is the header of a reader's comment with its date, as blogs and news sites print
 * it: who wrote it and when, closed by the commenter's verb and its colon ("Milan Griffes on
 * September 12, 2018 at 4:47 pm said:", "Anna at 10:45 says:"), or the date and time of posting
 * alone, as under "Anna says:" ("March 3, 2018 at 5:02 pm"). A date or a time it must carry: a name
 * and a verb alone may head a quote.
 */
export function commentHeader(text: string): boolean {
  if (text.length > COMMENT_HEADER_MAX_CHARS) return false;
  const { dated, timed } = datedOrTimed(text);
  const m = COMMENT_VERB_RE.exec(text);
  if (m && m[2] === ':') return dated || timed;
  return dated && COMMENT_POSTED_AT_RE.test(text);
}

/** Whether a line reads as a news photo caption by its date line (see CAPTION_DATE). Looks at the last 320 characters only. */
export function captionDateline(text: string): boolean {
  if (!text.includes('day, ')) return false;
  return CAPTION_DATE.test(text.length > 320 ? text.slice(-320) : text);
}

/** Context features for the second stage, from first-stage probabilities over the non-empty lines. */
export const CONTEXT_NAMES: readonly string[] = [
  'p', 'pPrev', 'pNext', 'pWin2', 'pWin5', 'pBefore', 'pAfter', 'pMaxNb', 'pMinNb', 'pWin10', 'pAllBefore', 'pAllAfter',
];
/** Context features used as they are (not through logit). */
export const RUN_NAMES: readonly string[] = ['runFlagged', 'runKept'];

/** Length (log) of the run of lines on the same side of 0.5 as each line. */
export function runFeatures(p: number[]): number[][] {
  const n = p.length;
  const out: number[][] = p.map(() => [0, 0]);
  for (let j = 0; j < n; ) {
    const side = p[j] >= 0.5;
    let k = j;
    while (k < n && p[k] >= 0.5 === side) k++;
    const v = Math.log1p(k - j) / 3;
    for (let m = j; m < k; m++) out[m] = side ? [v, 0] : [0, v];
    j = k;
  }
  return out;
}

export function contextFeatures(p: number[]): number[][] {
  const n = p.length;
  const pre = [0];
  for (const x of p) pre.push(pre[pre.length - 1] + x);
  const mean = (a: number, b: number): number => {
    a = Math.max(0, a);
    b = Math.min(n - 1, b);
    return b >= a ? (pre[b + 1] - pre[a]) / (b - a + 1) : 0.5;
  };
  const out: number[][] = [];
  for (let j = 0; j < n; j++) {
    const prev = j > 0 ? p[j - 1] : 0.5;
    const next = j < n - 1 ? p[j + 1] : 0.5;
    out.push([
      p[j],
      prev,
      next,
      mean(j - 2, j + 2),
      mean(j - 5, j + 5),
      j > 0 ? mean(j - 4, j - 1) : 0.5,
      j < n - 1 ? mean(j + 1, j + 4) : 0.5,
      Math.max(prev, next),
      Math.min(prev, next),
      mean(j - 10, j + 10),
      j > 0 ? mean(0, j - 1) : 0.5,
      j < n - 1 ? mean(j + 1, n - 1) : 0.5,
    ]);
  }
  return out;
}

/** Features of a line's place relative to the lines a stage is sure are article text (see anchorFeatures). */
export const ANCHOR_NAMES: readonly string[] = ['anchorPrevDist', 'anchorNextDist', 'beforeAnchors', 'afterAnchors', 'anchorCharsBefore', 'anchorCharGap'];

/** A line a stage is sure is article text: probability below this and at least ANCHOR_MIN_CHARS characters. */
export const ANCHOR_MAX_P = 0.2;
export const ANCHOR_MIN_CHARS = 80;

/**
 * Per line (p and infos aligned): log distance in lines to the previous and the next anchor (a long
 * line the stage scores as article text with confidence; 1 when there is none), whether the line is
 * before the first or after the last anchor, the share of the anchors' characters before it, and the
 * log of the characters between it and the nearest anchor (the article body as the stage sees it).
 */
export function anchorFeatures(p: readonly number[], infos: readonly { chars: number }[]): number[][] {
  const n = p.length;
  const anchor = (j: number): boolean => p[j] < ANCHOR_MAX_P && infos[j].chars >= ANCHOR_MIN_CHARS;
  const prevA = new Int32Array(n);
  const nextA = new Int32Array(n);
  const charPre = new Float64Array(n + 1);
  const anchorPre = new Float64Array(n + 1);
  let last = -1;
  for (let j = 0; j < n; j++) {
    prevA[j] = last;
    if (anchor(j)) last = j;
    charPre[j + 1] = charPre[j] + infos[j].chars;
    anchorPre[j + 1] = anchorPre[j] + (anchor(j) ? infos[j].chars : 0);
  }
  last = -1;
  for (let j = n - 1; j >= 0; j--) {
    nextA[j] = last;
    if (anchor(j)) last = j;
  }
  const total = anchorPre[n];
  const dist = (d: number): number => Math.min(1, Math.log1p(d) / Math.log1p(100));
  const out: number[][] = [];
  for (let j = 0; j < n; j++) {
    const a = prevA[j];
    const b = nextA[j];
    const gapBefore = a >= 0 ? charPre[j] - charPre[a + 1] : Infinity;
    const gapAfter = b >= 0 ? charPre[b] - charPre[j + 1] : Infinity;
    const gap = anchor(j) ? 0 : Math.min(gapBefore, gapAfter);
    out.push([
      a >= 0 ? dist(j - a) : 1,
      b >= 0 ? dist(b - j) : 1,
      total > 0 && anchorPre[j] === 0 && !anchor(j) ? 1 : 0,
      total > 0 && anchorPre[j + 1] === total && !anchor(j) ? 1 : 0,
      total > 0 ? anchorPre[j] / total : 0.5,
      gap === Infinity ? 1 : Math.min(1, Math.log1p(gap) / Math.log1p(20000)),
    ]);
  }
  return out;
}
