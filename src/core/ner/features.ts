// Hashed features of tokens in context. Every token's strings (normalised word,
// folded lower case, shapes, affixes) are hashed once and cached; a feature is a
// template id mixed with those hashes, reduced to a row of the weight table.
import { hashRange, hashString, mix, mix3 } from './hash';
import { Gazetteer, GAZ_SOURCES, TOKEN_SOURCES } from './gazetteer';
import { LruMap } from '../text/lru';
import { ownString } from '../text/ownString';
import { STOP_WORDS } from '../boilerplate/stopwords';

/**
 * Version of the feature templates (local and document evidence). A model is only valid with the
 * code that trained it; bump this whenever a template changes, and retrain.
 */
export const FEATURES_VERSION = 4;

export interface TokInfo {
  /** Folded lower case with digits as 0 (accents removed, ’ → '). */
  lower: string;
  hW: number;
  hL: number;
  hS: number;
  hSS: number;
  pre: number[];
  suf: number[];
  /** Hashes of the parts of a hyphenated word (folded), else empty. */
  parts: number[];
  capFirst: boolean;
  allCaps: boolean;
  hasLetter: boolean;
  hasDigit: boolean;
  isPunct: boolean;
  lowerOnly: boolean;
  /** Has a letter of a script without case (Arabic, CJK…): counted as lower case in the shape. */
  caseless: boolean;
}

