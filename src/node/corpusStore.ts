// The persisted corpus index: one ArticleSummary per article, keyed by the article's content and by
// the engine and config it was computed with, in a folder that survives restarts (the extension's
// workspace storage, or any folder given to `news-annotate index --cache`).
//
// Layout, chosen over an embedded database because it is crash-safe with plain appends and needs no
// native module (lmdb and classic-level are native; sql.js keeps the whole database in memory and
// rewrites it whole): `manifest.json` (format, engine key) and `entries.log`, one line per write:
// `<crc32 hex> <json>`. The last line for a path wins. A torn or interleaved line (a crash, two
// writers at once) fails its checksum and is skipped, so at worst an entry is recomputed. The log is
// compacted (rewritten to a temp file and renamed, under a lock file) when it holds more than twice the
// live entries. A manifest of another engine, format or a foreign folder is discarded with a message.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { appendFile, open, readFile, readdir, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { compactActors, EMPTY_LIST, shareConstantStrings, type ArticleSummary } from '../core/corpus/articleSummary';

export const STORE_FORMAT = 'news-corpus-annotator/corpus-index';
export const STORE_FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';
const LOG = 'entries.log';
const LOCK = 'compact.lock';
/** How much unwritten log (bytes) a writer lets wait before it flushes. */
export const FLUSH_BYTES = 1 << 20;

export interface StoreEntry {
  relPath: string;
  /** File size and mtime (ms) when it was read: a cheap first check. */
  size: number;
  mtimeMs: number;
  /** Hash of the file's bytes. */
  contentHash: string;
  /** Hash of the config parts that shape the summary, and of the article-date settings. */
  configKey: string;
  dateKey: string;
  summary?: ArticleSummary;
  /** Why there is no summary (binary, too large…): the file is not analysed again until it changes. */
  problem?: string;
}

/** A log line that removes an entry. */
interface Tombstone {
  relPath: string;
  deleted: true;
}

export interface StoreOpenReport {
  /** Entries read. */
  entries: number;
  /** Lines skipped (bad checksum, torn write). */
  skippedLines: number;
  /** Set when the folder's content was discarded, with the reason. */
  discarded?: string;
}

