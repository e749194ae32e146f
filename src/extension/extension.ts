// News Corpus Annotator: activation wires the pure core (src/core) into VS Code.
import * as vscode from 'vscode';
import { AnalysisService } from './analysis/analysisService';
import { registerAnnotationFeatures } from './annotations';
import { registerActorCommands } from './commands/actorCommands';
import { registerBoilerplateCommands } from './commands/boilerplateCommands';
import { registerCorpusCommands } from './commands/corpusCommands';
import { registerKbCommands } from './commands/kbCommands';
import { ConfigStore } from './corpus/configStore';
import { registerCorpusOffer } from './corpus/corpusOffer';
import { CorpusActors } from './corpus/corpusActors';
import { applyCorpusKinds } from '../core/corpus/corpusKinds';
import { LANGUAGE_ID, registerLanguageAssigner } from './corpus/languageAssigner';
import { BoilerplateCodeActions } from './providers/codeActions';
import { DiagnosticsPublisher } from './providers/diagnostics';
import { DocumentSymbols } from './providers/documentSymbols';
import { HoverProvider } from './providers/hover';
import { initLog, log } from './log';
import { LEGEND, SemanticTokensProvider } from './providers/semanticTokens';
import { ActorsView } from './views/actorsView';
import { registerIndexStatus, registerStatusBar } from './views/statusBar';
import { registerDossier } from './webviews/dossierPanel';

/** How long an edit's analysis waits for the corpus kinds of its actors (ms). */
const CORPUS_KINDS_WAIT_MS = 1000;

/** What the extension exposes to other extensions and to its integration tests. */
export interface NewsCorpusApi {
  store: ConfigStore;
  analyses: AnalysisService;
  diagnostics: DiagnosticsPublisher;
  /** The Actors view (its corpus mode reads corpusActors). */
  actorsView: ActorsView;
  corpusActors: CorpusActors;
  /** Resolves when the corpus index (templates, names across articles) is built. */
  indexed: Promise<void>;
}

export async function activate(context: vscode.ExtensionContext): Promise<NewsCorpusApi> {
  initLog(context);
  const store = new ConfigStore();
  context.subscriptions.push(store);
  // The corpora above the open documents; the rest of the workspace is searched meanwhile (awaited below).
  await store.init();
  const corpora = () => {
    const all = store.all();
    void vscode.commands.executeCommand('setContext', 'newsCorpus.inCorpus', all.length > 0);
    return all;
  };
  corpora();
  context.subscriptions.push(store.onDidChange(corpora));

  const analyses = new AnalysisService(store, context.storageUri ?? context.globalStorageUri);
  const diagnostics = new DiagnosticsPublisher(analyses);
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  const corpusActors = new CorpusActors(analyses);
  context.subscriptions.push(corpusActors);
  // One kind per corpus actor: an article's actors take the kind their corpus actor has. An edit's
  // analysis waits for them at most CORPUS_KINDS_WAIT_MS (then it is shown with the article's own
  // kinds, and again with the corpus's once they change).
  analyses.setCorpusKinds(async (location, analysis) => {
    if (!analysis.actors.length) return analysis;
    const kinds = await corpusActors.kinds(location.corpus, location.relPath, analysis.actors.map((a) => a.name), CORPUS_KINDS_WAIT_MS);
    return applyCorpusKinds(analysis, (a) => kinds.get(a.name));
  });
  context.subscriptions.push(corpusActors.onDidChange(() => analyses.corpusKindsChanged()));
  const actorsView = new ActorsView(analyses, store, corpusActors);
  context.subscriptions.push(
    ...actorsView.register(),
    ...registerKbCommands(store, analyses, corpusActors),
    analyses,
    diagnostics,
    registerLanguageAssigner(store),
    registerCorpusOffer(context, store),
    vscode.languages.registerDocumentSemanticTokensProvider(selector, new SemanticTokensProvider(analyses), LEGEND),
    vscode.languages.registerHoverProvider(selector, new HoverProvider(analyses, corpusActors)),
    vscode.languages.registerCodeActionsProvider(selector, new BoilerplateCodeActions(analyses), { providedCodeActionKinds: BoilerplateCodeActions.kinds }),
    vscode.languages.registerDocumentSymbolProvider(selector, new DocumentSymbols(analyses), { label: 'News article' }),
    registerStatusBar(analyses),
    registerIndexStatus(analyses),
    ...registerBoilerplateCommands(analyses, store),
    ...registerCorpusCommands(analyses, store, diagnostics),
    ...registerActorCommands(analyses),
  );

  // Keep the corpus index current as articles change on disk.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,yaml,yml}');
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate((u) => analyses.indexer.fileChanged(u)),
    watcher.onDidChange((u) => analyses.indexer.fileChanged(u)),
    watcher.onDidDelete((u) => {
      analyses.indexer.fileDeleted(u);
      diagnostics.collection.delete(u);
    }),
    // Config edits come keystroke by keystroke: one index run once they pause (a newer run cancels
    // the one in progress).
    store.onDidChange(() => {
      analyses.invalidateAll();
      // Not before the workspace is searched: the first run of the index follows the search (below).
      if (!store.searching) void analyses.indexer.schedule(800, 'newscorpus.yaml changed');
    }),
    vscode.commands.registerCommand('newsCorpus.cancelIndexing', () => analyses.indexer.cancel()),
  );
  registerAnnotationFeatures(context, { analyses, store });
  registerDossier(context, analyses, store, corpusActors);
  // Every provider is registered: an article open already is being analysed. The index, the API
  // and what activation started wait for every corpus of the workspace.
  await store.searched;
  const found = corpora();
  log.info(
    (found.length ? `Corpora found: ${found.map((r) => vscode.workspace.asRelativePath(r.configUri)).join(', ')}` : 'No news corpus in this workspace (no newscorpus.yaml)') +
      ` (the workspace searched in ${store.searchMs} ms).`,
  );
  const indexed = analyses.indexCorpora().then(async () => {
    const reason = await analyses.fallbackReason();
    if (reason) {
      log.warn(`Entities come from the rule-based engine: the trained model could not be loaded (${reason}).`);
      void vscode.window.showWarningMessage(`News Corpus Annotator: entities come from the rule-based engine because the trained model could not be loaded (${reason}).`);
    }
  });
  return { store, analyses, diagnostics, actorsView, corpusActors, indexed };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
