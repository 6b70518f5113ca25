// The store's rows from one hand-made analysis (src/store/rows.ts → toRows): which of the analysis
// and the article gives the title, source, address and date; the lead paragraph (GDELT's
// IsRootEvent); the evidence text; actors kept once; keys of quotes and events without a speaker,
// source or target; compression round trips. Written against the mutants that survived
// `npm run mutate -- src/store`; the text is written for this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis } from '../src/analysis.js';
import { IdCollisionError, parseAnalysis, queryWords, storedText, toRows, upperBound } from '../src/store/rows.js';
import { articleHash } from '../src/document-id.js';
import { gdeltRow } from '../src/store/sql.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { packAnalysisJson, unpackAnalysisJson } from '../src/store/pack.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backends } from './helpers/store-backends.js';
import { article, callAnalyses, handAnalysis } from './helpers/store-fixtures.js';

const TEXT = [
  'Titre de la dépêche',
  '',
  'La mairie de Lyon a invité la délégation de Turin à visiter le nouveau tramway.',
  '',
  'Le maire de Turin a remercié la ville de Lyon pour son accueil.',
].join('\n');
const at = (s: string) => {
  const i = TEXT.indexOf(s);
  assert.ok(i >= 0, s);
  return { start: i, end: i + s.length };
};
const LEAD = at('La mairie de Lyon a invité la délégation de Turin à visiter le nouveau tramway.');
const SECOND = at('Le maire de Turin a remercié la ville de Lyon pour son accueil.');

function analysis(over: Partial<Analysis['document']> = {}, segments = [{ ...LEAD, kind: 'paragraph', language: 'fr' }]): Analysis {
  return {
    document: { id: 'doc1', title: null, source: null, url: null, published: null, language: 'fr', length: TEXT.length, ...over },
    segments: [{ ...at('Titre de la dépêche'), kind: 'header', language: 'fr' }, ...segments, { ...SECOND, kind: 'paragraph', language: 'fr' }],
    entities: [
      { id: 'E1', type: 'ORGANIZATION', name: 'mairie de Lyon', actor: null, country: 'FRA', role: null, code: 'FRAGOV', mentions: [at('mairie de Lyon')] },
      {
        id: 'E2',
        type: 'CITY',
        name: 'Turin',
        actor: null,
        country: 'ITA',
        role: null,
        code: null,
        mentions: [at('Turin'), { start: SECOND.start + 12, end: SECOND.start + 17 }],
      },
      // the same actor key as E1 under another name: one actor row, the first name kept
      { id: 'E3', type: 'ORGANIZATION', name: 'Mairie de  LYON', actor: null, country: 'FRA', role: 'mairie', code: null, mentions: [at('ville de Lyon')] },
    ],
    quotes: [
      {
        id: 'Q1',
        start: SECOND.start,
        end: SECOND.end,
        text: TEXT.slice(SECOND.start, SECOND.end),
        kind: 'indirect',
        speaker: null,
        cue: null,
        language: 'fr',
        channel: null,
      },
    ],
    events: [
      {
        id: 'V1',
        code: '0331',
        label: 'x',
        goldstein: 5.2,
        source: 'E1',
        target: 'E2',
        date: '2024-04-02',
        dateText: null,
        location: null,
        modality: 'asserted',
        evidence: LEAD,
        quote: null,
        confidence: 0.7,
      },
      {
        id: 'V2',
        code: '051',
        label: 'y',
        goldstein: 3.4,
        source: 'E2',
        target: null,
        date: null,
        dateText: null,
        location: null,
        modality: 'reported',
        evidence: SECOND,
        quote: null,
        confidence: 0.5,
      },
    ],
  } as unknown as Analysis;
}

