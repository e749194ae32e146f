// "Did you mean…": the names closest to a query, accents and case ignored (an unknown actor name in
// the CLI, a quick pick with no match).
import { foldName } from './fold';

/** Levenshtein distance of two strings, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The `n` names closest to `query` (folded): names containing the query first, then by edit
 * distance (to the whole name or one of its words) up to half the query's length; ties keep the order given (callers pass the most
 * frequent first).
 */
export function closestNames(query: string, names: readonly string[], n = 5): string[] {
  const q = foldName(query);
  const max = Math.max(2, Math.floor(q.length / 2));
  const scored: { name: string; score: number; i: number }[] = [];
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const f = foldName(name);
    if (seen.has(f)) return;
    seen.add(f);
    // A name is as close as its closest word ("Tiani" is near "Abdourahamane Tchiani").
    let score = q && f.includes(q) ? 0 : q.includes(f) && f.length >= 3 ? 0.5 : editDistance(q, f, max);
    if (score > max) for (const w of f.split(' ')) if (w.length >= 3) score = Math.min(score, editDistance(q, w, max));
    if (score <= max) scored.push({ name, score, i });
  });
  return scored.sort((a, b) => a.score - b.score || a.i - b.i).slice(0, n).map((s) => s.name);
}
