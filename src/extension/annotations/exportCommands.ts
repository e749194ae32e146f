// Export of confirmed annotations (file, selection or corpus; JSONL or CoNLL;
// boilerplate lines optionally left out) and "News: Clean Corpus…". Options can
// be passed as an argument (tests, keybindings); otherwise the user picks them.
import * as vscode from 'vscode';
import { exportConll, exportJsonl, prepareForExport, type ExportInput, type PreparedDoc } from '../../core/annotations';
import type { Span } from '../../core/types';
import { loadAnnotatedArticle } from '../../node/annotationFiles';
import { writeFileAtomic } from '../../node/atomicWrite';
import { CLEAN_REPORT_NAME, summarizeClean, writeCleanCorpus, type CleanInput } from '../../node/cleanCorpus';
import type { CorpusRoot } from '../corpus/configStore';
import { baseName, type AnnotationManager, type AnnotationServices } from './annotationManager';

export interface ExportOptions {
  format?: 'jsonl' | 'conll';
  leaveOutBoilerplate?: boolean;
  /** Where to write; asked when absent. */
  target?: vscode.Uri;
  /** The article (file/selection export); the active editor's when absent. */
  uri?: vscode.Uri;
  /** Selection export: offsets; the editor selection when absent. */
  range?: Span;
  /** Corpus export / clean: the corpus root folder. */
  corpusRoot?: vscode.Uri;
}

export interface ExportResult {
  target: string;
  documents: number;
  spans: number;
  skipped: number;
}

async function askFormat(opts: ExportOptions): Promise<ExportOptions | undefined> {
  const o = { ...opts };
  if (!o.format) {
    const f = await vscode.window.showQuickPick(
      [
        { label: 'JSONL', description: 'spaCy, Prodigy, doccano: {"text", "spans", "label", "meta"}', value: 'jsonl' as const },
        { label: 'CoNLL', description: 'token and BIO tag per line, sentences separated by blank lines', value: 'conll' as const },
      ],
      { placeHolder: 'Export format' },
    );
    if (!f) return undefined;
    o.format = f.value;
  }
  if (o.leaveOutBoilerplate === undefined) {
    const b = await vscode.window.showQuickPick(
      [
        { label: 'Leave boilerplate lines out', value: true },
        { label: 'Keep every line', value: false },
      ],
      { placeHolder: 'Boilerplate lines (teasers, share prompts, bylines…)' },
    );
    if (!b) return undefined;
    o.leaveOutBoilerplate = b.value;
  }
  return o;
}

