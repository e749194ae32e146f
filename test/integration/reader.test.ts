// As a new user sees it: prose settings for articles, reading vs annotating mode,
// the walkthrough, and the offer to mark a folder opened outside a corpus.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, openArticle, semanticTokens, waitFor, wsPath } from './helpers';

interface Drawn {
  start: number;
  end: number;
  label: string;
}

describe('as a new user sees it', function () {
  this.timeout(60000);

  before(async () => {
    await (await api()).indexed;
  });

  it('wraps article lines and draws no ambiguous-character boxes, no minimap, no quick suggestions', async () => {
    const editor = await openArticle(wsPath('corpus', 'site-a', 'lome-corridor.txt'));
    const effective = vscode.workspace.getConfiguration('editor', editor.document);
    assert.strictEqual(effective.get('wordWrap'), 'on');
    assert.strictEqual(effective.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.strictEqual(effective.get('minimap.enabled'), false);
    assert.deepStrictEqual(effective.get('quickSuggestions'), { comments: 'off', strings: 'off', other: 'off' });
    // Only for articles: plain text keeps VS Code's defaults.
    const plain = vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' });
    assert.strictEqual(plain.get('wordWrap'), 'off');
  });

  describe('reading and annotating', () => {
    const rel = ['corpus', 'site-a', 'mode-test.txt'];
    const decorations = async (uri: vscode.Uri) =>
      (await vscode.commands.executeCommand<{ suggestions: Drawn[] }>('newsCorpus.annotationDecorations', uri))!;

    before(() => {
      fs.copyFileSync(wsPath('corpus', 'site-a', 'lome-corridor.txt').fsPath, wsPath(...rel).fsPath);
    });
    after(async () => {
      await vscode.commands.executeCommand('newsCorpus.toggleAnnotatingMode', false);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const f of ['mode-test.txt', 'mode-test.ann', 'mode-test.rejected.json']) fs.rmSync(wsPath('corpus', 'site-a', f).fsPath, { force: true });
    });

    it('reading (the default) colors entities and underlines no suggestion; annotating underlines them', async () => {
      const uri = wsPath(...rel);
      const editor = await openArticle(uri);
      assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.toggleAnnotatingMode', false), false);
      // The entities are there (colored) ...
      await waitFor('entity tokens', async () => (await semanticTokens(editor.document)).some((t) => t.type === 'person'));
      await new Promise((r) => setTimeout(r, 500));
      // ... but no suggestion is drawn while reading.
      assert.deepStrictEqual((await decorations(uri)).suggestions, []);
      assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.toggleAnnotatingMode'), true);
      const drawn = await waitFor('suggestions drawn in annotating mode', async () => {
        const d = await decorations(uri);
        return d.suggestions.length > 0 ? d.suggestions : undefined;
      });
      const text = editor.document.getText();
      assert.ok(drawn.some((s) => text.slice(s.start, s.end) === 'Faure Gnassingbé' && s.label === 'PER'), JSON.stringify(drawn));
      assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.toggleAnnotatingMode'), false);
      await waitFor('no suggestions once reading again', async () => (await decorations(uri)).suggestions.length === 0);
    });
  });

  it('contributes a walkthrough: corpus, reading, boilerplate, annotating, export', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const walkthroughs = ext.packageJSON.contributes.walkthroughs as { id: string; steps: { id: string; description: string; media: { markdown: string } }[] }[];
    assert.strictEqual(walkthroughs.length, 1);
    assert.deepStrictEqual(walkthroughs[0].steps.map((s) => s.id), ['corpus', 'read', 'boilerplate', 'annotate', 'export']);
    for (const s of walkthroughs[0].steps) {
      assert.ok(fs.existsSync(path.join(ext.extensionPath, s.media.markdown)), `${s.media.markdown} is packaged`);
    }
  });

  it('the walkthrough buttons run commands that exist', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const all = new Set(await vscode.commands.getCommands(true));
    const steps = (ext.packageJSON.contributes.walkthroughs as { steps: { description: string }[] }[])[0].steps;
    const commands = steps.flatMap((s) => [...s.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]));
    assert.ok(commands.length >= 5);
    for (const c of commands) assert.ok(all.has(c), `${c} is a command`);
  });

  it('offers once per workspace to mark the folder of a .txt opened outside a corpus', async () => {
    const notes = wsPath('plain', 'notes.txt');
    const second = wsPath('plain', 'second.txt');
    fs.writeFileSync(second.fsPath, 'Another plain text file.\n');
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes), { preview: false });
      const offers = await waitFor('the offer', async () => {
        const o = await vscode.commands.executeCommand<string[]>('newsCorpus.corpusOffers');
        return o && o.length > 0 ? o : undefined;
      });
      assert.deepStrictEqual(offers, [path.dirname(notes.fsPath)]);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(second), { preview: false });
      await new Promise((r) => setTimeout(r, 1500));
      assert.deepStrictEqual(await vscode.commands.executeCommand<string[]>('newsCorpus.corpusOffers'), offers, 'not offered again in this workspace');
      // Never for an article of a corpus.
      await openArticle(wsPath('corpus', 'site-a', 'lome-corridor.txt'));
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepStrictEqual(await vscode.commands.executeCommand<string[]>('newsCorpus.corpusOffers'), offers);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(second.fsPath, { force: true });
    }
  });
});
