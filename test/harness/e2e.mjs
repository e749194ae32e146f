// npm run test:e2e — drive the real VS Code workbench (code-server + Chromium) like a person, with the
// packaged extension installed, on a temp copy of samples/corpus/: open an article, check that it reads as
// prose (wrapped, no ambiguous-character box on a curly apostrophe), entity colours, an actor hover in a
// reader's words, the boilerplate problems, the Actors view in Corpus mode (kinds, an actor's articles)
// and an actor dossier (header, a timeline bar, a mention that opens the article at it), and save
// screenshots under test-results/screenshots/
// (copied to media/screenshots/ for the README only with UPDATE_SCREENSHOTS=1).
// Flags: --skip-build (reuse dist-vsix/), --vsix FILE (test that VSIX; implies --skip-build).
// Env: E2E_TIMEOUT_MS (default 600000), KEEP_TMP=1, SHOTS_DIR, UPDATE_SCREENSHOTS=1.
// Exit: 0 pass, 1 an assertion failed, 2 timeout, 3 harness/server/workbench error.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, EXTENSION_ID, HarnessError, seconds } from './paths.mjs';
import { buildAndPackage, unpackVsix } from './extension-package.mjs';
import { RESULTS, captureBrowserLog, launchBrowser, makeTemp, showLog, startCodeServer, tempCopy, workbenchUrl } from './launcher.mjs';

const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 600000);
const SHOTS = process.env.SHOTS_DIR || join(RESULTS, 'screenshots');
const README_SHOTS = join(ROOT, 'media', 'screenshots');
const ARTICLE = 'aes-summit-niamey.txt';          // samples/corpus/sahel-tribune/
const HOSTILE_TITLE = 'Profile <img src=x id=pwned-title> of a colonel';
const HOSTILE = 'Colonel Assimi Goïta <img src=x id=pwned> spoke <script>document.title="pwned"</script> of **bold** [a link](http://example.invalid) on Monday.';
const t0 = Date.now();
const log = (...a) => console.log(`[e2e ${seconds(t0).padStart(7)}]`, ...a);
const cleanups = [];
let finished = false;
let logs = [];
let page;   // the workbench page, for a screenshot on failure

class CheckFailed extends Error {}
function check(ok, message) {
  if (!ok) throw new CheckFailed(message);
  log(`ok - ${message}`);
}

async function finish(code, why) {
  if (finished) return;
  finished = true;
  if (code !== 0) {
    for (const f of logs) showLog(f);
    if (page) await page.screenshot({ path: join(RESULTS, 'e2e-failure.png') }).then(() => log(`screenshot ${join(RESULTS, 'e2e-failure.png')}`), () => {});
  }
  log(`${why}: exit ${code}`);
  for (const c of cleanups.reverse()) { try { await c(); } catch { /* best effort */ } }
  process.exit(code);
}