export function registerExportCommands(manager: AnnotationManager, services: AnnotationServices): vscode.Disposable[] {
  const { analyses, store } = services;

  /** Text, annotations and boilerplate lines of an article: the open document's when open, else from disk. */
  const inputFor = async (uri: vscode.Uri): Promise<{ input: ExportInput; problems: string[] } | undefined> => {
    const location = store.locate(uri);
    const rel = location?.relPath ?? baseName(uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc && manager.isArticle(doc)) {
      const state = await manager.ensure(doc);
      if (!state) return undefined;
      const lines = (await analyses.get(doc))?.analysis.boilerplate.map((b) => b.line) ?? [];
      return { input: { file: rel, text: doc.getText(), ann: state.ann, boilerplateLines: lines }, problems: [] };
    }
    try {
      const a = loadAnnotatedArticle(uri.fsPath);
      const lines = location ? (await analyses.analyze(a.text, location, { entities: false, dates: false })).boilerplate.map((b) => b.line) : [];
      return { input: { file: rel, text: a.text, ann: a.ann, boilerplateLines: lines }, problems: a.problems };
    } catch (e) {
      return { input: { file: rel, text: '', ann: { entries: [], eol: '\n', problems: [] } }, problems: [`${rel}: ${(e as Error).message}`] };
    }
  };

  const write = async (docs: PreparedDoc[], o: ExportOptions, defaultName: string, near: vscode.Uri): Promise<ExportResult | undefined> => {
    let targetUri = o.target;
    if (!targetUri) {
      targetUri = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(near, `${defaultName}.${o.format === 'conll' ? 'conll' : 'jsonl'}`),
        filters: o.format === 'conll' ? { CoNLL: ['conll', 'txt'] } : { JSONL: ['jsonl'] },
        saveLabel: 'Export',
      });
      if (!targetUri) return undefined;
    }
    const text = o.format === 'conll' ? exportConll(docs).text : exportJsonl(docs);
    await writeFileAtomic(targetUri.fsPath, text);
    const result: ExportResult = {
      target: targetUri.fsPath,
      documents: docs.length,
      spans: docs.reduce((n, d) => n + d.spans.length, 0),
      skipped: docs.reduce((n, d) => n + d.skipped.length, 0),
    };
    if (!o.target) {
      const msg = `Exported ${result.spans} annotation span(s) from ${result.documents} article(s) to ${baseName(targetUri)}` + (result.skipped ? ` (${result.skipped} not exported: damaged, in boilerplate or crossing the selection)` : '') + '.';
      void vscode.window.showInformationMessage(msg, 'Open').then((c) => {
        if (c === 'Open') void vscode.window.showTextDocument(targetUri!);
      });
    }
    return result;
  };

  const activeArticle = (o: ExportOptions): vscode.Uri | undefined => o.uri ?? vscode.window.activeTextEditor?.document.uri;

  const pickCorpus = async (o: ExportOptions): Promise<CorpusRoot | undefined> => {
    const all = store.all();
    if (o.corpusRoot) return all.find((c) => c.root.toString() === o.corpusRoot!.toString());
    const active = vscode.window.activeTextEditor?.document.uri;
    const here = active && store.locate(active)?.corpus;
    if (all.length === 1) return all[0];
    const pick = await vscode.window.showQuickPick(
      all.map((c) => ({ label: vscode.workspace.asRelativePath(c.root), description: c === here ? 'current article' : undefined, corpus: c })),
      { placeHolder: 'Which corpus?' },
    );
    return pick?.corpus;
  };

  return [
    vscode.commands.registerCommand('newsCorpus.exportFileAnnotations', async (opts: ExportOptions = {}) => {
      const uri = activeArticle(opts);
      if (!uri || !store.locate(uri)) {
        void vscode.window.showInformationMessage('News Corpus Annotator: open an article of a news corpus to export its annotations.');
        return undefined;
      }
      const o = await askFormat(opts);
      const got = o && (await inputFor(uri));
      if (!o || !got) return undefined;
      const doc = prepareForExport(got.input, { leaveOutBoilerplate: o.leaveOutBoilerplate });
      return write([doc], o, baseName(uri).replace(/\.txt$/i, ''), vscode.Uri.joinPath(uri, '..'));
    }),
    vscode.commands.registerCommand('newsCorpus.exportSelectionAnnotations', async (opts: ExportOptions = {}) => {
      const uri = activeArticle(opts);
      const editor = vscode.window.activeTextEditor;
      let range = opts.range;
      if (!range && editor && uri && editor.document.uri.toString() === uri.toString() && !editor.selection.isEmpty) {
        range = { start: editor.document.offsetAt(editor.selection.start), end: editor.document.offsetAt(editor.selection.end) };
      }
      if (!uri || !range || !store.locate(uri)) {
        void vscode.window.showInformationMessage('News Corpus Annotator: select part of an article to export its annotations.');
        return undefined;
      }
      const o = await askFormat(opts);
      const got = o && (await inputFor(uri));
      if (!o || !got) return undefined;
      const doc = prepareForExport({ ...got.input, range }, { leaveOutBoilerplate: o.leaveOutBoilerplate });
      return write([doc], o, baseName(uri).replace(/\.txt$/i, '') + '-selection', vscode.Uri.joinPath(uri, '..'));
    }),
    vscode.commands.registerCommand('newsCorpus.exportCorpusAnnotations', async (opts: ExportOptions = {}) => {
      const corpus = await pickCorpus(opts);
      if (!corpus) return undefined;
      const o = await askFormat(opts);
      if (!o) return undefined;
      const { files, capped } = await analyses.listArticles(corpus);
      const docs: PreparedDoc[] = [];
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Exporting annotations', cancellable: false }, async (progress) => {
        for (const [i, f] of files.entries()) {
          const got = await inputFor(f);
          if (got) docs.push(prepareForExport(got.input, { leaveOutBoilerplate: o.leaveOutBoilerplate }));
          if (i % 20 === 0) progress.report({ message: `${i + 1}/${files.length}` });
        }
      });
      if (capped) void vscode.window.showWarningMessage(`News Corpus Annotator: only the first ${files.length} articles were exported (newsCorpus.scan.maxFiles).`);
      return write(docs, o, 'annotations', corpus.root);
    }),
    vscode.commands.registerCommand('newsCorpus.cleanCorpus', async (arg: ExportOptions | vscode.Uri = {}) => {
      // From the explorer's context menu: the folder clicked (a corpus root or a folder inside one).
      let opts: ExportOptions = arg instanceof vscode.Uri ? {} : arg;
      if (arg instanceof vscode.Uri) {
        const folder = arg.path.replace(/\/$/, '') + '/';
        const owner = store.all().filter((c) => folder.startsWith(c.root.path.replace(/\/$/, '') + '/')).sort((a, b) => b.root.path.length - a.root.path.length)[0];
        if (!owner) {
          void vscode.window.showInformationMessage('News Corpus Annotator: this folder is not in a news corpus (no newscorpus.yaml above it).');
          return undefined;
        }
        opts = { corpusRoot: owner.root };
      }
      const corpus = await pickCorpus(opts);
      if (!corpus) return undefined;
      let target = opts.target;
      if (!target) {
        const picked = await vscode.window.showOpenDialog({
          canSelectFolders: true,
          canSelectFiles: false,
          canSelectMany: false,
          defaultUri: vscode.Uri.joinPath(corpus.root, '..'),
          openLabel: 'Write the clean copy here',
          title: `Clean copy of ${vscode.workspace.asRelativePath(corpus.root)} (boilerplate lines removed, annotations carried over)`,
        });
        if (!picked?.length) return undefined;
        target = picked[0];
      }
      const unsaved = vscode.workspace.textDocuments.filter((d) => d.isDirty && store.locate(d.uri)?.corpus === corpus);
      if (unsaved.length) {
        const c = await vscode.window.showWarningMessage(`${unsaved.length} article(s) of this corpus have unsaved changes.`, { modal: true }, 'Save All and Clean');
        if (c !== 'Save All and Clean') return undefined;
        await Promise.all(unsaved.map((d) => d.save()));
      }
      const { files } = await analyses.listArticles(corpus);
      const outPath = target.fsPath.replace(/[\\/]+$/, '');
      const inputs: CleanInput[] = [];
      const problems: string[] = [];
      const lines = new Map<string, number[]>();
      for (const f of files) {
        if (f.fsPath === outPath || f.fsPath.startsWith(outPath + '/') || f.fsPath.startsWith(outPath + '\\')) continue;
        const location = store.locate(f);
        if (!location) continue;
        try {
          const a = loadAnnotatedArticle(f.fsPath);
          problems.push(...a.problems);
          lines.set(f.fsPath, (await analyses.analyze(a.text, location, { entities: false, dates: false })).boilerplate.map((b) => b.line));
          inputs.push({ txtPath: f.fsPath, rel: location.relPath, text: a.text, ann: a.ann, hasAnn: a.annRaw !== undefined, bom: a.bom, problems: a.problems, rejections: a.rejections });
        } catch (e) {
          problems.push(`${location.relPath}: ${(e as Error).message}`);
        }
      }
      try {
        const report = await writeCleanCorpus(inputs, outPath, (i) => lines.get(i.txtPath) ?? [], problems);
        const reportUri = vscode.Uri.joinPath(target, CLEAN_REPORT_NAME);
        const summary = summarizeClean(report);
        void vscode.window.showInformationMessage(`News Corpus Annotator: ${summary[summary.length - 1]}`);
        await vscode.window.showTextDocument(reportUri, { preview: true });
        return { report: reportUri.fsPath, totals: report.totals };
      } catch (e) {
        void vscode.window.showErrorMessage(`News Corpus Annotator: clean corpus failed: ${(e as Error).message}`);
        return undefined;
      }
    }),
  ];
}
