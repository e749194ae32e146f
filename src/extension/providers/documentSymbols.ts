import * as vscode from 'vscode';
import type { EntityKind } from '../../core/types';
import type { AnalysisService } from '../analysis/analysisService';

const KIND: Record<EntityKind, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organization: vscode.SymbolKind.Class,
  place: vscode.SymbolKind.Namespace,
  other: vscode.SymbolKind.Key,
};

/**
 * Outline: the headline, each paragraph (boilerplate marked), and the entities inside each.
 * VS Code's tooltip reads "name (kind)": paragraphs are structures, not "(string)"; boilerplate a field, not "(null)".
 */
export class DocumentSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly analyses: AnalysisService) {}

  async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const entry = await this.analyses.get(doc);
    if (!entry || entry.version !== doc.version) return [];
    const a = entry.analysis;
    const flagged = new Map(a.boilerplate.map((b) => [b.line, b]));
    const range = (s: number, e: number) => new vscode.Range(doc.positionAt(s), doc.positionAt(e));
    let para = 0;
    return a.blocks.map((b) => {
      const text = a.text.slice(b.start, b.end).trim();
      const f = flagged.get(b.startLine);
      const name = b.kind === 'headline' ? text : `¶ ${++para}  ${text.length > 60 ? text.slice(0, 57).trimEnd() + '…' : text}`;
      const sym = new vscode.DocumentSymbol(
        name || '(empty)',
        b.kind === 'headline' ? 'headline' : f ? `boilerplate: ${f.category}` : `line ${b.startLine + 1}`,
        b.kind === 'headline' ? vscode.SymbolKind.File : f ? vscode.SymbolKind.Field : vscode.SymbolKind.Struct,
        range(b.start, b.end),
        range(b.start, b.end),
      );
      sym.children = a.entities
        .filter((e) => e.start >= b.start && e.end <= b.end)
        .map((e) => new vscode.DocumentSymbol(e.text, e.refersTo ? `${e.kind} → ${e.refersTo}` : e.kind, KIND[e.kind], range(e.start, e.end), range(e.start, e.end)));
      return sym;
    });
  }
}
