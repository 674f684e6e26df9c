// The stock console: find a product, see its stock per location, its ledger as a chart and a table, the holds the
// ledger shows, restock it (inventory.admin), and watch it live during a flash sale. Everything it shows is an answer
// of the service's API to the signed-in user's token.

import { Api, ApiError, counterBy } from './api.js';
import { claimsOf, completeSignIn, currentToken, forgetToken, loadConfig, scopesOf, signIn } from './auth.js';
import { stepChart } from './chart.js';

const $ = (id) => document.getElementById(id);
const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ADMIN = 'inventory.admin';
const LEDGER_PAGE = 100;
const LIVE_INTERVAL_MS = 1000;
const LIVE_PAGES = 10; // ledger pages a tick reads at most: beyond 1,000 new entries a second, counts are floors
const MAX_ENTRIES = 2000;
const EFFECT = { INITIAL: 1, RESTOCK: 1, CANCEL: 1, DEDUCT: -1, CONFIRM: -1, RESERVE: 0, RELEASE: 0 };
const number = (n) => (n === null || n === undefined ? '—' : Number(n).toLocaleString('en-US'));

const state = {
  config: null,
  token: null,
  product: null,
  entries: [], // the product's ledger entries loaded so far, newest first
  ledgerEnd: false, // the oldest entry is loaded
  highlight: null, // the id of the entry a restock just wrote
  allLocations: [],
  restockKey: null,
  live: null,
};

const api = new Api(() => state.token?.accessToken, () => signedOut(
  'The service refused your sign-in (401): it has expired or is not valid here. Sign in again.'));

// --- messages ---------------------------------------------------------------------------------------------------

function say(message) {
  $('status').textContent = message;
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = !message;
}

/** A problem detail as one sentence: "403 Forbidden: … (needs inventory.admin)". */
function problemText(error) {
  if (!(error instanceof ApiError)) return error?.message ?? String(error);
  const p = error.problem;
  let text = `${error.status} ${p.title ?? ''}`.trim();
  if (p.detail) text += `: ${p.detail}`;
  if (p.requiredScope && !String(p.detail ?? '').includes(p.requiredScope)) {
    text += ` (needs the scope ${p.requiredScope})`;
  }
  if (Array.isArray(p.errors) && p.errors.length) {
    text += ` — ${p.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`;
  }
  return text;
}

/** A time (an ISO string or milliseconds) as local YYYY-MM-DD HH:MM:SS. */
function time(value) {
  const d = new Date(value);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
    + `:${pad(d.getSeconds())}`;
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  row.append(td);
  return td;
}

// --- signing in and out -----------------------------------------------------------------------------------------

function hasScope(scope) {
  return state.token ? scopesOf(state.token).includes(scope) : false;
}

function renderSession() {
  const signedIn = Boolean(state.token);
  $('signed-out').hidden = signedIn;
  $('finder').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
  $('who').hidden = !signedIn;
  if (!signedIn) {
    $('product').hidden = true;
    return;
  }
  const claims = claimsOf(state.token);
  const name = claims.preferred_username ?? claims.sub ?? claims.client_id ?? 'you';
  $('who').textContent = `Signed in as ${name} · ${scopesOf(state.token).join(' ') || 'no scopes'}`;
}

function signedOut(message) {
  stopLive();
  forgetToken();
  state.token = null;
  state.product = null;
  renderSession();
  if (message) showError(message);
  $('sign-in').focus();
}

async function startSignIn() {
  showError('');
  $('sign-in').disabled = true;
  say('Going to the sign-in page…');
  try {
    await signIn(state.config, window.location.hash);
  } catch (error) {
    $('sign-in').disabled = false;
    say('');
    showError(error.message);
  }
}

// --- finding a product ------------------------------------------------------------------------------------------

async function fillSuggestions() {
  try {
    const products = await api.products(100);
    $('skus').replaceChildren(...products.map((p) => {
      const option = document.createElement('option');
      option.value = p.sku;
      option.label = p.name;
      return option;
    }));
  } catch {
    // Suggestions only: typing a SKU works without them.
  }
  try {
    state.allLocations = await api.locations();
  } catch {
    state.allLocations = [];
  }
}

