// Outside a corpus nothing would hint that the extension exists: when a .txt is
// opened in a folder that is no news corpus, offer once per workspace to mark
// the folder (and never again, everywhere, once the user says so).
import * as vscode from 'vscode';
import { log } from '../log';
import type { ConfigStore } from './configStore';
import { registerTestHook } from '../testHooks';

const SHOWN = 'newsCorpus.corpusOffer.shown';
const NEVER = 'newsCorpus.corpusOffer.never';
export const MARK = 'Mark Folder as News Corpus';
export const NEVER_ASK = "Don't Ask Again";

/** Folders the offer was made for in this session (read by the integration tests). */
export const offersMade: string[] = [];

export function registerCorpusOffer(context: vscode.ExtensionContext, store: ConfigStore): vscode.Disposable {
  const consider = (editor: vscode.TextEditor | undefined) => {
    const doc = editor?.document;
    if (!doc || doc.uri.scheme !== 'file' || doc.languageId !== 'plaintext' || !/\.txt$/i.test(doc.uri.path)) return;
    if (/\/(node_modules|\.git)\//.test(doc.uri.path)) return;
    if (context.workspaceState.get(SHOWN) || context.globalState.get(NEVER)) return;
    // Inside a corpus folder (an excluded file, or a corpus still loading) is not "outside a corpus".
    if (store.all().some((r) => doc.uri.path.startsWith(r.root.path.replace(/\/$/, '') + '/'))) return;
    const folder = vscode.Uri.joinPath(doc.uri, '..');
    void context.workspaceState.update(SHOWN, true);
    offersMade.push(folder.fsPath);
    log.info(`Offered to mark ${vscode.workspace.asRelativePath(folder)} as a news corpus (a .txt was opened outside any corpus).`);
    void vscode.window
      .showInformationMessage(
        `${vscode.workspace.asRelativePath(doc.uri)} is plain text. Mark its folder as a news corpus to see people, organizations, places, dates and boilerplate in its articles?`,
        MARK,
        NEVER_ASK,
      )
      .then((choice) => {
        if (choice === MARK) void vscode.commands.executeCommand('newsCorpus.markFolderAsCorpus', folder);
        else if (choice === NEVER_ASK) void context.globalState.update(NEVER, true);
      });
  };
  // Let the corpus configs load and the language be set before deciding.
  const later = (editor: vscode.TextEditor | undefined) => setTimeout(() => editor === vscode.window.activeTextEditor && consider(editor), 500);
  later(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(later),
    registerTestHook(context, 'newsCorpus.corpusOffers', () => [...offersMade]),
  );
}
