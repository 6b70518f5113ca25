import type { Stage } from '../pipeline.js';
import type { KnowledgeBase } from '../kb/kb.js';
import type { LanguagePack } from '../lang/pack.js';
import type { Codebook } from './codebook.js';

export function createEventStage(_kb: KnowledgeBase, _packs: Map<string, LanguagePack>, _codebook: Codebook): Stage {
  return { name: 'events', run() {} };
}
