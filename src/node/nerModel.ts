// Loads the shipped entity model (models/ner.bin) once, lazily, and caches it.
// From the bundles (dist/extension.js, dist/cli.js) the model is ../models/ner.bin;
// from source run with tsx (src/node/nerModel.ts) it is ../../models/ner.bin.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserializeModel, type NerModel } from '../core/ner/model';

const cache = new Map<string, NerModel>();

/** Candidate locations of the shipped model, in the order tried. */
export function defaultNerModelPaths(): string[] {
  return [join(__dirname, '..', 'models', 'ner.bin'), join(__dirname, '..', '..', 'models', 'ner.bin')];
}

/**
 * The model at modelPath, or the shipped one. Read and decoded once per path; later calls return the
 * same object. Throws an Error naming the paths tried when no model file is found or it is invalid.
 */
export function loadNerModel(modelPath?: string): NerModel {
  const candidates = modelPath ? [resolve(modelPath)] : defaultNerModelPaths();
  for (const p of candidates) {
    const hit = cache.get(p);
    if (hit) return hit;
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`NER model not found (tried ${candidates.join(', ')}); run npm run train:ner to create it`);
  let model: NerModel;
  try {
    const buf = readFileSync(found);
    model = deserializeModel(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  } catch (e) {
    throw new Error(`NER model at ${found} could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  cache.set(found, model);
  return model;
}
