// Contract fuzzing: fast-check generates requests a hostile client could send (strings with NUL, lone surrogates
// and odd whitespace, huge and fractional numbers, wrong types, duplicate and unknown keys, broken JSON, malformed
// query strings, random paths and methods, odd media types) against the running service, and every answer is
// held to the service's own OpenAPI document (/v3/api-docs): never a 5xx, a status documented for that operation,
// the documented media type and required headers, and a body its JSON Schema (ajv, draft 2020-12) accepts.
// A path or method the document does not have must answer 404 not-found or 405 method-not-allowed, with an Allow
// that lists exactly the documented methods of the path.
//
//   BASE_URL=http://127.0.0.1:8080 node --test postman/fuzz/       (postman/run does this after newman)
//   TOKEN_URL (default $BASE_URL/oauth2/token) is where it gets its access token by the client-credentials grant.
//   FUZZ_RUNS (default 200) generated requests per property; FUZZ_SEED replays a failing run (its seed is printed).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule.default ?? addFormatsModule;
const base = new URL(process.env.BASE_URL ?? 'http://127.0.0.1:8080');
// Every request carries a real access token, got by the client-credentials grant from TOKEN_URL (default: the local
// run's own authorization server) for the test harness, the local client with every scope (?strategy= needs
// inventory.order and inventory.admin together), so that fuzzed requests reach the operations rather than stop at 401.
const tokenUrl = process.env.TOKEN_URL ?? new URL('/oauth2/token', base).href;
const authorization = `Bearer ${await accessToken('test-harness', 'test-harness-local-secret',
  'inventory.read inventory.order inventory.admin')}`;
const numRuns = Number(process.env.FUZZ_RUNS ?? 200);
const seed = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const run = Math.random().toString(36).slice(2, 8).toUpperCase();

let doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map();
const skus = [`FZ-${run}-A`, `FZ-${run}-B`, `FZ-${run}-C`];

// ---------------------------------------------------------------------------------------------- raw HTTP ----------
async function accessToken(client, secret, scope) {
  const response = await fetch(tokenUrl, {
    method: 'POST', headers: { Authorization: `Basic ${Buffer.from(`${client}:${secret}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
  });
  if (response.status !== 200) throw new Error(`no token for ${client} from ${tokenUrl}: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

function send({ method, path, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    const request = http.request({
      host: base.hostname, port: base.port, method, path,
      headers: { Connection: 'close', Authorization: authorization, ...(payload ? { 'Content-Length': payload.length } : {}), ...headers },
    }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({
        status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'),
      }));
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`timeout: ${method} ${path}`)));
    request.on('error', reject);
    request.end(payload);
  });
}

// ------------------------------------------------------------------------------------------- the oracle -----------
const templates = () => Object.keys(doc.paths);

function templateOf(path) {
  const segments = path.split('?')[0].split('/');
  return templates().find((template) => {
    const parts = template.split('/');
    return parts.length === segments.length
      && parts.every((part, i) => (part.startsWith('{') ? segments[i] !== '' : part === segments[i]));
  });
}

function validator(key, schema) {
  if (!validators.has(key)) validators.set(key, ajv.compile({ ...schema, components: doc.components }));
  return validators.get(key);
}

function problemSchema(name) {
  return { $ref: `#/components/schemas/${name}` };
}

/** Everything wrong with an answer, as readable lines; empty when the document allows it. */
function violations(request, answer) {
  const where = `${request.method} ${request.path} → ${answer.status}`;
  const found = [];
  if (answer.status >= 500) found.push(`${where}: a 5xx`);
  const template = templateOf(request.path);
  const documented = template && doc.paths[template];
  let response; let key;
  if (!documented) {
    if (![400, 404].includes(answer.status)) return [...found, `${where}: an unknown path must be 404 (or 400)`];
    response = { content: { 'application/problem+json': { schema: problemSchema(answer.status === 404 ? 'NotFoundProblem' : 'ValidationProblem') } } };
    key = `unknown ${answer.status}`;
  } else if (!documented[request.method.toLowerCase()]) {
    const allowed = Object.keys(documented).map((m) => m.toUpperCase()).sort();
    if (answer.status !== 405 && answer.status !== 400 && answer.status !== 413) {
      return [...found, `${where}: an undocumented method must be 405 (documented: ${allowed})`];
    }
    if (answer.status === 405) {
      const allow = (answer.headers.allow ?? '').split(',').map((m) => m.trim()).filter((m) => m && m !== 'HEAD' && m !== 'OPTIONS').sort();
      if (allow.join() !== allowed.join()) found.push(`${where}: Allow '${answer.headers.allow}' is not the documented ${allowed}`);
    }
    const name = { 400: 'ValidationProblem', 405: 'MethodNotAllowedProblem', 413: 'PayloadTooLargeProblem' }[answer.status];
    response = { content: { 'application/problem+json': { schema: problemSchema(name) } } };
    key = `method ${answer.status}`;
  } else {
    const operation = documented[request.method.toLowerCase()];
    response = operation.responses[String(answer.status)];
    if (!response) {
      return [...found, `${where}: status not documented (documented: ${Object.keys(operation.responses)}) ${answer.body}`];
    }
    key = `${template} ${request.method} ${answer.status}`;
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.required && answer.headers[name.toLowerCase()] === undefined) found.push(`${where}: header ${name} missing`);
    }
  }
  if (!response.content) return found;
  const mediaType = (answer.headers['content-type'] ?? '').split(';')[0].trim();
  const media = response.content[mediaType];
  if (!media) return [...found, `${where}: Content-Type '${mediaType}' not documented (${Object.keys(response.content)})`];
  let json;
  try {
    json = JSON.parse(answer.body);
  } catch {
    return [...found, `${where}: body is not JSON: ${answer.body.slice(0, 200)}`];
  }
  const validate = validator(`${key} ${mediaType}`, media.schema);
  if (!validate(json)) {
    found.push(`${where}: body breaks the schema: ${ajv.errorsText(validate.errors)} in ${answer.body.slice(0, 500)}`);
  }
  return found;
}

