// "News: Import Annotations (JSONL)…" in a real extension host: a JSONL file
// (spaCy spans; one record whose text is not the article's) imported into the
// corpus of the open article; the .ann keeps its line and gains the new ones,
// the mismatching record is skipped, and the open editor draws the imported
// annotations. Article and JSONL are invented and written into the temp copy of
// the fixture workspace.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, openArticle, waitFor } from './helpers';

interface Drawn {
  start: number;
  end: number;
  label: string;
}
interface ImportReport {
  totals: { lines: number; files: number; added: number; identical: number; skippedLines: number };
  skippedLines: { line: number; message: string }[];
  files: { rel: string; added: number; written: boolean }[];
}

// The ship before the names: JSONL offsets (code points) differ from the editor's (UTF-16).
const ARTICLE = 'Ferry 🚢 link reopens\nNoor Haddad of the Calvi Port Authority said the ferry to Ostra sails again on Monday.\n';
const cp = (s: string) => [...ARTICLE.slice(0, ARTICLE.indexOf(s))].length;
const u16 = (s: string) => ARTICLE.indexOf(s);

describe('import annotations (JSONL)', function () {
  this.timeout(60000);
  let dir: string;
  let txtPath: string;
  let annPath: string;
  let jsonlPath: string;
  let uri: vscode.Uri;
  const existing = `T1\tPER ${cp('Noor Haddad')} ${cp('Noor Haddad') + 11}\tNoor Haddad\n`;

  before(async () => {
    await api();
    const configs = await vscode.workspace.findFiles('**/newscorpus.yaml');
    const corpusConfig = configs.find((c) => /[\\/]corpus[\\/]newscorpus\.yaml$/.test(c.fsPath));
    assert.ok(corpusConfig, 'the fixture corpus');
    const root = path.dirname(corpusConfig.fsPath);
    dir = path.join(root, 'import-test');
    fs.mkdirSync(dir, { recursive: true });
    txtPath = path.join(dir, 'ferry.txt');
    annPath = path.join(dir, 'ferry.ann');
    jsonlPath = path.join(dir, 'from-prodigy.jsonl');
    fs.writeFileSync(txtPath, ARTICLE);
    fs.writeFileSync(annPath, existing);
    const rel = path.relative(root, txtPath).split(path.sep).join('/');
    const changed = ARTICLE.replace('Monday', 'Sunday');
    fs.writeFileSync(
      jsonlPath,
      [
        { text: ARTICLE, spans: [{ start: cp('Noor Haddad'), end: cp('Noor Haddad') + 11, label: 'PERSON' }, { start: cp('Calvi Port Authority'), end: cp('Calvi Port Authority') + 20, label: 'ORG' }, { start: cp('Ostra'), end: cp('Ostra') + 5, label: 'GPE' }], meta: { file: rel } },
        { text: changed, spans: [{ start: 0, end: 5, label: 'MISC' }], meta: { file: rel } },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    uri = vscode.Uri.file(txtPath);
    await openArticle(uri);
    await waitFor('the existing annotation drawn', async () => {
      const d = await vscode.commands.executeCommand<{ confirmed: Drawn[] }>('newsCorpus.annotationDecorations', uri);
      return d && d.confirmed.length === 1 ? d : undefined;
    });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is contributed and registered', async () => {
    const ext = vscode.extensions.getExtension('news-corpus.news-corpus-annotator')!;
    const contributed = ext.packageJSON.contributes.commands as { command: string; title: string; category: string }[];
    assert.ok(contributed.some((c) => c.command === 'newsCorpus.importAnnotations' && c.category === 'News' && /Import Annotations \(JSONL\)/.test(c.title)));
    assert.ok((await vscode.commands.getCommands(true)).includes('newsCorpus.importAnnotations'));
  });

  it('adds the spans to the open article\'s .ann, skips the mismatching record, and the editor draws them', async () => {
    const report = await vscode.commands.executeCommand<ImportReport>('newsCorpus.importAnnotations', vscode.Uri.file(jsonlPath));
    assert.ok(report, 'the command returns its report');
    assert.strictEqual(report.totals.added, 2);
    assert.strictEqual(report.totals.identical, 1);
    assert.deepStrictEqual(report.skippedLines.map((s) => s.line), [2]);
    assert.match(report.skippedLines[0].message, /text differs/);
    assert.deepStrictEqual(report.files.map((f) => [f.rel, f.added, f.written]), [['import-test/ferry.txt', 2, true]]);

    const ann = fs.readFileSync(annPath, 'utf8');
    assert.strictEqual(
      ann,
      existing + `T2\tORG ${cp('Calvi Port Authority')} ${cp('Calvi Port Authority') + 20}\tCalvi Port Authority\n` + `T3\tLOC ${cp('Ostra')} ${cp('Ostra') + 5}\tOstra\n`,
    );
    const drawn = await waitFor('the imported annotations drawn in the open editor', async () => {
      const d = await vscode.commands.executeCommand<{ confirmed: Drawn[] }>('newsCorpus.annotationDecorations', uri);
      return d && d.confirmed.length === 3 ? d.confirmed : undefined;
    });
    assert.deepStrictEqual(
      drawn.map((c) => [c.start, c.end, c.label]).sort((a, b) => (a[0] as number) - (b[0] as number)),
      [
        [u16('Noor Haddad'), u16('Noor Haddad') + 11, 'PER'],
        [u16('Calvi Port Authority'), u16('Calvi Port Authority') + 20, 'ORG'],
        [u16('Ostra'), u16('Ostra') + 5, 'LOC'],
      ],
    );
    const messages = await vscode.commands.executeCommand<string[]>('newsCorpus.annotationMessages');
    assert.ok(messages.some((m) => /Imported from-prodigy\.jsonl: .*2 annotation\(s\) added.*1 line\(s\) skipped/.test(m)), messages.join('\n'));
  });
});
