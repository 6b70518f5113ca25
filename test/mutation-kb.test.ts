// The knowledge base's loader and answers on a small knowledge base written for this file (two
// invented countries, their officials and ministries), so that every value checked is known: rows
// and their defaults, a user file extending a row, comments and errors in JSONL, role seniority,
// holders by country and by organisation, CAMEO codes at a date, country names; and the Phoenix
// importer's edge cases. Written against the mutants that survived `npm run mutate -- src/kb`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorFromRow, loadKnowledgeBase, readJsonl } from '../src/kb/kb.js';
import { CountryNames } from '../src/kb/country-names.js';
import { dateEnd, dateStart, within } from '../src/kb/dates.js';
import { parsePhoenix, phoenixDate, phoenixToRows } from '../src/kb/phoenix.js';
import { roleCoverage } from '../src/kb/coverage.js';

const COUNTRIES = [
  {
    iso3: 'XAA',
    iso2: 'XA',
    cameo: 'XAC',
    form: 'republic',
    name: { en: 'Arcadia', fr: 'Arcadie' },
    names: { en: ['Republic of Arcadia'], fr: ['République d’Arcadie'] },
    demonyms: { en: ['Arcadian'], fr: ['arcadien', 'arcadienne'] },
    region: 'Europe',
    unMember: true,
    headOfStateGoverns: [{ from: '2001' }],
    vacancies: [{ office: 'head-of-state', from: '2019-01', to: '2019-03' }],
    source: 'written for the test',
  },
  { iso3: 'XBB', iso2: 'XB', name: { fr: 'Borduria' }, demonyms: { en: ['Bordurian'], fr: ['bordure'] } },
  // a demonym two countries share
  { iso3: 'XCC', iso2: 'XC', name: { en: 'Carpania' }, demonyms: { en: ['Bordurian'] } },
];

const ACTORS = [
  '# people and bodies of the invented countries',
  '// comments of both kinds are skipped',
  '',
  JSON.stringify({
    id: 'ana-vela',
    name: 'Ana Vela',
    country: 'XAA',
    gender: 'f',
    aliases: { en: ['A. Vela'], fr: ['Mme Vela'] },
    roles: [
      { role: 'minister', title: { en: 'Minister of Culture' }, from: '2010-01-01', to: '2014-12-31', code: 'XACGOV' },
      { role: 'foreign-minister', from: '2012-06-01', to: '2016-05-31', code: 'XACGOV' },
      { role: 'head-of-state', from: '2020-01', code: 'XACGOV' },
    ],
  }),
  JSON.stringify({ id: 'bo-dan', name: 'Bo Dan', gender: 'x', country: 'XAA', roles: [{ from: '2015', to: '2016' }] }),
  JSON.stringify({
    id: 'cy-ran',
    name: 'Cy Ran',
    country: 'XBB',
    code: 'XBBMED',
    roles: [{ role: 'ambassador', org: 'forum-x', from: '2018-01-01', to: null }],
  }),
  JSON.stringify({ id: 'di-oz', name: 'Di Oz', country: 'XBB', roles: [{ role: 'head-of-government', from: '2010', to: '2011' }] }),
  JSON.stringify({
    id: 'xaa-mfa',
    name: 'Arcadian Foreign Ministry',
    type: 'ORGANIZATION',
    kind: 'foreign-ministry',
    country: 'XAA',
    acronyms: 'AFM',
    code: 'XACGOV',
  }),
  JSON.stringify({ id: 'xaa-mfa-2', name: 'Second Ministry', type: 'ORGANIZATION', kind: 'foreign-ministry', country: 'XAA' }),
  JSON.stringify({ id: 'no-kind', name: 'Kindless Body', type: 'ORGANIZATION', country: 'XAA' }),
  JSON.stringify({ id: 'forum-x', name: 'Forum X', type: 'ORGANIZATION', kind: 'international', code: 'IGOFRX' }),
  // a country row that is also an actor row keeps the actor
  JSON.stringify({ id: 'XBB', name: 'Borduria (actor row)', type: 'COUNTRY', country: 'XBB', code: 'XBBOWN' }),
];