test('document row: the analysis’ title, source, address and date first, else the article’s', () => {
  const article = { text: TEXT, title: 'Titre article', source: 'Source article', url: 'https://example.org/article', published: '2024-04-01' };
  const now = new Date('2024-05-01T10:00:00Z');
  const a = toRows(
    { ...article, origin: 'dossier/a.txt' },
    analysis({ title: 'Titre analyse', source: 'Source analyse', url: 'https://example.org/analyse', published: '2024-04-03' }),
    now,
  );
  assert.deepEqual(
    { ...a.doc, analysis: undefined, text_z: a.doc.text_z },
    {
      id: 'doc1',
      title: 'Titre analyse',
      source: 'Source analyse',
      url: 'https://example.org/analyse',
      published: '2024-04-03',
      language: 'fr',
      length: TEXT.length,
      origin: 'dossier/a.txt',
      ingested_at: '2024-05-01T10:00:00.000Z',
      text: TEXT,
      text_z: null,
      hash: articleHash({ text: TEXT }),
      analysis: undefined,
      n_entities: 3,
      n_quotes: 1,
      n_events: 2,
    },
  );
  const b = toRows(article, analysis(), now);
  assert.deepEqual(
    [b.doc.title, b.doc.source, b.doc.url, b.doc.published, b.doc.origin],
    ['Titre article', 'Source article', 'https://example.org/article', '2024-04-01', null],
  );
  const c = toRows({ text: TEXT }, analysis(), now);
  assert.deepEqual([c.doc.title, c.doc.source, c.doc.url, c.doc.published], [null, null, null, null]);
  assert.deepEqual(JSON.parse(c.doc.analysis as string), analysis());
});

test('rows: actors once per key, entities with their mention counts, quotes and events with keys and the date they fall back to', () => {
  const r = toRows({ text: TEXT, published: '2024-04-01' }, analysis());
  assert.deepEqual(r.actors, [
    {
      key: 'organization:mairie de lyon',
      name: 'mairie de Lyon',
      name_folded: 'mairie de lyon',
      type: 'ORGANIZATION',
      actor: null,
      country: 'FRA',
      code: 'FRAGOV',
    },
    { key: 'city:turin', name: 'Turin', name_folded: 'turin', type: 'CITY', actor: null, country: 'ITA', code: null },
  ]);
  assert.deepEqual(
    r.entities.map((e) => [e.doc, e.eid, e.key, e.type, e.name, e.actor, e.country, e.role, e.code, e.mentions, e.published]),
    [
      ['doc1', 'E1', 'organization:mairie de lyon', 'ORGANIZATION', 'mairie de Lyon', null, 'FRA', null, 'FRAGOV', 1, '2024-04-01'],
      ['doc1', 'E2', 'city:turin', 'CITY', 'Turin', null, 'ITA', null, null, 2, '2024-04-01'],
      ['doc1', 'E3', 'organization:mairie de lyon', 'ORGANIZATION', 'Mairie de  LYON', null, 'FRA', 'mairie', null, 1, '2024-04-01'],
    ],
  );
  assert.deepEqual(r.quotes, [
    {
      doc: 'doc1',
      qid: 'Q1',
      text: TEXT.slice(SECOND.start, SECOND.end),
      kind: 'indirect',
      speaker_key: null,
      cue: null,
      language: 'fr',
      channel: null,
      q_start: SECOND.start,
      q_end: SECOND.end,
      published: '2024-04-01',
    },
  ]);
  const [v1, v2] = r.reports;
  assert.deepEqual(
    { ...v1, story: undefined },
    {
      doc: 'doc1',
      vid: 'V1',
      story: undefined,
      story_key: 'organization:mairie de lyon|city:turin|03|2024-04-02',
      code: '0331',
      root: '03',
      quad: 1,
      goldstein: 5.2,
      date: '2024-04-02',
      src_key: 'organization:mairie de lyon',
      tgt_key: 'city:turin',
      src_country: 'FRA',
      tgt_country: 'ITA',
      modality: 'asserted',
      confidence: 0.7,
      ev_start: LEAD.start,
      ev_end: LEAD.end,
      evidence: 'La mairie de Lyon a invité la délégation de Turin à visiter le nouveau tramway.',
      is_root: 1,
    },
  );
  assert.match(v1!.story, /^[0-9a-f]{16}$/);
  // no target, no date: the document's date, the key's empty target
  assert.deepEqual(
    [v2!.date, v2!.story_key, v2!.tgt_key, v2!.tgt_country, v2!.src_country, v2!.evidence, v2!.is_root, v2!.quad],
    ['2024-04-01', 'city:turin||05|2024-04-01', null, null, 'ITA', 'Le maire de Turin a remercié la ville de Lyon pour son accueil.', 0, 1],
  );
  // a speaker and an event source that are not entities of the analysis get no key
  const odd = analysis();
  (odd.quotes[0] as { speaker: string | null }).speaker = 'E9';
  (odd.events[1] as { source: string | null }).source = 'E9';
  const o = toRows({ text: TEXT }, odd);
  assert.equal(o.quotes[0]!.speaker_key, null);
  assert.equal(o.reports[1]!.src_key, null);
  assert.equal(o.reports[1]!.src_country, null);
  assert.equal(o.reports[1]!.date, null);
  const spoken = analysis();
  (spoken.quotes[0] as { speaker: string | null }).speaker = 'E2';
  assert.equal(toRows({ text: TEXT }, spoken).quotes[0]!.speaker_key, 'city:turin');
});

