// Start a throw-away code-server (VS Code 1.139 for the browser) and a headless Chromium.
// Every run gets a fresh temp dir (empty config, user data, extensions); logs are kept in test-results/.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, HarnessError, chromiumPath, codeServerCommand, loadPlaywright } from './paths.mjs';

export const RESULTS = join(ROOT, 'test-results');

/** Settings of the test profile: no welcome page, no chat side bar, nothing online, a fixed theme. */
export const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'files.hotExit': 'off',
  'editor.hover.delay': 100,
};

/** Make a temp dir whose removal the caller owns. */
export function makeTemp(prefix) {
  return mkdtempSync(join(tmpdir(), `nca-${prefix}-`));
}

/** Copy a folder to a fresh temp dir (tests may write into the copy). */
export function tempCopy(src, prefix) {
  const dir = makeTemp(prefix);
  const dest = join(dir, 'workspace');
  cpSync(src, dest, { recursive: true });
  return { dir, path: dest };
}

/** Print the last lines of a log file (on failure). */
export function showLog(file, lines = 40) {
  if (!file || !existsSync(file)) return;
  const text = readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  console.error(`--- last ${lines} lines of ${file} ---\n${text}\n--- end of ${file} ---`);
}

/**
 * Start code-server on 127.0.0.1 (free port) in its own process group.
 * @param {{ name: string, settings?: object, extensions?: {id: string, version: string, dir: string, link?: boolean}[],
 *           smokeDriver?: boolean, env?: object, timeoutMs?: number, bindPort?: number }} opts
 * @returns {Promise<{ url: string, host: string, tmp: string, logFile: string, proc: import('node:child_process').ChildProcess, exited: Promise<number|null>, stop: () => Promise<void> }>}
 */
export async function startCodeServer({ name, settings = {}, extensions = [], smokeDriver = true, env = {}, timeoutMs = 30000, bindPort = 0 }) {
  const { cmd, args: baseArgs, env: baseEnv } = codeServerCommand();
  const tmp = makeTemp(`${name}-cs`);
  const userData = join(tmp, 'user-data');
  const extDir = join(tmp, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extDir);
  writeFileSync(join(tmp, 'config.yaml'), '');   // otherwise ~/.config/code-server/config.yaml is read (or created)
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 1));
  // Installing an extension = its unpacked folder at EXT/<publisher>.<name>-<version>.
  for (const e of extensions) {
    const target = join(extDir, `${e.id}-${e.version}`);
    if (e.link) symlinkSync(e.dir, target, 'dir');   // live: a rebuild shows after "Developer: Reload Window"
    else cpSync(e.dir, target, { recursive: true });
  }

  mkdirSync(RESULTS, { recursive: true });
  const logFile = join(RESULTS, `${name}-code-server.log`);
  const log = createWriteStream(logFile);
  const args = [...baseArgs, '--config', join(tmp, 'config.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${bindPort}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--user-data-dir', userData, '--extensions-dir', extDir,
    // A built workbench ignores ?payload= (extension development/tests paths) unless the smoke-test driver is on.
    ...(smokeDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : [])];
  const proc = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...baseEnv, ...env } });
  proc.stderr.pipe(log, { end: false });
  const exited = new Promise((r) => { proc.once('exit', (code) => r(code)); proc.once('error', () => r(null)); });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const kill = (sig) => { try { process.kill(-proc.pid, sig); } catch { /* already gone */ } };
    if (proc.pid && proc.exitCode === null && proc.signalCode === null) {
      kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      kill('SIGKILL');   // whatever is left of the group (extension host, pty host …)
    }
    log.end();
    if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });   // only after the group has exited
  };

  try {
    const url = await new Promise((resolveUrl, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new HarnessError(`code-server did not start within ${timeoutMs / 1000} s; log: ${logFile}`)), timeoutMs);
      proc.once('error', (e) => { clearTimeout(timer); reject(new HarnessError(`cannot start code-server (${cmd}): ${e.message}`)); });
      proc.once('exit', (c) => { clearTimeout(timer); reject(new HarnessError(`code-server exited with code ${c} before listening; log: ${logFile}`)); });
      proc.stdout.on('data', (d) => {
        log.write(d);
        buf += d;
        const m = buf.match(/HTTP server listening on (http:\/\/\S+?)\/?(\s|$)/);
        if (m) { clearTimeout(timer); resolveUrl(m[1]); }
      });
    });
    return { url, host: new URL(url).host, tmp, logFile, proc, exited, stop };
  } catch (e) {
    await stop();
    showLog(logFile);
    throw e;
  }
}

export async function launchBrowser() {
  const { chromium } = loadPlaywright();
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Workbench URL opening `folder`; with dev/tests paths it loads the extension from there and runs its tests. */
export function workbenchUrl(cs, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://${cs.host}${resolve(p)}`;   // same authority as the page
  const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${cs.url}/?folder=${encodeURIComponent(resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Write the page's console and errors to test-results/<name>-browser.log. */
export function captureBrowserLog(page, name) {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}-browser.log`);
  const out = createWriteStream(file);
  page.on('console', (m) => out.write(`[console.${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => out.write(`[pageerror] ${e.message}\n`));
  return file;
}

