// News Corpus Annotator: activation wires the pure core (src/core) into VS Code.
import * as vscode from 'vscode';
import { nodeEngines } from '../node/engines';
import { AnalysisService } from './analysis/analysisService';
import { registerAnnotationFeatures } from './annotations';
import { registerActorCommands } from './commands/actorCommands';
import { registerBoilerplateCommands } from './commands/boilerplateCommands';
import { registerCorpusCommands } from './commands/corpusCommands';
import { registerKbCommands } from './commands/kbCommands';
import { ConfigStore } from './corpus/configStore';
import { CorpusActors } from './corpus/corpusActors';
import { LANGUAGE_ID, registerLanguageAssigner } from './corpus/languageAssigner';
import { BoilerplateCodeActions } from './providers/codeActions';
import { DiagnosticsPublisher } from './providers/diagnostics';
import { DocumentSymbols } from './providers/documentSymbols';
import { HoverProvider } from './providers/hover';
import { LEGEND, SemanticTokensProvider } from './providers/semanticTokens';
import { ActorsView } from './views/actorsView';
import { registerStatusBar } from './views/statusBar';
import { registerDossier } from './webviews/dossierPanel';

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
  const store = new ConfigStore();
  context.subscriptions.push(store);
  await store.init();

  const { engines } = nodeEngines();
  const analyses = new AnalysisService(store, () => engines);
  const diagnostics = new DiagnosticsPublisher(analyses);
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  const corpusActors = new CorpusActors(analyses);
  const actorsView = new ActorsView(analyses, store, corpusActors);
  context.subscriptions.push(
    corpusActors,
    ...actorsView.register(),
    ...registerKbCommands(store, analyses, corpusActors),
    analyses,
    diagnostics,
    registerLanguageAssigner(store),
    vscode.languages.registerDocumentSemanticTokensProvider(selector, new SemanticTokensProvider(analyses), LEGEND),
    vscode.languages.registerHoverProvider(selector, new HoverProvider(analyses)),
    vscode.languages.registerCodeActionsProvider(selector, new BoilerplateCodeActions(analyses), { providedCodeActionKinds: BoilerplateCodeActions.kinds }),
    vscode.languages.registerDocumentSymbolProvider(selector, new DocumentSymbols(analyses), { label: 'News article' }),
    registerStatusBar(analyses),
    ...registerBoilerplateCommands(analyses, store),
    ...registerCorpusCommands(analyses, store, diagnostics),
    ...registerActorCommands(analyses),
  );

  // Keep the corpus index current as articles change on disk.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.txt');
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate((u) => analyses.reindexFile(u)),
    watcher.onDidChange((u) => analyses.reindexFile(u)),
    watcher.onDidDelete((u) => {
      analyses.removeFile(u);
      diagnostics.collection.delete(u);
    }),
    store.onDidChange(() => {
      analyses.invalidateAll();
      void analyses.indexCorpora();
    }),
  );
  registerAnnotationFeatures(context, { analyses, store });
  registerDossier(context, analyses, store);
  const indexed = analyses.indexCorpora().then(() => {
    const reason = nodeEngines().fallbackReason;
    if (reason) void vscode.window.showWarningMessage(`News Corpus Annotator: entities come from the rule-based engine because the trained model could not be loaded (${reason}).`);
  });
  return { store, analyses, diagnostics, actorsView, corpusActors, indexed };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
