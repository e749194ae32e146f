// The trained model: tag set, hashed weight tables (one per stage), and the
// hashed lexicon. (De)serialised from bytes only; reading the file is the
// caller's business (src/node/nerModel.ts).
import { Gazetteer } from './gazetteer';
import type { Lexicon } from './features';
import { makeTagSet, type TagScheme, type TagSet } from './tags';

export interface Stage {
  /** rows * nt weights, row-major: floats while training, 16-bit integers (times scale) once loaded. */
  weights: Float32Array | Int16Array;
  /** Multiplier of weights (1 for floats). */
  scale: number;
  /** (nt + 1) * nt transition weights; row nt = sentence start. */
  trans: Float32Array;
}

export interface NerModel {
  scheme: TagScheme;
  tagSet: TagSet;
  /** log2 of the number of weight rows. */
  bits: number;
  /** Stage 0 tags from local features; stage 1 (optional) adds document-level evidence from stage 0. */
  stages: Stage[];
  lexicon: Lexicon;
  /**
   * Set on loaded models: hashed row → compact row (or -1 when the row is zero in every stage).
   * Stage weights then hold compact rows only, which keeps the tables small and cache-friendly.
   */
  rowIndex?: Int32Array;
  /** Free-form facts about training (data sizes, dev F1), for reports. */
  info: Record<string, unknown>;
}

/** Weight of hashed row `row` and tag `tag` in a stage, whether the model is compact or not. */
export function weightAt(model: NerModel, stage: number, row: number, tag: number): number {
  const nt = model.tagSet.tags.length;
  const st = model.stages[stage];
  const r = model.rowIndex ? model.rowIndex[row] : row;
  return r < 0 ? 0 : st.weights[r * nt + tag] * st.scale;
}

const MAGIC = 0x4d52454e; // "NERM" little-endian
const VERSION = 1;

export function newModel(scheme: TagScheme, bits: number, lexicon: Lexicon, stages = 1): NerModel {
  const tagSet = makeTagSet(scheme);
  const nt = tagSet.tags.length;
  return {
    scheme,
    tagSet,
    bits,
    stages: Array.from({ length: stages }, () => ({
      weights: new Float32Array((1 << bits) * nt),
      scale: 1,
      trans: new Float32Array((nt + 1) * nt),
    })),
    lexicon,
    info: {},
  };
}

