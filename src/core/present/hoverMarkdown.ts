// Hover texts as Markdown. Every piece of article text is escaped: nothing in
// an article can become a link, an image, HTML or a command.
import { escapeMarkdown as esc } from '../text/fold';
import type { ActorCode } from '../corpus/types';
import type { Actor, ArticleDateInfo, BoilerplateFinding, DateMention, EntityMention } from '../types';
import { detailsLine, KIND_WORD, sureLine } from './readerWords';

export interface CorpusMentions {
  /** Articles of the corpus in which the actor's corpus actor appears (corpus-relative paths);
   * undefined when the corpus actors do not hold it yet (this version of the article not indexed). */
  articles: string[] | undefined;
  /** Articles indexed so far. */
  indexed: number;
  /** False while the corpus is still being indexed. */
  complete?: boolean;
}

/** Links under an actor's hover: command URIs the host made (their arguments are encoded, never article text as markup). */
export interface ActorHoverLinks {
  /** [label, command URI] pairs, e.g. ["Add to Knowledge Base", "command:newsCorpus.kb.add?…"]. */
  commands: [string, string][];
  /** Whether the Wikidata id may be a live link (a trusted workspace). */
  linkWikidata: boolean;
}

/** "CAMEO MLIGOV since 2021-05-24", "CAMEO MLIELI 1954-01-01 to 1968-11-19", "CAMEO MLI". */
export function codeInForceText(code: string, all: readonly ActorCode[] | undefined, date: string | undefined): string {
  const c = all?.find((x) => x.code === code && (x.from !== undefined || x.to !== undefined) && date !== undefined && (x.from === undefined || x.from <= date) && (x.to === undefined || date <= x.to));
  const range = !c ? '' : c.from && c.to ? ` ${c.from} to ${c.to}` : c.from ? ` since ${c.from}` : ` until ${c.to}`;
  return `CAMEO ${code}${range}`;
}

export function actorHover(actor: Actor, mention: EntityMention, corpus?: CorpusMentions, links?: ActorHoverLinks, articleDate?: string): string {
  const out: string[] = [];
  out.push(`**${esc(actor.name)}** — ${KIND_WORD[actor.kind]}`);
  if (actor.articleKind && actor.articleKind !== actor.kind)
    out.push(`${capitalize(withArticle(KIND_WORD[actor.kind]))} across the corpus; this article alone reads it as ${withArticle(KIND_WORD[actor.articleKind])}`);
  if (actor.kb) {
    out.push(`Knowledge base: ${esc(actor.kb.name)}${actor.kb.description ? ` — ${esc(actor.kb.description)}` : ''} (${esc(actor.kb.file)}, line ${actor.kb.line})`);
    if (actor.kb.wikidata) {
      const q = actor.kb.wikidata.replace(/[^Q0-9]/g, '');
      out.push(links?.linkWikidata ? `Wikidata: [${q}](https://www.wikidata.org/wiki/${q})` : `Wikidata: \`${q}\``);
    }
    if (actor.codes?.length) out.push(actor.codes.map((c) => esc(codeInForceText(c, actor.kbCodes, articleDate))).join(', ') + (articleDate ? ` (on ${articleDate})` : ''));
  }
  if (mention.refersTo && actor.kind === 'place') out.push(`"${esc(mention.text)}" refers to ${esc(actor.name)}`);
  if (actor.roles.length) out.push(`Roles and titles: ${actor.roles.map((r) => `*${esc(r)}*`).join(', ')}`);
  if (actor.aliases.length) out.push(`Also named: ${actor.aliases.map(esc).join(', ')}`);
  out.push(`Mentions in this article: ${actor.mentions.length}`);
  if (corpus && !corpus.articles) {
    out.push(`In the corpus: not counted yet — ${corpus.complete === false ? 'the corpus is still being indexed' : 'it is counted once this version of the article is saved and indexed'}`);
  } else if (corpus?.articles) {
    const n = corpus.articles.length;
    const list = corpus.articles.slice(0, 5).map(esc).join(', ') + (n > 5 ? `, … (${n - 5} more)` : '');
    out.push(
      `In the corpus: ${n} of ${corpus.indexed} article${corpus.indexed === 1 ? '' : 's'}${n ? ` (${list})` : ''}` +
        (corpus.complete === false ? ' — the corpus is still being indexed' : ''),
    );
  }
  if (actor.coOccurring.length) {
    out.push(
      `Appears with: ${actor.coOccurring
        .slice(0, 6)
        .map((c) => `${esc(c.name)} (${KIND_WORD[c.kind]}${c.count > 1 ? `, ${c.count}×` : ''})`)
        .join(', ')}`,
    );
  }
  const sure = sureLine(KIND_WORD[actor.kind], mention.confidence);
  if (sure) out.push(sure);
  out.push(detailsLine(mention.source, mention.confidence));
  if (links?.commands.length) out.push(links.commands.map(([label, uri]) => `[${esc(label)}](${uri})`).join(' · '));
  return out.join('\n\n');
}

/** "a person", "an organization". */
const withArticle = (word: string): string => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const TYPE_WORD: Record<string, string> = { DATE: 'date', TIME: 'time', DURATION: 'duration', SET: 'recurring time' };

export function dateHover(d: DateMention, articleDate: ArticleDateInfo | undefined): string {
  const out: string[] = [];
  out.push(`**${esc(d.text)}** — ${TYPE_WORD[d.type] ?? d.type.toLowerCase()}`);
  if (d.value) out.push(`Value: \`${d.value.replace(/`/g, '')}\`${describeValue(d.value)}`);
  else out.push('Value: cannot be resolved');
  if (d.anchor) out.push(`Resolved against: ${esc(d.anchor)}`);
  else if (articleDate) out.push(`Article date: ${articleDate.value} (${esc(articleDate.source)})`);
  else out.push('Article date: unknown (set one in newscorpus.yaml under articleDate)');
  if (d.note) out.push(esc(d.note));
  return out.join('\n\n');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A readable gloss of a TimeML value (" — Monday, 10 November 2025"). */
export function describeValue(v: string): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return ` — ${WEEKDAYS[d.getUTCDay()]}, ${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return ` — ${MONTHS[+m[2] - 1]} ${m[1]}`;
  m = /^XXXX-(\d{2})-(\d{2})$/.exec(v);
  if (m) return ` — ${+m[2]} ${MONTHS[+m[1] - 1]}, year unknown`;
  if (v === 'PRESENT_REF') return ' — the present';
  if (v === 'PAST_REF') return ' — the past';
  if (v === 'FUTURE_REF') return ' — the future';
  m = /^P(\d+(?:\.\d+)?)([YMWD])$/.exec(v);
  if (m) return ` — ${m[1]} ${{ Y: 'year', M: 'month', W: 'week', D: 'day' }[m[2]]}${m[1] === '1' ? '' : 's'}`;
  m = /^PT(\d+(?:\.\d+)?)([HMS])$/.exec(v);
  if (m) return ` — ${m[1]} ${{ H: 'hour', M: 'minute', S: 'second' }[m[2]]}${m[1] === '1' ? '' : 's'}`;
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) return ` — quarter ${m[2]} of ${m[1]}`;
  return '';
}

/** Problems entry of a boilerplate finding: its category once, the line, and why it was flagged. */
export function boilerplateMessage(f: BoilerplateFinding): string {
  return f.message;
}
