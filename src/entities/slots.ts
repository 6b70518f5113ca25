// Names in the clause layer's argument slots: a capitalised sequence of two or more words that is
// the subject, object or agent of a predicate and that no recogniser claimed becomes an entity
// ("Halvard Oyelowo knows every farmer", "the council sued Brightmoor Dairy"). The entity stage
// runs before the clause stage, so this pass runs after it and adds what the slots show.
import type { EntityType } from '../analysis.js';
import type { Doc, Entity, Mention } from '../doc.js';
import type { Stage, StageResources } from '../stage.js';
import type { Token } from '../text/tokens.js';
import { fold } from '../text/normalize.js';
import { buildEntityLexicon, type EntityLexicon } from './lexicon.js';
import { givenNameGender } from './given-names.js';
import { lowerCaseWords } from './mentions.js';

const SLOTS = new Set(['subj', 'obj', 'iobj', 'agent']);
const JOINERS = new Set(['de', 'du', 'des', "d'", 'van', 'von', 'der', 'al', 'el', 'ben', 'bin', 'ibn', 'da', 'di', 'del', 'dos', 'le', 'la']);

export function createSlotNameStage({ packs, tokOpts }: StageResources, lex = buildEntityLexicon(packs, tokOpts)): Stage {
  return { name: 'slot-names', run: (doc) => namesFromArgumentSlots(doc, lex) };
}

/** Adds an entity (or a mention of an entity of the same name) for every unclaimed name in an argument slot. */
export function namesFromArgumentSlots(doc: Doc, lex: EntityLexicon): void {
  const layer = doc.clauses;
  if (!layer) return;
  const toks = doc.tokens;
  const lowerWords = lowerCaseWords(toks);
  const nameWord = (t: Token) => t.cap && t.kind === 'word' && !lex.notNames.has(t.norm) && !lex.stopwords.has(t.norm);
  for (const clause of layer.clauses) {
    for (const arg of clause.args) {
      if (!SLOTS.has(arg.role) || arg.mentions.length) continue;
      const h = arg.head;
      if (h < arg.start || h >= arg.end || !nameWord(toks[h]!) || layer.mentionAt[h] !== -1) continue;
      // the capitalised run around the head, inside the phrase, joined by particles
      let s = h;
      while (
        s - 1 >= arg.start &&
        (nameWord(toks[s - 1]!) || (JOINERS.has(toks[s - 1]!.norm) && s - 2 >= arg.start && nameWord(toks[s - 2]!))) &&
        layer.mentionAt[s - 1] === -1
      )
        s--;
      let e = h + 1;
      while (e < arg.end && (nameWord(toks[e]!) || (JOINERS.has(toks[e]!.norm) && e + 1 < arg.end && nameWord(toks[e + 1]!))) && layer.mentionAt[e] === -1) e++;
      const words = toks.slice(s, e);
      // a word the text also writes in lower case ("Defense Treaty", "Techiman City") or a title
      // ("Ohio Auditor") makes it something other than a name
      if (
        words.length < 2 ||
        words.length > 4 ||
        words.some((w) => lowerWords.has(w.norm) || lex.roles.next.get(w.norm)?.value || lex.titlesBeforeNames.next.get(w.norm)?.value)
      )
        continue;
      const type: EntityType = words.some((w) => lex.orgHeads.has(w.norm))
        ? 'ORGANIZATION'
        : words.some((w) => lex.placeHeads.has(w.norm))
          ? 'LOCATION'
          : 'PERSON';
      const mi = addNamed(doc, type, toks[s]!.start, toks[e - 1]!.end);
      for (let k = s; k < e; k++) layer.mentionAt[k] = mi;
      arg.mentions.push(mi);
    }
  }
}

/** a mention of the entity of that name (a new one when the text has none); returns its index in doc.mentions */
function addNamed(doc: Doc, type: EntityType, start: number, end: number): number {
  const text = doc.text.slice(start, end);
  const folded = fold(text);
  let e: Entity | undefined = doc.entities.find((x) => x.type === type && fold(x.name) === folded);
  if (!e) {
    e = { id: `E${doc.entities.length + 1}`, type, name: text, actor: null, country: null, role: null, roleKind: null, code: null, gender: null, mentions: [] };
    if (type === 'PERSON') e.gender = givenNameGender(text.split(/\s+/)[0]!);
    doc.entities.push(e);
  }
  const m: Mention = { start, end, text, via: 'slot', type, actor: null, country: null, entity: Number(e.id.slice(1)) - 1 };
  e.mentions.push(m);
  doc.mentions.push(m);
  return doc.mentions.length - 1;
}
