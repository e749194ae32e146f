// The actor dossier's webview: header, timeline chart, roles, co-actors and the mentions in
// context. Runs in the webview under a strict CSP; every piece of article or knowledge-base text
// goes in as text (textContent / text nodes), never as HTML. Talks to the extension only through
// the messages of ./protocol.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartEvent, type ActiveElement } from 'chart.js';
import type { DossierArticleDetail, DossierDetail, DossierMentionDetail } from '../../src/core/corpus/dossier';
import type { DossierPanelState, HostMessage, WebviewMessage } from './protocol';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

interface VsCodeApi {
  postMessage(m: WebviewMessage): void;
  getState(): DossierPanelState | undefined;
  setState(s: DossierPanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();
const post = (m: WebviewMessage) => vscode.postMessage(m);

/** Mentions per page of the list: the DOM stays small whatever the dossier's size. */
const PAGE_SIZE = 200;
const KIND_NAMES: Record<string, string> = { person: 'Person', organization: 'Organization', place: 'Place', other: 'Other name' };

interface Row {
  article: number;
  mention: number;
  m: DossierMentionDetail;
  folded: string;
}

const state = {
  dossier: undefined as DossierDetail | undefined,
  rows: [] as Row[],
  period: undefined as string | undefined,
  query: '',
  page: 0,
  chart: undefined as Chart | undefined,
};

// ------------------------------------------------------------------------------------ DOM helpers

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; attrs?: Record<string, string> } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  for (const c of children) e.append(c); // strings become text nodes
  return e;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const app = document.getElementById('app')!;

// ----------------------------------------------------------------------------------------- render

function render(d: DossierDetail, corpusName: string): void {
  state.dossier = d;
  state.rows = [];
  d.articles.forEach((a, ai) => a.mentions.forEach((m, mi) => state.rows.push({ article: ai, mention: mi, m, folded: fold(m.snippet) })));
  if (state.period && !d.timeline.some((b) => b.period === state.period)) state.period = undefined;
  state.page = 0;
  state.chart?.destroy();
  state.chart = undefined;
  app.replaceChildren(header(d, corpusName), timeline(d), roles(d), coActors(d), mentionsSection());
  drawChart(d);
  renderList();
}

function header(d: DossierDetail, corpusName: string): HTMLElement {
  const a = d.actor;
  const facts = el('dl', { className: 'facts' });
  const fact = (term: string, value: string) => facts.append(el('dt', { text: term }), el('dd', { text: value }));
  fact('Kind', KIND_NAMES[a.kind] ?? a.kind);
  if (a.aliases.length) fact('Other names', a.aliases.join(', '));
  if (a.kb?.description) fact('Description', a.kb.description);
  if (a.kb?.wikidata) fact('Wikidata', a.kb.wikidata);
  if (a.codes.length) fact('Codes', a.codes.map((c) => c.code + (c.from || c.to ? ` (${c.from ?? '…'} – ${c.to ?? '…'})` : '')).join(', '));
  fact('Articles', String(d.articleCount));
  fact('Mentions', String(d.mentionCount));
  if (d.firstDate) fact('First date', d.firstDate);
  if (d.lastDate) fact('Last date', d.lastDate);
  const exportButton = el('button', { text: 'Export Dossier…', attrs: { id: 'export', type: 'button', 'aria-label': 'Export the dossier to Markdown or JSON' } });
  exportButton.addEventListener('click', () => post({ type: 'export' }));
  return el('header', { attrs: { 'aria-label': 'Actor' } }, el('div', { className: 'title-row' }, el('h1', { text: a.name, attrs: { id: 'actor-name' } }), exportButton), el('p', { className: 'corpus', text: `Corpus: ${corpusName}` }), facts);
}

function timeline(d: DossierDetail): HTMLElement {
  const section = el('section', { attrs: { 'aria-labelledby': 'timeline-h' } }, el('h2', { text: `Timeline (per ${d.period})`, attrs: { id: 'timeline-h' } }));
  if (!d.timeline.length) {
    section.append(el('p', { text: 'No dated article.' }));
    return section;
  }
  const total = d.timeline.reduce((n, b) => n + b.mentions, 0);
  const canvas = el('canvas', { attrs: { id: 'chart', role: 'img', 'aria-label': `Mentions per ${d.period}: ${total} mentions over ${d.timeline.length} periods, from ${d.timeline[0].period} to ${d.timeline[d.timeline.length - 1].period}. Use the period list to filter.` } });
  const select = el('select', { attrs: { id: 'period', 'aria-label': 'Show mentions of one period' } });
  select.append(el('option', { text: 'All periods', attrs: { value: '' } }));
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  for (const b of d.timeline) if (b.articles) select.append(el('option', { text: `${b.period}: ${n(b.mentions, 'mention')} in ${n(b.articles, 'article')}`, attrs: { value: b.period } }));
  select.value = state.period ?? '';
  select.addEventListener('change', () => setPeriod(select.value || undefined));
  section.append(el('div', { className: 'chart-box' }, canvas), el('label', { className: 'period-row' }, 'Period: ', select));
  return section;
}

function roles(d: DossierDetail): HTMLElement {
  const section = el('section', { attrs: { 'aria-labelledby': 'roles-h' } }, el('h2', { text: 'Roles over time', attrs: { id: 'roles-h' } }));
  if (!d.roles.length) {
    section.append(el('p', { text: 'No role or title given in the corpus.' }));
    return section;
  }
  const body = el('tbody');
  for (const r of d.roles) body.append(el('tr', {}, el('td', { text: r.role }), el('td', { text: r.firstDate ?? '' }), el('td', { text: r.lastDate ?? '' }), el('td', { className: 'num', text: String(r.articles) })));
  section.append(el('table', { attrs: { id: 'roles' } }, el('thead', {}, el('tr', {}, el('th', { text: 'Role' }), el('th', { text: 'First' }), el('th', { text: 'Last' }), el('th', { text: 'Articles' }))), body));
  return section;
}

function coActors(d: DossierDetail): HTMLElement {
  const section = el('section', { attrs: { 'aria-labelledby': 'co-h' } }, el('h2', { text: 'Appears with', attrs: { id: 'co-h' } }));
  if (!d.coActors.length) {
    section.append(el('p', { text: 'No other actor in its articles.' }));
    return section;
  }
  const list = el('ul', { className: 'co-actors', attrs: { id: 'co-actors' } });
  d.coActors.forEach((c, i) => {
    const b = el('button', { className: 'link', text: c.name, attrs: { type: 'button', 'aria-label': `Open the dossier of ${c.name}, ${KIND_NAMES[c.kind] ?? c.kind}, ${c.articles} shared articles` } });
    b.addEventListener('click', () => post({ type: 'openDossier', coActor: i }));
    list.append(el('li', {}, b, el('span', { className: 'muted', text: ` ${KIND_NAMES[c.kind] ?? c.kind} · ${c.articles}` })));
  });
  section.append(list);
  return section;
}

function mentionsSection(): HTMLElement {
  const search = el('input', { attrs: { id: 'search', type: 'search', placeholder: 'Search the snippets', 'aria-label': 'Search the snippets' } });
  search.value = state.query;
  search.addEventListener('input', () => {
    state.query = search.value;
    state.page = 0;
    renderList();
  });
  const list = el('div', { attrs: { id: 'mentions', role: 'list', 'aria-label': 'Mentions in context' } });
  list.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('button.mention') as HTMLButtonElement | null;
    if (b) post({ type: 'openMention', article: Number(b.dataset.article), mention: Number(b.dataset.mention) });
  });
  list.addEventListener('keydown', onListKey);
  const pager = el('nav', { className: 'pager', attrs: { id: 'pager', 'aria-label': 'Pages of mentions' } });
  return el(
    'section',
    { attrs: { 'aria-labelledby': 'mentions-h' } },
    el('h2', { text: 'Mentions in context', attrs: { id: 'mentions-h' } }),
    el('div', { className: 'toolbar' }, search, el('span', { attrs: { id: 'status', role: 'status', 'aria-live': 'polite' } })),
    list,
    pager,
  );
}

