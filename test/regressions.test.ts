// Five regressions that once changed real output and passed every test (issue 14). Each test
// below was checked by re-applying its break by hand: it fails with the break and passes without.
//   1. event label and Goldstein value looked up at the wrong level of the codebook;
//   2. the speaker rules applied in the wrong order (the clause's first actor before the name
//      right before the verb);
//   3. month-only publication dates compared by their first day;
//   4. the document id hashed from the raw text (see also test/document-id.test.ts);
//   5. HTML paragraphs taken with their markup.
// The sentences are written for these rules, not taken from the gold or the devset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCodebook } from '../src/events/codebook.js';
import { within } from '../src/kb/dates.js';
import { readArticleBytes } from '../src/ingest/read.js';
import { parseHeader } from '../src/ingest/header.js';
import type { Analysis } from '../src/analysis.js';
import { getAnalyzer } from './helpers/store-fixtures.js';
import { cameoEntries, cameoEntry } from './helpers/cameo.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

const speakerName = (a: Analysis, quoteText: string, text: string): string | null => {
  const q = a.quotes.find((x) => text.slice(x.start, x.end) === quoteText);
  assert.ok(q, `a quote "${quoteText}" in ${JSON.stringify(a.quotes.map((x) => text.slice(x.start, x.end)))}`);
  return a.entities.find((e) => e.id === q.speaker)?.name ?? null;
};

// 1 ────────────────────────────────────────────────────────────────────────────────────────────
test("codebook: every code resolves to its own entry, not its root's or base's", () => {
  const codebook = loadCodebook();
  const all = cameoEntries();
  assert.ok(all.length > 250, `${all.length} codes`);
  for (const c of all) {
    const got = codebook.get(c.code);
    assert.equal(got?.code, c.code, c.code);
    assert.equal(got.label.en, c.label.en, c.code);
    assert.equal(got.goldstein, c.goldstein, c.code);
  }
  // a code the codebook lacks falls back to its nearest parent
  assert.equal(codebook.get('0579')?.code, '057');
  assert.equal(codebook.get('05')?.goldstein, 3.5);
  assert.equal(codebook.get('057')?.goldstein, 8);
});

test('codebook: a missing file or one without codes gives an empty codebook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readout-codebook-'));
  assert.deepEqual(loadCodebook(join(dir, 'absent.json')).all(), []);
  assert.equal(loadCodebook(join(dir, 'absent.json')).get('057'), undefined);
  writeFileSync(join(dir, 'empty.json'), '{"source": "no codes"}');
  assert.deepEqual(loadCodebook(join(dir, 'empty.json')).all(), []);
  writeFileSync(join(dir, 'one.json'), JSON.stringify({ codes: [{ code: '05', root: '05', label: { en: 'Engage' }, goldstein: 3.5, quad: 1, plover: null }] }));
  const one = loadCodebook(join(dir, 'one.json'));
  assert.deepEqual(
    one.all().map((c) => c.code),
    ['05'],
  );
  assert.equal(one.get('0571')?.code, '05', 'a sub-code falls back to its root');
});

test('events: label and Goldstein value are those of the exact code (signing an agreement is 057, Goldstein 8)', async () => {
  const analyzer = await getAnalyzer();
  for (const [text, lang] of [
    ['Le Kenya et l’Éthiopie ont signé jeudi un accord commercial à Nairobi.', 'fr'],
    ['On Thursday, Kenya signed a trade agreement with Ethiopia in Nairobi.', 'en'],
  ] as const) {
    const a = analyzer.analyze({ text, published: '2024-03-07', language: lang });
    const ev = a.events.find((e) => e.code === '057');
    assert.ok(ev, `a 057 event in ${JSON.stringify(a.events.map((e) => e.code))}`);
    assert.equal(ev.label, 'Sign formal agreement');
    assert.equal(ev.goldstein, 8);
  }
});

test("events: every event of the bundled examples carries its own code's label and Goldstein value", async () => {
  const analyzer = await getAnalyzer();
  let n = 0;
  const codes = new Set<string>();
  for (const f of readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const a = analyzer.analyze(parseHeader(readFileSync(EXAMPLES + f, 'utf8')));
    for (const e of a.events) {
      const c = cameoEntry(e.code);
      assert.equal(e.label, c.label.en, `${f} ${e.id} ${e.code}`);
      assert.equal(e.goldstein, c.goldstein, `${f} ${e.id} ${e.code}`);
      n++;
      codes.add(e.code);
    }
  }
  assert.ok(n >= 40, `${n} events in the examples`);
  assert.ok(
    [...codes].filter((c) => c.length >= 3 && cameoEntry(c).goldstein !== cameoEntry(c.slice(0, 2)).goldstein).length >= 5,
    `codes whose value differs from their root's: ${[...codes].join(' ')}`,
  );
});

