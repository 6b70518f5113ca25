// Checks data/cameo.json, our CAMEO codebook: structure on its own, and agreement with the public
// reference tables in ../shared when they are present (the project never ships those files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

interface CameoCode {
  code: string;
  root: string;
  level?: string;
  label: { en: string; fr: string };
  goldstein: number;
  quad: number;
  plover: { type: string; mode: string | null } | null;
}

const codebook = JSON.parse(readFileSync(new URL('../../data/cameo.json', import.meta.url), 'utf8')) as {
  source: string;
  codes: CameoCode[];
};
const byCode = new Map(codebook.codes.map((c) => [c.code, c]));
const REF = new URL('../../../shared/reference/cameo/', import.meta.url);
const REF_CSV = new URL('cameo_codes.csv', REF);
const REF_PLOVER = new URL('CAMEO2PLOVER-2021.txt', REF);

/** PLOVER event types and the modes each allows (PLOVER manual). */
const PLOVER_MODES: Record<string, string[]> = {
  AGREE: [],
  CONSULT: ['visit', 'third-party', 'multilateral', 'phone'],
  SUPPORT: [],
  CONCEDE: [],
  COOPERATE: [],
  AID: [],
  RETREAT: ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'],
  REQUEST: ['assist', 'change', 'yield', 'meet'],
  ACCUSE: ['disapprove', 'investigate', 'allege'],
  REJECT: ['assist', 'change', 'yield', 'meet'],
  THREATEN: ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'],
  PROTEST: ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct', 'vandalize'],
  SANCTION: ['convict', 'expel', 'withdraw', 'discontinue'],
  MOBILIZE: ['troops', 'weapons', 'police', 'militia'],
  COERCE: ['seize', 'restrict', 'censor', 'curfew', 'martial-law', 'arrest', 'deport', 'withhold', 'misinformation', 'cyber'],
  ASSAULT: [
    'abduct',
    'beat',
    'torture',
    'sexual',
    'targeted',
    'destroy',
    'primitive',
    'firearms',
    'explosives',
    'suicide-attack',
    'aerial',
    'drone',
    'heavy-weapons',
    'crowd-control',
    'unconventional',
  ],
};

/** One CSV line into fields (double-quoted fields may hold commas and "" escapes). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

test('codebook has a source note and a list of codes', () => {
  assert.equal(typeof codebook.source, 'string');
  assert.ok(codebook.source.length > 20);
  assert.ok(Array.isArray(codebook.codes));
  assert.ok(codebook.codes.length >= 300, `only ${codebook.codes.length} codes`);
});

test('20 roots, 01 to 20', () => {
  const roots = codebook.codes.filter((c) => c.code.length === 2).map((c) => c.code);
  assert.deepEqual(
    roots,
    Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')),
  );
});

test('codes are unique, well formed, and their root exists', () => {
  assert.equal(byCode.size, codebook.codes.length, 'duplicate codes');
  for (const c of codebook.codes) {
    assert.match(c.code, /^(0[1-9]|1\d|20)\d{0,2}$/, c.code);
    assert.equal(c.root, c.code.slice(0, 2), `${c.code}: root`);
    assert.ok(byCode.has(c.root), `${c.code}: root ${c.root} missing`);
    if (c.code.length === 4) assert.ok(byCode.has(c.code.slice(0, 3)), `${c.code}: parent ${c.code.slice(0, 3)} missing`);
  }
});

test('every code has English and French labels, a Goldstein value in [-10, 10] and a quad class', () => {
  for (const c of codebook.codes) {
    assert.ok(typeof c.label?.en === 'string' && c.label.en.trim().length > 2, `${c.code}: en label`);
    assert.ok(typeof c.label?.fr === 'string' && c.label.fr.trim().length > 2, `${c.code}: fr label`);
    assert.ok(typeof c.goldstein === 'number' && c.goldstein >= -10 && c.goldstein <= 10, `${c.code}: goldstein ${c.goldstein}`);
    assert.ok([1, 2, 3, 4].includes(c.quad), `${c.code}: quad ${c.quad}`);
    assert.equal(c.quad, byCode.get(c.root)!.quad, `${c.code}: quad differs from its root's`);
  }
});

test('PLOVER types and modes are PLOVER vocabulary', () => {
  for (const c of codebook.codes) {
    if (c.plover === null) continue;
    const modes = PLOVER_MODES[c.plover.type];
    assert.ok(modes, `${c.code}: unknown PLOVER type ${c.plover.type}`);
    if (c.plover.mode !== null) assert.ok(modes.includes(c.plover.mode), `${c.code}: mode ${c.plover.mode} not a ${c.plover.type} mode`);
  }
});

test('every reference code is present with the same Goldstein value and quad class', (t) => {
  if (!existsSync(REF_CSV)) {
    t.skip('../shared absent');
    return;
  }
  const lines = readFileSync(REF_CSV, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const header = csvFields(lines[0]);
  const iCode = header.indexOf('code');
  const iGold = header.indexOf('goldstein');
  const iQuad = header.indexOf('quad_class');
  assert.ok(iCode >= 0 && iGold >= 0 && iQuad >= 0, 'unexpected reference header');
  let n = 0;
  for (const line of lines.slice(1)) {
    const f = csvFields(line);
    const ours = byCode.get(f[iCode]);
    assert.ok(ours, `reference code ${f[iCode]} missing`);
    assert.equal(ours.goldstein, Number(f[iGold]), `${f[iCode]}: Goldstein`);
    assert.equal(ours.quad, Number(f[iQuad]), `${f[iCode]}: quad class`);
    n++;
  }
  t.diagnostic(`${n} reference codes checked; ours has ${codebook.codes.length}`);
});

test('PLOVER types agree with CAMEO2PLOVER-2021 for at least 90% of its codes', (t) => {
  if (!existsSync(REF_PLOVER)) {
    t.skip('../shared absent');
    return;
  }
  // lines look like "0841: RETREAT, release,   legal # Return, release person(s)"; a few codes appear twice
  const table = new Map<string, Set<string>>();
  for (const line of readFileSync(REF_PLOVER, 'utf8').split(/\r?\n/)) {
    const m = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (!m) continue;
    if (!table.has(m[1])) table.set(m[1], new Set());
    table.get(m[1])!.add(m[2]);
  }
  assert.ok(table.size > 200, `only ${table.size} rows read from the PLOVER table`);
  let agree = 0;
  const differ: string[] = [];
  for (const [code, types] of table) {
    const ours = byCode.get(code);
    assert.ok(ours, `PLOVER table code ${code} missing from our codebook`);
    if (ours.plover && types.has(ours.plover.type)) agree++;
    else differ.push(`${code} ${[...types].join('/')}≠${ours.plover?.type ?? 'null'}`);
  }
  const share = agree / table.size;
  t.diagnostic(`PLOVER type agreement ${agree}/${table.size} (${(share * 100).toFixed(1)}%)${differ.length ? '; differ: ' + differ.join(', ') : ''}`);
  assert.ok(share >= 0.9, `PLOVER agreement ${(share * 100).toFixed(1)}% < 90%`);
});
