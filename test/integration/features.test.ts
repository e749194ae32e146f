// The extension's features in a real VS Code extension host, on the fixture
// workspace (test/fixtures/workspace, copied to a temp folder by the harness).
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { api, diagnosticsOf, find, hoverText, openArticle, semanticTokens, waitFor, wsPath } from './helpers';

const plain = (md: string) => md.replace(/\\(.)/g, '$1').normalize('NFC');
const lines = (d: vscode.Diagnostic[]) => d.map((x) => x.range.start.line);

describe('news articles in the editor', function () {
  this.timeout(60000);
  const lome = () => wsPath('corpus', 'site-a', 'lome-corridor.txt');
  const border = () => wsPath('corpus', 'site-b', 'border-patrols.txt');

  before(async () => {
    await (await api()).indexed;
  });

  describe('semantic tokens', () => {
    it('colours people, places, demonyms and dates with exact ranges, and nothing on boilerplate lines', async () => {
      const editor = await openArticle(border());
      const toks = await waitFor('semantic tokens', async () => {
        const t = await semanticTokens(editor.document);
        return t.length ? t : undefined;
      });
      const on = (line: number) => toks.filter((t) => t.line === line).map((t) => `${t.text}|${t.type}${t.modifiers.length ? '+' + t.modifiers.join('+') : ''}@${t.char}`);
      assert.deepStrictEqual(on(1), [
        'Burkina Faso|place@0',
        'Ibrahim Traoré|person@23',
        'Malian|place+demonym@54',
        'Assimi Goïta|person@72',
        'Tuesday|date@96',
        'Malian|place+demonym@189',
      ]);
      assert.deepStrictEqual(on(2), ['Mali|place@0', '2012|date@45', '2020|date@88']);
      assert.deepStrictEqual(on(4), [], 'the duplicate paragraph is not coloured');
      assert.deepStrictEqual(on(6), [], 'the "Read more" line is not coloured');
    });
  });

  describe('hovers', () => {
    it('summarise an actor: name, kind, roles, other names, corpus articles and companions', async () => {
      const editor = await openArticle(border());
      const md = plain(await hoverText(editor.document, find(editor.document, 'Goïta', 0, 2)));
      assert.ok(md.includes('**Assimi Goïta** — person'), md);
      assert.match(md, /Roles and titles: \*interim Malian President\*/);
      assert.match(md, /Also named: Goita/);
      assert.match(md, /Mentions in this article: 2/);
      assert.match(md, /In the corpus: 3 of \d+ articles \(site-b\/border-patrols\.txt, site-b\/crlf-bom\.txt, site-b\/goita-moscow\.txt\)/);
      assert.match(md, /Appears with: .*Ibrahim Traoré \(person\)/);
    });

    it('link a demonym to its country', async () => {
      const editor = await openArticle(border());
      const md = plain(await hoverText(editor.document, find(editor.document, 'Malian', 0, 1)));
      assert.ok(md.includes('**Mali** — place'), md);
      assert.match(md, /"Malian" refers to Mali/);
    });

    it('give the roles another article gives', async () => {
      const editor = await openArticle(wsPath('corpus', 'site-b', 'goita-moscow.txt'));
      const putin = plain(await hoverText(editor.document, find(editor.document, 'Vladimir Putin', 0, 10)));
      assert.ok(putin.includes('**Vladimir Putin** — person'), putin);
      assert.match(putin, /\*Russian President\*/);
      const goita = plain(await hoverText(editor.document, find(editor.document, 'Assimi Goita', 0, 8)));
      assert.match(goita, /\*Colonel\*/);
    });

    it('resolve a date against the article date from newscorpus.yaml', async () => {
      const editor = await openArticle(border());
      const year = plain(await hoverText(editor.document, find(editor.document, '2012', 0, 1)));
      assert.ok(year.includes('**2012** — date'), year);
      assert.match(year, /Value: `2012`/);
      assert.match(year, /2025-09-20/);
      const rel = plain(await hoverText(editor.document, find(editor.document, 'the following year', 0, 2)));
      assert.match(rel, /Value: `2021-05`/);
    });

    it('infer the article date from the text when the map has none', async () => {
      const editor = await openArticle(lome());
      const md = plain(await hoverText(editor.document, find(editor.document, 'September 4, 2025', 0, 3)));
      assert.match(md, /Value: `2025-09-04`/);
      assert.match(md, /Article date: 2025-09-04 \(first full date in the text, line 3\)/);
    });

    it('escape article text: no link or markup from the text survives', async () => {
      const uri = wsPath('corpus', 'site-b', 'markup.txt');
      fs.writeFileSync(uri.fsPath, 'Hostile markup test\nThe spokesman Jean [Click](command:workbench.action.quit) Dupont spoke in Bamako on Monday.\n');
      const editor = await openArticle(uri);
      const md = await hoverText(editor.document, find(editor.document, 'Bamako', 0, 1));
      assert.ok(md.length > 0, 'a hover');
      for (const h of await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, find(editor.document, 'Bamako', 0, 1))) {
        // Trusted at most for the knowledge-base commands of the hover's own links.
        for (const c of h.contents) if (c instanceof vscode.MarkdownString) assert.ok(c.isTrusted === false || c.isTrusted === undefined || (typeof c.isTrusted === 'object' && c.isTrusted.enabledCommands?.every((x) => x.startsWith('newsCorpus.kb.') || x === 'newsCorpus.openDossier')), JSON.stringify(c.isTrusted));
      }
      assert.doesNotMatch(md, /\]\(command:workbench/);
      for (const m of md.matchAll(/\]\(command:([\w.]+)/g)) assert.match(m[1], /^(newsCorpus\.kb\.\w+|newsCorpus\.openDossier)$/);
    });
  });

  describe('boilerplate diagnostics', () => {
    it('flag exactly the non-article lines of a blank-line article, with categories', async () => {
      await openArticle(lome());
      const d = await waitFor('diagnostics', () => (diagnosticsOf(lome()).length ? diagnosticsOf(lome()) : undefined));
      assert.deepStrictEqual(
        d.map((x) => `${x.range.start.line}:${x.code}`),
        ['8:byline', '10:related', '12:related', '14:related', '16:related', '18:related', '20:comments', '22:comments'],
      );
      for (const x of d) {
        assert.strictEqual(x.severity, vscode.DiagnosticSeverity.Warning);
        assert.strictEqual(x.range.start.character, 0);
        // The category once (the code is its id), the line, and why it was flagged.
        assert.match(x.message, /^[A-Z"][^(]* \(".+"\): .+/, x.message);
        assert.doesNotMatch(x.message, /^Boilerplate \(/);
      }
      assert.strictEqual(d[0].message, 'Byline ("Awa DIALLO"): a name on a line of its own after the article body');
      assert.strictEqual(d[6].message, 'Comment section ("Leave a Reply"): the line is the phrase "leave a reply"');
      assert.deepStrictEqual(d[0].range, new vscode.Range(8, 0, 8, 'Awa DIALLO'.length));
    });

    it('show a repeated paragraph at information level, pointing at the first occurrence', async () => {
      await openArticle(border());
      const d = await waitFor('diagnostics', () => (diagnosticsOf(border()).length ? diagnosticsOf(border()) : undefined));
      assert.deepStrictEqual(d.map((x) => `${x.range.start.line}:${x.code}:${x.severity}`), [
        `4:duplicate:${vscode.DiagnosticSeverity.Information}`,
        `6:read-more:${vscode.DiagnosticSeverity.Warning}`,
      ]);
      assert.strictEqual(d[0].relatedInformation?.[0].location.range.start.line, 2);
    });

    it('take their severity from the settings', async () => {
      const cfg = vscode.workspace.getConfiguration('newsCorpus.boilerplate');
      await cfg.update('severity', 'error', vscode.ConfigurationTarget.Workspace);
      try {
        await waitFor('error severity', () => diagnosticsOf(border()).find((x) => x.code === 'read-more')?.severity === vscode.DiagnosticSeverity.Error);
      } finally {
        await cfg.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitFor('warning severity again', () => diagnosticsOf(border()).find((x) => x.code === 'read-more')?.severity === vscode.DiagnosticSeverity.Warning);
    });

    it('keep offsets right with CRLF, a BOM and decomposed accents', async () => {
      const uri = wsPath('corpus', 'site-b', 'crlf-bom.txt');
      const editor = await openArticle(uri);
      assert.strictEqual(editor.document.eol, vscode.EndOfLine.CRLF);
      const d = await waitFor('diagnostics', () => (diagnosticsOf(uri).length ? diagnosticsOf(uri) : undefined));
      assert.deepStrictEqual(d.map((x) => [x.code, x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character]), [
        ['share', 2, 0, 2, 'Share this: Facebook Twitter WhatsApp'.length],
      ]);
      const md = plain(await hoverText(editor.document, find(editor.document, 'Assimi', 0, 1)));
      assert.ok(md.includes('**Assimi Goïta** — person'), md);
    });
  });

  describe('quick fixes', () => {
    const copy = (name: string) => {
      const uri = wsPath('corpus', 'site-a', name);
      fs.copyFileSync(lome().fsPath, uri.fsPath);
      return uri;
    };
    const original = () => fs.readFileSync(lome().fsPath, 'utf8').split('\n');
    // Three identical articles would make every line a corpus template: remove each copy after its test.
    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      for (const name of ['fix-block.txt', 'fix-all.txt', 'fix-keep.txt']) fs.rmSync(wsPath('corpus', 'site-a', name).fsPath, { force: true });
      await new Promise((r) => setTimeout(r, 300));
    });

    it('remove the whole block of flagged lines around "Posts Grid", blank lines included, saying how many lines', async () => {
      const uri = copy('fix-block.txt');
      const editor = await openArticle(uri);
      const diag = await waitFor('diagnostic on line 10', () => diagnosticsOf(uri).find((x) => x.range.start.line === 10));
      assert.match(diag.message, /^Related-post teaser \("Posts Grid"\): the line is the phrase "posts grid"$/);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((a) => a.title);
      // The byline (line 9), the heading, the teasers and the comment form (line 23) are one run.
      assert.deepStrictEqual(titles.slice(0, 3), [
        'Remove this boilerplate block (15 lines, 9–23)',
        'Remove all boilerplate in this file',
        'Keep as article text (remember in newscorpus.yaml)',
      ]);
      assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
      assert.strictEqual(editor.document.getText(), original().slice(0, 7).join('\n'));
    });

    it('remove all boilerplate in the file', async () => {
      const uri = copy('fix-all.txt');
      const editor = await openArticle(uri);
      await waitFor('diagnostics', () => diagnosticsOf(uri).length > 0);
      const removed = await vscode.commands.executeCommand<number>('newsCorpus.removeAllBoilerplate', uri);
      assert.strictEqual(removed, 8);
      assert.strictEqual(editor.document.getText(), original().slice(0, 7).join('\n'));
      await waitFor('no diagnostics left', () => diagnosticsOf(uri).length === 0);
    });

    it('keep a line as article text, remembered in newscorpus.yaml', async () => {
      const uri = copy('fix-keep.txt');
      await openArticle(uri);
      await waitFor('byline diagnostic', () => diagnosticsOf(uri).some((x) => x.code === 'byline'));
      const configUri = wsPath('corpus', 'newscorpus.yaml');
      const before = fs.readFileSync(configUri.fsPath, 'utf8');
      try {
        assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.keepAsArticle', uri, 8), true);
        const after = fs.readFileSync(configUri.fsPath, 'utf8');
        // One item added; the user's formatting ("[person, organization, …]", "[EVENT]") untouched.
        assert.strictEqual(after, before.replace('    - "Follow us on Telegram"\n', '    - "Follow us on Telegram"\n  keep:\n    - awa diallo\n'));
        assert.match(after, /^  kinds: \[person, organization, place, other\]$/m);
        await waitFor('byline no longer flagged', () => !diagnosticsOf(uri).some((x) => x.range.start.line === 8) && diagnosticsOf(uri).length > 0);
        // The status bar's Undo takes exactly that item out again.
        assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.undoKeepAsArticle'), true);
        assert.strictEqual(fs.readFileSync(configUri.fsPath, 'utf8'), before);
        await waitFor('byline flagged after the undo', () => diagnosticsOf(uri).some((x) => x.range.start.line === 8));
      } finally {
        const doc = await vscode.workspace.openTextDocument(configUri);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(configUri, new vscode.Range(0, 0, doc.lineCount, 0), before);
        await vscode.workspace.applyEdit(edit);
        await doc.save();
      }
      await waitFor('byline flagged again', () => diagnosticsOf(uri).some((x) => x.range.start.line === 8));
    });
  });

  describe('outline', () => {
    it('shows the headline, the paragraphs and their entities', async () => {
      const editor = await openArticle(lome());
      const symbols = await waitFor('symbols', async () => {
        const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
        return s?.length ? s : undefined;
      });
      assert.strictEqual(symbols[0].name, 'Niger and Togo agree on new port corridor at Lome talks');
      assert.strictEqual(symbols[0].kind, vscode.SymbolKind.File);
      assert.strictEqual(symbols.length, 12, symbols.map((s) => s.name).join(' | '));
      assert.ok(symbols[1].name.startsWith('¶ 1  On September 4, 2025'), symbols[1].name);
      const people = symbols[1].children.filter((c) => c.detail === 'person').map((c) => c.name);
      assert.deepStrictEqual(people, ['Abdourahamane Tiani', 'Faure Gnassingbé', 'Bakary Yaou Sangaré']);
      assert.deepStrictEqual(symbols[1].children.find((c) => c.name === 'Abdourahamane Tiani')!.range, new vscode.Range(2, 50, 2, 69));
      assert.strictEqual(symbols[4].detail, 'boilerplate: byline');
      assert.deepStrictEqual(symbols[4].children, [], 'no entities listed inside boilerplate');
    });
  });

  describe('commands', () => {
    it('go to the next and previous boilerplate line', async () => {
      const editor = await openArticle(lome());
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.nextBoilerplate'), 8);
      assert.strictEqual(editor.selection.start.line, 8);
      assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.nextBoilerplate'), 10);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.previousBoilerplate'), 22, 'wraps around');
    });

    it('list the actors of the article and select all mentions of the one picked', async () => {
      const editor = await openArticle(border());
      const picked = vscode.commands.executeCommand<string>('newsCorpus.showActors');
      await new Promise((r) => setTimeout(r, 800));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const name = await picked;
      assert.strictEqual(name, 'Mali');
      assert.deepStrictEqual(
        editor.selections.map((s) => editor.document.getText(s)),
        ['Mali', 'Malian', 'Malian', 'Mali'],
      );
    });

    it('open the corpus config of the active article', async () => {
      await openArticle(lome());
      const uri = await vscode.commands.executeCommand<vscode.Uri>('newsCorpus.openConfig');
      assert.strictEqual(uri?.fsPath, wsPath('corpus', 'newscorpus.yaml').fsPath);
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, uri?.fsPath);
    });

    it('mark a folder as a news corpus: its .txt files become news articles', async () => {
      const dir = wsPath('fresh');
      fs.mkdirSync(dir.fsPath, { recursive: true });
      const story = vscode.Uri.joinPath(dir, 'story.txt');
      fs.writeFileSync(story.fsPath, 'Dakar hosts regional summit\nLeaders from six countries met in Dakar on Friday.\n');
      await openArticle(story, 'plaintext');
      const configUri = await vscode.commands.executeCommand<vscode.Uri>('newsCorpus.markFolderAsCorpus', dir);
      assert.ok(fs.existsSync(configUri.fsPath));
      assert.match(fs.readFileSync(configUri.fsPath, 'utf8'), /^include:\n {2}- "\*\*\/\*\.txt"/m);
      const editor = await openArticle(story, 'news-article');
      // The new corpus is indexed too: its one article is counted in the hover.
      await waitFor('the new corpus indexed', async () => /In the corpus: 1 of 1 article \(story\.txt\)/.test(plain(await hoverText(editor.document, find(editor.document, 'Dakar', 1, 1)))));
    });

    it('scan the corpus into Problems, unopened articles included, skipping binary files with a reason', async () => {
      const unopened = wsPath('corpus', 'site-a', 'unopened-market.txt');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === unopened.fsPath), 'the article is not open');
      assert.deepStrictEqual(diagnosticsOf(unopened), []);
      const summary = await vscode.commands.executeCommand<{ files: number; findings: number; skipped: string[] }>('newsCorpus.scanCorpus');
      assert.ok(summary.files >= 8, JSON.stringify(summary));
      assert.deepStrictEqual(summary.skipped.map((s) => s.replace(/\\/g, '/')), ['corpus/inputs/binary.txt']);
      assert.deepStrictEqual(diagnosticsOf(unopened).map((d) => `${d.range.start.line}:${d.code}`), ['3:share']);
      const latin1 = diagnosticsOf(wsPath('corpus', 'inputs', 'latin1.txt'));
      assert.deepStrictEqual(latin1.map((d) => d.code), ['input-invalid-utf8']);
      fs.rmSync(unopened.fsPath);
      await waitFor('diagnostics of a deleted article dropped', () => diagnosticsOf(unopened).length === 0);
    });
  });

  describe('config and plain text', () => {
    it('shows a broken newscorpus.yaml at the exact line, and defaults apply meanwhile', async () => {
      const configUri = wsPath('badconfig', 'newscorpus.yaml');
      const d = await waitFor('yaml diagnostics', () => {
        const x = vscode.languages.getDiagnostics(configUri);
        return x.length ? x : undefined;
      });
      assert.strictEqual(d.length, 1);
      assert.strictEqual(d[0].severity, vscode.DiagnosticSeverity.Error);
      assert.deepStrictEqual([d[0].range.start.line, d[0].range.start.character], [4, 11]);
      assert.match(d[0].message, /YAML syntax error: .*Defaults apply until this is fixed\./);
      const article = wsPath('badconfig', 'article.txt');
      await openArticle(article);
      await waitFor('defaults flag the read-more line', () => diagnosticsOf(article).some((x) => x.code === 'read-more'));
    });

    it('leaves a .txt outside any corpus alone: no language change, hover, tokens or diagnostics', async () => {
      const uri = wsPath('plain', 'notes.txt');
      const editor = await openArticle(uri, 'plaintext');
      await new Promise((r) => setTimeout(r, 500));
      assert.strictEqual(editor.document.languageId, 'plaintext');
      assert.deepStrictEqual(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, find(editor.document, 'Assimi', 0, 1)), []);
      assert.deepStrictEqual(vscode.languages.getDiagnostics(uri), []);
      assert.strictEqual(await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri), undefined);
    });
  });

  describe('bad input', () => {
    it('opens an empty article without findings', async () => {
      const uri = wsPath('corpus', 'inputs', 'empty.txt');
      await openArticle(uri);
      await new Promise((r) => setTimeout(r, 400));
      assert.deepStrictEqual(diagnosticsOf(uri), []);
    });

    it('bounds the work on a 20 MB article and says what was left out', async () => {
      const uri = wsPath('corpus', 'site-a', 'huge.txt');
      const para = 'Officials in Bamako said on Monday that talks with ECOWAS would resume, according to the Malian presidency.\n';
      fs.writeFileSync(uri.fsPath, 'Huge article\n' + para.repeat(Math.ceil((20 * 1024 * 1024) / para.length)));
      await vscode.workspace.openTextDocument(uri);
      const d = await waitFor('too-large diagnostic', () => diagnosticsOf(uri).find((x) => x.code === 'input-too-large'), 60000);
      assert.match(d.message, /only the first [\d,]+ were analysed/);
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    });
  });
});
