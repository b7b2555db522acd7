import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../../contract/limits.ts';
import { addYears, todayUtc } from '../../lib/dates.ts';
import {
  createTestCustomer,
  createTestPartner,
  openAccount,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { removeProductPrice, withdrawProduct } from '../catalog/catalog.service.ts';

let t: TestApp;
let partner: TestPartner;
let customer: Awaited<ReturnType<typeof createTestCustomer>>;

let cartUrl = '';

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { discountPercent: 15 });
  customer = await createTestCustomer(t.db);
  cartUrl = `/api/customers/${customer.customerId}/cart`;
});
afterAll(() => t.close());

describe('the Product Catalog', () => {
  it("lists products in the partner's currency with list and buy prices", async () => {
    const brl = await createTestPartner(t.db, t.app, { currency: 'BRL', discountPercent: 10 });
    const res = await (await brl.loginAs('sales')).get('/api/catalog/products');
    expect(res.statusCode).toBe(200);
    const all = res.json().items.find((p: { code: string }) => p.code === 'ALL');
    expect(all).toMatchObject({
      currency: 'BRL',
      listPriceMinor: 429_000,
      buyPriceMinor: 386_100,
      kind: 'pack',
    });
    expect(res.json().items.length).toBeGreaterThanOrEqual(15);
  });

  it('describes products in Portuguese when asked, keeping the brand names', async () => {
    const session = await partner.loginAs('sales');
    const pt = (await session.get('/api/catalog/products?locale=pt-BR')).json().items;
    const en = (await session.get('/api/catalog/products')).json().items;
    const ws = (items: { code: string }[]) => items.find((p) => p.code === 'WS');
    expect(ws(pt)).toMatchObject({ name: 'WebStorm', description: 'A IDE para JavaScript e TypeScript.' });
    expect(ws(en)).toMatchObject({ name: 'WebStorm', description: 'The JavaScript and TypeScript IDE.' });
    expect((await session.get('/api/catalog/products?locale=fr')).statusCode).toBe(400);
  });

  it('is not for the billing role', async () => {
    expect((await (await partner.loginAs('billing')).get('/api/catalog/products')).statusCode).toBe(403);
  });
});

