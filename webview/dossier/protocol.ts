// Messages between the dossier panel (src/extension/webviews/dossierPanel.ts) and its webview
// (webview/dossier/main.ts): one definition imported by both sides. The webview is untrusted: the
// extension checks every message with parseWebviewMessage before acting on it, and a message names
// things by their index in the dossier the extension sent, never by path.
import type { DossierDetail } from '../../src/core/corpus/dossier';

export const DOSSIER_VIEW_TYPE = 'newsCorpus.dossier';

/** What the webview keeps across reloads (vscode.getState) and the serializer gets back. */
export interface DossierPanelState {
  actorId: string;
  /** The corpus root as a URI string. */
  corpus: string;
}

/** Extension → webview. */
export type HostMessage =
  | { type: 'dossier'; dossier: DossierDetail; corpusName: string; state: DossierPanelState }
  | { type: 'missing'; message: string };

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'openMention'; article: number; mention: number }
  | { type: 'openDossier'; coActor: number }
  | { type: 'export' }
  /** What the webview shows after each render: the name in its header, the mentions listed and the period filter. */
  | { type: 'rendered'; name: string; mentions: number; period: string | null };

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e7;

/** The message when it is well formed, else undefined (extra fields are dropped). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'export':
      return { type: m.type };
    case 'openMention':
      return isIndex(m.article) && isIndex(m.mention) ? { type: 'openMention', article: m.article, mention: m.mention } : undefined;
    case 'openDossier':
      return isIndex(m.coActor) ? { type: 'openDossier', coActor: m.coActor } : undefined;
    case 'rendered':
      return typeof m.name === 'string' && m.name.length <= 1000 && isIndex(m.mentions) && (m.period === null || (typeof m.period === 'string' && m.period.length <= 20))
        ? { type: 'rendered', name: m.name, mentions: m.mentions, period: m.period }
        : undefined;
    default:
      return undefined;
  }
}

/** A saved panel state when well formed (the serializer gets whatever the webview stored). */
export function parsePanelState(raw: unknown): DossierPanelState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const s = raw as Record<string, unknown>;
  return typeof s.actorId === 'string' && typeof s.corpus === 'string' && s.actorId.length < 1000 && s.corpus.length < 5000 ? { actorId: s.actorId, corpus: s.corpus } : undefined;
}
