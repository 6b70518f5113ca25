// Doc → the contract's Analysis: stable ids, only what the contract names, spans checked.
import type { Analysis, EntityOut, EventOut, QuoteOut } from './analysis.js';
import type { Doc, Entity } from './doc.js';
import type { Codebook } from './events/codebook.js';
import { articleId } from './document-id.js';

export function toAnalysis(doc: Doc, codebook: Codebook): Analysis {
  // an entity reached only through the demonym of a place below the state ("marseillais") is kept
  // only when a quote or an event refers to it
  const needed = new Set<Entity>(
    [...doc.quotes.map((q) => q.speaker), ...doc.events.flatMap((e) => [e.source, e.target, e.location])].filter((e): e is Entity => !!e),
  );
  const kept = doc.entities.filter((e) => e.mentions.some((m) => !m.placeDemonym) || (e.mentions.length > 0 && needed.has(e)));
  kept.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  const ids = new Map<Entity, string>();
  const entities: EntityOut[] = kept.map((e, i) => {
    const id = `E${i + 1}`;
    ids.set(e, id);
    const mentions = [...e.mentions]
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((m) => ({ start: m.start, end: m.end, text: doc.text.slice(m.start, m.end) }));
    return { id, type: e.type, name: e.name, actor: e.actor, country: e.country, role: e.role, code: e.code, mentions };
  });
  const ref = (e: Entity | null | undefined) => (e ? (ids.get(e) ?? null) : null);
  const sorted = [...doc.quotes].sort((a, b) => a.start - b.start);
  sorted.forEach((q, i) => (q.id = `Q${i + 1}`));
  const quotes: QuoteOut[] = sorted.map((q) => {
    const out: QuoteOut = {
      id: q.id,
      text: doc.text.slice(q.start, q.end),
      start: q.start,
      end: q.end,
      kind: q.kind,
      speaker: ref(q.speaker),
      cue: q.cue,
      language: q.language,
      channel: q.channel,
    };
    if (q.continues) out.continues = q.continues.id;
    return out;
  });
  const events: EventOut[] = [...doc.events]
    .sort((a, b) => a.evidence.start - b.evidence.start || a.code.localeCompare(b.code))
    .map((e, i) => {
      const c = codebook.get(e.code);
      return {
        id: `V${i + 1}`,
        code: e.code,
        label: c?.label.en ?? e.code,
        goldstein: c?.goldstein ?? 0,
        source: ref(e.source),
        target: ref(e.target),
        date: e.date,
        dateText: e.dateText,
        location: ref(e.location),
        modality: e.modality,
        evidence: { start: e.evidence.start, end: e.evidence.end },
        quote: e.quote?.id ?? null,
        confidence: Math.max(0, Math.min(1, Math.round(e.confidence * 100) / 100)),
      };
    });
  return {
    document: {
      id: articleId(doc.article),
      title: doc.article.title ?? null,
      source: doc.article.source ?? null,
      url: doc.article.url ?? null,
      published: doc.published,
      language: doc.language,
      length: doc.text.length,
    },
    segments: doc.segments.map((s) => ({ start: s.start, end: s.end, kind: s.kind, language: s.language })),
    entities,
    quotes,
    events,
  };
}
