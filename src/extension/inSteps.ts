// Work over every article of a corpus on the extension host's thread, a step at a time: the event
// loop turns between steps, so that 100,000 paths made into URIs or located in their corpus do not
// hold the editor's extensions for a noticeable time at once.

/** Items a step maps at most (a few milliseconds of URI or path work). */
export const MAP_STEP = 2_000;

/** items.map(f), MAP_STEP items per turn of the event loop. */
export async function mapInSteps<T, U>(items: readonly T[], f: (x: T) => U, step = MAP_STEP): Promise<U[]> {
  const out: U[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % step === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    out[i] = f(items[i]);
  }
  return out;
}