/** the role an actor holding all of `roles` since 2000 has in 2001 (the most senior) */
const seniorOf = (kb: ReturnType<typeof loadKnowledgeBase>, ...roles: string[]) =>
  kb.roleAt(actorFromRow({ id: 'o', name: 'O', roles: roles.map((role) => ({ role, from: '2000' })) }, 'f'), '2001')?.role;

function withKb(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'readout-mut-kb-'));
  try {
    mkdirSync(join(dir, 'people'));
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'countries.jsonl'), COUNTRIES.map((c) => JSON.stringify(c)).join('\n'));
    writeFileSync(join(dir, 'people', 'actors.jsonl'), ACTORS.join('\n'));
    // neither a sources/ folder nor a file that is not .jsonl is read
    writeFileSync(join(dir, 'sources', 'ignored.jsonl'), '{not json');
    writeFileSync(join(dir, 'notes.txt'), '{not json');
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('rows: defaults, genders, aliases in lists or by language, roles inheriting the country', () =>
  withKb((dir) => {
    const kb = loadKnowledgeBase({ dir });
    assert.deepEqual(kb.files, [join(dir, 'countries.jsonl'), join(dir, 'people', 'actors.jsonl')]);
    const ana = kb.actors.get('ana-vela')!;
    assert.equal(ana.type, 'PERSON');
    assert.equal(ana.gender, 'f');
    assert.deepEqual(ana.aliases, ['A. Vela', 'Mme Vela']);
    assert.deepEqual(ana.acronyms, []);
    assert.equal(ana.code, null);
    assert.equal(ana.kind, null);
    assert.equal(ana.parent, null);
    assert.equal(ana.source, join(dir, 'people', 'actors.jsonl'));
    assert.deepEqual(ana.roles[0], {
      role: 'minister',
      title: { en: 'Minister of Culture' },
      country: 'XAA',
      org: null,
      from: '2010-01-01',
      to: '2014-12-31',
      code: 'XACGOV',
    });
    const bo = kb.actors.get('bo-dan')!;
    assert.equal(bo.gender, null);
    assert.deepEqual(bo.roles[0], { role: 'other', title: {}, country: 'XAA', org: null, from: '2015', to: '2016', code: null });
    assert.deepEqual(kb.actors.get('xaa-mfa')!.acronyms, ['AFM']);
    assert.equal(kb.actors.get('cy-ran')!.code, 'XBBMED');
    // countries become actors unless a row already has their code as id
    const xaa = kb.actors.get('XAA')!;
    assert.deepEqual(
      { name: xaa.name, type: xaa.type, country: xaa.country, code: xaa.code, kind: xaa.kind, source: xaa.source, roles: xaa.roles },
      { name: 'Arcadia', type: 'COUNTRY', country: 'XAA', code: 'XAC', kind: 'republic', source: 'written for the test', roles: [] },
    );
    assert.equal(kb.actors.get('XBB')!.name, 'Borduria (actor row)');
    assert.equal(kb.actors.get('XCC')!.code, 'XCC', 'no cameo code: the ISO3 code');
    const xcc = kb.countries.get('XCC')!;
    assert.deepEqual(
      {
        form: xcc.form,
        capital: xcc.capital,
        region: xcc.region,
        unMember: xcc.unMember,
        govern: xcc.headOfStateGoverns,
        vacancies: xcc.vacancies,
        source: xcc.source,
      },
      { form: null, capital: null, region: null, unMember: false, govern: [], vacancies: [], source: '' },
    );
    const a = kb.countries.get('XAA')!;
    assert.equal(a.unMember, true);
    assert.deepEqual(a.headOfStateGoverns, [{ from: '2001', to: null }]);
    assert.deepEqual(a.vacancies, [{ office: 'head-of-state', from: '2019-01', to: '2019-03' }]);
    assert.equal(kb.countries.get('XBB')!.cameo, 'XBB');
    assert.equal(kb.actors.get('XBB')!.name, 'Borduria (actor row)');
  }));