async function lookUp(sku) {
  showError('');
  if (!SKU.test(sku)) {
    $('sku').setAttribute('aria-invalid', 'true');
    showError(`"${sku}" is not a SKU: 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit.`);
    $('sku').focus();
    return;
  }
  $('sku').removeAttribute('aria-invalid');
  stopLive();
  say(`Looking up ${sku}…`);
  try {
    const product = await api.product(sku);
    state.product = product;
    state.entries = [];
    state.ledgerEnd = false;
    state.highlight = null;
    state.restockKey = null;
    window.history.replaceState(null, '', `#${encodeURIComponent(sku)}`);
    $('sku').value = sku;
    $('restock-result').textContent = '';
    $('restock-error').hidden = true;
    $('restock-fields').disabled = false;
    renderProduct();
    $('product').hidden = false;
    await loadLedger(3);
    say(`${product.sku}, ${product.name}: ${number(product.available)} available of ${number(product.stock)} in stock`
      + ` at ${product.locations.length} location${product.locations.length === 1 ? '' : 's'}.`);
  } catch (error) {
    say('');
    if (error instanceof ApiError && error.status === 404) {
      $('product').hidden = true;
      showError(`No product has the SKU ${sku} (404 ${error.type}).`);
    } else if (!(error instanceof ApiError && error.status === 401)) {
      showError(problemText(error));
    }
  }
}

function renderProduct() {
  renderStock(state.product);
  renderRestockForm();
}

/** The product's figures: totals and the table per location. */
function renderStock(p) {
  $('product-title').textContent = `${p.name} (${p.sku})`;
  const low = p.lowStockThreshold !== null && p.stock < p.lowStockThreshold;
  $('product-meta').textContent = `Version ${p.version}, changed ${time(p.updatedAt)}`
    + (p.lowStockThreshold === null ? '' : ` · low-stock threshold ${number(p.lowStockThreshold)}`)
    + (low ? ' · below it' : '');
  $('product-meta').classList.toggle('warn', low);
  $('total-stock').textContent = number(p.stock);
  $('total-reserved').textContent = number(p.reserved);
  $('total-available').textContent = number(p.available);
  $('foot-stock').textContent = number(p.stock);
  $('foot-reserved').textContent = number(p.reserved);
  $('foot-available').textContent = number(p.available);
  $('locations').tBodies[0].replaceChildren(...p.locations.map((l) => {
    const row = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = l.location;
    row.append(th);
    cell(row, number(l.stock), 'num');
    cell(row, number(l.reserved), 'num');
    cell(row, number(l.available), 'num');
    return row;
  }));
}

// --- the ledger: chart, table, older pages ---------------------------------------------------------------------

/** Adds entries to those loaded (newest first), keeping the newest MAX_ENTRIES: a long sale must not fill memory. */
function mergeEntries(entries) {
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  for (const entry of entries) byId.set(entry.id, entry);
  state.entries = [...byId.values()].sort((a, b) => b.id - a.id);
  if (state.entries.length > MAX_ENTRIES) {
    state.entries = state.entries.slice(0, MAX_ENTRIES);
    state.ledgerEnd = false;
  }
}

async function loadLedger(pages) {
  const sku = state.product.sku;
  for (let i = 0; i < pages && !state.ledgerEnd; i += 1) {
    const oldest = state.entries[state.entries.length - 1];
    const page = await api.movements(sku, { before: oldest?.id, size: LEDGER_PAGE });
    if (state.product?.sku !== sku) return;
    mergeEntries(page);
    if (page.length < LEDGER_PAGE) state.ledgerEnd = true;
  }
  renderLedger();
  await renderHolds();
}

/** Each location's stock over the loaded window, as step points, and their total. */
function ledgerSeries() {
  const p = state.product;
  const ascending = [...state.entries].reverse();
  const now = Date.now();
  const start = ascending.length ? Date.parse(ascending[0].createdAt) : now;
  const codes = [...new Set([...p.locations.map((l) => l.location), ...ascending.map((e) => e.location)])];
  const level = new Map();
  for (const code of codes) {
    const first = ascending.find((e) => e.location === code);
    // Before its first loaded entry, a location held that entry's stockAfter less what the entry moved; a location
    // without entries in the window held what it holds now throughout.
    level.set(code, first ? first.stockAfter - EFFECT[first.kind] * first.quantity
      : (p.locations.find((l) => l.location === code)?.stock ?? 0));
  }
  const series = codes.map((code, i) => ({
    name: code, className: `series-${i % 6}`, points: [[start, level.get(code)]], marks: [],
  }));
  const total = { name: 'Total', className: 'series-total', points: [[start, sum(level)]] };
  for (const e of ascending) {
    const t = Date.parse(e.createdAt);
    const s = series[codes.indexOf(e.location)];
    level.set(e.location, e.stockAfter);
    s.points.push([t, e.stockAfter]);
    if (ascending.length <= 120) {
      s.marks.push({ t, v: e.stockAfter, label: `#${e.id} ${e.kind} ${e.quantity} at ${e.location}: ${e.stockAfter}` });
    }
    total.points.push([t, sum(level)]);
  }
  return { series: codes.length > 1 ? [total, ...series] : series, start, end: Math.max(now, lastTime(ascending)) };
}

