// Bounded-time checks compare two sizes: the time for 4× the input must grow like the input
// (linear), not like its square. The two sizes are timed in turns (small, large, small, …) and
// each keeps its best run, so a machine busy with other work slows both alike. A timing is
// never asserted on its own.
export function growth(run: (size: number) => void, small: number, factor = 4, repeats = 5): { ratio: number; small: number; large: number } {
  run(small); // warm-up: compile the hot paths
  run(small * factor);
  let s = Infinity;
  let l = Infinity;
  for (let i = 0; i < repeats; i++) {
    let a = performance.now();
    run(small);
    s = Math.min(s, performance.now() - a);
    a = performance.now();
    run(small * factor);
    l = Math.min(l, performance.now() - a);
  }
  return { ratio: l / Math.max(s, 1), small: s, large: l };
}

/** Linear growth for a 4× input is a ratio near 4; quadratic is near 16. Between: this bound. */
export const MAX_RATIO_4X = 9;
