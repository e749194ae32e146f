import * as assert from 'assert';
import { parsePanelState, parseWebviewMessage } from '../../../webview/dossier/protocol';

describe('dossier webview messages', () => {
  it('accepts the well-formed messages and drops extra fields', () => {
    assert.deepStrictEqual(parseWebviewMessage({ type: 'openMention', article: 2, mention: 0, file: '/etc/passwd' }), { type: 'openMention', article: 2, mention: 0 });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'openDossier', coActor: 1 }), { type: 'openDossier', coActor: 1 });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'export', format: 'exe' }), { type: 'export' });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'rendered', name: 'Assimi Goïta', mentions: 4, period: null }), { type: 'rendered', name: 'Assimi Goïta', mentions: 4, period: null });
  });

  it('refuses anything else: paths, negative or fractional indices, unknown types, non-objects', () => {
    for (const raw of [
      null,
      'openMention',
      { type: 'openMention', article: '0', mention: 0 },
      { type: 'openMention', article: -1, mention: 0 },
      { type: 'openMention', article: 0.5, mention: 0 },
      { type: 'openMention', article: 0 },
      { type: 'openDossier', coActor: 'person:x' },
      { type: 'openFile', path: '/etc/passwd' },
      { type: 'rendered', name: 1, mentions: 0, period: null },
    ]) assert.strictEqual(parseWebviewMessage(raw), undefined, JSON.stringify(raw));
  });

  it('restores only a well-formed panel state', () => {
    assert.deepStrictEqual(parsePanelState({ actorId: 'person:x', corpus: 'file:///c', extra: 1 }), { actorId: 'person:x', corpus: 'file:///c' });
    assert.strictEqual(parsePanelState({ actorId: 1, corpus: 'file:///c' }), undefined);
    assert.strictEqual(parsePanelState(undefined), undefined);
  });
});