async function check(request) {
  const answer = await send(request);
  const found = violations(request, answer);
  assert.deepEqual(found, [], found.join('\n'));
  return answer;
}

async function property(arbitrary) {
  await fc.assert(fc.asyncProperty(arbitrary, async (request) => { await check(request); }), { numRuns, seed, verbose: 1, includeErrorInReport: true });
}

// ----------------------------------------------------------------------------------------- the generators ---------
const odd = ['', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udc00', '\u2003', '\u00a0', '\t\n', '😀', 'é', '%', '{}',
  'A'.repeat(64), 'A'.repeat(65), 'Ä'.repeat(201), '😀'.repeat(150), "'; DROP TABLE product; --", '../../etc'];
const text = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udfff', '\u2003', ' ', 'a', '😀'), maxLength: 10 }),
  fc.constantFrom(...odd),
);
const key = fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/), text);
const number = fc.oneof(
  fc.integer({ min: -5, max: 2_000_000 }).map(String),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom('1e309', '-0', '1.0', '1e2', '0.5', '9'.repeat(400), '2147483648', '1000000000', '1000000001'),
);
// Raw JSON text of any value: so huge numerals, and strings that JSON.stringify escapes (lone surrogates, NUL).
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    text.map((s) => JSON.stringify(s)), number, fc.constantFrom('true', 'false', 'null'),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }).map(
      (object) => `{${Object.entries(object).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`)),
})).value;

