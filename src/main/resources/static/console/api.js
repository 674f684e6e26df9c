// The service's API, as this page uses it: every call with the signed-in user's bearer token, every failure an
// ApiError carrying the RFC 9457 problem the service answered. Paths are relative to the console (../api/v1/…), so
// the page works wherever the service is mounted.

const BASE = new URL('../', window.location.href);

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The problem type's last segment (insufficient-stock, forbidden, …), or ''. */
  get type() {
    return String(this.problem.type ?? '').split('/').pop();
  }
}

export class Api {
  /** tokenOf(): the current access token or null; unauthorized(error): called on every 401. */
  constructor(tokenOf, unauthorized) {
    this.tokenOf = tokenOf;
    this.unauthorized = unauthorized;
  }

  async request(method, path, { body, headers = {}, accept = 'application/json' } = {}) {
    const token = this.tokenOf();
    const response = await fetch(new URL(path, BASE), {
      method,
      headers: {
        Accept: accept,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const type = response.headers.get('Content-Type') ?? '';
    const content = type.includes('json') ? await response.json().catch(() => null) : await response.text();
    if (!response.ok) {
      const error = new ApiError(response.status, typeof content === 'object' ? content : { detail: content });
      if (response.status === 401) this.unauthorized(error);
      throw error;
    }
    return { status: response.status, headers: response.headers, body: content };
  }

  async product(sku) {
    return (await this.request('GET', `api/v1/products/${encodeURIComponent(sku)}`)).body;
  }

  async products(size = 100) {
    return (await this.request('GET', `api/v1/products?size=${size}`)).body.content;
  }

  async locations() {
    return (await this.request('GET', 'api/v1/locations')).body;
  }

  /** One keyset page of the product's ledger, newest first: the entries with an id below `before` (or the newest). */
  async movements(sku, { before, size = 100 } = {}) {
    const query = new URLSearchParams({ size: String(size) });
    if (before !== undefined) query.set('before', String(before));
    return (await this.request('GET', `api/v1/products/${encodeURIComponent(sku)}/movements?${query}`)).body.content;
  }

  async restock(sku, quantity, location, idempotencyKey) {
    return (await this.request('POST', `api/v1/products/${encodeURIComponent(sku)}/restock`, {
      body: { quantity, location }, headers: { 'Idempotency-Key': idempotencyKey },
    })).body;
  }

  /** An operator's read of any client's reservation by its order id (inventory.admin). */
  async reservation(orderId, clientId) {
    const query = new URLSearchParams({ orderId, clientId });
    return (await this.request('GET', `api/v1/reservations?${query}`)).body;
  }

  /** The actuator's Prometheus text (inventory.admin): the service's counters, every product, this instance. */
  async metrics() {
    return (await this.request('GET', 'actuator/prometheus', { accept: 'text/plain' })).body;
  }
}

/** Sums of a Prometheus counter by one label: {completed: 12, insufficient_stock: 3, …}. */
export function counterBy(text, metric, label) {
  const sums = {};
  const line = new RegExp(`^${metric}\\{([^}]*)\\}\\s+(\\S+)`);
  for (const row of String(text).split('\n')) {
    const match = line.exec(row);
    if (!match) continue;
    const value = /(?:^|,)\s*LABEL="([^"]*)"/.source.replace('LABEL', label);
    const key = new RegExp(value).exec(match[1])?.[1] ?? '';
    sums[key] = (sums[key] ?? 0) + Number(match[2]);
  }
  return sums;
}
