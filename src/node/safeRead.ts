// Reading a file that may be anything: a FIFO, a socket, a device, a folder, a
// dangling link, a file too large. The type is checked before the file is opened
// and again on the open descriptor (opened non-blocking, so a FIFO without a writer
// never blocks), and only regular files are read. Every refusal is a message that
// names the cause; callers prefix the file name.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

export type ReadRefusal = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

export type SafeRead = { ok: true; bytes: Buffer } | { ok: false; kind: ReadRefusal; message: string };

/** What a non-regular file is, in words ("a FIFO (named pipe)", "a folder"…). */
export function fileTypeName(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

const unreadable = (e: unknown): SafeRead => ({ ok: false, kind: 'unreadable', message: `cannot be read: ${(e as Error).message}` });

/** Why a stat error means the file is not read. */
function statRefusal(e: unknown): SafeRead {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, kind: 'missing', message: 'no such file (or a link to a missing file)' };
  if (code === 'ELOOP') return { ok: false, kind: 'unreadable', message: 'symbolic link loop' };
  return unreadable(e);
}

/** Why a file of this type and size is not read; undefined when it is a regular file within the limit. */
function typeOrSizeRefusal(st: Stats, maxBytes: number): SafeRead | undefined {
  if (!st.isFile()) return { ok: false, kind: 'not-a-file', message: `is ${fileTypeName(st)}, not a regular file; not read` };
  if (st.size > maxBytes) return { ok: false, kind: 'too-large', message: `is ${mb(st.size)}, over the ${mb(maxBytes)} limit for this command; skipped` };
  return undefined;
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads a regular file of at most maxBytes; never blocks on a FIFO or device, never throws. */
export function readRegularFile(path: string, maxBytes: number): SafeRead {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    return statRefusal(e);
  }
  const refused = typeOrSizeRefusal(st, maxBytes);
  if (refused) return refused;
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return unreadable(e);
  }
  try {
    // Swapped for something else between the two checks.
    const fst = fstatSync(fd);
    const again = typeOrSizeRefusal(fst, maxBytes);
    if (again) return again;
    const buf = Buffer.allocUnsafe(fst.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return { ok: true, bytes: off === buf.length ? buf : buf.subarray(0, off) };
  } catch (e) {
    return unreadable(e);
  } finally {
    closeSync(fd);
  }
}

/**
 * readRegularFile without blocking the calling thread on the disk (the extension host reading a
 * corpus for an export, a clean copy or an import): the same checks, the same results.
 */
export async function readRegularFileAsync(path: string, maxBytes: number): Promise<SafeRead> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    return statRefusal(e);
  }
  const refused = typeOrSizeRefusal(st, maxBytes);
  if (refused) return refused;
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (e) {
    return unreadable(e);
  }
  try {
    const fst = await handle.stat();
    const again = typeOrSizeRefusal(fst, maxBytes);
    if (again) return again;
    const buf = Buffer.allocUnsafe(fst.size);
    let off = 0;
    while (off < buf.length) {
      const { bytesRead } = await handle.read(buf, off, buf.length - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return { ok: true, bytes: off === buf.length ? buf : buf.subarray(0, off) };
  } catch (e) {
    return unreadable(e);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
