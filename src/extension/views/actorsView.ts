// The "Actors" view, in two modes:
//  - This Article: the actors of the active article, their mentions as children;
//  - Corpus: the corpus actors (one identity across articles) grouped by kind, most articles first,
//    filtered by a typed text; an actor expands to its articles (newest first), an article to the
//    actor's mentions in it. Children are built only when expanded, and a group lists at most
//    GROUP_LIMIT actors (the filter reaches the others), so a corpus of 100,000 articles stays light.
import * as vscode from 'vscode';
import type { CorpusActorArticle } from '../../core/corpus/types';
import { actorHover } from '../../core/present/hoverMarkdown';
import { decodeBytes } from '../../core/text/decode';
import { foldName } from '../../core/text/fold';
import { ENTITY_KINDS, type Actor, type EntityKind, type Span } from '../../core/types';
import type { AnalysisService } from '../analysis/analysisService';
import { kbArgsOf, type KbActorArgs } from '../commands/kbCommands';
import type { ConfigStore, CorpusRoot } from '../corpus/configStore';
import type { CorpusActorLine } from '../../node/corpusWorkerProtocol';
import type { CorpusActors } from '../corpus/corpusActors';

export type ActorsViewMode = 'article' | 'corpus';

type Node =
  | { type: 'actor'; actor: Actor; uri: vscode.Uri }
  | { type: 'mention'; mention: Span; actor: Actor; uri: vscode.Uri; text: string; line: number }
  | { type: 'kind'; kind: EntityKind; corpus: CorpusRoot; count: number }
  | { type: 'cactor'; actor: CorpusActorLine; corpus: CorpusRoot; kbArgs: KbActorArgs }
  | { type: 'article'; actor: CorpusActorLine; article: CorpusActorArticle; corpus: CorpusRoot }
  | { type: 'cmention'; actor: CorpusActorLine; article: CorpusActorArticle; corpus: CorpusRoot; start: number; end: number; text: string; line: number }
  | { type: 'more'; kind: EntityKind; corpus: CorpusRoot; count: number };

const ICON: Record<string, string> = { person: 'person', organization: 'organization', place: 'location', other: 'tag' };
const KIND_LABEL: Record<EntityKind, string> = { person: 'People', organization: 'Organizations', place: 'Places', other: 'Other names' };
export const GROUP_LIMIT = 500;

