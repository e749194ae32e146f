// The boilerplate engine: flags each non-article line of a plain-text article
// with a category, a confidence and a short message. Sources of a finding, in
// order of precedence: the user's phrases and (trusted) patterns → 'custom';
// a long line repeating an earlier one → 'duplicate'; the trained line model
// (categorised from lexicon hits and line shape; a data list that continues
// the article is kept: listsInArticle); lines repeated across the
// corpus → 'template'. Lines in settings.keep are never flagged, blank lines
// never are.
import type { BoilerplateSettings } from '../config/types';
import type { BoilerplateEngine, BoilerplateInput } from '../engines';
import type { BoilerplateCategory, BoilerplateFinding, Line } from '../types';
import { archiveYear, commentHeader, hasUrl, type LineInfo } from './features';
import { scoreArticleCached } from './incremental';
import { confidenceOf, scoreArticle, type BoilerplateModel } from './model';
import { tablesInArticle } from './tables';
import { isTemplate, lineKey } from './templates';
import { compilePatterns, matchPhrase, normalisePhrases, patternRun, type CompiledPatterns } from './user-rules';
import weights from './weights.json';

/** Lines beyond this many are not examined (bounds the work on huge input). */
export const MAX_LINES = 20_000;
/** A line repeating an earlier one is a duplicate when it has at least this many characters or DUPLICATE_MIN_WORDS words. */
export const DUPLICATE_MIN_CHARS = 40;
export const DUPLICATE_MIN_WORDS = 6;

export const DEFAULT_MODEL: BoilerplateModel = weights as unknown as BoilerplateModel;

export interface BoilerplateEngineOptions {
  /**
   * Whether settings.patterns may run. Default true: the caller is expected to pass no patterns
   * in an untrusted workspace (analyzeArticle empties them); false refuses them whatever is passed.
   */
  trusted?: boolean;
}

/** BoilerplateInput plus, optionally, whether user patterns may run (overrides the engine option). */
export type BoilerplateDetectInput = BoilerplateInput & { trusted?: boolean };

const LABEL: Record<BoilerplateCategory, string> = {
  navigation: 'Navigation',
  byline: 'Byline',
  share: 'Share/subscribe prompt',
  related: 'Related-post teaser',
  'read-more': '"Read more" link',
  comments: 'Comment section',
  legal: 'Legal/cookie notice',
  caption: 'Caption/credit',
  duplicate: 'Duplicate line',
  template: 'Corpus template line',
  custom: 'Corpus boilerplate phrase',
};

export function snippet(text: string, max = 40): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length <= max) return t;
  const half = Math.floor((max - 1) / 2);
  return `${t.slice(0, half).trimEnd()}…${t.slice(t.length - half).trimStart()}`;
}

/** Category of a line the model flagged, from its lexicon hits and shape. */
function categoryOf(info: LineInfo, pos: number, body: [number, number]): BoilerplateCategory {
  const best = info.hits.find((h) => h.kind === 'whole') ?? info.hits.find((h) => h.kind === 'strong') ?? info.hits.find((h) => h.kind === 'prefix');
  if (best) return best.category;
  const [b0, b1] = body;
  const after = b0 >= 0 && pos > b1;
  const before = b0 >= 0 && pos < b0;
  if (/©|\(c\)\s*\d{4}/iu.test(info.text)) return 'legal';
  if (info.teaser) return 'related';
  if ((info.nameLike || info.dateLike) && (before ? b0 - pos <= 3 : after ? pos - b1 <= 3 : true)) return 'byline';
  if (after && info.words >= 6) return 'related';
  return 'navigation';
}

function messageOf(category: BoilerplateCategory, text: string, extra?: string): string {
  const base = `${LABEL[category]} ("${snippet(text)}")`;
  return extra ? `${base}: ${extra}` : base;
}

/** Lines of a list or table inside the article: at least this many in a row sharing a list signature. */
export const LIST_MIN_LINES = 5;
/** Short lines (headings, a "Print" link) a list may sit under, after the prose it continues. */
const LIST_MAX_HEADINGS = 3;