class Writer {
  chunks: Uint8Array[] = [];
  size = 0;
  bytes(b: Uint8Array): void {
    const pad = (4 - (b.length % 4)) % 4;
    this.chunks.push(b);
    if (pad) this.chunks.push(new Uint8Array(pad));
    this.size += b.length + pad;
  }
  u32(v: number): void {
    this.bytes(new Uint8Array(new Uint32Array([v]).buffer));
  }
  array(a: Uint32Array | Float32Array | Int16Array | Uint8Array): void {
    this.u32(a.length);
    this.bytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

class Reader {
  o = 0;
  constructor(private b: Uint8Array) {}
  private take(n: number): Uint8Array {
    if (this.o + n > this.b.length) throw new Error('NER model file is truncated');
    const s = this.b.slice(this.o, this.o + n);
    this.o += n + ((4 - (n % 4)) % 4);
    return s;
  }
  u32(): number {
    return new Uint32Array(this.take(4).buffer)[0];
  }
  u32s(): Uint32Array {
    const n = this.u32();
    return new Uint32Array(this.take(n * 4).buffer);
  }
  f32s(): Float32Array {
    const n = this.u32();
    return new Float32Array(this.take(n * 4).buffer);
  }
  i16s(): Int16Array {
    const n = this.u32();
    return new Int16Array(this.take(n * 2).buffer);
  }
  u8s(): Uint8Array {
    const n = this.u32();
    return this.take(n);
  }
}

function mapToU32(m: Map<number, number>): Uint32Array {
  const keys = [...m.keys()].sort((a, b) => a - b);
  const out = new Uint32Array(keys.length * 2);
  keys.forEach((k, i) => {
    out[2 * i] = k >>> 0;
    out[2 * i + 1] = m.get(k)! >>> 0;
  });
  return out;
}

/**
 * Serialises the model: weights are stored sparsely (a bitmap of non-zero rows) and quantised to
 * 16 bits with one scale per stage; weights below pruneBelow (absolute) are dropped first.
 */
export function serializeModel(model: NerModel, pruneBelow = 0): Uint8Array {
  const nt = model.tagSet.tags.length;
  const rows = 1 << model.bits;
  const w = new Writer();
  const header = {
    version: VERSION,
    scheme: model.scheme,
    bits: model.bits,
    stages: model.stages.length,
    info: model.info,
    scales: [] as number[],
  };
  const stageData: { bitmap: Uint8Array; values: Int16Array; trans: Float32Array }[] = [];
  for (let si = 0; si < model.stages.length; si++) {
    const st = model.stages[si];
    let max = 0;
    for (let i = 0; i < st.weights.length; i++) max = Math.max(max, Math.abs(st.weights[i] * st.scale));
    const scale = max > 0 ? max / 32767 : 1;
    header.scales.push(scale);
    const bitmap = new Uint8Array(rows / 8);
    const vals: number[] = [];
    for (let r = 0; r < rows; r++) {
      let any = false;
      for (let t = 0; t < nt; t++) {
        const v = weightAt(model, si, r, t);
        if (Math.abs(v) >= pruneBelow && Math.round(v / scale) !== 0) any = true;
      }
      if (!any) continue;
      bitmap[r >> 3] |= 1 << (r & 7);
      for (let t = 0; t < nt; t++) {
        const v = weightAt(model, si, r, t);
        vals.push(Math.abs(v) >= pruneBelow ? Math.round(v / scale) : 0);
      }
    }
    stageData.push({ bitmap, values: Int16Array.from(vals), trans: st.trans });
  }
  w.u32(MAGIC);
  w.array(new TextEncoder().encode(JSON.stringify(header)));
  w.array(model.lexicon.gazetteer.toUint32());
  w.array(mapToU32(model.lexicon.tokenTypes));
  for (const s of stageData) {
    w.array(s.trans);
    w.array(s.bitmap);
    w.array(s.values);
  }
  return w.finish();
}

export function deserializeModel(bytes: Uint8Array): NerModel {
  const r = new Reader(bytes);
  if (r.u32() !== MAGIC) throw new Error('not a NER model file (bad magic number)');
  const header = JSON.parse(new TextDecoder().decode(r.u8s()));
  if (header.version !== VERSION) throw new Error(`unsupported NER model version ${header.version}`);
  const gazetteer = Gazetteer.fromUint32(r.u32s());
  const tt = r.u32s();
  const tokenTypes = new Map<number, number>();
  for (let i = 0; i + 1 < tt.length; i += 2) tokenTypes.set(tt[i], tt[i + 1]);
  const model = newModel(header.scheme, header.bits, { gazetteer, tokenTypes }, 0);
  model.info = header.info ?? {};
  const nt = model.tagSet.tags.length;
  const rows = 1 << header.bits;
  const parts: { trans: Float32Array; bitmap: Uint8Array; values: Int16Array; scale: number }[] = [];
  for (let s = 0; s < header.stages; s++) {
    const trans = r.f32s();
    const bitmap = r.u8s();
    const values = r.i16s();
    if (bitmap.length * 8 !== rows) throw new Error('NER model file is inconsistent (row bitmap)');
    parts.push({ trans, bitmap, values, scale: header.scales[s] });
  }
  // Compact rows: the union of the stages' non-zero rows.
  const rowIndex = new Int32Array(rows).fill(-1);
  let compact = 0;
  for (let row = 0; row < rows; row++) {
    const byte = row >> 3;
    const bit = 1 << (row & 7);
    for (const p of parts)
      if (p.bitmap[byte] & bit) {
        rowIndex[row] = compact++;
        break;
      }
  }
  for (const p of parts) {
    const weights = new Int16Array(Math.max(1, compact) * nt);
    let k = 0;
    for (let row = 0; row < rows && k < p.values.length; row++) {
      if (!(p.bitmap[row >> 3] & (1 << (row & 7)))) continue;
      const c = rowIndex[row] * nt;
      for (let t = 0; t < nt; t++) weights[c + t] = p.values[k++];
    }
    if (k !== p.values.length) throw new Error('NER model file is inconsistent (weight count)');
    model.stages.push({ weights, scale: p.scale, trans: p.trans });
  }
  model.rowIndex = rowIndex;
  return model;
}
