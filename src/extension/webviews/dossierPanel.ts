// "News: Open Actor Dossier": one webview panel per corpus actor (header, timeline, roles,
// co-actors, mentions in context). The panel host owns the security of the webview: a strict CSP
// with a nonce, local resources from dist/webview only, every message checked (parseWebviewMessage)
// and resolved against the dossier this host sent, so the webview can open nothing else.
import * as vscode from 'vscode';
import { buildDossier, dossierJson, type DossierDetail } from '../../core/corpus/dossier';
import type { CorpusActor } from '../../core/corpus/types';
import type { CorpusActors } from '../corpus/corpusActors';
import type { CorpusActorLine } from '../../node/corpusWorkerProtocol';
import { pickTitle, PICK_LIMIT } from '../commands/kbCommands';
import { registerTestHook } from '../testHooks';
import { renderDossierMarkdown } from '../../core/present/dossierMarkdown';
import { DOSSIER_VIEW_TYPE, parsePanelState, parseWebviewMessage, type DossierPanelState, type HostMessage, type WebviewMessage } from '../../../webview/dossier/protocol';
import { readArticle } from '../analysis/readArticle';
import type { AnalysisService } from '../analysis/analysisService';
import type { ConfigStore, CorpusRoot } from '../corpus/configStore';

/** What the last render of a panel's webview reported (for tests and the status of the panel). */
export interface RenderedState {
  name: string;
  mentions: number;
  period: string | null;
}

interface OpenPanel {
  panel: vscode.WebviewPanel;
  state: DossierPanelState;
  dossier?: DossierDetail;
  rendered?: RenderedState;
  ready: boolean;
  refresh?: ReturnType<typeof setTimeout>;
}