async function main() {
  const vsixArg = process.argv.includes('--vsix') ? resolve(process.argv[process.argv.indexOf('--vsix') + 1]) : undefined;
  if (!process.argv.includes('--skip-build') && !vsixArg) buildAndPackage({ tests: false });
  const extTmp = makeTemp('e2e-ext');
  cleanups.push(() => { if (!process.env.KEEP_TMP) rmSync(extTmp, { recursive: true, force: true }); });
  const extDir = join(extTmp, 'extension');
  const { manifest } = unpackVsix(extDir, vsixArg);
  const language = manifest.contributes?.languages?.find((l) => l.id === 'news-article');
  if (!language) throw new HarnessError('the packaged extension contributes no news-article language');
  const languageName = language.aliases?.[0] ?? 'news-article';

  const ws = tempCopy(join(ROOT, 'samples', 'corpus'), 'e2e-ws');
  cleanups.push(() => { if (!process.env.KEEP_TMP) rmSync(ws.dir, { recursive: true, force: true }); });

  // No editor settings of our own: articles must read as prose with the extension's language defaults.
  const cs = await startCodeServer({ name: 'e2e', extensions: [{ id: EXTENSION_ID, version: manifest.version, dir: extDir }] });
  cleanups.push(() => cs.stop());
  logs.push(cs.logFile);
  cs.exited.then((c) => { if (!finished) finish(3, `code-server exited (${c})`); });
  log(`code-server ${cs.url}, extension ${EXTENSION_ID}@${manifest.version} installed`);

  const browser = await launchBrowser();
  cleanups.push(() => browser.close());
  page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.setDefaultTimeout(20000);
  logs.push(captureBrowserLog(page, 'e2e'));
  page.on('crash', () => finish(3, 'page crashed'));

  await page.goto(workbenchUrl(cs, ws.path), { timeout: 90000 });   // generous: a loaded 2-core machine serves the workbench slowly
  await page.waitForFunction(() => window.driver, null, { timeout: 90000 });
  await page.evaluate(() => window.driver.whenWorkbenchRestored());
  log('workbench restored');

  // --- open an article through Quick Open
  await page.keyboard.press('Control+P');
  const qi = page.locator('.quick-input-widget');
  await qi.locator('input').waitFor();
  await page.keyboard.type(ARTICLE);
  await qi.locator('.monaco-list-row', { hasText: ARTICLE }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: ARTICLE }).waitFor();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-line', { hasText: 'Abdourahamane Tiani' }).first().waitFor();
  log(`opened ${ARTICLE}`);

  // --- the language mode in the status bar is the extension's, not Plain Text
  const langItem = page.locator('.statusbar-item', { hasText: languageName });
  await langItem.first().waitFor({ timeout: 20000 }).catch(() => {});
  check(await langItem.count() > 0, `status bar shows the language "${languageName}"`);

  // --- the extension's own status bar item: actor, entity and boilerplate counts of the article
  const counts = page.locator('.statusbar-item', { hasText: /\d+ actors · \d+ entities/ });
  await counts.first().waitFor({ timeout: 20000 }).catch(() => {});
  const countsText = (await counts.count()) ? (await counts.first().innerText()).replace(/\s+/g, ' ') : '';
  log(`status bar counts: "${countsText}"`);
  check(/[1-9]\d* actors · [1-9]\d* entities/.test(countsText) && /[1-9]\d* boilerplate/.test(countsText), 'status bar counts actors, entities and boilerplate lines of the article');

  // --- semantic colouring: entity names get a colour of their own, plain words keep the text colour
  const spanWith = (re) => editor.locator('.view-line span span', { hasText: re }).first();
  const colours = async () => page.evaluate(() => {
    const spans = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line span span')];
    // the shortest rendered span holding the word (long plain runs are split into chunks)
    const colourOf = (word) => {
      const s = spans.filter((x) => x.textContent.includes(word)).sort((a, b) => a.textContent.length - b.textContent.length)[0];
      return s ? getComputedStyle(s).color : null;
    };
    const plainSpan = spans.find((x) => x.classList.contains('mtk1') && /[a-z]{4}/.test(x.textContent));   // mtk1 = default foreground
    return {
      person: colourOf('Tiani'), place: colourOf('Niamey'), org: colourOf('ECOWAS'),
      plain: plainSpan ? getComputedStyle(plainSpan).color : null,
    };
  });
  let c = await colours();
  for (let i = 0; i < 100 && !(c.person && c.plain && c.person !== c.plain && c.place !== c.plain); i++) {
    await page.waitForTimeout(200);
    c = await colours();
  }
  log('colours', JSON.stringify(c));
  check(c.person && c.plain && c.person !== c.plain, `person name "Tiani" is coloured (${c.person}) unlike plain text (${c.plain})`);
  check(c.place && c.place !== c.plain, `place "Niamey" is coloured (${c.place}) unlike plain text`);
  check(c.org && c.org !== c.plain, `organization "ECOWAS" is coloured (${c.org}) unlike plain text`);

  // --- prose: the long lead paragraph wraps instead of running off to the right
  const lead = readFileSync(join(ws.path, 'sahel-tribune', ARTICLE), 'utf8').split('\n').find((l) => l.startsWith('Nigerien President'));
  const wrap = await page.evaluate((leadStart) => {
    const ed = document.querySelector('.editor-instance .monaco-editor');
    const lines = [...ed.querySelectorAll('.view-line')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    const text = (l) => l.textContent.replace(/\u00a0/g, ' ');
    const i = lines.findIndex((l) => text(l).startsWith(leadStart));
    const scroll = ed.querySelector('.editor-scrollable');
    return {
      first: i >= 0 ? text(lines[i]).length : -1,
      next: i >= 0 && lines[i + 1] ? text(lines[i + 1]) : '',
      // Where the rendered text ends: without wrapping, the 243-character line ends far right of the view.
      textRight: Math.max(...[...ed.querySelectorAll('.view-line span span')].map((x) => x.getBoundingClientRect().right)),
      viewRight: scroll.getBoundingClientRect().right,
    };
  }, lead.slice(0, 30));
  log('wrap', JSON.stringify(wrap));
  check(wrap.first > 0 && wrap.first < lead.length && lead.includes(wrap.next.trim().slice(0, 20)) && wrap.next.trim().length > 0,
    `the ${lead.length}-character lead paragraph wraps (first screen line ${wrap.first} characters, then "${wrap.next.trim().slice(0, 30)}…")`);
  check(wrap.textRight > 0 && wrap.textRight <= wrap.viewRight + 1, `no text runs past the editor's right edge (text ends at ${Math.round(wrap.textRight)} px, view at ${Math.round(wrap.viewRight)} px)`);

  // --- no ambiguous-character box on the curly apostrophe of "Niger’s"
  const apostrophe = editor.locator('.view-line', { hasText: 'Niger’s' }).first();
  await apostrophe.waitFor();
  await page.waitForTimeout(500);
  const boxes = await editor.locator('.unicode-highlight, .unicode-highlight-ambiguous, [class*="unicode-highlight"]').count();
  check(boxes === 0, `no ambiguous-character box in the article (found ${boxes}; "Niger’s" has a curly apostrophe)`);

  // --- what a user sees after a few seconds: colours, boilerplate squiggles, the reading-mode status item
  await editor.locator('.squiggly-warning').first().waitFor({ timeout: 20000 });
  const mode = page.locator('.statusbar-item', { hasText: /Reading/ });
  await mode.first().waitFor({ timeout: 20000 }).catch(() => {});
  check(await mode.count() > 0, 'the status bar says the article is in reading mode');
  await page.waitForTimeout(2500);
  check(await editor.locator('.squiggly-warning').count() > 0, 'boilerplate lines are underlined');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'editor.png') });
  log('screenshot editor.png');

  // --- hover an actor
  const word = spanWith(/Goïta/);
  await word.scrollIntoViewIfNeeded();
  const box = await word.boundingBox();
  if (!box) throw new CheckFailed('"Goïta" is not visible in the editor');
  const text = await word.textContent();
  const offset = Math.max(0, text.indexOf('Goïta'));
  const charWidth = box.width / Math.max(1, text.length);
  const x = box.x + (offset + 2) * charWidth;
  const hover = page.locator('.monaco-hover:visible', { hasText: /Goïta/ });
  for (let i = 0; !(await hover.isVisible()); i++) {   // the hover provider may register after the first move
    if (i > 75) throw new CheckFailed('no hover appeared over "Goïta"');
    await page.mouse.move(x + (i % 2), box.y + box.height / 2);
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(300);
  const hoverText = (await hover.first().innerText()).replace(/\s+/g, ' ');
  log('hover:', JSON.stringify(hoverText.slice(0, 300)));
  check(/Assimi Goïta/.test(hoverText), 'hover names the actor "Assimi Goïta"');
  check(/\bperson\b/i.test(hoverText), 'hover gives the kind "person"');
  check(/\b(President|General)\b/.test(hoverText), 'hover lists a role (President / General)');
  check(/\b(almost certain|likely|possible|uncertain)\b/.test(hoverText), 'hover says how sure in words');
  check(/Details: found by /.test(hoverText), 'engine details are on a details line');
  check(!/confidence \d|found by perceptron|\borganisation\b/.test(hoverText), 'no engine terms ("confidence 0.93", "perceptron") outside the details line, US spelling');
  await page.screenshot({ path: join(SHOTS, 'hover.png') });
  log('screenshot hover.png');
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);

  // --- Problems: the boilerplate lines of the article
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.nth(3).waitFor({ timeout: 20000 }).catch(() => {});
  const expected = ['byline', 'related', 'comments', 'duplicate'];   // the categories this article has
  let texts = [];
  for (let i = 0; i < 50; i++) {   // diagnostics may still be arriving
    texts = await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''} | ${e.innerText.replace(/\s+/g, ' ')}`));
    if (expected.every((cat) => texts.some((t) => t.toLowerCase().includes(cat)))) break;
    await page.waitForTimeout(200);
  }
  log(`problems (${texts.length} rows):\n    ${texts.join('\n    ')}`);
  check(texts.some((t) => /generated by news\b|\bnews\(/.test(t)), 'problems come from the source "news"');
  check(texts.some((t) => /Related-post teaser \("Related posts"\): the line is the phrase "related posts"/.test(t)), 'a problem says its category once and why the line was flagged');
  check(!texts.some((t) => /Boilerplate \(/.test(t)), 'no "Boilerplate (…)" prefix repeating the category');
  for (const cat of expected) check(texts.some((t) => t.toLowerCase().includes(cat)), `a "${cat}" boilerplate problem is listed`);
  check(!texts.some((t) => /Nigerien President General Abdourahamane Tiani hosted/.test(t)), 'the lead paragraph is not flagged');
  await page.screenshot({ path: join(SHOTS, 'problems.png') });
  log('screenshot problems.png');
  await page.keyboard.press('Control+J');   // close the panel again

  // --- the Actors view in Corpus mode: the corpus actors by kind (asked of the corpus worker), an actor
  // expanded to its articles
  await page.keyboard.press('Control+Shift+P');
  await qi.locator('input').waitFor();
  await page.keyboard.type('Focus on Actors View');
  await qi.locator('.monaco-list-row', { hasText: 'Focus on Actors View' }).first().waitFor();
  await page.keyboard.press('Enter');
  const sidebar = page.locator('.part.sidebar');
  const corpusButton = sidebar.locator('.action-label[aria-label="Show Corpus Actors"]').first();
  await corpusButton.waitFor({ state: 'attached', timeout: 20000 });
  await sidebar.hover();
  await corpusButton.click({ force: true });
  const treeRows = sidebar.locator('.monaco-list-row');
  await treeRows.filter({ hasText: /^\s*People\s*\d+\s*$/ }).first().waitFor({ timeout: 30000 });
  const goitaRow = treeRows.filter({ hasText: /Assimi Goïta\s*\d+ articles?/ }).first();
  await goitaRow.waitFor({ timeout: 30000 });
  const kindRows = await treeRows.evaluateAll((els) => els.map((e) => e.innerText.replace(/\s+/g, ' ')));
  log(`actors view (corpus):\n    ${kindRows.slice(0, 12).join('\n    ')}`);
  check(kindRows.some((t) => /^People\s*\d+$/.test(t.trim())), 'the corpus actors are grouped by kind with a count ("People N")');
  const goitaText = (await goitaRow.innerText()).replace(/\s+/g, ' ');
  check(/Assimi Goïta\s*4 articles · \d+ mentions/.test(goitaText), `a corpus actor shows its articles (4) and mentions ("${goitaText}")`);
  await goitaRow.click();
  await page.keyboard.press('ArrowRight');   // expand: its articles, asked of the corpus worker then
  const articleRow = treeRows.filter({ hasText: 'AES leaders meet in Niamey' }).first();
  await articleRow.waitFor({ timeout: 20000 });
  const articleText = (await articleRow.innerText()).replace(/\s+/g, ' ');
  log(`an article of the actor: ${articleText}`);
  check(/AES leaders meet in Niamey to launch joint force headquarters\s*\d{4}-\d{2}-\d{2}/.test(articleText), 'an expanded corpus actor lists its articles with their dates');
  await page.screenshot({ path: join(SHOTS, 'actors.png') });
  log('screenshot actors.png');
  await page.keyboard.press('Control+Shift+E');   // the Explorer again in the side bar

  // --- the actor dossier: command palette, quick pick of corpus actors, the webview panel
  await page.keyboard.press('Control+Shift+P');
  await qi.locator('input').waitFor();
  await page.keyboard.type('News: Open Actor Dossier');
  await qi.locator('.monaco-list-row', { hasText: 'Open Actor Dossier' }).first().waitFor();
  await page.keyboard.press('Enter');
  await qi.locator('.monaco-list-row', { hasText: 'Assimi Goïta' }).first().waitFor();
  await page.keyboard.type('Goïta');
  await qi.locator('.monaco-list-row.focused', { hasText: 'Assimi Goïta' }).first().waitFor();
  await page.keyboard.press('Enter');
  // A webview is an iframe holding the panel's own iframe.
  const view = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  await view.locator('#actor-name').waitFor({ timeout: 30000 });
  const name = await view.locator('#actor-name').innerText();
  const facts = (await view.locator('.facts').innerText()).replace(/\s+/g, ' ');
  log(`dossier header: ${name} | ${facts.slice(0, 200)}`);
  check(name === 'Assimi Goïta', 'the dossier header names "Assimi Goïta"');
  check(/Kind Person/.test(facts) && /Articles [1-9]/.test(facts) && /Mentions [1-9]/.test(facts), 'the header gives the kind and the article and mention counts');
  // Hostile text (HTML, script, Markdown) in an article added now: the open dossier follows the corpus
  // index, and shows it as text, no element made of it.
  writeFileSync(join(ws.path, 'sahel-tribune', 'hostile-profile.txt'), `${HOSTILE_TITLE}\n\n${HOSTILE}\n`);
  await view.locator('#search').fill('pwned');
  const hostileRow = view.locator('button.mention').first();
  await hostileRow.waitFor({ timeout: 30000 });
  const hostileText = await hostileRow.innerText();
  const injected = await view.locator('#pwned, #pwned-title, #app script, #app img').count();
  log(`hostile mention: ${hostileText}`);
  check(hostileText.includes('<img src=x id=pwned>') && hostileText.includes('<script>') && hostileText.includes('**bold** [a link]') && injected === 0, 'hostile article text (HTML, script, Markdown) shows as text');
  check((await view.locator('.headline', { hasText: '<img src=x id=pwned-title>' }).count()) === 1, 'a hostile headline shows as text');
  await view.locator('#search').fill('');
  const status = view.locator('#status');
  const all = await status.innerText();
  log(`mentions: ${all}`);
  // Click the bars: sweep across the chart (a click in a period's column picks it) until the list is filtered to one period.
  const canvas = view.locator('#chart');
  const cbox = await canvas.boundingBox();
  if (!cbox) throw new CheckFailed('the timeline chart is not visible');
  let filtered = '';
  for (let x = 50; x < cbox.width - 5 && !filtered; x += 12) {
    await canvas.click({ position: { x, y: cbox.height / 2 } });
    const t = await status.innerText();
    if (/ of \d{4}/.test(t)) filtered = t;
  }
  log(`after a bar click: ${filtered}`);
  check(filtered !== '' && filtered !== all, 'clicking a timeline bar filters the mentions to its period');
  await view.locator('#actor-name').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, 'dossier.png') });
  log('screenshot dossier.png');
  const first = view.locator('button.mention').first();
  const mentionText = await first.locator('mark').innerText();
  await first.click();
  // The status bar's cursor item says how many characters are selected: the mention's length.
  const cursor = page.locator('.statusbar-item', { hasText: `(${mentionText.length} selected)` });
  await cursor.first().waitFor({ timeout: 20000 }).catch(() => {});
  const tab = (await page.locator('.tabs-container .tab.active', { hasText: '.txt' }).first().innerText()).replace(/\s+/g, ' ');
  log(`mention "${mentionText}" opened in ${tab}`);
  check(/\.txt/.test(tab) && (await cursor.count()) > 0, `clicking a mention opens its article with the mention ("${mentionText}") selected`);

  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(README_SHOTS, { recursive: true });
    for (const f of ['editor.png', 'hover.png', 'problems.png', 'actors.png', 'dossier.png']) copyFileSync(join(SHOTS, f), join(README_SHOTS, f));
    log(`screenshots copied to ${README_SHOTS} (UPDATE_SCREENSHOTS=1)`);
  } else {
    log(`screenshots in ${SHOTS}; UPDATE_SCREENSHOTS=1 copies them to media/screenshots/ for the README`);
  }
}

setTimeout(() => finish(2, `overall timeout (${TIMEOUT / 1000} s)`), TIMEOUT).unref();
main().then(() => finish(0, 'all checks passed'), (e) => {
  if (e instanceof CheckFailed) { console.error(`not ok - ${e.message}`); return finish(1, 'check failed'); }
  console.error(e instanceof HarnessError ? e.message : e);
  return finish(3, 'harness error');
});