/** A JSON object whose known fields are mostly plausible and sometimes hostile, missing, repeated or joined by others. */
function object(fields) {
  const entries = Object.entries(fields).map(([name, plausible]) => fc.option(
    fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: anyValue }).map((v) => [name, v]),
    { freq: 8, nil: null }));
  return fc.tuple(fc.tuple(...entries), fc.array(fc.tuple(fc.string({ maxLength: 10 }), anyValue), { maxLength: 2 }),
    fc.boolean(), fc.nat())
    .map(([known, extra, repeat, position]) => {
      const all = [...known.filter(Boolean), ...extra];
      if (repeat && all.length > 0) all.splice(position % (all.length + 1), 0, all[position % all.length]);
      return `{${all.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
    });
}

/** Now and then the body is broken outright: cut short, another type, nested too deep, not UTF-8. */
function body(json) {
  return fc.oneof(
    { weight: 12, arbitrary: json },
    { weight: 1, arbitrary: json.chain((text) => fc.nat({ max: Math.max(0, text.length - 1) }).map((n) => text.slice(0, n))) },
    { weight: 1, arbitrary: anyValue },
    { weight: 1, arbitrary: fc.integer({ min: 600, max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)) },
    { weight: 1, arbitrary: json.map((text) => Buffer.concat([Buffer.from(text.slice(0, 2)), Buffer.from([0xe9, 0xff]), Buffer.from(text.slice(2))])) },
    // Overlong forms ('A', '/'), an encoded surrogate, a sequence cut short: bytes a lenient decoder reads as other text.
    { weight: 1, arbitrary: fc.tuple(json, fc.constantFrom([0xc1, 0x81], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82]))
      .map(([text, bytes]) => Buffer.concat([Buffer.from(text.slice(0, 2)), Buffer.from(bytes), Buffer.from(text.slice(2))])) },
  );
}

const contentType = fc.oneof({ weight: 10, arbitrary: fc.constant('application/json') },
  fc.constantFrom('application/json; charset=UTF-8', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded',
    'application/problem+json', 'application/json; charset=ISO-8859-1', '*/*', 'application/*', 'text/*', '*', ''));
const accept = fc.oneof({ weight: 10, arbitrary: fc.constant('*/*') },
  fc.constantFrom('application/json', 'application/problem+json', 'text/html', 'application/xml', 'application/*', '',
    'garbage', 'a/b/c', 'application/json;q=0', 'application/json;q=abc', 'text/html;q=0, */*;q=0.5'));
const strategy = fc.oneof(fc.constantFrom('', 'pessimistic', 'optimistic', 'atomic', 'batched', 'ATOMIC', 'nope'),
  text.map(encodeURIComponentSafe));
const sku = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...skus).map((s) => JSON.stringify(s)) }, key.map((s) => JSON.stringify(s)));
const quantity = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }).map(String) }, number);
const items = fc.array(object({ sku, quantity }), { minLength: 0, maxLength: 4 }).map((lines) => `[${lines.join(',')}]`);
const orderId = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^FZ-[A-Z0-9]{1,12}$/) }, key).map((s) => JSON.stringify(s));

function encodeURIComponentSafe(value) {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate has no UTF-8: send the bytes of its CESU-8 form, which are not UTF-8
  }
}

function jsonRequest(method, path, json, query = fc.constant('')) {
  return fc.record({ body: body(json), type: contentType, accept, query }).map(({ body, type, accept, query }) => ({
    method, path: path + query, body, headers: { ...(type ? { 'Content-Type': type } : {}), ...(accept ? { Accept: accept } : {}) },
  }));
}

// A query string: well-formed parameters with hostile values, and the malformed kinds Tomcat cannot decode.
const queryPart = fc.oneof(
  fc.tuple(fc.constantFrom('page', 'size', 'orderId', 'strategy', 'x'), fc.oneof(number, text.map(encodeURIComponentSafe)))
    .map(([name, value]) => `${name}=${value}`),
  fc.constantFrom('=x', 'page=%zz', 'orderId=caf%E9', 'orderId=a%00b', 'size=%', '&&', 'a', '%00=1', 'page=1&page=2',
    'orderId=%ED%A0%80', 'size=1e3', 'page=-1', 'page=99999999999999999999'),
);
const query = fc.oneof(fc.constant(''), fc.array(queryPart, { minLength: 1, maxLength: 3 }).map((parts) => `?${parts.join('&')}`));

// A path segment for a path variable: plausible, unknown, or odd but sendable (percent-escaped).
// (Never empty, '.' or '..': the container would normalise the path into another one.)
const segment = fc.oneof(fc.constantFrom(...skus), fc.uuid(),
  key.map(encodeURIComponentSafe).filter((s) => s !== '' && s !== '.' && s !== '..'),
  fc.constantFrom('%5C', '%2F', '%00', 'a;b=c', '%E9', '%25', '%20'));

// -------------------------------------------------------------------------------------------- the properties -------
before(async () => {
  doc = JSON.parse((await send({ method: 'GET', path: '/v3/api-docs' })).body);
  for (const s of skus) {
    const created = await send({ method: 'POST', path: '/api/v1/products', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sku: s, name: `Fuzz ${s}`, stock: 1_000_000 }) });
    assert.equal(created.status, 201, created.body);
  }
  console.log(`contract fuzz: seed ${seed} (FUZZ_SEED=${seed} replays it), ${numRuns} runs per property`);
});

test('creating products', () => property(jsonRequest('POST', '/api/v1/products',
  object({ sku: key.map((s) => JSON.stringify(s)), name: text.map((s) => JSON.stringify(s)), stock: number }))));

test('restocking', () => property(segment.chain((s) => jsonRequest('POST', `/api/v1/products/${s}/restock`,
  object({ quantity: number })))));

test('deducting', () => property(jsonRequest('POST', '/api/v1/deductions', object({ orderId, items }),
  fc.option(strategy.map((s) => `?strategy=${s}`), { nil: '' }))));

test('reserving and extending', () => property(fc.oneof(
  jsonRequest('POST', '/api/v1/reservations', object({ orderId, items, ttlSeconds: number }),
    fc.option(strategy.map((s) => `?strategy=${s}`), { nil: '' })),
  segment.chain((s) => jsonRequest('POST', `/api/v1/reservations/${s}/extend`, object({ ttlSeconds: number }))))));

test('any query string on any operation', () => property(
  fc.tuple(fc.constantFrom(...Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => [m, path]))),
    segment, query, accept)
    .map(([[method, template], s, q, a]) => ({
      method: method.toUpperCase(), path: template.replace(/\{[^}]+}/g, s) + q, headers: { Accept: a },
      body: method === 'post' ? '{}' : undefined,
    }))
    .map((request) => (request.body ? { ...request, headers: { ...request.headers, 'Content-Type': 'application/json' } } : request))));

test('any method on any path', () => property(
  fc.tuple(fc.constantFrom(...METHODS, 'TRACE'),
    fc.oneof(fc.constantFrom(...templates()), fc.array(fc.constantFrom('api', 'v1', 'products', 'deductions',
      'reservations', 'movements', 'cancel', 'x', '{id}'), { minLength: 1, maxLength: 5 }).map((parts) => `/${parts.join('/')}`)),
    segment)
    .map(([method, template, s]) => ({ method, path: template.replace(/\{[^}]+}/g, s),
      ...(method === 'POST' || method === 'PUT' || method === 'PATCH'
        ? { body: '{}', headers: { 'Content-Type': 'application/json' } } : {}) }))));
