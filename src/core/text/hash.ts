const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a 32-bit hash of a string (stable across hosts and runs). */
export function hash32(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** hash32 of the string the first `length` UTF-16 code units of `units` make, without making it. */
export function hash32Units(units: ArrayLike<number>, length: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < length; i++) h = Math.imul(h ^ units[i], FNV_PRIME);
  return h >>> 0;
}
