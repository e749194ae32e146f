// A string that a long-lived cache keeps must not keep the text it was cut from. In V8 a slice of 13
// or more characters is a view into its parent string, so a cache keyed by a token or a line of an
// article held every such article whole, for as long as the entry lived (the tagger's token cache of an
// index worker grew by about 50 KB per article this way). Copying the characters once, when the entry
// is made, costs far less than the text it frees.

/** Below this length V8 copies a slice anyway (its SlicedString minimum). */
const SLICE_MIN = 13;

/**
 * `s` with characters of its own: equal to `s`, but never a view into a longer string. Short strings
 * are returned as they are. (Prefixing forces a flat copy; slicing the prefix off refers to that copy only.)
 */
export function ownString(s: string): string {
  return s.length < SLICE_MIN ? s : (' ' + s).slice(1);
}