describe('the cart', () => {
  it('needs the customer account to be the one open in this session', async () => {
    const session = await partner.loginAs('admin');
    const res = await session.get(cartUrl);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'customer.not_open', field: 'customerId' });
  });

  it('refuses a page left open for one account after another was opened (two tabs)', async () => {
    const session = await partner.loginAs('sales');
    const other = await createTestCustomer(t.db);
    await openAccount(session, customer);
    await openAccount(session, other); // the second tab
    const stale = await session.post(`${cartUrl}/lines`, { productCode: 'RD', quantity: 7, termYears: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'customer.not_open' });
    const otherCart = (await session.get(`/api/customers/${other.customerId}/cart`)).json();
    expect(otherCart.lines).toHaveLength(0);
  });

  it('adds the same product and term again to the existing line', async () => {
    const session = await partner.loginAs('admin');
    const buyer = await createTestCustomer(t.db);
    await openAccount(session, buyer);
    const url = `/api/customers/${buyer.customerId}/cart/lines`;
    await session.post(url, { productCode: 'CL', quantity: 2, termYears: 1 });
    await session.post(url, { productCode: 'CL', quantity: 3, termYears: 1 });
    const cart = (await session.post(url, { productCode: 'CL', quantity: 1, termYears: 2 })).json();
    expect(cart.lines.map((l: { quantity: number; termYears: number }) => [l.quantity, l.termYears])).toEqual(
      [
        [5, 1],
        [1, 2],
      ],
    );
    const tooMany = await session.post(url, { productCode: 'CL', quantity: 9_999, termYears: 1 });
    expect(tooMany.json()).toMatchObject({ code: 'validation.quantity_max', field: 'quantity' });
  });

  it('adds new subscriptions with list price, partner discount and line total', async () => {
    const session = await partner.loginAs('sales');
    await openAccount(session, customer);
    const res = await session.post(`${cartUrl}/lines`, { productCode: 'ws', quantity: 3, termYears: 1 });
    expect(res.statusCode).toBe(201);
    const cart = res.json();
    expect(cart.customer.customerId).toBe(customer.customerId);
    expect(cart.currency).toBe('USD');
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]).toMatchObject({
      productCode: 'WS',
      productName: 'WebStorm',
      kind: 'new',
      quantity: 3,
      termYears: 1,
      periodStart: todayUtc(),
      periodEnd: addYears(todayUtc(), 1),
      unitListPriceMinor: 15_900,
      listPriceMinor: 47_700,
      discountMinor: 7_155,
      totalMinor: 40_545,
      perpetualFallback: true,
    });

    const two = await session.post(`${cartUrl}/lines`, { productCode: 'ALL', quantity: 2, termYears: 2 });
    const totals = two.json().totals;
    // 2 × 779.00 × 2 years = 3,116.00; 15 % = 467.40
    expect(totals).toEqual({
      listPriceMinor: 47_700 + 311_600,
      discountMinor: 7_155 + 46_740,
      totalMinor: 40_545 + 264_860,
      creditMinor: 0,
    });
  });

  it('changes and removes lines', async () => {
    const session = await partner.loginAs('sales');
    await openAccount(session, customer);
    const cart = (await session.get(cartUrl)).json();
    const line = cart.lines[0];
    const changed = await session.patch(`${cartUrl}/lines/${line.id}`, { quantity: 5, termYears: 2 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().lines[0]).toMatchObject({
      quantity: 5,
      termYears: 2,
      periodEnd: addYears(todayUtc(), 2),
    });
    const removed = await session.delete(`${cartUrl}/lines/${line.id}`);
    expect(removed.json().lines.map((l: { id: string }) => l.id)).not.toContain(line.id);
    expect((await session.delete(`${cartUrl}/lines/${line.id}`)).statusCode).toBe(404);
  });

  it('asks for the service domain of cloud products, and only of them', async () => {
    const session = await partner.loginAs('sales');
    await openAccount(session, customer);
    const missing = await session.post(`${cartUrl}/lines`, {
      productCode: 'YTC',
      quantity: 10,
      termYears: 1,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'cart.service_domain_required', field: 'serviceDomain' });
    const bad = await session.post(`${cartUrl}/lines`, {
      productCode: 'YTC',
      quantity: 10,
      termYears: 1,
      serviceDomain: 'not a domain',
    });
    expect(bad.json()).toMatchObject({ code: 'validation.service_domain', field: 'serviceDomain' });
    const ok = await session.post(`${cartUrl}/lines`, {
      productCode: 'YTC',
      quantity: 10,
      termYears: 1,
      serviceDomain: 'Acme.YouTrack.cloud',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().lines.at(-1)).toMatchObject({ serviceDomain: 'acme.youtrack.cloud' });
    const notCloud = await session.post(`${cartUrl}/lines`, {
      productCode: 'II',
      quantity: 1,
      termYears: 1,
      serviceDomain: 'x.example.com',
    });
    expect(notCloud.json()).toMatchObject({ code: 'cart.service_domain_not_applicable' });
  });

  it('validates quantity, term and product with specific messages', async () => {
    const session = await partner.loginAs('sales');
    await openAccount(session, customer);
    const zero = await session.post(`${cartUrl}/lines`, { productCode: 'II', quantity: 0, termYears: 1 });
    expect(zero.json()).toMatchObject({ code: 'validation.quantity_min', field: 'quantity' });
    const half = await session.post(`${cartUrl}/lines`, { productCode: 'II', quantity: 1.5, termYears: 1 });
    expect(half.json()).toMatchObject({ code: 'validation.quantity_whole', field: 'quantity' });
    const term = await session.post(`${cartUrl}/lines`, { productCode: 'II', quantity: 1, termYears: 3 });
    expect(term.json()).toMatchObject({ code: 'validation.term_years', field: 'termYears' });
    const code = await session.post(`${cartUrl}/lines`, { productCode: 'I', quantity: 1, termYears: 1 });
    expect(code.json()).toMatchObject({ code: 'validation.product_code', field: 'productCode' });
    const unknown = await session.post(`${cartUrl}/lines`, { productCode: 'ZZZ', quantity: 1, termYears: 1 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'catalog.product_not_found', field: 'productCode' });
  });

  it("answers 404 for another partner's cart line", async () => {
    const owner = await partner.loginAs('sales');
    await openAccount(owner, customer);
    const line = (await owner.post(`${cartUrl}/lines`, { productCode: 'PY', quantity: 1, termYears: 1 }))
      .json()
      .lines.find((l: { productCode: string }) => l.productCode === 'PY');
    const rival = await createTestPartner(t.db, t.app);
    const intruder = await rival.loginAs('admin');
    await openAccount(intruder, customer);
    expect(
      (await intruder.patch(`${cartUrl}/lines/${line.id}`, { quantity: 9, termYears: 1 })).statusCode,
    ).toBe(404);
    expect((await intruder.delete(`${cartUrl}/lines/${line.id}`)).statusCode).toBe(404);
    expect((await intruder.get(cartUrl)).json().lines).toHaveLength(0);
    const stillThere = (await owner.get(cartUrl)).json().lines.find((l: { id: string }) => l.id === line.id);
    expect(stillThere).toMatchObject({ quantity: 1 });
  });
});

