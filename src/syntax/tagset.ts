// The tag and relation inventories shared by both languages, and how UD relations map onto them.

/** Universal POS tags; a tagger's output is an index into this list */
export const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'] as const;
export type Upos = (typeof UPOS)[number];

/**
 * Dependency relations; a parser's output is an index into this list. The subtypes kept are the
 * ones the clause layer needs; every other subtype maps to its base relation (obl:mod → obl,
 * aux:tense → aux, expl:pv → expl, nmod:poss → nmod, flat:foreign → flat).
 */
export const RELATIONS = [
  'root',
  'nsubj',
  'nsubj:pass',
  'obj',
  'iobj',
  'obl',
  'obl:agent',
  'case',
  'mark',
  'cc',
  'conj',
  'appos',
  'acl',
  'acl:relcl',
  'advcl',
  'ccomp',
  'xcomp',
  'aux',
  'aux:pass',
  'cop',
  'det',
  'amod',
  'nmod',
  'nummod',
  'advmod',
  'expl',
  'flat:name',
  'compound',
  'punct',
  // base relations outside the core set
  'csubj',
  'fixed',
  'flat',
  'parataxis',
  'discourse',
  'vocative',
  'list',
  'dislocated',
  'orphan',
  'goeswith',
  'reparandum',
  'clf',
  'dep',
] as const;
export type Relation = (typeof RELATIONS)[number];

const UPOS_INDEX = new Map<string, number>(UPOS.map((t, i) => [t, i]));
const REL_INDEX = new Map<string, number>(RELATIONS.map((r, i) => [r, i]));
export const ROOT_REL = 0;
export const PUNCT_REL = REL_INDEX.get('punct')!;
export const GOESWITH_REL = REL_INDEX.get('goeswith')!;

export function uposIndex(tag: string): number {
  const i = UPOS_INDEX.get(tag);
  if (i === undefined) throw new Error(`unknown UPOS tag '${tag}'`);
  return i;
}

/**
 * The index in RELATIONS of a UD relation: kept when listed, else its base relation. English EWT
 * writes proper-name sequences as plain `flat`; between two proper nouns it becomes `flat:name`,
 * as in the French treebanks, so that both languages say the same thing.
 */
export function relationIndex(deprel: string, upos?: string, headUpos?: string): number {
  let r = REL_INDEX.get(deprel);
  if (r === undefined) {
    const base = deprel.split(':')[0]!;
    r = REL_INDEX.get(base);
    if (r === undefined) throw new Error(`unknown dependency relation '${deprel}'`);
  }
  if (RELATIONS[r] === 'flat' && upos === 'PROPN' && headUpos === 'PROPN') return REL_INDEX.get('flat:name')!;
  return r;
}
