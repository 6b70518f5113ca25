// What a span of text names as an actor, read from an analysed Doc: a person linked by a role
// phrase first ("Kenya's president"), then a composed description ("Iraqi troops"), then any other
// mention. Shared by `readout kb resolve` and the description-table scorer.
import type { ComposedDescription, Doc, Entity, Mention } from '../doc.js';
import { sectorOfCode } from '../kb/codes.js';

export interface SpanReading {
  entity: Entity | null;
  /** the composed description, when one reads the span */
  description: ComposedDescription | null;
  country: string | null;
  code: string | null;
  sector: string | null;
}

const overlap = (a: { start: number; end: number }, start: number, end: number) => Math.min(end, a.end) - Math.max(start, a.start);

/** The reading of [start, end): see the module comment for the order. */
export function readSpan(doc: Doc, start: number, end: number): SpanReading {
  let best: { m: Mention; score: number } | null = null;
  for (const m of doc.mentions) {
    const o = overlap(m, start, end);
    if (o <= 0 || m.via === 'pronoun') continue;
    const score = o + (m.type === 'PERSON' && doc.entities[m.entity]?.actor ? 0.75 : 0);
    if (!best || score > best.score) best = { m, score };
  }
  const m = best?.m ?? null;
  const e = m ? (doc.entities[m.entity] ?? null) : null;
  let desc: ComposedDescription | null = null;
  for (const d of doc.descriptions ?? []) if (overlap(d, start, end) > 0 && (!desc || overlap(d, start, end) > overlap(desc, start, end))) desc = d;
  const person = e?.type === 'PERSON' && !!e.actor;
  if (desc && !person) {
    const owner = desc.entity >= 0 ? (doc.entities[desc.entity] ?? null) : null;
    return { entity: owner, description: desc, country: desc.country ?? owner?.country ?? null, code: desc.code, sector: desc.sector };
  }
  const code = m?.code ?? e?.code ?? null;
  const sector = m?.composed?.sector ?? sectorOfCode(code);
  return { entity: e, description: null, country: e?.country ?? null, code, sector };
}
