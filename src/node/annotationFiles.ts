// Reading and writing an article's annotation files: article.txt, its brat
// standoff article.ann and the rejected-suggestions sidecar article.rejected.json.
// Loading re-anchors annotations whose offsets no longer match the text.
import { existsSync } from 'node:fs';
import {
  parseBrat,
  parseRejections,
  reanchor,
  reanchorAnnotations,
  rejectionSidecarPath,
  serializeBrat,
  serializeRejections,
  textBounds,
  type BratDocument,
  type PersistedDamage,
  type Rejection,
  sidecarNeeded,
} from '../core/annotations';
import { decodeBytes } from '../core/text/decode';
import { writeFileAtomic } from './atomicWrite';
import { readRegularFile, readRegularFileAsync, type SafeRead } from './safeRead';

/** Larger articles are not loaded (the CLI reports them). */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

export function annPathFor(txtPath: string): string {
  return txtPath.replace(/\.txt$/i, '') + '.ann';
}

export interface LoadedArticle {
  txtPath: string;
  annPath: string;
  /** Article text as editors show it (decoded, BOM left out). */
  text: string;
  /** The .txt starts with a UTF-8 BOM (brat counts it: .ann offsets are one more). */
  bom: boolean;
  /** Set when the .txt was not valid UTF-8 or not UTF-8 at all. */
  encodingNote?: string;
  ann: BratDocument;
  /** The .ann as read (undefined when there is none). */
  annRaw?: string;
  rejections: Rejection[];
  /** Human-readable problems: parse errors, re-anchored or damaged annotations. */
  problems: string[];
}

/** A .ann or sidecar is at most this large (far above any real annotation file). */
export const MAX_ANN_BYTES = 64 * 1024 * 1024;

/** The file's text, undefined when there is none; a file that exists but cannot be read is a problem. */
function optionalText(path: string, r: SafeRead, problems: string[]): string | undefined {
  if (r.ok) return new TextDecoder('utf-8').decode(r.bytes);
  if (r.kind !== 'missing') problems.push(`${path}: ${r.message}`);
  return undefined;
}

/** What loading an article reads: its .txt, its .ann and its rejections sidecar. */
interface ArticleReads {
  txt: SafeRead;
  ann: SafeRead;
  sidecar: SafeRead;
}

/** Loads an article with its annotations; re-anchors them against the text. Throws only when the .txt cannot be read. */
export function loadAnnotatedArticle(txtPath: string): LoadedArticle {
  return articleFromReads(txtPath, {
    txt: readRegularFile(txtPath, MAX_ARTICLE_BYTES),
    ann: readRegularFile(annPathFor(txtPath), MAX_ANN_BYTES),
    sidecar: readRegularFile(rejectionSidecarPath(txtPath), MAX_ANN_BYTES),
  });
}

/**
 * loadAnnotatedArticle with the three files read without blocking the calling thread (the extension
 * host going through a corpus for an export or a clean copy); the same result.
 */
export async function loadAnnotatedArticleAsync(txtPath: string): Promise<LoadedArticle> {
  const [txt, ann, sidecar] = await Promise.all([
    readRegularFileAsync(txtPath, MAX_ARTICLE_BYTES),
    readRegularFileAsync(annPathFor(txtPath), MAX_ANN_BYTES),
    readRegularFileAsync(rejectionSidecarPath(txtPath), MAX_ANN_BYTES),
  ]);
  return articleFromReads(txtPath, { txt, ann, sidecar });
}

function articleFromReads(txtPath: string, reads: ArticleReads): LoadedArticle {
  const read = reads.txt;
  if (!read.ok) throw new Error(`${txtPath} ${read.message}`);
  const decoded = decodeBytes(read.bytes);
  const text = decoded.text;
  const bom = decoded.encoding === 'utf-8-bom';
  const annPath = annPathFor(txtPath);
  const problems: string[] = [];
  const annRaw = optionalText(annPath, reads.ann, problems);
  if (decoded.warning) problems.push(`${txtPath}: ${decoded.warning}`);
  if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') problems.push(`${txtPath}: UTF-16 text; brat expects UTF-8`);
  const ann = parseBrat(annRaw ?? '', text, { bom });
  for (const p of ann.problems) problems.push(`${annPath}:${p.line}: ${p.message}`);
  const sidecar = optionalText(rejectionSidecarPath(txtPath), reads.sidecar, problems);
  let rejections: Rejection[] = [];
  let persisted: PersistedDamage[] = [];
  if (sidecar !== undefined) {
    const parsed = parseRejections(sidecar, text);
    problems.push(...parsed.problems.map((m) => `${rejectionSidecarPath(txtPath)}: ${m}`));
    rejections = parsed.rejections;
    persisted = parsed.damaged;
    reanchor(text, rejections);
  }
  for (const o of reanchorAnnotations(text, textBounds(ann), persisted)) {
    if (o.status === 'reanchored') {
      const f = o.item.fragments;
      problems.push(`${annPath}: ${o.item.id} re-anchored: it started at ${o.from}, now covers ${f.map((x) => `${x.start}-${x.end}`).join(';')} ("${o.item.text}")`);
    }
    else if (o.status !== 'ok') problems.push(`${annPath}: ${o.item.id}: ${o.item.damage?.message}`);
  }
  return { txtPath, annPath, text, bom, encodingNote: decoded.warning, ann, annRaw, rejections, problems };
}

/** Writes the .ann (and the rejections sidecar when there are rejections or one exists) atomically. */
export async function saveAnnotations(
  txtPath: string,
  text: string,
  ann: BratDocument,
  rejections?: Rejection[],
  options: { bom?: boolean } = {},
): Promise<string> {
  const annText = serializeBrat(ann, text, options);
  await writeFileAtomic(annPathFor(txtPath), annText);
  if (rejections) {
    const side = rejectionSidecarPath(txtPath);
    if (sidecarNeeded(rejections, textBounds(ann)) || existsSync(side)) await writeFileAtomic(side, serializeRejections(rejections, text, textBounds(ann)));
  }
  return annText;
}
