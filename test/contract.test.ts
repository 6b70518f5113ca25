// The contract's invariants on real text: schema-valid output, every span reproduces its text,
// byte-identical output for the same input, no network access while analysing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import dns from 'node:dns';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Analysis } from '../src/analysis.js';
import { readArticleFile } from '../src/ingest/read.js';
import { REPO, GOLD, HAS_SHARED, SKIP_SHARED, sharedAnalyzer } from './helpers/shared.js';

const schema = JSON.parse(readFileSync(`${REPO}src/contract/analysis.schema.json`, 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const examples = readdirSync(`${REPO}examples`)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => `${REPO}examples/${f}`);
const golds = HAS_SHARED
  ? readdirSync(GOLD)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => `${GOLD}${f}`)
  : [];

function checkSpans(text: string, a: Analysis, file: string): void {
  for (const e of a.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text, `${file}: mention of ${e.name}`);
  for (const q of a.quotes) assert.equal(text.slice(q.start, q.end), q.text, `${file}: quote ${q.id}`);
  for (const s of a.segments) assert.ok(s.start >= 0 && s.end <= text.length && s.start <= s.end, `${file}: segment`);
  for (const v of a.events)
    assert.ok(v.evidence.start >= 0 && v.evidence.end <= text.length && v.evidence.start < v.evidence.end, `${file}: evidence of ${v.id}`);
  const ids = new Set(a.entities.map((e) => e.id));
  for (const q of a.quotes) if (q.speaker) assert.ok(ids.has(q.speaker), `${file}: speaker ${q.speaker} is an entity`);
  for (const v of a.events) for (const r of [v.source, v.target, v.location]) if (r) assert.ok(ids.has(r), `${file}: event actor ${r} is an entity`);
}

test('the bundled examples give schema-valid output whose spans reproduce their text', async () => {
  const analyzer = await sharedAnalyzer();
  assert.ok(examples.length >= 10, 'the bundled corpus has articles');
  let entities = 0;
  for (const file of examples) {
    const article = readArticleFile(file);
    const a = analyzer.analyze(article);
    assert.ok(validate(a), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    checkSpans(article.text, a, file);
    entities += a.entities.length;
  }
  assert.ok(entities > examples.length * 3, 'entities are found in the examples');
});

test('the gold articles give schema-valid output whose spans reproduce their text', { skip: SKIP_SHARED }, async () => {
  const analyzer = await sharedAnalyzer();
  for (const file of golds) {
    const article = readArticleFile(file);
    const a = analyzer.analyze(article);
    assert.ok(validate(a), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    checkSpans(article.text, a, file);
  }
});

test('the seed: published 2023-02, French, with the embedded post as an English segment', { skip: SKIP_SHARED }, async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze(readArticleFile(`${GOLD}seed.txt`));
  assert.equal(a.document.published, '2023-02');
  assert.equal(a.document.language, 'fr');
  const post = a.segments.find((s) => s.kind === 'post');
  assert.ok(post, 'the post is a segment');
  assert.equal(post.language, 'en');
  const blinken = a.entities.find((e) => e.name === 'Antony Blinken');
  assert.ok(blinken, 'Antony Blinken is found');
  assert.equal(blinken.country, 'USA');
  assert.equal(blinken.role, 'Secretary of State');
  assert.ok(
    blinken.mentions.some((m) => /secrétaire d.[EÉ]tat américain/.test(m.text)),
    'the role description is his',
  );
});

test('the same input gives byte-identical output', async () => {
  const analyzer = await sharedAnalyzer();
  for (const file of examples.slice(0, 12)) {
    const one = JSON.stringify(analyzer.analyze(readArticleFile(file)));
    const two = JSON.stringify(analyzer.analyze(readArticleFile(file)));
    assert.equal(one, two, file);
  }
});

test('analysing never opens a network connection', async () => {
  const analyzer = await sharedAnalyzer();
  const attempts: string[] = [];
  const connect = net.Socket.prototype.connect;
  const lookup = dns.lookup;
  net.Socket.prototype.connect = function (...args: unknown[]) {
    attempts.push(`connect ${JSON.stringify(args[0])}`);
    throw new Error('network access during analysis');
  } as typeof connect;
  (dns as { lookup: unknown }).lookup = (...args: unknown[]) => {
    attempts.push(`lookup ${String(args[0])}`);
    throw new Error('DNS during analysis');
  };
  try {
    for (const file of examples.slice(0, 8)) analyzer.analyze(readArticleFile(file));
  } finally {
    net.Socket.prototype.connect = connect;
    (dns as { lookup: unknown }).lookup = lookup;
  }
  assert.deepEqual(attempts, []);
});
