// The interface every analysis stage implements, and what stages are built from. Stages import
// this module, never the pipeline that orders them.
import type { Doc } from './doc.js';
import type { KnowledgeBase } from './kb/kb.js';
import type { LanguagePack } from './lang/pack.js';
import type { Codebook } from './events/codebook.js';
import type { TokenizeOptions } from './text/tokens.js';

/** One layer of the analysis: reads the layers before it on the `Doc` and adds its own. */
export interface Stage {
  name: string;
  run(doc: Doc): void;
}

/** What stages are built from, computed once per analyzer. */
export interface StageResources {
  kb: KnowledgeBase;
  packs: Map<string, LanguagePack>;
  codebook: Codebook;
  /** tokenizer options from every loaded pack (elisions, abbreviations) */
  tokOpts: TokenizeOptions;
}
