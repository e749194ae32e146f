// Hand annotation in the editor: brat standoff beside each article, suggestions
// from the engines to accept or reject, export and clean corpus.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../corpus/languageAssigner';
import { AnnotationManager, type AnnotationServices } from './annotationManager';
import { registerAnnotationCommands } from './commands';
import { AnnotationDecorations } from './decorations';
import { registerExportCommands } from './exportCommands';
import { registerImportCommand } from './importCommand';
import { AnnotatingMode } from './mode';
import { underTest } from '../testHooks';
import { AnnotationCodeActions, AnnotationDiagnostics, AnnotationHover } from './providers';

export type { AnnotationServices } from './annotationManager';

/** Registers everything; returns the manager (for other features and tests). */
export function registerAnnotationFeatures(context: vscode.ExtensionContext, services: AnnotationServices): AnnotationManager {
  const mode = new AnnotatingMode(context.workspaceState);
  const manager = new AnnotationManager(services, () => mode.on);
  // Suggestions come from the latest analysis: redraw when analyses change and when a new one arrives.
  const analysisChanged = (listener: () => unknown) =>
    vscode.Disposable.from(services.analyses.onDidChange(listener), services.analyses.onDidAnalyse(listener));
  const decorations = new AnnotationDecorations(manager, analysisChanged, mode.onDidChange);
  const diagnostics = new AnnotationDiagnostics(manager);
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID, scheme: 'file' };
  context.subscriptions.push(
    mode,
    manager,
    decorations,
    diagnostics,
    // The '*' selector scores lower (5) than the article hover's language selector (10), so the
    // one-line annotation/suggestion hover comes after the actor or date hover, not before it.
    // It answers only for articles whose annotations are loaded.
    vscode.languages.registerHoverProvider('*', new AnnotationHover(manager)),
    vscode.languages.registerCodeActionsProvider(selector, new AnnotationCodeActions(manager), { providedCodeActionKinds: AnnotationCodeActions.kinds }),
    ...registerAnnotationCommands(manager),
    ...registerExportCommands(manager, services),
    registerImportCommand(manager, services),
  );
  if (underTest(context)) {
    context.subscriptions.push(
      // Test hook: what is drawn (solid = confirmed, dotted = suggestion, wavy = damaged) in an article's editor.
      vscode.commands.registerCommand('newsCorpus.annotationDecorations', async (uri?: vscode.Uri) => {
        const target = uri ?? vscode.window.activeTextEditor?.document.uri;
        if (!target) return undefined;
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
        if (doc) await manager.ensure(doc);
        return decorations.current(target);
      }),
      vscode.commands.registerCommand('newsCorpus.annotationMessages', () => [...manager.messages]),
    );
  }
  return manager;
}
