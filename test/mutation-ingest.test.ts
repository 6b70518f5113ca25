// Ingest's readers, branch by branch: the encodings told apart without a BOM, what counts as
// binary, the header's fields and its end, the HTML page's metadata in the order it is looked up,
// and the file reader's errors. Written against the mutants that survived `npm run mutate --
// src/ingest`; every input is a sentence written for this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBytes, decodeWindows1252, InputError, isValidUtf8 } from '../src/ingest/decode.js';
import { normaliseDate, parseHeader } from '../src/ingest/header.js';
import { looksLikeHtml, readHtml } from '../src/ingest/html.js';
import { boundDepth, nestingDepth } from '../src/ingest/depth.js';
import { MAX_BYTES, readArticleBytes, readArticleFile } from '../src/ingest/read.js';

const PROSE = 'Le conseil municipal a voté le budget des écoles après un long débat sur les cantines.';
const LONG_PARAGRAPH =
  'La commission régionale a présenté jeudi son rapport sur les transports, qui recommande de rouvrir deux lignes ferroviaires fermées depuis vingt ans et de doubler la fréquence des cars.';

test('UTF-16 without a BOM is recognised by its NUL bytes, little- and big-endian', () => {
  const text = 'Bonjour, voici le compte rendu de la réunion.';
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  assert.deepEqual(decodeBytes(le), { text, encoding: 'utf-16le' });
  assert.deepEqual(decodeBytes(be), { text, encoding: 'utf-16be' });
  // a short UTF-8 text is UTF-8, not UTF-16, even with no NUL at all
  assert.deepEqual(decodeBytes(Buffer.from('Oui.')), { text: 'Oui.', encoding: 'utf-8' });
});

test('a BOM is dropped from the text and names the encoding', () => {
  assert.deepEqual(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x4f, 0x6b])), { text: 'Ok', encoding: 'utf-8' });
  assert.deepEqual(decodeBytes(Buffer.from([0xff, 0xfe, 0x4f, 0x00, 0x6b, 0x00])), { text: 'Ok', encoding: 'utf-16le' });
  assert.deepEqual(decodeBytes(Buffer.from([0xfe, 0xff, 0x00, 0x4f, 0x00, 0x6b])), { text: 'Ok', encoding: 'utf-16be' });
  // 0xEF 0xBB without the third byte is no BOM: the bytes are not UTF-8, so Windows-1252
  assert.deepEqual(decodeBytes(Buffer.from([0xef, 0xbb, 0x41])), { text: 'ï»A', encoding: 'windows-1252' });
  // 0xFF alone (no 0xFE after it) is no UTF-16 BOM either
  assert.equal(decodeBytes(Buffer.from([0xff, 0x41, 0x42])).encoding, 'windows-1252');
  assert.equal(decodeBytes(Buffer.from([0xfe, 0x41, 0x42])).encoding, 'windows-1252');
});

test('binary data: any NUL in UTF-8, more than 5 % control bytes, escape and layout controls allowed', () => {
  const file = 'x.bin';
  const isBinary = (b: Buffer) =>
    assert.throws(
      () => decodeBytes(b, file),
      (e: unknown) => e instanceof InputError && e.message === 'x.bin: binary data, not text (NUL or control bytes)',
    );
  isBinary(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x00, 0x42, 0x43]));
  // 2 control bytes in 20 (10 %) are binary; 1 in 40 (2.5 %) is not
  isBinary(Buffer.concat([Buffer.from([0x01, 0x02]), Buffer.from('a'.repeat(18))]));
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0x01]), Buffer.from('a'.repeat(39))])).text.length, 40);
  // exactly 5 %: 1 in 20 is still text
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0x02]), Buffer.from('b'.repeat(19))])).text.length, 20);
  // tab, new line, vertical tab, form feed, carriage return and escape are not counted
  const layout = Buffer.from('\t\n\u000b\f\r\u001b'.repeat(4) + 'texte');
  assert.equal(decodeBytes(layout).text, '\t\n\u000b\f\r\u001b'.repeat(4) + 'texte');
  // 0x08 and 0x0E, 0x1F on either side of the allowed range are counted
  isBinary(Buffer.from('\u0008\u000e\u001faaaaaaaaa'));
  // UTF-16 whose text holds control characters is binary
  assert.throws(
    () => decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab\u0001cd', 'utf16le')]), 'u.txt'),
    /^InputError: u\.txt: binary data, not text$|u\.txt: binary data, not text$/,
  );
  // invalid UTF-16 (a lone high surrogate) is named as such
  assert.throws(() => decodeBytes(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'v.txt'), /v\.txt: not valid utf-16le text/);
});

