// The store's row helpers (src/store/rows.ts): actor and story keys, CAMEO quad class, label and
// Goldstein value per exact code, query words. Written for mutants that survived the store suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorKey, goldsteinOf, labelOf, quadOf, queryWords, storyId, storyKey } from '../src/store/rows.js';
import { cameoEntries, cameoEntry } from './helpers/cameo.js';

test('store rows: actor keys — knowledge-base id, else country, else type and folded name', () => {
  assert.equal(actorKey({ actor: 'nasser-bourita', type: 'PERSON', country: 'MAR', name: 'Nasser Bourita' }), 'nasser-bourita');
  assert.equal(actorKey({ actor: null, type: 'COUNTRY', country: 'MAR', name: 'Maroc' }), 'country:MAR');
  assert.equal(actorKey({ actor: null, type: 'COUNTRY', country: null, name: 'Atlantide' }), 'country:atlantide');
  assert.equal(actorKey({ actor: null, type: 'ORGANIZATION', country: 'MAR', name: 'Haut Conseil de Sécurité' }), 'organization:haut conseil de securite');
});

test('store rows: story keys — consultations are symmetric, other roots keep their direction', () => {
  assert.equal(storyKey('b', 'a', '04', '2023-02-01'), 'a|b|04|2023-02-01');
  assert.equal(storyKey('a', 'b', '04', '2023-02-01'), 'a|b|04|2023-02-01');
  assert.equal(storyKey('b', 'a', '11', null), 'b|a|11|');
  assert.equal(storyKey('a', 'a', '04', null), 'a|a|04|');
  assert.equal(storyKey(null, 'a', '04', '2023'), '|a|04|2023');
  assert.match(storyId('a|b|04|'), /^[0-9a-f]{16}$/);
  assert.notEqual(storyId('a|b|04|'), storyId('a|b|04|2023'));
});

test('store rows: quad class, label and Goldstein value of the exact code; a code the codebook lacks falls back', () => {
  for (const c of cameoEntries()) {
    assert.equal(quadOf(c.code), c.quad, c.code);
    assert.equal(labelOf(c.code), c.label.en, c.code);
    assert.equal(goldsteinOf(c.code), c.goldstein, c.code);
  }
  assert.equal(goldsteinOf('0579'), cameoEntry('057').goldstein);
  assert.equal(labelOf('999'), '999');
  assert.equal(goldsteinOf('999'), 0);
  // an unknown sub-code takes its root's class (01-05 verbal cooperation, 06-09 material
  // cooperation, 10-14 verbal conflict, 15-20 material conflict); an unknown root, by its number
  assert.deepEqual(
    ['05', '06', '09', '10', '14', '15', '20'].map((r) => quadOf(`${r}99`)),
    [1, 2, 2, 3, 3, 4, 4],
  );
  assert.deepEqual([quadOf('0099'), quadOf('9999')], [1, 4]);
});

test('store rows: query words are folded, without edge apostrophes and hyphens', () => {
  assert.deepEqual(queryWords("  Sécurité  -régionale' l'Otan "), ['securite', 'regionale', "l'otan"]);
  assert.deepEqual(queryWords("'-'"), []);
});
