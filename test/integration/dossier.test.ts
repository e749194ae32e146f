// The actor dossier panel in a real extension host: opened by actor id, rendered by its webview
// (which reports what it shows), a mention opened through the same message checks as a click.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

interface PanelState {
  actorId: string;
  title: string;
  articles: number;
  mentions: number;
  rendered?: { name: string; mentions: number; period: string | null };
}
const panels = async () => (await vscode.commands.executeCommand<PanelState[]>('newsCorpus.dossierState')) ?? [];

describe('actor dossier panel', function () {
  this.timeout(60000);
  const ID = 'person:assimi goita';

  before(async () => {
    await (await api()).indexed;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens by actor id, and its webview renders the header and every mention of the articles naming him', async () => {
    await vscode.commands.executeCommand('newsCorpus.openDossier', ID);
    const p = await waitFor('the dossier rendered', async () => (await panels()).find((x) => x.actorId === ID && x.rendered));
    const seen = JSON.stringify(p);
    // The fixture has an article with decomposed accents (NFD): compare composed forms.
    assert.match(p.title.normalize('NFC'), /^Dossier: Assimi Go[iï]ta$/, seen);
    assert.match(p.rendered!.name.normalize('NFC'), /^Assimi Go[iï]ta$/, seen);
    // Earlier suites add articles to the corpus: count those naming him on disk.
    const naming = (await vscode.workspace.findFiles('corpus/**/*.txt')).filter((u) => /Assimi Go[iï]ta/.test(fs.readFileSync(u.fsPath, 'utf8').normalize('NFC')));
    assert.strictEqual(p.articles, naming.length, `${seen} vs ${naming.map((u) => u.path).join(', ')}`);
    assert.ok(p.mentions >= 3, seen);
    assert.strictEqual(p.rendered!.mentions, p.mentions, `the webview lists every mention: ${seen}`);
    assert.strictEqual(p.rendered!.period, null, seen);
  });

  it('opens the oldest article at its first mention, and refuses malformed messages', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.dossierMessage', ID, { type: 'openMention', article: '../x', mention: 0 }), false);
    assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.dossierMessage', ID, { type: 'openMention', article: 0, mention: 0 }), true);
    const editor = await waitFor('the article editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && path.basename(e.document.uri.fsPath) === 'goita-moscow.txt' ? e : undefined;
    });
    assert.match(editor.document.getText(editor.selection), /^(Assimi )?Goita$/);
  });

  it('opens one panel per actor: the same id reveals the open panel', async () => {
    await vscode.commands.executeCommand('newsCorpus.openDossier', ID);
    assert.strictEqual((await panels()).filter((x) => x.actorId === ID).length, 1);
  });
});