test('Windows-1252 maps 0x80–0x9F to its own characters, Latin-1 elsewhere, in chunks', () => {
  assert.equal(decodeWindows1252(Buffer.from([0x80, 0x85, 0x8c, 0x92, 0x93, 0x94, 0x96, 0x9c, 0x9f])), '€…Œ’“”–œŸ');
  assert.equal(decodeWindows1252(Buffer.from([0x7f, 0xa0, 0xe9, 0xff])), '\u007f\u00a0éÿ');
  // longer than one chunk (8192 bytes): nothing lost at the seam
  const big = Buffer.alloc(8192 * 2 + 5, 0xe9);
  big[8191] = 0x80;
  big[8192] = 0x9c;
  const text = decodeWindows1252(big);
  assert.equal(text.length, big.length);
  assert.equal(text[8191], '€');
  assert.equal(text[8192], 'œ');
  assert.equal(text.at(-1), 'é');
  assert.equal(isValidUtf8(Buffer.from('déjà', 'utf8')), true);
  assert.equal(isValidUtf8(Buffer.from([0x64, 0xe9, 0x6a])), false);
});

test('header: fields, language codes, bracketed notes, and a header that ends without a blank line', () => {
  const a = parseHeader('date 2024-05-06\nsource La Gazette du Port [édition du soir]\nurl https://example.org/a\nlanguage fr\n\nCorps.');
  assert.equal(a.source, 'La Gazette du Port');
  assert.equal(a.url, 'https://example.org/a');
  assert.equal(a.language, 'fr');
  assert.equal(a.published, '2024-05-06');
  assert.equal(a.text.slice(a.bodyStart!), 'Corps.');
  assert.equal(parseHeader('language French\n\nCorps.').language, null);
  assert.equal(parseHeader('language fra\n\nCorps.').language, 'fra');
  assert.equal(parseHeader('source \n\nCorps.').source, undefined, 'a key without a value is no header line');
  assert.equal(parseHeader('source [inconnue]\n\nCorps.').source, null);
  // the header stops at the first line that is not `key value`
  const b = parseHeader('date 2024-05-06\nsource Le Courrier\nLe maire a inauguré la médiathèque.');
  assert.equal(b.source, 'Le Courrier');
  assert.equal(b.text.slice(b.bodyStart!), 'Le maire a inauguré la médiathèque.');
  const c = parseHeader('date 2024-05-06\nauthor Quelqu’un\n\nCorps.');
  assert.equal(c.text.slice(c.bodyStart!), 'author Quelqu’un\n\nCorps.');
  // CRLF line ends and leading blank lines
  const d = parseHeader('\r\n\r\ndate 2024-05-06\r\ntitle Un titre\r\n\r\nCorps.');
  assert.equal(d.title, 'Un titre');
  assert.equal(d.text.slice(d.bodyStart!), 'Corps.');
  // a header with no body at all
  const e = parseHeader('date 2024-05-06\nsource Le Courrier');
  assert.equal(e.source, 'Le Courrier');
  assert.equal(e.bodyStart, 0);
  const f = parseHeader('date 2024-05-06\n\n');
  assert.equal(f.bodyStart, f.text.length);
  // a text whose first line is not a header keeps everything as body
  const g = parseHeader('\n\nBonjour tout le monde.\n\nSuite.');
  assert.equal(g.bodyStart, 0);
  // the one-line form needs text after the date on the same line
  const h = parseHeader('date 2024-05\nsource X\n\nCorps.');
  assert.equal(h.published, '2024-05');
  assert.equal(h.source, 'X');
  assert.equal(parseHeader('date 2024 Le texte commence ici.').published, '2024');
});

