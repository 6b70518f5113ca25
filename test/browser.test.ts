// The web workbench in a real headless Chromium (Debian's chromium, driven by playwright-core):
// every view on a small corpus, the highlights of an analysed article, the evidence on hover, the
// USA–Morocco edge of the network. Screenshots go to test-artifacts/ (not committed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { createAnalyzer, type Analyzer } from '../src/pipeline.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import type { Analysis } from '../src/analysis.js';
import { buildServer, WEB_DIST } from '../src/server/app.js';
import { readArticleFile } from '../src/ingest/read.js';
import { FIXTURES, loadFixtures } from './server-fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.READOUT_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const missing = !existsSync(CHROMIUM)
  ? `Chromium not available: ${CHROMIUM} is missing (apt-get install chromium)`
  : !existsSync(join(WEB_DIST, 'index.html'))
    ? 'web workbench not built: web/dist/index.html is missing (npm run build:web)'
    : null;

let dir: string;
let store: Store;
let analyzer: Analyzer;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let analyses: Analysis[];
const pageErrors: string[] = [];

before(async () => {
  if (missing) return;
  dir = mkdtempSync(join(tmpdir(), 'readout-browser-'));
  store = await openStore(join(dir, 'corpus.db'));
  analyzer = await createAnalyzer();
  analyses = await loadFixtures(store, analyzer);
  // the bundled examples too, when the repository has them
  const ex = join(ROOT, 'examples');
  if (existsSync(ex)) {
    for (const f of readdirSync(ex)) {
      const p = join(ex, f);
      if (!statSync(p).isFile() || !/\.(txt|html?)$/i.test(f)) continue;
      try {
        const article = readArticleFile(p);
        await store.putDocument({ ...article, origin: p }, analyzer.analyze(article));
      } catch {
        /* an example the reader refuses is not this test's concern */
      }
    }
  }
  app = await buildServer({ store, analyzer, token: null, webRoot: WEB_DIST });
  base = (await app.listen({ port: 0, host: '127.0.0.1' })) + '/';
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(hash: string, lang: 'en' | 'fr' = 'en'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
  page.on('pageerror', (e) => pageErrors.push(`${hash}: ${e.message}`));
  // the first visit's language (a reload keeps whatever the user chose since)
  await page.addInitScript(`if (!localStorage.getItem('readout.lang')) localStorage.setItem('readout.lang', '${lang}')`);
  await page.goto(`${base}#/${hash}`);
  return page;
}

async function api(url: string): Promise<any> {
  const res = await app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
const rgb = (s: string) => (/rgb\((\d+), (\d+), (\d+)\)/.exec(s) ?? []).slice(1).map(Number);

test('Read: an article pasted, entities highlighted by type, segment languages, quotes with speakers', async (t) => {
  if (missing) return t.skip(missing);
  const f = FIXTURES[0].article;
  const expected = analyzer.analyze({ text: f.text, published: f.published });
  const page = await open('read');
  await page.fill('[data-testid=read-text]', f.text);
  await page.fill('[data-testid=read-date]', f.published!);
  await page.click('[data-testid=read-go]');
  await page.waitForSelector('[data-testid=read-result]');
  // the text is shown whole, in its segments
  const shown = await page.$$eval('[data-testid=segment] p', (ps) => ps.map((p) => p.textContent ?? ''));
  assert.ok(shown.join('').replace(/\s/g, '').length > 0);
  assert.ok(shown.some((s) => s.includes('s’est entretenu mercredi par téléphone')));
  // every entity mention of the analysis is highlighted with its type
  const marks = await page.$$eval('[data-testid=annotated-text] .ent', (els) =>
    els.map((e: any) => ({ text: e.textContent as string, type: e.dataset.type as string })),
  );
  const mentions = expected.entities.flatMap((e) => e.mentions.map((m) => ({ text: m.text, type: e.type })));
  assert.ok(mentions.length > 0, 'the analyzer finds entities in the article');
  for (const m of mentions)
    assert.ok(
      marks.some((k) => k.text === m.text && k.type === m.type),
      `highlight for ${m.type} '${m.text}'`,
    );
  const blinken = expected.entities.find((e) => e.name === 'Antony Blinken');
  if (blinken) assert.ok(marks.some((k) => k.type === 'PERSON' && /Blinken/.test(k.text ?? '')));
  // each segment carries its language; the English post stays English inside the French article
  const langs = await page.$$eval('[data-testid=segment]', (els) => els.map((e: any) => e.dataset.lang as string));
  assert.deepEqual(
    langs,
    expected.segments.map((s) => s.language ?? ''),
  );
  assert.ok(langs.includes('fr'));
  // quotes: one speaker tag per quote, naming the speaker entity
  const tags = await page.$$eval('.speaker-tag', (els) =>
    els.map((e: any) => ({ id: e.dataset.testid as string, speaker: e.dataset.speaker as string, text: e.textContent as string })),
  );
  assert.equal(tags.length, expected.quotes.length);
  for (const q of expected.quotes) {
    const tag = tags.find((x) => x.id === `speaker-${q.id}`);
    assert.ok(tag, `speaker tag for ${q.id}`);
    if (q.speaker) assert.equal(tag!.text, expected.entities.find((e) => e.id === q.speaker)!.name);
  }
  await shot(page, 'read');
  await page.close();
});

test('Read: the bundled seed dispatch uploaded as a file, its highlights and its English post', async (t) => {
  if (missing) return t.skip(missing);
  const seed = join(ROOT, 'examples', 'seed.txt');
  if (!existsSync(seed)) return t.skip('examples/seed.txt is not in this checkout');
  const expected = analyzer.analyze(readArticleFile(seed));
  const page = await open('read', 'fr');
  await page.setInputFiles('[data-testid=read-file]', seed);
  await page.click('[data-testid=read-go]');
  await page.waitForSelector('[data-testid=read-result]');
  const marks = await page.$$eval('[data-testid=annotated-text] .ent', (els) =>
    els.map((e: any) => ({ text: e.textContent as string, type: e.dataset.type as string })),
  );
  for (const e of expected.entities)
    for (const m of e.mentions)
      assert.ok(
        marks.some((k) => k.text === m.text && k.type === e.type),
        `highlight for ${e.type} '${m.text}'`,
      );
  for (const who of ['Blinken', 'Bourita'])
    assert.ok(
      marks.some((k) => k.type === 'PERSON' && k.text.includes(who)),
      `${who} highlighted as a person`,
    );
  assert.ok(
    marks.some((k) => k.type === 'COUNTRY' && /Maroc/.test(k.text)),
    'Maroc highlighted as a country',
  );
  const segs = await page.$$eval('[data-testid=segment]', (els) =>
    els.map((e: any) => ({ lang: e.dataset.lang as string, kind: e.dataset.kind as string, text: e.textContent as string })),
  );
  const post = segs.find((x) => /Spoke with/.test(x.text));
  assert.ok(post, 'the embedded post is shown');
  assert.equal(post!.lang, 'en', 'the post inside the French dispatch is English');
  assert.ok(segs.filter((x) => x.lang === 'fr').length >= 4);
  await shot(page, 'read-seed');
  await page.close();
});

test('Read in a stored document: hovering an event highlights its evidence', async (t) => {
  if (missing) return t.skip(missing);
  const a = analyses[1];
  const text = FIXTURES[1].article.text;
  const page = await open(`doc/${a.document.id}`);
  await page.waitForSelector('[data-testid=events-list] li');
  for (const ev of a.events) {
    await page.hover(`[data-testid=event-${ev.id}]`);
    const lit = await page.$$eval('.evidence', (els) => els.map((e) => e.textContent ?? '').join(''));
    assert.equal(lit, text.slice(ev.evidence.start, ev.evidence.end), `evidence of ${ev.id} ${ev.code}`);
    const label = await page.textContent(`[data-testid=event-${ev.id}] .label`);
    assert.ok(label && label.length > 2, 'CAMEO label shown');
  }
  await page.hover('[data-testid=document] h2');
  assert.equal(await page.$$eval('.evidence', (els) => els.length), 0, 'evidence cleared when the pointer leaves');
  await shot(page, 'document-evidence');
  await page.close();
});

test('language switch: the interface changes between English and French', async (t) => {
  if (missing) return t.skip(missing);
  const page = await open('read', 'en');
  assert.equal(await page.textContent('[data-testid=nav-read]'), 'Read');
  await page.click('[data-testid=lang-switch]');
  assert.equal(await page.textContent('[data-testid=nav-read]'), 'Lire');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.reload();
  assert.equal(await page.textContent('[data-testid=nav-search]'), 'Rechercher', 'the choice is remembered');
  await page.close();
});

test('Search: full text with counts of documents, events and quotes', async (t) => {
  if (missing) return t.skip(missing);
  const page = await open('search?text=Bourita', 'fr');
  const counted =
    "document.querySelector('[data-testid=count-quotes]')?.textContent !== '…' && document.querySelector('[data-testid=count-documents]')?.textContent !== '…' && document.querySelector('[data-testid=count-events]')?.textContent !== '…'";
  await page.waitForFunction(counted);
  const docs = await api('/api/documents?text=Bourita');
  const events = await api('/api/events?text=Bourita');
  const quotes = await api('/api/quotes?text=Bourita');
  assert.ok(docs.total >= 2, 'both Bourita fixtures found');
  assert.equal(await page.textContent('[data-testid=count-documents]'), String(docs.total));
  assert.equal(await page.textContent('[data-testid=count-events]'), String(events.total));
  assert.equal(await page.textContent('[data-testid=count-quotes]'), String(quotes.total));
  assert.equal(await page.$$eval('[data-testid=doc-link]', (els) => els.length), Math.min(25, docs.total));
  await page.click('[data-testid=tab-events]');
  await page.waitForSelector('[data-testid=event-table] tr.event-row');
  await shot(page, 'search');
  // filters narrow the counts: the Russia–Ukraine events of May 2023
  await page.fill('[data-testid=search-text]', '');
  await page.fill('[data-testid=search-country]', 'UKR');
  await page.fill('[data-testid=search-from]', '2023-05');
  await page.fill('[data-testid=search-to]', '2023-05-31');
  await page.click('[data-testid=search-go]');
  const narrow = await api('/api/events?country=UKR&from=2023-05&to=2023-05-31');
  assert.ok(narrow.total >= 1);
  await page.waitForFunction(`document.querySelector('[data-testid=count-events]')?.textContent === '${narrow.total}'`);
  const rows = await page.$$eval('[data-testid=event-table] tr.event-row', (els) => els.map((e) => e.textContent ?? ''));
  assert.ok(rows.length >= 1 && rows.every((r) => r.includes('2023-05')), rows.join('\n'));
  await page.close();
});

test('Actor page: roles, quotes, events on a timeline', async (t) => {
  if (missing) return t.skip(missing);
  const page = await open('actor?q=Bourita');
  await page.waitForSelector('[data-testid=actor-link]');
  await page.click('[data-testid=actor-link] >> text=/Bourita/');
  await page.waitForSelector('[data-testid=actor-profile]');
  assert.match((await page.textContent('[data-testid=actor-name]')) ?? '', /Nasser Bourita/);
  await page.waitForSelector('[data-testid=timeline-event]');
  assert.ok((await page.$$('[data-testid=timeline-event]')).length >= 2, 'the call and the meeting on the timeline');
  assert.ok((await page.$$('[data-testid=quad-bars] rect')).length >= 2);
  await page.waitForSelector('[data-testid=actor-roles]');
  await shot(page, 'actor');
  await page.close();
});

test('Network: the USA–Morocco edge is green (cooperation), Russia–Ukraine red; a click lists the events', async (t) => {
  if (missing) return t.skip(missing);
  const page = await open('network');
  await page.waitForSelector('[data-testid=network-graph]');
  const edge = page.locator('[data-testid=edge-MAR-USA]');
  assert.equal(await edge.count(), 1, 'USA–Morocco edge');
  const [r, g] = rgb((await edge.locator('line').first().getAttribute('stroke')) ?? '');
  assert.ok(g > r, `cooperation colour, got ${r},${g}`);
  const [wr, wg] = rgb((await page.locator('[data-testid=edge-RUS-UKR] line').first().getAttribute('stroke')) ?? '');
  assert.ok(wr > wg, `conflict colour, got ${wr},${wg}`);
  // in a dense graph other edges cross this one: dispatch the click on the edge itself
  await edge.dispatchEvent('click');
  await page.waitForSelector('[data-testid=edge-events] tr.event-row');
  const rows = await page.$$eval('[data-testid=edge-events] tr.event-row', (els) => els.map((e) => e.textContent ?? ''));
  assert.ok(rows.length >= 2, rows.join('\n'));
  assert.ok(rows.some((x) => /Bourita/.test(x)));
  await shot(page, 'network');
  // the date range narrows the graph to what the API finds in it
  await page.fill('[data-testid=net-from]', '2023-05');
  await page.fill('[data-testid=net-to]', '2023-05');
  await page.click('[data-testid=net-go]');
  await page.waitForSelector('[data-testid=edge-RUS-UKR]', { state: 'attached' });
  const may = await api('/api/network?from=2023-05&to=2023-05');
  const shownEdges = await page.$$eval('[data-testid=network-graph] g.edge', (gs) => gs.map((g: any) => g.dataset.testid as string));
  assert.deepEqual(shownEdges.sort(), may.edges.map((e: any) => `edge-${e.a}-${e.b}`).sort());
  await page.close();
});

test('Dyad timeline: events per month between two countries by quad class', async (t) => {
  if (missing) return t.skip(missing);
  const page = await open('dyad', 'fr');
  await page.fill('[data-testid=dyad-a]', 'usa');
  await page.fill('[data-testid=dyad-b]', 'MAR');
  await page.click('[data-testid=dyad-go]');
  await page.waitForSelector('[data-testid=dyad-result]');
  const dyad = await api('/api/dyads?a=USA&b=MAR');
  assert.ok(dyad.total >= 2);
  assert.equal(await page.textContent('[data-testid=dyad-total]'), String(dyad.total));
  const months = await page.$$eval('[data-testid=quad-bars] g[data-month]', (gs) =>
    gs.map((g: any) => [g.dataset.month as string, Number(g.dataset.events)] as const),
  );
  const byMonth = new Map<string, number>(dyad.months.map((m: any) => [m.month, m.events]));
  assert.ok(byMonth.has('2023-03') && byMonth.has('2023-06'), "the fixtures' call and meeting");
  for (const [m, n] of months) assert.equal(n, byMonth.get(m) ?? 0, m);
  const labels = months.map((m) => m[0]);
  assert.ok(labels.indexOf('2023-06') - labels.indexOf('2023-03') === 3, 'months without events are filled in');
  const conflict = dyad.months.reduce((x: number, m: any) => x + m.quad[2] + m.quad[3], 0);
  const conflictBars = await page.locator('[data-testid=quad-bars] rect.quad-3, [data-testid=quad-bars] rect.quad-4').count();
  assert.equal(conflictBars > 0, conflict > 0, 'conflict bars exactly when the API counts conflict');
  assert.match((await page.textContent('.quadbars figcaption')) ?? '', /coopération verbale/);
  await shot(page, 'dyad');
  await page.close();
});

test('Search: a pager reaches every result, and shows the total', async (t) => {
  if (missing) return t.skip(missing);
  const all = await api('/api/documents?limit=500');
  assert.ok(all.total > 25, `more documents than one page (${all.total})`);
  const page = await open('search?what=documents');
  await page.waitForSelector('[data-testid=pager] [data-testid=page-total]');
  assert.equal(await page.textContent('[data-testid=page-total]'), String(all.total));
  assert.equal(await page.textContent('[data-testid=page-range]'), '1–25');
  const firstPage = await page.$$eval('[data-testid=doc-link]', (as) => as.map((a: any) => a.getAttribute('href') as string));
  const seen = new Set(firstPage);
  for (let guard = 0; guard < 20 && !(await page.isDisabled('[data-testid=page-next]')); guard++) {
    const before = await page.textContent('[data-testid=page-range]');
    await page.click('[data-testid=page-next]');
    await page.waitForFunction((b) => (globalThis as any).document.querySelector('[data-testid=page-range]')?.textContent !== b, before);
    for (const h of await page.$$eval('[data-testid=doc-link]', (as) => as.map((a: any) => a.getAttribute('href') as string))) seen.add(h);
  }
  assert.equal(seen.size, all.total, 'every document is reachable through the pager');
  await page.click('[data-testid=page-prev]');
  await page.waitForSelector('[data-testid=doc-link]');
  await page.close();
});

test('Numbers: Goldstein values formatted for the interface language (1,6 in French, one decimal at most)', async (t) => {
  if (missing) return t.skip(missing);
  const page = await open('search?what=events', 'fr');
  await page.waitForSelector('[data-testid=event-goldstein]');
  const cells = await page.$$eval('[data-testid=event-goldstein]', (els) => els.map((e) => e.textContent ?? ''));
  for (const c of cells) assert.match(c, /^−?-?\d+(,\d)?$/, `a French number with one decimal at most: '${c}'`);
  assert.ok(
    cells.some((c) => c.includes(',')),
    'some Goldstein value has a decimal, written with a comma',
  );
  const dyad = await open('dyad?a=USA&b=MAR');
  await dyad.waitForSelector('[data-testid=dyad-mean]');
  const mean = (await dyad.textContent('[data-testid=dyad-mean]')) ?? '';
  const api1 = await api('/api/dyads?a=USA&b=MAR');
  assert.equal(mean, new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(api1.meanGoldstein));
  await page.close();
  await dyad.close();
});

test('Read: pasted text with a header is read as an uploaded file is', async (t) => {
  if (missing) return t.skip(missing);
  const f = FIXTURES[0].article;
  const page = await open('read');
  await page.fill('[data-testid=read-text]', `date 2023-02-01\ntitle Un appel entre Washington et Rabat\n\n${f.text}`);
  await page.click('[data-testid=read-go]');
  await page.waitForSelector('[data-testid=read-result]');
  const segs = await page.$$eval('[data-testid=segment]', (els) => els.map((e: any) => ({ kind: e.dataset.kind as string, text: e.textContent as string })));
  assert.deepEqual(
    segs.filter((s) => /date 2023-02-01/.test(s.text)).map((s) => s.kind),
    ['header'],
    'the header is read as a header, not as a paragraph',
  );
  const events = await page.$$eval('[data-testid=events-list] li', (els) => els.map((e) => e.textContent ?? ''));
  assert.ok(
    events.some((e) => /2023-02-01/.test(e)),
    `the header's date dates the events: ${events.join(' | ')}`,
  );
  await page.close();
});

test('Actor: roles titled in French, with their tenure from the knowledge base', async (t) => {
  if (missing) return t.skip(missing);
  const kbRole = analyzer.kb.actors.get('antony-blinken')?.roles.find((r) => r.title.en === 'Secretary of State');
  if (!kbRole) return t.skip('the knowledge base has no Secretary of State role for Antony Blinken');
  const page = await open('actor/antony-blinken', 'fr');
  await page.waitForSelector('[data-testid=actor-role]');
  const roles = await page.$$eval('[data-testid=actor-role]', (els) => els.map((e) => e.textContent ?? ''));
  assert.ok(
    roles.some((r) => r.includes(kbRole.title.fr!)),
    `French title '${kbRole.title.fr}' in ${roles.join(' | ')}`,
  );
  assert.ok(!roles.some((r) => r.includes('Secretary of State')), 'no English title in the French interface');
  const bars = await page.$$eval('[data-testid=role-bar]', (els) => els.map((e: any) => e.dataset.from as string));
  assert.ok(bars.includes(kbRole.from!), `the bar starts at the tenure's start ${kbRole.from}: ${bars.join(', ')}`);
  await page.close();
});

test('Dyad: countries by name (États-Unis, Maroc); the title names what was queried', async (t) => {
  if (missing) return t.skip(missing);
  const page = await open('dyad', 'fr');
  await page.fill('[data-testid=dyad-a]', 'États-Unis');
  await page.fill('[data-testid=dyad-b]', 'maroc');
  await page.click('[data-testid=dyad-go]');
  await page.waitForSelector('[data-testid=dyad-result]');
  const dyad = await api('/api/dyads?a=USA&b=MAR');
  assert.equal(await page.textContent('[data-testid=dyad-total]'), String(dyad.total));
  const title = (await page.textContent('[data-testid=dyad-title]')) ?? '';
  assert.match(title, /États-Unis/);
  assert.match(title, /Maroc/);
  await page.fill('[data-testid=dyad-a]', 'Atlantide');
  await page.click('[data-testid=dyad-go]');
  await page.waitForSelector('[role=alert]');
  assert.match((await page.textContent('[role=alert]')) ?? '', /Atlantide/);
  await page.close();
});

test('phone width: every view wraps to the screen, nothing wider than 375 px', async (t) => {
  if (missing) return t.skip(missing);
  const wide: string[] = [];
  for (const hash of ['search?what=events', 'search?what=documents', 'dyad?a=USA&b=MAR', 'actor/antony-blinken', 'network', 'read']) {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 }, locale: 'fr-FR' });
    page.on('pageerror', (e) => pageErrors.push(`${hash} (phone): ${e.message}`));
    await page.goto(`${base}#/${hash}`);
    await page.waitForLoadState('networkidle');
    const [scroll, inner] = await page.evaluate(() => [
      (globalThis as any).document.documentElement.scrollWidth as number,
      (globalThis as any).innerWidth as number,
    ]);
    if (scroll > inner + 1) wide.push(`${hash}: ${scroll} px`);
    await shot(page, `phone-${hash.replace(/[^a-z]+/g, '-')}`);
    await page.close();
  }
  assert.deepEqual(wide, []);
});

