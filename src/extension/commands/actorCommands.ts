import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';

const KIND_ICON: Record<string, string> = { person: '$(person)', organization: '$(organization)', place: '$(location)', other: '$(tag)' };

export function registerActorCommands(analyses: AnalysisService): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('newsCorpus.showActors', async () => {
      const editor = vscode.window.activeTextEditor;
      const entry = editor && (await analyses.get(editor.document));
      if (!editor || !entry) {
        void vscode.window.showInformationMessage('Open a news article of a corpus to list its actors.');
        return undefined;
      }
      const items = entry.analysis.actors.map((a) => ({
        label: `${KIND_ICON[a.kind]} ${a.name}`,
        description: `${a.kind} · ${a.mentions.length} mention${a.mentions.length === 1 ? '' : 's'}`,
        detail: [a.roles.join('; '), a.aliases.length ? 'also: ' + a.aliases.join(', ') : ''].filter(Boolean).join(' — ') || undefined,
        actor: a,
      }));
      const pick = await vscode.window.showQuickPick(items, { placeHolder: 'Actors of this article: pick one to select all its mentions', matchOnDescription: true, matchOnDetail: true });
      if (!pick) return undefined;
      const doc = editor.document;
      editor.selections = pick.actor.mentions.map((m) => new vscode.Selection(doc.positionAt(m.start), doc.positionAt(m.end)));
      editor.revealRange(editor.selections[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return pick.actor.name;
    }),

    vscode.commands.registerCommand('newsCorpus.revealMention', async (uri: vscode.Uri, start: number, end: number) => {
      const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
      const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  ];
}
