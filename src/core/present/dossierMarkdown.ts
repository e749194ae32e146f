// An actor dossier as a readable Markdown document (the CLI's `--format md` and the panel's
// "Export Dossier…"). Every piece of article or knowledge-base text is escaped: nothing in it may
// become markup, a link or HTML.
import type { DossierDetail } from '../corpus/dossier';
import { escapeMarkdown as esc } from '../text/fold';

const KIND_NAMES = { person: 'person', organization: 'organization', place: 'place', other: 'other name' } as const;

export function renderDossierMarkdown(d: DossierDetail): string {
  const out: string[] = [];
  const a = d.actor;
  out.push(`# ${esc(a.name)}`, '');
  out.push(`- **Kind:** ${KIND_NAMES[a.kind]}`);
  if (a.aliases.length) out.push(`- **Other names:** ${a.aliases.map(esc).join(', ')}`);
  if (a.kb) {
    out.push(`- **Knowledge base:** ${esc(a.kb.name)} (${esc(a.kb.file)}, line ${a.kb.line})`);
    if (a.kb.description) out.push(`- **Description:** ${esc(a.kb.description)}`);
    if (a.kb.wikidata) out.push(`- **Wikidata:** ${esc(a.kb.wikidata)}`);
  }
  if (a.codes.length) out.push(`- **Codes:** ${a.codes.map((c) => esc(c.code) + (c.from || c.to ? ` (${c.from ?? '…'} – ${c.to ?? '…'})` : '')).join(', ')}`);
  out.push(`- **Articles:** ${d.articleCount}, **mentions:** ${d.mentionCount}`);
  if (d.firstDate || d.lastDate) out.push(`- **First and last date:** ${d.firstDate ?? '?'} – ${d.lastDate ?? '?'}`);
  out.push('');

  if (d.timeline.length) {
    out.push(`## Timeline (per ${d.period})`, '', '| Period | Articles | Mentions |', '| --- | ---: | ---: |');
    for (const b of d.timeline) out.push(`| ${b.period} | ${b.articles} | ${b.mentions} |`);
    out.push('');
  }
  if (d.roles.length) {
    out.push('## Roles', '', '| Role | First date | Last date | Articles |', '| --- | --- | --- | ---: |');
    for (const r of d.roles) out.push(`| ${esc(r.role)} | ${r.firstDate ?? ''} | ${r.lastDate ?? ''} | ${r.articles} |`);
    out.push('');
  }
  if (d.coActors.length) {
    out.push('## Appears with', '');
    for (const c of d.coActors) out.push(`- ${esc(c.name)} (${KIND_NAMES[c.kind]}): ${c.articles} article${c.articles === 1 ? '' : 's'}`);
    out.push('');
  }
  out.push('## Articles', '');
  for (const art of d.articles) {
    out.push(`### ${art.date ?? 'Undated'}: ${esc(art.title ?? art.file)}`, '', `\`${art.file.replace(/`/g, "'")}\``, '');
    for (const m of art.mentions) {
      const before = m.snippet.slice(0, m.at);
      const name = m.snippet.slice(m.at, m.at + m.text.length);
      const after = m.snippet.slice(m.at + m.text.length);
      out.push(`- line ${m.line}, column ${m.column}: ${esc(before)}**${esc(name)}**${esc(after)}`);
    }
    if (!art.mentions.length) out.push('- (text not available)');
    out.push('');
  }
  return out.join('\n');
}
