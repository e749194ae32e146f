import * as vscode from 'vscode';
import { actorHover, dateHover } from '../../core/present/hoverMarkdown';
import type { Actor } from '../../core/types';
import type { AnalysisService } from '../analysis/analysisService';
import type { CorpusRoot } from '../corpus/configStore';
import { commandUri, kbArgsOf, KB_COMMANDS } from '../commands/kbCommands';
import type { CorpusActors } from '../corpus/corpusActors';

const OPEN_DOSSIER = 'newsCorpus.openDossier';

/** The commands offered under an actor's hover (knowledge base, dossier), as [label, command URI]. */
export function kbLinks(actor: Actor, corpus: CorpusRoot): [string, string][] {
  const args = kbArgsOf(actor, corpus);
  const links: [string, string][] = [];
  if (actor.kb) links.push(['Open in Knowledge Base', commandUri('newsCorpus.kb.open', args)]);
  else links.push(['Add to Knowledge Base', commandUri('newsCorpus.kb.add', args)]);
  links.push(['Merge with…', commandUri('newsCorpus.kb.merge', args)]);
  if (actor.kb && /\.ya?ml$/i.test(actor.kb.file) && actor.aliases.length) links.push(['Split', commandUri('newsCorpus.kb.split', args)]);
  links.push(['Set Wikidata Id…', commandUri('newsCorpus.kb.setWikidata', args)]);
  links.push(['Open Dossier', `command:${OPEN_DOSSIER}?${encodeURIComponent(JSON.stringify([actor.name, corpus.root.toString()]))}`]);
  return links;
}

export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly analyses: AnalysisService,
    private readonly corpusActors?: CorpusActors,
  ) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const entry = await this.analyses.get(doc);
    if (!entry || entry.version !== doc.version) return undefined;
    const a = entry.analysis;
    const offset = doc.offsetAt(pos);
    const at = <T extends { start: number; end: number }>(xs: T[]) => xs.find((x) => x.start <= offset && offset < x.end);
    const range = (s: { start: number; end: number }) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
    const md = (s: string) => {
      const m = new vscode.MarkdownString(s);
      m.isTrusted = false;
      m.supportHtml = false;
      return m;
    };
    const date = at(a.dates);
    const entity = at(a.entities);
    if (entity && (!date || entity.end - entity.start >= date.end - date.start)) {
      const actor = a.actors.find((x) => x.mentions.some((m) => m.start === entity.start && m.end === entity.end));
      if (!actor) return undefined;
      const state = this.analyses.corpusState(entry.location.corpus);
      // The articles of its corpus actor (one identity across spellings): undefined until the corpus
      // actors hold this version of the article.
      const link = await this.corpusActors?.links(entry.location.corpus, entry.location.relPath, [actor.name], true).then(
        (l) => l[0],
        () => null,
      );
      const corpus = { articles: link?.articles, indexed: state.articles, complete: state.ready };
      const links = { commands: kbLinks(actor, entry.location.corpus), linkWikidata: vscode.workspace.isTrusted };
      const m = md(actorHover(actor, entity, corpus, links, a.articleDate?.value));
      // Trusted for exactly the knowledge-base commands; article text in it is escaped.
      m.isTrusted = { enabledCommands: [...KB_COMMANDS, OPEN_DOSSIER] };
      return new vscode.Hover(m, range(entity));
    }
    if (date) return new vscode.Hover(md(dateHover(date, a.articleDate)), range(date));
    return undefined;
  }
}
