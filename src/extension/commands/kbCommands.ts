// Knowledge-base editing from the hover and the Actors view: Add to Knowledge Base, Merge with…,
// Split, Set Wikidata Id…, Open in Knowledge Base. Edits are the core's small text changes
// (core/corpus/kbEdit: comments and layout kept), applied as one WorkspaceEdit (one undo step) and
// saved by VS Code.
import * as vscode from 'vscode';
import { addToConfigList } from '../../core/config/editConfig';
import { addKbAliases, addKbEntry, removeKbAlias, setKbWikidata, type KbEditResult } from '../../core/corpus/kbEdit';
import type { EntityKind } from '../../core/types';
import type { AnalysisService } from '../analysis/analysisService';
import type { ConfigStore, CorpusRoot } from '../corpus/configStore';
import type { CorpusActors } from '../corpus/corpusActors';
import type { CorpusActorLine } from '../../node/corpusWorkerProtocol';

/** What a KB command needs to know of an actor (JSON-safe: it travels in hover command links). */
export interface KbActorArgs {
  /** The corpus root URI (string). */
  corpus: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  kb?: { file: string; name: string; line: number };
}

/** The KB command arguments of an actor (of an article or of the corpus) in a corpus. */
export function kbArgsOf(actor: { name: string; kind: EntityKind; aliases: readonly string[]; kb?: { file: string; name: string; line: number } }, corpus: CorpusRoot): KbActorArgs {
  return {
    corpus: corpus.root.toString(),
    name: actor.name,
    kind: actor.kind,
    aliases: [...actor.aliases],
    ...(actor.kb ? { kb: { file: actor.kb.file, name: actor.kb.name, line: actor.kb.line } } : {}),
  };
}

/** Corpus actors a pick list offers at most (those with the most articles): a list of all 231,000 actors of 10,000 articles helps nobody. */
export const PICK_LIMIT = 20_000;

/** A pick list's title, saying when it shows only the actors with the most articles. */
export function pickTitle(title: string, shown: number, total: number): string {
  return shown < total ? `${title} (the ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} corpus actors with the most articles)` : title;
}

export const KB_COMMANDS = ['newsCorpus.kb.add', 'newsCorpus.kb.merge', 'newsCorpus.kb.split', 'newsCorpus.kb.setWikidata', 'newsCorpus.kb.open'] as const;

/** The file new entries go to when the corpus has no YAML knowledge base yet. */
export const NEW_KB_FILE = 'knowledge-base.yaml';

