// Hand annotation inside a real extension host: commands and keybindings, solid
// (confirmed) vs dotted (suggestion) decorations, hover lines, code actions,
// the .ann and the rejections sidecar written beside the article, damaged
// annotations and their quick fixes, merging with a .ann changed on disk,
// export and clean corpus. The article is invented and written into the temp
// copy of the fixture workspace.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'news-corpus.news-corpus-annotator';

interface Drawn {
  start: number;
  end: number;
  label: string;
  id?: string;
  after?: string;
}
interface DrawnDecorations {
  styles: { confirmed: string; suggestion: string; damaged: string };
  confirmed: Drawn[];
  suggestions: Drawn[];
  damaged: Drawn[];
}

const ARTICLE = [
  'Mali and Niger sign a border accord',
  'Officials from Mali met delegates from Niger in Bamako on Monday to sign an accord on joint patrols along the river, the ministry said.',
  'The accord was welcomed by Ada Moreau, a regional envoy, who said Burkina Faso could join it next year.',
  '',
].join('\n');

async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function read(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

describe('annotations', function () {
  this.timeout(60000);
  let dir: string;
  let txtPath: string;
  let annPath: string;
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;
  const adaStart = ARTICLE.indexOf('Ada Moreau');

  const decorations = async (): Promise<DrawnDecorations> => (await vscode.commands.executeCommand<DrawnDecorations>('newsCorpus.annotationDecorations', uri))!;
  const offsetRange = (s: number, e: number) => new vscode.Range(editor.document.positionAt(s), editor.document.positionAt(e));

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension installed');
    await ext.activate();
    const configs = await vscode.workspace.findFiles('**/newscorpus.yaml');
    const corpusConfig = configs.find((c) => /[\\/]corpus[\\/]newscorpus\.yaml$/.test(c.fsPath)) ?? configs[0];
    assert.ok(corpusConfig, 'a corpus in the fixture workspace');
    dir = path.join(path.dirname(corpusConfig.fsPath), 'annotation-test');
    fs.mkdirSync(dir, { recursive: true });
    txtPath = path.join(dir, 'accord.txt');
    annPath = path.join(dir, 'accord.ann');
    fs.writeFileSync(txtPath, ARTICLE);
    fs.writeFileSync(annPath, `T1\tPER ${adaStart} ${adaStart + 10}\tAda Moreau\n#1\tAnnotatorNotes T1\tenvoy\n`);
    uri = vscode.Uri.file(txtPath);
    await vscode.workspace.getConfiguration('newsCorpus').update('annotations.onDiskConflict', 'merge', vscode.ConfigurationTarget.Workspace);
    const doc = await vscode.workspace.openTextDocument(uri);
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    await waitFor('news-article language', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'news-article'));
    editor = await vscode.window.showTextDocument(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!, { preview: false });
  });

  after(async () => {
    // Leave the fixture corpus as the other suites expect it.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('newsCorpus').update('annotations.onDiskConflict', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('contributes the commands with alt+n keybindings', async () => {
    const all = await vscode.commands.getCommands(true);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const kb = ext.packageJSON.contributes.keybindings as { command: string; key: string }[];
    for (const [command, key] of [
      ['newsCorpus.labelPerson', 'alt+n p'],
      ['newsCorpus.labelOrganization', 'alt+n o'],
      ['newsCorpus.labelPlace', 'alt+n l'],
      ['newsCorpus.labelOther', 'alt+n m'],
      ['newsCorpus.labelSelection', 'alt+n n'],
      ['newsCorpus.acceptSuggestion', 'alt+n a'],
      ['newsCorpus.rejectSuggestion', 'alt+n x'],
      ['newsCorpus.nextSuggestion', 'alt+n j'],
      ['newsCorpus.removeAnnotation', 'alt+n d'],
    ]) {
      assert.ok(all.includes(command), `${command} registered`);
      assert.ok(kb.some((k) => k.command === command && k.key === key), `${command} bound to ${key}`);
    }
    for (const c of ['newsCorpus.exportFileAnnotations', 'newsCorpus.exportSelectionAnnotations', 'newsCorpus.exportCorpusAnnotations', 'newsCorpus.cleanCorpus']) {
      assert.ok(all.includes(c), `${c} registered`);
    }
  });

  it('draws confirmed annotations solid and suggestions dotted', async () => {
    const d = await waitFor('a confirmed annotation and suggestions', async () => {
      const x = await decorations();
      return x && x.confirmed.length === 1 && x.suggestions.length > 0 ? x : undefined;
    });
    assert.strictEqual(d.styles.confirmed, 'solid');
    assert.strictEqual(d.styles.suggestion, 'dotted');
    assert.deepStrictEqual(d.confirmed.map((c) => [c.start, c.end, c.label]), [[adaStart, adaStart + 10, 'PER']]);
    assert.strictEqual(d.confirmed[0].after, '\u00a0PER', 'the label is drawn apart from the name ("Ada Moreau PER")');
    for (const s of d.suggestions) assert.ok(s.end <= adaStart || s.start >= adaStart + 10, 'no suggestion over a confirmed annotation');
  });

  it('says "annotation" or "suggestion" in the hover', async () => {
    const d = await decorations();
    const hoverText = async (offset: number) => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(offset))) ?? [];
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    };
    assert.match(await hoverText(adaStart + 2), /\*\*Annotated:\*\* person \\\(PER\\\) \(T1\)/);
    const sug = await hoverText(d.suggestions[0].start + 1);
    assert.match(sug, /\*\*Suggested:\*\* (person|organization|place|other name) \\\((PER|ORG|LOC|MISC)\\\)/);
    assert.doesNotMatch(sug, /perceptron|engine/, 'no engine terms in the suggestion line');
  });

  it('labels the selection from a command and writes the .ann', async () => {
    const s = ARTICLE.indexOf('the river') + 4;
    editor.selection = new vscode.Selection(editor.document.positionAt(s), editor.document.positionAt(s + 5));
    await vscode.commands.executeCommand('newsCorpus.labelPlace');
    const ann = await waitFor('.ann with the new annotation', () => (read(annPath)?.includes(`LOC ${s} ${s + 5}\triver`) ? read(annPath) : undefined));
    assert.match(ann, /^T1\tPER /m, 'existing annotation kept');
    assert.match(ann, /^#1\tAnnotatorNotes T1\tenvoy$/m, 'note kept');
    assert.match(ann, new RegExp(`^T2\\tLOC ${s} ${s + 5}\\triver$`, 'm'), 'new annotation takes the next id');
  });

  it('accepts a suggestion through its code action', async () => {
    const d = await decorations();
    const sug = d.suggestions[0];
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, offsetRange(sug.start, sug.start))) ?? [];
    const accept = actions.find((a) => a.title.startsWith('Accept suggestion'));
    assert.ok(accept?.command, `accept action offered (${actions.map((a) => a.title).join(' | ')})`);
    await vscode.commands.executeCommand(accept.command.command, ...(accept.command.arguments ?? []));
    const text = ARTICLE.slice(sug.start, sug.end);
    await waitFor('.ann with the accepted suggestion', () => read(annPath)?.includes(`${sug.label} ${sug.start} ${sug.end}\t${text}`));
    const after = await decorations();
    assert.ok(!after.suggestions.some((s) => s.start === sug.start), 'no longer a suggestion');
    assert.ok(after.confirmed.some((c) => c.start === sug.start && c.label === sug.label), 'now confirmed');
  });

  it('rejects a suggestion, and it stays rejected after the article is reopened', async () => {
    const d = await decorations();
    const sug = d.suggestions[0];
    editor.selection = new vscode.Selection(editor.document.positionAt(sug.start + 1), editor.document.positionAt(sug.start + 1));
    await vscode.commands.executeCommand('newsCorpus.rejectSuggestion');
    const sidecar = path.join(dir, 'accord.rejected.json');
    await waitFor('rejections sidecar', () => read(sidecar)?.includes(`"start": ${sug.start}`));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor('article closed', () => !vscode.workspace.textDocuments.some((x) => x.uri.toString() === uri.toString() && !x.isClosed) || undefined, 5000).catch(() => undefined);
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await waitFor('news-article language', () => editor.document.languageId === 'news-article' || undefined);
    const again = await waitFor('decorations after reopening', async () => {
      const x = await decorations();
      return x && x.confirmed.length >= 3 ? x : undefined;
    });
    assert.ok(!again.suggestions.some((s) => s.start === sug.start && s.label === sug.label), 'rejected suggestion not shown again');
  });

  it('goes to the next suggestion', async () => {
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const next = await vscode.commands.executeCommand<{ start: number; end: number }>('newsCorpus.nextSuggestion');
    if (!next) return; // every suggestion was decided
    assert.strictEqual(editor.document.offsetAt(editor.selection.start), next.start);
    assert.strictEqual(editor.document.offsetAt(editor.selection.end), next.end);
  });

  it('flags an annotation whose text is edited, with quick fixes', async () => {
    const s = editor.document.getText().indexOf('river');
    await editor.edit((e) => e.insert(editor.document.positionAt(s + 2), 'XX'));
    const diag = await waitFor('damaged-annotation diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find((x) => x.code === 'damaged-annotation'),
    );
    assert.match(diag.message, /river/);
    const d = await decorations();
    assert.strictEqual(d.damaged.length, 1);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const remove = actions.find((a) => a.title.startsWith('Remove annotation'));
    assert.ok(actions.some((a) => a.title.startsWith('Keep annotation')), 'keep-text fix offered');
    assert.ok(remove?.command, `remove fix offered (${actions.map((a) => a.title).join(' | ')})`);
    await vscode.commands.executeCommand(remove.command.command, ...(remove.command.arguments ?? []));
    await waitFor('diagnostic gone', () => !vscode.languages.getDiagnostics(uri).some((x) => x.code === 'damaged-annotation') || undefined);
    // The article has unsaved edits: the .ann is written when it is saved, with offsets of the saved text.
    assert.match(read(annPath) ?? '', /\triver$/m, 'not written before the article is saved');
    await editor.document.save();
    await waitFor('.ann without the removed annotation', () => (read(annPath) && !/\triver$/m.test(read(annPath)!)) || undefined);
    const ada = editor.document.getText().indexOf('Ada Moreau');
    assert.match(read(annPath)!, new RegExp(`^T1\\tPER ${ada} ${ada + 10}\\tAda Moreau$`, 'm'), 'later annotations shifted with the edit');
  });

  it('merges with a .ann changed on disk instead of overwriting it', async () => {
    // Unsaved edit → the label waits for the save; meanwhile another tool writes the .ann.
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'UPDATE: '));
    const t = editor.document.getText();
    const b = t.indexOf('Bamako');
    editor.selection = new vscode.Selection(editor.document.positionAt(b), editor.document.positionAt(b + 6));
    await vscode.commands.executeCommand('newsCorpus.labelPlace');
    const external = read(annPath)! + 'T40\tMISC 0 4\tMali\n';
    fs.writeFileSync(annPath, external);
    await editor.document.save();
    const merged = await waitFor('merged .ann', () => (read(annPath)?.includes('Bamako') ? read(annPath) : undefined));
    // Kept, and re-anchored to the nearest "Mali" since "UPDATE: " moved the text.
    assert.match(merged, /^T40\tMISC 8 12\tMali$/m, 'the line written on disk is kept');
    assert.match(merged, new RegExp(`\\tLOC ${b} ${b + 6}\\tBamako$`, 'm'), 'the editor\'s annotation is added');
    const messages = await vscode.commands.executeCommand<string[]>('newsCorpus.annotationMessages');
    assert.ok(messages?.some((m) => /changed on disk/.test(m)), 'the user is told');
  });

  it('labels with a corpus label from newscorpus.yaml', async () => {
    const t = editor.document.getText();
    const s = t.indexOf('accord');
    const ids = await vscode.commands.executeCommand<string[]>('newsCorpus.labelSelection', 'EVENT', uri, [{ start: s, end: s + 6 }]);
    assert.strictEqual(ids?.length, 1);
    await waitFor('.ann with the EVENT annotation', () => read(annPath)?.includes(`${ids[0]}\tEVENT ${s} ${s + 6}\taccord`));
  });

  it('follows the article when it changes on disk', async () => {
    assert.ok(!editor.document.isDirty);
    fs.writeFileSync(txtPath, 'LATE NEWS\n' + editor.document.getText());
    await waitFor('the editor reloads the article', () => editor.document.getText().startsWith('LATE NEWS') || undefined);
    const d = await waitFor('annotations moved with the text', async () => {
      const x = await decorations();
      return x && x.confirmed.every((c) => c.start >= 10) ? x : undefined;
    });
    const text = editor.document.getText();
    for (const c of d.confirmed) assert.notStrictEqual(text.slice(c.start, c.end).trim(), '', `${c.id} covers text`);
    assert.ok(d.confirmed.some((c) => text.slice(c.start, c.end) === 'Ada Moreau' && c.label === 'PER'));
    assert.ok(!vscode.languages.getDiagnostics(uri).some((x) => x.code === 'damaged-annotation' && /Ada Moreau/.test(x.message)));
  });

  // Temp folders this suite creates, removed after it.
  const temps: string[] = [];
  after(() => {
    for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
  });

  it('exports the file as JSONL and the corpus as CoNLL', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nca-export-'));
    temps.push(out);
    const jsonl = path.join(out, 'accord.jsonl');
    const r = await vscode.commands.executeCommand<{ spans: number }>('newsCorpus.exportFileAnnotations', { format: 'jsonl', leaveOutBoilerplate: false, target: vscode.Uri.file(jsonl), uri });
    const rec = JSON.parse(fs.readFileSync(jsonl, 'utf8').trim());
    assert.strictEqual(rec.text, editor.document.getText());
    assert.ok(rec.spans.some((s: { start: number; end: number; label: string }) => rec.text.slice(s.start, s.end) === 'Ada Moreau' && s.label === 'PER'));
    assert.strictEqual(rec.spans.length, r?.spans);
    const conll = path.join(out, 'corpus.conll');
    const root = vscode.Uri.file(path.dirname(dir));
    await vscode.commands.executeCommand('newsCorpus.exportCorpusAnnotations', { format: 'conll', leaveOutBoilerplate: false, target: vscode.Uri.file(conll), corpusRoot: root });
    const text = fs.readFileSync(conll, 'utf8');
    assert.match(text, /^-DOCSTART- O$/m);
    assert.match(text, /^Ada B-PER\nMoreau I-PER$/m);
  });

  it('cleans the corpus into another folder and opens the report', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nca-clean-'));
    temps.push(out);
    const before = read(annPath);
    const r = await vscode.commands.executeCommand<{ report: string }>('newsCorpus.cleanCorpus', { target: vscode.Uri.file(out), corpusRoot: vscode.Uri.file(path.dirname(dir)) });
    assert.ok(r && fs.existsSync(r.report), 'report written');
    const report = JSON.parse(fs.readFileSync(r.report, 'utf8'));
    assert.ok(report.files.some((f: { file: string }) => f.file === 'annotation-test/accord.txt'));
    const cleanTxt = fs.readFileSync(path.join(out, 'annotation-test', 'accord.txt'), 'utf8');
    const cleanAnn = fs.readFileSync(path.join(out, 'annotation-test', 'accord.ann'), 'utf8');
    for (const line of cleanAnn.split('\n').filter((l) => l.startsWith('T'))) {
      const [, mid, covered] = line.split('\t');
      const [s, e] = mid.split(' ').slice(1).map(Number);
      assert.strictEqual(cleanTxt.slice(s, e), covered, `${line} covers its text in the clean copy`);
    }
    assert.strictEqual(read(annPath), before, 'original .ann untouched');
    await waitFor('report opened', () => vscode.window.activeTextEditor?.document.uri.fsPath === r.report || undefined, 5000);
    // Cleaned again into the same folder (it holds the last run's report): allowed, the copy written anew.
    fs.rmSync(path.join(out, 'annotation-test', 'accord.txt'));
    const again = await vscode.commands.executeCommand<{ report: string }>('newsCorpus.cleanCorpus', { target: vscode.Uri.file(out), corpusRoot: vscode.Uri.file(path.dirname(dir)) });
    assert.ok(again && fs.existsSync(path.join(out, 'annotation-test', 'accord.txt')), 'a previous clean output is cleaned into again');
  });

  it('refuses to clean into a folder of other files, as the command line does', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nca-clean-foreign-'));
    temps.push(out);
    fs.mkdirSync(path.join(out, 'annotation-test'));
    const mine = path.join(out, 'annotation-test', 'accord.txt');
    fs.writeFileSync(mine, 'my own notes\n');
    const r = await vscode.commands.executeCommand<{ report: string } | undefined>('newsCorpus.cleanCorpus', { target: vscode.Uri.file(out), corpusRoot: vscode.Uri.file(path.dirname(dir)) });
    assert.strictEqual(r, undefined, 'nothing cleaned');
    assert.strictEqual(fs.readFileSync(mine, 'utf8'), 'my own notes\n', 'a file of the folder is not overwritten');
    assert.deepStrictEqual(fs.readdirSync(out).sort(), ['annotation-test'], 'nothing written');
  });
});
