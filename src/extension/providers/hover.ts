import * as vscode from 'vscode';
import { actorHover, boilerplateEntityHover, dateHover } from '../../core/present/hoverMarkdown';
import type { AnalysisService } from '../analysis/analysisService';

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: AnalysisService) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const entry = await this.analyses.get(doc);
    if (!entry || entry.version !== doc.version) return undefined;
    const a = entry.analysis;
    const offset = doc.offsetAt(pos);
    const at = <T extends { start: number; end: number }>(xs: T[]) => xs.find((x) => x.start <= offset && offset < x.end);
    const range = (s: { start: number; end: number }) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
    const md = (s: string) => {
      const m = new vscode.MarkdownString(s);
      m.isTrusted = false;
      m.supportHtml = false;
      return m;
    };
    const date = at(a.dates);
    const entity = at(a.entities);
    if (entity && (!date || entity.end - entity.start >= date.end - date.start)) {
      if (entity.inBoilerplate) return new vscode.Hover(md(boilerplateEntityHover(entity)), range(entity));
      const actor = a.actors.find((x) => x.mentions.some((m) => m.start === entity.start && m.end === entity.end));
      if (!actor) return undefined;
      const state = this.analyses.corpusState(entry.location.corpus);
      const corpus = { articles: state.names.articlesMentioning(actor), indexed: state.names.articleCount, complete: state.ready };
      return new vscode.Hover(md(actorHover(actor, entity, corpus)), range(entity));
    }
    if (date) return new vscode.Hover(md(dateHover(date, a.articleDate)), range(date));
    return undefined;
  }
}
