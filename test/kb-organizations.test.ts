import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// Tests compile to dist/test/, so the repository root is two levels up.
const FILE = new URL('../../data/kb/organizations.jsonl', import.meta.url);

interface OrgRow {
  id: string;
  name: string;
  type: string;
  country: string | null;
  kind: string;
  code: string | null;
  aliases: string[];
  acronyms: string[];
  handles: string[];
  parent: string | null;
  source: string;
}

const KINDS = new Set([
  'foreign-ministry',
  'head-of-state-office',
  'government',
  'ministry',
  'legislature',
  'international',
  'un-body',
  'court',
  'party',
  'armed-group',
  'media',
  'company',
  'ngo',
  'forum',
  'agency',
]);

function load(): OrgRow[] {
  const rows: OrgRow[] = [];
  const lines = readFileSync(FILE, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    try {
      rows.push(JSON.parse(t) as OrgRow);
    } catch (e) {
      assert.fail(`organizations.jsonl line ${i + 1} does not parse: ${(e as Error).message}`);
    }
  });
  return rows;
}

const rows = load();
const byId = new Map(rows.map((r) => [r.id, r]));

test('organizations.jsonl: rows parse and have the documented fields', () => {
  assert.ok(rows.length >= 350, `expected at least 350 rows, got ${rows.length}`);
  for (const r of rows) {
    assert.equal(typeof r.id, 'string', JSON.stringify(r));
    assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `id not kebab-case ASCII: ${r.id}`);
    assert.equal(typeof r.name, 'string', r.id);
    assert.ok(r.name.length > 0, r.id);
    assert.equal(r.type, 'ORGANIZATION', r.id);
    assert.ok(KINDS.has(r.kind), `${r.id}: unknown kind ${r.kind}`);
    assert.ok(r.code === null || /^[A-Z]{3,}$/.test(r.code), `${r.id}: bad code ${r.code}`);
    for (const field of ['aliases', 'acronyms', 'handles'] as const) {
      assert.ok(Array.isArray(r[field]), `${r.id}: ${field} is not an array`);
      for (const v of r[field]) assert.ok(typeof v === 'string' && v.trim() === v && v !== '', `${r.id}: bad ${field} entry`);
      assert.equal(new Set(r[field]).size, r[field].length, `${r.id}: duplicate in ${field}`);
    }
    for (const h of r.handles) assert.match(h, /^@\w+$/, `${r.id}: bad handle ${h}`);
    assert.equal(typeof r.source, 'string', r.id);
    assert.ok(r.source.length > 0, `${r.id}: empty source`);
  }
});

test('organizations.jsonl: ids are unique', () => {
  const seen = new Set<string>();
  for (const r of rows) {
    assert.ok(!seen.has(r.id), `duplicate id ${r.id}`);
    seen.add(r.id);
  }
});

test('organizations.jsonl: every parent exists and there are no parent cycles', () => {
  for (const r of rows) {
    if (r.parent === null) continue;
    assert.ok(byId.has(r.parent), `${r.id}: unknown parent ${r.parent}`);
    const path = new Set<string>([r.id]);
    let p: string | null = r.parent;
    while (p !== null) {
      assert.ok(!path.has(p), `${r.id}: parent cycle through ${p}`);
      path.add(p);
      p = byId.get(p)?.parent ?? null;
    }
  }
  assert.equal(byId.get('al-quds-committee')?.parent, 'oic');
});

test('organizations.jsonl: countries are ISO alpha-3 shaped or null', () => {
  for (const r of rows) {
    assert.ok(r.country === null || /^[A-Z]{3}$/.test(r.country), `${r.id}: bad country ${r.country}`);
  }
});

test('organizations.jsonl: the UN is known as ONU', () => {
  const un = byId.get('un');
  assert.ok(un, 'no row with id un');
  assert.equal(un.name, 'United Nations');
  assert.equal(un.country, null);
  assert.ok([...un.acronyms, ...un.aliases].includes('ONU'));
  assert.ok(un.acronyms.includes('UN'));
  assert.equal(un.code, 'IGOUNO');
});

test('organizations.jsonl: the State Department has its French name and @StateDept', () => {
  const sd = byId.get('us-state-department');
  assert.ok(sd, 'no row with id us-state-department');
  assert.equal(sd.name, 'United States Department of State');
  assert.equal(sd.country, 'USA');
  assert.equal(sd.kind, 'foreign-ministry');
  assert.equal(sd.code, 'USAGOV');
  assert.ok(sd.aliases.includes("département d'État"));
  assert.ok(sd.handles.includes('@StateDept'));
});

test('organizations.jsonl: key foreign ministries are present', () => {
  for (const id of [
    'mar-foreign-ministry',
    'fra-foreign-ministry',
    'rus-foreign-ministry',
    'chn-foreign-ministry',
    'dza-foreign-ministry',
    'isr-foreign-ministry',
    'gbr-foreign-ministry',
    'deu-foreign-ministry',
  ]) {
    const r = byId.get(id);
    assert.ok(r, `missing ${id}`);
    assert.equal(r.kind, 'foreign-ministry', id);
    assert.ok(r.country !== null && r.code === `${r.country}GOV`, `${id}: code should be country+GOV`);
  }
  assert.ok(byId.get('mar-foreign-ministry')?.handles.includes('@MarocDiplomatie'));
  assert.ok(byId.get('fra-foreign-ministry')?.aliases.includes("Quai d'Orsay"));
});
