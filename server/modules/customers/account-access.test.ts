import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCustomer,
  createTestLicenses,
  createTestPartner,
  openAccount,
  placeTestOrder,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';
import { grantPurchaser, withdrawPurchaser } from './customers.service.ts';

/**
 * The one account-access rule (SPEC §3): a partner sees an account's licenses, packs and teams
 * only with the customer's proof, a live Purchaser grant, or an account it created; its own orders
 * open the account no further than what it sold.
 */
let t: TestApp;
let seller: TestPartner;
let rival: TestPartner;

beforeAll(async () => {
  t = await startTestApp();
  seller = await createTestPartner(t.db, t.app, { creditTerms: true });
  rival = await createTestPartner(t.db, t.app, { creditTerms: true });
});
afterAll(() => t.close());

const licenseIdsOf = (order: { licenses: { licenseId: string }[] }) =>
  order.licenses.map((l) => l.licenseId).sort();
const foundIds = (res: { json(): { items: { licenseIds: string[] }[] } }) =>
  res
    .json()
    .items.flatMap((g) => g.licenseIds)
    .sort();

/**
 * An account the seller sold two IntelliJ seats to (order with its PO number), which also holds a
 * pack of someone else's with assigned users and a team, and the rival's own order.
 */
async function accountWithOthersLicenses() {
  const customer = await createTestCustomer(t.db);
  const sales = await seller.loginAs('sales');
  const sold = await placeTestOrder(sales, customer, quoteInput({ poNumber: 'PO-SELLER-1' }));
  const foreign = await createTestLicenses(t.db, customer, {
    productCode: 'PY',
    seats: 3,
    assignedEmails: ['dev1@secret.test', 'dev2@secret.test'],
    team: 'Secret team',
    poNumber: 'PO-VENDOR-9',
  });
  const rivalSales = await rival.loginAs('sales');
  const rivals = await placeTestOrder(rivalSales, customer, quoteInput({ poNumber: 'PO-RIVAL-7' }));
  return { customer, sold, foreign, rivals };
}

