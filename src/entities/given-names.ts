// Given names and the gender they usually carry, for people the knowledge base does not know.
// The lists are the npm package gender-detection-from-name (MIT; about 80,000 names gathered for
// English, French, Spanish, Italian, German and Turkish registers, African and Arabic names among
// them). Its English list is asked first for a gender, so a name the French list files twice (Guy,
// Karim) keeps the gender English-language registers give it. Its lists also hold words that are
// rarely names (Major, West, Holy, Ashford): a word counts as a *common* given name, one that may
// make an unknown capitalised sequence a person, only when two of the lists have it.
import { createRequire } from 'node:module';
import { getGender } from 'gender-detection-from-name';
import { fold } from '../text/normalize.js';

export type Gender = 'm' | 'f';

const require = createRequire(import.meta.url);
const LISTS: ReadonlyMap<string, string>[] = ['en', 'fr', 'es', 'it', 'de'].map(
  (code) => require(`gender-detection-from-name/names/${code}.js`) as ReadonlyMap<string, string>,
);

/** the forms to look up: the first part of a compound (Jean-Robert → jean: the lists file some
 *  compounds under the wrong gender), then the name in lower case, then folded */
function forms(name: string): string[] {
  const lower = name.toLowerCase();
  const folded = fold(name);
  const first = folded.split('-')[0]!;
  return [...new Set([first, lower, folded])];
}

/** The usual gender of a given name ("Marie" → f, "Dylan" → m), or null when the lists do not know it. */
export function givenNameGender(name: string): Gender | null {
  for (const f of forms(name)) {
    const g = getGender(f);
    if (g === 'male') return 'm';
    if (g === 'female') return 'f';
  }
  return null;
}

/** Whether a word is a given name common enough to open a person's name: two of the lists have it. */
export function isCommonGivenName(name: string): boolean {
  return forms(name).some((f) => LISTS.filter((l) => l.has(f)).length >= 2);
}
