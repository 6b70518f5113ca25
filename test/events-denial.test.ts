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