describe('Renew from an order without proof or grant', () => {
  it("opens the account no further than the partner's own sales", async () => {
    const { customer, sold, foreign, rivals } = await accountWithOthersLicenses();
    const sales = await seller.loginAs('sales');

    const renewed = await sales.post(`/api/orders/${sold.orderNumber}/renewal-cart`);
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json().customer).toMatchObject({ customerId: customer.customerId, access: 'own_sales' });
    expect((await sales.get('/api/auth/me')).json().openAccount).toMatchObject({ access: 'own_sales' });

    const search = (body: unknown) =>
      sales.post(`/api/customers/${customer.customerId}/licenses/search`, body);
    // Another's pack, its assigned users and its licenses are not there for this session.
    const byPack = await search({ mode: 'pack', packNumber: foreign.packNumber });
    expect(byPack.statusCode, byPack.body).toBe(200);
    expect(byPack.json().items).toEqual([]);
    expect((await search({ mode: 'email', email: 'dev1@secret.test' })).json().items).toEqual([]);
    const byIds = await search({
      mode: 'licenses',
      text: [...foreign.licenses, ...rivals.licenses]
        .map((l: { licenseId: string }) => l.licenseId)
        .join(' '),
    });
    expect(byIds.json().items).toEqual([]);
    expect(byIds.json().notFound).toHaveLength(5);
    expect((await search({ mode: 'order', number: 'PO-VENDOR-9' })).json().items).toEqual([]);
    // Its own sale is.
    expect(foundIds(await search({ mode: 'order', number: sold.orderNumber }))).toEqual(licenseIdsOf(sold));
    expect(foundIds(await search({ mode: 'licenses', text: licenseIdsOf(sold).join(',') }))).toEqual(
      licenseIdsOf(sold),
    );

    // The Details tab lists the packs of what it sold and no teams.
    const details = (await sales.get(`/api/customers/${customer.customerId}/packs-and-teams`)).json();
    expect(details.teams).toEqual([]);
    expect(details.packs.map((p: { packNumber: string }) => p.packNumber)).not.toContain(foreign.packNumber);
    expect(details.packs).toHaveLength(1);

    // Renewing or assigning another's licenses is refused as if they were not there.
    t.clock.advanceDays(300);
    const later = await seller.loginAs('sales');
    await later.post(`/api/orders/${sold.orderNumber}/renewal-cart`);
    const foreignRenewal = await later.post(`/api/customers/${customer.customerId}/cart/renewals`, {
      kind: 'renewal',
      licenseIds: [foreign.licenses[0]?.licenseId],
      termYears: 1,
    });
    expect(foreignRenewal.statusCode).toBe(404);
    expect(foreignRenewal.json()).toMatchObject({ code: 'licenses.not_found' });
    const assign = await later.put(
      `/api/customers/${customer.customerId}/licenses/${sold.licenses[0].licenseId}/assignment`,
      { email: 'someone@customer.test' },
    );
    expect(assign.statusCode).toBe(403);
    t.clock.advanceDays(-300);
  });

  it('reaches no more after the account admin withdrew the grant it once had', async () => {
    const { customer, foreign } = await accountWithOthersLicenses();
    const admin = await seller.loginAs('admin');
    await grantPurchaser(t.db, { partnerId: seller.id, customerAccountId: customer.id, now: t.clock.now });
    const order = await placeTestOrder(admin, customer);
    await withdrawPurchaser(t.db, { partnerId: seller.id, customerAccountId: customer.id, now: t.clock.now });

    const sales = await seller.loginAs('sales');
    const renewed = await sales.post(`/api/orders/${order.orderNumber}/renewal-cart`);
    expect(renewed.json().customer.access).toBe('own_sales');
    const byPack = await sales.post(`/api/customers/${customer.customerId}/licenses/search`, {
      mode: 'pack',
      packNumber: foreign.packNumber,
    });
    expect(byPack.json().items).toEqual([]);
  });

  it('opens under a live grant, or as with proof for an account the partner created', async () => {
    const customer = await createTestCustomer(t.db);
    const sales = await seller.loginAs('sales');
    const order = await placeTestOrder(sales, customer);
    await grantPurchaser(t.db, { partnerId: seller.id, customerAccountId: customer.id, now: t.clock.now });
    const fresh = await seller.loginAs('sales');
    expect((await fresh.post(`/api/orders/${order.orderNumber}/renewal-cart`)).json().customer.access).toBe(
      'purchaser',
    );

    const creator = await seller.loginAs('sales');
    const created = await creator.post('/api/customers', {
      companyName: 'Created Co',
      country: 'US',
      adminContact: { name: 'Ann Admin', email: 'ann@created.test' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().access).toBe('proof');
    const ownOrder = await placeTestOrder(creator, {
      customerId: created.json().customerId,
      email: 'ann@created.test',
    });
    const again = await seller.loginAs('sales');
    expect(
      (await again.post(`/api/orders/${ownOrder.orderNumber}/renewal-cart`)).json().customer.access,
    ).toBe('proof');
  });
});

describe('A withdrawn Purchaser grant', () => {
  it('ends the open account at the next request of a session that had it open', async () => {
    const customer = await createTestCustomer(t.db);
    await createTestLicenses(t.db, customer, { productCode: 'GO', seats: 1 });
    await grantPurchaser(t.db, { partnerId: seller.id, customerAccountId: customer.id, now: t.clock.now });
    const sales = await seller.loginAs('sales');
    const opened = await sales.post('/api/customers/open', {
      identifier: { kind: 'customerId', value: customer.customerId },
    });
    expect(opened.json()).toMatchObject({ access: 'purchaser' });
    const search = () =>
      sales.post(`/api/customers/${customer.customerId}/licenses/search`, {
        mode: 'email',
        email: 'x@y.test',
      });
    const addLine = () =>
      sales.post(`/api/customers/${customer.customerId}/cart/lines`, {
        productCode: 'II',
        quantity: 1,
        termYears: 1,
      });
    expect((await search()).statusCode).toBe(200);
    expect((await addLine()).statusCode).toBe(201);

    await withdrawPurchaser(t.db, { partnerId: seller.id, customerAccountId: customer.id, now: t.clock.now });

    for (const res of [
      await search(),
      await addLine(),
      await sales.get(`/api/customers/${customer.customerId}/cart`),
    ]) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: 'customer.not_open' });
    }
    expect((await sales.get('/api/auth/me')).json().openAccount).toBeNull();
  });

  it('leaves an account opened with the customer’s proof open', async () => {
    const customer = await createTestCustomer(t.db);
    await grantPurchaser(t.db, { partnerId: seller.id, customerAccountId: customer.id, now: t.clock.now });
    const sales = await seller.loginAs('sales');
    await openAccount(sales, customer);
    await withdrawPurchaser(t.db, { partnerId: seller.id, customerAccountId: customer.id, now: t.clock.now });
    expect((await sales.get('/api/auth/me')).json().openAccount).toMatchObject({
      customerId: customer.customerId,
      access: 'proof',
    });
  });
});

