// A small corpus for the API and browser tests: real-looking dispatches, analysed by the real
// analyzer; when the event layer does not (yet) find the acts a fixture states, they are added by
// hand (with real evidence offsets) so the corpus views have events to show whatever the analyzer
// returns today.
import type { Analysis, Article, EntityOut, EventOut } from '../src/analysis.js';
import type { Analyzer } from '../src/pipeline.js';
import type { Store } from '../src/store/types.js';

interface Act {
  code: string;
  /** actor id or name of source and target, and the text of one mention of each */
  src: [string, string];
  tgt: [string, string];
  date: string;
  /** a phrase inside the sentence that states the act */
  evidence: string;
}

export interface Fixture {
  article: Article;
  acts: Act[];
}

export const FIXTURES: Fixture[] = [
  {
    article: {
      title: 'Blinken et Bourita font le point sur le partenariat stratégique',
      source: 'Agence test',
      published: '2023-03-08',
      text: `Le secrétaire d’Etat américain Antony Blinken s’est entretenu mercredi par téléphone avec le ministre marocain des Affaires étrangères, Nasser Bourita, a annoncé le département d’Etat dans un communiqué.

Les deux responsables ont évoqué « le partenariat stratégique entre les Etats-Unis et le Maroc » et la situation au Proche-Orient, selon le texte diffusé à Washington.

« Le Maroc est un partenaire essentiel pour la stabilité régionale », a déclaré M. Blinken à l’issue de l’entretien.

Spoke today with Moroccan Foreign Minister Nasser Bourita about our strategic partnership and regional stability. — Secretary Antony Blinken (@SecBlinken) March 8, 2023`,
    },
    acts: [
      {
        code: '041',
        src: ['antony-blinken', 'Antony Blinken'],
        tgt: ['nasser-bourita', 'Nasser Bourita'],
        date: '2023-03-08',
        evidence: 's’est entretenu mercredi par téléphone',
      },
    ],
  },
  {
    article: {
      title: 'Blinken meets Bourita in Rabat',
      source: 'Test Wire',
      published: '2023-06-20',
      text: `Secretary of State Antony Blinken met Moroccan Foreign Minister Nasser Bourita in Rabat on Tuesday to discuss regional security and trade, the State Department said.

"Morocco is a strong partner of the United States," Blinken told reporters after the meeting, adding that both countries would deepen their cooperation on counter-terrorism.

Bourita said the two governments had agreed to expand military exercises next year.`,
    },
    acts: [
      {
        code: '042',
        src: ['antony-blinken', 'Antony Blinken'],
        tgt: ['nasser-bourita', 'Nasser Bourita'],
        date: '2023-06-20',
        evidence: 'met Moroccan Foreign Minister',
      },
      { code: '057', src: ['MAR', 'Morocco'], tgt: ['USA', 'United States'], date: '2023-06-20', evidence: 'agreed to expand military exercises' },
    ],
  },
  {
    article: {
      title: 'Moscou et Kiev échangent des accusations',
      source: 'Agence test',
      published: '2023-05-03',
      text: `La Russie a accusé mercredi l’Ukraine d’avoir tenté de frapper le Kremlin avec des drones, une accusation aussitôt rejetée par Kiev.

Le porte-parole du Kremlin, Dmitri Peskov, a dénoncé « un acte terroriste planifié » et promis une riposte.`,
    },
    acts: [{ code: '112', src: ['RUS', 'Russie'], tgt: ['UKR', 'Ukraine'], date: '2023-05-03', evidence: 'a accusé mercredi l’Ukraine' }],
  },
];

function findEntity(a: Analysis, text: string, id: string, mention: string): EntityOut {
  const hit = a.entities.find(
    (e) => e.actor === id || (e.country === id && e.type === 'COUNTRY') || e.name === mention || e.mentions.some((m) => m.text === mention),
  );
  if (hit) return hit;
  const i = text.indexOf(mention);
  if (i < 0) throw new Error(`fixture: '${mention}' is not in the text`);
  const country = /^[A-Z]{3}$/.test(id) ? id : null;
  const e: EntityOut = {
    id: `E${a.entities.length + 1}`,
    type: country ? 'COUNTRY' : 'PERSON',
    name: mention,
    actor: id,
    country,
    role: null,
    code: country,
    mentions: [{ start: i, end: i + mention.length, text: mention }],
  };
  a.entities.push(e);
  return e;
}

/** the sentence around a phrase: from the previous sentence end (or paragraph start) to the next */
function sentenceAround(text: string, phrase: string): { start: number; end: number } {
  const i = text.indexOf(phrase);
  if (i < 0) throw new Error(`fixture: '${phrase}' is not in the text`);
  let s = i;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1])) s--;
  while (s < i && /\s/.test(text[s])) s++;
  let e = i + phrase.length;
  while (e < text.length && !/[.!?\n]/.test(text[e])) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return { start: s, end: e };
}

export function analyseFixture(analyzer: Analyzer, f: Fixture): Analysis {
  const a = analyzer.analyze(f.article);
  const text = f.article.text;
  for (const act of f.acts) {
    const src = findEntity(a, text, act.src[0], act.src[1]);
    const tgt = findEntity(a, text, act.tgt[0], act.tgt[1]);
    const root = act.code.slice(0, 2);
    const already = a.events.some(
      (v) => v.code.startsWith(root) && ((v.source === src.id && v.target === tgt.id) || (v.source === tgt.id && v.target === src.id)),
    );
    if (already) continue;
    const c = analyzer.codebook.get(act.code)!;
    const ev: EventOut = {
      id: `V${a.events.length + 1}`,
      code: act.code,
      label: c.label.en ?? act.code,
      goldstein: c.goldstein,
      source: src.id,
      target: tgt.id,
      date: act.date,
      dateText: null,
      location: null,
      modality: 'asserted',
      evidence: sentenceAround(text, act.evidence),
      quote: null,
      confidence: 0.9,
    };
    a.events.push(ev);
  }
  return a;
}

/** Put every fixture into the store; returns the analyses in order. */
export async function loadFixtures(store: Store, analyzer: Analyzer): Promise<Analysis[]> {
  const out: Analysis[] = [];
  for (const f of FIXTURES) {
    const a = analyseFixture(analyzer, f);
    await store.putDocument({ ...f.article, origin: 'test/server-fixtures' }, a);
    out.push(a);
  }
  return out;
}