test('the lead: the first paragraph segment; an event evidenced before its end is in the lead, none without paragraphs', () => {
  // the first paragraph is the second one here (no LEAD segment): both events start before its end
  const noLead = toRows({ text: TEXT }, analysis({}, []));
  assert.deepEqual(
    noLead.reports.map((v) => v.is_root),
    [1, 1],
  );
  const none = analysis();
  (none as { segments: unknown[] }).segments = [{ ...at('Titre de la dépêche'), kind: 'header', language: 'fr' }];
  assert.deepEqual(
    toRows({ text: TEXT }, none).reports.map((v) => v.is_root),
    [0, 0],
  );
  // evidence starting exactly at the lead's end is not in it
  const edge = analysis();
  (edge.events[1] as { evidence: { start: number; end: number } }).evidence = { start: LEAD.end, end: SECOND.end };
  assert.equal(toRows({ text: TEXT }, edge).reports[1]!.is_root, 0);
  (edge.events[1] as { evidence: { start: number; end: number } }).evidence = { start: LEAD.end - 1, end: SECOND.end };
  assert.equal(toRows({ text: TEXT }, edge).reports[1]!.is_root, 1);
});

test('compressed rows round-trip; id collisions and date bounds', () => {
  const r = toRows({ text: TEXT }, analysis(), new Date(0), { compress: true });
  assert.ok(r.doc.text_z instanceof Uint8Array);
  assert.ok(r.doc.analysis instanceof Uint8Array);
  assert.equal(storedText(r.doc.text_z!), TEXT);
  assert.equal(r.doc.text, TEXT);
  assert.deepEqual(parseAnalysis(r.doc.analysis, TEXT), analysis());
  assert.equal(storedText('déjà'), 'déjà');
  assert.deepEqual(parseAnalysis(JSON.stringify({ a: 1 }), TEXT), { a: 1 });
  const e = new IdCollisionError('0123456789abcdef');
  assert.equal(e.id, '0123456789abcdef');
  assert.equal(e.message, 'document id 0123456789abcdef is already taken by a different text (content hashes differ): not stored');
  assert.equal(upperBound('2023-02'), '2023-02~');
  assert.ok('2023-02-28' <= upperBound('2023-02') && '2023-03' > upperBound('2023-02'));
});

// ---- the SQL store (src/store/sql.ts), on every backend: written against the mutants of sql.ts
// that survived `npm run mutate -- src/store --sample 100 --seed 14` (two short articles of the
// store fixtures, hand-written analyses; no analyzer, so that each run takes seconds)

const FR = 'blinken-bourita-fr.txt';

