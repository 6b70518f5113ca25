// The workbench's words in French and English. Keys are English identifiers; every key exists in
// both languages (checked by the type: `fr` must have the same keys as `en`).
import { createContext, useContext } from 'react';

const en = {
  title: 'readout workbench',
  tagline: 'entities, quotes and events in French and English news',
  'nav.read': 'Read', 'nav.search': 'Search', 'nav.actor': 'Actors', 'nav.network': 'Network', 'nav.dyad': 'Dyad timeline',
  'lang.switch': 'Français',
  'read.paste': 'Paste an article', 'read.upload': 'or upload a file (text or HTML)', 'read.published': 'Publication date',
  'read.language': 'Language', 'read.auto': 'detect', 'read.analyze': 'Analyse', 'read.example': 'Example',
  'read.placeholder': 'Paste the text of a news article here…', 'read.empty': 'Paste a text or choose a file first.',
  'read.working': 'Analysing…',
  entities: 'Entities', quotes: 'Quotes', events: 'Events', documents: 'Documents', segments: 'Segments',
  'seg.paragraph': 'paragraph', 'seg.post': 'post', 'seg.blockquote': 'block quote', 'seg.title': 'title', 'seg.header': 'header',
  'type.PERSON': 'Person', 'type.ORGANIZATION': 'Organisation', 'type.COUNTRY': 'Country', 'type.LOCATION': 'Place', 'type.GROUP': 'Group',
  speaker: 'Speaker', 'speaker.none': 'unknown speaker', cue: 'Cue', kind: 'Kind', channel: 'Channel', date: 'Date', code: 'Code',
  source: 'Source', target: 'Target', modality: 'Modality', goldstein: 'Goldstein', role: 'Role', country: 'Country', name: 'Name',
  mentions: 'Mentions', language: 'Language', reports: 'reports', 'hover.evidence': 'Hover over an event to highlight its evidence.',
  'none.entities': 'No entities found.', 'none.quotes': 'No quotes found.', 'none.events': 'No events found.',
  'search.text': 'Full text', 'search.actor': 'Actor', 'search.country': 'Country (name or ISO)', 'search.with': 'with (country)',
  'search.code': 'CAMEO code', 'search.from': 'From', 'search.to': 'To', 'search.go': 'Search', 'search.results': 'results',
  'search.none': 'Nothing matches.', 'page.prev': 'previous', 'page.next': 'next', 'page.of': 'of', 'page.results': 'results', 'search.any': 'any', more: 'More', open: 'open',
  'actor.find': 'Find an actor', 'actor.roles': 'Roles over time', 'actor.now': 'now', 'actor.quotes': 'Latest quotes', 'actor.timeline': 'Events on a timeline',
  'actor.counterparts': 'Counterparts', 'actor.notfound': 'No such actor.', 'actor.pick': 'Search for an actor, then pick one.',
  'net.from': 'From', 'net.to': 'To', 'net.level': 'Nodes', 'net.countries': 'countries', 'net.actors': 'actors', 'net.show': 'Show',
  'net.empty': 'No interactions in this range.', 'net.click': 'Click an edge to see its events.', 'net.edge': 'Events between',
  'net.coop': 'cooperation', 'net.conflict': 'conflict', 'net.truncated': 'Only the first events of the range were read.',
  'dyad.a': 'Country A', 'dyad.b': 'Country B', 'dyad.show': 'Show', 'dyad.total': 'events', 'dyad.mean': 'mean Goldstein',
  'dyad.empty': 'No events between these two countries.',
  'quad.1': 'verbal cooperation', 'quad.2': 'material cooperation', 'quad.3': 'verbal conflict', 'quad.4': 'material conflict',
  error: 'Error', loading: 'Loading…', back: 'Back', document: 'Document', 'doc.notfound': 'No such document.',
  'mod.asserted': 'asserted', 'mod.all': 'all acts', 'mod.negated': 'negated', 'mod.hypothetical': 'hypothetical', 'mod.planned': 'planned',
  'stats.corpus': 'Corpus',
};

export type Key = keyof typeof en;