function sum(levels) {
  let total = 0;
  for (const value of levels.values()) total += value;
  return total;
}

function lastTime(ascending) {
  return ascending.length ? Date.parse(ascending[ascending.length - 1].createdAt) : 0;
}

function renderLedger() {
  const p = state.product;
  const { series, start, end } = ledgerSeries();
  const n = state.entries.length;
  const description = n === 0 ? 'No ledger entries.'
    : `Stock of ${p.sku} per location over time, from ${n} ledger entries between ${time(start)} and `
      + `${time(end)}; in stock now: ${number(p.stock)}.`;
  stepChart($('ledger-chart'), series, {
    title: `Stock of ${p.sku} over time`, description, from: start, to: end,
  });
  $('ledger-legend').replaceChildren(...series.map((s) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch ${s.className}`;
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, `${s.name}: ${number(s.points[s.points.length - 1][1])}`);
    return item;
  }));
  $('ledger-summary').textContent = n === 0 ? 'The ledger has no entries for this product.'
    : `${n} entr${n === 1 ? 'y' : 'ies'} loaded${state.ledgerEnd ? ' (all of them)' : ', the newest'};`
      + ' each line is one location\'s stock after each entry'
      + `${series.length > 1 ? ', the thick line their total' : ''}.`;
  $('ledger-older').hidden = state.ledgerEnd;
  $('ledger-table').tBodies[0].replaceChildren(...state.entries.slice(0, 50).map((e) => {
    const row = document.createElement('tr');
    if (e.id === state.highlight) row.className = 'new';
    cell(row, `#${e.id}`, 'num');
    cell(row, time(e.createdAt));
    cell(row, e.kind);
    const effect = EFFECT[e.kind];
    cell(row, effect === 0 ? `${number(e.quantity)} ${e.kind === 'RESERVE' ? 'held' : 'freed'}`
      : `${effect > 0 ? '+' : '−'}${number(e.quantity)}`, 'num');
    cell(row, e.location);
    cell(row, number(e.stockAfter), 'num');
    cell(row, e.reference ?? '—');
    cell(row, e.actor);
    return row;
  }));
  $('ledger-caption').textContent = n > 50 ? `The newest 50 of ${n} entries loaded` : 'Newest entries first';
}

// --- holds ------------------------------------------------------------------------------------------------------

/**
 * The API lists no reservations by product, so the holds are read from the ledger: RESERVE entries whose units no
 * RELEASE or CONFIRM of the same order id has ended yet, among the entries loaded.
 */
function holdsFromLedger() {
  const holds = new Map();
  for (const e of [...state.entries].reverse()) {
    if (!e.reference) continue;
    if (e.kind === 'RESERVE') {
      const hold = holds.get(e.reference) ?? { orderId: e.reference, client: e.actor, since: e.createdAt, units: 0,
        at: new Map() };
      hold.units += e.quantity;
      hold.at.set(e.location, (hold.at.get(e.location) ?? 0) + e.quantity);
      holds.set(e.reference, hold);
    } else if ((e.kind === 'RELEASE' || e.kind === 'CONFIRM') && holds.has(e.reference)) {
      const hold = holds.get(e.reference);
      hold.units -= e.quantity;
      hold.at.set(e.location, (hold.at.get(e.location) ?? 0) - e.quantity);
    }
  }
  return [...holds.values()].filter((h) => h.units > 0);
}