const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const UPPER = /\p{Lu}|\p{Lt}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Normalised surface form: NFC, typographic apostrophes and dashes unified. */
export function normalizeToken(s: string): string {
  if (isAscii(s)) return s;
  return s.normalize('NFC').replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Folded lower case used for word identity and gazetteers. */
export function foldToken(s: string): string {
  let t = isAscii(s) ? s : normalizeToken(s).normalize('NFD').replace(MARKS, '');
  t = t.toLowerCase();
  let digit = false;
  for (let i = 0; i < t.length && !digit; i++) {
    const c = t.charCodeAt(i);
    digit = c >= 48 && c <= 57;
  }
  return digit ? t.replace(/[0-9]/g, '0') : t;
}

/**
 * Token strings seen recently (in two generations, so frequent tokens stay): bounded, not a record of
 * the corpus. Measured once when it was sized (counting hits over the 11.8 million tokens of the corpus
 * bench's 10,000 real articles): 50,000 entries missed 5.6% of tokens, 200,000 missed 2.9% but held
 * about 100 MB per worker, with no gain in time.
 */
const cache = new LruMap<string, TokInfo>(50_000);

export function tokInfo(raw: string): TokInfo {
  let info = cache.get(raw);
  if (info) return info;
  info = computeTokInfo(raw);
  info.lower = ownString(info.lower);
  cache.set(raw, info);
  return info;
}

function computeTokInfo(raw: string): TokInfo {
  const w = normalizeToken(raw);
  const lower = foldToken(raw);
  let shape = '';
  let short = '';
  let last = '';
  let run = 0;
  let upper = 0;
  let lowerCount = 0;
  let letters = 0;
  let digits = 0;
  let others = 0;
  let caseless = 0;
  for (const ch of w) {
    let k: string;
    const c = ch.charCodeAt(0);
    if (c < 128) {
      if (c >= 65 && c <= 90) k = 'X';
      else if (c >= 97 && c <= 122) k = 'x';
      else if (c >= 48 && c <= 57) k = 'd';
      else k = ch;
    } else if (UPPER.test(ch)) k = 'X';
    else if (LOWER.test(ch)) k = 'x';
    else if (LETTER.test(ch)) {
      k = 'x';
      caseless++;
    }
    else if (DIGIT.test(ch)) k = 'd';
    else if (/\p{M}/u.test(ch)) continue;
    else k = ch;
    if (k === 'X') (upper++, letters++);
    else if (k === 'x') (lowerCount++, letters++);
    else if (k === 'd') digits++;
    else others++;
    if (k === last) run++;
    else {
      run = 1;
      short += k;
    }
    if (run <= 4 && shape.length < 12) shape += k;
    last = k;
  }
  const pre: number[] = [];
  const suf: number[] = [];
  const L = lower.length;
  for (let n = 1; n <= 4; n++) {
    pre.push(n <= L ? hashRange(lower, 0, n, 0x1000 + n) : 0);
    suf.push(n <= L ? hashRange(lower, L - n, L, 0x2000 + n) : 0);
  }
  const parts: number[] = [];
  if (lower.includes('-') && L > 2) for (const p of lower.split('-')) if (p) parts.push(hashString(p));
  return {
    lower,
    hW: hashString(w, 0x3000),
    hL: hashString(lower),
    hS: hashString(shape, 0x4000),
    hSS: hashString(short, 0x5000),
    pre,
    suf,
    parts,
    capFirst: shape[0] === 'X',
    allCaps: upper > 0 && lowerCount === 0,
    hasLetter: letters > 0,
    hasDigit: digits > 0,
    isPunct: letters === 0 && digits === 0 && others > 0,
    lowerOnly: lowerCount > 0 && upper === 0,
    caseless: caseless > 0,
  };
}

/** A document prepared for feature extraction. */
export interface DocFeatures {
  sentences: TokInfo[][];
  /** Per sentence: true when it is an ALL-CAPS headline. */
  caps: boolean[];
  /** Per sentence, per token: gazetteer match bits. */
  gaz: Uint32Array[];
  /** Folded words seen all lower case in the document (outside caps headlines). */
  lowerSeen: Set<number>;
  /** Folded words seen capitalised not at the start of a sentence (outside caps headlines). */
  capMidSeen: Set<number>;
  /** Per sentence, when tagging is gated (see outsideTokens): its tokens fixed outside any entity, if any. */
  outside?: (Uint8Array | undefined)[];
}

export interface Lexicon {
  gazetteer: Gazetteer;
  /** Folded token hash → mask of entity types (PER ORG LOC MISC bits) it was seen inside in training. */
  tokenTypes: Map<number, number>;
}

/** What a sentence contributes to its DocFeatures, from its words alone. */
export interface SentencePrep {
  infos: TokInfo[];
  caps: boolean;
  gaz: Uint32Array;
  /** Folded words it shows all lower case, and capitalised not at its start (none for a caps headline). */
  lower: number[];
  capMid: number[];
  /** When prepared for gated tagging: the tokens fixed outside any entity (outsideTokens), if any. */
  outside?: Uint8Array;
}

/** A token with no capital letter: lower-case letters only, or no letter at all (a letter of a caseless script is not plain: no capital marks a name there). */
function plain(t: TokInfo): boolean {
  return !t.hasLetter || (t.lowerOnly && !t.caseless);
}

/**
 * The tokens of a mixed-case sentence that gated tagging fixes outside any entity (tag O) without
 * featurising or scoring them: a plain token (no capital letter) whose neighbours are plain too; a
 * function word opening the sentence ("The", "In", "He": STOP_WORDS; not in capitals) counts as plain. An
 * entity reaches a plain token only next to a capitalised one ("Bank of England", "Charles de
 * Gaulle", "Procter & Gamble"); three plain tokens in a row inside a name are rare enough that the
 * trained tagger labels them O anyway (checked on CoNLL-2003: npm run eval:ner -- --no-gate gives the
 * figures without the gate). In news prose most function words and common nouns are fixed this way.
 * Undefined when none is (and for an all-caps headline, where capitals say nothing).
 */
export function outsideTokens(infos: readonly TokInfo[], caps: boolean): Uint8Array | undefined {
  if (caps) return undefined;
  const n = infos.length;
  let out: Uint8Array | undefined;
  let prevPlain = true;
  // A function word opening the sentence ("The", "In", "He") is capitalised for its place only; in
  // capitals it may be a name ("WHO", "IS", "IT") and is scored.
  let curPlain = n > 0 && (plain(infos[0]) || (infos[0].capFirst && !infos[0].allCaps && STOP_WORDS.has(infos[0].lower)));
  for (let i = 0; i < n; i++) {
    const nextPlain = i + 1 >= n || plain(infos[i + 1]);
    if (prevPlain && curPlain && nextPlain) (out ??= new Uint8Array(n))[i] = 1;
    prevPlain = curPlain;
    curPlain = nextPlain;
  }
  return out;
}

/** gate: also work out the tokens gated tagging fixes outside (outsideTokens); training does not gate. */
export function prepareSentence(words: readonly string[], lex: Lexicon, gate = false): SentencePrep {
  // Arrays the tagger reads are grown with push, never made by map: see docFromSentences.
  const infos: TokInfo[] = [];
  for (let i = 0; i < words.length; i++) infos.push(tokInfo(words[i]));
  const caps = isCapsSentence(infos);
  const lower: number[] = [];
  const capMid: number[] = [];
  if (!caps) {
    let first = true;
    for (const t of infos) {
      if (t.isPunct) continue;
      if (t.lowerOnly) lower.push(t.hL);
      else if (t.capFirst && !first) capMid.push(t.hL);
      first = false;
    }
  }
  const gaz = new Uint32Array(infos.length);
  const hashes: number[] = [];
  for (let i = 0; i < infos.length; i++) hashes.push(infos[i].hL);
  lex.gazetteer.match(hashes, (i) => infos[i].capFirst || infos[i].hasDigit || (caps && infos[i].hasLetter), gaz);
  const outside = gate ? outsideTokens(infos, caps) : undefined;
  return outside ? { infos, caps, gaz, lower, capMid, outside } : { infos, caps, gaz, lower, capMid };
}

/** A document from its sentences' preparations (the document-level sets joined); gate: tagging is gated (each sentence's outside tokens). */
export function docFromSentences(preps: readonly SentencePrep[], gate = false): DocFeatures {
  const lowerSeen = new Set<number>();
  const capMidSeen = new Set<number>();
  // Index loops: this runs over every token on each keystroke of the editor's re-analysis.
  for (let i = 0; i < preps.length; i++) {
    const { lower, capMid } = preps[i];
    for (let k = 0; k < lower.length; k++) lowerSeen.add(lower[k]);
    for (let k = 0; k < capMid.length; k++) capMidSeen.add(capMid[k]);
  }
  // Grown with push, not made with map: Array.prototype.map's result is PACKED when V8's builtin makes
  // it and HOLEY when TurboFan inlines map in an optimised caller, so the functions reading these
  // arrays met two shapes, depending on whether their caller was optimised at the time, and were
  // deoptimised ("wrong map") and compiled again (--trace-deopt: doc.sentences[si] and the like were
  // most of the editor worker's deoptimisations while it settles).
  const sentences: TokInfo[][] = [];
  const caps: boolean[] = [];
  const gaz: Uint32Array[] = [];
  const outside: (Uint8Array | undefined)[] = [];
  for (let i = 0; i < preps.length; i++) {
    const p = preps[i];
    sentences.push(p.infos);
    caps.push(p.caps);
    gaz.push(p.gaz);
    if (gate) outside.push(p.outside);
  }
  const doc: DocFeatures = { sentences, caps, gaz, lowerSeen, capMidSeen };
  if (gate) doc.outside = outside;
  return doc;
}

/** gate: prepared for gated tagging (outsideTokens); training does not gate. */
export function prepareDoc(sentences: string[][], lex: Lexicon, gate = false): DocFeatures {
  const preps: SentencePrep[] = [];
  for (let i = 0; i < sentences.length; i++) preps.push(prepareSentence(sentences[i], lex, gate));
  return docFromSentences(preps, gate);
}

function isCapsSentence(s: TokInfo[]): boolean {
  let letters = 0;
  let caps = 0;
  let longCaps = 0;
  for (const t of s) {
    if (!t.hasLetter) continue;
    letters++;
    if (t.allCaps) {
      caps++;
      if (t.lower.length > 1) longCaps++;
    }
  }
  return letters > 0 && caps >= 0.75 * letters && longCaps >= 1 && (letters >= 2 || s[0].lower.length > 3);
}

// Template ids.
const T = {
  bias: 1, w: 2, l: 3, lm1: 4, lm2: 5, lp1: 6, lp2: 7, bgm: 8, bgp: 9, pre: 10, suf: 14, shape: 18, ss: 19,
  sm1: 20, sp1: 21, sss: 22, first: 23, caps: 24, capsL: 25, docLower: 26, docCapMid: 27, gaz: 28, tokType: 29,
  wm1: 30, wp1: 31, part: 32, partGaz: 33, lm1ss: 34, lp1ss: 35, gazNeighbor: 36, sm2: 38, sp2: 39,
  len: 40, trigramShape: 41, gazW: 42, nameList: 43, nameListM1: 44, nameListP1: 45,
} as const;
const NAME_BITS = (1 << TOKEN_SOURCES.FIRST_NAME) | (1 << TOKEN_SOURCES.LAST_NAME);

const BOS = hashString('<s>');
/** Reused feature buffer and its state (tagging is synchronous; results are copied out). */
let fbuf = new Int32Array(1 << 16);
let flen = 0;
let fmask = 0;
let findex: Int32Array | undefined;
function push(h: number): void {
  let r = h & fmask;
  if (findex !== undefined) {
    r = findex[r];
    if (r < 0) return;
  }
  if (flen === fbuf.length) {
    const b = new Int32Array(fbuf.length * 2);
    b.set(fbuf);
    fbuf = b;
  }
  fbuf[flen++] = r;
}
const EOS = hashString('</s>');

/**
 * Feature rows for one sentence: rows[offsets[i] .. offsets[i+1]) for token i. mask = rows - 1 (power of two).
 * extra: per token, additional keys (already hashed) such as document-level label evidence.
 */
export function sentenceFeatures(
  doc: DocFeatures,
  si: number,
  lex: Lexicon,
  mask: number,
  rowIndex?: Int32Array,
): { rows: Int32Array; offsets: Int32Array } {
  const s = doc.sentences[si];
  const n = s.length;
  const caps = doc.caps[si];
  const gaz = doc.gaz[si];
  // Each token yields at most ~45 local features plus 2 per gazetteer bit (32 bits): 128 is a safe bound.
  if (fbuf.length < n * 128 + 64) fbuf = new Int32Array(n * 160 + 1024);
  flen = 0;
  fmask = mask;
  findex = rowIndex;
  const offsets = new Int32Array(n + 1);
  // Tokens fixed outside any entity get no rows (gated tagging).
  const outside = doc.outside?.[si];
  for (let i = 0; i < n; i++) {
    offsets[i] = flen;
    if (outside !== undefined && outside[i]) continue;
    const t = s[i];
    const pm1 = i > 0 ? s[i - 1] : null;
    const pm2 = i > 1 ? s[i - 2] : null;
    const pp1 = i + 1 < n ? s[i + 1] : null;
    const pp2 = i + 2 < n ? s[i + 2] : null;
    const lm1 = pm1 ? pm1.hL : BOS;
    const lm2 = pm2 ? pm2.hL : BOS;
    const lp1 = pp1 ? pp1.hL : EOS;
    const lp2 = pp2 ? pp2.hL : EOS;
    const sm1 = pm1 ? pm1.hSS : BOS;
    const sp1 = pp1 ? pp1.hSS : EOS;
    push(T.bias);
    push(mix(T.w, t.hW));
    push(mix(T.l, t.hL));
    push(mix(T.lm1, lm1));
    push(mix(T.lm2, lm2));
    push(mix(T.lp1, lp1));
    push(mix(T.lp2, lp2));
    push(mix3(T.bgm, lm1, t.hL));
    push(mix3(T.bgp, t.hL, lp1));
    for (let k = 0; k < 4; k++) {
      if (t.pre[k]) push(mix(T.pre + k, t.pre[k]));
      if (t.suf[k]) push(mix(T.suf + k, t.suf[k]));
    }
    push(mix(T.shape, t.hS));
    push(mix(T.ss, t.hSS));
    push(mix(T.sm1, pm1 ? pm1.hS : BOS));
    push(mix(T.sp1, pp1 ? pp1.hS : EOS));
    push(mix(T.sm2, pm2 ? pm2.hSS : BOS));
    push(mix(T.sp2, pp2 ? pp2.hSS : EOS));
    push(mix3(T.sss, mix(sm1, t.hSS), sp1));
    push(mix3(T.lm1ss, lm1, t.hSS));
    push(mix3(T.lp1ss, t.hSS, lp1));
    push(mix(T.wm1, pm1 ? pm1.hW : BOS));
    push(mix(T.wp1, pp1 ? pp1.hW : EOS));
    push(mix(T.len, Math.min(t.lower.length, 12)));
    if (i === 0) push(mix(T.first, t.hSS));
    if (caps) {
      push(mix(T.caps, t.hSS));
      push(mix(T.capsL, t.hL));
    }
    if (t.hasLetter && (caps || i === 0 || t.capFirst)) {
      const dl = doc.lowerSeen.has(t.hL) ? 1 : 0;
      const dc = doc.capMidSeen.has(t.hL) ? 1 : 0;
      const pos = caps ? 2 : i === 0 ? 1 : 0;
      push(mix3(T.docLower, dl * 2 + dc, pos));
    }
    const g = gaz[i];
    if (g) {
      for (let b = 0; b < GAZ_SOURCES.length * 4; b++) {
        if (!(g & (1 << b))) continue;
        push(mix(T.gaz, b));
        push(mix3(T.gazW, b, t.capFirst ? 1 : 0));
      }
    }
    const gm = i > 0 ? gaz[i - 1] : 0;
    const gp = i + 1 < n ? gaz[i + 1] : 0;
    if (gm || gp) push(mix3(T.gazNeighbor, gm, gp));
    const tt = lex.tokenTypes.get(t.hL);
    const capKind = t.capFirst ? 1 : caps ? 2 : 0;
    if (tt !== undefined) {
      push(mix3(T.tokType, tt & ~NAME_BITS, capKind));
      if (tt & NAME_BITS) push(mix3(T.nameList, tt & NAME_BITS, capKind));
    }
    if (pm1) {
      const a = lex.tokenTypes.get(pm1.hL);
      if (a !== undefined && a & NAME_BITS) push(mix3(T.nameListM1, a & NAME_BITS, capKind));
    }
    if (pp1) {
      const a = lex.tokenTypes.get(pp1.hL);
      if (a !== undefined && a & NAME_BITS) push(mix3(T.nameListP1, a & NAME_BITS, capKind));
    }
    if (t.parts.length) {
      for (let k = 0; k < t.parts.length && k < 4; k++) {
        const p = t.parts[k];
        const last = k === t.parts.length - 1 ? 1 : 0;
        push(mix3(T.part, p, last));
        const pt = lex.tokenTypes.get(p);
        if (pt !== undefined) push(mix3(T.partGaz, pt, last));
      }
    }
  }
  offsets[n] = flen;
  return { rows: fbuf.slice(0, flen), offsets };
}

