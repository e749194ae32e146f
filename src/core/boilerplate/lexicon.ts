// Multilingual phrases that mark boilerplate lines (share bars, comment forms,
// "read more" links, navigation, legal/cookie text, captions, bylines…), by
// category. Every pattern is an alternation of literals with word boundaries:
// linear-time on untrusted text (no nested quantifiers).
import type { BoilerplateCategory } from '../types';
import * as chars from './chars';

// Local copies: imported bindings are property reads through getters once compiled to CommonJS.
const allBelow = chars.allBelow;
const charClass = chars.charClass;
const LETTER = chars.LETTER;
const NUMBER = chars.NUMBER;
const SPACE = chars.SPACE;


type LexCategory = Exclude<BoilerplateCategory, 'duplicate' | 'template' | 'custom'>;

/** Phrases that make a line boilerplate when the line is short (mostly the phrase itself). */
const PHRASES: Record<LexCategory, string[]> = {
  share: [
    'share', 'shares', 'share this', 'share this:', 'share this article', 'share this story', 'share this entry', 'share on',
    'share via', 'sharing is caring', 'tweet', 'facebook', 'twitter', 'whatsapp', 'pinterest', 'linkedin', 'reddit', 'tumblr',
    'telegram', 'flipboard', 'vkontakte', 'odnoklassniki', 'google+', 'email', 'e-mail', 'print', 'copy link', 'copy',
    'like this:', 'like loading', 'subscribe', 'subscribe now', 'sign up', 'sign in', 'log in', 'login', 'register',
    'newsletter', 'follow us', 'follow', 'email me', 'get the app', 'download the app',
    // fr, de, es, pt, it, id, nl
    'partager', 'partagez', 'teilen', 'drucken', 'compartir', 'compartilhe', 'compartilhar', 'condividi', 'bagikan',
    'delen', 'imprimir', 'imprimer', 'cetak', 'surat elektronik', 'sukai ini', 'suka memuat', 'abonnieren',
    "s'abonner", 'abonnez-vous', 'suscríbete', 'assine', 'inscreva-se', 'iscriviti', 'berlangganan',
  ],
  comments: [
    'leave a reply', 'leave a comment', 'post a comment', 'add a comment', 'write a comment', 'comments', 'comment',
    'view comments', 'show comments', 'reply', 'cancel reply', 'join the conversation', 'join the discussion',
    'your email address will not be published', 'required fields are marked', 'you must be logged in to post a comment',
    'notify me of', 'save my name, email', 'comment policy', 'share your thoughts', 'what do you think',
    'commentaires', 'commentaire', 'laisser un commentaire', 'kommentare', 'kommentar', 'comentarios', 'comentários',
    'deixe um comentário', 'deje un comentario', 'commenti', 'lascia un commento', 'komentar', 'tinggalkan komentar',
    'reacties', 'reageer', 'responder',
  ],
  'read-more': [
    'read more', 'read more:', 'read next', 'continue reading', 'continue reading the main story', 'see also', 'also read',
    'read also', 'more:', 'related:', 'click here', 'full story', 'to read the full story', 'learn more',
    'lire aussi', 'lire la suite', 'à lire aussi', 'weiterlesen', 'mehr zum thema', 'lesen sie auch', 'leia mais',
    'leia também', 'saiba mais', 'baca juga', 'selengkapnya', 'lee también', 'leer más', 'leggi anche', 'lees ook',
    '続きを読む', '関連記事', '더보기',
  ],
  related: [
    'related', 'related posts', 'related articles', 'related stories', 'related news', 'you may also like',
    'you might also like', 'you may like these posts', 'recommended', 'recommended stories', 'recommended for you',
    'more stories', 'more from', 'most popular', 'most read', 'most viewed', 'popular posts', 'recent posts',
    'latest news', 'latest stories', 'trending', 'trending now', 'posts grid', 'more great', 'on our radar',
    'editor\'s picks', 'top stories', 'don\'t miss', 'sponsored', 'sponsored content', 'promoted stories', 'advertisement',
    'articles similaires', 'à lire également', 'ähnliche artikel', 'das könnte sie auch interessieren', 'relacionados',
    'notícias relacionadas', 'artículos relacionados', 'articoli correlati', 'terkait', 'berita terkait', 'iklan',
    'populer', 'terpopuler', '인기기사', '관련기사', '広告', 'você pode gostar', 'você também pode gostar', 'vous aimerez aussi',
    'te puede interesar', 'ti potrebbe interessare', 'anda mungkin suka',
  ],
  navigation: [
    'home', 'menu', 'search', 'close', 'skip to content', 'skip to main content', 'back to top', 'previous', 'next',
    'previous post', 'next post', 'previous article', 'next article', 'older posts', 'newer posts', 'back to gallery',
    'tags', 'tags:', 'tagged', 'categories', 'categories:', 'category', 'filed under', 'topics', 'section', 'sections',
    'more', 'load more', 'show more', 'view all', 'see all', 'see more', 'toggle navigation', 'main menu', 'navigation',
    'accueil', 'rechercher', 'suivant', 'précédent', 'startseite', 'suche', 'zurück', 'weiter', 'inicio', 'buscar',
    'siguiente', 'anterior', 'início', 'próximo', 'beranda', 'cari', 'sebelumnya', 'selanjutnya', 'lagi',
    'ホーム', '홈', '검색', '메뉴',
  ],
  legal: [
    'all rights reserved', 'copyright', 'privacy policy', 'privacy', 'terms of use', 'terms of service',
    'terms and conditions', 'cookie policy', 'cookies', 'we use cookies', 'this site uses cookies', 'accept cookies',
    'accept', 'contact us', 'about us', 'advertise', 'advertise with us', 'careers', 'site map', 'sitemap', 'imprint',
    'impressum', 'datenschutz', 'mentions légales', 'politique de confidentialité', 'aviso legal', 'política de privacidade',
    'política de privacidad', 'kebijakan privasi', 'hak cipta', 'todos los derechos reservados', 'tous droits réservés',
    'alle rechte vorbehalten', 'todos os direitos reservados', 'powered by', 'wordpress theme',
  ],
  caption: [
    'photo:', 'photo', 'photos', 'image:', 'image', 'credit:', 'credit', 'caption', 'getty', 'getty images',
    'ap photo', 'reuters', 'afp', 'file photo', 'photograph:', 'illustration', 'video', 'gallery', 'watch',
    'foto:', 'foto', 'bild:', 'imagem:', 'gambar', 'sumber foto',
  ],
  byline: [
    'by', 'posted by', 'written by', 'words by', 'author', 'about the author', 'published', 'updated', 'posted',
    'posted on', 'published on', 'min read', 'minute read', 'minutes read', 'staff writer', 'contributor',
    'par', 'von', 'por', 'oleh', 'penulis', 'editor', 'reporter', 'publié le', 'veröffentlicht', 'publicado',
    'diterbitkan', '기자',
  ],
};

