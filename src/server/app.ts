// The HTTP API (Fastify) and the static web workbench. `buildServer()` only builds the app, so
// that tests can call `app.inject()` without opening a port; `readout serve` listens.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timingSafeEqual, createHash } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Analysis, Article } from '../analysis.js';
import type { Analyzer } from '../pipeline.js';
import { InputError } from '../ingest/decode.js';
import { ROOT } from '../lang/pack.js';
import type { Filter, MonthCount, Store, StoryEvent, Dyad, ActorRef } from '../store/types.js';
import { ROUTES, openApiDocument } from './schemas.js';
import { buildNetwork, type NetworkLevel } from './network.js';
import { parseModality, type ModalityFilter } from '../store/modality.js';
import { HttpError } from './errors.js';
import { checkDates, readRequestArticle, type ArticleRequest } from './article.js';
import type { AnalysisPool } from './analysis-pool.js';
import { CountryNames } from '../kb/country-names.js';

export const WEB_DIST = join(ROOT, 'web', 'dist');
/** default request body limit: 2 MiB (a long article is ~100 KB) */
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
/** the most story events read to build one network or country dyad */
export const MAX_GRAPH_EVENTS = 20_000;

export interface ServerOptions {
  /** the corpus; without one, the corpus endpoints answer 503 */
  store?: Store | null;
  analyzer: Analyzer;
  /** bearer token for POST /api/ingest; without one, ingest answers 403 */
  token?: string | null;
  /** request body limit in bytes */
  bodyLimit?: number;
  /** folder of the built web app (default web/dist); null: serve no web app */
  webRoot?: string | null;
  logger?: boolean | { level: string };
  /** worker threads that read and analyse posted articles, with a time limit per document; without
   * one, analyses run on the server's own thread (tests, embedding) */
  pool?: AnalysisPool | null;
}

export { HttpError };