test('axis labels are not clipped: every label of the timeline and the bars lies inside its chart', async (t) => {
  if (missing) return t.skip(missing);
  const page = await open('actor/nasser-bourita');
  await page.waitForSelector('[data-testid=actor-timeline] text');
  const out = await page.$$eval('svg[data-testid=actor-timeline], svg[data-testid=quad-bars]', (svgs) =>
    svgs.flatMap((svg: any) => {
      const width = svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')]
        .map((tx: any) => ({ text: tx.textContent as string, box: tx.getBBox() as { x: number; width: number } }))
        .filter((l) => l.box.x < 0 || l.box.x + l.box.width > width)
        .map((l) => `${svg.dataset.testid}: '${l.text}' at ${Math.round(l.box.x)}..${Math.round(l.box.x + l.box.width)} of ${width}`);
    }),
  );
  assert.deepEqual(out, []);
  await page.close();
});

test('Network at actor level: labels readable, none overlapping another, none outside the graph', async (t) => {
  if (missing) return t.skip(missing);
  const page = await open('network?level=actor');
  await page.waitForSelector('[data-testid=network-graph] .node-label text');
  const problems = await page.$eval('[data-testid=network-graph]', (svg: any) => {
    const width = svg.viewBox.baseVal.width,
      height = svg.viewBox.baseVal.height;
    const boxes = [...svg.querySelectorAll('.node-label text')].map((tx: any) => ({
      text: tx.textContent as string,
      b: tx.getBBox() as { x: number; y: number; width: number; height: number },
    }));
    const out: string[] = [];
    for (const [i, p] of boxes.entries()) {
      if (p.b.x < 0 || p.b.y < 0 || p.b.x + p.b.width > width || p.b.y + p.b.height > height) out.push(`'${p.text}' outside`);
      for (const q of boxes.slice(i + 1)) {
        const overlap = p.b.x < q.b.x + q.b.width && q.b.x < p.b.x + p.b.width && p.b.y < q.b.y + q.b.height && q.b.y < p.b.y + p.b.height;
        if (overlap) out.push(`'${p.text}' overlaps '${q.text}'`);
      }
    }
    return { count: boxes.length, out };
  });
  assert.ok(problems.count >= 10, `an actor network with many labels (${problems.count})`);
  assert.deepEqual(problems.out, []);
  await shot(page, 'network-actors');
  await page.close();
});

test('no script errors in any view', (t) => {
  if (missing) return t.skip(missing);
  assert.deepEqual(pageErrors, []);
});
