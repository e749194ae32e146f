// An article open as the window loads, in a real VS Code (code-server and a headless Chromium from the
// test harness, the packaged extension): the folder of N real articles (default 10,000) opened with one
// of its web pages in the URL's openFile payload, each run with a fresh profile (so the corpus index is
// cold). Per run: from the moment VS Code starts activating the extension (the extension host's log)
// to the status bar showing the article's counts (its analysis has arrived and been drawn), from the
// page load to the same, and how long the extension's search of the workspace for newscorpus.yaml took
// (its log). Needs `npm run setup:vscode` and Chromium; says so and skips otherwise.
//   npm run bench -- --only windowLoad [--data DIR] [--articles N]     (NCA_BENCH_WINDOW_RUNS, default 3)
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BenchOptions } from '../bench';
import { benchCorpusDir } from '../lib/benchCorpus';
import { median } from '../lib/stats';

// The harness is ES modules; this file is compiled to CommonJS, where `import()` would become require.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<any>;
const HARNESS = join(__dirname, '..', '..', 'test', 'harness');

/** Every file under a folder (the extension's logs). */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** A log line's time ("2026-12-06 01:17:16.395" or "2026-12-06T01:17:17.968Z"), ms since the epoch. */
function logTime(line: string): number | undefined {
  const m = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d\.\d+)(Z?)/.exec(line);
  return m ? new Date(`${m[1]}T${m[2]}${m[3]}`).getTime() : undefined;
}

export async function bench(opts: BenchOptions & { articles?: number }): Promise<Record<string, number | string>> {
  const n = opts.articles ?? 10_000;
  const dir = benchCorpusDir('window load', opts.data, n);
  if (!dir) return { skipped: 'no data' };
  const paths = await importEsm(join(HARNESS, 'paths.mjs'));
  try {
    paths.codeServerCommand();
    paths.chromiumPath();
  } catch (e) {
    console.log(`  window load bench: ${(e as Error).message}`);
    return { skipped: 'no code-server or Chromium' };
  }
  const { buildAndPackage, unpackVsix } = await importEsm(join(HARNESS, 'extension-package.mjs'));
  const { startCodeServer, launchBrowser } = await importEsm(join(HARNESS, 'launcher.mjs'));
  // A web page of the corpus (the bench corpus starts with them), the sixth file of its first folder.
  const first = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()).sort()[0];
  const article = join(dir, first, readdirSync(join(dir, first)).filter((f) => f.endsWith('.txt')).sort()[5]);
  buildAndPackage({ tests: false });
  const ext = mkdtempSync(join(tmpdir(), 'nca-bench-window-ext-'));
  unpackVsix(ext);
  const runs = Number(process.env.NCA_BENCH_WINDOW_RUNS ?? 3);
  const activationToCounts: number[] = [];
  const pageToCounts: number[] = [];
  const search: number[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      const cs = await startCodeServer({ name: 'bench-window', extensions: [{ id: paths.EXTENSION_ID, version: paths.pkg.version, dir: ext }] });
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true'], ['openFile', `vscode-remote://${cs.host}${article}`]];
        const t0 = Date.now();
        await page.goto(`${cs.url}/?folder=${encodeURIComponent(dir)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
        await page.locator('.tab', { hasText: basename(article) }).first().waitFor({ timeout: 120_000 });
        await page.locator('.statusbar-item', { hasText: /\d+ actors · \d+ entities/ }).first().waitFor({ timeout: 180_000 });
        const shown = Date.now();
        // The logs: when VS Code started activating the extension, and the search's duration.
        let activated: number | undefined;
        let searched: number | undefined;
        for (let wait = 0; wait < 100 && (activated === undefined || searched === undefined); wait++) {
          const logs = walk(join(cs.tmp, 'user-data', 'logs'));
          const line = logs.filter((p) => p.endsWith('exthost.log')).flatMap((p) => readFileSync(p, 'utf8').split('\n')).find((l) => l.includes(`_doActivateExtension ${paths.EXTENSION_ID}`));
          activated = line ? logTime(line) : undefined;
          const ours = logs.filter((p) => p.includes('News Corpus')).flatMap((p) => readFileSync(p, 'utf8').split('\n'));
          const m = ours.map((l) => /the workspace searched in (\d+) ms/.exec(l)).find(Boolean);
          searched = m ? Number(m[1]) : undefined;
          if (activated === undefined || searched === undefined) await new Promise((res) => setTimeout(res, 200));
        }
        if (activated === undefined) throw new Error(`no activation of the extension in the extension host's log (${cs.tmp})`);
        activationToCounts.push(shown - activated);
        pageToCounts.push(shown - t0);
        if (searched !== undefined) search.push(searched);
        console.log(`  run ${r + 1}: activation to counts shown ${shown - activated} ms, page load to counts ${shown - t0} ms, workspace search ${searched ?? 'n/a'} ms`);
      } finally {
        await browser.close();
        await cs.stop();
      }
    }
  } finally {
    rmSync(ext, { recursive: true, force: true });
  }
  return {
    articles: n,
    article: article.slice(dir.length + 1),
    runs,
    'activation to the counts shown, ms (median)': median(activationToCounts),
    'activation to the counts shown, ms (each run)': activationToCounts.join(', '),
    'page load to the counts shown, ms (median)': median(pageToCounts),
    'workspace search for newscorpus.yaml, ms (each run)': search.join(', '),
  };
}
