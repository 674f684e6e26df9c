// The stock console in a real browser (Debian's chromium, driven by playwright-core), against a running service and
// its token issuer: sign in through the issuer's login form (authorization code + PKCE), look a product up, restock
// it as an operator, be refused as a viewer, and watch a small flash sale drain a product to 0.
//
//   BASE_URL=http://127.0.0.1:8080 ISSUER=http://127.0.0.1:9000 node --test console/tests/
//
// Environment: BASE_URL (the service), ISSUER (its issuer: the local authorization server, whose users and clients
// this test signs in as), CHROMIUM (/usr/bin/chromium), SCREENSHOTS (where the README's screenshots go, product.png
// and flash-sale.png; target/console when unset), ARTIFACTS (the other screenshots, and a failing test's;
// target/console), HEADED=1 to watch it. console/run starts the service and the issuer and runs this.

import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE_URL = required('BASE_URL').replace(/\/$/, '');
const ISSUER = required('ISSUER').replace(/\/$/, '');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(process.env.SCREENSHOTS || path.join(here, '../../target/console'));
const ARTIFACTS = path.resolve(process.env.ARTIFACTS || path.join(here, '../../target/console'));
const CONSOLE = `${BASE_URL}/console/`;
const ADMIN = { username: 'admin', password: 'admin-local-password' };
const VIEWER = { username: 'viewer', password: 'viewer-local-password' };
const suffix = randomBytes(3).toString('hex').toUpperCase();

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: console/tests need the service's URL and its issuer's`);
  return value;
}

// --- the API, as the shop's other clients call it (client-credentials tokens from the same issuer) ---------------

const tokens = {};

async function token(client, scope) {
  if (!tokens[client]) {
    const response = await fetch(`${ISSUER}/oauth2/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${client}:${client}-local-secret`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
    });
    assert.equal(response.status, 200, `a token for ${client}`);
    tokens[client] = (await response.json()).access_token;
  }
  return tokens[client];
}

const backOffice = () => token('back-office', 'inventory.read inventory.admin');
const orderFrontend = () => token('order-frontend', 'inventory.read inventory.order');

async function call(bearer, method, path_, body, expected) {
  const response = await fetch(`${BASE_URL}/api/v1${path_}`, {
    method,
    headers: { Authorization: `Bearer ${await bearer()}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  if (expected !== undefined) {
    assert.ok([expected].flat().includes(response.status),
      `${method} ${path_}: expected ${expected}, got ${response.status} ${JSON.stringify(json)}`);
  }
  return { status: response.status, body: json };
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
const product = async (sku) => (await call(backOffice, 'GET', `/products/${sku}`, undefined, 200)).body;

// --- the browser ------------------------------------------------------------------------------------------------

let browser;
const problems = []; // errors the console page logged (CSP violations included)

async function newPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  page.on('console', (message) => {
    // An answer the page expects and shows (the viewer's 403) is logged by the browser too: not a problem here.
    if (message.type() === 'error' && page.url().startsWith(CONSOLE)
        && !message.text().startsWith('Failed to load resource: the server responded with a status of 4')) {
      problems.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  return page;
}

/** Polls the element's text until it matches, or fails saying what it last was. */
async function textMatches(locator, pattern, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.textContent({ timeout: 1000 }).catch(() => '')) ?? '';
    if (pattern.test(text)) return text;
    await sleep(100);
  }
  assert.fail(`expected ${pattern} in ${locator}, last text: "${text}"`);
}

/** Through the real flow: the console sends the browser to the issuer's login form, the form sends it back. */
async function signIn(page, user) {
  await page.goto(CONSOLE);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(`${ISSUER}/login`));
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(CONSOLE));
  await textMatches(page.locator('#who'), new RegExp(`Signed in as ${user.username}`));
  assert.equal(new URL(page.url()).search, '', 'the code is taken out of the address bar');
}

async function lookUp(page, sku) {
  const input = page.getByLabel('Product SKU');
  await input.fill(sku);
  await input.press('Enter'); // the keyboard, as a person without a mouse would
  await textMatches(page.locator('#product-title'), new RegExp(`\\(${sku}\\)`));
}

async function screenshot(target, name, directory = SCREENSHOTS) {
  mkdirSync(directory, { recursive: true });
  const whole = typeof target.goto === 'function' ? { fullPage: true } : {};
  await target.screenshot({ path: path.join(directory, name), animations: 'disabled', ...whole });
}

/** Runs a test body; on failure, keeps what the page showed in ARTIFACTS/failure-NAME.png. */
async function withPage(name, viewport, body) {
  const page = await newPage(viewport);
  try {
    await body(page);
  } catch (error) {
    await screenshot(page, `failure-${name}.png`, ARTIFACTS).catch(() => {});
    throw error;
  } finally {
    await page.context().close();
  }
}

