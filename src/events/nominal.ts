// Acts told as nouns after a support verb ("launched an offensive against", "a imposé des sanctions
// à"): lang/<code>/event-nouns.json gives support verbs in classes and event nouns with their CAMEO
// code and the classes of verb that do them; every verb of a class joined to every noun of that
// class is one more pattern of the lexicon, in the shape of event-patterns.json. A verb the lexicon
// already pairs with one of a noun's forms keeps its own pattern for that noun.
import { fold } from '../text/normalize.js';

/** A pattern as event-patterns.json writes it (the part these need). */
export interface RawPattern {
  code: string;
  verb: string;
  then?: string[];
  target?: string[];
  forms: Record<string, string[]>;
}

interface NounsFile {
  supportVerbs?: Record<string, string[][]>;
  nouns?: Array<{ code: string; classes: string[]; target: string[]; forms: string[] }>;
}

/** The patterns the file's classes make, minus verb + noun pairs `existing` already has. */
export function nominalPatterns(file: NounsFile | undefined, existing: RawPattern[], where: string): RawPattern[] {
  if (!file) return [];
  const had = new Set<string>();
  for (const p of existing) if (p.verb) for (const t of p.then ?? []) had.add(`${fold(p.verb)}|${fold(t)}`);
  const out: RawPattern[] = [];
  for (const noun of file.nouns ?? []) {
    if (!/^\d{2,4}$/.test(noun.code) || !noun.forms?.length)
      throw new Error(`${where}: noun ${JSON.stringify(noun).slice(0, 80)} needs a CAMEO code and forms`);
    for (const cls of noun.classes) {
      const verbs = file.supportVerbs?.[cls];
      if (!verbs) throw new Error(`${where}: noun ${noun.forms[0]} names the class '${cls}', which supportVerbs lacks`);
      for (const [verb, ...forms] of verbs) {
        const then = noun.forms.filter((f) => !had.has(`${fold(verb!)}|${fold(f)}`));
        if (then.length) out.push({ code: noun.code, verb: verb!, then, target: noun.target.map(fold), forms: { '': forms } });
      }
    }
  }
  return out;
}