test('header dates: impossible ones are errors naming the value, metadata dates are normalised', () => {
  assert.throws(() => parseHeader('date 2024-02-30\n\nCorps.'), /header date/);
  assert.throws(
    () => readArticleBytes(Buffer.from('date 2024-13-01\n\nCorps.'), 'bad.txt'),
    (e: unknown) => e instanceof InputError && /^bad\.txt: header date/.test(e.message),
  );
  assert.equal(normaliseDate('2024-05-06T08:00:00Z'), '2024-05-06');
  assert.equal(normaliseDate(''), null);
  assert.equal(normaliseDate(undefined), null);
  assert.throws(() => normaliseDate('2024-02-31'));
});

test('HTML is recognised by its opening tag or by a closing block tag', () => {
  for (const t of ['<!DOCTYPE html><p>x', '  <html lang="fr">', '<head>', '<body>', '<article>x', 'Texte<p>un</p>', 'a</div>', '</body>', '</html>'])
    assert.equal(looksLikeHtml(t), true, t);
  for (const t of ['<htmlx>', 'Le <b>gras</b> seul', 'x < y et y > z', `${'a'.repeat(20001)}</p>`]) assert.equal(looksLikeHtml(t), false, t);
  // a file named .html is read as HTML even when it does not look like it; a hint overrides both
  const page = `<div>${LONG_PARAGRAPH}</div>`;
  assert.equal(readArticleBytes(Buffer.from(`<b>${LONG_PARAGRAPH}</b>`), 'page.HTM').text, LONG_PARAGRAPH);
  assert.equal(readArticleBytes(Buffer.from(page), 'page.txt', 'text').text, page);
  assert.equal(readArticleBytes(Buffer.from(`<b>${LONG_PARAGRAPH}</b>`), 'page.txt', 'html').text, LONG_PARAGRAPH);
  assert.equal(readArticleBytes(Buffer.from(`<b>${LONG_PARAGRAPH}</b>`), 'page.xhtml').text, LONG_PARAGRAPH);
});

