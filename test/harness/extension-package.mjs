// Build and package the extension exactly as users get it, and unpack the VSIX for the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT, VSIX, HarnessError, seconds } from './paths.mjs';

function npmRun(script, timeoutMs) {
  const t0 = Date.now();
  console.log(`[harness] npm run ${script}`);
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit', timeout: timeoutMs });
  if (r.error) throw new HarnessError(`npm run ${script}: ${r.error.message}`);
  if (r.status !== 0) throw new HarnessError(`npm run ${script} failed (exit ${r.status}).`);
  console.log(`[harness] npm run ${script}: ${seconds(t0)}`);
}

/** `npm run build` (extension, CLI, integration test bundle) then `npm run package` (→ dist-vsix/*.vsix). */
export function buildAndPackage({ tests = true } = {}) {
  if (tests) npmRun('build', 120000);
  npmRun('package', 180000);
  if (!existsSync(VSIX)) throw new HarnessError(`npm run package did not produce ${VSIX}`);
}

/**
 * Extract the entries of a zip file whose name starts with `prefix` into `dest` (prefix removed).
 * A small central-directory reader: stored and deflated entries, which is all vsce writes.
 * @returns {string[]} the relative paths written
 */
export function unzipPrefix(zipFile, prefix, dest) {
  const buf = readFileSync(zipFile);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new HarnessError(`${zipFile} is not a zip file (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const written = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new HarnessError(`${zipFile}: bad central directory entry ${n}`);
    const method = buf.readUInt16LE(p + 10);
    const compSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (!name.startsWith(prefix) || name.endsWith('/')) continue;
    const rel = normalize(name.slice(prefix.length));
    if (rel.startsWith('..') || rel.startsWith(sep)) throw new HarnessError(`${zipFile}: unsafe entry ${name}`);
    const lh = localOffset;
    const dataStart = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    const raw = buf.subarray(dataStart, dataStart + compSize);
    let data;
    if (method === 0) data = raw;
    else if (method === 8) data = inflateRawSync(raw);
    else throw new HarnessError(`${zipFile}: ${name} uses unsupported compression method ${method}`);
    const out = join(dest, rel);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, data);
    written.push(rel);
  }
  return written;
}

/** Unpack the packaged extension (the VSIX's extension/ folder) into dest; returns its package.json. */
export function unpackVsix(dest, vsix = VSIX) {
  const files = unzipPrefix(vsix, 'extension/', dest);
  if (!files.includes('package.json')) throw new HarnessError(`${vsix} has no extension/package.json`);
  const manifest = JSON.parse(readFileSync(join(dest, 'package.json'), 'utf8'));
  const main = manifest.main && join(dest, manifest.main);
  if (main && !existsSync(main) && !existsSync(`${main}.js`)) {
    throw new HarnessError(`the VSIX lacks its entry point ${manifest.main} (check .vscodeignore); it holds: ${files.join(', ')}`);
  }
  return { manifest, files };
}
