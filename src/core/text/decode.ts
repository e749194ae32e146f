// Decoding file bytes for the CLI and for files the editor has not opened.

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'latin1';
  /** Set when the bytes were not valid in the encoding tried first. */
  warning?: string;
}

/**
 * Decodes bytes as UTF-8 (BOM kept out of the text as editors do), UTF-16 with a BOM,
 * or, when UTF-8 is invalid, as UTF-8 with replacement characters (and a warning), so
 * that offsets match what VS Code shows for the same file.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return {
      text: new TextDecoder('utf-8').decode(body),
      encoding: 'utf-8',
      warning: 'not valid UTF-8: invalid bytes were replaced by \uFFFD',
    };
  }
}
