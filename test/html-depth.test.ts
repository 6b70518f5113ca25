// Pathological HTML: deep nesting (7,000 <div>s), unclosed tags, wide pages. The reader's work grows
// linearly with the page (measured as CPU time, see helpers/growth.ts), the text is kept, and pages
// within the depth bound are read exactly as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHtml } from '../src/ingest/html.js';
import { boundDepth, nestingDepth, MAX_DEPTH } from '../src/ingest/depth.js';
import { growth } from './helpers/growth.js';

const SENTENCE = '<p>La France a condamné la Russie mardi soir à Paris, selon un communiqué du ministère.</p>';
const nested = (n: number, inner = SENTENCE.repeat(3)) => `<html><body>${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}</body></html>`;

test('7,000 nested <div>s (77 KB) are read, the text kept', () => {
  const page = nested(7000);
  assert.ok(page.length > 77_000);
  const a = readHtml(page, 'deep.html');
  assert.match(a.text, /La France a condamné la Russie/);
  assert.equal(nestingDepth(boundDepth(page)), MAX_DEPTH);
});

test('nesting depth: counted in one pass; comments, scripts, void and self-closing tags do not count', () => {
  assert.equal(nestingDepth('<div><p>a<br>b<img src="x>y"/></p><!-- <div><div> --><script>"<div><div><div>"</script></div>'), 2);
  const page = '<html><body><div class="a">x</div></body></html>';
  assert.equal(boundDepth(page), page, 'a page within the bound is untouched');
  assert.equal(boundDepth('<a><b><c><d>t</d></c></b></a>', 2), '<a><b>t</b></a>');
  // unclosed tags nest too; the bound still holds
  assert.ok(nestingDepth(boundDepth('<div><p>x'.repeat(3000))) <= MAX_DEPTH);
});

test('reading HTML grows linearly: nested, unclosed, and wide pages (four times the page, not sixteen times the work)', () => {
  const read = (html: string) => {
    readHtml(html, 'x.html');
  };
  const cases: [string, string, string][] = [
    ['nested divs', nested(1500), nested(6000)],
    [
      'unclosed div/p',
      `<html><body>${'<div><p>La France a condamné la Russie. '.repeat(1500)}</body></html>`,
      `<html><body>${'<div><p>La France a condamné la Russie. '.repeat(6000)}</body></html>`,
    ],
    ['deep chains side by side', `<html><body>${nested(120).repeat(5)}</body></html>`, `<html><body>${nested(120).repeat(20)}</body></html>`],
    ['wide page', `<html><body>${`<div>${SENTENCE}</div>`.repeat(500)}</body></html>`, `<html><body>${`<div>${SENTENCE}</div>`.repeat(2000)}</body></html>`],
  ];
  for (const [name, small, big] of cases) {
    const ratio = growth(read, small, big, 3);
    assert.ok(ratio < 8, `${name}: four times the page multiplied the work by ${ratio.toFixed(2)}`);
  }
});
