import * as vscode from 'vscode';
import type { DateMention, EntityMention } from '../../core/types';
import type { AnalysisService } from '../analysis/analysisService';

export const TOKEN_TYPES = ['person', 'organization', 'place', 'entityOther', 'date', 'time', 'duration'];
export const TOKEN_MODIFIERS = ['demonym'];
export const LEGEND = new vscode.SemanticTokensLegend(TOKEN_TYPES, TOKEN_MODIFIERS);

const ENTITY_TYPE: Record<EntityMention['kind'], number> = { person: 0, organization: 1, place: 2, other: 3 };
const DATE_TYPE: Record<DateMention['type'], number> = { DATE: 4, TIME: 5, DURATION: 6, SET: 6 };

interface Tok {
  start: number;
  end: number;
  type: number;
  mods: number;
}

/** Entities and dates as semantic tokens; nothing on lines flagged as boilerplate. */
export class SemanticTokensProvider implements vscode.DocumentSemanticTokensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.emitter.event;

  constructor(private readonly analyses: AnalysisService) {
    analyses.onDidChange(() => this.emitter.fire());
    analyses.onDidChangeKinds(() => this.emitter.fire());
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('newsCorpus.highlighting') && this.emitter.fire());
  }

  async provideDocumentSemanticTokens(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.SemanticTokens | undefined> {
    const entry = await this.analyses.get(doc);
    // A result of another version than the document's now would put tokens at wrong places.
    if (!entry || token?.isCancellationRequested || entry.version !== doc.version) return undefined;
    const a = entry.analysis;
    const cfg = vscode.workspace.getConfiguration('newsCorpus.highlighting', doc.uri);
    const flagged = new Set(a.boilerplate.map((b) => b.line));
    const toks: Tok[] = [];
    if (cfg.get('entities', true)) {
      for (const e of a.entities) {
        const demonym = e.refersTo ? 1 : 0;
        toks.push({ start: e.start, end: e.end, type: demonym ? ENTITY_TYPE.place : ENTITY_TYPE[e.kind], mods: demonym });
      }
    }
    if (cfg.get('dates', true)) {
      for (const d of a.dates) {
        if (flagged.has(doc.positionAt(d.start).line)) continue;
        toks.push({ start: d.start, end: d.end, type: DATE_TYPE[d.type], mods: 0 });
      }
    }
    toks.sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start));
    const builder = new vscode.SemanticTokensBuilder(LEGEND);
    let lastEnd = -1;
    for (const t of toks) {
      if (t.start < lastEnd) continue; // tokens may not overlap: the earlier, longer one wins
      lastEnd = t.end;
      // A token may not cross a line break.
      let s = t.start;
      while (s < t.end) {
        const p = doc.positionAt(s);
        const lineEnd = doc.offsetAt(doc.lineAt(p.line).range.end);
        const e = Math.min(t.end, lineEnd);
        if (e > s) builder.push(p.line, p.character, e - s, t.type, t.mods);
        s = Math.max(e, doc.offsetAt(new vscode.Position(p.line + 1, 0)));
        if (p.line + 1 >= doc.lineCount) break;
      }
    }
    return builder.build();
  }
}