type Q = Record<string, any>;

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { analyzer } = opts;
  const pool = opts.pool ?? null;
  const countries = new CountryNames(analyzer.kb.countries);
  /** `country=` / `with=` by any name → ISO3; 400 naming the input when unknown or ambiguous */
  const country = (field: string, s: unknown): string => {
    const r = countries.lookup(String(s));
    if (r.error !== undefined) throw new HttpError(400, `bad input: ${field}: ${r.error}`);
    return r.iso3;
  };
  const filterOf = (q: Q): Filter => {
    const f = baseFilter(q);
    if (q.country) f.country = country('country', q.country);
    if (q.with) f.with = country('with', q.with);
    return f;
  };
  /** read and analyse one request's article: on the pool when there is one */
  const analyzeRequest = async (r: ArticleRequest): Promise<{ article: Article; analysis: Analysis }> => {
    if (pool) return pool.analyze(r);
    const article = readRequestArticle(r);
    return { article, analysis: analyzer.analyze(article) };
  };
  const store = opts.store ?? null;
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const token = opts.token ? Buffer.from(createHash('sha256').update(opts.token).digest('hex')) : null;
  const version = readVersion();
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit, ajv: { customOptions: { allErrors: false, removeAdditional: false } } });

  // raw article bytes (plain text in any encoding, HTML): decoded by the same reader as the CLI
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['text/plain', 'text/html', 'application/xhtml+xml', 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );

  app.setErrorHandler((err: any, req, reply) => {
    let status: number = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    let message: string;
    if (err.validation) {
      status = 400;
      message = `bad input: ${err.message}`;
    } else if (err instanceof InputError) {
      status = 400;
      message = err.message;
    } else if (status < 500) {
      message =
        err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `the request body is larger than the limit of ${bodyLimit} bytes`
          : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? `unsupported content type '${req.headers['content-type'] ?? ''}': send application/json, text/plain or text/html`
            : err.message;
    } else {
      // the details stay in the server's log; the client only learns that it failed
      req.log.error({ err }, 'request failed');
      status = status === 503 ? 503 : 500;
      message = status === 503 ? err.message : 'internal error';
    }
    reply.status(status).type('application/json').send({ error: message, statusCode: status });
  });

  const api = (r: keyof typeof ROUTES) => ROUTES[r];
  const needStore = (): Store => {
    if (!store) throw new HttpError(503, 'no corpus is open on this server (start it with --db)');
    return store;
  };
  const notFound = (what: string, id: string) => new HttpError(404, `no ${what} '${id}'`);

  app.get('/openapi.json', async () => openApiDocument(version));

  app.route({
    method: 'POST',
    url: api('analyze').url,
    schema: bodySchema(api('analyze')),
    preValidation: async (req) => checkBodyTypes(req.body),
    handler: async (req) => {
      const r = requestArticle(req);
      const { article, analysis } = await analyzeRequest(r);
      const raw = r.kind === 'raw';
      const q = req.query as Q;
      return raw || q.include === 'text' ? { ...analysis, text: article.text } : analysis;
    },
  });

  app.route({
    method: 'POST',
    url: api('ingest').url,
    schema: bodySchema(api('ingest')),
    preValidation: async (req) => {
      // the token is checked before the body is looked at
      if (!token) throw new HttpError(403, 'ingest is disabled on this server: start it with READOUT_TOKEN set');
      const h = req.headers.authorization ?? '';
      const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
      if (!m) throw new HttpError(401, 'missing bearer token (Authorization: Bearer $READOUT_TOKEN)');
      const given = Buffer.from(createHash('sha256').update(m[1]).digest('hex'));
      if (!timingSafeEqual(given, token)) throw new HttpError(401, 'wrong token');
      checkBodyTypes(req.body);
    },
    handler: async (req) => {
      const s = needStore();
      const q = req.query as Q;
      const body = req.body as any;
      const requests: ArticleRequest[] = Buffer.isBuffer(body)
        ? [requestArticle(req)]
        : (Array.isArray(body.articles) ? body.articles : [body]).map((b: Record<string, unknown>) => ({ kind: 'json', body: b }) as const);
      const results: { index: number; id: string; status: string; title: string | null }[] = [];
      const failed: { index: number; reason: string }[] = [];
      for (const [index, r] of requests.entries()) {
        try {
          const { article, analysis } = await analyzeRequest(r);
          const status = await s.putDocument({ ...article, origin: article.url ?? 'http' }, analysis, { force: q.force === true });
          results.push({ index, id: analysis.document.id, status, title: analysis.document.title });
        } catch (e) {
          const known = e instanceof InputError || (e instanceof HttpError && e.statusCode < 500);
          if (!known) req.log.error({ err: e }, 'ingest failed');
          failed.push({ index, reason: known ? (e as Error).message : 'could not be analysed or stored' });
        }
      }
      return { results, failed };
    },
  });

  app.get(api('documents').url, { schema: { querystring: api('documents').schema.querystring } }, async (req) => {
    const q = req.query as Q;
    const f = filterOf(q);
    if (q.q && !f.text) f.text = q.q;
    if (q.language) f.language = q.language;
    return needStore().searchDocuments(f);
  });

  app.get(api('document').url, { schema: { params: api('document').schema.params } }, async (req) => {
    const { id } = req.params as { id: string };
    const d = await needStore().getDocument(id);
    if (!d) throw notFound('document', id);
    return d;
  });

  app.get(api('events').url, { schema: { querystring: api('events').schema.querystring } }, async (req) => needStore().events(filterOf(req.query as Q)));

  app.get(api('event').url, { schema: { params: api('event').schema.params } }, async (req) => {
    const { id } = req.params as { id: string };
    const e = await needStore().event(id);
    if (!e) throw notFound('event', id);
    return e;
  });

  app.get(api('quotes').url, { schema: { querystring: api('quotes').schema.querystring } }, async (req) => {
    const q = req.query as Q;
    const f = filterOf(q);
    if (q.speaker) f.speaker = q.speaker;
    return needStore().quotes(f);
  });

  app.get(api('actors').url, { schema: { querystring: api('actors').schema.querystring } }, async (req) => {
    const q = req.query as Q;
    return needStore().actors({ q: q.q, type: q.type, country: q.country ? country('country', q.country) : undefined, limit: q.limit, offset: q.offset });
  });

  app.get(api('actor').url, { schema: { params: api('actor').schema.params, querystring: api('actor').schema.querystring } }, async (req) => {
    const { id } = req.params as { id: string };
    const a = await needStore().actor(id, { modality: modalityOf(req.query as Q) });
    if (!a) throw notFound('actor', id);
    // each role's title in every language and its tenure, from the knowledge base
    const known = a.actor ? analyzer.kb.actors.get(a.actor) : undefined;
    if (known) {
      a.roles = a.roles.map((r) => {
        const k =
          known.roles.find((x) => x.title.en === r.role && (x.country ?? null) === (r.country ?? null)) ?? known.roles.find((x) => x.title.en === r.role);
        return k ? { ...r, title: { ...k.title }, tenure: { from: k.from, to: k.to } } : r;
      });
    }
    return a;
  });

  app.get(api('dyads').url, { schema: { querystring: api('dyads').schema.querystring } }, async (req) => {
    const q = req.query as Q;
    const s = needStore();
    checkDates(q, ['from', 'to']);
    if (q.from && q.to && q.from > q.to) throw new HttpError(400, `bad input: from (${q.from}) is after to (${q.to})`);
    // each side: a country by any name (ISO code, English or French name, demonym), else an actor
    const ca = countries.lookup(q.a);
    const cb = countries.lookup(q.b);
    if (ca.iso3 && cb.iso3) {
      if (ca.iso3 === cb.iso3) throw new HttpError(400, `bad input: a and b are the same country (${ca.iso3})`);
      return countryDyad(s, ca.iso3, cb.iso3, { from: q.from, to: q.to, modality: modalityOf(q) }, (iso3) => countries.nameOf(iso3));
    }
    const d = await s.dyad(ca.iso3 ?? q.a, cb.iso3 ?? q.b, { from: q.from, to: q.to, modality: modalityOf(q) });
    for (const [side, input, found] of [
      ['a', q.a, d.a],
      ['b', q.b, d.b],
    ] as const) {
      if (!found) throw new HttpError(404, `${side}: no country or actor named '${input}' in this corpus`);
    }
    return d;
  });

  app.get(api('network').url, { schema: { querystring: api('network').schema.querystring } }, async (req) => {
    const q = req.query as Q;
    checkDates(q, ['from', 'to']);
    if (q.from && q.to && q.from > q.to) throw new HttpError(400, `bad input: from (${q.from}) is after to (${q.to})`);
    const { events, truncated } = await allEvents(needStore(), {
      from: q.from,
      to: q.to,
      code: q.code,
      country: q.country ? country('country', q.country) : undefined,
      modality: modalityOf(q),
    });
    return buildNetwork(events, q.level as NetworkLevel, {
      minEvents: q.minEvents,
      truncated,
      countryNames: (iso3) => analyzer.kb.countries.get(iso3)?.name.en ?? null,
    });
  });

  app.get(api('stats').url, async () => needStore().stats());

  const codebookRows = analyzer.codebook
    .all()
    .map((c) => ({ code: c.code, root: c.root, label: c.label.en ?? '', labelFr: c.label.fr ?? c.label.en ?? '', goldstein: c.goldstein, quad: c.quad }));
  app.get(api('codebook').url, async () => codebookRows);

  app.get('/api/countries', async () =>
    [...analyzer.kb.countries.values()]
      .map((c) => ({ iso3: c.iso3, name: c.name.en ?? c.iso3, nameFr: c.name.fr ?? c.name.en ?? c.iso3 }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );

  // the web workbench: static files, and index.html for the app's own routes
  const webRoot = opts.webRoot === undefined ? WEB_DIST : opts.webRoot;
  const hasWeb = !!webRoot && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot!, index: ['index.html'], wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    if (path.startsWith('/api/') || path === '/api' || req.method !== 'GET') {
      return reply
        .status(404)
        .type('application/json')
        .send({ error: `no such endpoint: ${req.method} ${path} (see /openapi.json)`, statusCode: 404 });
    }
    if (hasWeb && !/\.[a-z0-9]+$/i.test(path)) return reply.type('text/html').sendFile('index.html');
    if (!hasWeb && path === '/') {
      return reply
        .status(200)
        .type('text/html')
        .send(
          '<!doctype html><meta charset="utf-8"><title>readout</title><p>The web workbench is not built: run <code>npm run build:web</code>, then restart <code>readout serve</code>. The API is at <a href="/openapi.json">/openapi.json</a>.</p>',
        );
    }
    return reply
      .status(404)
      .type('application/json')
      .send({ error: `not found: ${path}`, statusCode: 404 });
  });

  return app;
}

