import type { Stage } from '../pipeline.js';
import type { KnowledgeBase } from '../kb/kb.js';
import type { LanguagePack } from '../lang/pack.js';

export function createQuoteStage(_kb: KnowledgeBase, _packs: Map<string, LanguagePack>): Stage {
  return { name: 'quotes', run() {} };
}