/** Phrases that make a line boilerplate even inside a longer line (form notices, cookie banners, copyright). */
const STRONG: Record<LexCategory, string[]> = {
  share: ['share this article', 'share on facebook', 'share on twitter', 'sign up for our newsletter', 'subscribe to our newsletter'],
  comments: [
    'your email address will not be published', 'required fields are marked', 'you must be logged in to post a comment',
    'leave a reply', 'leave a comment', 'notify me of new comments', 'notify me of follow-up comments',
    'save my name, email, and website', 'comments are closed', 'this site uses akismet',
  ],
  'read-more': ['read more:', 'also read:', 'see also:', 'baca juga:', 'lire aussi :', 'lire aussi:', 'leia também:', 'continue reading'],
  related: ['you may also like', 'you might also like', 'recommended for you', 'related articles', 'related posts'],
  navigation: ['skip to main content', 'skip to content', 'toggle navigation'],
  legal: [
    'all rights reserved', 'we use cookies', 'this website uses cookies', 'this site uses cookies', 'by continuing to use',
    'privacy policy', 'terms of use', 'terms of service', 'cookie policy', 'tous droits réservés', 'alle rechte vorbehalten',
    'todos los derechos reservados', 'todos os direitos reservados', 'may not be published, broadcast, rewritten',
    'may not be reproduced', 'registered trademark', 'registered trademarks', 'are trademarks of', 'is a trademark of',
    'all trademarks', 'prior written permission', 'reproduction in whole or in part', 'not responsible for the content',
    'for informational purposes only', 'not intended to diagnose', 'evaluated by the food and drug administration',
  ],
  caption: ['(photo:', '(photo by', 'photo by', 'getty images', 'ap photo', '(ap photo', '/ reuters', '/reuters', 'image credit', 'photo credit'],
  byline: ['posted by', 'written by', 'min read'],
};

