import * as vscode from 'vscode';
import { actorHover } from '../../core/present/hoverMarkdown';
import type { Actor, Span } from '../../core/types';
import type { AnalysisService } from '../analysis/analysisService';

type Node = { actor: Actor; uri: vscode.Uri } | { mention: Span; actor: Actor; uri: vscode.Uri; text: string; line: number };

const ICON: Record<string, string> = { person: 'person', organization: 'organization', place: 'location', other: 'tag' };

/** The "Actors" view: the actors of the active article, their mentions as children. */
export class ActorsView implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly analyses: AnalysisService) {
    vscode.window.onDidChangeActiveTextEditor(() => this.emitter.fire());
    analyses.onDidAnalyse((uri) => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && this.emitter.fire());
    analyses.onDidChange(() => this.emitter.fire());
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const doc = vscode.window.activeTextEditor?.document;
    const entry = doc && (await this.analyses.get(doc));
    if (!doc || !entry) return [];
    if (!node) return entry.analysis.actors.map((actor) => ({ actor, uri: doc.uri }));
    if ('mention' in node) return [];
    return node.actor.mentions.map((m) => {
      const p = doc.positionAt(m.start);
      return { mention: m, actor: node.actor, uri: doc.uri, text: doc.lineAt(p.line).text, line: p.line };
    });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('mention' in node) {
      const col = node.mention.start - (node.mention.start - 0);
      const lineText = node.text.trim();
      const item = new vscode.TreeItem(lineText.length > 80 ? lineText.slice(0, 77) + '…' : lineText, vscode.TreeItemCollapsibleState.None);
      item.description = `line ${node.line + 1}`;
      item.command = { command: 'newsCorpus.revealMention', title: 'Reveal', arguments: [node.uri, node.mention.start, node.mention.end] };
      item.id = `${node.uri}#${node.mention.start}-${node.mention.end}-${col}`;
      return item;
    }
    const a = node.actor;
    const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = `${a.kind} · ${a.mentions.length}${a.roles.length ? ' · ' + a.roles[0] : ''}`;
    item.iconPath = new vscode.ThemeIcon(ICON[a.kind]);
    const md = new vscode.MarkdownString(actorHover(a, { ...a.mentions[0], text: a.name, kind: a.kind, source: 'analysis' }));
    md.isTrusted = false;
    item.tooltip = md;
    item.id = `${node.uri}#${a.id}`;
    return item;
  }
}
