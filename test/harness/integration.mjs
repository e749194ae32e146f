// npm run test:integration — mocha suites of test/integration/ inside a real VS Code extension host,
// against the *packaged* extension (the VSIX, unpacked), in a temp copy of test/fixtures/workspace/.
//   $VSCODE_EXECUTABLE set → desktop VS Code through @vscode/test-electron (under xvfb-run -a without $DISPLAY)
//   otherwise              → code-server (npm run setup:vscode) + Chromium, smoke-test driver route
// Flags: --skip-build (reuse dist-vsix/ and out/), --vsix FILE (test that VSIX; implies --skip-build),
//        --workspace DIR (instead of test/fixtures/workspace). Env: INTEGRATION_TIMEOUT_MS (default 900000), KEEP_TMP=1.
// Exit: 0 pass, 1 test failure, 2 timeout, 3 harness/server/workbench error.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { format } from 'node:util';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, HarnessError, seconds, which } from './paths.mjs';
import { buildAndPackage, unpackVsix } from './extension-package.mjs';
import { RESULTS, captureBrowserLog, launchBrowser, makeTemp, showLog, startCodeServer, tempCopy, workbenchUrl } from './launcher.mjs';

const TIMEOUT = Number(process.env.INTEGRATION_TIMEOUT_MS || 900000);
const TESTS = join(ROOT, 'out', 'test', 'integration', 'index.js');
const flag = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const VSIX_ARG = flag('--vsix');
const FIXTURE = resolve(flag('--workspace') ?? join(ROOT, 'test', 'fixtures', 'workspace'));
const SUITE_START = '[news-corpus] integration suite:';   // printed by test/integration/index.ts
const t0 = Date.now();
const cleanups = [];
let finished = false;

async function finish(code, why) {
  if (finished) return;
  finished = true;
  console.log(`[integration] ${why}: exit ${code} after ${seconds(t0)}`);
  for (const c of cleanups.reverse()) { try { await c(); } catch { /* best effort */ } }
  process.exit(code);
}

function prepare() {
  if (!process.argv.includes('--skip-build') && !VSIX_ARG) buildAndPackage();
  if (!existsSync(TESTS)) throw new HarnessError(`${TESTS} missing: npm run build bundles test/integration/*.ts there.`);
  if (!existsSync(FIXTURE)) throw new HarnessError(`${FIXTURE} missing (the fixture workspace).`);
  const extTmp = makeTemp('integration-ext');
  cleanups.push(() => { if (!process.env.KEEP_TMP) rmSync(extTmp, { recursive: true, force: true }); });
  const ext = join(extTmp, 'extension');
  const { manifest, files } = unpackVsix(ext, VSIX_ARG ? resolve(VSIX_ARG) : undefined);
  console.log(`[integration] packaged extension ${manifest.publisher}.${manifest.name}@${manifest.version}: ${files.length} files → ${ext}`);
  const ws = tempCopy(FIXTURE, 'integration-ws');
  cleanups.push(() => { if (!process.env.KEEP_TMP) rmSync(ws.dir, { recursive: true, force: true }); });
  return { ext, ws: ws.path };
}

/** Desktop VS Code through @vscode/test-electron. */
async function runDesktop(exe, ext, ws) {
  if (!existsSync(exe)) throw new HarnessError(`$VSCODE_EXECUTABLE=${exe} does not exist (it must be desktop VS Code's Electron binary, e.g. /usr/share/code/code).`);
  if (!process.env.DISPLAY && !process.env.NCA_UNDER_XVFB) {
    if (!which('xvfb-run')) throw new HarnessError('no $DISPLAY and no xvfb-run: `sudo apt-get install -y xvfb`, or unset VSCODE_EXECUTABLE to use code-server.');
    console.log('[integration] no $DISPLAY: re-running under xvfb-run -a');
    const r = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url), '--skip-build', '--desktop-only', ext, ws],
      { stdio: 'inherit', env: { ...process.env, NCA_UNDER_XVFB: '1' }, timeout: TIMEOUT });
    return finish(r.status ?? 2, 'xvfb-run finished');
  }
  const { runTests } = createRequire(join(ROOT, 'package.json'))('@vscode/test-electron');
  try {
    await runTests({
      vscodeExecutablePath: exe, extensionDevelopmentPath: ext, extensionTestsPath: TESTS,
      extensionTestsEnv: { NEWS_CORPUS_ROOT: ROOT, NEWS_CORPUS_TEST_HOOKS: '1' },
      launchArgs: [ws, '--disable-extensions'],
    });
    await finish(0, 'tests passed (desktop VS Code)');
  } catch (e) {
    console.error(e.message);
    await finish(1, 'tests failed (desktop VS Code)');
  }
}

/** code-server + Chromium: the workbench runs the tests and reports through codeAutomationLog/Exit. */
async function runCodeServer(ext, ws) {
  const cs = await startCodeServer({ name: 'integration', env: { NEWS_CORPUS_ROOT: ROOT, NEWS_CORPUS_TEST_HOOKS: '1' } });
  cleanups.push(() => cs.stop());
  cs.exited.then((c) => { if (!finished) { showLog(cs.logFile); finish(3, `code-server exited (${c})`); } });
  const browser = await launchBrowser();
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const browserLog = captureBrowserLog(page, 'integration');
  page.on('crash', () => { showLog(browserLog); finish(3, 'page crashed'); });
  // Everything the workbench logs goes to test-results/integration-workbench.log; the terminal gets what
  // follows the suite's start line (the mocha report), minus the usual offline noise.
  const wbLog = createWriteStream(join(RESULTS, 'integration-workbench.log'));
  let started = false;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    wbLog.write(`[${type}] ${line}\n`);
    if (line.includes(SUITE_START)) { started = true; console.log(line); }
    else if (started && !/ENOTFOUND|authentication provider|^\s+at /.test(line)) console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code === 0 ? 0 : 1, code === 0 ? 'tests passed (code-server)' : 'tests failed (code-server)'));
  await page.goto(workbenchUrl(cs, ws, { extensionDevelopmentPath: ext, extensionTestsPath: TESTS }), { timeout: 30000 });
  try {
    await page.waitForFunction(() => window.driver, null, { timeout: 30000 });
  } catch (e) {
    showLog(browserLog); showLog(cs.logFile);
    throw new HarnessError(`the workbench did not start: ${e.message}`);
  }
}

setTimeout(() => finish(2, `overall timeout (${TIMEOUT / 1000} s)`), TIMEOUT).unref();
(async () => {
  if (process.argv.includes('--desktop-only')) {   // second half of the xvfb-run re-exec
    const [ext, ws] = process.argv.slice(-2);
    return runDesktop(process.env.VSCODE_EXECUTABLE, ext, ws);
  }
  const { ext, ws } = prepare();
  const exe = process.env.VSCODE_EXECUTABLE;
  if (exe) return runDesktop(exe, ext, ws);
  console.log('[integration] no $VSCODE_EXECUTABLE: running in code-server');
  return runCodeServer(ext, ws);
})().catch((e) => {
  console.error(e instanceof HarnessError ? e.message : e);
  finish(3, 'harness error');
});