export const LEX_CATEGORIES: readonly LexCategory[] = [
  'share', 'comments', 'read-more', 'related', 'navigation', 'legal', 'caption', 'byline',
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(list: string[]): string {
  return [...new Set(list)].sort((a, b) => b.length - a.length).map(escape).join('|');
}

/** Phrase → categories, for whole-line and prefix look-ups. */
const PHRASE_MAP = new Map<string, LexCategory[]>();
let MAX_PHRASE_WORDS = 1;
for (const c of LEX_CATEGORIES) {
  for (const p of PHRASES[c]) {
    const cats = PHRASE_MAP.get(p) ?? [];
    if (!cats.includes(c)) cats.push(c);
    PHRASE_MAP.set(p, cats);
    MAX_PHRASE_WORDS = Math.max(MAX_PHRASE_WORDS, p.split(' ').length);
  }
}
/** Strong phrase → category; one regex over all of them. */
const STRONG_MAP = new Map<string, LexCategory>();
for (const c of LEX_CATEGORIES) for (const p of STRONG[c]) if (!STRONG_MAP.has(p)) STRONG_MAP.set(p, c);
const STRONG_RE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${alternation([...STRONG_MAP.keys()])})(?![\\p{L}\\p{N}])`, 'u');

export interface LexiconHit {
  category: LexCategory;
  /** 'whole': the line is the phrase; 'prefix': a short line starting with it; 'strong': a telling phrase anywhere. */
  kind: 'whole' | 'prefix' | 'strong';
  phrase: string;
}

/** NFKC (skipped for ASCII, where it changes nothing) and lower case. */
function foldCase(line: string): string {
  return (allBelow(line, 0x80) ? line : line.normalize('NFKC')).toLowerCase();
}

/** Characters stripped from the end of a line by lexNormal (besides white space and ASCII digits). */
const TRAILING = '-–—•·*|:<«‹◀◄←→»›>.!…()[]';

/** lexNormal of a line already through foldCase. */
function lexNormalFolded(folded: string): string {
  let s = folded.trim();
  s = s.replace(/^[\s\-–—•·*|>»›▶►→#\d]{0,12}/u, '');
  // Up to 12 trailing bullets, counts, arrows, punctuation or spaces.
  let end = s.length;
  while (end > 0 && s.length - end < 12) {
    const c = s.charCodeAt(end - 1);
    if ((c >= 48 && c <= 57) || (charClass(c) & SPACE) !== 0 || TRAILING.includes(s[end - 1])) end--;
    else break;
  }
  if (end < s.length) s = s.slice(0, end);
  return s.replace(/\s+/g, ' ');
}

/** Lower-cased line stripped of bullets, counts ("12 Comments") and trailing punctuation/arrows. */
export function lexNormal(line: string): string {
  return lexNormalFolded(foldCase(line));
}

/** The line without trailing characters that are not letters or digits. */
function trimNonWord(s: string): string {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdfff) return s.replace(/[^\p{L}\p{N}]+$/u, '');
    if (charClass(c) & (LETTER | NUMBER)) break;
    end--;
  }
  return end < s.length ? s.slice(0, end) : s;
}

/** Lexicon hits of one line, best first (whole > strong > prefix). Lines are capped at 400 chars. */
export function lexiconHits(line: string): LexiconHit[] {
  const text = line.length > 400 ? line.slice(0, 400) : line;
  const folded = foldCase(text);
  const norm = lexNormalFolded(folded);
  const hits: LexiconHit[] = [];
  if (norm.length === 0) return hits;
  for (const c of PHRASE_MAP.get(norm) ?? []) hits.push({ category: c, kind: 'whole', phrase: norm });
  const m = STRONG_RE.exec(folded);
  if (m) hits.push({ category: STRONG_MAP.get(m[1])!, kind: 'strong', phrase: m[1] });
  if (norm.length <= 80) {
    // Longest phrase that is a whole-word prefix of the line.
    let end = -1;
    let found: { p: string; cats: LexCategory[] } | undefined;
    for (let w = 0; w < MAX_PHRASE_WORDS; w++) {
      end = norm.indexOf(' ', end + 1);
      const prefix = end < 0 ? norm : norm.slice(0, end);
      const bare = trimNonWord(prefix);
      const cats = PHRASE_MAP.get(prefix) ?? PHRASE_MAP.get(bare);
      if (cats && prefix !== norm) found = { p: PHRASE_MAP.has(prefix) ? prefix : bare, cats };
      if (end < 0) break;
    }
    if (found) for (const c of found.cats) hits.push({ category: c, kind: 'prefix', phrase: found.p });
  }
  return hits;
}
