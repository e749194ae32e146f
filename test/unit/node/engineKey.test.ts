import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// engineKey() is computed once per process: each case runs in a fresh one.
function keyWith(set: Record<string, string | undefined>): string {
  const root = resolve(__dirname, '..', '..', '..');
  const env = { ...process.env };
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', "require('./src/node/engineKey').engineKey().then((k) => process.stdout.write(k))"], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('engineKey', () => {
  it('is stable, and another when the workers score every token (NCA_NER_NO_GATE=1)', function () {
    this.timeout(60_000);
    const a = keyWith({ NCA_NER_NO_GATE: undefined });
    assert.match(a, /^[0-9a-f]{20}$/);
    assert.equal(keyWith({ NCA_NER_NO_GATE: '' }), a);
    assert.notEqual(keyWith({ NCA_NER_NO_GATE: '1' }), a);
  });
});