describe('the cart under load and over time', () => {
  it('adds up 50 parallel "add one seat" requests to 50 seats', async () => {
    const session = await partner.loginAs('sales');
    const buyer = await createTestCustomer(t.db);
    await openAccount(session, buyer);
    const url = `/api/customers/${buyer.customerId}/cart/lines`;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => session.post(url, { productCode: 'WS', quantity: 1, termYears: 1 })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(201));
    const cart = (await session.get(`/api/customers/${buyer.customerId}/cart`)).json();
    expect(cart.lines).toEqual([expect.objectContaining({ productCode: 'WS', quantity: 50 })]);
  });

  it('adds a retried request once when it carries the same Idempotency-Key', async () => {
    const session = await partner.loginAs('sales');
    const buyer = await createTestCustomer(t.db);
    await openAccount(session, buyer);
    const url = `/api/customers/${buyer.customerId}/cart/lines`;
    const line = { productCode: 'GO', quantity: 3, termYears: 1 };
    const [first, retry] = await Promise.all([
      session.post(url, line, { 'idempotency-key': 'add-go-1' }),
      session.post(url, line, { 'idempotency-key': 'add-go-1' }),
    ]);
    expect([first?.statusCode, retry?.statusCode]).toEqual([201, 201]);
    expect(first?.json()).toEqual(retry?.json());
    expect([first, retry].filter((a) => a?.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    const cart = (await session.get(`/api/customers/${buyer.customerId}/cart`)).json();
    expect(cart.lines).toEqual([expect.objectContaining({ productCode: 'GO', quantity: 3 })]);
  });

  it('starts a line that waited in the cart on the day it is looked at, not the day it was added', async () => {
    const session = await partner.loginAs('sales');
    const buyer = await createTestCustomer(t.db);
    await openAccount(session, buyer);
    const url = `/api/customers/${buyer.customerId}/cart`;
    const added = (
      await session.post(`${url}/lines`, { productCode: 'RD', quantity: 1, termYears: 1 })
    ).json();
    const addedOn = todayUtc(t.clock.now);
    expect(added.lines[0]).toMatchObject({ periodStart: addedOn, periodEnd: addYears(addedOn, 1) });

    t.clock.advanceDays(21);
    const later = await partner.loginAs('sales');
    await openAccount(later, buyer);
    const today = todayUtc(t.clock.now);
    expect((await later.get(url)).json().lines[0]).toMatchObject({
      periodStart: today,
      periodEnd: addYears(today, 1),
    });
    const quote = (await later.post('/api/quotes', { customerId: buyer.customerId, ...quoteInput() })).json();
    expect(quote.lines[0]).toMatchObject({
      productCode: 'RD',
      periodStart: today,
      periodEnd: addYears(today, 1),
    });
  });

  it('never grants a perpetual fallback license for a cloud product', async () => {
    const session = await partner.loginAs('sales');
    await openAccount(session, customer);
    const cart = (
      await session.post(`${cartUrl}/lines`, {
        productCode: 'TCC',
        quantity: 5,
        termYears: 2,
        serviceDomain: 'ci.acme.test',
      })
    ).json();
    expect(cart.lines.find((l: { productCode: string }) => l.productCode === 'TCC')).toMatchObject({
      perpetualFallback: false,
    });
  });

  it('holds at most 100 lines', async () => {
    const session = await partner.loginAs('sales');
    const buyer = await createTestCustomer(t.db);
    await openAccount(session, buyer);
    const url = `/api/customers/${buyer.customerId}/cart/lines`;
    for (let i = 0; i < limits.cartLinesMax; i++) {
      const res = await session.post(url, {
        productCode: 'QDC',
        quantity: 1,
        termYears: 1,
        serviceDomain: `team${i}.qodana.test`,
      });
      expect(res.statusCode).toBe(201);
    }
    const full = await session.post(url, { productCode: 'II', quantity: 1, termYears: 1 });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'cart.full', params: { max: limits.cartLinesMax } });
    // More seats on a line already there still fit.
    expect(
      (
        await session.post(url, {
          productCode: 'QDC',
          quantity: 1,
          termYears: 1,
          serviceDomain: 'team0.qodana.test',
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('products that can no longer be sold', () => {
  let own: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    // Its own app and catalog: withdrawing a product here must not change the other tests' catalog.
    own = await startTestApp();
  });
  afterAll(() => own.close());

  it('stay in the cart, flagged and at zero, and keep it from being quoted', async () => {
    const reseller = await createTestPartner(own.db, own.app, { currency: 'EUR' });
    const session = await reseller.loginAs('sales');
    const buyer = await createTestCustomer(own.db);
    await openAccount(session, buyer);
    const url = `/api/customers/${buyer.customerId}/cart`;
    await session.post(`${url}/lines`, { productCode: 'AQ', quantity: 2, termYears: 1 });
    await session.post(`${url}/lines`, { productCode: 'DS', quantity: 1, termYears: 1 });
    await session.post(`${url}/lines`, { productCode: 'PS', quantity: 1, termYears: 1 });
    await withdrawProduct(own.db, 'AQ');
    await removeProductPrice(own.db, 'DS', 'EUR');

    const cart = (await session.get(url)).json();
    expect(
      cart.lines.map((l: { productCode: string; issue: string | null }) => [l.productCode, l.issue]),
    ).toEqual([
      ['AQ', 'product_withdrawn'],
      ['DS', 'no_price'],
      ['PS', null],
    ]);
    expect(cart.lines[0]).toMatchObject({ listPriceMinor: 0, totalMinor: 0 });
    expect(cart.totals.totalMinor).toBe(cart.lines[2].totalMinor);
    expect(cart.actions).toEqual({ getQuote: false });

    const refused = await session.post('/api/quotes', { customerId: buyer.customerId, ...quoteInput() });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'cart.unavailable_lines', params: { products: 'AQ, DS' } });

    for (const line of cart.lines.slice(0, 2)) await session.delete(`${url}/lines/${line.id}`);
    expect((await session.get(url)).json().actions).toEqual({ getQuote: true });
    const quote = await session.post('/api/quotes', { customerId: buyer.customerId, ...quoteInput() });
    expect(quote.statusCode).toBe(201);
    // A withdrawn product cannot be added again either.
    expect(
      (await session.post(`${url}/lines`, { productCode: 'AQ', quantity: 1, termYears: 1 })).statusCode,
    ).toBe(404);
  });
});