/** Fastify body schema that only validates JSON bodies (raw uploads are read as bytes). */
function bodySchema(r: (typeof ROUTES)[string]) {
  return { querystring: r.schema.querystring, body: { content: { 'application/json': { schema: r.schema.body } } } };
}

/**
 * The validator coerces types (query strings arrive as text); a JSON body must not be coerced,
 * so its article fields are checked first: {"text": 42} is bad input, not the text "42".
 */
function checkBodyTypes(body: unknown): void {
  if (body == null || Buffer.isBuffer(body) || typeof body !== 'object') return;
  const b = body as Record<string, unknown>;
  const articles = Array.isArray(b.articles) ? b.articles : [b];
  articles.forEach((a, i) => {
    if (a == null || typeof a !== 'object' || Array.isArray(a)) return;
    const at = Array.isArray(b.articles) ? `/articles/${i}` : '';
    for (const [k, v] of Object.entries(a as Record<string, unknown>)) {
      const ok =
        k === 'html'
          ? typeof v === 'boolean'
          : k === 'text'
            ? typeof v === 'string'
            : ['title', 'source', 'url', 'published', 'language'].includes(k)
              ? v === null || typeof v === 'string'
              : true;
      if (!ok) throw new HttpError(400, `bad input: body${at}/${k} must be ${k === 'html' ? 'a boolean' : 'a string'}`);
    }
  });
}

