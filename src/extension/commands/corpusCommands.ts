import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../core/config/parseConfig';
import { defaultConfigSource } from '../../core/config/editConfig';
import type { AnalysisService } from '../analysis/analysisService';
import type { ConfigStore } from '../corpus/configStore';
import { readArticle } from '../analysis/readArticle';
import type { DiagnosticsPublisher } from '../providers/diagnostics';
import { toDiagnostics } from '../providers/diagnostics';

export interface ScanSummary {
  files: number;
  findings: number;
  filesWithFindings: number;
  skipped: string[];
  capped: boolean;
}

export function registerCorpusCommands(analyses: AnalysisService, store: ConfigStore, diagnostics: DiagnosticsPublisher): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('newsCorpus.scanCorpus', async (): Promise<ScanSummary | undefined> => {
      if (!store.all().length) {
        const pick = await vscode.window.showInformationMessage('No news corpus in this workspace (no newscorpus.yaml).', 'Mark Folder as News Corpus');
        if (pick) await vscode.commands.executeCommand('newsCorpus.markFolderAsCorpus');
        return undefined;
      }
      return vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'News: scanning corpus', cancellable: true },
        async (progress, token) => {
          const summary: ScanSummary = { files: 0, findings: 0, filesWithFindings: 0, skipped: [], capped: false };
          progress.report({ message: 'indexing articles…' });
          token.onCancellationRequested(() => analyses.indexer.cancel());
          await analyses.indexCorpora();
          for (const corpus of store.all()) {
            const { files, capped } = await analyses.listArticles(corpus);
            summary.capped ||= capped;
            // Diagnostics need boilerplate only; several articles in the workers at once.
            const inFlight = new Set<Promise<void>>();
            for (const uri of files) {
              if (token.isCancellationRequested) break;
              const job = (async () => {
                const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
                const text = open ? open.getText() : await readArticle(uri);
                if (text === undefined) {
                  summary.skipped.push(vscode.workspace.asRelativePath(uri));
                  return;
                }
                const rel = uri.path.slice(corpus.root.path.replace(/\/$/, '').length + 1);
                const a = await analyses.analyze(text, { corpus, relPath: rel }, { entities: false, dates: false });
                diagnostics.collection.set(uri, toDiagnostics(a, uri));
                summary.files++;
                summary.findings += a.boilerplate.length;
                if (a.boilerplate.length) summary.filesWithFindings++;
                progress.report({ message: `${summary.files}/${files.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / Math.max(1, files.length) });
              })().catch((e) => {
                summary.skipped.push(`${vscode.workspace.asRelativePath(uri)} (${(e as Error).message})`);
              });
              inFlight.add(job);
              void job.finally(() => inFlight.delete(job));
              if (inFlight.size >= 8) await Promise.race(inFlight);
            }
            await Promise.all(inFlight);
          }
          const parts = [`${summary.findings} boilerplate line(s) in ${summary.filesWithFindings} of ${summary.files} article(s)`];
          if (summary.skipped.length) parts.push(`${summary.skipped.length} skipped (binary or larger than 5 MB): ${summary.skipped.slice(0, 3).join(', ')}${summary.skipped.length > 3 ? '…' : ''}`);
          if (summary.capped) parts.push('stopped at newsCorpus.scan.maxFiles');
          if (token.isCancellationRequested) parts.push('cancelled');
          void vscode.window.showInformationMessage(`News: ${parts.join('; ')}.`);
          await vscode.commands.executeCommand('workbench.actions.view.problems');
          return summary;
        },
      );
    }),

    vscode.commands.registerCommand('newsCorpus.markFolderAsCorpus', async (folder?: vscode.Uri) => {
      let target = folder instanceof vscode.Uri ? folder : undefined;
      if (!target) {
        const picked = await vscode.window.showOpenDialog({
          canSelectFolders: true,
          canSelectFiles: false,
          canSelectMany: false,
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
          openLabel: 'Mark as News Corpus',
        });
        target = picked?.[0];
      }
      if (!target) return undefined;
      const configUri = vscode.Uri.joinPath(target, CONFIG_FILE_NAME);
      let exists = true;
      try {
        await vscode.workspace.fs.stat(configUri);
      } catch {
        exists = false;
      }
      if (!exists) await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(defaultConfigSource()));
      else void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(target)} is already a news corpus.`);
      await store.reloadAll();
      await vscode.window.showTextDocument(configUri, { preview: false });
      return configUri;
    }),

    vscode.commands.registerCommand('newsCorpus.openConfig', async () => {
      const active = vscode.window.activeTextEditor?.document.uri;
      const here = active && store.locate(active);
      const corpora = store.all();
      let uri = here?.corpus.configUri;
      if (!uri && corpora.length === 1) uri = corpora[0].configUri;
      if (!uri && corpora.length > 1) {
        const pick = await vscode.window.showQuickPick(
          corpora.map((c) => ({ label: vscode.workspace.asRelativePath(c.configUri), uri: c.configUri })),
          { placeHolder: 'Which corpus config?' },
        );
        uri = pick?.uri;
      }
      if (!uri) {
        const pick = await vscode.window.showInformationMessage('No news corpus in this workspace.', 'Mark Folder as News Corpus');
        if (pick) await vscode.commands.executeCommand('newsCorpus.markFolderAsCorpus');
        return undefined;
      }
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    }),
  ];
}
