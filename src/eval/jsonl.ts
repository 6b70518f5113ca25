// JSON Lines test data (sentence suites, description tables): one record a line, each checked,
// and the file and line named in every error.

/** The records of `content`; `problem` says what is wrong with a parsed record, or null. */
export function parseJsonLines<T>(content: string, file: string, problem: (r: T) => string | null): T[] {
  const out: T[] = [];
  content.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let r: T;
    try {
      r = JSON.parse(line) as T;
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    const p = problem(r);
    if (p) throw new Error(`${file}:${i + 1}: ${p}`);
    out.push(r);
  });
  return out;
}
