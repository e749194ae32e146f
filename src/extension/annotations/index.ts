// Hand annotation in the editor: brat standoff beside each article, suggestions
// from the engines to accept or reject, export and clean corpus.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../corpus/languageAssigner';
import { AnnotationManager, type AnnotationServices } from './annotationManager';
import { registerAnnotationCommands } from './commands';
import { AnnotationDecorations } from './decorations';
import { registerExportCommands } from './exportCommands';
import { registerImportCommand } from './importCommand';
import { AnnotationCodeActions, AnnotationDiagnostics, AnnotationHover } from './providers';

export type { AnnotationServices } from './annotationManager';

/**
 * Test hooks are registered only under test: in the extension's test mode, or when the test
 * harness sets NEWS_CORPUS_TEST_HOOKS=1 for the extension host (it tests the packaged extension,
 * which runs in production mode). They are not contributed in package.json.
 */
function underTest(context: vscode.ExtensionContext): boolean {
  return context.extensionMode === vscode.ExtensionMode.Test || process.env.NEWS_CORPUS_TEST_HOOKS === '1';
}

/** Registers everything; returns the manager (for other features and tests). */
export function registerAnnotationFeatures(context: vscode.ExtensionContext, services: AnnotationServices): AnnotationManager {
  const manager = new AnnotationManager(services);
  const decorations = new AnnotationDecorations(manager, services.analyses.onDidChange);
  const diagnostics = new AnnotationDiagnostics(manager);
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID, scheme: 'file' };
  context.subscriptions.push(
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
