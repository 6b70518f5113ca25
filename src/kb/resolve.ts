// One mention out of context → the actor it names on a date: `readout kb resolve`. The phrase is
// analysed as a one-line document, so it is read exactly as the entity layer and the actor stage
// read it in an article (the same role phrases, the same composition of descriptions).
import type { Analyzer } from '../pipeline.js';
import { readSpan } from '../actors/read.js';

export interface Resolution {
  text: string;
  actor: string | null;
  name: string | null;
  type: string | null;
  country: string | null;
  code: string | null;
  sector: string | null;
  role: string | null;
  /** the agent noun a composed description was built on ("troops"), or null */
  agent: string | null;
  /** where a composed description found its owner: demonym, possessive, complement, place, owner */
  from: string | null;
  modifiers: string[];
  /** what could not be resolved, in words, when something is missing */
  unresolved: string | null;
}

export function resolveMention(analyzer: Analyzer, text: string, date: string | null, lang: string | null): Resolution {
  const doc = analyzer.analyzeDoc({ text, published: date, language: lang });
  const read = readSpan(doc, 0, text.length);
  const e = read.entity;
  const composed = read.description;
  // a people's name in the plural with nothing else ("ordinary Kazakhs", "les Marocains") stands for civilians
  const plural =
    !!e &&
    e.type === 'COUNTRY' &&
    !composed &&
    e.mentions.every((x) => x.via === 'demonym') &&
    e.mentions.some((x) => /s$/i.test(x.text) && !/^[A-Z]{2,}$/.test(x.text));
  const code = plural && e?.code ? `${e.code}CVL` : read.code;
  const sector = plural ? 'CVL' : read.sector;
  const country = read.country;
  const missing = [
    !e && !composed && 'no actor or description found',
    (e || composed) && !country && !code && 'no country',
    (e || composed) && !sector && 'no sector',
  ].filter(Boolean);
  return {
    text,
    actor: e?.actor ?? null,
    name: e?.name ?? null,
    type: e?.type ?? null,
    country,
    code,
    sector,
    role: e?.role ?? null,
    agent: composed?.agent ?? null,
    from: composed?.from ?? null,
    modifiers: composed?.modifiers ?? [],
    unresolved: missing.length ? missing.join('; ') : null,
  };
}