const page = (head: string, body = `<article><p>${LONG_PARAGRAPH}</p><p>${PROSE} ${PROSE}</p></article>`, lang = 'fr') =>
  `<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;

test('HTML metadata: each source of the date, title, address and site, in order', () => {
  const date = (head: string) => readHtml(page(head)).published;
  assert.equal(date('<meta name="date" content="2024-03-04">'), '2024-03-04');
  assert.equal(date('<meta name="pubdate" content="2024-03-05">'), '2024-03-05');
  assert.equal(date('<meta itemprop="datePublished" content="2024-03-06">'), '2024-03-06');
  assert.equal(date('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-07"}</script>'), '2024-03-07');
  assert.equal(date('<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"datePublished":"2024-03-08"}]}</script>'), '2024-03-08');
  assert.equal(date('<script type="application/ld+json">[{"headline":"H","datePublished":"2024-03-09"}]</script>'), '2024-03-09');
  assert.equal(date('<script type="application/ld+json">{not json</script><meta name="date" content="2024-03-10">'), '2024-03-10');
  assert.equal(readHtml(page('', `<article><time datetime="2024-03-11">11 mars</time><p>${LONG_PARAGRAPH}</p></article>`)).published, '2024-03-11');
  assert.equal(date(''), null);
  // the first source wins
  assert.equal(date('<meta name="date" content="2024-01-01"><meta property="article:published_time" content="2024-02-02">'), '2024-02-02');
  assert.equal(date('<meta name="pubdate" content="2024-01-01"><meta name="date" content="2024-02-03">'), '2024-02-03');
  assert.equal(date('<meta  content="  2024-02-04  " name="date">'), '2024-02-04');
  assert.throws(
    () => readHtml(page('<meta name="date" content="2024-02-31">'), 'p.html'),
    (e: unknown) => e instanceof InputError && /^p\.html: the page's publication date: /.test(e.message),
  );

  const a = readHtml(
    page(
      '<title> Titre de l’onglet </title><meta property="og:url" content="https://example.org/og"><link rel="canonical" href="https://example.org/canon"><meta property="og:site_name" content="La Gazette">',
    ),
  );
  assert.equal(a.title, 'Titre de l’onglet');
  assert.equal(a.url, 'https://example.org/og');
  assert.equal(a.source, 'La Gazette');
  assert.equal(a.language, 'fr');
  assert.equal(a.bodyStart, 0);
  const b = readHtml(
    page('<link rel="canonical" href="https://example.org/canon"><script type="application/ld+json">{"headline":"Le titre JSON-LD"}</script>'),
  );
  assert.equal(b.url, 'https://example.org/canon');
  assert.equal(b.title, 'Le titre JSON-LD');
  assert.equal(b.source, null);
  const c = readHtml(page('', undefined, 'en-GB'));
  assert.equal(c.language, 'en');
  assert.equal(c.title, null);
  assert.equal(c.url, null);
  assert.equal(readHtml(page('', undefined, '')).language, null);
  assert.equal(readHtml(page('', undefined, '1x')).language, null);
});

test('HTML text: one paragraph per innermost block, spaces collapsed; pages without <html> and without Readability text', () => {
  const a = readHtml(
    page(
      '',
      `<article><p>${LONG_PARAGRAPH}</p><ul><li>Premier   point\n de la liste.</li><li>Second point.</li></ul><blockquote><p>${PROSE}</p></blockquote></article>`,
    ),
  );
  assert.equal(a.text, [LONG_PARAGRAPH, 'Premier point de la liste.', 'Second point.', PROSE].join('\n\n'));
  // a fragment with no <html>: wrapped, and read as well
  const b = readHtml(`<p>${LONG_PARAGRAPH}</p><p>${PROSE}</p>`);
  assert.equal(b.text, `${LONG_PARAGRAPH}\n\n${PROSE}`);
  // too short for Readability: the body's blocks, without navigation, scripts and footers
  const c = readHtml(
    '<html><body><nav>Menu</nav><header>Haut</header><p>Court.</p><script>var x;</script><aside>Pub</aside><footer>Bas</footer></body></html>',
  );
  assert.equal(c.text, 'Court.');
  // no block at all: the whole body's text
  assert.equal(readHtml('<html><body><span>Un   texte</span> <b>nu</b></body></html>').text, 'Un texte nu');
  assert.throws(
    () => readHtml('<html><body><p>  </p><style>p { color: red }</style></body></html>', 'vide.html'),
    (e: unknown) => e instanceof InputError && e.message === 'vide.html: the HTML page has no article text',
  );
});

test('files: a directory, a missing file and an oversized input are InputErrors naming the path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readout-mut-ingest-'));
  try {
    mkdirSync(join(dir, 'sub'));
    assert.throws(
      () => readArticleFile(join(dir, 'sub')),
      (e: unknown) => e instanceof InputError && e.message === `${join(dir, 'sub')}: is a directory (use \`readout ingest\` for folders)`,
    );
    assert.throws(
      () => readArticleFile(join(dir, 'absent.txt')),
      (e: unknown) => e instanceof InputError && e.message === `${join(dir, 'absent.txt')}: cannot be read (ENOENT)`,
    );
    const file = join(dir, 'a.txt');
    writeFileSync(file, `date 2024-05-06\ntitle Une note\n\n${PROSE}`);
    const a = readArticleFile(file);
    assert.equal(a.title, 'Une note');
    assert.equal(a.text.slice(a.bodyStart!), PROSE);
    const html = join(dir, 'b.html');
    writeFileSync(html, `<b>${LONG_PARAGRAPH}</b>`);
    assert.equal(readArticleFile(html).text, LONG_PARAGRAPH);
    assert.equal(MAX_BYTES, 50 * 1024 * 1024);
    const big = { length: MAX_BYTES + 1 } as unknown as Uint8Array;
    assert.throws(
      () => readArticleBytes(big, 'big.txt'),
      (e: unknown) => e instanceof InputError && e.message === `big.txt: too large (${MAX_BYTES + 1} bytes; the limit is ${MAX_BYTES})`,
    );
    // exactly the limit is allowed through to decoding
    const atLimit = new Uint8Array(0);
    Object.defineProperty(atLimit, 'length', { value: MAX_BYTES });
    assert.throws(
      () => readArticleBytes(atLimit, 'limit.txt'),
      (e: unknown) => e instanceof InputError && !/too large/.test(e.message),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('edge cases the first mutation run left: short NUL-led input, Windows-1252 control bytes, UTF-16 controls past the first 4,096 characters', () => {
  // two or three bytes are too short to be taken for UTF-16: a NUL there is binary UTF-8
  assert.throws(() => decodeBytes(Buffer.from([0x00, 0x41]), 's.bin'), /s\.bin: binary data/);
  assert.throws(() => decodeBytes(Buffer.from([0x41, 0x00, 0x42]), 't.bin'), /t\.bin: binary data/);
  // bytes that are not UTF-8 (so Windows-1252) with many control bytes are binary too
  assert.throws(() => decodeBytes(Buffer.from([0xe9, 0x01, 0x02, 0x03, 0x04, 0x41, 0x42]), 'w.bin'), /w\.bin: binary data, not text \(NUL or control bytes\)/);
  // only the first 4,096 characters of UTF-16 are checked for control characters
  const late = 'a'.repeat(4500) + '\u0001' + 'b';
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(late, 'utf16le')])).text, late);
});

