// Clause frames from one sentence's dependency tree: each verb (or copular predicate) with its verb
// group, voice, negation, modality, embedding and arguments. Relations are Universal Dependencies',
// so this module is language-neutral; the few words it must know (negation, modals, the agent's
// preposition, relative pronouns) come from the pack's grammar.json.
import type { Grammar } from '../lang/grammar.js';
import type { Arg, ArgRole, Clause, Inherited, Tree } from './types.js';

/** Dependents that are clauses, appositions or conjuncts of their own: not part of a phrase. */
const OUTSIDE_PHRASE = new Set([
  'acl',
  'acl:relcl',
  'advcl',
  'ccomp',
  'xcomp',
  'parataxis',
  'conj',
  'cc',
  'appos',
  'punct',
  'csubj',
  'dislocated',
  'list',
  'discourse',
  'vocative',
  'orphan',
]);
const SUBJECT_RELS = new Set(['nsubj', 'nsubj:pass', 'csubj']);
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'X', 'SYM', 'ADJ', 'DET']);
const EMBEDDING = new Set(['ccomp', 'xcomp', 'advcl', 'acl', 'acl:relcl', 'conj', 'parataxis', 'csubj']);

/** A sentence's words as the frames need them: fold()ed forms, plus the tree. */
export interface FrameInput {
  words: readonly string[];
  tree: Tree;
}

/** The children of every token, in sentence order. */
export function childrenOf(tree: Tree): number[][] {
  const n = tree.upos.length;
  const kids: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const h = tree.head[i]!;
    if (h >= 0 && h < n && h !== i) kids[h]!.push(i);
  }
  return kids;
}

/**
 * The token range [start, end) of the phrase headed by `h`: its subtree without clausal
 * dependents, appositions, conjuncts and punctuation, and without the head's own preposition or
 * subordinator (which the argument keeps apart, in `prep`).
 */
export function phraseRange(tree: Tree, kids: number[][], h: number): [number, number] {
  let lo = h,
    hi = h;
  // the head's own preposition or subordinator introduces the phrase but is not part of it
  const stack = kids[h]!.filter((c) => !OUTSIDE_PHRASE.has(tree.rel[c]!) && tree.rel[c] !== 'case' && tree.rel[c] !== 'mark');
  while (stack.length) {
    const t = stack.pop()!;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
    for (const c of kids[t]!) if (!OUTSIDE_PHRASE.has(tree.rel[c]!)) stack.push(c);
  }
  return [lo, hi + 1];
}

/** Folded preposition words of a nominal dependent (its case children and their fixed parts). */
function prepOf(input: FrameInput, kids: number[][], t: number, g: Grammar): string | null {
  const parts: number[] = [];
  for (const c of kids[t]!) {
    if (input.tree.rel[c] !== 'case') continue;
    parts.push(c);
    for (const f of kids[c]!) if (input.tree.rel[f] === 'fixed') parts.push(f);
  }
  if (!parts.length) return null;
  parts.sort((a, b) => a - b);
  return parts.map((p) => g.prepositionContractions.get(input.words[p]!) ?? input.words[p]!).join(' ');
}

function isPredicate(tree: Tree, kids: number[][], i: number): 'verb' | 'copula' | null {
  const rel = tree.rel[i]!;
  if (rel === 'aux' || rel === 'aux:pass' || rel === 'cop' || rel === 'fixed') return null;
  if (tree.upos[i] === 'VERB') return 'verb';
  if (kids[i]!.some((c) => tree.rel[c] === 'cop')) return 'copula';
  // an auxiliary standing alone as the main verb ("the talks were in Paris" parsed without cop)
  if (tree.upos[i] === 'AUX' && (rel === 'root' || rel === 'conj' || rel === 'ccomp') && kids[i]!.some((c) => SUBJECT_RELS.has(tree.rel[c]!))) return 'copula';
  return null;
}

/**
 * Every clause of one sentence, with sentence-relative token indices; `governor` and
 * `Arg.clause` are indices into the returned list. Arguments that the tree leaves implicit are
 * inherited: the subject of a conjoined verb from the first, of a controlled infinitive from the
 * controller (the object of "asked X to", else the subject), of a relative clause or participle
 * from the noun it modifies, of a subjectless adverbial clause from the main clause.
 */