// --- the data: a lamp kept in two locations, with a history ----------------------------------------------------

const north = `WH-N-${suffix}`;
const south = `WH-S-${suffix}`;
const lamp = `LAMP-${suffix}`;

async function deduct(orderId, sku, quantity) {
  return call(orderFrontend, 'POST', '/deductions', { orderId, items: [{ sku, quantity }] });
}

before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !process.env.HEADED,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  await call(backOffice, 'POST', '/locations', { code: north, name: 'North warehouse', priority: 1 }, 201);
  await call(backOffice, 'POST', '/locations', { code: south, name: 'South store', priority: 2 }, 201);
  await call(backOffice, 'POST', '/products', {
    sku: lamp, name: 'Desk lamp', lowStockThreshold: 10,
    locations: [{ location: north, stock: 30 }, { location: south, stock: 12 }],
  }, 201);
  // A little history, spread over a few seconds so that the chart has a shape.
  await sleep(400);
  await deduct(`ORD-1-${suffix}`, lamp, 4); // north 26
  await sleep(400);
  await deduct(`ORD-2-${suffix}`, lamp, 28); // split: north 0, south 10
  await sleep(400);
  await call(backOffice, 'POST', `/products/${lamp}/restock`, { quantity: 20, location: north }, 200); // north 20
  await sleep(400);
  await call(orderFrontend, 'POST', '/reservations',
    { orderId: `HOLD-1-${suffix}`, items: [{ sku: lamp, quantity: 3 }], ttlSeconds: 900 }, 201);
  const released = await call(orderFrontend, 'POST', '/reservations',
    { orderId: `HOLD-2-${suffix}`, items: [{ sku: lamp, quantity: 2 }] }, 201);
  await call(orderFrontend, 'POST', `/reservations/${released.body.id}/release`, undefined, 200);
  await sleep(400);
  const cancelled = await deduct(`ORD-3-${suffix}`, lamp, 1);
  await call(orderFrontend, 'POST', `/deductions/${cancelled.body.id}/cancel`, undefined, 200);
  const now = await product(lamp);
  assert.deepEqual([now.stock, now.reserved, now.available], [30, 3, 27]);
});

after(async () => {
  await browser?.close();
});

