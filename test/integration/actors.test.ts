// Corpus actors in a real VS Code: the Actors view in Corpus mode (filter, expand, reveal), the
// hover's knowledge-base entry, codes and command links, and each knowledge-base command (the
// file's text after the edit, comments kept). Fixture: test/fixtures/workspace/kb-corpus.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { api, find, hoverText, openArticle, semanticTokens, waitFor, wsPath } from './helpers';

const plain = (md: string) => md.replace(/\\(.)/g, '$1').normalize('NFC');

interface TreeLike {
  getChildren(node?: unknown): Promise<unknown[]>;
  getTreeItem(node: unknown): vscode.TreeItem;
}
interface CorpusApi {
  indexed: Promise<void>;
  actorsView: TreeLike;
}

const label = (i: vscode.TreeItem) => (typeof i.label === 'string' ? i.label : i.label?.label ?? '');

describe('corpus actors and the knowledge base', function () {
  this.timeout(90000);
  const article = (name: string) => wsPath('kb-corpus', 'articles', name);
  const kbFile = () => wsPath('kb-corpus', 'actors.kb.yaml');
  let view: TreeLike;
  let original = '';

  before(async () => {
    const a = (await api()) as unknown as CorpusApi;
    await a.indexed;
    view = a.actorsView;
    original = fs.readFileSync(kbFile().fsPath, 'utf8');
    await openArticle(article('2023-08-10-sahel-reaction.txt'));
    await vscode.commands.executeCommand('newsCorpus.actors.showCorpus');
  });

  after(async () => {
    await vscode.commands.executeCommand('newsCorpus.actors.clearFilter');
    await vscode.commands.executeCommand('newsCorpus.actors.showArticle');
  });

  const items = async (node?: unknown) => (await view.getChildren(node)).map((n) => ({ node: n, item: view.getTreeItem(n) }));

  describe('the Actors view in Corpus mode', () => {
    it('groups corpus actors by kind with counts, most articles first, KB-linked marked', async () => {
      const kinds = await waitFor('corpus actors', async () => {
        const k = await items();
        return k.length ? k : undefined;
      });
      assert.deepStrictEqual(kinds.map((k) => label(k.item)), ['People', 'Organizations', 'Places', 'Other names'].filter((l) => kinds.some((k) => label(k.item) === l)));
      const people = await items(kinds.find((k) => label(k.item) === 'People')!.node);
      assert.strictEqual(kinds.find((k) => label(k.item) === 'People')!.item.description, String(people.length));
      assert.deepStrictEqual(people.slice(0, 2).map((p) => [label(p.item), p.item.description]), [
        ['Assimi Goïta', '4 articles · 4 mentions · KB'],
        ['Abdourahamane Tchiani', '3 articles · 3 mentions · KB'],
      ]);
      assert.ok(people.some((p) => label(p.item) === 'Moussa Traoré' && p.item.description === '1 article · 3 mentions'));
    });

    it('expands an actor to its articles, newest first, and an article to the mentions, which open the article', async () => {
      const kinds = await items();
      const people = await items(kinds.find((k) => label(k.item) === 'People')!.node);
      const goita = people.find((p) => label(p.item) === 'Assimi Goïta')!;
      const articles = await items(goita.node);
      assert.deepStrictEqual(articles.map((a) => [label(a.item), a.item.description]), [
        ['Sahel leaders hold first AES summit in Niamey', '2024-07-06'],
        ['Three Sahel juntas sign the Liptako-Gourma Charter', '2023-09-16'],
        ['Mali and Burkina Faso back Niger\'s new rulers', '2023-08-10'],
        ['Former Malian leader Moussa Traoré dies at 83', '2020-09-16'],
      ]);
      const mentions = await items(articles[0].node);
      const at = fs.readFileSync(article('2024-07-06-aes-summit.txt').fsPath, 'utf8').indexOf('Assimi Goïta');
      assert.deepStrictEqual(mentions.map((m) => [m.item.description, m.item.command?.arguments?.slice(1)]), [['line 5', [at, at + 'Assimi Goïta'.length]]]);
      const [uri, start, end] = mentions[0].item.command!.arguments as [vscode.Uri, number, number];
      await vscode.commands.executeCommand(mentions[0].item.command!.command, uri, start, end);
      const editor = vscode.window.activeTextEditor!;
      assert.strictEqual(editor.document.uri.fsPath, article('2024-07-06-aes-summit.txt').fsPath);
      assert.strictEqual(editor.document.getText(editor.selection), 'Assimi Goïta');
      await openArticle(article('2023-08-10-sahel-reaction.txt'));
    });

    it('filters by any name, accents and case ignored', async () => {
      assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.actors.filter', 'TRAORE'), 'TRAORE');
      const kinds = await items();
      assert.deepStrictEqual(kinds.map((k) => [label(k.item), k.item.description]), [['People', '3']]);
      const people = await items(kinds[0].node);
      assert.deepStrictEqual(people.map((p) => label(p.item)).sort(), ['Ibrahim Traore', 'Moussa Traoré', 'Traoré']);
      await vscode.commands.executeCommand('newsCorpus.actors.filter', 'tiani');
      assert.deepStrictEqual((await items(((await items())[0]).node)).map((p) => label(p.item)), ['Abdourahamane Tchiani']);
      await vscode.commands.executeCommand('newsCorpus.actors.clearFilter');
      assert.ok((await items()).length >= 3);
    });

    it('reveals a corpus actor by any of its names', async () => {
      assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.actors.revealActor', 'Tiani'), 'actors.kb.yaml#abdourahamane tchiani');
      assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.actors.revealActor', 'Nobody Known'), undefined);
    });
  });

  describe('hover', () => {
    it('shows the KB entry, the codes in force on the article date and the KB commands', async () => {
      const editor = await openArticle(article('2023-08-10-sahel-reaction.txt'));
      const raw = await hoverText(editor.document, find(editor.document, 'Assimi Goïta', 0, 3));
      const md = plain(raw);
      assert.match(md, /Knowledge base: Assimi Goïta \(actors\.kb\.yaml, line 3\)/);
      assert.ok(md.includes('CAMEO MLIGOV since 2021-05-24 (on 2023-08-10)'), md);
      assert.match(raw, /\[Open in Knowledge Base\]\(command:newsCorpus\.kb\.open\?/);
      assert.match(raw, /\[Merge with…\]\(command:newsCorpus\.kb\.merge\?/);
      assert.match(raw, /\[Set Wikidata Id…\]\(command:newsCorpus\.kb\.setWikidata\?/);
      const tiani = plain(await hoverText(editor.document, find(editor.document, 'Tiani', 0, 2)));
      assert.ok(tiani.includes('Wikidata: `Q120733370`') || tiani.includes('Wikidata: [Q120733370](https://www.wikidata.org/wiki/Q120733370)'), tiani);
      const traore = await hoverText(editor.document, find(editor.document, 'Ibrahim Traoré', 0, 2));
      assert.match(traore, /\[Add to Knowledge Base\]\(command:newsCorpus\.kb\.add\?/);
      assert.doesNotMatch(traore, /Knowledge base:/);
    });
  });

  describe('one kind per corpus actor', () => {
    it('gives an article\u2019s name the kind of its corpus actor in highlighting and says so in the hover', async () => {
      // The tagger reads the lone "Tiani" of this article as another name; the knowledge base (and the
      // corpus) know him as a person.
      const editor = await openArticle(article('2023-08-10-sahel-reaction.txt'));
      const at = find(editor.document, 'Tiani', 0, 0);
      const token = await waitFor('Tiani highlighted as a person', async () => {
        const t = (await semanticTokens(editor.document)).find((x) => x.line === at.line && x.char === at.character);
        return t?.type === 'person' ? t : undefined;
      }, 30_000);
      assert.deepStrictEqual([token.text, token.length], ['Tiani', 5]);
      const md = plain(await hoverText(editor.document, find(editor.document, 'Tiani', 0, 2)));
      assert.match(md, /^\*\*Tiani\*\* — person$/m);
      assert.match(md, /^A person across the corpus; this article alone reads it as an other name$/m);
    });
  });

  describe('knowledge-base commands', () => {
    const corpus = () => wsPath('kb-corpus').toString();
    const goita = () => ({ corpus: corpus(), name: 'Assimi Goïta', kind: 'person', aliases: ['Goïta', 'Goita'], kb: { file: 'actors.kb.yaml', name: 'Assimi Goïta', line: 3 } });
    const read = () => fs.readFileSync(kbFile().fsPath, 'utf8');
    afterEach(async () => {
      const doc = await vscode.workspace.openTextDocument(kbFile());
      const edit = new vscode.WorkspaceEdit();
      edit.replace(kbFile(), new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      await vscode.workspace.applyEdit(edit);
      await doc.save();
    });

    it('Set Wikidata Id… adds the id to the entry, comments kept', async () => {
      await vscode.commands.executeCommand('newsCorpus.kb.setWikidata', goita(), 'Q106558212');
      assert.strictEqual(read(), original.replace('      - { code: MLIGOV, from: 2021-05-24 }\n', '      - { code: MLIGOV, from: 2021-05-24 }\n    wikidata: Q106558212\n'));
    });

    it('Add to Knowledge Base writes an entry with the names seen', async () => {
      await vscode.commands.executeCommand('newsCorpus.kb.add', { corpus: corpus(), name: 'Bola Tinubu', kind: 'person', aliases: ['Tinubu'] });
      assert.strictEqual(read(), original + '  - name: Bola Tinubu\n    kind: person\n    aliases: [Tinubu]\n');
    });

    it('Merge with… adds the other actor\'s names to the entry', async () => {
      await vscode.commands.executeCommand('newsCorpus.kb.merge', goita(), 'Moussa Traoré');
      assert.strictEqual(read(), original.replace('aliases: [Goita]', 'aliases: [Goita, Moussa Traoré, Traoré]'));
    });

    it('Split removes one other name, in one undo step', async () => {
      await vscode.commands.executeCommand('newsCorpus.kb.split', { corpus: corpus(), name: 'Abdourahamane Tchiani', kind: 'person', aliases: ['Tiani'], kb: { file: 'actors.kb.yaml', name: 'Abdourahamane Tchiani', line: 9 } }, 'Tiani');
      assert.strictEqual(read(), original.replace('aliases: [Abdourahamane Tiani, Tiani]', 'aliases: [Abdourahamane Tiani]'));
      const doc = await vscode.workspace.openTextDocument(kbFile());
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), original);
    });

    it('Open in Knowledge Base jumps to the entry', async () => {
      assert.strictEqual(await vscode.commands.executeCommand('newsCorpus.kb.open', goita()), 'actors.kb.yaml:3');
      const editor = vscode.window.activeTextEditor!;
      assert.strictEqual(editor.document.uri.fsPath, kbFile().fsPath);
      assert.strictEqual(editor.selection.active.line, 2);
    });
  });
});
