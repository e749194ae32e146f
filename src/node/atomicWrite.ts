// Atomic file writes: the data goes to a temporary file in the same directory,
// is flushed to disk (fsync), then renamed over the target. A reader (or a crash)
// sees the old file or the new one, never half of one. Same directory so the
// rename stays on one file system. The file's mode is kept when it exists.
import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync, promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files a killed write left in dir (and its subfolders when recursive):
 * only names of our atomic writes whose process is no longer running. Returns the paths removed.
 */
export function removeStaleTemps(dir: string, recursive = false): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const n of names) {
    const p = join(dir, n);
    const m = TEMP_NAME.exec(n);
    try {
      const st = lstatSync(p);
      if (m && st.isFile() && !alive(Number(m[1]))) {
        unlinkSync(p);
        removed.push(p);
      } else if (recursive && st.isDirectory() && !st.isSymbolicLink()) removed.push(...removeStaleTemps(p, true));
    } catch {
      /* gone meanwhile */
    }
  }
  return removed;
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** Writes data to path atomically (synchronously). Strings are written as UTF-8. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const tmp = tempPathFor(path);
  const mode = existingMode(path) ?? 0o644;
  const fd = openSync(tmp, 'wx', mode);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  fsyncDir(dirname(path));
}

/** Writes data to path atomically. Strings are written as UTF-8. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempPathFor(path);
  let mode = 0o644;
  try {
    mode = (await fsp.stat(path)).mode & 0o777;
  } catch {
    /* new file */
  }
  const fh = await fsp.open(tmp, 'wx', mode);
  try {
    await fh.writeFile(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    await fh.sync();
  } catch (e) {
    await fh.close();
    await fsp.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  try {
    await fsp.rename(tmp, path);
  } catch (e) {
    await fsp.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fsyncDirAsync(dirname(path));
}

/** Flushes the directory entry (the rename) where the platform allows it. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* not supported (Windows) — the rename is still atomic */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** fsyncDir without blocking the calling thread (a directory flush can wait on the disk). */
async function fsyncDirAsync(dir: string): Promise<void> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(dir, 'r');
    await fh.sync();
  } catch {
    /* not supported (Windows) — the rename is still atomic */
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/**
 * A file written piece by piece and put in place atomically: the pieces go to a temporary file beside
 * the target; commit() flushes it to disk and renames it over the target, abort() removes it. Until
 * commit() the target is untouched.
 */
export class AtomicFileSink {
  private constructor(
    readonly path: string,
    private readonly tmp: string,
    private readonly fh: fsp.FileHandle,
  ) {}

  static async open(path: string): Promise<AtomicFileSink> {
    const tmp = tempPathFor(path);
    let mode = 0o644;
    try {
      mode = (await fsp.stat(path)).mode & 0o777;
    } catch {
      /* new file */
    }
    return new AtomicFileSink(path, tmp, await fsp.open(tmp, 'wx', mode));
  }

  async write(data: string): Promise<void> {
    if (data) await this.fh.write(data);
  }

  async commit(): Promise<void> {
    try {
      await this.fh.sync();
    } finally {
      await this.fh.close();
    }
    try {
      await fsp.rename(this.tmp, this.path);
    } catch (e) {
      await fsp.unlink(this.tmp).catch(() => undefined);
      throw e;
    }
    await fsyncDirAsync(dirname(this.path));
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    await fsp.unlink(this.tmp).catch(() => undefined);
  }
}