describe('the stock console', () => {
  test('an operator signs in, looks a product up and restocks it', async () => {
    await withPage('operator', undefined, async (page) => {
      await signIn(page, ADMIN);
      await textMatches(page.locator('#who'), /inventory\.admin/);
      await lookUp(page, lamp);

      assert.equal(await page.locator('#total-stock').textContent(), '30');
      assert.equal(await page.locator('#total-reserved').textContent(), '3');
      assert.equal(await page.locator('#total-available').textContent(), '27');
      const rows = page.locator('#locations tbody tr');
      assert.equal(await rows.count(), 2);
      assert.match(await rows.nth(0).textContent(), new RegExp(`${north}\\s*20\\s*3\\s*17`));
      assert.match(await rows.nth(1).textContent(), new RegExp(`${south}\\s*10\\s*0\\s*10`));
      // The chart: the total and one line per location; the table: every entry, newest first.
      await page.locator('#ledger-chart svg path').first().waitFor();
      assert.equal(await page.locator('#ledger-chart .series path').count(), 3);
      assert.match(await page.locator('#ledger-chart svg title').first().textContent(), new RegExp(lamp));
      assert.match(await page.locator('#ledger-summary').textContent(), /all of them/);
      assert.match(await page.locator('#ledger-table tbody tr').first().textContent(), /CANCEL/);
      // Holds, from the ledger; their expiry read with inventory.admin.
      const hold = page.locator('#holds-table tbody tr');
      await textMatches(hold.first(), new RegExp(`HOLD-1-${suffix}.*order-frontend.*3.*ACTIVE`));
      assert.equal(await hold.count(), 1, 'the released hold is not active');
      assert.match(await page.locator('#holds-note').textContent(), /all 3 reserved units/);

      // Restock the south store with the keyboard: 10 + 25.
      await page.getByLabel('Quantity').fill('25');
      await page.getByLabel('Location', { exact: true }).selectOption(south);
      await page.getByLabel('Quantity').press('Enter');
      await textMatches(page.locator('#restock-result'), new RegExp(`Restocked 25 at ${south}: ${south} now holds 35 `
        + '\\(was 10\\); 52 available in all\\. Ledger entry #\\d+: RESTOCK \\+25 .*stock after 35, by stock-console'));
      assert.equal(await page.locator('#total-stock').textContent(), '55');
      const newest = page.locator('#ledger-table tbody tr').first();
      assert.match(await newest.textContent(), new RegExp(`RESTOCK\\s*\\+25\\s*${south}\\s*35\\s*—\\s*stock-console`));
      assert.equal(await newest.getAttribute('class'), 'new');
      const after_ = await product(lamp);
      assert.equal(after_.locations.find((l) => l.location === south).stock, 35);
      await screenshot(page, 'product.png');

      // At phone width everything still fits: nothing wider than the screen but the tables' own scroll boxes.
      await page.setViewportSize({ width: 390, height: 844 });
      await sleep(400);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(overflow <= 390, `the page is ${overflow} px wide at 390 px`);
      await page.locator('#product').scrollIntoViewIfNeeded();
      await screenshot(page, 'product-phone.png', ARTIFACTS);
    });
  });

  test('a viewer is refused the restock, visibly', async () => {
    await withPage('viewer', undefined, async (page) => {
      await signIn(page, VIEWER);
      const who = await page.locator('#who').textContent();
      assert.match(who, /inventory\.read/);
      assert.doesNotMatch(who, /inventory\.admin/);
      await lookUp(page, lamp);
      assert.match(await page.locator('#restock-note').textContent(), /no inventory\.admin/);
      const stockBefore = (await product(lamp)).stock;

      await page.getByLabel('Quantity').fill('5');
      await page.getByRole('button', { name: 'Restock' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'Refused' });
      await refusal.waitFor({ state: 'visible' });
      assert.match(await refusal.textContent(), /^Refused: 403 Scope required: .*inventory\.admin/);
      assert.equal(await page.getByRole('button', { name: 'Restock' }).isDisabled(), true, 'the form is disabled');
      assert.equal(await page.getByLabel('Quantity').isDisabled(), true);
      assert.equal((await product(lamp)).stock, stockBefore, 'nothing restocked');
      // The holds are there; their expiry is another client's to read.
      await textMatches(page.locator('#holds-table tbody tr').first(), new RegExp(`HOLD-1-${suffix}.*—`));
      await screenshot(page, 'viewer-refused.png', ARTIFACTS);
    });
  });

  test('the live view watches a small flash sale drain the stock to 0', async () => {
    const flash = `FLASH-${suffix}`;
    await call(backOffice, 'POST', '/products', { sku: flash, name: 'Flash-sale sneakers', stock: 40 }, 201);
    await withPage('flash-sale', undefined, async (page) => {
      await signIn(page, ADMIN);
      await lookUp(page, flash);
      const toggle = page.locator('#live-toggle');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      await page.getByRole('button', { name: 'Watch live' }).click();
      assert.equal(await page.getByRole('button', { name: 'Stop watching' }).getAttribute('aria-pressed'), 'true');
      await textMatches(page.locator('#live-available'), /^40$/);
      await textMatches(page.locator('#live-409'), /^0$/);

      // 60 buyers for 40 pairs, one each, from 6 front-end connections over about 5 seconds.
      const seen = new Set();
      let selling = true;
      const watcher = (async () => {
        while (selling) {
          seen.add(await page.locator('#live-available').textContent());
          await sleep(150);
        }
      })();
      const outcomes = [];
      await Promise.all(Array.from({ length: 6 }, async (_, worker) => {
        for (let i = 0; i < 10; i += 1) {
          outcomes.push((await deduct(`FS-${worker}-${i}-${randomUUID().slice(0, 8)}`, flash, 1)).status);
          await sleep(500);
        }
      }));
      assert.equal(outcomes.filter((s) => s === 201).length, 40, `outcomes: ${outcomes}`);
      assert.equal(outcomes.filter((s) => s === 409).length, 20, `outcomes: ${outcomes}`);

      await textMatches(page.locator('#live-available'), /^0$/);
      await textMatches(page.locator('#live-sold-out'), /^at \d\d:\d\d:\d\d$/);
      await textMatches(page.locator('#live-orders'), /^40$/);
      await textMatches(page.locator('#live-409'), /^(2\d|[3-9]\d|\d{3,})$/);
      selling = false;
      await watcher;
      const between = [...seen].map(Number).filter((n) => n > 0 && n < 40);
      assert.ok(between.length >= 2, `the page showed the stock falling, not only 40 and 0: ${[...seen]}`);
      assert.match(await page.locator('#live-announce').textContent(), /sold out/);
      assert.equal(await page.locator('#live-chart svg .series path').count(), 2);
      await screenshot(page.locator('section:has(#live-title)'), 'flash-sale.png');
      await toggle.click();
    });
  });

  test('the console page logged no error and broke no content-security rule', () => {
    assert.deepEqual(problems, []);
  });
});
