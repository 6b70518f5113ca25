// Writes generated text between a pair of markers of README.md (<!-- NAME:start --> … <!-- NAME:end -->),
// so that re-running a generator replaces its section; the scripts that publish figures share it.
import { readFileSync, writeFileSync } from 'node:fs';

/** replaces the text between the NAME markers of the file; false when the file has no such markers */
export function writeReadmeSection(readme, name, text) {
  const md = readFileSync(readme, 'utf8');
  const start = `<!-- ${name}:start -->`,
    end = `<!-- ${name}:end -->`;
  if (!md.includes(start) || !md.includes(end)) return false;
  writeFileSync(readme, md.slice(0, md.indexOf(start) + start.length) + '\n' + text + '\n' + md.slice(md.indexOf(end)));
  return true;
}
