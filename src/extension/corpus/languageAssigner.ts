// .txt files of a news corpus open as "news-article"; other .txt files stay plain text.
import * as vscode from 'vscode';
import type { ConfigStore } from './configStore';

export const LANGUAGE_ID = 'news-article';

export function registerLanguageAssigner(store: ConfigStore): vscode.Disposable {
  const assign = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'plaintext' || !/\.txt$/i.test(doc.uri.path)) return;
    if (store.locate(doc.uri)) void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  };
  const revisit = () => {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.languageId === 'plaintext') assign(doc);
      else if (doc.languageId === LANGUAGE_ID && !store.locate(doc.uri)) void vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    }
  };
  revisit();
  return vscode.Disposable.from(vscode.workspace.onDidOpenTextDocument(assign), store.onDidChange(revisit));
}
