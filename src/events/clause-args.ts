// An event's actors read from the clause layer: the doer is the trigger verb's subject (its agent
// when passive), the one acted upon the argument in one of the pattern's slots (its object, or an
// oblique with the slot's preposition; the subject when passive).
import type { Doc, Entity } from '../doc.js';
import type { Arg, Clause } from '../clauses/types.js';

export interface ClauseActors {
  clause: Clause;
  /** entities of the doer's arguments, in order (coordinated doers each) */
  sources: Entity[];
  /** entities of the arguments in the pattern's slots */
  targets: Entity[];
  /** the doer's argument is there but holds no actor (a pronoun, a common noun) */
  sourceUnresolved: boolean;
}

/** The clause whose predicate lies in tokens [from, to) (the trigger's verb form). */
export function clauseAt(doc: Doc, from: number, to: number): Clause | null {
  const layer = doc.clauses;
  if (!layer) return null;
  for (let t = from; t < to; t++) {
    const c = layer.predicateAt[t]!;
    if (c >= 0) return layer.clauses[c]!;
  }
  return null;
}

/** The first actor among an argument's mentions (the head's own mention comes first). */
function actorOf(doc: Doc, arg: Arg, isActor: (e: Entity) => boolean): Entity | null {
  for (const m of arg.mentions) {
    const e = doc.entities[doc.mentions[m]!.entity];
    if (e && isActor(e)) return e;
  }
  return null;
}

/**
 * The actors of a verb trigger in tokens [from, to), or null when the clause layer has no clause
 * there. `slots` are the pattern's target slots ('obj' or canonical prepositions); `canonical`
 * maps a folded preposition to its canonical slot name.
 */
export function clauseActors(
  doc: Doc,
  from: number,
  to: number,
  slots: Set<string>,
  canonical: (prep: string) => string,
  isActor: (e: Entity) => boolean,
): ClauseActors | null {
  const clause = clauseAt(doc, from, to);
  if (!clause) return null;
  const passive = clause.voice === 'passive';
  const doerRole = passive ? 'agent' : 'subj';
  const inSlot = (a: Arg): boolean => {
    if (passive) return a.role === 'subj';
    if (a.role === 'obj') return slots.has('obj');
    if ((a.role === 'obl' || a.role === 'iobj') && a.prep) return slots.has(canonical(a.prep));
    // a French dative clitic or an English indirect object stands for « à » / "to"
    if (a.role === 'iobj') return [...slots].some((s) => s !== 'obj');
    return false;
  };
  const sources: Entity[] = [];
  const targets: Entity[] = [];
  let sourceUnresolved = false;
  for (const a of clause.args) {
    if (a.role === doerRole) {
      const e = actorOf(doc, a, isActor);
      if (e) {
        if (!sources.includes(e)) sources.push(e);
      } else sourceUnresolved = true;
    } else if (inSlot(a)) {
      const e = actorOf(doc, a, isActor);
      if (e && !targets.includes(e)) targets.push(e);
    }
  }
  return { clause, sources, targets, sourceUnresolved };
}