test('a user file extends a row: names merged without repeats, new roles added, the same role kept once', () =>
  withKb((dir) => {
    const extra = join(dir, 'user.jsonl');
    writeFileSync(
      extra,
      JSON.stringify({
        id: 'ana-vela',
        name: 'Ana María Vela',
        country: 'XAA',
        aliases: ['Mme Vela', 'La Vela'],
        handles: ['@anavela'],
        roles: [
          { role: 'foreign-minister', from: '2012-06-01', to: '2016-05-31', code: 'XACGOV' },
          { role: 'foreign-minister', from: '2012-06-01', country: 'XBB' },
          { role: 'ambassador', from: '2017-01-01', to: '2017-12-31' },
        ],
      }),
    );
    const kb = loadKnowledgeBase({ dir, extraFiles: [extra] });
    const ana = kb.actors.get('ana-vela')!;
    assert.equal(ana.name, 'Ana María Vela');
    assert.deepEqual(ana.aliases, ['A. Vela', 'Mme Vela', 'La Vela']);
    assert.deepEqual(ana.handles, ['@anavela']);
    assert.deepEqual(
      ana.roles.map((r) => `${r.role} ${r.country} ${r.from}`),
      [
        'minister XAA 2010-01-01',
        'foreign-minister XAA 2012-06-01',
        'head-of-state XAA 2020-01',
        'foreign-minister XBB 2012-06-01',
        'ambassador XAA 2017-01-01',
      ],
    );
    assert.equal(kb.files.at(-1), extra);
  }));

test('roles at a date: the most senior current one; no date means the roles still held', () =>
  withKb((dir) => {
    const kb = loadKnowledgeBase({ dir });
    const ana = kb.actors.get('ana-vela')!;
    assert.equal(kb.roleAt(ana, '2011-05-05')?.role, 'minister');
    assert.equal(kb.roleAt(ana, '2013-05-05')?.role, 'foreign-minister', 'the foreign minister outranks a minister');
    assert.equal(kb.roleAt(ana, '2017-05-05'), null);
    assert.equal(kb.roleAt(ana, '2020-01-15')?.role, 'head-of-state');
    assert.equal(kb.roleAt(ana, null)?.role, 'head-of-state');
    assert.equal(kb.roleAt(kb.actors.get('di-oz')!, null), null);
    // an unknown role kind ranks below every known one
    assert.equal(seniorOf(kb, 'astronaut', 'other'), 'other');
    assert.equal(seniorOf(kb, 'other', 'astronaut'), 'other');
    assert.equal(seniorOf(kb, 'other', 'ambassador'), 'ambassador');
  }));