// CRC-32 (IEEE), table-driven.
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of the string's UTF-8 bytes in JS, for runtimes whose zlib lacks crc32 (Node before 20.15). */
export function crc32Js(s: string): string {
  const bytes = Buffer.from(s, 'utf8');
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ((c ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

const nativeCrc32 = (zlib as { crc32?: (data: string | Uint8Array) => number }).crc32;

/** CRC-32 (IEEE) of the string's UTF-8 bytes as 8 hex digits: Node's own zlib.crc32 where it has one (10x faster). */
export const crc32: (s: string) => string = nativeCrc32 ? (s) => nativeCrc32(s).toString(16).padStart(8, '0') : crc32Js;

function encodeLine(value: StoreEntry | Tombstone): string {
  const json = JSON.stringify(value);
  return `${crc32(json)} ${json}\n`;
}

/**
 * Gives a summary its compact form, in place: its actors of actorSummary's shape, with no list of
 * their own for aliases, roles or demonyms they have none of (compactActors: 1.2 million empty arrays
 * once held 37 MB of the 163 MB that the summaries of 10,000 real articles took in the heap); its
 * other empty lists one shared, frozen list; its kinds and categories one string each
 * (shareConstantStrings). Summaries are read, never changed, once stored.
 */
function shareRepeatedValues(s: ArticleSummary): void {
  compactActors(s);
  shareConstantStrings(s);
  if (s.boilerplate?.length === 0) s.boilerplate = EMPTY_LIST;
  if (s.acronyms?.length === 0) s.acronyms = EMPTY_LIST;
}

/** The entry of one log line (its bytes, without the line break), or undefined when it is damaged. */
function decodeLine(bytes: Buffer): StoreEntry | Tombstone | undefined {
  // "<8 hex digits> <json>": checked on the bytes, so a torn line is never decoded.
  if (bytes.length < 10 || bytes[8] !== 0x20) return undefined;
  const json = bytes.subarray(9);
  const sum = bytes.toString('latin1', 0, 8);
  if (nativeCrc32 ? nativeCrc32(json).toString(16).padStart(8, '0') !== sum : crc32Js(json.toString('utf8')) !== sum) return undefined;
  try {
    const v = JSON.parse(json.toString('utf8')) as StoreEntry | Tombstone;
    if (!v || typeof v.relPath !== 'string') return undefined;
    if ('summary' in v && v.summary) shareRepeatedValues(v.summary);
    return v;
  } catch {
    return undefined;
  }
}

/**
 * The lines of a file as byte ranges, read in 1 MB chunks (an event-loop turn between chunks, so a
 * big log never blocks the host thread; readline over a decoded stream cost twice the JSON parsing).
 */
async function* logLines(path: string): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  try {
    let rest: Buffer = Buffer.alloc(0);
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      const buf = rest.length ? Buffer.concat([rest, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      let start = 0;
      for (let nl = buf.indexOf(0x0a, start); nl >= 0; nl = buf.indexOf(0x0a, start)) {
        const end = nl > start && buf[nl - 1] === 0x0d ? nl - 1 : nl;
        yield buf.subarray(start, end);
        start = nl + 1;
      }
      // What is left of this chunk is copied: the chunk buffer is read into again.
      rest = Buffer.from(buf.subarray(start));
    }
    if (rest.length) yield rest;
  } finally {
    await fh.close();
  }
}

export class CorpusStore {
  private readonly entries = new Map<string, StoreEntry>();
  /** Log lines put since the last flush, encoded as they come (outside the JS heap, so they cost the collector nothing). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private logLines = 0;
  private flushing: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    readonly engineKey: string,
  ) {}

  /**
   * Opens (or creates) the store in `dir` for the given engine key. Entries of another engine key or
   * format are discarded, and so is a folder that is not a store (the report says why).
   */
  static async open(dir: string, engineKey: string): Promise<{ store: CorpusStore; report: StoreOpenReport }> {
    const store = new CorpusStore(dir, engineKey);
    const report: StoreOpenReport = { entries: 0, skippedLines: 0 };
    mkdirSync(dir, { recursive: true });
    const manifestPath = join(dir, MANIFEST);
    const logPath = join(dir, LOG);
    let discard: string | undefined;
    if (existsSync(manifestPath)) {
      try {
        const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as { format?: unknown; version?: unknown; engineKey?: unknown };
        if (m.format !== STORE_FORMAT) discard = `${manifestPath} is not a corpus index of this extension`;
        else if (m.version !== STORE_FORMAT_VERSION) discard = `the corpus index format changed (${String(m.version)} → ${STORE_FORMAT_VERSION})`;
        else if (m.engineKey !== engineKey) discard = 'the analysis engines changed since the index was built';
      } catch (e) {
        discard = `${manifestPath} is damaged (${(e as Error).message})`;
      }
    } else if (readdirSync(dir).some((f) => f !== LOCK && !f.startsWith('.'))) {
      discard = `${dir} holds files that are not a corpus index`;
    }
    if (discard) {
      report.discarded = discard;
      for (const f of readdirSync(dir)) if (f === LOG || f === MANIFEST || f.startsWith(LOG + '.')) rmSync(join(dir, f), { force: true });
    }
    if (discard || !existsSync(manifestPath)) {
      const foreign = readdirSync(dir).filter((f) => f !== LOCK && !f.startsWith('.'));
      if (foreign.length) throw new Error(`${dir} is not empty and not a corpus index (${foreign.slice(0, 3).join(', ')}); choose another cache folder`);
      await writeFile(manifestPath + '.tmp', JSON.stringify({ format: STORE_FORMAT, version: STORE_FORMAT_VERSION, engineKey }, null, 2));
      await rename(manifestPath + '.tmp', manifestPath);
    }
    if (existsSync(logPath)) {
      for await (const line of logLines(logPath)) {
        if (line.length === 0) continue;
        store.logLines++;
        const v = decodeLine(line);
        if (!v) {
          report.skippedLines++;
          continue;
        }
        if ('deleted' in v) store.entries.delete(v.relPath);
        else store.entries.set(v.relPath, v);
      }
    }
    report.entries = store.entries.size;
    return { store, report };
  }

  get size(): number {
    return this.entries.size;
  }

  get(relPath: string): StoreEntry | undefined {
    return this.entries.get(relPath);
  }

  paths(): IterableIterator<string> {
    return this.entries.keys();
  }

  values(): IterableIterator<StoreEntry> {
    return this.entries.values();
  }

  put(entry: StoreEntry): void {
    if (entry.summary) shareRepeatedValues(entry.summary);
    this.entries.set(entry.relPath, entry);
    this.queue(encodeLine(entry));
  }

  delete(relPath: string): void {
    if (!this.entries.delete(relPath)) return;
    this.queue(encodeLine({ relPath, deleted: true }));
  }

  /**
   * Bytes put or deleted since the last flush. A writer flushes when this passes FLUSH_BYTES, so
   * that what waits in memory, and the one append that writes it, stay small (a 10,000-article cold
   * run once held its whole log, 100+ MB, until the end: a 1 s block of the host thread and GC).
   */
  get unflushedBytes(): number {
    return this.pendingBytes;
  }

  private queue(line: string): void {
    // Encoded now, a line at a time, rather than joined and encoded at the flush: joining and encoding
    // 1 MB of lines at once held the host thread for 7–10 ms on a quiet machine.
    const bytes = Buffer.from(line, 'utf8');
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
  }

  /** Writes what was put since the last flush (one append), and compacts the log when it is mostly stale. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.length) {
        const chunk = Buffer.concat(this.pending, this.pendingBytes);
        const n = this.pending.length;
        this.pending = [];
        this.pendingBytes = 0;
        await appendFile(join(this.dir, LOG), chunk);
        this.logLines += n;
      }
      if (this.logLines > 1000 && this.logLines > 2 * this.entries.size) await this.compact();
    });
    return this.flushing;
  }

  /** Rewrites the log with the live entries only (temp file, fsync, rename), under a lock file. */
  private async compact(): Promise<void> {
    const lock = join(this.dir, LOCK);
    try {
      const st = statSync(lock, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 60_000) await unlink(lock).catch(() => undefined);
      const fh = await open(lock, 'wx');
      await fh.close();
    } catch {
      return; // another process compacts
    }
    try {
      const tmp = join(this.dir, `${LOG}.${process.pid}.tmp`);
      const fh = await open(tmp, 'w');
      try {
        let buf: string[] = [];
        for (const e of this.entries.values()) {
          buf.push(encodeLine(e));
          if (buf.length >= 500) {
            await fh.write(buf.join(''));
            buf = [];
          }
        }
        if (buf.length) await fh.write(buf.join(''));
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, join(this.dir, LOG));
      this.logLines = this.entries.size;
    } finally {
      await unlink(lock).catch(() => undefined);
    }
  }
}

/**
 * What a cache folder named on the command line says of itself when it is a store of the layout
 * before cache folders held one store per corpus (its manifest in the folder itself, src/node/cacheDir.ts):
 * that store is no longer read; undefined otherwise.
 */
export function formerLayoutNotice(cacheRoot: string, storeDir: string): string | undefined {
  if (!existsSync(join(cacheRoot, MANIFEST))) return undefined;
  return `${cacheRoot} holds a corpus index of an earlier version (in the folder itself), which is no longer read: a cache folder now holds one index per corpus, this corpus's in ${storeDir}; delete ${join(cacheRoot, MANIFEST)} and ${join(cacheRoot, LOG)}* to free their space`;
}

/**
 * Removes the store in `dir`, one no longer read (the editor's, in the layout before a corpus's
 * subfolder was named by its real path: src/node/cacheDir.ts): its own files, then the folder if
 * nothing else is in it. Nothing is removed when `dir` holds no store of this extension. True when
 * a store was removed.
 */
export async function removeStore(dir: string): Promise<boolean> {
  let manifest: { format?: unknown };
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as { format?: unknown };
  } catch {
    return false;
  }
  if (manifest.format !== STORE_FORMAT) return false;
  const own = (f: string) => f === LOG || f.startsWith(LOG + '.') || f === LOCK || f === MANIFEST + '.tmp';
  for (const f of await readdir(dir)) if (own(f)) await rm(join(dir, f), { force: true });
  // The manifest last: a removal cut short leaves a store that is still recognised, and removed next time.
  await rm(join(dir, MANIFEST), { force: true });
  try {
    await rmdir(dir);
  } catch {
    // other files in it: the folder stays
  }
  return true;
}
