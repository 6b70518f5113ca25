// JSON schemas of the HTTP API: Fastify validates requests with them, and the OpenAPI document
// (/openapi.json) is built from the same objects, so the two cannot drift apart.

export const DATE = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' } as const;
const ISO3 = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  description: 'a country: ISO 3166 code (any case), English or French name, or demonym (MAR, Morocco, Maroc, marocain)',
} as const;
const LANG = { type: 'string', pattern: '^[a-z]{2}$', description: 'ISO 639-1 language code' } as const;
const CODE = { type: 'string', pattern: '^\\d{2,4}$', description: 'CAMEO event code or root (04 matches 040…046)' } as const;
const LIMIT = { type: 'integer', minimum: 1, maximum: 500, default: 50 } as const;
const OFFSET = { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 } as const;
const TEXT = { type: 'string', maxLength: 500 } as const;
export const MODALITY = {
  type: 'string',
  pattern: '^(all|(asserted|negated|hypothetical|planned)(,(asserted|negated|hypothetical|planned))*)$',
  description: 'which acts count: all, or a comma-separated list of asserted, negated, hypothetical, planned (default asserted)',
} as const;

const filter = {
  actor: { ...TEXT, description: 'actor key, knowledge-base id or part of a name' },
  country: ISO3,
  with: { ...ISO3, description: 'ISO3 of the counterpart (with country: events between the two)' },
  code: CODE,
  from: DATE,
  to: DATE,
  text: { ...TEXT, description: 'full-text query, accents ignored' },
  modality: MODALITY,
  limit: LIMIT,
  offset: OFFSET,
} as const;

export const articleBody = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, description: 'the article text (plain text, or HTML when html is true)' },
    title: { type: ['string', 'null'], maxLength: 1000 },
    source: { type: ['string', 'null'], maxLength: 1000 },
    url: { type: ['string', 'null'], maxLength: 4000 },
    published: { anyOf: [DATE, { type: 'null' }] },
    language: { anyOf: [LANG, { type: 'null' }], description: 'force the language of the main body' },
    html: { type: 'boolean', description: 'the text is an HTML page: extract the article first' },
  },
} as const;

export const rawMeta = {
  type: 'object',
  additionalProperties: false,
  properties: {
    title: { type: 'string', maxLength: 1000 },
    source: { type: 'string', maxLength: 1000 },
    url: { type: 'string', maxLength: 4000 },
    published: DATE,
    language: LANG,
    filename: { type: 'string', maxLength: 500, description: 'file name of a raw upload (.html is read as HTML)' },
    include: { type: 'string', enum: ['text'], description: 'include=text adds the text that the offsets refer to' },
    force: { type: 'boolean', description: 'ingest: re-analyse documents already stored' },
  },
} as const;

const ingestBody = {
  oneOf: [
    articleBody,
    {
      type: 'object',
      required: ['articles'],
      additionalProperties: false,
      properties: { articles: { type: 'array', minItems: 1, maxItems: 1000, items: articleBody } },
    },
  ],
} as const;

const ID = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 300 } } } as const;
const error = { type: 'object', properties: { error: { type: 'string' }, statusCode: { type: 'integer' } } } as const;

export interface RouteDoc {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  schema: { querystring?: object; params?: object; body?: object };
  /** media types accepted besides JSON (raw article bytes) */
  raw?: boolean;
  auth?: boolean;
  responses: Record<string, string>;
}

const common404 = { '404': 'no such id' };

