// Hand annotation in brat standoff: parse/serialise that round-trips byte for
// byte, offsets that follow edits, re-anchoring, suggestions vs confirmed,
// rejections, export/import (JSONL, CoNLL) and clean corpus. Pure and synchronous.
export * from './brat';
export * from './codepoints';
export * from './edits';
export * from './anchor';
export * from './rejections';
export * from './suggestions';
export * from './labels';
export * from './tokens';
export * from './export';
export * from './import';
export * from './clean';
export * from './merge';