describe('Order and PO numbers in Search licenses', () => {
  it("are the caller's own: another partner's never show and never match", async () => {
    const { customer, sold, rivals } = await accountWithOthersLicenses();
    const rivalSales: TestSession = await rival.loginAs('sales');
    await openAccount(rivalSales, customer);
    const search = (body: unknown) =>
      rivalSales.post(`/api/customers/${customer.customerId}/licenses/search`, body);

    // With the customer's proof the rival sees the seller's licenses, but not the seller's documents.
    const all = (await search({ mode: 'licenses', text: licenseIdsOf(sold).join(' ') })).json();
    expect(all.items).toHaveLength(1);
    expect(all.items[0]).toMatchObject({ orderNumber: null, poNumber: null });
    expect((await search({ mode: 'order', number: sold.orderNumber })).json().items).toEqual([]);
    expect((await search({ mode: 'order', number: 'PO-SELLER-1' })).json().items).toEqual([]);

    // Its own order shows with its numbers, found by either.
    const own = (await search({ mode: 'order', number: 'PO-RIVAL-7' })).json();
    expect(own.items.flatMap((g: { licenseIds: string[] }) => g.licenseIds).sort()).toEqual(
      licenseIdsOf(rivals),
    );
    expect(own.items[0]).toMatchObject({ orderNumber: rivals.orderNumber, poNumber: 'PO-RIVAL-7' });
  });

  it("show the caller's latest order of a license another partner renewed since", async () => {
    const customer = await createTestCustomer(t.db);
    const sold = await placeTestOrder(
      await seller.loginAs('sales'),
      customer,
      quoteInput({ poNumber: 'PO-FIRST' }),
    );
    t.clock.advanceDays(300);
    try {
      const rivalSales = await rival.loginAs('sales');
      await openAccount(rivalSales, customer);
      const cart = await rivalSales.post(`/api/customers/${customer.customerId}/cart/renewals`, {
        kind: 'renewal',
        licenseIds: licenseIdsOf(sold),
        termYears: 1,
      });
      expect(cart.statusCode, cart.body).toBe(201);
      const quote = await rivalSales.post('/api/quotes', {
        customerId: customer.customerId,
        ...quoteInput({ poNumber: 'PO-RENEWED' }),
      });
      const renewal = await rivalSales.post('/api/orders', {
        quoteNumber: quote.json().quoteNumber,
        payment: { method: 'postpaid' },
      });
      expect(renewal.statusCode, renewal.body).toBe(201);

      const sellerSales = await seller.loginAs('sales');
      await openAccount(sellerSales, customer);
      const seen = (
        await sellerSales.post(`/api/customers/${customer.customerId}/licenses/search`, {
          mode: 'licenses',
          text: licenseIdsOf(sold).join(' '),
        })
      ).json();
      expect(seen.items[0]).toMatchObject({ orderNumber: sold.orderNumber, poNumber: 'PO-FIRST' });
      const rivalSeen = (
        await rivalSales.post(`/api/customers/${customer.customerId}/licenses/search`, {
          mode: 'order',
          number: 'PO-RENEWED',
        })
      ).json();
      expect(rivalSeen.items[0]).toMatchObject({
        orderNumber: renewal.json().orderNumber,
        poNumber: 'PO-RENEWED',
      });
    } finally {
      t.clock.advanceDays(-300);
    }
  });
});