/** A signature of entries opened by a number or a bullet, or holding list separators: not a run of titles. */
function structured(sig: number): boolean {
  return (sig & 7) <= 1 || (sig & 0xf0) !== 0;
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * The lines of data lists that continue the article (tour dates, ingredients, qualified teams, a
 * season's calendar): a run of at least LIST_MIN_LINES lines, none of them prose, sharing a list
 * signature (listSignature, worked out with each line's own features and kept with them) of entries
 * opened by a number or a bullet or holding separators, a third of them or more with a digit, no
 * phrase of the lexicon and no comment marker in any of them, right after a prose line the model
 * keeps or after up to LIST_MAX_HEADINGS short lines that follow one ("Tour dates", "Ingredients"; a
 * share or print button among them, but no other phrase of the lexicon: not "Related posts").
 * Returned with those headings but for one the lexicon marks ("Print"). The trained trees, from 112
 * pages with few such lists, flag them as they flag menus.
 */
export function listsInArticle(infos: readonly LineInfo[], kept: (j: number) => boolean): number[] {
  const out: number[] = [];
  const n = infos.length;
  for (let j = 0; j < n; ) {
    let k = j + 1;
    while (k < n && infos[k].list === infos[j].list) k++;
    if (k - j >= LIST_MIN_LINES && structured(infos[j].list)) {
      let clean = true;
      let digits = 0;
      for (let m = j; m < k && clean; m++) {
        clean = !infos[m].prose && infos[m].hits.length === 0 && !infos[m].commentMarker;
        if (hasDigit(infos[m].text)) digits++;
      }
      // Back over the short lines heading the list, to the prose it continues; a heading the lexicon
      // reads as anything but a share or print button ("Related posts", "Comments") says the list is not the article's.
      let h = j - 1;
      while (h >= 0 && j - 1 - h < LIST_MAX_HEADINGS && !infos[h].prose && infos[h].words <= 12 && infos[h].hits.every((x) => x.category === 'share')) h--;
      if (clean && digits * 3 >= k - j && h >= 0 && infos[h].prose && kept(h)) {
        for (let m = h + 1; m < j; m++) if (infos[m].hits.length === 0) out.push(m);
        for (let m = j; m < k; m++) out.push(m);
      }
    }
    j = k;
  }
  return out;
}

/** Words a closing sentence after the article's prose has at least and at most (sentencesAfterProse). */
const CLOSING_SENTENCE_WORDS: readonly [number, number] = [3, 12];
const CLOSING_SENTENCE_RE = /^\p{Lu}.*\.["”’']?$/u;

/**
 * Short sentences that continue the article: a line of CLOSING_SENTENCE_WORDS words that opens with
 * a capital and closes with a full stop, right after a prose line the model keeps, with no phrase of
 * the lexicon, no comment marker, no link and nothing a rule reads (a credit, a caption's date). The
 * trees read a short line as a menu's, a caption's or a footer's, and flagged the last sentence of a
 * three-line article ("She left on Tuesday."). A question or an exclamation ("Did you find the
 * article helpful?", "Talk to us!") is left to them. On web pages such a line is as often a footer's
 * ("Keith Bradsher contributed reporting from Hong Kong.") as the article's: in the default grouping
 * of the cross-validation it unflags 2 article and 2 boilerplate lines of Scrapinghub `main`, 5 and 6
 * of WCXB, 22 and 7 of CLEANEVAL; in a news article it is the article's closing sentence.
 */
export function sentencesAfterProse(infos: readonly LineInfo[], kept: (j: number) => boolean): number[] {
  const out: number[] = [];
  for (let j = 1; j < infos.length; j++) {
    const f = infos[j];
    if (f.words < CLOSING_SENTENCE_WORDS[0] || f.words > CLOSING_SENTENCE_WORDS[1] || kept(j)) continue;
    const prev = infos[j - 1];
    if (!prev.prose || !kept(j - 1)) continue;
    if (f.hits.length > 0 || f.commentMarker || f.credit || f.captionDate || f.glued || f.archive || f.nameLike) continue;
    if (!CLOSING_SENTENCE_RE.test(f.text) || hasUrl(f.text)) continue;
    out.push(j);
  }
  return out;
}

/** Lines of a news ticker: at least this many in a row, each a headline glued to another story's opening. */
export const GLUED_MIN_LINES = 3;

/** A rule that flags a line the trees keep: at least this confidence, with its category and reason. */
interface LineRule {
  confidence: number;
  category: BoilerplateCategory;
  reason: string;
  /** Whether its category and reason stand even when the lexicon marks the line (else the lexicon's do). */
  overLexicon: boolean;
}

/** A line of a news ticker (gluedTeasers). */
const TICKER_RULE: LineRule = {
  confidence: 0.85,
  category: 'related',
  reason: 'a headline run into the dateline and opening of another story, in a run of such lines',
  overLexicon: false,
};
/** A line carrying a picture credit (LineInfo.credit). */
const CREDIT_RULE: LineRule = { confidence: 0.8, category: 'caption', reason: 'carries a picture credit', overLexicon: true };
/** A news photo caption, by its date line (LineInfo.captionDate). */
const CAPTION_DATE_RULE: LineRule = { confidence: 0.75, category: 'caption', reason: 'reads as a photo caption (a weekday and the full date near its end)', overLexicon: false };

/**
 * The lines of a scraped news ticker or "Breaking News" strip: runs of at least GLUED_MIN_LINES
 * lines (blank lines between them aside), each a headline run into the dateline and opening words
 * of another story (gluedHeadline: "… Israeli settlements UNITED NATIONS: United Nations Secretary
 * General…"). Such lines are long and read as prose, so the trained trees keep them as the
 * article's own. One such line alone may be the article's headline and lead run together: never
 * flagged for that.
 */
export function gluedTeasers(infos: readonly LineInfo[]): number[] {
  const out: number[] = [];
  for (let j = 0; j < infos.length; ) {
    let k = j;
    while (k < infos.length && infos[k].glued) k++;
    if (k - j >= GLUED_MIN_LINES) for (let m = j; m < k; m++) out.push(m);
    j = k > j ? k : j + 1;
  }
  return out;
}

/** Entries a list of archives has at least (see archiveLists): one or two "May (3)" may be the article's. */
export const ARCHIVE_MIN_ENTRIES = 3;

/** A line of a list of the site's archives (archiveLists). */
const ARCHIVE_RULE: LineRule = { confidence: 0.85, category: 'navigation', reason: "a month of a list of the site's archives, with its count of posts", overLexicon: false };

/**
 * The lines of a blog's list of archives: runs of at least ARCHIVE_MIN_ENTRIES entries (a month or a
 * year with its count of posts: LineInfo.archive), with the years that head them ("2019",
 * "Novembro (113)", "Outubro (217)", …; blank lines between them aside). Short, dated and numbered,
 * such lines are kept by the trained trees as the lines of a table would be.
 */
export function archiveLists(infos: readonly LineInfo[]): number[] {
  const out: number[] = [];
  const inList = (info: LineInfo): boolean => info.archive || archiveYear(info.text);
  for (let j = 0; j < infos.length; ) {
    if (!inList(infos[j])) {
      j++;
      continue;
    }
    let k = j;
    let entries = 0;
    for (; k < infos.length && inList(infos[k]); k++) if (infos[k].archive) entries++;
    if (entries >= ARCHIVE_MIN_ENTRIES) for (let m = j; m < k; m++) out.push(m);
    j = k;
  }
  return out;
}

/** Comment headers a thread has at least for its replies to be read as one (commentThreads). */
export const COMMENT_THREAD_MIN_HEADERS = 2;

/** A line of a thread of readers' comments (commentThreads): the trees may keep a long reply amid those they flag. */
const COMMENT_THREAD_RULE: LineRule = { confidence: 0.8, category: 'comments', reason: "a reply in a thread of readers' comments", overLexicon: false };

/**
 * The lines of a thread of readers' comments: from the first comment header (commentHeader:
 * "Milan Griffes on September 12, 2018 at 4:47 pm said:") to the last, and the last header's reply
 * (the lines the trees flag after it, as many as the longest reply before it at most), when there
 * are at least COMMENT_THREAD_MIN_HEADERS headers and the trees flag at least half of the lines
 * between them that are not headers, by characters. All of them are flagged, as comments: a long
 * reply reads as prose, and the trees keep it as the article's own (a blog's open thread kept the
 * bulleted answer of one reply), or call it a related link. A quoted exchange in an article, which
 * the trees keep, is never a thread so flagged.
 */
export function commentThreads(infos: readonly LineInfo[], flagged: (j: number) => boolean): number[] {
  const headers: number[] = [];
  for (let j = 0; j < infos.length; j++) if (infos[j].commentMarker && commentHeader(infos[j].text)) headers.push(j);
  if (headers.length < COMMENT_THREAD_MIN_HEADERS) return [];
  const first = headers[0];
  const last = headers[headers.length - 1];
  let chars = 0;
  let flaggedChars = 0;
  for (let j = first + 1, h = 1; j < last; j++) {
    if (j === headers[h]) {
      h++;
      continue;
    }
    chars += infos[j].chars;
    if (flagged(j)) flaggedChars += infos[j].chars;
  }
  if (flaggedChars * 2 < chars) return [];
  const out: number[] = [];
  for (let j = first; j <= last; j++) out.push(j);
  // The last reply: the lines the trees flag after the last header, no longer than the longest reply
  // between headers and with no phrase of the lexicon (a footer's "Privacy policy" says what it is).
  let longest = 0;
  for (let h = 1; h < headers.length; h++) longest = Math.max(longest, headers[h] - headers[h - 1] - 1);
  for (let j = last + 1; j <= last + longest && j < infos.length && flagged(j) && infos[j].hits.length === 0; j++) out.push(j);
  return out;
}

/** Why a line was flagged, in a reader's words (the same order of evidence as categoryOf). */
function reasonOf(info: LineInfo, pos: number, body: [number, number]): string {
  const hit = info.hits.find((h) => h.kind === 'whole') ?? info.hits.find((h) => h.kind === 'strong') ?? info.hits.find((h) => h.kind === 'prefix');
  if (hit) {
    const phrase = snippet(hit.phrase, 60);
    return hit.kind === 'whole' ? `the line is the phrase "${phrase}"` : hit.kind === 'prefix' ? `starts with "${phrase}"` : `contains "${phrase}"`;
  }
  const [b0, b1] = body;
  const where = b0 < 0 ? '' : pos < b0 ? ' before the article body' : pos > b1 ? ' after the article body' : '';
  if (/©|\(c\)\s*\d{4}/iu.test(info.text)) return 'a copyright notice';
  if (info.teaser) return `a headline cut off with "…"${where}`;
  if (info.nameLike || info.dateLike) return `${info.nameLike ? 'a name' : 'a date'} on a line of its own${where}`;
  if (info.words >= 6 && pos > b1 && b0 >= 0) return `a line of text${where}, not part of the article`;
  return `a short line${where || ' between paragraphs'} that does not read as article text`;
}

/** How far (lines on either side) a copied block is looked for around a repeated line. */
const COPIED_BLOCK_WINDOW = 3;
/** Lines of that window that must repeat the lines at the same distance from the earlier copy. */
const COPIED_BLOCK_NEIGHBOURS = 3;

/** Lines walked at most either way from a repeated line when looking for the block it is in (the work stays linear). */
const COPIED_BLOCK_REACH = 80;
/** Aligned lines a block must hold (the repeated line among them) to vary as a whole. */
const COPIED_BLOCK_MIN = 4;

/**
 * Lines (indexes into `keys`, one key per line, '' for none) that repeat an earlier line as part of a
 * copied block whose repetition varies: a meal plan's days, a schedule's weeks. Such a line is left to
 * the model rather than flagged as a duplicate. A block varies
 * - near the line: at least COPIED_BLOCK_NEIGHBOURS lines within COPIED_BLOCK_WINDOW of it repeat the
 *   lines at the same distance from the earlier copy, and a line of that window repeats nothing;
 * - or as a whole (with `texts`, the lines' own text): walking the block from the line both ways,
 *   pair by pair with the copy before it (a line one copy has and the other not is stepped over), at
 *   least COPIED_BLOCK_MIN lines repeat, and either the numbers of a pair differ ("Day 1" and
 *   "Day 2", "4 oz." and "8 oz.": line keys read every digit alike) or the block opens under
 *   headings that differ by one short word ("Eating Plan A", "Eating Plan B").
 * A lone repeated line (a teaser repeating the standfirst) is in no block, nor is the inside of an
 * exact copy of a whole block (a page holding the article twice), which nothing varies; the first
 * lines of such a copy, whose window reaches back to lines before it, may be.
 */
export function copiedBlockLines(keys: readonly string[], texts?: readonly string[]): Set<number> {
  const n = keys.length;
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  const copyOf = new Int32Array(n).fill(-1);
  // The nearest earlier line with the same key: a block is walked along the copy just before it.
  const previous = new Int32Array(n).fill(-1);
  keys.forEach((k, j) => {
    if (k.length === 0) return;
    const e = first.get(k);
    if (e === undefined) first.set(k, j);
    else {
      copyOf[j] = e;
      previous[j] = last.get(k)!;
    }
    last.set(k, j);
  });
  const out = new Set<number>();
  for (let j = 0; j < n; j++) {
    if (copyOf[j] < 0) continue;
    let along = 0;
    let varied = false;
    for (let k = Math.max(0, j - COPIED_BLOCK_WINDOW); k <= Math.min(n - 1, j + COPIED_BLOCK_WINDOW); k++) {
      if (k === j || keys[k].length === 0) continue;
      if (copyOf[k] < 0) varied = true;
      else if (keys[k] === keys[copyOf[j] + k - j]) along++;
    }
    if ((along >= COPIED_BLOCK_NEIGHBOURS && varied) || (texts && blockVaries(keys, texts, j, previous[j]))) out.add(j);
  }
  return out;
}

/** The digits of a line, in order ("Day 1, 4 oz." → "14"). */
const digitsOf = (t: string): string => t.replace(/\D+/g, '');

/** Two keys that differ in one word, a short one in each (an enumeration: "plan a" and "plan b", "part i" and "part ii"). */
function enumerated(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  if (x.length !== y.length || x.length < 2) return false;
  let diff = -1;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (diff >= 0) return false;
    diff = i;
  }
  return diff >= 0 && x[diff].length <= 3 && y[diff].length <= 3;
}

/** Whether the block that line j (a copy of line c, the nearest before it) is in varies as a whole (see copiedBlockLines). */
function blockVaries(keys: readonly string[], texts: readonly string[], j: number, c: number): boolean {
  let pairs = 1;
  let varied = digitsOf(texts[j]) !== digitsOf(texts[c]);
  for (const step of [-1, 1]) {
    let d = j - c;
    let walked = 0;
    for (let k = j + step; k >= 0 && k < keys.length && walked < COPIED_BLOCK_REACH; k += step, walked++) {
      if (keys[k].length === 0) continue;
      let m = k - d;
      if (m < 0 || m >= k) break;
      if (keys[m] !== keys[k]) {
        // A line one copy has and the other not: the copies go on one line further apart, or closer.
        if (m - 1 >= 0 && keys[m - 1] === keys[k]) m--;
        else if (m + 1 < k && d > 1 && keys[m + 1] === keys[k]) m++;
        else {
          if (step < 0 && enumerated(keys[k], keys[m])) varied = true;
          break;
        }
        d = k - m;
      }
      pairs++;
      if (!varied && digitsOf(texts[k]) !== digitsOf(texts[m])) varied = true;
    }
  }
  return varied && pairs >= COPIED_BLOCK_MIN;
}

export function createBoilerplateEngine(model: BoilerplateModel = DEFAULT_MODEL, options: BoilerplateEngineOptions = {}): BoilerplateEngine {
  let cachedPatterns: { key: string; trusted: boolean; compiled: CompiledPatterns } | undefined;
  const patternsFor = (patterns: readonly string[], trusted: boolean): CompiledPatterns => {
    const key = patterns.join('\u0000');
    if (!cachedPatterns || cachedPatterns.key !== key || cachedPatterns.trusted !== trusted) {
      cachedPatterns = { key, trusted, compiled: compilePatterns(patterns, trusted) };
    }
    return cachedPatterns.compiled;
  };

  return {
    name: 'boilerplate-lr2',
    detect(input: BoilerplateDetectInput): BoilerplateFinding[] {
      const settings: BoilerplateSettings = input.settings;
      if (!settings || settings.enabled === false) return [];
      const lines: Line[] = input.lines.length > MAX_LINES ? input.lines.slice(0, MAX_LINES) : input.lines;
      if (input.lines.length > MAX_LINES) input.onLimit?.(`Only the first ${MAX_LINES.toLocaleString('en-US')} of ${input.lines.length.toLocaleString('en-US')} lines were examined for boilerplate.`);
      if (lines.length === 0) return [];
      const on = (c: BoilerplateCategory): boolean => settings.categories?.[c] !== false;
      const threshold = typeof settings.threshold === 'number' && Number.isFinite(settings.threshold) ? settings.threshold : 0.5;
      const keep = new Set((settings.keep ?? []).filter((k): k is string => typeof k === 'string').map(lineKey));
      const phrases = normalisePhrases(settings.phrases ?? []);
      const trusted = input.trusted ?? options.trusted ?? true;
      const patterns = patternsFor(settings.patterns ?? [], trusted);
      const run = patternRun(patterns);

      const texts = lines.map((l) => l.text);
      const cache = input.cache;
      const keyOf = cache ? (t: string) => cache.key(t) : lineKey;
      const { features, p } = cache ? scoreArticleCached(model, texts, cache) : scoreArticle(model, texts);
      const { infos, body } = features;
      // Never flag the whole article away: when the model would flag every prose line,
      // keep the main body segment's lines that no phrase marks.
      const rescue = new Set<number>();
      let proseKept = false;
      let anyProse = false;
      for (let j = 0; j < infos.length; j++) {
        const kept = confidenceOf(model, p[j]) < 0.5;
        if (infos[j].prose) {
          anyProse = true;
          if (kept) proseKept = true;
        }
      }
      if (body[0] >= 0 && anyProse && !proseKept) {
        for (let j = body[0]; j <= body[1]; j++) if (infos[j].hits.length === 0) rescue.add(j);
      }
      // Data lists that continue the prose kept under this threshold, and tables scraped one cell a
      // line beside such prose (see listsInArticle, tablesInArticle).
      const keptByModel = (k: number): boolean => confidenceOf(model, p[k]) < threshold;
      for (const j of listsInArticle(infos, keptByModel)) rescue.add(j);
      for (const j of tablesInArticle(infos, keptByModel)) rescue.add(j);
      // A short closing sentence after the article's prose (see sentencesAfterProse).
      for (const j of sentencesAfterProse(infos, keptByModel)) rescue.add(j);
      // A news ticker of other stories' headlines and openings (see gluedTeasers).
      const ticker = new Set(gluedTeasers(infos));
      // A blog's list of archives by month (see archiveLists).
      const archive = new Set(archiveLists(infos));
      // A thread of readers' comments the trees flag for the most part (see commentThreads).
      const thread = new Set(commentThreads(infos, (k) => !keptByModel(k)));
      const keys = infos.map((info) => keyOf(lines[info.line].text));
      const copied = copiedBlockLines(keys, infos.map((info) => lines[info.line].text));
      const firstSeen = new Map<string, number>();
      const findings: BoilerplateFinding[] = [];

      for (let j = 0; j < infos.length; j++) {
        const info = infos[j];
        const line = lines[info.line];
        const key = keys[j];
        if (key.length === 0 && info.text.length === 0) continue;
        if (keep.has(key)) continue;
        const emit = (category: BoilerplateCategory, confidence: number, message: string, duplicateOf?: number): boolean => {
          if (!on(category) || confidence < threshold) return false;
          const f: BoilerplateFinding = { line: line.index, start: line.start, end: line.end, category, confidence: round3(confidence), message };
          if (duplicateOf !== undefined) f.duplicateOf = duplicateOf;
          findings.push(f);
          return true;
        };

        const phrase = matchPhrase(phrases, line.text);
        if (phrase !== undefined && emit('custom', 1, messageOf('custom', line.text, `contains "${snippet(phrase, 30)}"`))) continue;
        const pattern = patterns.regexes.length > 0 ? run.match(line.text, line.index) : undefined;
        if (pattern !== undefined && emit('custom', 1, messageOf('custom', line.text, `matches /${snippet(pattern, 30)}/`))) continue;

        const earlier = key.length > 0 ? firstSeen.get(key) : undefined;
        if (key.length > 0 && earlier === undefined) firstSeen.set(key, line.index);
        if (earlier !== undefined && !copied.has(j) && (info.chars >= DUPLICATE_MIN_CHARS || info.words >= DUPLICATE_MIN_WORDS)) {
          if (emit('duplicate', 0.9, messageOf('duplicate', line.text, `repeats line ${earlier + 1}`), earlier)) continue;
        }

        const scored = confidenceOf(model, p[j]);
        const rule = rescue.has(j) ? undefined : ticker.has(j) ? TICKER_RULE : archive.has(j) ? ARCHIVE_RULE : thread.has(j) ? COMMENT_THREAD_RULE : info.credit ? CREDIT_RULE : info.captionDate ? CAPTION_DATE_RULE : undefined;
        const conf = rescue.has(j) ? Math.min(0.49, scored) : rule ? Math.max(rule.confidence, scored) : scored;
        // The rule says what the line is, unless the lexicon marks it and the rule defers to it.
        const said = rule && (rule.overLexicon || info.hits.length === 0) ? rule : undefined;
        const category = said ? said.category : categoryOf(info, j, body);
        let template: { template: boolean; articles: number } | undefined;
        if (input.corpus && key.length > 0) {
          template = isTemplate(input.corpus, key, input.docId);
          // Short generic lines count only when they also look like boilerplate.
          if (template.template && info.words < 4 && info.hits.length === 0 && conf < 0.3) template.template = false;
        }
        if (template?.template && on('template') && (info.hits.length === 0 || !on(category))) {
          // A corpus-wide repeated line without a more telling category: say it is a template.
          const tconf = Math.max(conf, Math.min(0.95, 0.6 + 0.05 * template.articles));
          if (emit('template', tconf, messageOf('template', line.text, `the same line is in ${template.articles} articles of the corpus`))) continue;
        }
        // Why, in a reader's words: only made for a line that may be reported.
        const reason = (): string => (said ? said.reason : reasonOf(info, j, body));
        if (conf >= 0.5 && emit(category, conf, messageOf(category, line.text, reason()))) continue;
        if (template?.template && info.hits.length > 0) {
          const tconf = Math.max(conf, Math.min(0.95, 0.6 + 0.05 * template.articles));
          if (emit(category, tconf, `${messageOf(category, line.text, reason())}; in ${template.articles} articles of the corpus`)) continue;
        }
        if (conf < 0.5 && conf >= threshold) {
          // A threshold below 0.5 reports borderline lines too.
          emit(category, conf, messageOf(category, line.text, reason()));
        }
      }
      if (run.exhaustedAt !== undefined) input.onLimit?.(`Boilerplate patterns were not run from line ${run.exhaustedAt + 1} on: their work limit for one article was reached.`);
      findings.sort((a, b) => a.line - b.line);
      return findings;
    },
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