async function renderHolds() {
  const p = state.product;
  const holds = holdsFromLedger();
  const found = holds.reduce((total, h) => total + h.units, 0);
  const admin = hasScope(ADMIN);
  let note = 'The API offers no list of a product\'s reservations (a reservation is read by its id or its order id),'
    + ' so these are read from the ledger loaded above: RESERVE entries not yet released or confirmed.';
  if (p.reserved === 0) note += ' Nothing of this product is reserved now.';
  else if (found === p.reserved) note += ` They account for all ${number(p.reserved)} reserved units.`;
  else {
    note += ` They account for ${number(found)} of the ${number(p.reserved)} reserved units; the rest were reserved`
      + ` before the oldest entry loaded${state.ledgerEnd ? '' : ' (load older entries)'}.`;
  }
  note += admin ? ' Expiry times are each reservation\'s own, read with inventory.admin.'
    : ' Expiry times need inventory.admin (another client\'s reservation is not yours to read).';
  $('holds-note').textContent = note;
  const details = admin ? await Promise.all(holds.slice(0, 20).map((h) => api.reservation(h.orderId, h.client)
    .catch(() => null))) : [];
  if (state.product !== p) return;
  const body = $('holds-table').tBodies[0];
  body.replaceChildren(...holds.map((h, i) => {
    const row = document.createElement('tr');
    cell(row, h.orderId);
    cell(row, h.client);
    cell(row, number(h.units), 'num');
    cell(row, [...h.at].filter(([, units]) => units > 0).map(([code, units]) => `${code} ${number(units)}`)
      .join(', '));
    cell(row, time(h.since));
    const reservation = details[i];
    cell(row, reservation ? `${time(reservation.expiresAt)} (${reservation.status})` : admin ? 'unknown' : '—');
    return row;
  }));
  if (holds.length === 0) {
    const row = document.createElement('tr');
    const td = cell(row, 'No active holds in the ledger loaded.');
    td.colSpan = 6;
    body.replaceChildren(row);
  }
}

// --- restocking -------------------------------------------------------------------------------------------------

function renderRestockForm() {
  const p = state.product;
  const select = $('restock-location');
  const previous = select.value;
  const codes = [...new Set([...p.locations.map((l) => l.location), ...state.allLocations.map((l) => l.code)])];
  select.replaceChildren(...codes.map((code) => {
    const option = document.createElement('option');
    option.value = code;
    const here = p.locations.find((l) => l.location === code);
    option.textContent = here ? `${code} (${number(here.stock)} in stock)` : `${code} (not kept here yet)`;
    return option;
  }));
  if (codes.includes(previous)) select.value = previous;
  $('restock-note').textContent = hasScope(ADMIN)
    ? 'Your sign-in has inventory.admin: the units are added at once, and the ledger records them.'
    : 'Your sign-in has no inventory.admin, which a restock needs: the service will refuse it.';
}

async function restock(event) {
  event.preventDefault();
  const p = state.product;
  const input = $('restock-quantity');
  const quantity = Number(input.value);
  const location = $('restock-location').value;
  $('restock-error').hidden = true;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000_000) {
    input.setAttribute('aria-invalid', 'true');
    showRestockError('The quantity must be a whole number from 1 to 1,000,000,000.');
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  const before = p.locations.find((l) => l.location === location)?.stock ?? 0;
  // One key per restock the user asked for: sent again only if this very request has to be repeated.
  state.restockKey = state.restockKey ?? crypto.randomUUID();
  $('restock-submit').disabled = true;
  say('');
  $('restock-result').textContent = `Restocking ${number(quantity)} at ${location}…`;
  try {
    const product = await api.restock(p.sku, quantity, location, state.restockKey);
    state.restockKey = null;
    state.product = product;
    renderProduct();
    const page = await api.movements(product.sku, { size: 20 });
    mergeEntries(page);
    const entry = page.find((e) => e.kind === 'RESTOCK' && e.location === location && e.quantity === quantity);
    state.highlight = entry?.id ?? null;
    renderLedger();
    await renderHolds();
    const after = product.locations.find((l) => l.location === location)?.stock;
    $('restock-result').textContent = `Restocked ${number(quantity)} at ${location}: ${location} now holds `
      + `${number(after)} (was ${number(before)}); ${number(product.available)} available in all.`
      + (entry ? ` Ledger entry #${entry.id}: RESTOCK +${number(entry.quantity)} at ${entry.location}, stock after `
        + `${number(entry.stockAfter)}, by ${entry.actor}.` : '');
    input.value = '';
  } catch (error) {
    $('restock-result').textContent = '';
    if (error instanceof ApiError && error.status < 500) state.restockKey = null;
    if (error instanceof ApiError && error.status === 403) {
      $('restock-fields').disabled = true;
      showRestockError(`Refused: ${problemText(error)}. Your sign-in may read stock but not restock; sign in as `
        + 'someone with inventory.admin to restock.');
    } else if (!(error instanceof ApiError && error.status === 401)) {
      showRestockError(`Not restocked: ${problemText(error)}`);
    }
  } finally {
    $('restock-submit').disabled = false;
  }
}

