// What the corpus as a whole knows about names: which articles mention which
// name forms. Fed one article at a time (and updated as files change).
import { foldName } from '../text/fold';
/** What the index needs of an actor: its names, and whether it stands in boilerplate only. */
export interface NamedActor {
  name: string;
  aliases: readonly string[];
  boilerplateOnly?: boolean;
}

export class CorpusIndex {
  private readonly names = new Map<string, Set<string>>(); // folded name form → docIds
  private readonly docs = new Map<string, Set<string>>(); // docId → folded name forms

  get articleCount(): number {
    return this.docs.size;
  }

  has(docId: string): boolean {
    return this.docs.has(docId);
  }

  /** Records the actors of one article (replacing what was known of it). */
  setArticle(docId: string, actors: readonly NamedActor[]): void {
    this.removeArticle(docId);
    const forms = new Set<string>();
    for (const a of actors) {
      if (a.boilerplateOnly) continue;
      for (const n of [a.name, ...a.aliases]) forms.add(foldName(n));
    }
    this.docs.set(docId, forms);
    for (const f of forms) {
      let s = this.names.get(f);
      if (!s) this.names.set(f, (s = new Set()));
      s.add(docId);
    }
  }

  removeArticle(docId: string): void {
    const forms = this.docs.get(docId);
    if (!forms) return;
    for (const f of forms) {
      const s = this.names.get(f);
      s?.delete(docId);
      if (s && s.size === 0) this.names.delete(f);
    }
    this.docs.delete(docId);
  }

  /** Articles that mention any of the actor's names, sorted. */
  articlesMentioning(actor: Pick<NamedActor, 'name' | 'aliases'>): string[] {
    const out = new Set<string>();
    for (const n of [actor.name, ...actor.aliases]) for (const d of this.names.get(foldName(n)) ?? []) out.add(d);
    return [...out].sort();
  }
}