function filteredRows(): Row[] {
  const q = fold(state.query.trim());
  const d = state.dossier!;
  return state.rows.filter((r) => (!state.period || d.articles[r.article].period === state.period) && (!q || r.folded.includes(q)));
}

function renderList(): void {
  const d = state.dossier;
  if (!d) return;
  const rows = filteredRows();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  state.page = Math.min(state.page, pages - 1);
  const slice = rows.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
  const list = document.getElementById('mentions')!;
  const frag = document.createDocumentFragment();
  let current = -1;
  let group: HTMLElement | undefined;
  for (const r of slice) {
    if (r.article !== current) {
      current = r.article;
      group = articleGroup(d.articles[r.article]);
      frag.append(group);
    }
    group!.querySelector('ul')!.append(mentionItem(r));
  }
  list.replaceChildren(frag);
  const articles = new Set(rows.map((r) => r.article)).size;
  document.getElementById('status')!.textContent = `${rows.length} mention${rows.length === 1 ? '' : 's'} in ${articles} article${articles === 1 ? '' : 's'}${state.period ? ` of ${state.period}` : ''}`;
  const pager = document.getElementById('pager')!;
  pager.replaceChildren();
  if (pages > 1) {
    const prev = el('button', { text: 'Previous', attrs: { type: 'button', 'aria-label': 'Previous page of mentions' } });
    const next = el('button', { text: 'Next', attrs: { type: 'button', 'aria-label': 'Next page of mentions' } });
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    prev.addEventListener('click', () => goPage(state.page - 1));
    next.addEventListener('click', () => goPage(state.page + 1));
    pager.append(prev, el('span', { text: ` Page ${state.page + 1} of ${pages} ` }), next);
  }
  highlightBars();
  post({ type: 'rendered', name: document.getElementById('actor-name')?.textContent ?? '', mentions: rows.length, period: state.period ?? null });
}

