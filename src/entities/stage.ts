// The entity layer: mentions (knowledge base, role descriptions, titles, capitalised names, demonyms)
// clustered into entities linked to knowledge-base actors with the role valid on the document's date.
import type { Stage, StageResources } from '../stage.js';
import type { KnowledgeBase } from '../kb/kb.js';
import type { LanguagePack } from '../lang/pack.js';
import type { TokenizeOptions } from '../text/tokens.js';
import { buildGazetteer, type Gazetteer } from './gazetteer.js';
import { buildEntityLexicon, type EntityLexicon } from './lexicon.js';
import { findCandidates } from './mentions.js';
import { linkCandidates } from './link.js';

export interface EntityResources {
  gaz: Gazetteer;
  lex: EntityLexicon;
}

export function buildEntityResources(kb: KnowledgeBase, packs: Map<string, LanguagePack>, tok: TokenizeOptions): EntityResources {
  return { gaz: buildGazetteer(kb, tok), lex: buildEntityLexicon(packs, tok) };
}

export function createEntityStage({ kb, packs, tokOpts }: StageResources, res = buildEntityResources(kb, packs, tokOpts)): Stage {
  return {
    name: 'entities',
    run(doc) {
      const cands = findCandidates(doc, kb, res.gaz, res.lex);
      doc.entities = linkCandidates(doc, kb, res.gaz, cands);
    },
  };
}