test('holders by country or organisation; codes at a date; organisations by kind', () =>
  withKb((dir) => {
    const kb = loadKnowledgeBase({ dir });
    const names = (l: { name: string }[]) => l.map((a) => a.name);
    assert.deepEqual(names(kb.holders('foreign-minister', 'XAA', '2014-01-01')), ['Ana Vela']);
    assert.deepEqual(names(kb.holders('foreign-minister', 'XAA', '2016-06-01')), []);
    assert.deepEqual(names(kb.holders('foreign-minister', 'XBB', '2014-01-01')), []);
    assert.deepEqual(names(kb.holders('head-of-state', 'XAA', null)), ['Ana Vela']);
    assert.deepEqual(names(kb.holders('foreign-minister', 'XAA', null)), [], 'no date: only roles still held');
    assert.deepEqual(names(kb.holders('ambassador', null, '2019-01-01', 'forum-x')), ['Cy Ran']);
    assert.deepEqual(names(kb.holders('ambassador', 'XBB', '2019-01-01')), ['Cy Ran'], 'a role at an organisation is also one for the actor’s country');
    assert.deepEqual(names(kb.holders('ambassador', 'XAA', '2019-01-01', 'forum-y')), []);
    assert.deepEqual(names(kb.holders('ambassador', null, '2017-01-01', 'forum-x')), []);
    assert.deepEqual(names(kb.holders('ambassador', null, null, 'forum-x')), ['Cy Ran']);
    assert.deepEqual(names(kb.holders('minister', 'XAA', '2014-12')), ['Ana Vela'], 'a month overlapping the role');
    assert.deepEqual(names(kb.holders('minister', 'XAA', '2015-01')), []);

    const ana = kb.actors.get('ana-vela')!;
    assert.equal(kb.codeAt(ana, '2013-01-01'), 'XACGOV');
    assert.equal(kb.codeAt(ana, '2017-01-01'), 'XACELI', 'out of office: the country’s CAMEO code + ELI');
    assert.equal(kb.codeAt(kb.actors.get('bo-dan')!, '2015-06-01'), null, 'a role without a code and no own code');
    assert.equal(kb.codeAt(kb.actors.get('cy-ran')!, '2019-01-01'), 'XBBMED', 'a role without a code: the actor’s own');
    assert.equal(kb.codeAt(kb.actors.get('di-oz')!, '2020-01-01'), 'XBBELI', 'no cameo code: the ISO3 code + ELI');
    const stateless = actorFromRow({ id: 's', name: 'S', roles: [{ role: 'other', from: '2000', to: '2001' }] }, 'f');
    assert.equal(kb.codeAt(stateless, '2010'), 'ELI');
    assert.equal(kb.codeAt(kb.actors.get('xaa-mfa')!, '2010'), 'XACGOV', 'organisations keep their code');
    assert.equal(kb.codeAt(actorFromRow({ id: 'p', name: 'P', code: 'XACCVL' }, 'f'), '2010'), 'XACCVL', 'a person without roles keeps theirs');

    assert.equal(kb.organisation('foreign-ministry', 'XAA')?.id, 'xaa-mfa', 'the first of a kind for a country');
    assert.equal(kb.organisation('foreign-ministry', 'XBB'), null);
    assert.equal(kb.organisation('international', 'XAA'), null);
  }));

test('JSONL: a file that cannot be read and a line that is not JSON are errors naming the file and line', () =>
  withKb((dir) => {
    assert.throws(
      () => readJsonl(join(dir, 'absent.jsonl')),
      (e: unknown) => e instanceof Error && e.message === `${join(dir, 'absent.jsonl')}: cannot be read (ENOENT)`,
    );
    // (files under sources/ are not part of the knowledge base: the folder's own files stay loadable)
    const bad = join(dir, 'sources', 'bad.jsonl');
    writeFileSync(bad, '# a comment\n{"id":"a","name":"A"}\n{"id":\n');
    assert.throws(
      () => readJsonl(bad),
      (e: unknown) => e instanceof Error && e.message.startsWith(`${bad}:3: not valid JSON (`),
    );
    assert.throws(() => loadKnowledgeBase({ dir, extraFiles: [bad] }), new RegExp(`bad\\.jsonl:3: not valid JSON`));
    const noName = join(dir, 'sources', 'noname.jsonl');
    writeFileSync(noName, '{"id":"a"}\n');
    assert.throws(
      () => loadKnowledgeBase({ dir, extraFiles: [noName] }),
      (e: unknown) => e instanceof Error && e.message === `${noName}: a row has no id or name ({"id":"a"})`,
    );
    assert.throws(
      () => actorFromRow({ name: 'B' }, 'x.jsonl'),
      /^Error: x\.jsonl: a row has no id or name|x\.jsonl: a row has no id or name \(\{"name":"B"\}\)/,
    );
    assert.deepEqual(readJsonl(join(dir, 'countries.jsonl')).length, 3);
    assert.equal(loadKnowledgeBase({ dir: join(dir, 'absent') }).actors.size, 0, 'a missing folder is an empty knowledge base');
  }));