function articleGroup(a: DossierArticleDetail): HTMLElement {
  return el(
    'article',
    { className: 'article', attrs: { role: 'listitem' } },
    el('h3', {}, el('span', { className: 'date', text: a.date ?? 'Undated' }), ' ', el('span', { className: 'headline', text: a.title ?? a.file })),
    el('div', { className: 'path muted', text: a.file }),
    el('ul', {}),
  );
}

function mentionItem(r: Row): HTMLElement {
  const { m } = r;
  const b = el('button', { className: 'mention', attrs: { type: 'button', 'aria-label': `Open at line ${m.line}, column ${m.column}: ${m.snippet}` } });
  b.dataset.article = String(r.article);
  b.dataset.mention = String(r.mention);
  b.append(m.snippet.slice(0, m.at), el('mark', { text: m.snippet.slice(m.at, m.at + m.text.length) }), m.snippet.slice(m.at + m.text.length));
  return el('li', {}, el('span', { className: 'pos muted', text: `${m.line}:${m.column}` }), b);
}

function goPage(p: number): void {
  state.page = p;
  renderList();
  (document.querySelector('#mentions button.mention') as HTMLElement | null)?.focus();
}

/** Arrow keys move between mentions, Home/End to the first/last of the page, PageUp/PageDown between pages. */
function onListKey(e: KeyboardEvent): void {
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('#mentions button.mention'));
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const focus = (j: number) => buttons[Math.max(0, Math.min(buttons.length - 1, j))]?.focus();
  switch (e.key) {
    case 'ArrowDown':
      focus(i + 1);
      break;
    case 'ArrowUp':
      focus(i - 1);
      break;
    case 'Home':
      focus(0);
      break;
    case 'End':
      focus(buttons.length - 1);
      break;
    case 'PageDown':
      goPage(state.page + 1);
      break;
    case 'PageUp':
      if (state.page > 0) goPage(state.page - 1);
      break;
    default:
      return;
  }
  e.preventDefault();
}

function setPeriod(p: string | undefined): void {
  state.period = p;
  state.page = 0;
  const select = document.getElementById('period') as HTMLSelectElement | null;
  if (select) select.value = p ?? '';
  renderList();
}

// ------------------------------------------------------------------------------------------ chart

const cssVar = (name: string, fallback: string) => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;

function drawChart(d: DossierDetail): void {
  const canvas = document.getElementById('chart') as HTMLCanvasElement | null;
  if (!canvas) return;
  const fg = cssVar('--vscode-foreground', '#888');
  const grid = cssVar('--vscode-panel-border', 'rgba(128,128,128,0.3)');
  state.chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: d.timeline.map((b) => b.period),
      datasets: [
        { label: 'Mentions', data: d.timeline.map((b) => b.mentions), backgroundColor: [] },
        { label: 'Articles', data: d.timeline.map((b) => b.articles), backgroundColor: [] },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      // A click anywhere in a period's column picks it (thin bars stay easy to hit).
      interaction: { mode: 'index', intersect: false },
      maintainAspectRatio: false,
      scales: { x: { ticks: { color: fg }, grid: { color: grid } }, y: { beginAtZero: true, ticks: { color: fg, precision: 0 }, grid: { color: grid } } },
      plugins: { tooltip: { enabled: true } },
      onClick: (_e: ChartEvent, elements: ActiveElement[]) => {
        if (!elements.length) return;
        const p = d.timeline[elements[0].index].period;
        setPeriod(state.period === p ? undefined : p);
      },
    },
  });
  highlightBars();
}

function highlightBars(): void {
  const chart = state.chart;
  const d = state.dossier;
  if (!chart || !d) return;
  const blue = cssVar('--vscode-charts-blue', '#3794ff');
  const orange = cssVar('--vscode-charts-orange', '#d18616');
  const muted = cssVar('--vscode-disabledForeground', 'rgba(128,128,128,0.5)');
  const dim = (c: string, p: string) => (state.period && state.period !== p ? muted : c);
  chart.data.datasets[0].backgroundColor = d.timeline.map((b) => dim(blue, b.period));
  chart.data.datasets[1].backgroundColor = d.timeline.map((b) => dim(orange, b.period));
  chart.update('none');
}

// --------------------------------------------------------------------------------------- messages

window.addEventListener('message', (e: MessageEvent<HostMessage>) => {
  const m = e.data;
  if (m?.type === 'dossier') {
    vscode.setState(m.state);
    render(m.dossier, m.corpusName);
  } else if (m?.type === 'missing') {
    app.replaceChildren(el('p', { className: 'missing', text: m.message, attrs: { role: 'alert' } }));
  }
});
post({ type: 'ready' });
