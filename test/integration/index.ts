// Entry point the extension host loads as extensionTestsPath (bundled to out/test/integration/index.js):
// runs every *.test.js next to it with mocha.
import * as fs from 'fs';
import * as path from 'path';
import type MochaType from 'mocha';

/**
 * mocha comes from the project's node_modules: the extension under test is an unpacked VSIX without
 * node_modules, so resolve it from $NEWS_CORPUS_ROOT (set by the harness) or from this file's place
 * in out/test/integration/.
 */
function loadMocha(): typeof MochaType {
  const roots = [process.env.NEWS_CORPUS_ROOT, path.resolve(__dirname, '..', '..', '..')].filter((r): r is string => !!r);
  for (const root of roots) {
    const candidate = path.join(root, 'node_modules', 'mocha');
    if (fs.existsSync(candidate)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(candidate);
    }
  }
  throw new Error(`mocha not found under ${roots.map((r) => path.join(r, 'node_modules')).join(' or ')}; run npm ci in the project.`);
}

export function run(): Promise<void> {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, reporter: 'spec', color: false });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${__dirname}`));
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  // The harness shows the extension host's output from this line on.
  console.log(`[news-corpus] integration suite: ${files.join(', ')} (VS Code ${require('vscode').version})`);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
