// Checks the language packs' agents lexicons (lang/en/agents.json, lang/fr/agents.json): role and
// group nouns → CAMEO sector codes and knowledge-base role kinds. When ../shared is present it also
// reports how much of the Phoenix agents dictionary's English nouns the English lexicon covers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

interface Agent {
  term: string;
  forms: string[];
  sector: string;
  role: string | null;
  note?: string;
  country?: string;
}
interface Lexicon {
  language: string;
  source: string;
  agents: Agent[];
}

const LANGS = ['en', 'fr'] as const;
const lexicons = Object.fromEntries(
  LANGS.map((l) => [l, JSON.parse(readFileSync(new URL(`../../lang/${l}/agents.json`, import.meta.url), 'utf8')) as Lexicon]),
) as Record<(typeof LANGS)[number], Lexicon>;
const PHOENIX_AGENTS = new URL('../../../shared/reference/phoenix/Phoenix.agents.txt', import.meta.url);

/** CAMEO agent (sector) codes, including the religious and less frequent ones. */
const SECTORS = new Set([
  'GOV',
  'MIL',
  'REB',
  'OPP',
  'PTY',
  'COP',
  'JUD',
  'SPY',
  'LEG',
  'MED',
  'EDU',
  'BUS',
  'CRM',
  'CVL',
  'REF',
  'HLH',
  'LAB',
  'AGR',
  'ELI',
  'REL',
  'IGO',
  'NGO',
  'INS',
  'UAF',
  'MOD',
  'RAD',
  'HRI',
  'ENV',
  'DEV',
  'SEP',
  'IMG',
  'MNC',
  'AMN',
  'UNK',
  'MUS',
  'CHR',
  'JEW',
  'BUD',
  'HIN',
]);
/** Role kinds of the knowledge base (data/kb/README.md). */
const ROLES = new Set([
  'head-of-state',
  'head-of-government',
  'foreign-minister',
  'foreign-ministry-spokesperson',
  'government-spokesperson',
  'defence-minister',
  'interior-minister',
  'finance-minister',
  'minister',
  'deputy-head-of-government',
  'ambassador',
  'head-of-organization',
  'other',
]);
const FIELDS = new Set(['term', 'forms', 'sector', 'role', 'note', 'country']);

const norm = (s: string) => s.toLocaleLowerCase('fr').replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();

function entry(lang: (typeof LANGS)[number], form: string): Agent | undefined {
  const f = norm(form);
  return lexicons[lang].agents.find((a) => a.forms.some((x) => norm(x) === f));
}

for (const lang of LANGS) {
  test(`${lang}: header and at least 120 terms`, () => {
    const lex = lexicons[lang];
    assert.equal(lex.language, lang);
    assert.ok(typeof lex.source === 'string' && lex.source.length > 20, 'source note');
    assert.ok(Array.isArray(lex.agents));
    assert.ok(lex.agents.length >= 120, `only ${lex.agents.length} terms`);
  });

  test(`${lang}: every entry is well formed`, () => {
    for (const a of lexicons[lang].agents) {
      for (const k of Object.keys(a)) assert.ok(FIELDS.has(k), `${a.term}: unexpected field ${k}`);
      assert.ok(typeof a.term === 'string' && a.term.trim() === a.term && a.term.length > 1, `term ${JSON.stringify(a.term)}`);
      assert.ok(Array.isArray(a.forms) && a.forms.length > 0, `${a.term}: forms`);
      for (const f of a.forms) assert.ok(typeof f === 'string' && f.trim() === f && f.length > 1 && !/\s{2}/.test(f), `${a.term}: form ${JSON.stringify(f)}`);
      assert.ok(
        a.forms.some((f) => norm(f) === norm(a.term)),
        `${a.term}: the term is not one of its forms`,
      );
      assert.equal(new Set(a.forms.map(norm)).size, a.forms.length, `${a.term}: repeated form`);
      assert.ok(SECTORS.has(a.sector), `${a.term}: unknown sector ${a.sector}`);
      assert.ok(a.role === null || ROLES.has(a.role), `${a.term}: unknown role ${a.role}`);
      if (a.note !== undefined) assert.ok(typeof a.note === 'string' && a.note.length > 5, `${a.term}: note`);
      if (a.country !== undefined) assert.match(a.country, /^[A-Z]{3}$/, `${a.term}: country`);
    }
  });

  test(`${lang}: terms are unique and no form belongs to two terms`, () => {
    const terms = new Set<string>();
    const forms = new Map<string, string>();
    for (const a of lexicons[lang].agents) {
      assert.ok(!terms.has(norm(a.term)), `duplicate term ${a.term}`);
      terms.add(norm(a.term));
      for (const f of a.forms) {
        const other = forms.get(norm(f));
        assert.ok(other === undefined, `form "${f}" in both "${other}" and "${a.term}"`);
        forms.set(norm(f), a.term);
      }
    }
  });
}

