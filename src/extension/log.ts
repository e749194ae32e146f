// The "News Corpus Annotator" output channel: what the extension did (corpus
// found, index built and how long, engine fallbacks, skipped files and why), at
// the level set in newsCorpus.log.level.
import * as vscode from 'vscode';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };
const SETTING = 'newsCorpus.log.level';

let channel: vscode.OutputChannel | undefined;
let level: LogLevel = 'info';

function readLevel(): LogLevel {
  const v = vscode.workspace.getConfiguration().get<string>(SETTING, 'info');
  return v in RANK ? (v as LogLevel) : 'info';
}

/** Creates the output channel (once) and follows the level setting. */
export function initLog(context: vscode.ExtensionContext): vscode.OutputChannel {
  if (!channel) channel = vscode.window.createOutputChannel('News Corpus Annotator');
  level = readLevel();
  context.subscriptions.push(
    channel,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTING)) level = readLevel();
    }),
    { dispose: () => (channel = undefined) },
  );
  return channel;
}

function write(at: LogLevel, message: string): void {
  if (!channel || RANK[at] > RANK[level]) return;
  channel.appendLine(`${new Date().toISOString()} [${at}] ${message}`);
}

/** Lines in the output channel; nothing is written before initLog or above the set level. */
export const log = {
  error: (message: string) => write('error', message),
  warn: (message: string) => write('warn', message),
  info: (message: string) => write('info', message),
  debug: (message: string) => write('debug', message),
};
