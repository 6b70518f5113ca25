// Officials of international bodies while in office: the entity's code is the body's (IGOUNO,
// IGOEUREEC, IGOWSTNAT…) and its country is null — the UN Secretary-General acts for the UN, not for
// Portugal; out of office the usual country + ELI. Role descriptions naming a body's head ("le
// président du Conseil européen", "IMF managing director") find that body's head on the date.
// Sentences written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createAnalyzer } from '../src/pipeline.js';
import { loadKnowledgeBase, KB_DIR } from '../src/kb/kb.js';

const analyzer = await createAnalyzer();
const kb = loadKnowledgeBase();

/** the PERSON entities of a text as "name country code" */
function people(text: string, published: string): string[] {
  const a = analyzer.analyze({ text, published });
  return a.entities.filter((e) => e.type === 'PERSON').map((e) => `${e.name} ${e.country} ${e.code}`);
}

test('the knowledge base: an international office has no country; the nationality stays on the person', () => {
  const guterres = kb.actors.get('antonio-guterres')!;
  assert.equal(guterres.country, 'PRT');
  assert.equal(kb.countryAt(guterres, '2023-02-01'), null);
  assert.equal(kb.codeAt(guterres, '2023-02-01'), 'IGOUNO');
  // between his two UN offices (UNHCR to 2015, Secretary-General from 2017) he is a Portuguese elite
  assert.equal(kb.countryAt(guterres, '2016-06-01'), 'PRT');
  assert.equal(kb.codeAt(guterres, '2016-06-01'), 'PRTELI');
  // a national office keeps its country
  const blinken = kb.actors.get('antony-blinken')!;
  assert.equal(kb.countryAt(blinken, '2023-02-01'), 'USA');
  // no state and no body: no holders (every international office of the kind would answer)
  assert.deepEqual(kb.holders('other', null, '2023-02-01'), []);
});

test('named IGO officials in office: the body code, no country (English and French)', () => {
  const cases: [string, string, string][] = [
    ['UN Secretary-General António Guterres flew to Nairobi on Monday.', '2023-03-06', 'António Guterres null IGOUNO'],
    ['Le secrétaire général de l’ONU, António Guterres, s’est rendu à Nairobi.', '2023-03-06', 'António Guterres null IGOUNO'],
    ['Charles Michel, President of the European Council, opened the summit in Brussels.', '2022-10-20', 'Charles Michel null IGOEUREEC'],
    ['Mark Rutte, le secrétaire général de l’OTAN, a visité une base en Pologne.', '2025-02-10', 'Mark Rutte null IGOWSTNAT'],
    ['Kristalina Georgieva arrived in Cairo for talks on the loan.', '2023-05-02', 'Kristalina Georgieva null IGOBUSIMF'],
    ['Moussa Faki Mahamat a condamné la tentative de putsch.', '2023-08-01', 'Moussa Faki Mahamat null IGOAFRAFU'],
  ];
  for (const [text, date, want] of cases) {
    const got = people(text, date);
    assert.ok(got.includes(want), `${text} (${date}): ${got.join('; ')}`);
  }
});

test('out of office: the country of the person and ELI', () => {
  assert.ok(people('Ban Ki-moon opened a climate forum in Seoul.', '2019-04-02').includes('Ban Ki-moon KOR KORELI'));
  assert.ok(people('Jens Stoltenberg spoke at a bank conference in Oslo.', '2025-06-03').some((p) => /^Jens Stoltenberg NOR NOR/.test(p)));
});

test('a role description naming a body finds its head on the date, not a head of state', () => {
  const cases: [string, string, string][] = [
    ['Le président du Conseil européen a reçu le chancelier allemand.', '2023-04-12', 'Charles Michel null IGOEUREEC'],
    ['La présidente de la Commission européenne a appelé le chancelier allemand.', '2023-04-12', 'Ursula von der Leyen null IGOEUREEC'],
    ['La directrice générale du FMI est arrivée au Caire.', '2023-05-02', 'Kristalina Georgieva null IGOBUSIMF'],
    ['The UN Secretary-General urged both sides to talk.', '2023-05-02', 'António Guterres null IGOUNO'],
    ['The President of the European Commission flew to Kyiv.', '2016-09-14', 'Jean-Claude Juncker null IGOEUREEC'],
  ];
  for (const [text, date, want] of cases) {
    // the description opening the sentence stands for the body's head
    const a = analyzer.analyze({ text, published: date });
    const e = a.entities.find((x) => x.mentions.some((m) => m.start === 0));
    assert.equal(e ? `${e.name} ${e.country} ${e.code}` : 'nobody', want, text);
  }
  // the head of one body is not the head of another named before
  const got = people('Le secrétaire général de l’ONU a parlé à la presse. Le secrétaire général de l’OTAN est arrivé ensuite.', '2023-04-12');
  assert.ok(got.includes('António Guterres null IGOUNO') && got.includes('Jens Stoltenberg null IGOWSTNAT'), got.join('; '));
});

test('the output carries the body code and no country, for the entity and its mentions', () => {
  const a = analyzer.analyze({ text: 'Antonio Guterres met Emmanuel Macron in Paris.', published: '2023-02-01' });
  const g = a.entities.find((e) => e.actor === 'antonio-guterres')!;
  assert.equal(g.country, null);
  assert.equal(g.code, 'IGOUNO');
  assert.equal(g.role, 'UN Secretary-General');
  const m = a.entities.find((e) => e.actor === 'emmanuel-macron')!;
  assert.equal(m.country, 'FRA');
});

test('knowledge base: every international office with a body has that body’s CAMEO code', () => {
  const orgs = new Map<string, { code: string | null; country: string | null }>();
  for (const line of readFileSync(`${KB_DIR}/organizations.jsonl`, 'utf8').split('\n'))
    if (line.startsWith('{')) {
      const r = JSON.parse(line);
      orgs.set(r.id, { code: r.code ?? null, country: r.country ?? null });
    }
  const wrong: string[] = [];
  let checked = 0;
  const dir = `${KB_DIR}/people/`;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')))
    for (const line of readFileSync(dir + file, 'utf8').split('\n')) {
      if (!line.startsWith('{')) continue;
      const r = JSON.parse(line);
      for (const role of r.roles ?? []) {
        if (role.country !== null || !role.org) continue;
        const body = orgs.get(role.org);
        checked++;
        if (!body) wrong.push(`${r.id}: ${role.title?.en}: body '${role.org}' is not in organizations.jsonl`);
        else if (body.code !== role.code) wrong.push(`${r.id}: ${role.title?.en}: ${role.code}, the body's code is ${body.code}`);
      }
    }
  assert.ok(checked >= 80, `${checked} international offices checked`);
  assert.deepEqual(wrong, []);
  // the main heads, by the body they head
  const head = (id: string, date: string) => kb.roleAt(kb.actors.get(id)!, date);
  assert.equal(head('catherine-russell', '2023-01-01')?.org, 'unicef');
  assert.equal(head('catherine-russell', '2023-01-01')?.code, 'IGOUNOKID');
  assert.equal(head('cindy-mccain', '2024-01-01')?.code, 'IGOUNOWFP');
  assert.equal(head('joan-donoghue', '2022-01-01')?.org, 'icj');
  assert.equal(head('christine-lagarde', '2022-01-01')?.org, 'ecb');
});
