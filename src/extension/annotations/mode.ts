// Reading or annotating. Reading (the default) colours entities and nothing more;
// annotating also underlines the engines' suggestions, to accept or reject. The
// mode is remembered per workspace; an article with a .ann beside it shows its
// suggestions in either mode (someone is annotating it).
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../corpus/languageAssigner';

const KEY = 'newsCorpus.annotating';

export class AnnotatingMode implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<boolean>();
  private readonly item = vscode.window.createStatusBarItem('newsCorpus.mode', vscode.StatusBarAlignment.Right, 101);
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.item];
  /** Fires with the new state when the mode changes. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {
    this.item.name = 'News Corpus: reading or annotating';
    this.item.command = 'newsCorpus.toggleAnnotatingMode';
    this.disposables.push(
      vscode.commands.registerCommand('newsCorpus.toggleAnnotatingMode', async (on?: boolean) => {
        await this.set(typeof on === 'boolean' ? on : !this.on);
        vscode.window.setStatusBarMessage(this.on ? '$(edit) Annotating: suggestions are underlined' : '$(book) Reading: entities are colored, no suggestions', 3000);
        return this.on;
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      // A .txt becomes a news article just after it opened.
      vscode.workspace.onDidOpenTextDocument(() => this.render()),
    );
    void vscode.commands.executeCommand('setContext', KEY, this.on);
    this.render();
  }

  get on(): boolean {
    return this.state.get<boolean>(KEY, false);
  }

  async set(on: boolean): Promise<void> {
    if (on === this.on) return;
    await this.state.update(KEY, on);
    void vscode.commands.executeCommand('setContext', KEY, on);
    this.render();
    this.emitter.fire(on);
  }

  private render(): void {
    if (vscode.window.activeTextEditor?.document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    this.item.text = this.on ? '$(edit) Annotating' : '$(book) Reading';
    this.item.tooltip = this.on
      ? 'Annotating: suggested entities are underlined (dotted) to accept or reject. Click to switch to reading.'
      : 'Reading: entities are colored, suggestions are not shown (articles with a .ann still show theirs). Click to annotate.';
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