export const ROUTES: Record<string, RouteDoc> = {
  analyze: {
    method: 'POST',
    url: '/api/analyze',
    raw: true,
    summary: 'Analyse one article (JSON, or raw text/HTML bytes with metadata in the query) and return the analysis contract',
    schema: { body: articleBody, querystring: rawMeta },
    responses: { '200': 'the analysis (contract), with `text` when include=text or the body was raw bytes', '400': 'bad input', '413': 'body too large' },
  },
  ingest: {
    method: 'POST',
    url: '/api/ingest',
    raw: true,
    auth: true,
    summary: 'Analyse and store one article or {articles:[…]} (needs the READOUT_TOKEN bearer token)',
    schema: { body: ingestBody, querystring: rawMeta },
    responses: {
      '200': '{results:[{id,status,title}], failed:[{index,reason}]}',
      '400': 'bad input',
      '401': 'missing or wrong token',
      '403': 'ingest disabled (no READOUT_TOKEN on the server)',
    },
  },
  documents: {
    method: 'GET',
    url: '/api/documents',
    summary: 'Search documents (full text and filters), with counts',
    schema: {
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { q: { ...TEXT, description: 'full-text query (same as text)' }, language: LANG, ...filter },
      },
    },
    responses: { '200': 'Page<DocumentHit>', '400': 'bad input' },
  },
  document: {
    method: 'GET',
    url: '/api/documents/:id',
    summary: 'One document: text, metadata and analysis',
    schema: { params: ID },
    responses: { '200': 'StoredDocument', ...common404 },
  },
  events: {
    method: 'GET',
    url: '/api/events',
    summary: 'Story events (one act across documents) matching the filters',
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { ...filter } } },
    responses: { '200': 'Page<StoryEvent>', '400': 'bad input' },
  },
  event: {
    method: 'GET',
    url: '/api/events/:id',
    summary: 'One story event with its reports',
    schema: { params: ID },
    responses: { '200': 'StoryEvent', ...common404 },
  },
  quotes: {
    method: 'GET',
    url: '/api/quotes',
    summary: 'Quotes matching the filters (speaker, country, text, dates)',
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { ...filter, speaker: TEXT } } },
    responses: { '200': 'Page<QuoteRow>', '400': 'bad input' },
  },
  actors: {
    method: 'GET',
    url: '/api/actors',
    summary: 'Actors by name, type or country, with counts',
    schema: {
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          q: TEXT,
          type: { type: 'string', enum: ['PERSON', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'GROUP'] },
          country: ISO3,
          limit: LIMIT,
          offset: OFFSET,
        },
      },
    },
    responses: { '200': 'Page<ActorSummary>', '400': 'bad input' },
  },
  actor: {
    method: 'GET',
    url: '/api/actors/:id',
    summary: 'One actor: roles over time, latest quotes, events per month, counterparts',
    schema: { params: ID, querystring: { type: 'object', additionalProperties: false, properties: { modality: MODALITY } } },
    responses: { '200': 'ActorProfile', ...common404 },
  },
  dyads: {
    method: 'GET',
    url: '/api/dyads',
    summary: 'Events between two actors or countries: per month by quad class, mean Goldstein',
    schema: {
      querystring: {
        type: 'object',
        required: ['a', 'b'],
        additionalProperties: false,
        properties: {
          a: { ...TEXT, minLength: 1, description: 'ISO3, actor key or name' },
          b: { ...TEXT, minLength: 1 },
          from: DATE,
          to: DATE,
          modality: MODALITY,
        },
      },
    },
    responses: { '200': 'Dyad', '400': 'bad input' },
  },
  network: {
    method: 'GET',
    url: '/api/network',
    summary: 'Who deals with whom in a date range: nodes and edges (count, mean Goldstein, quad classes)',
    schema: {
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          from: DATE,
          to: DATE,
          level: { type: 'string', enum: ['country', 'actor'], default: 'country' },
          code: CODE,
          country: ISO3,
          modality: MODALITY,
          minEvents: { type: 'integer', minimum: 1, maximum: 1000, default: 1 },
        },
      },
    },
    responses: { '200': '{nodes, edges, truncated}', '400': 'bad input' },
  },
  stats: {
    method: 'GET',
    url: '/api/stats',
    summary: 'Counts over the store: documents, events, languages, top actors and dyads',
    schema: {},
    responses: { '200': 'StoreStats' },
  },
  codebook: {
    method: 'GET',
    url: '/api/codebook',
    summary: 'CAMEO event codes with labels (en, fr), Goldstein value and quad class',
    schema: {},
    responses: { '200': '[{code, label, labelFr, goldstein, quad}]' },
  },
};

/** The OpenAPI 3.1 document, built from ROUTES. */
export function openApiDocument(version: string): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, r] of Object.entries(ROUTES)) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    const addParams = (schema: any, where: 'query' | 'path') => {
      for (const [p, s] of Object.entries<any>(schema?.properties ?? {})) {
        parameters.push({
          name: p,
          in: where,
          required: where === 'path' || (schema.required ?? []).includes(p),
          schema: s,
          ...(s.description ? { description: s.description } : {}),
        });
      }
    };
    addParams(r.schema.querystring, 'query');
    addParams(r.schema.params, 'path');
    const op: Record<string, unknown> = {
      operationId: name,
      summary: r.summary,
      parameters,
      responses: Object.fromEntries(
        Object.entries(r.responses).map(([code, d]) => [
          code,
          {
            description: d,
            content: { 'application/json': { schema: code.startsWith('2') ? { type: 'object' } : error } },
          },
        ]),
      ),
    };
    if (r.schema.body) {
      const content: Record<string, unknown> = { 'application/json': { schema: r.schema.body } };
      if (r.raw) for (const t of ['text/plain', 'text/html', 'application/octet-stream']) content[t] = { schema: { type: 'string', format: 'binary' } };
      op.requestBody = { required: true, content };
    }
    if (r.auth) op.security = [{ bearer: [] }];
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'readout', version, description: 'Entities, quotes with speakers and CAMEO events from French and English news.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the READOUT_TOKEN of the server' } } },
    paths,
  };
}