/** the French analysis of callRows, under the id of the French article */
function callRowsAnalysis() {
  const fr = article(FR);
  return handAnalysis(fr.text, { language: 'fr', published: '2023-02-01', source: 'Le Monde', events: [] });
}

/** the same call told twice (042 in French, 040 in English: one story, a tie between two codes) and a January act */
function callRows(
  opts: {
    frCode?: string | null;
    enCode?: string | null;
    frCountry?: string | null;
    enCountry?: string | null;
    more?: { code: string; src: 0 | 1; tgt: 0 | 1; date: string; modality?: 'negated' }[];
  } = {},
) {
  const { fr, en, afr, aen } = callAnalyses({ enQuote: 'We discussed regional security and our economic partnership', more: opts.more });
  // Bourita's actor code: given by one article only (the other has none)
  if (opts.frCode !== undefined) (afr.entities[1] as { code: string | null }).code = opts.frCode;
  if (opts.enCode !== undefined) (aen.entities[1] as { code: string | null }).code = opts.enCode;
  if (opts.frCountry !== undefined) (afr.entities[1] as { country: string | null }).country = opts.frCountry;
  if (opts.enCountry !== undefined) (aen.entities[1] as { country: string | null }).country = opts.enCountry;
  return [toRows(fr, afr, new Date('2023-02-02T08:09:10Z')), toRows(en, aen, new Date('2023-02-03T11:12:13Z'))];
}

