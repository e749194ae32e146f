// The corpus index at scale, in a real VS Code: built in the background by the index workers while
// the editor answers, persisted and reused after a reload, updated when a file changes on disk, and
// run once for a burst of newscorpus.yaml edits.
import * as assert from 'assert';
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, openArticle, semanticTokens, waitFor, wsPath, type DecodedToken } from './helpers';

interface IndexReport {
  corpus: string;
  files: number;
  reused: number;
  analysed: number;
}
interface IndexApi {
  indexed: Promise<void>;
  analyses: {
    indexCorpora(): Promise<void>;
    workerRestarts: number;
    crashEditorWorkerForTest(): Promise<void>;
    corpusWorker: { crashForTest(): void };
    corpusState(corpus: unknown): { articles: number; ready: boolean };
    indexer: {
      runs: number;
      runReasons: string[][];
      lastReports: IndexReport[];
      current: { done: number; total: number } | undefined;
      forgetInMemory(): Promise<void>;
      schedule(ms?: number): Promise<void>;
    };
  };
  store: { all(): { root: vscode.Uri }[] };
  corpusActors: {
    links(corpus: unknown, relPath: string, names: string[], withArticles: boolean): Promise<({ id: string; kind: string; articles?: string[] } | null)[]>;
    kinds(corpus: unknown, relPath: string, names: readonly string[]): Promise<Map<string, string | undefined>>;
    namesAsked: number;
  };
}

/** The corpus actors (in the corpus worker) of these names of an article, null for a name it does not know. */
function linksOf(a: IndexApi, relPath: string, names: string[]) {
  return a.corpusActors.links(corpusOf(a), relPath, names, true);
}

async function api(): Promise<IndexApi> {
  const ext = vscode.extensions.getExtension<IndexApi>(EXTENSION_ID)!;
  return ext.activate();
}

const SENTENCES = [
  'President Bola Tinubu met Mahamat Idriss Déby in Abuja on Monday.',
  'The Economic Community of West African States (ECOWAS) said talks with Niger would resume.',
  'Ousmane Sonko told reporters in Dakar that the budget would be published.',
  'Ibrahim Traoré spoke to soldiers in Ouagadougou about the new recruitment drive.',
  'The African Union welcomed the agreement signed in Lomé by the two delegations.',
];

/** The latest index report of the fixture corpus. */
function lastReport(a: IndexApi): IndexReport {
  const root = corpusOf(a).root.toString();
  const r = [...a.analyses.indexer.lastReports].reverse().find((x) => x.corpus === root);
  assert.ok(r, 'the fixture corpus was indexed');
  return r;
}

/** Puts newscorpus.yaml back as it was, saved, and waits for the index to follow. */
async function restoreConfig(a: IndexApi, doc: vscode.TextDocument, original: string): Promise<void> {
  const restore = new vscode.WorkspaceEdit();
  restore.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
  await vscode.workspace.applyEdit(restore);
  await doc.save();
  await a.analyses.indexCorpora();
}

function corpusOf(a: IndexApi) {
  const corpus = a.store.all().find((c) => c.root.fsPath === wsPath('corpus').fsPath);
  assert.ok(corpus, 'the fixture corpus is known');
  return corpus;
}

