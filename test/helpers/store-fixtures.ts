// Real-looking articles for the store, ingest and export tests, and one shared analyzer.
import type { Analysis, Article, Modality } from '../../src/analysis.js';
import { createAnalyzer, documentId, type Analyzer } from '../../src/pipeline.js';
import { parseHeader } from '../../src/ingest/header.js';
import { cameoEntry } from './cameo.js';

let analyzer: Promise<Analyzer> | null = null;
export function getAnalyzer(): Promise<Analyzer> {
  return (analyzer ??= createAnalyzer());
}

export const ARTICLES: Record<string, string> = {
  'blinken-bourita-fr.txt': `date 2023-02-01
source Le Monde
url https://www.lemonde.fr/afrique/article/2023/02/01/blinken-bourita
title Blinken et Bourita font le point sur la sécurité régionale

Le secrétaire d'État américain Antony Blinken s'est entretenu mercredi par téléphone avec le ministre marocain des Affaires étrangères, Nasser Bourita. « Nous avons discuté de la sécurité régionale et de notre coopération économique », a déclaré M. Blinken à l'issue de l'appel.

Selon le département d'État, les deux responsables ont également évoqué la situation au Sahel et la préparation d'une visite à Rabat.
`,
  'blinken-bourita-en.txt': `date 2023-02-01
source Reuters
url https://www.reuters.com/world/blinken-bourita-call-2023-02-01
title Blinken, Bourita discuss regional security in phone call

U.S. Secretary of State Antony Blinken spoke by phone on Wednesday with Moroccan Foreign Minister Nasser Bourita, the State Department said. "We discussed regional security and our economic partnership," Blinken told reporters after the call.

The two also discussed the situation in the Sahel, the department said.
`,
  'macron-scholz-fr.txt': `date 2023-01-22
source France 24
title Macron et Scholz célèbrent le traité de l'Élysée

Le président français Emmanuel Macron a reçu dimanche à Paris le chancelier allemand Olaf Scholz pour le soixantième anniversaire du traité de l'Élysée. « L'amitié franco-allemande est le moteur de l'Europe », a affirmé Emmanuel Macron devant les deux gouvernements réunis à la Sorbonne.

Les deux dirigeants ont promis de renforcer leur coopération en matière d'énergie et de défense.
`,
};

export function article(name: string): Article & { origin: string } {
  return { ...parseHeader(ARTICLES[name]!), origin: `fixtures/${name}` };
}

/** An analysis as the contract describes it, written by hand: the store must not depend on what the analyzer finds today. */
export function handAnalysis(
  text: string,
  opts: {
    language: string;
    published: string;
    source: string;
    events: { code: string; src: 0 | 1; tgt: 0 | 1 | null; date: string | null; modality?: Modality }[];
    quote?: string;
  },
): Analysis {
  const find = (s: string) => {
    const i = text.indexOf(s);
    if (i < 0) throw new Error(`fixture: ${s} not in text`);
    return { start: i, end: i + s.length, text: s };
  };
  const people = [
    {
      id: 'E1',
      type: 'PERSON' as const,
      name: 'Antony Blinken',
      actor: 'antony-blinken',
      country: 'USA',
      role: 'Secretary of State',
      code: 'USAGOV',
      mentions: [find('Blinken')],
    },
    {
      id: 'E2',
      type: 'PERSON' as const,
      name: 'Nasser Bourita',
      actor: 'nasser-bourita',
      country: 'MAR',
      role: 'Minister of Foreign Affairs',
      code: 'MARGOV',
      mentions: [find('Bourita')],
    },
  ];
  const ev = text.indexOf('\n\n') + 2;
  const evEnd = text.indexOf('\n', ev);
  const quotes = opts.quote
    ? [{ id: 'Q1', ...find(opts.quote), kind: 'direct' as const, speaker: 'E1', cue: null, language: opts.language, channel: 'statement' as const }]
    : [];
  return {
    document: { id: documentId(text), title: null, source: opts.source, url: null, published: opts.published, language: opts.language, length: text.length },
    segments: [{ start: ev, end: evEnd, kind: 'paragraph', language: opts.language }],
    entities: people,
    quotes,
    events: opts.events.map((e, i) => ({
      id: `V${i + 1}`,
      code: e.code,
      label: cameoEntry(e.code).label.en,
      goldstein: cameoEntry(e.code).goldstein,
      source: people[e.src]!.id,
      target: e.tgt === null ? null : people[e.tgt]!.id,
      date: e.date,
      dateText: null,
      location: null,
      modality: e.modality ?? 'asserted',
      evidence: { start: ev, end: evEnd },
      quote: null,
      confidence: 0.8,
    })),
  };
}

/**
 * The two Blinken–Bourita reports as hand-written analyses: the same call told in French (042)
 * and in English, where the pair is named the other way round and coded 040 (still the same act:
 * root 04 is symmetric), with an earlier act (112). `enQuote` gives the English report a quote;
 * `more` adds events to it.
 */
export function callAnalyses(
  opts: { enQuote?: string; more?: { code: string; src: 0 | 1; tgt: 0 | 1 | null; date: string | null; modality?: Modality }[] } = {},
) {
  const fr = article('blinken-bourita-fr.txt'),
    en = article('blinken-bourita-en.txt');
  const afr = handAnalysis(fr.text, {
    language: 'fr',
    published: '2023-02-01',
    source: 'Le Monde',
    quote: 'Nous avons discuté de la sécurité régionale',
    events: [{ code: '042', src: 0, tgt: 1, date: '2023-02-01' }],
  });
  const aen = handAnalysis(en.text, {
    language: 'en',
    published: '2023-02-01',
    source: 'Reuters',
    ...(opts.enQuote ? { quote: opts.enQuote } : {}),
    events: [{ code: '040', src: 1, tgt: 0, date: '2023-02-01' }, { code: '112', src: 0, tgt: 1, date: '2023-01-15' }, ...(opts.more ?? [])],
  });
  return { fr, en, afr, aen };
}
