// The document id is the store's key: the same article written another way (CRLF, a trailing
// newline, NFD accents, another header) must keep its id, or the store gets duplicates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleId, documentId } from '../src/document-id.js';
import { parseHeader } from '../src/ingest/header.js';
import { getAnalyzer } from './helpers/store-fixtures.js';

const BODY = 'La ministre française a reçu jeudi à Paris son homologue sénégalaise.\n\nElles ont évoqué la coopération économique.';

test('document id: CRLF, trailing newlines, NFD text and spacing give the same id; other text another', () => {
  const id = documentId(BODY);
  assert.match(id, /^[0-9a-f]{16}$/);
  const variants = {
    crlf: BODY.replace(/\n/g, '\r\n'),
    'trailing newline': BODY + '\n',
    'leading and trailing blanks': '\n  ' + BODY + ' \r\n\r\n',
    nfd: BODY.normalize('NFD'),
    'double spaces': BODY.replace(/ /g, '  '),
  };
  assert.notEqual(variants.nfd, BODY, 'the NFD variant differs in code units');
  for (const [name, text] of Object.entries(variants)) assert.equal(documentId(text), id, name);
  assert.notEqual(documentId(BODY.replace('jeudi', 'vendredi')), id);
  assert.notEqual(documentId(BODY.replace('française', 'francaise')), id, 'an accent is part of the text');
});

test('document id: an article is keyed by its body, whatever its header', () => {
  const a = parseHeader(`date 2024-03-07\nsource AFP\n\n${BODY}\n`);
  const b = parseHeader(`date 2024-03-07\r\nsource Le Monde\r\ntitle Visite\r\n\r\n${BODY.replace(/\n/g, '\r\n')}`);
  assert.ok(a.bodyStart! > 0 && b.bodyStart! > 0);
  assert.equal(articleId(a), documentId(BODY));
  assert.equal(articleId(b), documentId(BODY));
  assert.equal(articleId({ text: BODY }), documentId(BODY));
});

test('document id: analyze() gives every variant of one article the same document.id', async () => {
  const analyzer = await getAnalyzer();
  const ids = [BODY, BODY.replace(/\n/g, '\r\n') + '\r\n', BODY.normalize('NFD')].map(
    (text) => analyzer.analyze({ text, published: '2024-03-07' }).document.id,
  );
  assert.deepEqual(ids, [documentId(BODY), documentId(BODY), documentId(BODY)]);
  const headed = analyzer.analyze(parseHeader(`date 2024-03-07\nsource AFP\n\n${BODY}`));
  assert.equal(headed.document.id, documentId(BODY), 'the header is not part of the id');
});