// 2 ────────────────────────────────────────────────────────────────────────────────────────────
test("speakers: the name right before the verb wins over the clause's first actor", async () => {
  const analyzer = await getAnalyzer();
  const cases: [string, string, string, string][] = [
    ['Russia’s Lavrov said that the talks would resume in Geneva.', '2024-03-02', 'the talks would resume in Geneva', 'Sergei Lavrov'],
    ['Iran’s Araghchi told reporters that the meeting had been constructive.', '2025-04-12', 'the meeting had been constructive', 'Abbas Araghchi'],
    ['China’s Wang Yi said the two sides had agreed to keep talking.', '2024-06-03', 'the two sides had agreed to keep talking', 'Wang Yi'],
    // the other way round: a name governed by a preposition is not the subject
    [
      'Le ministre marocain des Affaires étrangères Nasser Bourita, aux côtés de José Manuel Albares, a déclaré que la coopération migratoire allait s’intensifier.',
      '2024-03-07',
      'la coopération migratoire allait s’intensifier',
      'Nasser Bourita',
    ],
  ];
  for (const [text, published, quote, speaker] of cases) {
    assert.equal(speakerName(analyzer.analyze({ text, published }), quote, text), speaker, text);
  }
});

// 3 ────────────────────────────────────────────────────────────────────────────────────────────
test('dates: a month-only date covers the whole month', () => {
  assert.equal(within('2025-01', '2025-01-21', null), true, 'a term starting on the 21st is within January');
  assert.equal(within('2025-01', '2021-01-26', '2025-01-20'), true, 'a term ending on the 20th is within January');
  assert.equal(within('2025-02', '2021-01-26', '2025-01-20'), false);
  assert.equal(within('2024-12', '2025-01-21', null), false);
  assert.equal(within('2025', '2025-12-31', null), true);
  assert.equal(within('2025', null, '2025-01-01'), true);
  assert.equal(within('2026', null, '2025-12-31'), false);
  assert.equal(within('2025-01-20', '2025-01-21', null), false);
});

test('roles: an article dated 2025-01 gives the Secretary of State who took office on 21 January his role', async () => {
  const analyzer = await getAnalyzer();
  const text = 'En janvier, Marco Rubio a reçu à Washington le ministre indien Subrahmanyam Jaishankar.';
  const month = analyzer.analyze({ text, published: '2025-01' });
  const rubio = month.entities.find((e) => e.name === 'Marco Rubio');
  assert.equal(rubio?.role, 'Secretary of State');
  assert.equal(rubio?.code, 'USAGOV');
  // before his term, the same text gives no role
  const before = analyzer.analyze({ text, published: '2024-12' }).entities.find((e) => e.name === 'Marco Rubio');
  assert.ok(before, 'Rubio is found in December 2024 too');
  assert.notEqual(before.role, 'Secretary of State');
});

// 5 ────────────────────────────────────────────────────────────────────────────────────────────
test('HTML: paragraphs are text, with entities decoded and no markup', () => {
  const para1 =
    'Le Maroc &amp; l’Espagne ont signé&#160;jeudi un accord, a annoncé <a href="https://example.org/ministere">le ministère</a> dans un communiqué <em>publié</em> à Rabat.';
  const para2 =
    'Les deux pays renforcent leur coopération migratoire &laquo;&nbsp;dans le respect mutuel&nbsp;&raquo;, selon <strong>le texte</strong>, qui prévoit des patrouilles communes.';
  const bodies = {
    // through Readability (an article long enough for it)
    'article.html': `<!doctype html><html lang="fr"><head><title>Accord</title></head><body><nav>Accueil</nav><article><p>${para1}</p><p>${para2}</p></article></body></html>`,
    // through the fallback (a bare fragment)
    'fragment.html': `<p>${para1}</p><p>${para2}</p>`,
  };
  for (const [name, html] of Object.entries(bodies)) {
    const a = readArticleBytes(Buffer.from(html), name);
    assert.equal(
      a.text,
      'Le Maroc & l’Espagne ont signé jeudi un accord, a annoncé le ministère dans un communiqué publié à Rabat.\n\n' +
        'Les deux pays renforcent leur coopération migratoire « dans le respect mutuel », selon le texte, qui prévoit des patrouilles communes.',
      name,
    );
  }
});
