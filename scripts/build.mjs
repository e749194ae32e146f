// Bundles the extension (dist/extension.js), the CLI (dist/cli.js), the dossier webview
// (dist/webview/dossier.js and .css, Chart.js bundled in: no CDN, no network) and the
// integration test suite (out/test/integration/*.js) with esbuild.
// usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The analysis worker thread, started by the extension host and the CLI (src/node/analysisPool.ts).
  { ...common, entryPoints: ['src/node/analysisWorkerMain.ts'], outfile: 'dist/analysisWorker.js' },
  // The corpus worker thread, started by the extension host (src/node/corpusWorkerClient.ts); it starts analysis workers of its own.
  { ...common, entryPoints: ['src/node/corpusWorkerMain.ts'], outfile: 'dist/corpusWorker.js' },
  // The webview runs in the browser sandbox of the panel: an IIFE for a browser, its own CSS beside it.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['webview/dossier/main.ts'], outfile: 'dist/webview/dossier.js' },
  { ...common, platform: 'browser', entryPoints: ['webview/dossier/dossier.css'], outfile: 'dist/webview/dossier.css', format: undefined },
];

const integrationDir = 'test/integration';
if (!production && existsSync(integrationDir)) {
  const entries = readdirSync(integrationDir).filter((f) => f.endsWith('.ts')).map((f) => join(integrationDir, f));
  if (entries.length) {
    rmSync('out/test/integration', { recursive: true, force: true });
    builds.push({ ...common, entryPoints: entries, outdir: 'out/test/integration', external: ['vscode', 'mocha'] });
  }
}

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
