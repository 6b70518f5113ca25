// How later stages read the clause layer: datelines kept out of the clause, an event's actors
// from its trigger verb's clause (subject or agent, and the argument in the pattern's slot), and
// the mentions each argument holds. Sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datelineEnd } from '../src/text/dateline.js';
import { tokenize, tokenizeOptionsFor } from '../src/text/tokens.js';
import { loadPacks } from '../src/lang/pack.js';
import { clauseActors } from '../src/events/clause-args.js';
import { isActor } from '../src/events/coder.js';
import type { Doc } from '../src/doc.js';
import { sharedAnalyzer } from './helpers/shared.js';

const tok = tokenizeOptionsFor(loadPacks());

test('a dateline is skipped; a capitalised subject is not a dateline', () => {
  const cases: Array<[string, string | null]> = [
    ['KINSHASA — Le gouvernement a expulsé l’ambassadeur.', 'Le'],
    ['NAIROBI, Kenya (AP) — Police fired tear gas.', 'Police'],
    ['JÉRUSALEM et GAZA (AFP) - Un cessez-le-feu est entré en vigueur.', 'Un'],
    ['UN officials - including the envoy - met in Geneva.', null],
    ['Le Mali a rompu ses relations.', null],
    ['PARIS', null],
  ];
  for (const [text, first] of cases) {
    const toks = tokenize(text, tok);
    const at = datelineEnd(toks, 0, toks.length);
    assert.equal(at === 0 ? null : toks[at]!.text, first, text);
  }
});

/** The named sources and targets the clause layer gives for the first clause whose verb is `verb`. */
async function actors(text: string, lang: 'fr' | 'en', verb: string, slots: string[]): Promise<{ sources: string[]; targets: string[]; voice: string }> {
  const doc: Doc = (await sharedAnalyzer()).analyzeDoc({ text, language: lang });
  const t = doc.tokens.findIndex((x) => x.text === verb);
  assert.ok(t >= 0, `${verb} in ${text}`);
  const ca = clauseActors(doc, t, t + 1, new Set(slots), (p) => p, isActor);
  assert.ok(ca, `a clause for ${verb}`);
  const label = (e: { type: string; name: string; country: string | null }) => (e.type === 'PERSON' ? e.name : (e.country ?? e.name));
  return { sources: ca.sources.map(label), targets: ca.targets.map(label), voice: ca.clause.voice };
}

test("an active clause: the subject does, the object or the slot's oblique receives", async () => {
  assert.deepEqual(await actors('La Turquie a accusé la Grèce de violer son espace aérien.', 'fr', 'accusé', ['obj']), {
    sources: ['TUR'],
    targets: ['GRC'],
    voice: 'active',
  });
  assert.deepEqual(await actors('The Kenyan government signed a security pact with Haiti on Friday.', 'en', 'signed', ['with']), {
    sources: ['KEN'],
    targets: ['HTI'],
    voice: 'active',
  });
});

test('a passive clause: the agent does, the subject receives', async () => {
  const fr = await actors('Le convoi marocain a été attaqué par des rebelles centrafricains.', 'fr', 'attaqué', ['obj']);
  assert.deepEqual(fr, { sources: ['CAF'], targets: ['MAR'], voice: 'passive' });
  const p = await actors('The Egyptian ambassador was summoned by the Ethiopian foreign ministry.', 'en', 'summoned', ['obj']);
  assert.equal(p.voice, 'passive');
  assert.deepEqual(p.sources, ['ETH']);
  assert.deepEqual(p.targets, ['EGY']);
});

test("coordinated subjects each act; an apposition names the subject's holder", async () => {
  const r = await actors('Le Maroc et la Mauritanie ont signé un accord de pêche avec l’Union européenne.', 'fr', 'signé', ['avec']);
  assert.deepEqual(r.sources, ['MAR', 'MRT']);
  const a = await actors('Le porte-parole du gouvernement, Abdoulaye Maïga, a dénoncé la France.', 'fr', 'dénoncé', ['obj']);
  assert.deepEqual(a, { sources: ['Abdoulaye Maiga'], targets: ['FRA'], voice: 'active' });
});
