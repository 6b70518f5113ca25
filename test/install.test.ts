// Install: every package the lockfile installs (optional platform binaries aside) runs on the Node
// the package declares, so `npm ci` on Node 20 gives no EBADENGINE warning; the README's first
// example names a bundled file and says how to run `readout`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

test('no installed package needs a newer Node than package.json declares (no EBADENGINE on Node 20)', () => {
  const semver = require('semver') as { satisfies(v: string, r: string): boolean; minVersion(r: string): { version: string } | null };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const min = semver.minVersion(pkg.engines.node)!.version;
  assert.ok(min.startsWith('20.'), `package.json declares Node 20 (${pkg.engines.node})`);
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  const bad: string[] = [];
  for (const [path, p] of Object.entries<any>(lock.packages)) {
    if (!path || p.optional || !p.engines?.node) continue;
    if (!semver.satisfies(min, p.engines.node) || !semver.satisfies(process.version, p.engines.node))
      bad.push(`${path}@${p.version} needs node ${p.engines.node}`);
  }
  assert.deepEqual(bad, []);
});

test('the README starts from a bundled example and says how to run readout', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const first = /readout analyze (\S+)/.exec(readme);
  assert.ok(first, 'an analyze example');
  assert.ok(existsSync(join(ROOT, first[1]!)), `the first example's file ${first[1]} is in the repository`);
  assert.match(readme, /npx readout/);
  assert.match(readme, /npm link/);
});
