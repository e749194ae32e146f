// Reading a file that may be anything: a FIFO, a socket, a device, a folder, a
// dangling link, a file too large. The type is checked before the file is opened
// and again on the open descriptor (opened non-blocking, so a FIFO without a writer
// never blocks), and only regular files are read. Every refusal is a message that
// names the cause; callers prefix the file name.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

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

/** Reads a regular file of at most maxBytes; never blocks on a FIFO or device, never throws. */
export function readRegularFile(path: string, maxBytes: number): SafeRead {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, kind: 'missing', message: 'no such file (or a link to a missing file)' };
    if (code === 'ELOOP') return { ok: false, kind: 'unreadable', message: 'symbolic link loop' };
    return { ok: false, kind: 'unreadable', message: `cannot be read: ${(e as Error).message}` };
  }
  if (!st.isFile()) return { ok: false, kind: 'not-a-file', message: `is ${fileTypeName(st)}, not a regular file; not read` };
  if (st.size > maxBytes) return { ok: false, kind: 'too-large', message: `is ${mb(st.size)}, over the ${mb(maxBytes)} limit for this command; skipped` };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, kind: 'unreadable', message: `cannot be read: ${(e as Error).message}` };
  }
  try {
    const fst = fstatSync(fd);
    // Swapped for something else between the two checks.
    if (!fst.isFile()) return { ok: false, kind: 'not-a-file', message: `is ${fileTypeName(fst)}, not a regular file; not read` };
    if (fst.size > maxBytes) return { ok: false, kind: 'too-large', message: `is ${mb(fst.size)}, over the ${mb(maxBytes)} limit for this command; skipped` };
    const buf = Buffer.allocUnsafe(fst.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return { ok: true, bytes: off === buf.length ? buf : buf.subarray(0, off) };
  } catch (e) {
    return { ok: false, kind: 'unreadable', message: `cannot be read: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}