test('country names: codes, names and demonyms; unknown, empty and shared names are errors', () =>
  withKb((dir) => {
    const names = new CountryNames(loadKnowledgeBase({ dir }).countries);
    for (const s of [
      'XAA',
      'xaa',
      'XA',
      'xa',
      'XAC',
      'Arcadia',
      'arcadie',
      'République d’Arcadie',
      'republic of arcadia',
      'arcadienne',
      'country:XAA',
      '  Arcadian  ',
    ])
      assert.deepEqual(names.lookup(s), { iso3: 'XAA', name: 'Arcadia' }, s);
    assert.deepEqual(names.lookup('Borduria'), { iso3: 'XBB', name: 'XBB' }, 'no English name: the code');
    assert.equal(names.nameOf('XCC'), 'Carpania');
    assert.equal(names.nameOf('XZZ'), 'XZZ');
    assert.deepEqual(names.lookup('Bordurian'), { error: "'Bordurian' names several countries (XBB XBB, XCC Carpania): use an ISO code" });
    assert.deepEqual(names.lookup('country:'), { error: 'an empty country name' });
    assert.deepEqual(names.lookup('   '), { error: 'an empty country name' });
    assert.deepEqual(names.lookup('Zembla'), {
      error: "unknown country 'Zembla' (use an ISO 3166 code such as MAR, or an English or French name such as Morocco or Maroc)",
    });
    assert.ok(names.lookup('XAAA').error, 'four letters are no code');
    assert.ok(names.lookup('X').error);
  }));

test('partial dates as intervals', () => {
  assert.equal(dateStart('2020'), '2020-01-01');
  assert.equal(dateStart('2020-05'), '2020-05-01');
  assert.equal(dateStart('2020-05-09'), '2020-05-09');
  assert.equal(dateEnd('2020'), '2020-12-31');
  assert.equal(dateEnd('2020-05'), '2020-05-31');
  assert.equal(dateEnd('2020-05-09'), '2020-05-09');
  assert.equal(within('2020-05', '2020-05-31', null), true);
  assert.equal(within('2020-05', null, '2020-05-01'), true);
  assert.equal(within('2020-05-09', '2020-05-09', '2020-05-09'), true);
  assert.equal(within('2020-05-08', '2020-05-09', null), false);
  assert.equal(within('2020-05-10', null, '2020-05-09'), false);
  assert.equal(within('2021', null, null), true);
});