for (const b of await backends()) {
  test(`sql store, ${b.name}: date bounds, quote search, story code and fields, actors merged in a batch`, async (t) => {
    if (b.unavailable) {
      t.skip(`PostgreSQL not available: ${b.unavailable}`);
      return;
    }
    const { store, dispose } = await b.open();
    try {
      const rows = callRows({ frCode: null, frCountry: null });
      assert.deepEqual(await store.putRows(rows), ['stored', 'stored']);

      // one batch, Bourita with a code and a country in one document only: they are kept whichever comes first
      const bourita = (await store.actor('nasser-bourita'))!;
      assert.equal(bourita.code, 'MARGOV');
      assert.equal(bourita.country, 'MAR');
      const blinken = (await store.actor('antony-blinken'))!;
      assert.equal(blinken.quotes, 2);
      assert.deepEqual(
        blinken.counterparts.map((c) => [c.actor.key, c.events]),
        [['nasser-bourita', 2]],
      );

      // the dyad between two dates: the January act only up to January, the February story only from February
      const jan = await store.dyad('antony-blinken', 'nasser-bourita', { to: '2023-01' });
      assert.deepEqual(
        jan.events.map((e) => [e.code, e.date]),
        [['112', '2023-01-15']],
      );
      assert.equal(jan.total, 1);
      // 112 (disapprove) is verbal conflict, the third quad class
      assert.deepEqual(
        jan.months.map((m) => [m.month, m.events, m.quad]),
        [['2023-01', 1, [0, 0, 1, 0]]],
      );
      const feb = await store.dyad('antony-blinken', 'nasser-bourita', { from: '2023-02' });
      assert.deepEqual(
        feb.events.map((e) => [e.code, e.date]),
        [['040', '2023-02-01']],
      );
      assert.equal((await store.dyad('antony-blinken', 'nasser-bourita', {})).total, 2);
      // events() and quotes() with an end date
      assert.deepEqual(
        (await store.events({ to: '2023-01-31' })).items.map((e) => e.code),
        ['112'],
      );
      assert.equal((await store.quotes({ to: '2023-01' })).total, 0);
      assert.equal((await store.quotes({ to: '2023-02' })).total, 2);

      // the story told with 042 and 040 once each: the smaller code wins the tie
      const story = (await store.events({ code: '04' })).items;
      assert.equal(story.length, 1);
      assert.equal(story[0]!.code, '040');
      assert.equal(story[0]!.numReports, 2);
      // its internal fields (lead flag, date added) are not part of what the API returns
      assert.deepEqual(Object.keys(story[0]!).sort(), [
        'code',
        'date',
        'goldstein',
        'id',
        'label',
        'modality',
        'numArticles',
        'numReports',
        'numSources',
        'quadClass',
        'reports',
        'root',
        'source',
        'target',
      ]);
      assert.doesNotMatch(JSON.stringify(story[0]), /_added|_isRoot|2023-02-02T08/);

      // events by language of their documents, by a code written with a space
      assert.equal((await store.events({ language: 'en' })).total, 2);
      assert.deepEqual(
        (await store.events({ language: 'fr' })).items.map((e) => e.code),
        ['040'],
      );
      assert.equal((await store.events({ code: '11 ' })).total, 1);
      // quotes by speaker: both are Blinken's, none Bourita's
      assert.equal((await store.quotes({ speaker: 'antony-blinken' })).total, 2);
      assert.equal((await store.quotes({ speaker: 'nasser-bourita' })).total, 0);
      // documents by language, with their counts
      const en = await store.searchDocuments({ language: 'en' });
      assert.deepEqual(
        en.items.map((d) => [d.source, d.counts]),
        [['Reuters', { entities: 2, quotes: 1, events: 2 }]],
      );
      const stats = await store.stats();
      assert.deepEqual([stats.firstPublished, stats.lastPublished], ['2023-02-01', '2023-02-01']);

      // quotes by their words: each quote only for its own words, accents ignored
      const fr = await store.quotes({ text: 'securite regionale' });
      assert.deepEqual(
        fr.items.map((q) => [q.text, q.language]),
        [['Nous avons discuté de la sécurité régionale', 'fr']],
      );
      assert.equal(fr.total, 1);
      assert.deepEqual(
        (await store.quotes({ text: 'partnership' })).items.map((q) => q.language),
        ['en'],
      );
      assert.equal((await store.quotes({ text: 'tramway' })).total, 0);
      // a word is matched whole: part of one matches nothing
      assert.equal((await store.quotes({ text: 'securit' })).total, 0);
      assert.equal((await store.quotes({ text: 'partnershi' })).total, 0);

      // the GDELT export: the story's date split, its date added, the lead flag
      const exported: Record<string, unknown>[] = [];
      for await (const r of store.exportRows('events', { code: '04' })) exported.push(r);
      assert.equal(exported.length, 1);
      assert.deepEqual(
        [exported[0]!.SQLDATE, exported[0]!.MonthYear, exported[0]!.Year, exported[0]!.FractionDate, exported[0]!.DATEADDED, exported[0]!.IsRootEvent],
        ['20230201', '202302', 2023, 2023.0849, '20230202080910', 1],
      );
      // documents and quotes exported with filters
      const docs = async (f: object) => {
        const out: string[] = [];
        for await (const r of store.exportRows('documents', f)) out.push(String(r.source));
        return out.sort();
      };
      assert.deepEqual(await docs({ to: '2023-01' }), []);
      assert.deepEqual(await docs({ to: '2023-02' }), ['Le Monde', 'Reuters']);
      assert.deepEqual(await docs({ language: 'fr' }), ['Le Monde']);
      assert.deepEqual(await docs({ actor: 'nasser-bourita' }), ['Le Monde', 'Reuters']);
      assert.deepEqual(await docs({ actor: 'nobody at all' }), []);
      const quotes: Record<string, unknown>[] = [];
      for await (const r of store.exportRows('quotes', { language: 'en' })) quotes.push(r);
      assert.deepEqual(
        quotes.map((q) => [q.text, q.speaker_key, q.speaker_country, q.language]),
        [['We discussed regional security and our economic partnership', 'antony-blinken', 'USA', 'en']],
      );
    } finally {
      await dispose();
    }
  });

  test(`sql store, ${b.name}: an actor's code given by the second document of a batch only`, async (t) => {
    if (b.unavailable) {
      t.skip(`PostgreSQL not available: ${b.unavailable}`);
      return;
    }
    const { store, dispose } = await b.open();
    try {
      // the other way round: the document that comes first in the batch has the code
      // the English article also tells the call as 042, and a visit that did not happen
      const rows = callRows({
        enCode: null,
        enCountry: null,
        more: [
          { code: '042', src: 0, tgt: 1, date: '2023-02-01' },
          { code: '043', src: 0, tgt: 1, date: '2023-02-20', modality: 'negated' },
        ],
      });
      assert.deepEqual(await store.putRows(rows), ['stored', 'stored']);
      const bourita = (await store.actor('nasser-bourita'))!;
      assert.deepEqual([bourita.code, bourita.country], ['MARGOV', 'MAR']);
      // 042 twice, 040 once: the most frequent code, not the smallest
      const call = (await store.events({ code: '04' })).items;
      assert.deepEqual(
        call.map((e) => [e.code, e.numReports]),
        [['042', 3]],
      );
      // the visit that did not happen: only when every modality is asked for
      assert.deepEqual(
        (await store.events({ code: '04', modality: 'all' })).items.map((e) => [e.code, e.modality]),
        [
          ['043', 'negated'],
          ['042', 'asserted'],
        ],
      );
      // a batch with one document whose id is taken by another text: the others are stored all the same
      const taken = toRows({ text: 'Un autre texte sous le même identifiant.' }, callRowsAnalysis());
      // the Lyon–Turin analysis, with a collective whose name holds Turin's and a per cent sign
      const lt = analysis({ id: 'doc-lyon-turin', published: '2024-04-02' });
      lt.entities.push({
        id: 'E4',
        type: 'ORGANIZATION',
        name: 'Collectif Turin 100%',
        actor: null,
        country: 'ITA',
        role: null,
        code: null,
        mentions: [{ ...at('Turin'), text: 'Turin' }],
      });
      lt.events.push({ ...lt.events[0]!, id: 'V3', code: '036', source: 'E4', target: 'E1' });
      const fresh = toRows({ text: TEXT }, lt);
      const out = await store.putRows([fresh, taken]);
      assert.equal(out[0], 'stored');
      assert.ok(out[1] instanceof IdCollisionError, String(out[1]));
      assert.equal(out.length, 2);
      // an actor named exactly is that actor, not every name that contains it
      assert.deepEqual(
        (await store.events({ actor: 'Turin' })).items.map((e) => e.code),
        ['0331'],
      );
      assert.equal((await store.events({ actor: 'Turin 100' })).total, 1);
      // % in a name search is a character, not a wildcard
      assert.deepEqual(
        (await store.actors({ q: '100%' })).items.map((a) => a.name),
        ['Collectif Turin 100%'],
      );
      assert.equal((await store.actors({ q: 'Turin%Lyon' })).total, 0);
      // failures recorded by an ingest come back with their time
      await store.recordFailures([{ origin: 'lot.jsonl:3', file: 'lot.jsonl', line: 3, error: 'malformed JSON line' }]);
      const [f] = await store.failures();
      assert.deepEqual([f!.origin, f!.file, f!.line, f!.error], ['lot.jsonl:3', 'lot.jsonl', 3, 'malformed JSON line']);
      assert.match(String(f!.at), /^\d{4}-\d{2}-\d{2}T/);
    } finally {
      await dispose();
    }
  });
}