function showRestockError(message) {
  const box = $('restock-error');
  box.textContent = message;
  box.hidden = false;
}

// --- the live view ----------------------------------------------------------------------------------------------

function toggleLive() {
  if (state.live) stopLive();
  else startLive();
}

function startLive() {
  const p = state.product;
  state.live = {
    sku: p.sku, samples: [], lastId: state.entries[0]?.id ?? 0, started: Date.now(), orders: new Set(),
    orderTimes: [], soldOutAt: p.available === 0 ? Date.now() : null, baseline: null, counters: null,
    announcedAt: 0, announcedSoldOut: false, timer: null,
  };
  $('live-toggle').setAttribute('aria-pressed', 'true');
  $('live-toggle').textContent = 'Stop watching';
  $('live-body').hidden = false;
  say(`Watching ${p.sku} live: the figures below change every second.`);
  tick();
}

function stopLive() {
  if (!state.live) return;
  clearTimeout(state.live.timer);
  state.live = null;
  $('live-toggle').setAttribute('aria-pressed', 'false');
  $('live-toggle').textContent = 'Watch live';
  if (state.product) {
    renderProduct();
    renderLedger();
  }
}

async function tick() {
  const live = state.live;
  if (!live) return;
  try {
    const product = await api.product(live.sku);
    const { fresh, complete } = await newEntries(live);
    const counters = hasScope(ADMIN) ? await serviceCounters() : null;
    if (state.live !== live) return;
    state.product = product;
    mergeEntries(fresh);
    const now = Date.now();
    live.samples.push({ t: now, stock: product.stock, available: product.available });
    for (const e of fresh) {
      if ((e.kind === 'DEDUCT' || e.kind === 'RESERVE') && !live.orders.has(e.reference)) {
        live.orders.add(e.reference);
        live.orderTimes.push(now);
      }
    }
    live.orderTimes = live.orderTimes.filter((t) => t >= now - 5000);
    if (!complete) live.incomplete = true;
    if (product.available === 0 && live.soldOutAt === null) live.soldOutAt = now;
    if (product.available > 0) live.soldOutAt = null;
    if (counters) {
      live.baseline ??= counters;
      live.counters = counters;
    }
    renderLive(live, now);
    renderStock(product);
    if (live.samples.length % 5 === 0) renderLedger();
  } catch (error) {
    if (state.live !== live) return;
    $('live-announce').textContent = `Could not read ${live.sku}: ${problemText(error)}`;
  }
  if (state.live === live) live.timer = setTimeout(tick, LIVE_INTERVAL_MS);
}

/** The ledger entries newer than the last seen, by keyset pages (at most LIVE_PAGES a tick); complete if all. */
async function newEntries(live) {
  const fresh = [];
  let before;
  let complete = false;
  for (let i = 0; i < LIVE_PAGES && !complete; i += 1) {
    const page = await api.movements(live.sku, { before, size: LEDGER_PAGE });
    const newer = page.filter((e) => e.id > live.lastId);
    fresh.push(...newer);
    complete = newer.length < page.length || page.length < LEDGER_PAGE;
    before = page[page.length - 1]?.id;
  }
  if (fresh.length) live.lastId = fresh.reduce((max, e) => Math.max(max, e.id), live.lastId);
  return { fresh, complete };
}

async function serviceCounters() {
  try {
    const text = await api.metrics();
    const deductions = counterBy(text, 'inventory_deductions_total', 'outcome');
    const reservations = counterBy(text, 'inventory_reservations_total', 'outcome');
    return {
      insufficient: (deductions.insufficient_stock ?? 0) + (reservations.insufficient_stock ?? 0),
      contention: (deductions.contention ?? 0) + (reservations.contention ?? 0),
    };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw error;
    return null;
  }
}