export function clauseFrames(input: FrameInput, g: Grammar): Clause[] {
  const { tree, words } = input;
  const n = tree.upos.length;
  const kids = childrenOf(tree);
  const clauseAt = new Int32Array(n).fill(-1);
  const clauses: Clause[] = [];
  for (let i = 0; i < n; i++) {
    const kind = isPredicate(tree, kids, i);
    if (!kind) continue;
    clauseAt[i] = clauses.length;
    clauses.push(frameOf(input, kids, i, kind, g));
  }
  // embedding: the nearest predicate above each clause
  for (const c of clauses) {
    const rel = tree.rel[c.head]!;
    if (!EMBEDDING.has(rel)) continue;
    let h = tree.head[c.head]!;
    let guard = 0;
    while (h >= 0 && clauseAt[h] === -1 && guard++ < n) h = tree.head[h]!;
    if (h >= 0 && clauseAt[h] !== -1) {
      c.governor = clauseAt[h]!;
      c.relation = rel;
    }
    if (rel === 'xcomp' || rel === 'ccomp' || rel === 'csubj') {
      const gov = c.governor != null ? clauses[c.governor]! : null;
      const arg = gov?.args.find((a) => a.head === c.head);
      if (arg) arg.clause = clauses.indexOf(c);
    }
  }
  // a relative pronoun stands for the noun its clause modifies (the minister who met X)
  for (const c of clauses) {
    if (tree.rel[c.head] !== 'acl:relcl') continue;
    const noun = tree.head[c.head]!;
    if (noun < 0) continue;
    const [start, end] = phraseRange(tree, kids, noun);
    for (const a of c.args)
      if (g.relativePronouns.has(words[a.head]!)) Object.assign(a, { head: noun, start, end, appos: [], inherited: 'relative' as Inherited });
  }
  // a reporting verb set after a quote takes its subject after it (« … », a déclaré le ministre);
  // parsers often read that subject as an object
  for (const c of clauses) {
    if (tree.rel[c.head] !== 'parataxis' || c.args.some((a) => a.role === 'subj')) continue;
    const inverted = c.args.find((a) => a.role === 'obj' && a.head > c.head);
    if (inverted) Object.assign(inverted, { role: 'subj', inherited: 'inversion' as Inherited });
  }
  // inherited subjects, governors first (a clause's index is after its governor's in most trees;
  // a second pass settles the rest)
  for (let pass = 0; pass < 2; pass++) for (const c of clauses) if (!c.args.some((a) => a.role === 'subj')) inheritSubject(input, kids, clauses, c, g);
  return clauses;
}

function frameOf(input: FrameInput, kids: number[][], i: number, kind: 'verb' | 'copula', g: Grammar): Clause {
  const { tree, words } = input;
  const group = [i];
  let negated = false,
    passive = false,
    future = false;
  let modal: string | null = null;
  const marks: number[] = [];
  const args: Arg[] = [];
  for (const c of kids[i]!) {
    const rel = tree.rel[c]!;
    const w = words[c]!;
    if (rel === 'aux' || rel === 'aux:pass' || rel === 'cop') {
      group.push(c);
      // the parser's aux:pass is trusted only on an auxiliary of the passive (not a-t-il, has)
      if (rel === 'aux:pass' && g.passiveAuxiliaries.has(w)) passive = true;
      if (g.modals.has(w)) modal = w;
      if (g.futureAuxiliaries.has(w)) future = true;
    } else if ((rel === 'advmod' || rel === 'det' || rel === 'dep') && g.negation.has(w)) {
      group.push(c);
      negated = true;
    } else if (rel === 'mark') {
      marks.push(c);
      for (const f of kids[c]!) if (tree.rel[f] === 'fixed') marks.push(f);
    } else if (rel === 'nsubj:pass') {
      passive = true;
      pushArg(input, kids, args, 'subj', c, null, g);
    } else if (rel === 'nsubj' || rel === 'csubj') {
      pushArg(input, kids, args, 'subj', c, null, g);
    } else if (rel === 'obj') {
      pushArg(input, kids, args, 'obj', c, null, g);
    } else if (rel === 'iobj') {
      pushArg(input, kids, args, 'iobj', c, prepOf(input, kids, c, g), g);
    } else if (rel === 'obl:agent') {
      pushArg(input, kids, args, 'agent', c, prepOf(input, kids, c, g), g);
    } else if (rel === 'obl') {
      const prep = prepOf(input, kids, c, g);
      const role: ArgRole = prep != null && g.agentPrepositions.has(prep) && (passive || hasPassiveMark(tree, kids, i)) ? 'agent' : 'obl';
      pushArg(input, kids, args, role, c, prep, g);
    } else if (rel === 'ccomp') {
      pushArg(input, kids, args, 'comp', c, null, g);
    } else if (rel === 'xcomp') {
      pushArg(input, kids, args, 'xcomp', c, null, g);
    }
  }
  // être + a participle of motion or state (il est arrivé), or a pronominal verb (s'est rendu), is active
  if (passive && (g.activeWithBe.has(words[i]!) || kids[i]!.some((c) => g.reflexives.has(words[c]!)))) passive = false;
  // a past participle modifying a noun is passive (les violences commises, the car used by X)
  if (
    tree.rel[i] === 'acl' &&
    tree.upos[i] === 'VERB' &&
    group.length === 1 &&
    !g.activeWithBe.has(words[i]!) &&
    !g.presentParticipleEndings.some((e) => words[i]!.endsWith(e))
  )
    passive = true;
  // a verb form that carries its inverted pronoun subject (a-t-il ajouté, affirme-t-elle)
  if (!args.some((a) => a.role === 'subj')) {
    const inv = group.find((t) => words[t]!.includes('-') && g.invertedSubjectSuffixes.some((e) => words[t]!.endsWith(e)));
    if (inv !== undefined)
      args.push({ role: 'subj', prep: null, head: inv, start: inv, end: inv + 1, appos: [], coord: false, mentions: [], inherited: 'inversion' });
  }
  if (!future && g.futureEndings.length && tree.upos[i] !== 'AUX') {
    const w = words[i]!;
    // a synthetic future (rencontrera) or one on its auxiliary (aura rencontré)
    const fut = (x: string) => g.futureEndings.some((e) => x.length > e.length + 2 && x.endsWith(e));
    if (fut(w) || group.some((t) => t !== i && tree.rel[t] === 'aux' && fut(words[t]!))) future = fut(w) || group.some((t) => t !== i && fut(words[t]!));
  }
  group.sort((a, b) => a - b);
  marks.sort((a, b) => a - b);
  return {
    sentence: -1,
    head: i,
    kind,
    form: words[i]!,
    group,
    voice: passive ? 'passive' : 'active',
    negated,
    modal,
    future,
    governor: null,
    relation: null,
    subordinator: marks.length ? marks.map((m) => words[m]!).join(' ') : null,
    args,
  };
}