test('query words keep inner apostrophes and hyphens, drop those around a word', () => {
  assert.deepEqual(queryWords("'bonjour'' -- rock-n-roll aujourd'hui -x-"), ['bonjour', 'rock-n-roll', "aujourd'hui", 'x']);
});

test('a read-only SQLite store cannot write', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'readout-ro-'));
  try {
    const rw = new SqliteStore(join(dir, 's.db'));
    await rw.init();
    await rw.close();
    const ro = new SqliteStore(join(dir, 's.db'), { readonly: true });
    const out = await ro.putRows(callRows());
    assert.equal(out.length, 2);
    for (const r of out) assert.match(String(r), /readonly/i);
    assert.equal(await ro.hasDocument(callRows()[0]!.doc.id), false);
    await ro.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('packed analyses: span texts cut, like objects as tables, other values and mixed arrays kept, the same JSON back', () => {
  const json = JSON.stringify({
    spans: [
      { start: 0, end: 5, text: 'Titre', label: 'Titre' },
      { start: 6, end: 8, text: 'de', label: 'x' },
    ],
    mixed: [{ a: 1 }, { b: 2 }],
    one: { start: 0, end: 5, text: 'autre' },
  });
  const packed = packAnalysisJson(json, TEXT);
  assert.ok(packed.startsWith('[2,'), packed);
  assert.equal(unpackAnalysisJson(packed, TEXT), json);
  // the span texts are gone, the label equal to one is kept, the text unlike its span is kept
  assert.equal(packed.split('"Titre"').length - 1, 1);
  assert.ok(!packed.includes('"de"'), packed);
  assert.ok(packed.includes('"autre"'), packed);
  assert.ok(packed.includes('"~":["start","end","text","label"]'), packed);
  assert.equal(unpackAnalysisJson(json, TEXT), json);
});

test('gdeltRow: dates of a day, a month or none; actor types; the event id from the story id', () => {
  const ref = (code: string | null, country: string | null) => ({
    key: `k:${code}`,
    name: 'Ville de Nantes',
    type: 'ORGANIZATION' as const,
    actor: null,
    country,
    code,
  });
  const story = (date: string | null, extra: object = {}) =>
    Object.assign(
      {
        id: 'abcdef0123456789',
        code: '0431',
        root: '04',
        label: 'l',
        quadClass: 1 as const,
        goldstein: 2.8,
        date,
        modality: 'asserted' as const,
        source: ref('FRAGOV', 'FRA'),
        target: ref('ITA', null),
        numReports: 3,
        numArticles: 2,
        numSources: 2,
        reports: [
          { document: 'd2', url: null },
          { document: 'd1', url: 'https://example.org/b' },
          { document: 'd2', url: 'https://example.org/c' },
        ],
      },
      extra,
    ) as unknown as Parameters<typeof gdeltRow>[0];
  const day = gdeltRow(story('2024-03-05', { _isRoot: true, _added: '2024-03-06T07:08:09.123Z' }));
  assert.deepEqual(
    [day.GlobalEventID, day.SQLDATE, day.MonthYear, day.Year, day.FractionDate, day.IsRootEvent, day.DATEADDED],
    [parseInt('abcdef0123456', 16), '20240305', '202403', 2024, 2024.1781, 1, '20240306070809'],
  );
  assert.deepEqual(
    [day.Actor1Code, day.Actor1Name, day.Actor1CountryCode, day.Actor1Type1Code, day.Actor2Code, day.Actor2CountryCode, day.Actor2Type1Code],
    ['FRAGOV', 'VILLE DE NANTES', 'FRA', 'GOV', 'ITA', null, 'ITA'],
  );
  assert.deepEqual(
    [day.EventCode, day.EventBaseCode, day.EventRootCode, day.SOURCEURL, day.Documents],
    ['0431', '043', '04', 'https://example.org/b', 'd2 d1'],
  );
  const month = gdeltRow(story('2024-03'));
  assert.deepEqual(
    [month.SQLDATE, month.MonthYear, month.Year, month.FractionDate, month.IsRootEvent, month.DATEADDED],
    ['20240301', '202403', 2024, 2024.1671, 0, null],
  );
  const year = gdeltRow(story('2024'));
  assert.deepEqual([year.SQLDATE, year.MonthYear, year.FractionDate], ['20240101', '202401', 2024.0027]);
  const none = gdeltRow(story(null));
  assert.deepEqual([none.SQLDATE, none.MonthYear, none.Year, none.FractionDate], [null, null, null, null]);
});