/** A command URI for a hover link (arguments JSON-encoded, then percent-encoded). */
export function commandUri(command: (typeof KB_COMMANDS)[number], ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

export function registerKbCommands(store: ConfigStore, analyses: AnalysisService, corpusActors: CorpusActors): vscode.Disposable[] {
  const corpusOf = (a: KbActorArgs): CorpusRoot => {
    const c = store.all().find((r) => r.root.toString() === a.corpus);
    if (!c) throw new Error('The corpus of this actor is no longer open.');
    return c;
  };
  const argsOf = (x: unknown): KbActorArgs => {
    const a = (x as { kbArgs?: KbActorArgs })?.kbArgs ?? (x as KbActorArgs);
    if (!a || typeof a.corpus !== 'string' || typeof a.name !== 'string') throw new Error('Pick an actor in the Actors view or hover one in an article.');
    return a;
  };
  /** The YAML file an edit goes to: the actor's own entry file, else the corpus's first YAML knowledge base. */
  const yamlFileOf = (corpus: CorpusRoot, a: KbActorArgs): string | undefined =>
    a.kb && /\.ya?ml$/i.test(a.kb.file) ? a.kb.file : corpus.config.knowledgeBase.find((f) => /\.ya?ml$/i.test(f));

  const apply = async (corpus: CorpusRoot, relFile: string | undefined, change: (text: string) => KbEditResult): Promise<string | undefined> => {
    const edit = new vscode.WorkspaceEdit();
    let uri: vscode.Uri;
    let text = '';
    if (relFile) {
      uri = vscode.Uri.joinPath(corpus.root, relFile);
      const doc = await vscode.workspace.openTextDocument(uri);
      text = doc.getText();
      const r = change(text);
      if ('error' in r) return void vscode.window.showErrorMessage(r.error);
      if (r.text === text) return text;
      // One replacement of the changed stretch only: one undo step, the rest untouched.
      let s = 0;
      while (s < text.length && s < r.text.length && text[s] === r.text[s]) s++;
      let e = 0;
      while (e < text.length - s && e < r.text.length - s && text[text.length - 1 - e] === r.text[r.text.length - 1 - e]) e++;
      edit.replace(uri, new vscode.Range(doc.positionAt(s), doc.positionAt(text.length - e)), r.text.slice(s, r.text.length - e));
      if (!(await vscode.workspace.applyEdit(edit))) return void vscode.window.showErrorMessage(`Could not edit ${relFile}.`);
      await doc.save();
      analyses.invalidateAll();
      return r.text;
    }
    // No YAML knowledge base yet: create one and list it in newscorpus.yaml, in the same edit.
    uri = vscode.Uri.joinPath(corpus.root, NEW_KB_FILE);
    const r = change('# Knowledge base of this corpus: actors with their other names, Wikidata ids and codes.\nactors:\n');
    if ('error' in r) return void vscode.window.showErrorMessage(r.error);
    const configDoc = await vscode.workspace.openTextDocument(corpus.configUri);
    const config = addToConfigList(configDoc.getText(), ['knowledgeBase'], NEW_KB_FILE);
    if (config === undefined) return void vscode.window.showErrorMessage('newscorpus.yaml has errors: fix them before adding a knowledge base.');
    edit.createFile(uri, { ignoreIfExists: false });
    edit.insert(uri, new vscode.Position(0, 0), r.text);
    edit.replace(corpus.configUri, new vscode.Range(configDoc.positionAt(0), configDoc.positionAt(configDoc.getText().length)), config);
    if (!(await vscode.workspace.applyEdit(edit))) return void vscode.window.showErrorMessage(`Could not create ${NEW_KB_FILE}.`);
    await (await vscode.workspace.openTextDocument(uri)).save();
    await configDoc.save();
    analyses.invalidateAll();
    return r.text;
  };

  return [
    vscode.commands.registerCommand('newsCorpus.kb.add', async (x: unknown) => {
      const a = argsOf(x);
      const corpus = corpusOf(a);
      return apply(corpus, yamlFileOf(corpus, { ...a, kb: undefined }), (t) => addKbEntry(t, { name: a.name, kind: a.kind, aliases: a.aliases }));
    }),

    vscode.commands.registerCommand('newsCorpus.kb.merge', async (x: unknown, otherName?: string) => {
      const a = argsOf(x);
      const corpus = corpusOf(a);
      let other: CorpusActorLine | undefined = otherName !== undefined ? (await corpusActors.find(corpus, otherName)).find((o) => o.name !== a.name) : undefined;
      if (!other) {
        const { actors, total } = await corpusActors.all(corpus, PICK_LIMIT);
        const items = actors
          .filter((o) => o.name !== a.name)
          .map((o) => ({ label: o.name, description: `${o.kind} · ${o.articleCount} article${o.articleCount === 1 ? '' : 's'}`, detail: o.aliases.length ? 'also: ' + o.aliases.slice(0, 8).join(', ') : undefined, actor: o }));
        const pick = await vscode.window.showQuickPick(items, { title: pickTitle('Merge with', actors.length, total), placeHolder: `Merge ${a.name} with… (the other actor's names become other names of one entry)`, matchOnDetail: true });
        if (!pick) return undefined;
        other = pick.actor;
      }
      const otherArgs: KbActorArgs = { corpus: a.corpus, name: other.name, kind: other.kind, aliases: other.aliases, ...(other.kb ? { kb: { file: other.kb.file, name: other.kb.name, line: other.kb.line } } : {}) };
      // Into the entry that exists (a YAML one), else a new entry for the first actor.
      for (const [into, from] of [[a, otherArgs], [otherArgs, a]] as const) {
        if (into.kb && /\.ya?ml$/i.test(into.kb.file)) return apply(corpus, into.kb.file, (t) => addKbAliases(t, into.kb!.name, [from.name, ...from.aliases]));
      }
      return apply(corpus, yamlFileOf(corpus, { ...a, kb: undefined }), (t) => addKbEntry(t, { name: a.name, kind: a.kind, aliases: [...a.aliases, other!.name, ...other!.aliases] }));
    }),

    vscode.commands.registerCommand('newsCorpus.kb.split', async (x: unknown, alias?: string) => {
      const a = argsOf(x);
      const corpus = corpusOf(a);
      if (!a.kb || !/\.ya?ml$/i.test(a.kb.file)) return void vscode.window.showInformationMessage(`${a.name} has no entry in a YAML knowledge base to split.`);
      const name = alias ?? (await vscode.window.showQuickPick(a.aliases, { placeHolder: `Split which name off ${a.kb.name}?` }));
      if (!name) return undefined;
      return apply(corpus, a.kb.file, (t) => removeKbAlias(t, a.kb!.name, name));
    }),

    vscode.commands.registerCommand('newsCorpus.kb.setWikidata', async (x: unknown, qid?: string) => {
      const a = argsOf(x);
      const corpus = corpusOf(a);
      const id =
        qid ??
        (await vscode.window.showInputBox({
          prompt: `Wikidata id of ${a.name}`,
          placeHolder: 'Q106558212',
          validateInput: (v) => (/^Q[1-9]\d*$/.test(v.trim()) ? undefined : 'A Wikidata item id: Q followed by digits'),
        }));
      if (!id) return undefined;
      const file = yamlFileOf(corpus, a);
      if (a.kb && a.kb.file === file) return apply(corpus, file, (t) => setKbWikidata(t, a.kb!.name, id.trim()));
      return apply(corpus, file, (t) => addKbEntry(t, { name: a.name, kind: a.kind, aliases: a.aliases, wikidata: id.trim() }));
    }),

    vscode.commands.registerCommand('newsCorpus.kb.open', async (x: unknown) => {
      const a = argsOf(x);
      const corpus = corpusOf(a);
      if (!a.kb) return void vscode.window.showInformationMessage(`${a.name} is not in the knowledge base.`);
      const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(corpus.root, a.kb.file));
      const line = Math.max(0, Math.min(a.kb.line - 1, editor.document.lineCount - 1));
      editor.selection = new vscode.Selection(line, 0, line, 0);
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
      return `${a.kb.file}:${a.kb.line}`;
    }),
  ];
}
