// Finds the news corpora of the workspace (folders holding newscorpus.yaml),
// keeps their parsed configs up to date, and shows YAML problems at their lines.
import * as vscode from 'vscode';
import { foldersAbove, isCorpusArticle } from '../../core/config/corpusPaths';
import { CONFIG_FILE_NAME, parseCorpusConfig, type ConfigProblem } from '../../core/config/parseConfig';
import type { CorpusConfig } from '../../core/config/types';

export interface CorpusRoot {
  /** The folder holding newscorpus.yaml. */
  root: vscode.Uri;
  configUri: vscode.Uri;
  config: CorpusConfig;
  problems: ConfigProblem[];
}

export interface ArticleLocation {
  corpus: CorpusRoot;
  /** Path relative to the corpus root, forward slashes. */
  relPath: string;
}

export class ConfigStore implements vscode.Disposable {
  private readonly roots = new Map<string, CorpusRoot>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('newscorpus.yaml');
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.emitter];
  /** Fires when a corpus is added, removed or its config changes. */
  readonly onDidChange = this.emitter.event;

  /** Resolves once the whole workspace has been searched for newscorpus.yaml (see init). */
  searched: Promise<void> = Promise.resolve();
  /** How long that search took, ms (for the log). */
  searchMs = 0;
  private searchRunning = false;
  /** Whether the workspace is being searched (init to `searched`; onDidChange fired by the search itself comes before it ends). */
  get searching(): boolean {
    return this.searchRunning;
  }

  /**
   * Finds the corpora in two steps. At once, the newscorpus.yaml files of the folders above the
   * documents already open (a few stats each): whether a document is a corpus article, and of which
   * corpus, depends on those alone, so an article open as the window loads is analysed while the
   * second step, the search of the whole workspace (`searched`, which fires onDidChange when it found
   * more), runs. At window loads on 10,000 articles (code-server and Chromium on two cores, the
   * packaged extension, a scratch comparison) the open article was analysed 2.1-2.6 s after activation
   * started, against 3.4-4.5 s when it waited for the search; `npm run bench -- --only windowLoad`
   * times the window load as it is. Documents opened during the search have the folders above them
   * read the same way.
   */
  async init(): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    // A save of what the editor already applied (auto save too) changes nothing: no event then.
    watcher.onDidCreate((u) => this.load(u).then((changed) => changed && this.emitter.fire()));
    watcher.onDidChange((u) => this.load(u).then((changed) => changed && this.emitter.fire()));
    watcher.onDidDelete((u) => this.unload(u));
    this.disposables.push(
      watcher,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isConfigUri(e.document.uri) && this.apply(e.document.uri, e.document.getText())) this.emitter.fire();
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (this.searchRunning) void this.loadAbove(d.uri).then((changed) => changed && this.emitter.fire());
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reloadAll()),
    );
    this.searchRunning = true;
    this.searched = this.searchWorkspace();
    // Awaited by the caller later: not an unhandled rejection meanwhile.
    this.searched.catch(() => undefined);
    await Promise.all(vscode.workspace.textDocuments.map((d) => this.loadAbove(d.uri)));
  }

  private async searchWorkspace(): Promise<void> {
    const t0 = Date.now();
    try {
      const found = await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/node_modules/**', 200);
      const changed = await Promise.all(found.map((u) => this.load(u)));
      if (changed.some(Boolean)) this.emitter.fire();
    } finally {
      this.searchRunning = false;
      this.searchMs = Date.now() - t0;
    }
  }

  /** Loads the newscorpus.yaml of each folder above a document of the workspace (foldersAbove); true when one was new or changed. */
  private async loadAbove(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const changed = await Promise.all(
      foldersAbove(folder.uri.path, uri.path).map(async (path) => {
        const config = folder.uri.with({ path: path + '/' + CONFIG_FILE_NAME });
        if (this.applied.has(config.toString())) return false;
        try {
          await vscode.workspace.fs.stat(config);
        } catch {
          return false;
        }
        return this.load(config);
      }),
    );
    return changed.some(Boolean);
  }

  all(): CorpusRoot[] {
    return [...this.roots.values()];
  }

  /** The corpus an article belongs to: the nearest newscorpus.yaml above it whose include/exclude match. */
  locate(uri: vscode.Uri): ArticleLocation | undefined {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote' && uri.scheme !== 'untitled') return undefined;
    let best: CorpusRoot | undefined;
    for (const r of this.roots.values()) {
      const prefix = r.root.path.endsWith('/') ? r.root.path : r.root.path + '/';
      if (uri.authority === r.root.authority && uri.scheme === r.root.scheme && uri.path.startsWith(prefix)) {
        if (!best || r.root.path.length > best.root.path.length) best = r;
      }
    }
    if (!best) return undefined;
    const relPath = uri.path.slice(best.root.path.replace(/\/$/, '').length + 1);
    if (!isCorpusArticle(relPath, best.config.include, best.config.exclude)) return undefined;
    return { corpus: best, relPath };
  }

  async reloadAll(): Promise<void> {
    await Promise.all([...this.roots.values()].map((r) => this.load(r.configUri)));
    this.emitter.fire();
  }

  /** Reads and applies a config; false when its text is what was applied already. */
  private async load(uri: vscode.Uri): Promise<boolean> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string;
    if (open) text = open.getText();
    else {
      try {
        text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        this.unload(uri);
        return true;
      }
    }
    return this.apply(uri, text);
  }

  /** The text each config was last applied from (with the trust it was parsed under). */
  private readonly applied = new Map<string, string>();

  /** Parses and applies a config; false (and nothing done) when the same text was applied already. */
  private apply(uri: vscode.Uri, text: string): boolean {
    const stamp = (vscode.workspace.isTrusted ? 'T' : 'U') + text;
    if (this.applied.get(uri.toString()) === stamp) return false;
    this.applied.set(uri.toString(), stamp);
    const { config, problems } = parseCorpusConfig(text, { trusted: vscode.workspace.isTrusted });
    const root = vscode.Uri.joinPath(uri, '..');
    this.roots.set(root.toString(), { root, configUri: uri, config, problems });
    this.diagnostics.set(
      uri,
      problems.map((p) => {
        const d = new vscode.Diagnostic(
          new vscode.Range(p.line, p.character, p.endLine, p.endCharacter),
          p.message + (p.severity === 'error' ? ' Defaults apply until this is fixed.' : ''),
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = 'newscorpus.yaml';
        return d;
      }),
    );
    return true;
  }

  private unload(uri: vscode.Uri): void {
    this.applied.delete(uri.toString());
    const root = vscode.Uri.joinPath(uri, '..');
    this.roots.delete(root.toString());
    this.diagnostics.delete(uri);
    this.emitter.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function isConfigUri(uri: vscode.Uri): boolean {
  return uri.path.endsWith('/' + CONFIG_FILE_NAME);
}
