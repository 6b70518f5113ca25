// A generated corpus for the benchmark: French and English wire stories from our own templates,
// filled with people (and their roles on the date) and countries from the knowledge base.
import type { Article } from '../src/analysis.js';
import type { KnowledgeBase } from '../src/kb/kb.js';
import type { Actor, Country, Role } from '../src/kb/types.js';
import { seededRandom } from '../src/util/random.js';

/** a small deterministic PRNG, so that every run benchmarks the same texts */
const rng = seededRandom;

const EN = {
  lead: [
    '{A}, {roleA} of {countryA}, spoke by phone on {day} with {B}, {roleB} of {countryB}, about regional security.',
    '{A} met {B} in {capitalB} on {day} to discuss trade and energy cooperation between {countryA} and {countryB}.',
    '{countryA} condemned on {day} the statements of {B}, calling them "unacceptable and dangerous".',
    '{A} hosted his {adjB} counterpart {B} in {capitalA} on {day}, the foreign ministry said.',
    '{countryA} recalled its ambassador to {countryB} on {day} after a row over comments by {B}.',
  ],
  quote: [
    '"We share the same determination to work for peace and stability in the region," {A} said after the talks.',
    '"This decision is a grave mistake and we will respond," {B} told reporters in {capitalB}.',
    'According to {A}, the two sides agreed to meet again before the end of the year.',
    '"Our partnership has never been stronger," {B} wrote on social media.',
  ],
  filler: [
    'The two countries have had close but sometimes difficult relations for decades.',
    'Diplomats said further talks were expected in the coming weeks, possibly at ministerial level.',
    'The meeting came amid heightened tensions in the region and growing pressure from international partners.',
    'Officials did not give details of the discussions, which lasted about an hour.',
  ],
};
const FR = {
  lead: [
    "{A}, {roleA}, s'est entretenu {day} par téléphone avec {B}, {roleB}, de la sécurité régionale.",
    '{A} a reçu {day} à {capitalA} son homologue {adjB} {B} pour évoquer la coopération énergétique.',
    '{countryA} a condamné {day} les propos de {B}, jugés « inacceptables et dangereux ».',
    "{A} s'est rendu {day} à {capitalB}, où il a rencontré {B}, a indiqué le ministère des Affaires étrangères.",
    '{countryA} a rappelé {day} son ambassadeur en {countryB} après les déclarations de {B}.',
  ],
  quote: [
    "« Nous partageons la même détermination à œuvrer pour la paix et la stabilité dans la région », a déclaré {A} à l'issue de l'entretien.",
    '« Cette décision est une grave erreur et nous y répondrons », a affirmé {B} devant la presse à {capitalB}.',
    "Selon {A}, les deux parties sont convenues de se revoir avant la fin de l'année.",
    "« Notre partenariat n'a jamais été aussi solide », a écrit {B} sur les réseaux sociaux.",
  ],
  filler: [
    'Les deux pays entretiennent depuis des décennies des relations étroites mais parfois difficiles.',
    'Selon des diplomates, de nouvelles discussions sont attendues dans les prochaines semaines.',
    'Cette rencontre intervient dans un contexte de fortes tensions régionales.',
    "Aucun détail n'a été donné sur le contenu des échanges, qui ont duré environ une heure.",
  ],
};
const DAYS = { en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'] };

interface Person {
  actor: Actor;
  role: Role;
  country: Country;
}

export function generateCorpus(kb: KnowledgeBase, n: number, seed = 42): Article[] {
  const rand = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const people: Person[] = [];
  for (const a of kb.actors.values()) {
    if (a.type !== 'PERSON') continue;
    for (const r of a.roles) {
      const c = r.country ? kb.countries.get(r.country) : undefined;
      if (c && r.from && (r.title.en || r.title.fr)) people.push({ actor: a, role: r, country: c });
    }
  }
  if (people.length < 2) throw new Error('the knowledge base has too few people with roles to generate a corpus');
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const lang = i % 2 ? 'fr' : 'en';
    const T = lang === 'fr' ? FR : EN;
    const a = pick(people);
    let b = pick(people);
    for (let k = 0; k < 5 && b.country.iso3 === a.country.iso3; k++) b = pick(people);
    // a date inside A's term (or a recent year when open-ended)
    const from = Date.parse(a.role.from!);
    const to = a.role.to ? Date.parse(a.role.to) : Date.parse('2025-12-31');
    const date = new Date(from + rand() * Math.max(0, to - from)).toISOString().slice(0, 10);
    const vars: Record<string, string> = {
      A: a.actor.name,
      B: b.actor.name,
      roleA: a.role.title[lang] ?? a.role.title.en ?? '',
      roleB: b.role.title[lang] ?? b.role.title.en ?? '',
      countryA: a.country.name[lang] ?? a.country.name.en!,
      countryB: b.country.name[lang] ?? b.country.name.en!,
      capitalA: a.country.capital?.[lang] ?? a.country.name[lang] ?? '',
      capitalB: b.country.capital?.[lang] ?? b.country.name[lang] ?? '',
      adjB: b.country.demonyms[lang]?.[0] ?? '',
      day: pick(DAYS[lang]),
    };
    const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
    const paras = [fill(pick(T.lead)), fill(pick(T.quote)) + ' ' + fill(pick(T.filler)), fill(pick(T.filler)) + ' ' + fill(pick(T.quote))];
    if (rand() < 0.5) paras.push(fill(pick(T.filler)));
    out.push({
      text: paras.join('\n\n') + '\n',
      published: date,
      source: pick(['AFP', 'Reuters', 'AP', 'Le Monde', 'MAP']),
      url: `https://bench.example/${i}`,
      title: null,
    });
  }
  return out;
}
