// The actor-description stage (after quotes, before events): every description is recorded on the
// Doc (`descriptions`) with the state or body its words give and its code (IRQMIL). One whose owner
// stands before its noun ("Iraqi troops", "Norway's navy", "FBI officials") also stretches the
// owner's mention over the noun, so that the event coder finds an actor where the text names a
// group; an owner after the noun ("soldats maliens", "the army of Chad") is already a mention
// where the coder looks for it, and keeps it. Descriptions add no entity of their own: a state
// reached through them is the state (the contract's "a minister stands for the state").
import type { Stage, StageResources } from '../stage.js';
import type { ComposedDescription, Doc, Entity, Mention } from '../doc.js';
import type { KnowledgeBase } from '../kb/kb.js';
import { buildEntityLexicon, type EntityLexicon } from '../entities/lexicon.js';
import { buildAgentLexicon, type AgentLexicon } from './lexicon.js';
import { descriptionsIn, indexMentions, type Description } from './compose.js';

export interface ActorResources {
  agents: AgentLexicon;
  words: EntityLexicon;
}

export function buildActorResources({ packs, tokOpts }: StageResources): ActorResources {
  return { agents: buildAgentLexicon(packs, tokOpts), words: buildEntityLexicon(packs, tokOpts) };
}

/** Every description of the document, sentence by sentence (inside the quote stage's description
 *  speakers too: "Pakistani police said" is composed to PAKCOP). */
export function findDescriptions(doc: Doc, kb: KnowledgeBase, res: ActorResources): Description[] {
  const ctx = { doc, kb, agents: res.agents, words: res.words, mentions: indexMentions(doc, (m) => m.via === 'description') };
  return doc.sentences.flatMap((s) => descriptionsIn(ctx, s.tokenStart, s.tokenEnd));
}

export function createActorStage(r: StageResources, res = buildActorResources(r)): Stage {
  return {
    name: 'actors',
    run(doc) {
      const speakers = doc.mentions.filter((m) => m.via === 'description');
      const slots = argumentHeads(doc);
      const out: ComposedDescription[] = (doc.descriptions = []);
      for (const d of findDescriptions(doc, r.kb, res)) {
        const start = doc.tokens[d.start]!.start;
        const end = doc.tokens[d.end - 1]!.end;
        const composed = { agent: d.agent.term, sector: d.sector, from: d.from, modifiers: d.modifiers.map((x) => x.term) };
        // a description the quote stage made a speaker of: it keeps its entity and gains a code
        const head = doc.tokens[d.headStart]!.start;
        const speaker = speakers.find((m) => m.start <= head && head < m.end);
        const e = speaker ? doc.entities[speaker.entity]! : ownerEntity(doc, r.kb, d);
        out.push({ start, end, text: doc.text.slice(start, end), ...composed, entity: e ? doc.entities.indexOf(e) : -1, country: d.country, code: d.code });
        if (speaker) {
          speaker.composed = composed;
          speaker.code = d.code;
          e!.country ??= d.country;
          e!.code ??= d.code;
          continue;
        }
        if (!e || !(d.from === 'demonym' || d.from === 'possessive' || d.from === 'owner') || d.ownerStart < 0) continue;
        // only a description that fills a clause's slot (subject, object, agent, oblique) is an actor
        // there: one inside an aside ("Greece, home to a large Armenian community, condemned…") is not
        if (slots && !slotAt(slots, d.headStart, d.headEnd)) continue;
        // the owner's mention stretched over the noun: it starts where the owner (or a modifier) starts
        const mStart = doc.tokens[d.ownerStart]!.start;
        const m: Mention = {
          start: mStart,
          end,
          text: doc.text.slice(mStart, end),
          via: 'agent',
          type: e.type,
          actor: e.actor,
          country: e.country,
          entity: doc.entities.indexOf(e),
          code: d.code,
          composed,
        };
        e.mentions.push(m);
        doc.mentions.push(m);
      }
    },
  };
}

/** The head tokens of every clause argument, or null when the document has no clause layer. */
function argumentHeads(doc: Doc): Uint8Array | null {
  if (!doc.clauses) return null;
  const heads = new Uint8Array(doc.tokens.length);
  for (const c of doc.clauses.clauses) for (const a of c.args) if (a.role !== 'comp' && a.role !== 'xcomp' && a.head >= 0) heads[a.head] = 1;
  return heads;
}

function slotAt(heads: Uint8Array, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (heads[t]) return true;
  return false;
}

/** The entity a description stands for: its organisation or state; a place gives its state. */
function ownerEntity(doc: Doc, kb: KnowledgeBase, d: Description): Entity | null {
  if (d.owner && (d.owner.type === 'ORGANIZATION' || d.owner.type === 'COUNTRY')) return d.owner;
  if (!d.country) return null;
  const found = doc.entities.find((e) => e.type === 'COUNTRY' && e.country === d.country);
  if (found) return found;
  const c = kb.countries.get(d.country);
  if (!c) return null;
  const e: Entity = {
    id: `E${doc.entities.length + 1}`,
    type: 'COUNTRY',
    name: c.name.en ?? d.country,
    actor: d.country,
    country: d.country,
    role: null,
    roleKind: null,
    code: c.cameo ?? d.country,
    gender: null,
    mentions: [],
  };
  doc.entities.push(e);
  return e;
}
