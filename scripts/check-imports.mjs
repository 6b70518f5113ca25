#!/usr/bin/env node
// Walks the imports of src/ (type-only imports included) and reports every import circle:
// a set of modules that reach each other. Exits 1 when there is one.
// usage: node scripts/check-imports.mjs [DIR]   (default: src)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT = /^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function listTs(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listTs(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Module → the project modules it imports (relative specifiers only, `.js` mapped to `.ts`). */
export function importGraph(dir) {
  const files = listTs(dir);
  const known = new Set(files);
  const graph = new Map();
  for (const f of files) {
    const deps = new Set();
    for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(f), spec).replace(/\.js$/, '.ts');
      if (known.has(target)) deps.add(target);
    }
    graph.set(f, [...deps]);
  }
  return graph;
}

/** Strongly connected components with more than one module (or a module importing itself). */
export function importCircles(graph) {
  let index = 0;
  const idx = new Map(),
    low = new Map(),
    onStack = new Set(),
    stack = [],
    out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = resolve(root, process.argv[2] ?? 'src');
  const circles = importCircles(importGraph(dir));
  for (const c of circles) console.log(`import circle: ${c.map((f) => relative(root, f)).join(' ↔ ')}`);
  console.log(circles.length ? `${circles.length} import circle(s) in ${relative(root, dir)}` : `no import circle in ${relative(root, dir)}`);
  process.exit(circles.length ? 1 : 0);
}
