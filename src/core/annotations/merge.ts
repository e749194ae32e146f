// Merging annotations when the .ann changed on disk while the editor had its
// own changes: everything on disk is kept as it is, and what the editor added
// or changed is added on top (an entry already on disk is not repeated; an id
// taken on disk by something else gets the next free id, and references to it
// follow). Additive: an entry the editor removed but the disk still has stays —
// nothing is lost, the user removes it again if needed.
import { formatEntry, nextId, textBounds, type BratDocument, type BratEntry, type TextBound } from './brat';

function sameSpans(a: TextBound, b: TextBound): boolean {
  return a.type === b.type && a.fragments.length === b.fragments.length && a.fragments.every((f, i) => f.start === b.fragments[i].start && f.end === b.fragments[i].end);
}

function prefixOf(id: string): string {
  const m = /^([A-Za-z#]+)/.exec(id);
  return m ? m[1] : id.charAt(0);
}

/** Merges ours into a copy of disk (both parsed against the same text). Returns the merged document and how many entries were added. */
export function mergeBrat(disk: BratDocument, ours: BratDocument): { merged: BratDocument; added: number } {
  const merged: BratDocument = { eol: disk.eol, problems: [...disk.problems], entries: [...disk.entries] };
  const diskLines = new Set(disk.entries.map((e) => formatEntry(e)));
  const diskIds = new Map<string, BratEntry>();
  for (const e of disk.entries) if (e.kind !== 'other' && e.kind !== '*') diskIds.set(e.id, e);
  const rename = new Map<string, string>();
  let added = 0;
  const mapRef = (id: string) => rename.get(id) ?? id;
  for (const e of ours.entries) {
    if (e.kind === 'other') {
      if (!diskLines.has(e.raw)) {
        merged.entries.push({ ...e });
        added++;
      }
      continue;
    }
    if (e.kind === 'T') {
      const same = textBounds(merged).find((t) => sameSpans(t, e));
      if (same) {
        rename.set(e.id, same.id);
        continue;
      }
      const copy: TextBound = { ...e, fragments: e.fragments.map((f) => ({ ...f })), raw: undefined, key: undefined, eol: undefined };
      if (diskIds.has(e.id)) {
        copy.id = nextId(merged, 'T');
        rename.set(e.id, copy.id);
      }
      merged.entries.push(copy);
      diskIds.set(copy.id, copy);
      added++;
      continue;
    }
    // Other entries: references follow renamed ids; equal lines are not repeated.
    const copy = structuredClone({ ...e, raw: undefined, key: undefined, eol: undefined }) as BratEntry;
    switch (copy.kind) {
      case '#':
      case 'N':
      case 'A':
      case 'M':
        copy.target = mapRef(copy.target);
        break;
      case 'R':
        copy.args = copy.args.map((a) => ({ ...a, target: mapRef(a.target) }));
        break;
      case 'E':
        copy.trigger = mapRef(copy.trigger);
        copy.args = copy.args.map((a) => ({ ...a, target: mapRef(a.target) }));
        break;
      case '*':
        copy.targets = copy.targets.map(mapRef);
        break;
    }
    if (diskLines.has(formatEntry(copy))) continue;
    if (copy.kind !== '*' && copy.kind !== 'other') {
      const onDisk = diskIds.get(copy.id);
      if (onDisk) {
        // Same id, different content: for a note, ours is the newer text of the same note.
        if (copy.kind === '#' && onDisk.kind === '#' && onDisk.target === copy.target) {
          onDisk.note = copy.note;
          added++;
          continue;
        }
        const fresh = nextId(merged, prefixOf(copy.id));
        rename.set(copy.id, fresh);
        copy.id = fresh;
      }
      diskIds.set(copy.id, copy);
    }
    merged.entries.push(copy);
    added++;
  }
  return { merged, added };
}