export class DossierPanels implements vscode.Disposable {
  private readonly panels = new Map<string, OpenPanel>();
  /** Corpus actors per corpus root, dropped when the corpus's summaries change. */
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analyses: AnalysisService,
    private readonly store: ConfigStore,
    private readonly corpusActors: CorpusActors,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(DOSSIER_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, raw) => {
          const state = parsePanelState(raw);
          if (!state) {
            panel.dispose();
            return;
          }
          this.adopt(panel, state);
        },
      }),
      this.analyses.onDidChangeCorpus((corpus) => {
        const root = corpus.root.toString();
        for (const p of this.panels.values()) if (p.state.corpus === root) this.scheduleRefresh(p);
      }),
    );
  }

  private corpusOf(uri: string): CorpusRoot | undefined {
    return this.store.all().find((c) => c.root.toString() === uri);
  }

  /** Opens (or reveals) the dossier of an actor; without an id, asks with a quick pick of the corpus actors. */
  async open(actorId?: string, corpusUri?: string): Promise<void> {
    const target = actorId ? await this.resolve(actorId, corpusUri) : await this.pick();
    if (!target) {
      if (actorId) void vscode.window.showWarningMessage(`News Corpus Annotator: no corpus actor with id "${actorId}".`);
      return;
    }
    const state: DossierPanelState = { actorId: target.actor.id, corpus: target.corpus.root.toString() };
    const existing = this.panels.get(key(state));
    if (existing) {
      existing.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DOSSIER_VIEW_TYPE, `Dossier: ${target.actor.name}`, vscode.ViewColumn.Beside, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
    });
    this.adopt(panel, state);
  }

  /** An actor by id: in the corpus given, else in the active article's corpus, else in any corpus. */
  private async resolve(actorId: string, corpusUri?: string): Promise<{ actor: CorpusActorLine; corpus: CorpusRoot } | undefined> {
    const active = vscode.window.activeTextEditor && this.store.locate(vscode.window.activeTextEditor.document.uri)?.corpus;
    const given = corpusUri ? this.corpusOf(corpusUri) : undefined;
    const order = [...(given ? [given] : []), ...(active ? [active] : []), ...this.store.all()];
    for (const corpus of order) {
      // An id, or any name of the actor (the hover of an article's actor knows its names, not its corpus id).
      const actor = (await this.corpusActors.find(corpus, actorId))[0];
      if (actor) return { actor, corpus };
    }
    return undefined;
  }

  private async pick(): Promise<{ actor: CorpusActorLine; corpus: CorpusRoot } | undefined> {
    const corpora = this.store.all();
    type Item = vscode.QuickPickItem & { actor: CorpusActorLine; corpus: CorpusRoot };
    const items: Item[] = [];
    let shown = 0;
    let total = 0;
    for (const corpus of corpora) {
      const all = await this.corpusActors.all(corpus, PICK_LIMIT);
      shown += all.actors.length;
      total += all.total;
      for (const actor of all.actors) {
        items.push({
          label: actor.name,
          description: `${actor.kind} · ${actor.articleCount} article${actor.articleCount === 1 ? '' : 's'}${corpora.length > 1 ? ' · ' + vscode.workspace.asRelativePath(corpus.root) : ''}`,
          detail: actor.aliases.length ? actor.aliases.join(', ') : undefined,
          actor,
          corpus,
        });
      }
    }
    if (!items.length) {
      void vscode.window.showInformationMessage('News Corpus Annotator: no corpus actors yet (open a folder with newscorpus.yaml and wait for the index).');
      return undefined;
    }
    return vscode.window.showQuickPick(items, { title: pickTitle('Open Actor Dossier', shown, total), placeHolder: 'Actor (any of its names)', matchOnDescription: false, matchOnDetail: true });
  }

  private adopt(panel: vscode.WebviewPanel, state: DossierPanelState): void {
    const open: OpenPanel = { panel, state, ready: false };
    const k = key(state);
    this.panels.set(k, open);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'news-corpus.svg');
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')] };
    panel.webview.html = this.html(panel.webview);
    panel.onDidDispose(() => {
      if (open.refresh) clearTimeout(open.refresh);
      if (this.panels.get(k) === open) this.panels.delete(k);
    });
    panel.webview.onDidReceiveMessage((raw) => {
      const m = parseWebviewMessage(raw);
      if (m) void this.onMessage(open, m);
    });
  }

  private async onMessage(open: OpenPanel, m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        open.ready = true;
        await this.refresh(open);
        return;
      case 'rendered':
        open.rendered = { name: m.name, mentions: m.mentions, period: m.period };
        return;
      case 'openMention': {
        const corpus = this.corpusOf(open.state.corpus);
        const article = open.dossier?.articles[m.article];
        const mention = article?.mentions[m.mention];
        if (!corpus || !article || !mention) return;
        const uri = articleUri(corpus, article.file);
        if (!uri) return;
        const doc = await vscode.workspace.openTextDocument(uri);
        const range = new vscode.Range(doc.positionAt(mention.start), doc.positionAt(mention.end));
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range });
        return;
      }
      case 'openDossier': {
        const co = open.dossier?.coActors[m.coActor];
        if (co) await this.open(co.id, open.state.corpus);
        return;
      }
      case 'export':
        await this.export(open);
        return;
    }
  }

  private scheduleRefresh(open: OpenPanel): void {
    if (open.refresh) clearTimeout(open.refresh);
    open.refresh = setTimeout(() => {
      open.refresh = undefined;
      void this.refresh(open);
    }, 400);
  }

  /** Rebuilds the panel's dossier from the current index and the articles' current text, and sends it. */
  private async refresh(open: OpenPanel): Promise<void> {
    if (!open.ready) return;
    const corpus = this.corpusOf(open.state.corpus);
    const actor = corpus && (await this.corpusActors.find(corpus, open.state.actorId)).find((a) => a.id === open.state.actorId);
    if (!corpus || !actor) {
      open.dossier = undefined;
      await this.send(open, { type: 'missing', message: corpus ? 'This actor is no longer in the corpus (its articles changed or the index is being rebuilt).' : 'The corpus of this dossier is not open.' });
      return;
    }
    const dossier = await this.build(corpus, actor);
    open.dossier = dossier;
    open.panel.title = `Dossier: ${actor.name}`;
    await this.send(open, { type: 'dossier', dossier, corpusName: corpusName(corpus), state: open.state });
  }

  private async build(corpus: CorpusRoot, actor: CorpusActor): Promise<DossierDetail> {
    const texts = new Map<string, string | undefined>();
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    await Promise.all(
      actor.articles.map(async (a) => {
        const uri = articleUri(corpus, a.relPath);
        if (!uri) return;
        texts.set(a.relPath, open.get(uri.toString())?.getText() ?? (await readArticle(uri)));
      }),
    );
    return buildDossier(actor, await this.corpusActors.coActors(corpus, actor.id), (p) => texts.get(p));
  }

  private async send(open: OpenPanel, m: HostMessage): Promise<void> {
    await open.panel.webview.postMessage(m);
  }

  private async export(open: OpenPanel): Promise<void> {
    const d = open.dossier;
    if (!d) return;
    const format = await vscode.window.showQuickPick(
      [
        { label: 'Markdown', description: '.md', id: 'md' as const },
        { label: 'JSON', description: '.json (as news-annotate dossier --format json)', id: 'json' as const },
      ],
      { title: 'Export Dossier' },
    );
    if (!format) return;
    const base = this.corpusOf(open.state.corpus)?.root ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `dossier-${d.actor.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'actor'}.${format.id}`;
    const target = await vscode.window.showSaveDialog({ defaultUri: base && vscode.Uri.joinPath(base, name), filters: format.id === 'md' ? { Markdown: ['md'] } : { JSON: ['json'] } });
    if (!target) return;
    const body = format.id === 'md' ? renderDossierMarkdown(d) : JSON.stringify(dossierJson(d), null, 2) + '\n';
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(body));
    void vscode.window.showInformationMessage(`Dossier of ${d.actor.name} written to ${vscode.workspace.asRelativePath(target)}.`);
  }

  private html(webview: vscode.Webview): string {
    const nonce = makeNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'dossier.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'dossier.css'));
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Actor Dossier</title>
</head>
<body>
<main id="app" aria-live="polite"><p>Loading the dossier…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  /** Test hook: the open panels, what each shows and what its webview last reported. */
  snapshot(): { actorId: string; corpus: string; title: string; articles: number; mentions: number; rendered?: RenderedState }[] {
    return [...this.panels.values()].map((p) => ({
      actorId: p.state.actorId,
      corpus: p.state.corpus,
      title: p.panel.title,
      articles: p.dossier?.articles.length ?? 0,
      mentions: p.dossier?.articles.reduce((n, a) => n + a.mentions.length, 0) ?? 0,
      ...(p.rendered ? { rendered: p.rendered } : {}),
    }));
  }

  /** Test hook: what opening a mention of the current dossier would do, through the same checks as a webview message. */
  async receive(actorId: string, raw: unknown): Promise<boolean> {
    const open = [...this.panels.values()].find((p) => p.state.actorId === actorId);
    const m = parseWebviewMessage(raw);
    if (!open || !m) return false;
    await this.onMessage(open, m);
    return true;
  }

  dispose(): void {
    for (const p of this.panels.values()) p.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function key(s: DossierPanelState): string {
  return `${s.corpus}\n${s.actorId}`;
}

/** The URI of an article of the corpus, or undefined when the relative path would leave the corpus. */
function articleUri(corpus: CorpusRoot, relPath: string): vscode.Uri | undefined {
  const parts = relPath.split('/');
  if (!relPath || relPath.startsWith('/') || parts.some((p) => p === '..' || p === '.' || p === '' || p.includes('\\'))) return undefined;
  return vscode.Uri.joinPath(corpus.root, ...parts);
}

/** "workspace" or "workspace/corpus": the corpus folder as the Explorer shows it. */
function corpusName(corpus: CorpusRoot): string {
  const folder = vscode.workspace.getWorkspaceFolder(corpus.root);
  if (!folder) return corpus.root.path;
  const rel = corpus.root.path.slice(folder.uri.path.length).replace(/^\/+/, '');
  return rel ? `${folder.name}/${rel}` : folder.name;
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function registerDossier(context: vscode.ExtensionContext, analyses: AnalysisService, store: ConfigStore, corpusActors: CorpusActors): DossierPanels {
  const panels = new DossierPanels(context.extensionUri, analyses, store, corpusActors);
  context.subscriptions.push(
    panels,
    vscode.commands.registerCommand('newsCorpus.openDossier', (actorId?: unknown, corpusUri?: unknown) => {
      // From the Actors view's context menu: its corpus actor node.
      const node = actorId as { actor?: { id?: unknown }; corpus?: { root?: vscode.Uri } } | undefined;
      if (node && typeof node === 'object' && typeof node.actor?.id === 'string') return panels.open(node.actor.id, node.corpus?.root?.toString());
      return panels.open(typeof actorId === 'string' && actorId ? actorId : undefined, typeof corpusUri === 'string' ? corpusUri : undefined);
    }),
    registerTestHook(context, 'newsCorpus.dossierState', () => panels.snapshot()),
    registerTestHook(context, 'newsCorpus.dossierMessage', (actorId: unknown, message: unknown) => (typeof actorId === 'string' ? panels.receive(actorId, message) : false)),
  );
  return panels;
}