test('Phoenix: dates of six and eight digits, names cleaned, bad and continuation lines, organisations and people', () => {
  assert.equal(phoenixDate('20170405'), '2017-04-05');
  assert.equal(phoenixDate('491231'), '2049-12-31');
  assert.equal(phoenixDate('500101'), '1950-01-01');
  assert.equal(phoenixDate('1701'), null);
  assert.equal(phoenixDate('1701010'), null);
  const sample = [
    '\t[XACGOV]',
    '+A_SYNONYM_BEFORE_ANY_ENTRY',
    '(NOT_A_NAME) [XAC]',
    'ARCADIA_ [XAA]',
    'JEAN-PAUL_DE_LA_VEGA_ [XACGOV <101231] # comment',
    '+J.P._VEGA_ [XACELI 20110101-20121231]',
    '+JEAN-PAUL_DE_LA_VEGA_',
    'ARCADIAN_ARMY_ [XACMIL]',
    'ARCADIAN_FARMERS_UNION_ [XACLAB]',
    'OLD_ALLIANCE_ [~XAC]',
    'UN_WOMEN_ [IGOUNOWOM]',
    'ARCADIAN_ARMY_ [XACMIL]',
    'BORIS_KALAN_ [XACOPP]',
    '\t[XACGOV 150101]',
    'CARPANIA_ [XCC] [XAA]',
  ].join('\r\n');
  const parsed = parsePhoenix(sample);
  assert.deepEqual(
    parsed.bad.map((b) => b.line),
    [1, 2, 3],
  );
  assert.deepEqual(parsed.entries[1]!.names, ['Jean-Paul De La Vega', 'J.P. Vega', 'Jean-Paul De La Vega']);
  assert.deepEqual(parsed.entries[1]!.codes, [
    { code: 'XACGOV', from: null, to: '2010-12-31' },
    { code: 'XACELI', from: '2011-01-01', to: '2012-12-31' },
  ]);
  const { rows, stats } = phoenixToRows(sample, new Set(['XAA', 'XCC']), 'arc.txt');
  assert.deepEqual(
    { entries: stats.entries, people: stats.people, organisations: stats.organisations, skipped: stats.skipped },
    { entries: 9, people: 2, organisations: 4, skipped: 3 },
  );
  const byName = new Map(rows.map((r: any) => [r.name, r]));
  const vega = byName.get('Jean-Paul De La Vega') as any;
  assert.equal(vega.id, 'phoenix-jean-paul-de-la-vega');
  assert.equal(vega.type, 'PERSON');
  assert.equal(vega.country, null, 'the main code is the last dated one here: XACELI, no known country');
  assert.deepEqual(vega.aliases, ['J.P. Vega']);
  assert.deepEqual(
    vega.roles.map((r: any) => [r.code, r.country, r.from, r.to]),
    [
      ['XACGOV', null, null, '2010-12-31'],
      ['XACELI', null, '2011-01-01', '2012-12-31'],
    ],
  );
  assert.equal(vega.source, 'arc.txt line 5 (Phoenix/CAMEO actor dictionary, imported)');
  const army = rows.filter((r: any) => r.name === 'Arcadian Army') as any[];
  assert.deepEqual(
    army.map((r) => [r.id, r.type, r.kind, r.code]),
    [
      ['phoenix-arcadian-army', 'ORGANIZATION', null, 'XACMIL'],
      ['phoenix-arcadian-army-12', 'ORGANIZATION', null, 'XACMIL'],
    ],
  );
  const un = byName.get('UN Women') as any;
  assert.deepEqual([un.type, un.kind, un.country, un.code], ['ORGANIZATION', 'international', null, 'IGOUNOWOM']);
  assert.equal((byName.get('Arcadian Farmers Union') as any).type, 'ORGANIZATION', 'LAB is not a people code');
  const boka = byName.get('Boris Kalan') as any;
  assert.equal(boka.type, 'PERSON', 'a dated code makes a person');
  assert.deepEqual(
    boka.roles.map((r: any) => [r.code, r.from, r.to]),
    [['XACGOV', '2015-01-01', null]],
  );
  // an undated two-word name with a people code is a person with one role
  const solo = phoenixToRows('LIONEL_MARA_ [XAAGOV]\nCARPANIA_GOVERNMENT_ [XCCGOV]\nMARA_ [XAAGOV]\nIGO_CHIEF_OFFICER_ [IGOGOV]', new Set(['XAA', 'XCC']), 's');
  const solos = solo.rows as any[];
  assert.deepEqual(
    solos.map((r) => [r.name, r.type, r.country]),
    [
      ['Lionel Mara', 'PERSON', 'XAA'],
      ['Carpania Government', 'ORGANIZATION', 'XCC'],
      ['Mara', 'ORGANIZATION', 'XAA'],
      ['IGO Chief Officer', 'ORGANIZATION', null],
    ],
  );
  assert.deepEqual(solos[0].roles, [{ role: 'other', title: {}, country: 'XAA', from: null, to: null, code: 'XAAGOV' }]);
  assert.deepEqual([solos[1].acronyms, solos[1].handles, solos[1].parent, solos[1].kind], [[], [], null, null]);
});

test('survivors of the first run: the government spokesperson outranks an ambassador, every name particle is title-cased, a coverage period needs full dates', () =>
  withKb((dir) => {
    const kb = loadKnowledgeBase({ dir });
    assert.equal(seniorOf(kb, 'ambassador', 'government-spokesperson', 'other'), 'government-spokesperson');
    const particles = ['AL', 'EL', 'BIN', 'BEN', 'IBN', 'ABU', 'ABD', 'DE', 'DA', 'DI', 'DU', 'LA', 'LE', 'VAN', 'VON', 'DER', 'DOS', 'MAC', 'MC'];
    const { entries } = parsePhoenix(`${particles.join('_')}_NAME_ [XAAGOV]`);
    assert.equal(entries[0]!.names[0], 'Al El Bin Ben Ibn Abu Abd De Da Di Du La Le Van Von Der Dos Mac Mc Name');
    assert.throws(
      () => roleCoverage(kb, { from: '2020', to: '2020-12-31' }),
      /coverage period must be two dates YYYY-MM-DD in order, not '2020' to '2020-12-31'/,
    );
    assert.throws(() => roleCoverage(kb, { from: '2020-01-01', to: '2020-12' }), /coverage period must be two dates/);
    assert.throws(() => roleCoverage(kb, { from: '2020-02-01', to: '2020-01-31' }), /coverage period must be two dates/);
    assert.equal(roleCoverage(kb, { from: '2020-01-01', to: '2020-01-31' }).period.to, '2020-01-31');
  }));

