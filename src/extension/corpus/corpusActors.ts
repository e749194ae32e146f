// The corpus actors of each corpus for the editor (Actors view, KB commands): built by the core
// corpus model from the analysis service's summaries and the corpus's knowledge base, rebuilt
// lazily after the corpus or its analyses change.
import * as vscode from 'vscode';
import { buildCorpusActors, type CorpusActorIndex } from '../../core/corpus/corpusActors';
import type { KnowledgeBase } from '../../core/corpus/knowledgeBase';
import { KnowledgeBaseLoader } from '../../node/knowledgeBase';
import type { AnalysisService } from '../analysis/analysisService';
import type { CorpusRoot } from './configStore';

export class CorpusActors implements vscode.Disposable {
  private readonly cache = new Map<string, { index: CorpusActorIndex; kb?: KnowledgeBase }>();
  private readonly emitter = new vscode.EventEmitter<CorpusRoot | undefined>();
  /** Fires when the corpus actors of a corpus (undefined: of every corpus) may have changed. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[];

  /** Knowledge bases parsed in the index workers (a big dictionary never blocks the host thread). */
  private readonly kbs: KnowledgeBaseLoader;

  constructor(private readonly analyses: AnalysisService) {
    this.kbs = new KnowledgeBaseLoader(
      (text, relFile) => analyses.parseKnowledgeBase(text, relFile),
      () => {
        // A knowledge base (re)loaded: corpus actors are linked again.
        this.cache.clear();
        this.emitter.fire(undefined);
      },
    );
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

  /**
   * The knowledge base of a corpus as loaded so far (undefined while its first load runs in a worker;
   * the corpus actors are rebuilt when it arrives).
   */
  knowledgeBaseOf(corpus: CorpusRoot): KnowledgeBase | undefined {
    return corpus.root.scheme === 'file' ? this.kbs.get(corpus.root.fsPath, corpus.config.knowledgeBase) : undefined;
  }

  /** The knowledge base of a corpus once its files, as they are now, are loaded. */
  knowledgeBaseReady(corpus: CorpusRoot): Promise<KnowledgeBase | undefined> {
    return corpus.root.scheme === 'file' ? this.kbs.ready(corpus.root.fsPath, corpus.config.knowledgeBase) : Promise.resolve(undefined);
  }

  /** The corpus actors of a corpus if they are built and current, without building them. */
  peek(corpus: CorpusRoot): CorpusActorIndex | undefined {
    const hit = this.cache.get(corpus.root.toString());
    return hit && hit.kb === this.knowledgeBaseOf(corpus) ? hit.index : undefined;
  }

  /** The corpus actors once the corpus's knowledge base is loaded (for views and commands: linked from the start). */
  async ready(corpus: CorpusRoot): Promise<CorpusActorIndex> {
    await this.knowledgeBaseReady(corpus);
    return this.of(corpus);
  }

  of(corpus: CorpusRoot): CorpusActorIndex {
    const key = corpus.root.toString();
    const kb = this.knowledgeBaseOf(corpus);
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
