// The store's rows from one hand-made analysis (src/store/rows.ts → toRows): which of the analysis
// and the article gives the title, source, address and date; the lead paragraph (GDELT's
// IsRootEvent); the evidence text; actors kept once; keys of quotes and events without a speaker,
// source or target; compression round trips. Written against the mutants that survived
// `npm run mutate -- src/store`; the text is written for this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis } from '../src/analysis.js';
import { IdCollisionError, parseAnalysis, storedText, toRows, upperBound } from '../src/store/rows.js';
import { articleHash } from '../src/document-id.js';

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
