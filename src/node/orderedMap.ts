// Runs an async function over items with at most `limit` at once, and hands the results on in the
// items' order (a result waits until those before it are handed on). Streams: items are pulled from
// the iterable as slots free up, and nothing is kept beyond the results waiting for their turn.
export async function orderedMap<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  emit: (result: R, item: T, index: number) => void | Promise<void>,
): Promise<number> {
  const ready = new Map<number, { r: R; item: T }>();
  const inFlight = new Set<Promise<void>>();
  let next = 0;
  let count = 0;
  let flushing: Promise<void> = Promise.resolve();
  const flush = () => {
    flushing = flushing.then(async () => {
      while (ready.has(next)) {
        const { r, item } = ready.get(next)!;
        ready.delete(next);
        await emit(r, item, next++);
      }
    });
    return flushing;
  };
  for await (const item of items) {
    const i = count++;
    const job = fn(item, i).then(async (r) => {
      ready.set(i, { r, item });
      await flush();
    });
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job)).catch(() => undefined);
    if (inFlight.size >= Math.max(1, limit)) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await flush();
  return count;
}
