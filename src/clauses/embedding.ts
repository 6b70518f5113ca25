// What a word hangs under in its sentence's dependency tree: the governing predicate that says
// what the word's clause or phrase is — "China denied [that it had sent troops]", "China denied
// [sending troops]", "a démenti [avoir envoyé des troupes]", "denied any involvement in [the
// attack]". The words that govern (denial verbs…) are the caller's, from a language pack.
import type { Doc } from '../doc.js';

/** Relations by which what a predicate says it is about hangs from it: its complement clause, its
 *  controlled or gerund complement, its object or oblique (a noun phrase holding an act noun). */
const COMPLEMENTS = new Set(['ccomp', 'xcomp', 'obj', 'obl', 'nmod', 'csubj']);
/** Relations that start something told beside the governor, not under it ("…; X said"), or that
 *  describe a noun rather than say what it is (a relative clause: "the report, which said …") */
const BESIDE = new Set(['parataxis', 'discourse', 'list', 'vocative', 'reparandum', 'acl:relcl']);
/** how far up the tree to look */
const MAX_DEPTH = 8;

/**
 * The document token of the nearest ancestor of token `t` (not `t` itself) whose folded word is in
 * `words` and under which `t` lies as a complement: reached through a complement relation (ccomp,
 * xcomp, obj, obl, nmod, csubj), or through an adverbial clause introduced by a subordinator (the
 * parser reads some "denied that …" clauses as advcl). A word told beside it (parataxis) or joined
 * to it by coordination, or a relative clause on its object, is not under it. -1 when there is none or no tree.
 */
export function governingWord(doc: Doc, t: number, words: ReadonlySet<string>): number {
  const layer = doc.clauses;
  const tok = doc.tokens[t];
  if (!layer || !tok) return -1;
  const si = tok.sentence;
  const tree = layer.trees[si];
  if (!tree) return -1;
  const offset = layer.treeStart[si]!;
  const n = tree.upos.length;
  let i = t - offset;
  if (i < 0 || i >= n) return -1;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const h = tree.head[i]!;
    const rel = tree.rel[i]!;
    if (h < 0 || h >= n || BESIDE.has(rel)) return -1;
    if (words.has(doc.tokens[h + offset]!.norm)) {
      const base = rel.split(':')[0]!;
      return COMPLEMENTS.has(base) || (base === 'advcl' && hasMark(tree.head, tree.rel, i, n)) ? h + offset : -1;
    }
    i = h;
  }
  return -1;
}

/** a subordinator (mark) hangs from tree token i */
function hasMark(head: ArrayLike<number>, rel: readonly string[], i: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (head[k] === i && rel[k] === 'mark') return true;
  return false;
}
