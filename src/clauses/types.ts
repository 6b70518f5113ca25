// The clause layer's types: for each sentence, its predicates and their arguments, read from a
// dependency tree. Token indices here are document token indices (Doc.tokens) once the stage has
// placed a sentence's frames; frames.ts works on sentence-relative indices.

/** One sentence's dependency tree: per token, its part of speech, head (-1 = root) and relation. */
export interface Tree {
  upos: readonly string[];
  head: ArrayLike<number>;
  rel: readonly string[];
}

export type ArgRole = 'subj' | 'obj' | 'iobj' | 'agent' | 'obl' | 'comp' | 'xcomp';

/** How an argument was found when it is not a dependent of the predicate itself. */
export type Inherited = 'conj' | 'control' | 'relative' | 'participle' | 'adverbial' | 'inversion';

export interface Arg {
  role: ArgRole;
  /** folded preposition(s) of an oblique or agent ('a', 'avec', 'against', 'on behalf of'), else null */
  prep: string | null;
  /** the phrase's head token */
  head: number;
  /** token range [start, end) of the phrase: its subtree without clauses, appositions and conjuncts */
  start: number;
  end: number;
  /** token ranges of appositions to the head ("X, the director of Y") */
  appos: Array<[number, number]>;
  /** one of several coordinated phrases in this role (the first has coord false) */
  coord: boolean;
  /** set when the argument comes from elsewhere than the predicate's own dependents */
  inherited?: Inherited;
  /** for comp/xcomp: the embedded clause's index (sentence-relative in frames, document-wide in the stage) */
  clause?: number;
  /** indices into Doc.mentions inside the phrase and its appositions: the head's own, the appositions', the rest */
  mentions: number[];
}

export interface Clause {
  sentence: number;
  /** the predicate's token */
  head: number;
  kind: 'verb' | 'copula';
  /** fold()ed predicate word */
  form: string;
  /** tokens of the verb group (auxiliaries, negation, the predicate), in order */
  group: number[];
  voice: 'active' | 'passive';
  negated: boolean;
  /** the modal that makes the act only possible or wished (may, pourrait, devrait), folded */
  modal: string | null;
  future: boolean;
  /** index of the clause that embeds this one, or null for a main clause */
  governor: number | null;
  /** how it is embedded: ccomp, xcomp, advcl, acl, acl:relcl, conj, parataxis, csubj */
  relation: string | null;
  /** folded subordinator words (que, that, after, alors que) */
  subordinator: string | null;
  args: Arg[];
}

/** The clause layer of a document. */
export interface ClauseLayer {
  /** the tree of each sentence (null when its language has no model) */
  trees: Array<Tree | null>;
  clauses: Clause[];
  /** index of the first clause of each sentence in `clauses` (clauses are in sentence order) */
  firstClause: Int32Array;
  /** per token: the clause whose predicate it is, else -1 */
  predicateAt: Int32Array;
  /** per token: the outermost entity mention covering it (index into Doc.mentions), else -1 */
  mentionAt: Int32Array;
}
