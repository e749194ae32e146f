// Export of confirmed annotations (file, selection or corpus; JSONL or CoNLL;
// boilerplate lines optionally left out) and "News: Clean Corpus…". Options can
// be passed as an argument (tests, keybindings); otherwise the user picks them.
import * as vscode from 'vscode';
import { exportConll, exportJsonl, prepareForExport, type ExportInput, type PreparedDoc } from '../../core/annotations';
import type { Span } from '../../core/types';
import { loadAnnotatedArticleAsync } from '../../node/annotationFiles';
import { mapInSteps } from '../inSteps';
import { AtomicFileSink, writeFileAtomic } from '../../node/atomicWrite';
import { CLEAN_REPORT_NAME, CleanCorpusWriter, outFolderRefusal, overwrittenOriginals, summarizeClean } from '../../node/cleanCorpus';
import { orderedMap } from '../../node/orderedMap';
import type { CorpusRoot } from '../corpus/configStore';
import { baseName, type AnnotationManager, type AnnotationServices } from './annotationManager';

/** Articles read, analysed and written at once by the corpus export and clean (the analysis worker is the bound). */
const EXPORT_IN_FLIGHT = 4;

/** The items, until the user cancels. */
function* stopWhen<T>(items: Iterable<T>, token: vscode.CancellationToken): Generator<T> {
  for (const x of items) {
    if (token.isCancellationRequested) return;
    yield x;
  }
}

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
      const a = await loadAnnotatedArticleAsync(uri.fsPath);
      const lines = location ? (await analyses.analyze(a.text, location, { entities: false, dates: false })).boilerplate.map((b) => b.line) : [];
      return { input: { file: rel, text: a.text, ann: a.ann, boilerplateLines: lines }, problems: a.problems };
    } catch (e) {
      return { input: { file: rel, text: '', ann: { entries: [], eol: '\n', problems: [] } }, problems: [`${rel}: ${(e as Error).message}`] };
    }
  };

  /** Where to write an export: o.target, else asked (undefined: the user cancelled). */
  const targetOf = async (o: ExportOptions, defaultName: string, near: vscode.Uri): Promise<vscode.Uri | undefined> =>
    o.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(near, `${defaultName}.${o.format === 'conll' ? 'conll' : 'jsonl'}`),
      filters: o.format === 'conll' ? { CoNLL: ['conll', 'txt'] } : { JSONL: ['jsonl'] },
      saveLabel: 'Export',
    }));

  /** An export's text, one article at a time (the JSONL record, or its CoNLL lines). */
  const chunkOf = (doc: PreparedDoc, o: ExportOptions): string => (o.format === 'conll' ? exportConll([doc]).text : exportJsonl([doc]));

  /** Tells the user about an export written where they chose it (not when a caller named the target). */
  const announce = (result: ExportResult, o: ExportOptions, targetUri: vscode.Uri): void => {
    if (o.target) return;
    const msg = `Exported ${result.spans} annotation span(s) from ${result.documents} article(s) to ${baseName(targetUri)}` + (result.skipped ? ` (${result.skipped} not exported: damaged, in boilerplate or crossing the selection)` : '') + '.';
    void vscode.window.showInformationMessage(msg, 'Open').then((c) => {
      if (c === 'Open') void vscode.window.showTextDocument(targetUri);
    });
  };

  const write = async (docs: PreparedDoc[], o: ExportOptions, defaultName: string, near: vscode.Uri): Promise<ExportResult | undefined> => {
    const targetUri = await targetOf(o, defaultName, near);
    if (!targetUri) return undefined;
    await writeFileAtomic(targetUri.fsPath, docs.map((d) => chunkOf(d, o)).join(''));
    const result: ExportResult = {
      target: targetUri.fsPath,
      documents: docs.length,
      spans: docs.reduce((n, d) => n + d.spans.length, 0),
      skipped: docs.reduce((n, d) => n + d.skipped.length, 0),
    };
    announce(result, o, targetUri);
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
      const targetUri = await targetOf(o, 'annotations', corpus.root);
      if (!targetUri) return undefined;
      const { files, capped } = await analyses.listArticles(corpus);
      // Streamed into a temporary file beside the target, renamed over it at the end: one article's
      // text at a time (a whole corpus as one string would pass V8's string limit past a few hundred MB).
      const sink = await AtomicFileSink.open(targetUri.fsPath);
      const result: ExportResult = { target: targetUri.fsPath, documents: 0, spans: 0, skipped: 0 };
      const stopped = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Exporting annotations', cancellable: true }, async (progress, token) => {
        try {
          await orderedMap(
            stopWhen(files, token),
            EXPORT_IN_FLIGHT,
            async (f) => {
              const got = await inputFor(f);
              return got && prepareForExport(got.input, { leaveOutBoilerplate: o.leaveOutBoilerplate });
            },
            async (doc, _f, i) => {
              if (i % 20 === 0) progress.report({ message: `${i + 1}/${files.length}`, increment: (20 * 100) / Math.max(1, files.length) });
              if (!doc) return;
              result.documents++;
              result.spans += doc.spans.length;
              result.skipped += doc.skipped.length;
              await sink.write(chunkOf(doc, o));
            },
          );
        } catch (e) {
          await sink.abort();
          throw e;
        }
        if (token.isCancellationRequested) {
          await sink.abort();
          return true;
        }
        await sink.commit();
        return false;
      });
      if (stopped) {
        void vscode.window.showInformationMessage(`News Corpus Annotator: export stopped; ${baseName(targetUri)} was not written.`);
        return undefined;
      }
      if (capped) void vscode.window.showWarningMessage(`News Corpus Annotator: only the first ${files.length} articles were exported (newsCorpus.scan.maxFiles).`);
      announce(result, o, targetUri);
      return result;
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
      const outPath = target.fsPath.replace(/[\\/]+$/, '');
      // As on the command line: never into a folder of other files (they would be overwritten), nor over an original.
      const refusal = outFolderRefusal(outPath);
      if (refusal) {
        void vscode.window.showWarningMessage(`News Corpus Annotator: nothing cleaned: ${target.fsPath} ${refusal}.`);
        return undefined;
      }
      const { files } = await analyses.listArticles(corpus);
      const inside = (p: string) => p === outPath || p.startsWith(outPath + '/') || p.startsWith(outPath + '\\');
      // Located a step at a time (a corpus of 100,000 articles at once would hold the host).
      const located = await mapInSteps(files, (f) => (inside(f.fsPath) ? undefined : store.locate(f)));
      const listed = files.flatMap((f, i) => {
        const location = located[i];
        return location ? [{ location, txtPath: f.fsPath, rel: location.relPath }] : [];
      });
      const clash = overwrittenOriginals(listed, outPath);
      if (clash.length) {
        void vscode.window.showWarningMessage(`News Corpus Annotator: nothing cleaned: the clean copy would overwrite the original ${clash[0]}; choose another folder.`);
        return undefined;
      }
      const problems: string[] = [];
      try {
        // One article at a time (a few in flight): read, its boilerplate lines found, its clean copy written; only its small report is kept.
        const writer = await CleanCorpusWriter.open(outPath);
        const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Cleaning the corpus', cancellable: true }, async (progress, token) => {
          await orderedMap(
            stopWhen(listed, token),
            EXPORT_IN_FLIGHT,
            async (f) => {
              try {
                const a = await loadAnnotatedArticleAsync(f.txtPath);
                const lines = (await analyses.analyze(a.text, f.location, { entities: false, dates: false })).boilerplate.map((b) => b.line);
                await writer.add({ txtPath: f.txtPath, rel: f.rel, text: a.text, ann: a.ann, hasAnn: a.annRaw !== undefined, bom: a.bom, problems: a.problems, rejections: a.rejections }, lines);
                return a.problems;
              } catch (e) {
                return [`${f.rel}: ${(e as Error).message}`];
              }
            },
            (found, _f, i) => {
              problems.push(...found);
              if (i % 20 === 0) progress.report({ message: `${i + 1}/${listed.length}`, increment: (20 * 100) / Math.max(1, listed.length) });
            },
          );
          // A stopped run leaves clean-report.json saying so (CleanCorpusWriter.open wrote it); a run again finishes it.
          return token.isCancellationRequested ? undefined : writer.finish(problems);
        });
        if (!report) {
          void vscode.window.showInformationMessage(`News Corpus Annotator: cleaning stopped; ${target.fsPath} is incomplete (its ${CLEAN_REPORT_NAME} says so). Clean into it again to finish.`);
          return undefined;
        }
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
