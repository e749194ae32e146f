// npm run try — build the extension and open a fresh copy of samples/corpus/ with it (a temp folder,
// printed; quick fixes and "Keep as article text" edit the copy, never the repository's samples):
//   `code` on PATH → your VS Code, with the extension loaded from this folder (extension development host);
//   otherwise (or with --web) → code-server on http://127.0.0.1:<port>/ with the extension installed
//   (set up with `npm run setup:vscode` on first use); Ctrl+C or SIGTERM stops it, and code-server with it
//   (a watchdog stops code-server even if this process is killed outright).
// Flags: --web (use code-server even when `code` exists), --port N (default: a free port).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, EXTENSION_ID, MARKER, HarnessError, pkg, which } from '../test/harness/paths.mjs';
import { tempCopy } from '../test/harness/launcher.mjs';

const SAMPLES = join(ROOT, 'samples', 'corpus');
const argv = process.argv.slice(2);
const web = argv.includes('--web');
const portArg = argv.includes('--port') ? Number(argv[argv.indexOf('--port') + 1]) : 0;

function runOrDie(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new HarnessError(`${what} failed (exit ${r.status ?? r.error?.message}).`);
}

async function main() {
  console.log('try: building the extension (npm run build)');
  runOrDie('npm', ['run', '--silent', 'build'], 'npm run build');
  const CORPUS = tempCopy(SAMPLES, 'try').path;
  console.log(`try: a fresh copy of samples/corpus/ is at ${CORPUS}\n     (edits go there, not into the repository; it is left for you to look at — delete it when done)`);

  if (!web && which('code')) {
    console.log(`try: opening ${CORPUS} in VS Code with the extension from ${ROOT}`);
    const child = spawn('code', [`--extensionDevelopmentPath=${ROOT}`, CORPUS], { stdio: 'inherit' });
    child.on('exit', (c) => process.exit(c ?? 0));
    return;
  }

  if (!existsSync(MARKER)) {
    console.log('try: no `code` on PATH; setting up code-server first (npm run setup:vscode, a few minutes, once)');
    runOrDie(process.execPath, [join(ROOT, 'test', 'harness', 'setup-code-server.mjs')], 'npm run setup:vscode');
  }
  const { startCodeServer } = await import('../test/harness/launcher.mjs');
  const cs = await startCodeServer({
    name: 'try', smokeDriver: false, timeoutMs: 60000,
    extensions: [{ id: EXTENSION_ID, version: pkg.version, dir: ROOT, link: true }],
    ...(portArg ? { bindPort: portArg } : {}),
  });
  // If this process dies without stopping code-server (SIGKILL, a crash), stop its process group anyway.
  spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -TERM -${cs.proc.pid} 2>/dev/null; sleep 5; kill -KILL -${cs.proc.pid} 2>/dev/null`], {
    detached: true, stdio: 'ignore',
  }).unref();
  let stopping = false;
  const stop = async (sig) => {
    if (stopping) return;
    stopping = true;
    console.log(`\ntry: ${sig}, stopping code-server`);
    await cs.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => stop('Ctrl+C'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  // `npm run try` runs this under `sh -c`, which does not pass SIGTERM on: when the shell (our parent)
  // goes away, this process is re-parented; stop then as on SIGTERM.
  const parent = process.ppid;
  setInterval(() => { if (process.ppid !== parent) void stop('npm run try stopped'); }, 1000);
  cs.exited.then((c) => { if (!stopping) { console.error(`try: code-server exited (${c}); log: ${cs.logFile}`); process.exit(1); } });
  console.log(`\ntry: the sample corpus with News Corpus Annotator is served at\n\n    ${cs.url}/?folder=${encodeURIComponent(CORPUS)}\n`);
  console.log('Open it in a browser (it listens on 127.0.0.1 only). After `npm run build`, run "Developer: Reload Window".');
  console.log(`Log: ${cs.logFile}. Press Ctrl+C (or send SIGTERM) to stop.`);
}

main().catch((e) => {
  console.error(e instanceof HarnessError ? e.message : e);
  process.exit(1);
});
