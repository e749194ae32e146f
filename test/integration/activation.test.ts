// The packaged extension is present, activates, and claims .txt files inside a corpus (a folder with
// newscorpus.yaml) as `news-article` while leaving other .txt files as plain text.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'news-corpus.news-corpus-annotator';

/** Poll until check() returns a value (not undefined) or the time is up. */
async function waitFor<T>(what: string, check: () => T | undefined, ms = 10000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The current document for a URI (changing the language replaces the TextDocument object). */
function docFor(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

async function open(uri: vscode.Uri): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
}

describe('activation', () => {
  let corpusArticle: vscode.Uri;
  let plainText: vscode.Uri;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace is open');
    const configs = (await vscode.workspace.findFiles('**/newscorpus.yaml')).map((c) => c.fsPath).sort();
    assert.ok(configs.length > 0, 'the fixture workspace holds a newscorpus.yaml');
    // The fixture corpus is corpus/ (other folders hold edge cases such as a broken config).
    const main = configs.find((c) => path.basename(path.dirname(c)) === 'corpus') ?? configs[0];
    const corpusRoot = path.dirname(main) + path.sep;
    const plainDir = path.join(folder.uri.fsPath, 'plain') + path.sep;
    const texts = (await vscode.workspace.findFiles('**/*.txt')).sort((a, b) => a.fsPath.localeCompare(b.fsPath));
    // an ordinary article: inside the corpus, not one of the odd inputs (binary, empty …)
    const article = texts.find((u) => u.fsPath.startsWith(corpusRoot) && !u.fsPath.includes(`${path.sep}inputs${path.sep}`));
    const plain = texts.find((u) => u.fsPath.startsWith(plainDir));
    assert.ok(article, `a .txt inside the corpus ${corpusRoot}`);
    assert.ok(plain, `a .txt under ${plainDir}, outside any corpus`);
    corpusArticle = article;
    plainText = plain;
  });

  it('is installed from the packaged extension and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed (${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')})`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual(ext.packageJSON.name, 'news-corpus-annotator');
  });

  it('opens a .txt inside the corpus as news-article', async () => {
    await open(corpusArticle);
    const doc = await waitFor(`languageId news-article on ${corpusArticle.fsPath}`,
      () => { const d = docFor(corpusArticle); return d?.languageId === 'news-article' ? d : undefined; });
    assert.strictEqual(doc.languageId, 'news-article');
  });

  it('leaves a .txt outside any corpus as plaintext', async () => {
    await open(plainText);
    // Give the extension as long as it took for the corpus file, then some: it must not switch it.
    await new Promise((r) => setTimeout(r, 1500));
    const doc = docFor(plainText);
    assert.ok(doc, 'the plain file is open');
    assert.strictEqual(doc.languageId, 'plaintext');
  });
});
