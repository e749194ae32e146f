// The corpus actors of each corpus for the editor (Actors view, KB commands): built by the core
// corpus model from the analysis service's summaries and the corpus's knowledge base, rebuilt
// lazily after the corpus or its analyses change.
import * as vscode from 'vscode';
import { buildCorpusActors, type CorpusActorIndex } from '../../core/corpus/corpusActors';
import type { KnowledgeBase } from '../../core/corpus/knowledgeBase';
import { currentKnowledgeBase } from '../../node/knowledgeBase';
import type { AnalysisService } from '../analysis/analysisService';
import type { CorpusRoot } from './configStore';

export function knowledgeBaseOf(corpus: CorpusRoot): KnowledgeBase | undefined {
  return corpus.root.scheme === 'file' ? currentKnowledgeBase(corpus.root.fsPath, corpus.config.knowledgeBase) : undefined;
}

export class CorpusActors implements vscode.Disposable {
  private readonly cache = new Map<string, { index: CorpusActorIndex; kb?: KnowledgeBase }>();
  private readonly emitter = new vscode.EventEmitter<CorpusRoot | undefined>();
  /** Fires when the corpus actors of a corpus (undefined: of every corpus) may have changed. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly analyses: AnalysisService) {
    this.disposables = [
      this.emitter,
      analyses.onDidChangeCorpus((c) => {
        this.cache.delete(c.root.toString());
        this.emitter.fire(c);
      }),
      analyses.onDidChange(() => {
        this.cache.clear();
        this.emitter.fire(undefined);
      }),
    ];
  }

  /** The corpus actors of a corpus if they are built and current, without building them. */
  peek(corpus: CorpusRoot): CorpusActorIndex | undefined {
    const hit = this.cache.get(corpus.root.toString());
    return hit && hit.kb === knowledgeBaseOf(corpus) ? hit.index : undefined;
  }

  of(corpus: CorpusRoot): CorpusActorIndex {
    const key = corpus.root.toString();
    const kb = knowledgeBaseOf(corpus);
    const hit = this.cache.get(key);
    if (hit && hit.kb === kb) return hit.index;
    const index = buildCorpusActors(this.analyses.corpusSummaries(corpus), kb);
    this.cache.set(key, { index, kb });
    return index;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
