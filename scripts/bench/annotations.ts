// Speed of the annotation core on an invented article of about 100 KB with 2,000
// annotations: .ann parse + serialise, offsets following a keystroke, re-anchoring
// every annotation after the text moved, CoNLL and JSONL export. No data needed.
import type { BenchOptions } from '../bench';
import {
  addTextBound,
  applyTextChanges,
  exportConll,
  exportJsonl,
  parseBrat,
  prepareForExport,
  reanchor,
  serializeBrat,
  textBounds,
} from '../../src/core/annotations';

const SENTENCES = [
  'Ada Moreau met the Lumen Group in Porto on Monday to discuss the harbour project.',
  'Officials of the Northern Rail Company said the line to Vila Nova would reopen in May.',
  'Jonas Pereira, who chairs the council, told reporters the budget was not yet agreed.',
  'The 🙂 emoji-laden post by Clara Duval was shared widely in Lisbon and in Braga.',
];

function article(): { text: string; ann: string } {
  const parts: string[] = [];
  for (let i = 0; parts.join('\n').length < 100_000; i++) parts.push(SENTENCES[i % SENTENCES.length]);
  const text = parts.join('\n') + '\n';
  const doc = parseBrat('', text);
  const names = ['Ada Moreau', 'Lumen Group', 'Porto', 'Northern Rail Company', 'Jonas Pereira', 'Clara Duval', 'Lisbon'];
  const labels = ['PER', 'ORG', 'LOC', 'ORG', 'PER', 'PER', 'LOC'];
  let from = 0;
  for (let k = 0; textBounds(doc).length < 2000; k++) {
    const n = k % names.length;
    const i = text.indexOf(names[n], from);
    if (i < 0) {
      from = 0;
      continue;
    }
    addTextBound(doc, text, labels[n], [{ start: i, end: i + names[n].length }]);
    from = i + 1;
  }
  return { text, ann: serializeBrat(doc, text) };
}

function rate(seconds: number, f: () => void): number {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const t0 = performance.now();
  while (performance.now() < end) {
    f();
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

export async function bench(opts: BenchOptions): Promise<Record<string, number | string>> {
  const { text, ann } = article();
  const s = Math.max(0.3, opts.seconds / 5);
  const roundTrips = rate(s, () => {
    if (serializeBrat(parseBrat(ann, text), text) !== ann) throw new Error('round trip changed the file');
  });
  const doc = parseBrat(ann, text);
  const items = textBounds(doc);
  let off = 10;
  const edits = rate(s, () => {
    applyTextChanges(items, [{ rangeOffset: off, rangeLength: 0, text: 'x' }]);
    applyTextChanges(items, [{ rangeOffset: off, rangeLength: 1, text: '' }]);
    off = (off + 997) % (text.length - 2);
  });
  const moved = 'PREFIX LINE\n' + text;
  const reanchors = rate(s, () => {
    const d = parseBrat(ann, text);
    reanchor(moved, textBounds(d));
  });
  const once = reanchor(moved, textBounds(parseBrat(ann, text)));
  const placed = once.filter((o) => o.status === 'reanchored').length / once.length;
  const prepared = [prepareForExport({ text, ann: doc })];
  const conll = rate(s, () => exportConll(prepared));
  const jsonl = rate(s, () => exportJsonl(prepared));
  return {
    article: `${text.length} chars, ${items.length} annotations (invented)`,
    'ann round trips/s': roundTrips,
    'ms per ann round trip': 1000 / roundTrips,
    'µs per edit (2,000 annotations)': 1e6 / (edits * 2),
    'ms to re-anchor 2,000 moved annotations': 1000 / reanchors,
    'share re-anchored with certainty': placed,
    'CoNLL export MB/s': (conll * text.length) / 1e6,
    'JSONL export MB/s': (jsonl * text.length) / 1e6,
  };
}