function renderLive(live, now) {
  const latest = live.samples[live.samples.length - 1];
  const windowStart = now - 5000;
  const earlier = live.samples.find((s) => s.t >= windowStart) ?? live.samples[0];
  const seconds = Math.max(1, (latest.t - earlier.t) / 1000);
  const fall = (earlier.available - latest.available) / seconds;
  const recentOrders = live.orderTimes.filter((t) => t >= windowStart).length;
  const orderSeconds = Math.max(1, Math.min(5, (now - live.started) / 1000));
  $('live-available').textContent = number(latest.available);
  $('live-units-rate').textContent = fall > 0 ? `−${fall.toFixed(1)}` : fall < 0 ? `+${(-fall).toFixed(1)}` : '0';
  const floor = live.incomplete ? '≥ ' : ''; // some ticks had more new entries than it reads
  $('live-orders-rate').textContent = `${floor}${(recentOrders / orderSeconds).toFixed(1)}`;
  $('live-orders').textContent = `${floor}${number(live.orders.size)}`;
  $('live-sold-out').textContent = live.soldOutAt === null ? 'not yet' : `at ${time(live.soldOutAt).slice(11)}`;
  $('live-sold-out').classList.toggle('warn', live.soldOutAt !== null);
  if (live.counters) {
    $('live-409').textContent = number(live.counters.insufficient - live.baseline.insufficient);
    $('live-503').textContent = number(live.counters.contention - live.baseline.contention);
  } else {
    $('live-409').textContent = '— (needs inventory.admin)';
    $('live-503').textContent = '— (needs inventory.admin)';
  }
  stepChart($('live-chart'), [
    { name: 'In stock', className: 'series-total', points: live.samples.map((s) => [s.t, s.stock]) },
    { name: 'Available', className: 'series-1', points: live.samples.map((s) => [s.t, s.available]) },
  ], {
    title: `${live.sku} while watching`, height: 160, from: live.started, to: now,
    description: `In stock (thick) and available since ${time(live.started)}: `
      + `now ${number(latest.stock)} and ${number(latest.available)}.`,
  });
  // Screen readers hear the figures now and then, and at once when the product sells out.
  const soldOutNow = live.soldOutAt !== null && !live.announcedSoldOut;
  if (soldOutNow || now - live.announcedAt >= 10_000) {
    live.announcedAt = now;
    live.announcedSoldOut = live.soldOutAt !== null;
    $('live-announce').textContent = live.soldOutAt !== null ? `${live.sku} is sold out: 0 available.`
      : `${live.sku}: ${number(latest.available)} available, ${$('live-units-rate').textContent} units per second.`;
  }
}

// --- start ------------------------------------------------------------------------------------------------------

async function start() {
  $('sign-in').addEventListener('click', startSignIn);
  $('sign-out').addEventListener('click', () => {
    signedOut();
    say('Signed out of the console. Your session at the issuer may still be open: the next sign-in may not ask '
      + 'for your password.');
  });
  $('find-form').addEventListener('submit', (event) => {
    event.preventDefault();
    lookUp($('sku').value.trim());
  });
  $('restock-form').addEventListener('submit', restock);
  $('live-toggle').addEventListener('click', toggleLive);
  $('ledger-older').addEventListener('click', async () => {
    try {
      await loadLedger(1);
      say(`${state.entries.length} ledger entries loaded.`);
    } catch (error) {
      showError(problemText(error));
    }
  });
  let resized;
  window.addEventListener('resize', () => {
    clearTimeout(resized);
    resized = setTimeout(() => state.product && !state.live && renderLedger(), 200);
  });

  try {
    state.config = await loadConfig();
  } catch (error) {
    showError(error.message);
    return;
  }
  $('issuer-name').textContent = state.config.issuer ?? 'no issuer';
  if (!state.config.issuer) {
    $('sign-in').disabled = true;
    showError('The service names no issuer by URI (spring.security.oauth2.resourceserver.jwt.issuer-uri, or '
      + 'inventory.console.issuer): the console has nowhere to sign you in.');
  }
  try {
    if (await completeSignIn()) say('Signed in.');
  } catch (error) {
    showError(error.message);
  }
  state.token = currentToken();
  renderSession();
  if (!state.token) return;
  await fillSuggestions();
  const wanted = decodeURIComponent(window.location.hash.slice(1));
  if (wanted) await lookUp(wanted);
  else $('sku').focus();
}

start();
