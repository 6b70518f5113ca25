// `--format text`: a report for people.
import type { Analysis } from './analysis.js';

export function formatReport(a: Analysis, file: string | null): string {
  const d = a.document;
  const lines: string[] = [];
  if (file) lines.push(`== ${file}`);
  lines.push(`${d.title ?? '(untitled)'} — ${d.published ?? 'undated'} — ${d.language ?? '?'} — ${d.length} characters, ${a.segments.length} segments`);
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  const name = (id: string | null) => (id ? (byId.get(id)?.name ?? id) : '?');
  lines.push('', `Entities (${a.entities.length})`);
  for (const e of a.entities) {
    const extra = [e.country, e.role, e.code].filter(Boolean).join(', ');
    const forms = [...new Set(e.mentions.map((m) => m.text))].slice(0, 4).join(' | ');
    lines.push(`  ${e.type.padEnd(12)} ${e.name}${extra ? ` (${extra})` : ''}  ×${e.mentions.length}: ${forms}`);
  }
  lines.push('', `Quotes (${a.quotes.length})`);
  for (const q of a.quotes) {
    const t = q.text.length > 110 ? `${q.text.slice(0, 107)}…` : q.text;
    // the second part of a split quote reads as the same quote going on
    const more = q.continues ? '  …' : '';
    lines.push(`  ${q.kind.padEnd(8)} ${q.speaker ? name(q.speaker) : '(no speaker)'}${q.channel ? ` [${q.channel}]` : ''} ${q.language ?? ''}:${more} «${t}»`);
  }
  lines.push('', `Events (${a.events.length})`);
  for (const e of a.events) {
    const mod = e.modality === 'asserted' ? '' : ` [${e.modality}]`;
    lines.push(`  ${(e.date ?? '----------').padEnd(10)}  ${e.source ? name(e.source) : '?'} → ${e.target ? name(e.target) : '?'}  ${e.code} ${e.label}${mod}`);
  }
  return lines.join('\n');
}