/** What a request carries, as plain data a worker thread can read. */
function requestArticle(req: FastifyRequest): ArticleRequest {
  const body = req.body as any;
  if (body == null) throw new HttpError(400, 'bad input: no body (send JSON {"text": …} or the article as text/plain or text/html)');
  if (!Buffer.isBuffer(body)) return { kind: 'json', body };
  const q = req.query as Q;
  return { kind: 'raw', bytes: body, name: q.filename ?? '<upload>', contentType: String(req.headers['content-type'] ?? ''), query: { ...q } };
}

/** the filters every list shares, except countries (resolved by name in buildServer) */
function baseFilter(q: Q): Filter {
  checkDates(q, ['from', 'to']);
  if (q.from && q.to && q.from > q.to) throw new HttpError(400, `bad input: from (${q.from}) is after to (${q.to})`);
  const f: Filter = {};
  if (q.actor) f.actor = q.actor;
  if (q.with && !q.country) throw new HttpError(400, 'bad input: with needs country');
  if (q.code) f.code = q.code;
  if (q.from) f.from = q.from;
  if (q.to) f.to = q.to;
  if (q.text) f.text = q.text;
  f.modality = modalityOf(q);
  f.limit = q.limit ?? 50;
  f.offset = q.offset ?? 0;
  return f;
}

/** `?modality=` (already checked by the schema) → the filter; absent: the store's default (asserted) */
function modalityOf(q: Q): ModalityFilter | undefined {
  if (!q.modality) return undefined;
  try {
    return parseModality(String(q.modality));
  } catch (e) {
    throw new HttpError(400, `bad input: ${(e as Error).message}`);
  }
}

async function allEvents(store: Store, f: Filter): Promise<{ events: StoryEvent[]; truncated: boolean }> {
  const events: StoryEvent[] = [];
  const page = 500;
  for (let offset = 0; offset < MAX_GRAPH_EVENTS; offset += page) {
    const p = await store.events({ ...f, limit: page, offset });
    events.push(...p.items);
    if (p.items.length < page || offset + page >= p.total) return { events, truncated: false };
  }
  return { events, truncated: true };
}

/** Events between two countries (any of their actors, either direction), per month. */
async function countryDyad(
  store: Store,
  a: string,
  b: string,
  range: { from?: string; to?: string; modality?: ModalityFilter },
  nameOf: (iso3: string) => string,
): Promise<Dyad & { truncated: boolean }> {
  const { events, truncated } = await allEvents(store, { country: a, with: b, ...range });
  const months = new Map<string, MonthCount & { gsum: number }>();
  let gsum = 0;
  for (const e of events) {
    gsum += e.goldstein;
    const month = e.date ? e.date.slice(0, 7) : null;
    if (!month || month.length < 7) continue;
    const m = months.get(month) ?? { month, events: 0, quad: [0, 0, 0, 0] as [number, number, number, number], goldstein: null, gsum: 0 };
    m.events++;
    if (e.quadClass >= 1 && e.quadClass <= 4) m.quad[e.quadClass - 1]++;
    m.gsum += e.goldstein;
    months.set(month, m);
  }
  const ref = (iso3: string): ActorRef => ({ key: `country:${iso3}`, name: nameOf(iso3), type: 'COUNTRY', actor: iso3, country: iso3, code: iso3 });
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    a: ref(a),
    b: ref(b),
    months: [...months.values()].sort((x, y) => x.month.localeCompare(y.month)).map(({ gsum: g, ...m }) => ({ ...m, goldstein: round(g / m.events) })),
    total: events.length,
    meanGoldstein: events.length ? round(gsum / events.length) : null,
    events: events.slice(0, 200),
    truncated,
  };
}

function readVersion(): string {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