describe('corpus index', function () {
  this.timeout(180_000);
  const bulk = wsPath('corpus', 'bulk');

  before(async () => {
    await (await api()).indexed;
  });

  after(async () => {
    fs.rmSync(bulk.fsPath, { recursive: true, force: true });
    await (await api()).analyses.indexCorpora();
  });

  it('builds in the background while the editor answers: a hover arrives before the index is done', async () => {
    fs.mkdirSync(bulk.fsPath, { recursive: true });
    for (let i = 0; i < 1200; i++) {
      const body = SENTENCES.map((s, k) => SENTENCES[(i + k) % SENTENCES.length]).join('\n\n');
      fs.writeFileSync(path.join(bulk.fsPath, `story-${String(i).padStart(3, '0')}.txt`), `Regional news item ${i}\n\n${body}\nFiled as item number ${i}.\n`);
    }
    const a = await api();
    await a.analyses.indexCorpora();
    await waitFor('the new articles indexed', () => a.analyses.corpusState(corpusOf(a)).articles >= 1200, 180_000);
    const editor = await openArticle(wsPath('corpus', 'site-b', 'border-patrols.txt'));
    const pos = editor.document.positionAt(editor.document.getText().indexOf('Goïta') + 1);
    // A boilerplate phrase changes what every summary holds: the whole corpus is analysed again.
    const configUri = wsPath('corpus', 'newscorpus.yaml');
    const config = await vscode.workspace.openTextDocument(configUri);
    const original = config.getText();
    try {
      const at = config.positionAt(original.indexOf('    - "Follow us on Telegram"'));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(configUri, at, '    - "Filed as item number"\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor('indexing in progress', () => a.analyses.indexer.current !== undefined, 60_000);
      // A command of the extension answers while the workers index (the host thread is free).
      const filter = await vscode.commands.executeCommand<string>('newsCorpus.actors.filter', '');
      const stillIndexing = a.analyses.indexer.current !== undefined;
      assert.strictEqual(filter, '');
      assert.ok(stillIndexing, 'the index was still building when the command answered');
      // The hover of an open article is analysed by the editor worker meanwhile.
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
      assert.ok(hovers.length > 0, 'the hover answered');
      await waitFor('indexing done', () => a.analyses.indexer.current === undefined, 180_000);
      const last = lastReport(a);
      assert.ok(last.files >= 1200, `all articles listed (${last.files})`);
      assert.ok(last.analysed >= 1200, `all articles analysed again (${last.analysed})`);
      await waitFor('an article of the run among the corpus actors', async () => (await linksOf(a, 'bulk/story-007.txt', ['Ousmane Sonko']))[0]?.articles?.includes('bulk/story-007.txt'), 60_000);
    } finally {
      await restoreConfig(a, config, original);
    }
  });

  it('restarts a crashed editor worker, says so, and the open article is analysed again', async () => {
    const a = await api();
    const editor = await openArticle(wsPath('corpus', 'site-b', 'border-patrols.txt'));
    const doc = editor.document;
    const goita = doc.getText().indexOf('Assimi Goïta');
    const before = await semanticTokens(doc);
    const tokenAt = (toks: DecodedToken[], line: number, char: number) => toks.find((t) => t.line === line && t.char === char);
    const at = doc.positionAt(goita);
    assert.strictEqual(tokenAt(before, at.line, at.character)?.text, 'Assimi Goïta', 'highlighted before the crash');
    const restarts = a.analyses.workerRestarts;
    await assert.rejects(a.analyses.crashEditorWorkerForTest(), /terminated unexpectedly/i);
    assert.strictEqual(a.analyses.workerRestarts, restarts + 1, 'the restart was reported (warning and log)');
    // An edit after the crash is analysed by the new worker: tokens at the shifted range.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), 'X');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const after = await waitFor('tokens of the edited article', async () => {
        const toks = await semanticTokens(doc);
        return toks.length ? toks : undefined;
      }, 60_000);
      const moved = doc.positionAt(goita + 1);
      const t = tokenAt(after, moved.line, moved.character);
      assert.ok(t, `Assimi Goïta is highlighted after the restart at ${moved.line}:${moved.character}`);
      assert.strictEqual(t.text, 'Assimi Goïta');
      assert.strictEqual(t.type, 'person');
    } finally {
      // Back to the text on disk (later suites read this article).
      const undo = new vscode.WorkspaceEdit();
      undo.delete(doc.uri, new vscode.Range(0, 0, 0, 1));
      assert.ok(await vscode.workspace.applyEdit(undo));
      await doc.save();
    }
  });

  it('restarts a crashed corpus worker, says so, and reads the index back from the store', async () => {
    const a = await api();
    await a.analyses.indexCorpora();
    await waitFor('no index run in progress', () => a.analyses.indexer.current === undefined, 60_000);
    // undefined (waitFor asks again) until the corpus actors hold the article.
    const goita = async () => (await linksOf(a, 'site-b/border-patrols.txt', ['Assimi Goïta']))[0] ?? undefined;
    assert.ok(await waitFor('a corpus actor before the crash', goita, 30_000));
    const restarts = a.analyses.workerRestarts;
    const reasons = a.analyses.indexer.runReasons.length;
    const runs = a.analyses.indexer.runs;
    a.analyses.corpusWorker.crashForTest();
    await waitFor('the restart reported', () => a.analyses.workerRestarts === restarts + 1, 30_000);
    await waitFor('an index run after the restart', () => a.analyses.indexer.runReasons.slice(reasons).some((r) => r.includes('corpus worker restarted')), 30_000);
    await waitFor('the index run done', () => a.analyses.indexer.runs > runs, 60_000);
    const last = lastReport(a);
    assert.strictEqual(last.analysed, 0, `read back, not analysed again: ${JSON.stringify(last)}`);
    const link = await waitFor('the corpus actor answered by the new worker', goita, 30_000);
    assert.ok(link?.articles?.includes('site-b/border-patrols.txt'), JSON.stringify(link));
  });

  it('reuses the persisted index after a reload: nothing is analysed again', async () => {
    const a = await api();
    await a.analyses.indexCorpora();
    await a.analyses.indexer.forgetInMemory();
    assert.strictEqual(a.analyses.corpusState(corpusOf(a)).articles, 0, 'nothing in memory');
    await a.analyses.indexCorpora();
    const last = lastReport(a);
    assert.strictEqual(last.analysed, 0, JSON.stringify(last));
    assert.ok(last.reused >= 1200, `reused from the store: ${last.reused}`);
    assert.ok(a.analyses.corpusState(corpusOf(a)).articles >= 1200, 'summaries back from the store');
  });

  it('reuses an index the command line built in the cache folder it is given (newsCorpus.index.cacheDirectory), and removes the store of the layout before', async () => {
    const a = await api();
    const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'nca-shared-index-'));
    const config = vscode.workspace.getConfiguration('newsCorpus');
    try {
      // news-annotate index, as the packaged extension ships it, run by the extension host's own runtime.
      const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
      // Not spawnSync: the extension host's thread stays free meanwhile.
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, [cli, 'index', corpusOf(a).root.fsPath, '--cache', cacheRoot, '--json'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 150_000 }, (e, out, err) =>
          e ? reject(new Error(`${e.message}\n${err}`)) : resolve(out),
        ),
      );
      const built = JSON.parse(stdout.trim().split('\n').pop()!) as { files: number; analysed: number; skipped: number };
      // Every article analysed but the odd inputs the index skips (a binary file).
      assert.ok(built.analysed >= 1200 && built.analysed + built.skipped === built.files, JSON.stringify(built));
      // The store this corpus had in the layout before (its subfolder named by a hash of its URI): removed, no longer read.
      const former = path.join(cacheRoot, createHash('sha1').update(corpusOf(a).root.toString()).digest('hex').slice(0, 16));
      fs.mkdirSync(former);
      fs.writeFileSync(path.join(former, 'manifest.json'), JSON.stringify({ format: 'news-corpus-annotator/corpus-index', version: 1, engineKey: 'earlier' }));
      fs.writeFileSync(path.join(former, 'entries.log'), '');
      await config.update('index.cacheDirectory', cacheRoot, vscode.ConfigurationTarget.Global);
      await a.analyses.indexer.forgetInMemory();
      await a.analyses.indexCorpora();
      await waitFor('the store of the layout before removed', () => !fs.existsSync(former));
      const last = lastReport(a);
      // Nothing analysed again: every article from the store, the skipped input too (the store keeps why).
      assert.strictEqual(last.analysed, 0, JSON.stringify(last));
      assert.strictEqual(last.reused, built.files, JSON.stringify(last));
    } finally {
      await config.update('index.cacheDirectory', undefined, vscode.ConfigurationTarget.Global);
      await a.analyses.indexer.forgetInMemory();
      await a.analyses.indexCorpora();
      fs.rmSync(cacheRoot, { recursive: true, force: true });
    }
  });

  it('updates the entry of a file edited on disk', async () => {
    const a = await api();
    const file = path.join(bulk.fsPath, 'story-001.txt');
    const text = fs.readFileSync(file, 'utf8');
    const cut = text.indexOf('\n\n') + 2;
    fs.writeFileSync(file, text.slice(0, cut) + 'General Abdourahamane Tiani received President Faure Gnassingbé in Niamey on Tuesday, officials said.\n\n' + text.slice(cut));
    const links = await waitFor(
      'the edited article re-indexed',
      async () => {
        const l = await linksOf(a, 'bulk/story-001.txt', ['Faure Gnassingbé', 'Abdourahamane Tiani']);
        return l[0] ? l : undefined;
      },
      30_000,
    );
    assert.ok(links[1]?.articles?.includes('bulk/story-001.txt'), JSON.stringify(links[1]));
  });

  it('asks the corpus worker for the kinds of an article\u2019s names once until the corpus actors change', async () => {
    const a = await api();
    await a.analyses.indexCorpora();
    await waitFor('no index run in progress', () => a.analyses.indexer.current === undefined, 60_000);
    const rel = 'site-b/border-patrols.txt';
    const known = await waitFor('the corpus actors hold the article', async () => (await linksOf(a, rel, ['Assimi Goïta']))[0] ?? undefined, 30_000);
    // Settled: no change of the corpus actors comes between the questions below.
    await new Promise((r) => setTimeout(r, 2000));
    // The article may be open in an editor, whose analysis asked for its names already: a name of no article is asked for sure.
    const asked = a.corpusActors.namesAsked;
    const first = await a.corpusActors.kinds(corpusOf(a), rel, ['Assimi Goïta', 'Nobody Atall']);
    assert.deepStrictEqual([first.get('Assimi Goïta'), first.has('Nobody Atall'), first.get('Nobody Atall')], [known.kind, true, undefined]);
    const firstAsked = a.corpusActors.namesAsked - asked;
    assert.ok(firstAsked === 1 || firstAsked === 2, `${firstAsked} names asked`);
    // The same names again (an edit that brings none): answered here; a new name alone is asked.
    const again = await a.corpusActors.kinds(corpusOf(a), rel, ['Nobody Atall', 'Assimi Goïta']);
    assert.deepStrictEqual([again.get('Assimi Goïta'), again.get('Nobody Atall')], [known.kind, undefined]);
    assert.strictEqual(a.corpusActors.namesAsked, asked + firstAsked, 'nothing asked again');
    await a.corpusActors.kinds(corpusOf(a), rel, ['Assimi Goïta', 'Somebody Else']);
    assert.strictEqual(a.corpusActors.namesAsked, asked + firstAsked + 1, 'only the new name asked');
    // Once the corpus actors change (an index run), every name is asked again.
    const changed = new Promise<void>((resolve) => {
      const l = (a.corpusActors as unknown as { onDidChange: vscode.Event<unknown> }).onDidChange(() => {
        l.dispose();
        resolve();
      });
    });
    const file = path.join(bulk.fsPath, 'story-002.txt');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text + '\nOfficials in Bamako confirmed the meeting on Friday.\n');
    try {
      await changed;
      const now = a.corpusActors.namesAsked;
      await a.corpusActors.kinds(corpusOf(a), rel, ['Assimi Goïta']);
      assert.strictEqual(a.corpusActors.namesAsked, now + 1, 'asked again after the change');
    } finally {
      fs.writeFileSync(file, text);
    }
  });

  it('runs once for a burst of newscorpus.yaml edits', async () => {
    const a = await api();
    await a.analyses.indexCorpora();
    // Let file-watcher events of earlier saves settle (they may start a run of their own).
    await new Promise((r) => setTimeout(r, 2500));
    await waitFor('no index run in progress', () => a.analyses.indexer.current === undefined, 60_000);
    const runs = a.analyses.indexer.runs;
    const before = a.analyses.indexer.runReasons.length;
    const configUri = wsPath('corpus', 'newscorpus.yaml');
    const doc = await vscode.workspace.openTextDocument(configUri);
    const original = doc.getText();
    try {
      // Five edits as a person types them: each a change event of its own, in quick succession. On a
      // slow machine an edit can come after the 800 ms pause that starts a run: such a pause is
      // counted, and allows one more run.
      let pauses = 0;
      let last = Date.now();
      for (let i = 0; i < 5; i++) {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(configUri, new vscode.Position(0, 0), `# note ${i}\n`);
        assert.ok(await vscode.workspace.applyEdit(edit));
        if (i > 0 && Date.now() - last >= 800) pauses++;
        last = Date.now();
      }
      assert.match(doc.getText(), /^(# note \d\n){5}/);
      await waitFor('one index run after the burst', () => a.analyses.indexer.runs > runs, 60_000);
      await new Promise((r) => setTimeout(r, 2500));
      const started = a.analyses.indexer.runReasons.slice(before);
      const byEdits = started.filter((r) => r.includes('newscorpus.yaml changed'));
      assert.strictEqual(byEdits.length, 1 + pauses, `one run for five edits (${pauses} pause(s) of 800 ms or more between them); runs started: ${JSON.stringify(started)}`);
    } finally {
      await restoreConfig(a, doc, original);
    }
  });
});
