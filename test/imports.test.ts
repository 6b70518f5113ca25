// src/ has no import circle (type-only imports count): each stage imports the Stage interface from
// src/stage.ts, never the pipeline that orders the stages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { REPO } from './helpers/shared.js';

interface Checker {
  importGraph(dir: string): Map<string, string[]>;
  importCircles(graph: Map<string, string[]>): string[][];
}
const checker = (): Promise<Checker> => import(`${REPO}scripts/check-imports.mjs`) as Promise<Checker>;

test('src/ has no import circle', async () => {
  const { importGraph, importCircles } = await checker();
  const graph = importGraph(`${REPO}src`);
  assert.ok(graph.size > 50, `the walk found ${graph.size} modules`);
  assert.ok((graph.get(`${REPO}src/pipeline.ts`) ?? []).length > 5, 'the pipeline imports its stages');
  assert.deepEqual(importCircles(graph), []);
});

test('the checker finds a circle through a type-only import and an export-from', async () => {
  const { importGraph, importCircles } = await checker();
  const dir = mkdtempSync(join(tmpdir(), 'imports-'));
  try {
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b.js';\nexport const a = 1;\n");
    writeFileSync(join(dir, 'b.ts'), "export { c } from './c.js';\nexport type B = number;\n");
    writeFileSync(join(dir, 'c.ts'), "import { a } from './a.js';\nexport const c = a;\n");
    writeFileSync(join(dir, 'd.ts'), "import { a } from './a.js';\nexport const d = a;\n");
    const circles = importCircles(importGraph(dir));
    assert.equal(circles.length, 1);
    assert.deepEqual(
      circles[0]!.map((f) => f.slice(dir.length + 1)),
      ['a.ts', 'b.ts', 'c.ts'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