const fr: Record<Key, string> = {
  title: 'atelier readout',
  tagline: 'entités, citations et événements dans l’actualité en français et en anglais',
  'nav.read': 'Lire', 'nav.search': 'Rechercher', 'nav.actor': 'Acteurs', 'nav.network': 'Réseau', 'nav.dyad': 'Chronologie bilatérale',
  'lang.switch': 'English',
  'read.paste': 'Collez un article', 'read.upload': 'ou choisissez un fichier (texte ou HTML)', 'read.published': 'Date de publication',
  'read.language': 'Langue', 'read.auto': 'détecter', 'read.analyze': 'Analyser', 'read.example': 'Exemple',
  'read.placeholder': 'Collez ici le texte d’un article de presse…', 'read.empty': 'Collez un texte ou choisissez d’abord un fichier.',
  'read.working': 'Analyse en cours…',
  entities: 'Entités', quotes: 'Citations', events: 'Événements', documents: 'Documents', segments: 'Segments',
  'seg.paragraph': 'paragraphe', 'seg.post': 'publication', 'seg.blockquote': 'citation en bloc', 'seg.title': 'titre', 'seg.header': 'en-tête',
  'type.PERSON': 'Personne', 'type.ORGANIZATION': 'Organisation', 'type.COUNTRY': 'Pays', 'type.LOCATION': 'Lieu', 'type.GROUP': 'Groupe',
  speaker: 'Locuteur', 'speaker.none': 'locuteur inconnu', cue: 'Verbe', kind: 'Type', channel: 'Canal', date: 'Date', code: 'Code',
  source: 'Source', target: 'Cible', modality: 'Modalité', goldstein: 'Goldstein', role: 'Fonction', country: 'Pays', name: 'Nom',
  mentions: 'Mentions', language: 'Langue', reports: 'récits', 'hover.evidence': 'Survolez un événement pour surligner le passage qui l’établit.',
  'none.entities': 'Aucune entité trouvée.', 'none.quotes': 'Aucune citation trouvée.', 'none.events': 'Aucun événement trouvé.',
  'search.text': 'Texte intégral', 'search.actor': 'Acteur', 'search.country': 'Pays (nom ou ISO)', 'search.with': 'avec (pays)',
  'search.code': 'Code CAMEO', 'search.from': 'Du', 'search.to': 'Au', 'search.go': 'Rechercher', 'search.results': 'résultats',
  'search.none': 'Aucun résultat.', 'page.prev': 'précédents', 'page.next': 'suivants', 'page.of': 'sur', 'page.results': 'résultats', 'search.any': 'tous', more: 'Plus', open: 'ouvrir',
  'actor.find': 'Trouver un acteur', 'actor.roles': 'Fonctions au fil du temps', 'actor.now': 'aujourd’hui', 'actor.quotes': 'Dernières citations', 'actor.timeline': 'Événements sur une frise',
  'actor.counterparts': 'Interlocuteurs', 'actor.notfound': 'Acteur inconnu.', 'actor.pick': 'Cherchez un acteur, puis choisissez-le.',
  'net.from': 'Du', 'net.to': 'Au', 'net.level': 'Nœuds', 'net.countries': 'pays', 'net.actors': 'acteurs', 'net.show': 'Afficher',
  'net.empty': 'Aucune interaction sur cette période.', 'net.click': 'Cliquez sur un lien pour voir ses événements.', 'net.edge': 'Événements entre',
  'net.coop': 'coopération', 'net.conflict': 'conflit', 'net.truncated': 'Seuls les premiers événements de la période ont été lus.',
  'dyad.a': 'Pays A', 'dyad.b': 'Pays B', 'dyad.show': 'Afficher', 'dyad.total': 'événements', 'dyad.mean': 'Goldstein moyen',
  'dyad.empty': 'Aucun événement entre ces deux pays.',
  'quad.1': 'coopération verbale', 'quad.2': 'coopération matérielle', 'quad.3': 'conflit verbal', 'quad.4': 'conflit matériel',
  error: 'Erreur', loading: 'Chargement…', back: 'Retour', document: 'Document', 'doc.notfound': 'Document introuvable.',
  'mod.asserted': 'affirmé', 'mod.all': 'tous les actes', 'mod.negated': 'nié', 'mod.hypothetical': 'hypothétique', 'mod.planned': 'prévu',
  'stats.corpus': 'Corpus',
};

export type UiLang = 'en' | 'fr';
export const DICTS: Record<UiLang, Record<Key, string>> = { en, fr };

export interface I18n {
  lang: UiLang;
  t(key: Key): string;
  setLang(l: UiLang): void;
}

export const I18nContext = createContext<I18n>({ lang: 'en', t: (k) => en[k], setLang: () => undefined });
export const useI18n = () => useContext(I18nContext);

export function initialLang(): UiLang {
  try {
    const saved = localStorage.getItem('readout.lang');
    if (saved === 'fr' || saved === 'en') return saved;
  } catch {
    /* storage may be unavailable */
  }
  return navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
