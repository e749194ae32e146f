// Converts between JavaScript string offsets (UTF-16 code units, what the editor
// and the rest of the core use) and Unicode code point offsets (what brat, spaCy,
// Prodigy and doccano use, since they index Python strings). The two differ only
// after a non-BMP character (emoji, some CJK, math letters), which takes two
// UTF-16 units but one code point. For BMP-only text the conversion is identity.

export interface OffsetConverter {
  /** True when the text has no surrogate pair (conversions are identity). */
  readonly identity: boolean;
  /** Code point offset → UTF-16 offset (clamped to the text). */
  toUnits(cp: number): number;
  /** UTF-16 offset → code point offset; an offset inside a pair maps to the pair's start. */
  toCodePoints(units: number): number;
}

const IDENTITY: OffsetConverter = { identity: true, toUnits: (cp) => cp, toCodePoints: (u) => u };

/** Builds a converter for text; O(n) once, O(log p) per conversion (p = number of pairs). */
export function offsetConverter(text: string): OffsetConverter {
  // Unit indexes of the high surrogate of each well-formed pair.
  const pairs: number[] = [];
  const n = text.length;
  for (let i = 0; i < n - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs.push(i);
        i++;
      }
    }
  }
  if (pairs.length === 0) return IDENTITY;
  const cpLength = n - pairs.length;
  return {
    identity: false,
    toUnits(cp: number): number {
      if (cp <= 0) return 0;
      if (cp >= cpLength) return n + (cp - cpLength);
      // number of pairs k whose code point index (pairs[k] - k) is < cp
      let lo = 0;
      let hi = pairs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pairs[mid] - mid < cp) lo = mid + 1;
        else hi = mid;
      }
      return cp + lo;
    },
    toCodePoints(u: number): number {
      if (u <= 0) return 0;
      if (u >= n) return u - pairs.length;
      // number of pairs whose low surrogate lies before u (pairs[k] + 1 < u), plus the
      // pair u falls inside (pairs[k] + 1 === u), which maps to the pair's start.
      let lo = 0;
      let hi = pairs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pairs[mid] + 1 <= u) lo = mid + 1;
        else hi = mid;
      }
      return u - lo;
    },
  };
}