test('coverage (sample of 100): a one-day hole at the end of the period; a term that ends before it starts is a problem, not a span', () =>
  withKb((dir) => {
    writeFileSync(
      join(dir, 'people', 'more.jsonl'),
      JSON.stringify({ id: 'ed-rev', name: 'Ed Rev', country: 'XAA', roles: [{ role: 'foreign-minister', from: '2016-06-01', to: '2016-05-01' }] }),
    );
    const kb = loadKnowledgeBase({ dir });
    // Ana Vela's term ends on 2016-05-31: the period's last day is a hole of one day
    const c = roleCoverage(kb, { from: '2016-05-30', to: '2016-06-01' });
    assert.deepEqual(
      c.holes.filter((h) => h.office === 'foreign-minister'),
      [{ country: 'XAA', office: 'foreign-minister', from: '2016-06-01', to: '2016-06-01', days: 1 }],
    );
    assert.deepEqual(c.byOffice['foreign-minister'], { covered: 2, vacant: 0, days: 3, share: 0.6667 });
    assert.deepEqual(c.problems, [{ actor: 'ed-rev', role: 'foreign-minister', country: 'XAA', problem: 'ends (2016-05-01) before it starts (2016-06-01)' }]);
  }));

test('Phoenix (sample of 100): the undated code is the main one, NGO only as a prefix is international, blanks before a bracket, a person’s source', () => {
  const text = ['NADIA_SOLA_ [XCCGOV >20100101] [XAAGOV] [XCCELI 20130101-20141231]', 'ARCADIAN_RELIEF_GROUP_ [XAANGO]', 'HARBOUR_COUNCIL_ [XAABUS ]'].join(
    '\n',
  );
  const { rows } = phoenixToRows(text, new Set(['XAA', 'XCC']), 'p.txt');
  const by = new Map((rows as { name: string }[]).map((r) => [r.name, r as Record<string, unknown>]));
  const sola = by.get('Nadia Sola')!;
  assert.deepEqual([sola.type, sola.country, sola.source], ['PERSON', 'XAA', 'p.txt line 1 (Phoenix/CAMEO actor dictionary, imported)']);
  const relief = by.get('Arcadian Relief Group')!;
  assert.deepEqual([relief.type, relief.kind, relief.code, relief.country], ['ORGANIZATION', null, 'XAANGO', 'XAA']);
  assert.deepEqual([by.get('Harbour Council')?.type, by.get('Harbour Council')?.code], ['ORGANIZATION', 'XAABUS']);
});

test('coverage (second sample): a period must be whole dates; an unreadable term is a problem; a role in a state without a country row is counted without error', () =>
  withKb((dir) => {
    writeFileSync(
      join(dir, 'people', 'more.jsonl'),
      [
        JSON.stringify({ id: 'fa-bad', name: 'Fa Bad', country: 'XAA', roles: [{ role: 'head-of-government', from: '2016-13', to: '2017' }] }),
        JSON.stringify({ id: 'gu-zed', name: 'Gu Zed', country: 'XZZ', roles: [{ role: 'head-of-state', from: '2016' }] }),
      ].join('\n'),
    );
    const kb = loadKnowledgeBase({ dir });
    assert.throws(() => roleCoverage(kb, { from: 'x2016-01-01', to: '2016-12-31' }), /coverage period must be two dates/);
    const c = roleCoverage(kb, { from: '2016-01-01', to: '2016-12-31' });
    assert.deepEqual(c.problems, [{ actor: 'fa-bad', role: 'head-of-government', country: 'XAA', problem: "unreadable date from '2016-13'" }]);
    assert.equal(c.states, 1);
  }));