test('fr: the offices and groups the engine relies on', () => {
  const expect: [string, string, string | null][] = [
    ['ministre des Affaires étrangères', 'GOV', 'foreign-minister'],
    ['cheffe de la diplomatie', 'GOV', 'foreign-minister'],
    ['ministre de la Défense', 'GOV', 'defence-minister'],
    ['Première ministre', 'GOV', 'head-of-government'],
    ['chef du gouvernement', 'GOV', 'head-of-government'],
    ["chef de l'État", 'GOV', 'head-of-state'],
    ['présidentes', 'GOV', 'head-of-state'],
    ['secrétaire général', 'IGO', 'head-of-organization'],
    ['porte-parole du gouvernement', 'GOV', 'government-spokesperson'],
    ['porte-parole', 'GOV', null],
    ['ambassadrice', 'GOV', 'ambassador'],
    ['roi', 'GOV', 'head-of-state'],
    ['prince héritier', 'GOV', null],
    ['troupes', 'MIL', null],
    ['soldats', 'MIL', null],
    ['policières', 'COP', null],
    ['gendarmes', 'COP', null],
    ['manifestants', 'CVL', null],
    ['rebelles', 'REB', null],
    ['insurgés', 'REB', null],
    ['jihadistes', 'UAF', null],
    ['opposants', 'OPP', null],
    ['juges', 'JUD', null],
    ['tribunal', 'JUD', null],
    ['journalistes', 'MED', null],
    ['étudiantes', 'EDU', null],
    ['civils', 'CVL', null],
    ['habitants', 'CVL', null],
    ['réfugiés', 'REF', null],
    ['autorités', 'GOV', null],
    ['députées', 'LEG', null],
    ['sénatrices', 'LEG', null],
    ['parlement', 'LEG', null],
  ];
  for (const [form, sector, role] of expect) {
    const a = entry('fr', form);
    assert.ok(a, `missing "${form}"`);
    assert.equal(a.sector, sector, `${form}: sector`);
    assert.equal(a.role, role, `${form}: role`);
  }
});

test('en: the offices and groups the engine relies on', () => {
  const expect: [string, string, string | null][] = [
    ['foreign minister', 'GOV', 'foreign-minister'],
    ['top diplomat', 'GOV', 'foreign-minister'],
    ['secretary of state', 'GOV', 'foreign-minister'],
    ['defense secretary', 'GOV', 'defence-minister'],
    ['prime minister', 'GOV', 'head-of-government'],
    ['president', 'GOV', 'head-of-state'],
    ['king', 'GOV', 'head-of-state'],
    ['crown prince', 'GOV', null],
    ['spokeswoman', 'GOV', null],
    ['ambassadors', 'GOV', 'ambassador'],
    ['envoy', 'GOV', null],
    ['troops', 'MIL', null],
    ['soldiers', 'MIL', null],
    ['police', 'COP', null],
    ['protesters', 'CVL', null],
    ['rebels', 'REB', null],
    ['militants', 'REB', null],
    ['opposition', 'OPP', null],
    ['court', 'JUD', null],
    ['journalists', 'MED', null],
    ['students', 'EDU', null],
    ['civilians', 'CVL', null],
    ['people', 'CVL', null],
    ['refugees', 'REF', null],
    ['officials', 'GOV', null],
    ['lawmakers', 'LEG', null],
    ['parliament', 'LEG', null],
  ];
  for (const [form, sector, role] of expect) {
    const a = entry('en', form);
    assert.ok(a, `missing "${form}"`);
    assert.equal(a.sector, sector, `${form}: sector`);
    assert.equal(a.role, role, `${form}: role`);
  }
  assert.equal(entry('en', 'secretary of state')!.country, 'USA', 'secretary of state is a US title');
});

test('en: share of Phoenix agent nouns covered (diagnostic)', (t) => {
  if (!existsSync(PHOENIX_AGENTS)) {
    t.skip('../shared absent');
    return;
  }
  const lines = readFileSync(PHOENIX_AGENTS, 'utf8').split(/\r?\n/);
  // substitution sets such as "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON"
  const sets = new Map<string, string[]>();
  for (const l of lines) {
    const m = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(l.trim());
    if (m)
      sets.set(
        m[1],
        m[2].split(',').map((s) => s.trim()),
      );
  }
  const ours = new Map<string, string>();
  for (const a of lexicons.en.agents) for (const f of a.forms) ours.set(norm(f), a.sector);
  let total = 0;
  let covered = 0;
  let sameSector = 0;
  const differ: string[] = [];
  for (const raw of lines) {
    const l = raw.trim();
    if (!l || l.startsWith('#') || l.includes('=')) continue;
    // "NOUN_PHRASE {PLURAL} [~CODE]": the phrase is everything before the first { or [
    const m = /^([^[{]+?)\s*(?:\{[^}]*\}\s*)?\[~([A-Z]{3})/.exec(l);
    if (!m) continue;
    let variants = [m[1]];
    for (const [name, values] of sets) {
      if (m[1].includes(name)) variants = variants.flatMap((v) => values.map((x) => v.split(name).join(x)));
    }
    total++;
    const phrases = variants.map((v) => norm(v.replace(/_+/g, ' ')));
    // PETRARCH adds regular plurals itself; do the same before looking up
    const hit = phrases.flatMap((p) => [p, p + 's', p.replace(/y$/, 'ies')]).find((p) => ours.has(p));
    if (!hit) continue;
    covered++;
    if (ours.get(hit) === m[2]) sameSector++;
    else differ.push(`${phrases[0]} ${m[2]}→${ours.get(hit)}`);
  }
  assert.ok(total > 1000, `only ${total} Phoenix agent lines read`);
  t.diagnostic(
    `Phoenix English agent nouns covered: ${covered}/${total} (${((covered / total) * 100).toFixed(1)}%); ` +
      `same sector for ${sameSector}/${covered}; differ: ${differ.join(', ')}`,
  );
});
