// Denials: "X denied it had done Y" is X's denial (016), and the act Y is negated, never asserted;
// a denial is not a refusal (12x). Sentences written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../src/pipeline.js';

const analyzer = await createAnalyzer();
const events = (text: string) => {
  const a = analyzer.analyze({ text, published: '2023-02-16' });
  const name = new Map(a.entities.map((e) => [e.id, e.country ?? e.name]));
  return a.events.map((e) => `${e.code} ${name.get(e.source ?? '')}>${name.get(e.target ?? '')} ${e.modality}`);
};

test('a denied act is negated, never asserted (English)', () => {
  const ev = events('Beijing denied that it had sent troops to Taiwan.');
  assert.ok(ev.length > 0, 'the act is still found');
  assert.ok(
    ev.every((e) => !/^07\d* .* asserted$/.test(e)),
    ev.join('; '),
  );
  assert.ok(
    ev.some((e) => /^07\d* CHN>TWN negated$/.test(e)),
    ev.join('; '),
  );
});

test('a denial of an attack: the denial is coded, the attack is negated (English and French)', () => {
  for (const s of ['Moscow denied it had attacked Ukraine.', 'Moscou nie avoir attaqué l’Ukraine.', 'Moscou a démenti avoir attaqué l’Ukraine.']) {
    const ev = events(s);
    assert.ok(ev.includes('190 RUS>UKR negated'), `${s}: ${ev.join('; ')}`);
    assert.ok(!ev.some((e) => /^19\d* .* asserted$/.test(e)), `${s}: ${ev.join('; ')}`);
    assert.ok(!ev.some((e) => e.startsWith('12')), `${s}: a denial is not a refusal: ${ev.join('; ')}`);
  }
  // the same act, not denied, is asserted; refused, it is a refusal
  assert.ok(events('Moscow attacked Ukraine.').includes('190 RUS>UKR asserted'));
  assert.ok(events('Moscow refused to meet Ukraine.').some((e) => e.startsWith('12')));
});

// The shapes the clause layer reads (src/clauses/embedding.ts): the act hangs under the denial verb
// in the sentence's dependency tree — a that-clause in the pluperfect, a gerund, a French infinitive
// or que-clause, an act noun inside the denied object. Each gives the denier's 016 and the act negated.
test('a denial through the tree: that-clause, gerund, infinitive, que-clause, a denied involvement', () => {
  const cases: [string, string, RegExp][] = [
    ['Beijing denied that it had sent troops to Taiwan.', '016 CHN>TWN asserted', /^07\d* CHN>TWN negated$/],
    ['China denied sending troops to Taiwan.', '016 CHN>TWN asserted', /^07\d* CHN>TWN negated$/],
    ['Moscow denied attacking Ukraine.', '016 RUS>UKR asserted', /^190 RUS>UKR negated$/],
    ['Pékin a démenti avoir envoyé des navires de guerre vers Taïwan.', '016 CHN>TWN asserted', /^15\d* CHN>TWN negated$/],
    ['La Chine dément avoir envoyé des chars au Vietnam.', '016 CHN>VNM asserted', /^07\d* CHN>VNM negated$/],
    ['La Chine a démenti que ses troupes aient attaqué le Vietnam.', '016 CHN>VNM asserted', /^190 CHN>VNM negated$/],
    ['China denied any involvement in the attack on Vietnam.', '016 CHN>VNM asserted', /^190 CHN>VNM negated$/],
  ];
  for (const [s, denial, act] of cases) {
    const ev = events(s);
    assert.ok(ev.includes(denial), `${s}: the denial: ${ev.join('; ')}`);
    assert.ok(
      ev.some((e) => act.test(e)),
      `${s}: the act, negated: ${ev.join('; ')}`,
    );
    assert.ok(!ev.some((e) => !e.startsWith('016') && e.endsWith(' asserted')), `${s}: no asserted act: ${ev.join('; ')}`);
    assert.ok(!ev.some((e) => e.startsWith('12')), `${s}: a denial is not a refusal: ${ev.join('; ')}`);
  }
  // French: a denied involvement names the denier's 016 (no attack asserted)
  const fr = events('La Chine a démenti toute implication dans l’attaque contre le Vietnam.');
  assert.ok(fr.includes('016 CHN>VNM asserted'), fr.join('; '));
  assert.ok(!fr.some((e) => e.startsWith('19') && e.endsWith(' asserted')), fr.join('; '));
});

test('what is not under the denial stays as told', () => {
  // China says Japan attacked: that act is China's claim, not denied
  const said = events('China denied the report, saying Japan had attacked Vietnam.');
  assert.ok(said.includes('190 JPN>VNM asserted'), said.join('; '));
  // denying someone else's act negates it, but is no 016 of the denier towards the act's target
  const other = events('Russia denied that Ukraine had attacked Belarus.');
  assert.ok(other.includes('190 UKR>BLR negated'), other.join('; '));
  assert.ok(!other.includes('016 RUS>BLR asserted'), other.join('; '));
  // a coordinated act beside the denial is asserted
  const beside = events('Vietnam denied the claims and Japan attacked Cambodia.');
  assert.ok(beside.includes('190 JPN>KHM asserted'), beside.join('; '));
});
