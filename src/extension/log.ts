// The "News Corpus Annotator" output channel: what the extension did (corpus found, index built and
// how long, engine fallbacks, skipped files and why). Its level is newsCorpus.log.level.
import * as vscode from 'vscode';

type Level = 'error' | 'warn' | 'info' | 'debug';
const ORDER: Record<Level, number> = { error: 0, warn: 1, info: 2, debug: 3 };
let channel: vscode.OutputChannel | undefined;

function enabled(level: Level): boolean {
  const set = vscode.workspace.getConfiguration('newsCorpus').get<string>('log.level', 'info') as Level;
  return ORDER[level] <= (ORDER[set] ?? ORDER.info);
}

function write(level: Level, message: string): void {
  if (!channel || !enabled(level)) return;
  channel.appendLine(`${new Date().toISOString()} [${level}] ${message}`);
}

export const log = {
  error: (m: string) => write('error', m),
  warn: (m: string) => write('warn', m),
  info: (m: string) => write('info', m),
  debug: (m: string) => write('debug', m),
};

export function initLog(context: vscode.ExtensionContext): vscode.OutputChannel {
  channel = vscode.window.createOutputChannel('News Corpus Annotator');
  context.subscriptions.push(channel, { dispose: () => (channel = undefined) });
  return channel;
}
