// "News: Import Annotations (JSONL)…": adds the spans of a spaCy / Prodigy /
// doccano JSONL file to the .ann files of the corpus's articles (the same import
// as `news-annotate import`). Records are matched by meta.file / meta.path or by
// identical text; a record whose text is not the article's is skipped and
// reported. Open editors pick the new annotations up through the annotation
// manager's .ann watcher (the "changed on disk" reload), so nothing is drawn
// from a stale state. Takes a Uri (the JSONL file) or options as argument (tests,
// keybindings); otherwise the user picks the file.
import * as vscode from 'vscode';
import { decodeBytes } from '../../core/text/decode';
import { importJsonlIntoCorpus, summarizeImport, type ConflictMode, type JsonlImportReport } from '../../node/jsonlImport';
import type { CorpusRoot } from '../corpus/configStore';
import type { AnnotationManager, AnnotationServices } from './annotationManager';

export const IMPORT_COMMAND = 'newsCorpus.importAnnotations';

export interface ImportCommandOptions {
  /** The JSONL file; asked when absent. */
  file?: vscode.Uri;
  /** The corpus root folder; the active article's corpus (or the only corpus) when absent. */
  corpusRoot?: vscode.Uri;
  /** What to do with a span overlapping an existing annotation (default merge: add it too). */
  onConflict?: ConflictMode;
  dryRun?: boolean;
}

export function registerImportCommand(manager: AnnotationManager, services: AnnotationServices): vscode.Disposable {
  const { store } = services;

  const pickCorpus = async (o: ImportCommandOptions, interactive: boolean): Promise<CorpusRoot | undefined> => {
    const all = store.all();
    if (o.corpusRoot) return all.find((c) => c.root.toString() === o.corpusRoot!.toString());
    const active = vscode.window.activeTextEditor?.document.uri;
    const here = active && store.locate(active)?.corpus;
    if (here) return here;
    if (all.length === 1) return all[0];
    if (!interactive || all.length === 0) return undefined;
    const pick = await vscode.window.showQuickPick(
      all.map((c) => ({ label: vscode.workspace.asRelativePath(c.root), corpus: c })),
      { placeHolder: 'Import the annotations into which corpus?' },
    );
    return pick?.corpus;
  };

  return vscode.commands.registerCommand(IMPORT_COMMAND, async (arg?: vscode.Uri | ImportCommandOptions): Promise<JsonlImportReport | undefined> => {
    const interactive = arg === undefined;
    const opts: ImportCommandOptions = arg instanceof vscode.Uri ? { file: arg } : (arg ?? {});
    const corpus = await pickCorpus(opts, interactive);
    if (!corpus) {
      void vscode.window.showInformationMessage('News Corpus Annotator: open an article of a news corpus (a folder with newscorpus.yaml) to import annotations into it.');
      return undefined;
    }
    let file = opts.file;
    if (!file) {
      const picked = await vscode.window.showOpenDialog({
        canSelectFiles: true,
        canSelectFolders: false,
        canSelectMany: false,
        defaultUri: corpus.root,
        filters: { JSONL: ['jsonl', 'json'], 'All files': ['*'] },
        openLabel: 'Import',
        title: `Import annotations (spaCy, Prodigy, doccano JSONL) into ${vscode.workspace.asRelativePath(corpus.root)}`,
      });
      if (!picked?.length) return undefined;
      file = picked[0];
    }

    // Articles with unsaved edits (or annotation changes waiting for the article's save) of this corpus:
    // saved first when the user agrees, otherwise left alone and reported.
    const pending = (): vscode.TextDocument[] =>
      vscode.workspace.textDocuments.filter((d) => store.locate(d.uri)?.corpus === corpus && manager.isArticle(d) && (d.isDirty || manager.peek(d)?.dirty));
    if (interactive && pending().length) {
      const c = await vscode.window.showWarningMessage(`${pending().length} article(s) of this corpus have unsaved changes.`, { modal: true }, 'Save All and Import');
      if (c !== 'Save All and Import') return undefined;
      await Promise.all(pending().map((d) => d.save()));
    }
    const unsaved = new Set(pending().map((d) => d.uri.fsPath));

    let jsonl: string;
    try {
      jsonl = decodeBytes(await vscode.workspace.fs.readFile(file)).text;
    } catch (e) {
      void vscode.window.showErrorMessage(`News Corpus Annotator: cannot read ${file.fsPath}: ${(e as Error).message}`);
      return undefined;
    }
    let report: JsonlImportReport;
    try {
      report = await importJsonlIntoCorpus(jsonl, corpus.root.fsPath, {
        dryRun: opts.dryRun,
        onConflict: opts.onConflict,
        corpusLabels: corpus.config.labels,
        exclude: (p) => (unsaved.has(p) ? 'has unsaved changes in the editor; save it and import again' : undefined),
      });
    } catch (e) {
      void vscode.window.showErrorMessage(`News Corpus Annotator: import failed: ${(e as Error).message}`);
      return undefined;
    }

    const summary = summarizeImport(report);
    const name = file.path.split('/').pop() ?? file.fsPath;
    const message = `Imported ${name}: ${summary.totals}.`;
    manager.messages.push(message);
    const details = (): string =>
      [
        `Import of ${file!.fsPath} into ${corpus.root.fsPath}`,
        '',
        ...summary.files,
        ...report.skippedLines.map((s) => `${name}:${s.line}: skipped: ${s.message}`),
        ...report.spanProblems.map((s) => `${name}:${s.line}: ${s.message}`),
        ...report.fileProblems,
        '',
        summary.totals,
        '',
      ].join('\n');
    const problems = report.skippedLines.length + report.spanProblems.length;
    const text = `News Corpus Annotator: ${message}`;
    const shown = problems ? vscode.window.showWarningMessage(text, 'Show Details') : vscode.window.showInformationMessage(text, 'Show Details');
    void shown.then(async (c) => {
      if (c === 'Show Details') await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: details(), language: 'plaintext' }), { preview: true });
    });
    return report;
  });
}
