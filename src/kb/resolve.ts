// One mention out of context → the actor it names on a date: `readout kb resolve`.
import type { Analyzer } from '../pipeline.js';
import type { LanguagePack } from '../lang/pack.js';
import { fold } from '../text/normalize.js';

export interface Resolution {
  text: string;
  actor: string | null;
  name: string | null;
  type: string | null;
  country: string | null;
  code: string | null;
  sector: string | null;
  role: string | null;
}

/** agent nouns of every pack (lang/<code>/agents.json): folded form → CAMEO sector */
export function agentSectors(packs: Map<string, LanguagePack>): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of packs.values())
    for (const a of p.files.agents?.agents ?? []) for (const f of a.forms ?? [a.term]) if (!out.has(fold(f))) out.set(fold(f), a.sector);
  return out;
}

export function resolveMention(analyzer: Analyzer, sectors: Map<string, string>, text: string, date: string | null, lang: string | null): Resolution {
  const doc = analyzer.analyzeDoc({ text, published: date, language: lang });
  // the entity whose mentions cover most of the text
  let best: { e: (typeof doc.entities)[number]; cover: number } | null = null;
  for (const e of doc.entities) {
    const cover = Math.max(0, ...e.mentions.map((m) => m.end - m.start)) + (e.type === 'PERSON' ? 0.5 : 0);
    if (!best || cover > best.cover) best = { e, cover };
  }
  const words = doc.tokens.map((t) => t.norm);
  const agent = words.map((w) => sectors.get(w)).find(Boolean) ?? null;
  const e = best?.e ?? null;
  const codeSector = e?.code && e.country && e.code.length > 3 ? e.code.slice(3, 6) : null;
  // a people's name in the plural with nothing else ("ordinary Kazakhs", "les Marocains") stands for civilians
  const plural =
    !!e && e.type === 'COUNTRY' && e.mentions.some((m) => /s$/i.test(m.text) && !/^[A-Z]{2,}$/.test(m.text)) && e.mentions.every((m) => m.via === 'demonym');
  const sector = codeSector ?? agent ?? (plural ? 'CVL' : null);
  const country = e?.country ?? null;
  const cameoCountry = country ? (analyzer.kb.countries.get(country)?.cameo ?? country) : null;
  const code = e?.type === 'PERSON' || codeSector ? (e?.code ?? null) : cameoCountry && sector ? `${cameoCountry}${sector}` : (e?.code ?? null);
  return { text, actor: e?.actor ?? null, name: e?.name ?? null, type: e?.type ?? null, country, code, sector, role: e?.role ?? null };
}