/** A participle modifying a noun with an agent (le rapport publié par l'ONU) is passive. */
function hasPassiveMark(tree: Tree, kids: number[][], i: number): boolean {
  return tree.rel[i] === 'acl' || kids[i]!.some((c) => tree.rel[c] === 'aux:pass');
}

/** Adds the phrase headed by `h` in `role`, then each phrase coordinated with it. */
function pushArg(input: FrameInput, kids: number[][], args: Arg[], role: ArgRole, h: number, prep: string | null, g: Grammar, inherited?: Inherited): void {
  const { tree } = input;
  const heads = [h];
  // conjuncts hang from the first conjunct in UD (X, Y et Z → Y and Z are conj of X)
  for (let k = 0; k < heads.length; k++)
    for (const c of kids[heads[k]!]!) if (tree.rel[c] === 'conj' && NOMINAL.has(tree.upos[c]!) && !heads.includes(c)) heads.push(c);
  heads.forEach((x, k) => {
    const [start, end] = phraseRange(tree, kids, x);
    const appos: Array<[number, number]> = [];
    for (const c of kids[x]!) if (tree.rel[c] === 'appos') appos.push(phraseRange(tree, kids, c));
    const arg: Arg = { role, prep: k === 0 ? prep : (prepOf(input, kids, x, g) ?? prep), head: x, start, end, appos, coord: k > 0, mentions: [] };
    if (inherited) arg.inherited = inherited;
    args.push(arg);
  });
}

/** Copies `from` into `to` as an inherited argument of `role`. */
function inherit(to: Clause, from: Arg, role: ArgRole, how: Inherited): void {
  to.args.push({ ...from, role, prep: null, appos: from.appos.slice(), mentions: [], inherited: how, clause: undefined });
}

/** Gives a subjectless clause the subject the tree leaves implicit (see clauseFrames). */
function inheritSubject(input: FrameInput, kids: number[][], clauses: Clause[], c: Clause, g: Grammar): void {
  const { tree, words } = input;
  const gov = c.governor != null ? clauses[c.governor]! : null;
  const rel = tree.rel[c.head]!;
  // conjoined and controlled verbs inherit only from the verb they hang from, not from a verb
  // further up (« la persistance du Rwanda à soutenir » is no control by the clause's subject)
  const direct = gov != null && tree.head[c.head] === gov.head;
  if (rel === 'conj' && gov && direct) {
    for (const a of gov.args) if (a.role === 'subj') inherit(c, a, 'subj', 'conj');
    return;
  }
  if (rel === 'xcomp' && gov && direct) {
    const controller = gov.args.filter((a) => a.role === 'obj' || a.role === 'iobj');
    const from = controller.length ? controller : gov.args.filter((a) => a.role === 'subj');
    for (const a of from) inherit(c, a, 'subj', 'control');
    return;
  }
  if (rel === 'acl' || rel === 'acl:relcl') {
    const noun = tree.head[c.head]!;
    // the noun is already the clause's object (the deal that X signed): its subject stays unknown
    if (noun < 0 || c.args.some((a) => a.head === noun)) return;
    const [start, end] = phraseRange(tree, kids, noun);
    c.args.push({
      role: 'subj',
      prep: null,
      head: noun,
      start,
      end,
      appos: [],
      coord: false,
      mentions: [],
      inherited: rel === 'acl' ? 'participle' : 'relative',
    });
    return;
  }
  if (rel === 'advcl' && gov) for (const a of gov.args) if (a.role === 'subj') inherit(c, a, 'subj', 'adverbial');
}
