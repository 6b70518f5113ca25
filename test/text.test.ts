import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, InputError } from '../src/ingest/decode.js';
import { parseHeader } from '../src/ingest/header.js';
import { readArticleBytes } from '../src/ingest/read.js';
import { sharedAnalyzer } from './helpers/shared.js';

const DISPATCH = `date 2023-03-15
source Agence illustrative
title Le chef de la diplomatie française à Alger

M. Dupont, qui effectue une visite de deux jours en Algérie, s’est entretenu avec son homologue. Mme Martin l’a accompagné.

Le ministre a salué « l’engagement » de l’Algérie, selon un communiqué diffusé à Paris.`;

test('UTF-8 with and without BOM, UTF-16 LE/BE with BOM, and Windows-1252 are decoded', () => {
  const text = 'Élysée : « Déclaration » du Président — naïve façon';
  const utf8 = Buffer.from(text, 'utf8');
  assert.equal(decodeBytes(utf8).text, text);
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])).text, text);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  assert.equal(decodeBytes(le).encoding, 'utf-16le');
  assert.equal(decodeBytes(le).text, text);
  const be = Buffer.from(Buffer.from(text, 'utf16le')).swap16();
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text, text);
  // Windows-1252: É = 0xC9, « = 0xAB, » = 0xBB, — = 0x97, ï = 0xEF, ç = 0xE7
  const cp1252 = Buffer.from([0xc9, 0x6c, 0x79, 0x73, 0xe9, 0x65, 0x20, 0xab, 0x20, 0x4f, 0x4b, 0x20, 0xbb, 0x20, 0x97, 0x20, 0x66, 0x61, 0xe7, 0x6f, 0x6e]);
  const d = decodeBytes(cp1252);
  assert.equal(d.encoding, 'windows-1252');
  assert.equal(d.text, 'Élysée « OK » — façon');
});

test('unreadable input is an InputError naming the file and the problem', () => {
  assert.throws(
    () => decodeBytes(Buffer.alloc(0), 'a.txt'),
    (e: unknown) => e instanceof InputError && /a\.txt: the file is empty/.test(e.message),
  );
  assert.throws(() => decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), 'b.zip'), /b\.zip: binary data/);
  assert.throws(() => decodeBytes(Buffer.from('   \n\n  '), 'c.txt'), /c\.txt: the file holds only white space/);
  assert.throws(() => readArticleBytes(Buffer.from('<html><body><script>x()</script></body></html>'), 'd.html'), /d\.html: the HTML page has no article text/);
});

test('headers: the key-value block and the one-line form', () => {
  const a = parseHeader(DISPATCH);
  assert.equal(a.published, '2023-03-15');
  assert.equal(a.title, 'Le chef de la diplomatie française à Alger');
  assert.ok(a.text.slice(a.bodyStart!).startsWith('M. Dupont'));
  const b = parseHeader(' date 2023-02 M. Blinken a appelé M. Bourita.');
  assert.equal(b.published, '2023-02');
  assert.equal(b.text.slice(b.bodyStart!), 'M. Blinken a appelé M. Bourita.');
  const c = parseHeader('date 2021-08-11\nsource X\nurl [not returned]\ntitle [not returned by source] slug\n\nBody.');
  assert.equal(c.url, null);
  assert.equal(c.title, null);
  const none = parseHeader('Le Maroc et les États-Unis ont signé un accord.');
  assert.equal(none.bodyStart, 0);
  assert.equal(none.published, undefined);
});

test('HTML: main text through Readability, title and date from the metadata', () => {
  const html = `<!doctype html><html lang="fr"><head><title>Site</title>
    <meta property="og:title" content="Rabat et Washington renforcent leur coopération">
    <meta property="article:published_time" content="2023-02-01T18:20:00Z"></head>
    <body><nav>Accueil | Monde | Sport</nav><article><h1>Rabat et Washington</h1>
    <p>Le secrétaire d'État américain Antony Blinken s'est entretenu mercredi avec son homologue marocain Nasser Bourita, a annoncé le département d'État dans un communiqué publié à Washington.</p>
    <p>Les deux responsables ont évoqué la coopération sécuritaire et la situation au Proche-Orient, selon la même source, qui a salué le rôle du Maroc dans la région.</p>
    </article><footer>© Journal</footer></body></html>`;
  const a = readArticleBytes(Buffer.from(html), 'page.html');
  assert.equal(a.title, 'Rabat et Washington renforcent leur coopération');
  assert.equal(a.published, '2023-02-01');
  assert.equal(a.language, 'fr');
  assert.match(a.text, /Antony Blinken s'est entretenu/);
  assert.doesNotMatch(a.text, /Accueil \| Monde/);
  assert.match(a.text, /\n\n/); // one paragraph per block
});

test('segments, posts, sentences and tokens keep offsets into the original text', async () => {
  const analyzer = await sharedAnalyzer();
  const post =
    'Met Foreign Minister Nasser Bourita in Washington to review our work together on migration and trade. — Secretary Antony Blinken (@SecBlinken) February 1, 2023';
  const text = `${DISPATCH}\n\n${post}\n\nLe porte-parole du département d’État, M. Price, a déclaré que les États-Unis « apprécient » le rôle du Maroc. Il n’a pas donné de détails.`;
  const doc = analyzer.analyzeDoc(parseHeader(text));
  assert.equal(doc.language, 'fr');
  const kinds = doc.segments.map((s) => s.kind);
  assert.deepEqual(kinds, ['header', 'paragraph', 'paragraph', 'post', 'paragraph']);
  const p = doc.segments[3]!;
  assert.equal(p.language, 'en');
  assert.equal(p.post!.handle, '@SecBlinken');
  assert.equal(p.post!.author, 'Secretary Antony Blinken');
  assert.equal(text.slice(p.post!.authorStart, p.post!.authorEnd), 'Secretary Antony Blinken');
  assert.equal(p.post!.dateText, 'February 1, 2023');
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  for (const s of doc.segments) assert.equal(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
  // "M. Dupont" and "Mme Martin" do not end sentences; the elided article is its own token
  const first = doc.sentences.find((s) => text.slice(s.start, s.end).startsWith('M. Dupont'))!;
  assert.ok(text.slice(first.start, first.end).endsWith('son homologue.'), text.slice(first.start, first.end));
  assert.ok(
    doc.tokens.some((t) => t.text === 'l’'),
    'French elision l’ is a token',
  );
  assert.ok(doc.tokens.some((t) => t.text === 'n’'));
  assert.ok(doc.tokens.some((t) => t.text === '@SecBlinken' && t.kind === 'handle'));
  const last = doc.sentences.at(-1)!;
  assert.equal(text.slice(last.start, last.end), 'Il n’a pas donné de détails.');
});

test('English abbreviations and dotted acronyms do not split sentences', async () => {
  const analyzer = await sharedAnalyzer();
  const text = 'U.S. Secretary of State Mike Pompeo met Mr. Zarif on Feb. 3 in Geneva. Dr. Smith said the talks would resume. They did not.';
  const doc = analyzer.analyzeDoc({ text });
  assert.deepEqual(
    doc.sentences.map((s) => text.slice(s.start, s.end)),
    ['U.S. Secretary of State Mike Pompeo met Mr. Zarif on Feb. 3 in Geneva.', 'Dr. Smith said the talks would resume.', 'They did not.'],
  );
  assert.equal(doc.language, 'en');
});