export class ActorsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private mode: ActorsViewMode = 'article';
  private filter = '';
  private view?: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly analyses: AnalysisService,
    private readonly store: ConfigStore,
    private readonly corpusActors: CorpusActors,
  ) {
    this.disposables.push(
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.mode === 'article' && this.emitter.fire(undefined)),
      analyses.onDidAnalyse((uri) => this.mode === 'article' && uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && this.emitter.fire(undefined)),
      analyses.onDidChange(() => this.mode === 'article' && this.emitter.fire(undefined)),
      analyses.onDidChangeKinds(() => this.mode === 'article' && this.emitter.fire(undefined)),
      corpusActors.onDidChange(() => {
        if (this.mode === 'corpus') this.emitter.fire(undefined);
      }),
    );
  }

  /** Creates the tree view and its commands (mode switch, filter, reveal). */
  register(): vscode.Disposable[] {
    this.view = vscode.window.createTreeView('newsCorpus.actors', { treeDataProvider: this, showCollapseAll: true });
    void vscode.commands.executeCommand('setContext', 'newsCorpus.actorsMode', this.mode);
    return [
      this.view,
      this,
      vscode.commands.registerCommand('newsCorpus.actors.showCorpus', () => this.setMode('corpus')),
      vscode.commands.registerCommand('newsCorpus.actors.showArticle', () => this.setMode('article')),
      vscode.commands.registerCommand('newsCorpus.actors.filter', async (text?: string) => {
        const value = text ?? (await vscode.window.showInputBox({ prompt: 'Show the corpus actors whose names contain…', value: this.filter, placeHolder: 'e.g. traore (accents and case ignored)' }));
        if (value === undefined) return this.filter;
        this.setFilter(value);
        return this.filter;
      }),
      vscode.commands.registerCommand('newsCorpus.actors.clearFilter', () => this.setFilter('')),
      vscode.commands.registerCommand('newsCorpus.actors.revealActor', async (name: string) => {
        this.setMode('corpus');
        const corpus = this.corpus();
        const actor = corpus && (await this.corpusActors.find(corpus, name))[0];
        if (!corpus || !actor) return undefined;
        await this.view?.reveal(this.actorNode(actor, corpus), { select: true, focus: false, expand: true });
        return actor.id;
      }),
    ];
  }

  setMode(mode: ActorsViewMode): ActorsViewMode {
    this.mode = mode;
    void vscode.commands.executeCommand('setContext', 'newsCorpus.actorsMode', mode);
    this.updateMessage();
    this.emitter.fire(undefined);
    return mode;
  }

  setFilter(text: string): void {
    this.filter = text.trim();
    void vscode.commands.executeCommand('setContext', 'newsCorpus.actorsFiltered', this.filter !== '');
    this.updateMessage();
    this.emitter.fire(undefined);
  }

  private updateMessage(): void {
    if (!this.view) return;
    this.view.description = this.mode === 'corpus' ? 'Corpus' : 'This Article';
    this.view.message = this.mode === 'corpus' && this.filter ? `Filter: "${this.filter}"` : undefined;
  }

  /** The corpus shown: the active article's, else the first of the workspace. */
  private corpus(): CorpusRoot | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return (doc && this.store.locate(doc.uri)?.corpus) ?? this.store.all()[0];
  }

  private actorNode(actor: CorpusActorLine, corpus: CorpusRoot): Node {
    return { type: 'cactor', actor, corpus, kbArgs: kbArgsOf(actor, corpus) };
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (this.mode === 'corpus') return this.corpusChildren(node);
    const doc = vscode.window.activeTextEditor?.document;
    const entry = doc && (await this.analyses.get(doc));
    if (!doc || !entry) return [];
    if (!node) return entry.analysis.actors.map((actor) => ({ type: 'actor', actor, uri: doc.uri }));
    if (node.type !== 'actor') return [];
    return node.actor.mentions.map((m) => {
      const p = doc.positionAt(m.start);
      return { type: 'mention', mention: m, actor: node.actor, uri: doc.uri, text: doc.lineAt(p.line).text, line: p.line };
    });
  }

  private async corpusChildren(node?: Node): Promise<Node[]> {
    const corpus = node && 'corpus' in node ? node.corpus : this.corpus();
    if (!corpus) return [];
    // The corpus actors as fed so far (they follow the index a step at a time and the view repaints
    // as they fill): the first paint never waits for a big corpus. A filter is matched in the corpus
    // worker against every actor's names (231,000 actors of 10,000 articles).
    const needle = foldName(this.filter);
    if (!node) {
      const counts = await this.corpusActors.counts(corpus, needle);
      return ENTITY_KINDS.filter((k) => counts[k]).map((kind) => ({ type: 'kind', kind, corpus, count: counts[kind]! }));
    }
    if (node.type === 'kind') {
      const { actors, total } = await this.corpusActors.list(corpus, node.kind, needle, GROUP_LIMIT);
      const out: Node[] = actors.map((a) => this.actorNode(a, corpus));
      if (total > GROUP_LIMIT) out.push({ type: 'more', kind: node.kind, corpus, count: total - GROUP_LIMIT });
      return out;
    }
    if (node.type === 'cactor') {
      // Its articles as the corpus actors hold them now (the view repaints as they change).
      const actor = (await this.corpusActors.find(corpus, node.actor.id, true)).find((a) => a.id === node.actor.id);
      return (actor?.articles ?? []).map((article) => ({ type: 'article', actor: node.actor, article, corpus }));
    }
    if (node.type === 'article') {
      const uri = vscode.Uri.joinPath(corpus.root, node.article.relPath);
      let text = '';
      try {
        text = decodeBytes(await vscode.workspace.fs.readFile(uri)).text;
      } catch {
        return [];
      }
      const out: Node[] = [];
      const m = node.article.mentions;
      for (let i = 0; i + 1 < m.length; i += 2) {
        const start = m[i];
        const lineStart = text.lastIndexOf('\n', start - 1) + 1;
        let lineEnd = text.indexOf('\n', start);
        if (lineEnd < 0) lineEnd = text.length;
        let line = 0;
        for (let k = text.indexOf('\n'); k >= 0 && k < start; k = text.indexOf('\n', k + 1)) line++;
        out.push({ type: 'cmention', actor: node.actor, article: node.article, corpus, start, end: m[i + 1], text: text.slice(lineStart, lineEnd).replace(/\r$/, ''), line });
      }
      return out;
    }
    return [];
  }

  getParent(node: Node): Node | undefined {
    if (node.type === 'cactor') return { type: 'kind', kind: node.actor.kind, corpus: node.corpus, count: 0 };
    if (node.type === 'article') return this.actorNode(node.actor, node.corpus);
    if (node.type === 'cmention') return { type: 'article', actor: node.actor, article: node.article, corpus: node.corpus };
    if (node.type === 'mention') return { type: 'actor', actor: node.actor, uri: node.uri };
    return undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'mention':
      case 'cmention': {
        const lineText = node.text.trim();
        const item = new vscode.TreeItem(lineText.length > 80 ? lineText.slice(0, 77) + '…' : lineText, vscode.TreeItemCollapsibleState.None);
        item.description = `line ${node.line + 1}`;
        if (node.type === 'mention') {
          item.command = { command: 'newsCorpus.revealMention', title: 'Reveal', arguments: [node.uri, node.mention.start, node.mention.end] };
          item.id = `${node.uri}#${node.mention.start}-${node.mention.end}`;
        } else {
          const uri = vscode.Uri.joinPath(node.corpus.root, node.article.relPath);
          item.command = { command: 'newsCorpus.revealMention', title: 'Reveal', arguments: [uri, node.start, node.end] };
          item.id = `corpus:${node.corpus.root}|${node.actor.id}|${node.article.relPath}|${node.start}`;
        }
        return item;
      }
      case 'actor': {
        const a = node.actor;
        const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${a.kind} · ${a.mentions.length}${a.roles.length ? ' · ' + a.roles[0] : ''}${a.kb ? ' · KB' : ''}`;
        item.iconPath = new vscode.ThemeIcon(ICON[a.kind]);
        const md = new vscode.MarkdownString(actorHover(a, { ...a.mentions[0], text: a.name, kind: a.kind, source: 'analysis' }));
        md.isTrusted = false;
        item.tooltip = md;
        item.id = `${node.uri}#${a.id}`;
        return item;
      }
      case 'kind': {
        const item = new vscode.TreeItem(KIND_LABEL[node.kind], vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(node.count);
        item.iconPath = new vscode.ThemeIcon(ICON[node.kind]);
        item.id = `corpus:${node.corpus.root}|kind:${node.kind}`;
        item.contextValue = 'actorKind';
        return item;
      }
      case 'cactor': {
        const a = node.actor;
        const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${a.articleCount} article${a.articleCount === 1 ? '' : 's'} · ${a.mentionCount} mention${a.mentionCount === 1 ? '' : 's'}${a.kb ? ' · KB' : ''}`;
        item.iconPath = new vscode.ThemeIcon(a.kb ? 'verified' : ICON[a.kind]);
        const tip = new vscode.MarkdownString();
        tip.appendText(a.name);
        if (a.aliases.length) tip.appendText('\nAlso: ' + a.aliases.join(', '));
        if (a.firstDate) tip.appendText(`\n${a.firstDate} – ${a.lastDate}`);
        if (a.kb) tip.appendText(`\nKnowledge base: ${a.kb.file}, line ${a.kb.line}${a.kb.wikidata ? ' · Wikidata ' + a.kb.wikidata : ''}`);
        if (a.codes.length) tip.appendText('\nCodes: ' + a.codes.map((c) => c.code + (c.from || c.to ? ` ${c.from ?? ''}..${c.to ?? ''}` : '')).join(', '));
        item.tooltip = tip;
        item.id = `corpus:${node.corpus.root}|${a.id}`;
        item.contextValue = a.kb ? (/\.ya?ml$/i.test(a.kb.file) ? 'corpusActor.kbYaml' : 'corpusActor.kb') : 'corpusActor';
        return item;
      }
      case 'article': {
        const item = new vscode.TreeItem(node.article.title ?? node.article.relPath, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = node.article.date ?? 'undated';
        item.tooltip = node.article.relPath;
        item.resourceUri = vscode.Uri.joinPath(node.corpus.root, node.article.relPath);
        item.iconPath = new vscode.ThemeIcon('file');
        item.id = `corpus:${node.corpus.root}|${node.actor.id}|${node.article.relPath}`;
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`… ${node.count} more: filter to find them`, vscode.TreeItemCollapsibleState.None);
        item.command = { command: 'newsCorpus.actors.filter', title: 'Filter' };
        item.id = `corpus:${node.corpus.root}|more:${node.kind}`;
        return item;
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
