// Test hooks (commands that report internal state to the integration tests) are registered only
// under test: in the extension's test mode, or when the test harness sets NEWS_CORPUS_TEST_HOOKS=1
// for the extension host (it tests the packaged extension, which runs in production mode). They are
// not contributed in package.json, so a user never sees them.
import * as vscode from 'vscode';

export function underTest(context: vscode.ExtensionContext): boolean {
  return context.extensionMode === vscode.ExtensionMode.Test || process.env.NEWS_CORPUS_TEST_HOOKS === '1';
}

/** Registers a test hook command, only under test (else a no-op disposable). */
export function registerTestHook(context: vscode.ExtensionContext, id: string, handler: (...args: unknown[]) => unknown): vscode.Disposable {
  return underTest(context) ? vscode.commands.registerCommand(id, handler) : new vscode.Disposable(() => undefined);
}
