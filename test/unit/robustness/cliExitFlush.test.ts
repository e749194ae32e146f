// The CLI's exit waits for stdout to reach a slow pipe reader: `process.exit` alone dropped all
// but the first few tens of KB of `news-annotate actors … | cat` on a big corpus.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** Runs `script` in a child whose stdout is read only after a pause; resolves with the bytes read and the exit code. */
function runWithSlowReader(script: string): Promise<{ bytes: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let bytes = 0;
    child.stdout.pause();
    setTimeout(() => {
      child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
      child.stdout.resume();
    }, 300);
    child.on('error', reject);
    child.on('close', (code) => resolve({ bytes, code }));
  });
}

describe('CLI exit after output', () => {
  it('exitWhenFlushed: every byte of a 4 MB output reaches a reader that starts late, with the exit code', async function () {
    this.timeout(30000);
    const size = 4 << 20;
    const { bytes, code } = await runWithSlowReader(
      `const { exitWhenFlushed } = require('./src/cli/io'); for (let i = 0; i < ${size / 1024}; i++) process.stdout.write('x'.repeat(1023) + '\\n'); exitWhenFlushed(3);`,
    );
    assert.equal(code, 3);
    assert.equal(bytes, size);
  });
});