test('depth: every void element leaves the nesting as it is; closing an element frees its level for its siblings', () => {
  for (const t of ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command'])
    assert.equal(nestingDepth(`<div><${t}><p>x</p></div>`), 2, t);
  assert.equal(boundDepth('<a><b>x</b><c><d>y</d></c></a>', 2), '<a><b>x</b><c>y</c></a>');
  // a fragment too short for Readability: the wrapped body's text
  assert.equal(readHtml('<p>Court.</p>').text, 'Court.');
});

// ---- the survivors of the sample of 100 (`--sample 100 --seed 14`)

test('UTF-16 without a BOM: a NUL byte just past the first 4,096 bytes does not change the guess', () => {
  // 2,048 characters fill the 4,096 bytes looked at; the next one, U+4E00, starts with a NUL byte in UTF-16 LE
  const text = 'a'.repeat(2048) + '一 est le premier caractère.';
  assert.deepEqual(decodeBytes(Buffer.from(text, 'utf16le')), { text, encoding: 'utf-16le' });
});

test('the one-line header form: a body line ending in "date … " does not turn it into a block header', () => {
  const text = 'date 2023-02 Le vote aura lieu à une date limite\nfixée par le conseil municipal.';
  const a = parseHeader(text);
  assert.equal(a.published, '2023-02');
  assert.equal(text.slice(a.bodyStart), 'Le vote aura lieu à une date limite\nfixée par le conseil municipal.');
});

test('header values: a bracketed note is dropped only at the very end; a line with a line separator is no header line', () => {
  const a = parseHeader('url https://example.org/recherche?tags[]=budget\ntitle Budget voté [mise à jour]\n\nLe budget est voté.');
  assert.equal(a.url, 'https://example.org/recherche?tags[]=budget');
  assert.equal(a.title, 'Budget voté');
  // U+2028 is no line end for the header reader: the line is not `key value`, so no header at all
  const b = parseHeader('title Budget\u2028voté\n\nLe budget est voté.');
  assert.equal(b.title, undefined);
  assert.equal(b.bodyStart, 0);
});

test('HTML: a meta tag without content, text Readability leaves out, a page Readability cannot read', () => {
  const page = `<html><head><meta property="og:title"><title>Trains régionaux</title><meta property="og:url"></head><body><article><h1>Trains</h1><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p></article><div class="sidebar"><p>Abonnez-vous à notre lettre du matin.</p></div></body></html>`;
  const a = readHtml(page);
  // og:title present but empty: the <title> is used, not an error
  assert.equal(a.title, 'Trains régionaux');
  assert.equal(a.url, null);
  // Readability's article (its heading, the page's title, left out), without the sidebar the whole page would add
  assert.equal(a.text, `${LONG_PARAGRAPH}\n\n${LONG_PARAGRAPH}`);
  // nothing Readability takes as an article: the text of the page itself
  assert.equal(readHtml('<button>Envoyer le formulaire de la mairie</button>').text, 'Envoyer le formulaire de la mairie');
});

test('depth: tags inside processing instructions and CDATA with spaces are not elements; an end tag closes what it skips', () => {
  assert.equal(nestingDepth('<?php echo "<div>"; ?><p>x</p>'), 1);
  assert.equal(nestingDepth('<svg><![CDATA[ a > b <div><div> ]]></svg>'), 1);
  // quoted attribute values, with or without a '>' inside, leave the tag a tag
  assert.equal(nestingDepth('<div class="page"><p title="a > b">x</p></div>'), 2);
  assert.equal(nestingDepth("<div class='page'><p>x</p></div>"), 2);
  // </section> closes the <p> left open inside it: the second section is at the top level again
  assert.equal(boundDepth('<section><p>a</section><section><em>b</em></section>', 1), '<section>a</section><section>b</section>');
});
