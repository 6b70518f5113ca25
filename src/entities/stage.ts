// The entity layer: mentions (knowledge base, role descriptions, titles, capitalised names, demonyms)
// clustered into entities linked to knowledge-base actors with the role valid on the document's date.
import type { Stage } from '../pipeline.js';
import type { KnowledgeBase } from '../kb/kb.js';
import type { LanguagePack } from '../lang/pack.js';
import type { TokenizeOptions } from '../text/tokens.js';
import { fold } from '../text/normalize.js';
import { buildGazetteer, type Gazetteer } from './gazetteer.js';
import { buildEntityLexicon, type EntityLexicon } from './lexicon.js';
import { findCandidates } from './mentions.js';
import { linkCandidates } from './link.js';

export function tokenizeOptionsFor(packs: Map<string, LanguagePack>): TokenizeOptions {
  return {
    elisions: new Set([...packs.values()].flatMap((p) => p.core.elisions.map(fold))),
    abbreviations: new Set([...packs.values()].flatMap((p) => p.core.abbreviations.map(fold))),
  };
}

export interface EntityResources {
  gaz: Gazetteer;
  lex: EntityLexicon;
}

export function buildEntityResources(kb: KnowledgeBase, packs: Map<string, LanguagePack>): EntityResources {
  const tok = tokenizeOptionsFor(packs);
  return { gaz: buildGazetteer(kb, tok), lex: buildEntityLexicon(packs, tok) };
}

export function createEntityStage(kb: KnowledgeBase, packs: Map<string, LanguagePack>, res = buildEntityResources(kb, packs)): Stage {
  return {
    name: 'entities',
    run(doc) {
      const cands = findCandidates(doc, kb, res.gaz, res.lex);
      doc.entities = linkCandidates(doc, kb, res.gaz, cands);
    },
  };
}
