// Edits that the property tests of per-keystroke reuse apply to a text: positions are taken modulo
// the text's length (fast-check draws any natural number), so every edit applies to any text.

/** `piece` inserted at `at` (modulo the text's length + 1). */
export function insertAt(text: string, at: number, piece: string): string {
  const p = at % (text.length + 1);
  return text.slice(0, p) + piece + text.slice(p);
}

/** `length` characters removed from `at` (modulo the text's length + 1). */
export function deleteAt(text: string, at: number, length: number): string {
  const p = at % (text.length + 1);
  return text.slice(0, p) + text.slice(p + length);
}
