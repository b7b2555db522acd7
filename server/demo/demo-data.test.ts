import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licensePeriods, licenses, orderLines, orders } from '../db/schema/index.ts';
import { todayUtc } from '../lib/dates.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { login, loginRequest } from '../test/session.ts';
import { DEMO_PASSWORD, DEMO_STAFF_EMAIL, demoIdentifiers, demoLogins, loadDemoData } from './demo-data.ts';
import { demoOrders } from './demo-orders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the demo data', () => {
  it('loads once, with every login of the README working', async () => {
    expect(await loadDemoData(t.db)).toBe(true);
    expect(await loadDemoData(t.db)).toBe(false);
    for (const { email } of demoLogins) {
      expect((await loginRequest(t.app, email, DEMO_PASSWORD)).statusCode, email).toBe(200);
    }
    const staff = await loginRequest(t.app, DEMO_STAFF_EMAIL, DEMO_PASSWORD, {
      url: '/api/admin/auth/login',
    });
    expect(staff.statusCode).toBe(200);
  });

  it('finds Acme by its pack, License ID and key with it@acme.test; Globex opens for Demo Reseller alone', async () => {
    const ids = demoIdentifiers;
    const sales = await login(t.app, 'sales@demo-reseller.test', DEMO_PASSWORD);
    for (const [kind, value] of [
      ['customerId', ids.acme],
      ['subscriptionPackNumber', ids.acmePack],
      ['licenseId', ids.acmeLicenseId],
      ['licenseKey', ids.acmeLicenseKey],
    ]) {
      const res = await sales.post('/api/customers/open', {
        identifier: { kind, value },
        email: 'it@acme.test',
      });
      expect(res.json(), kind).toMatchObject({ customerId: ids.acme, name: 'Acme Corp' });
    }
    const globex = { identifier: { kind: 'customerId', value: ids.globex } };
    expect((await sales.post('/api/customers/open', globex)).json()).toMatchObject({ name: 'Globex Ltda' });
    const outro = await login(t.app, 'admin@outro-revendedor.test', DEMO_PASSWORD);
    expect((await outro.post('/api/customers/open', globex)).json()).toMatchObject({
      code: 'customer.email_required',
    });
    expect(
      (await outro.post('/api/customers/open', { ...globex, email: 'licensing@globex.test' })).statusCode,
    ).toBe(200);
  });

  it("has Demo Reseller's orders for Globex: paid, unpaid, overdue and credited, with and without a PO", async () => {
    const sales = await login(t.app, 'sales@demo-reseller.test', DEMO_PASSWORD);
    const list = (await sales.get('/api/orders')).json();
    expect(list.items.map((o: { orderNumber: string }) => o.orderNumber).sort()).toEqual(
      demoOrders.map((o) => o.orderNumber),
    );
    const byNumber = new Map(list.items.map((o: { orderNumber: string }) => [o.orderNumber, o]));
    expect(byNumber.get('R-2026-000101')).toMatchObject({
      poNumber: 'PO-GLX-2026-01',
      customer: { customerId: demoIdentifiers.globex },
      invoice: { invoiceNumber: 'INV-2026-000101', status: 'paid', paymentType: 'online' },
    });
    expect(byNumber.get('R-2026-000102')).toMatchObject({ poNumber: null, invoice: { status: 'not_paid' } });
    expect(byNumber.get('R-2026-000104')).toMatchObject({
      invoice: { status: 'applied', paymentType: 'credit_note' },
    });
    const overdue = (await sales.get('/api/orders/R-2026-000103')).json();
    expect(overdue.invoice.status).toBe('not_paid');
    expect(overdue.invoice.dueOn < todayUtc(t.clock.now)).toBe(true);
    expect(overdue.licenses).toHaveLength(3);
    expect(overdue.licenses[0].key).toMatch(/^[A-Z0-9]{10}-/);
  });

  it('has a valid direct quote for Acme and an expired one', async () => {
    const sales = await login(t.app, 'sales@demo-reseller.test', DEMO_PASSWORD);
    const input = {
      billingAddress: {
        companyName: 'Demo Reseller',
        addressLine1: '1 St',
        city: 'NYC',
        state: 'NY',
        postalCode: '10001',
        country: 'US',
      },
      endUser: { name: 'Acme IT', email: 'it@acme.test' },
    };
    const expired = await sales.post('/api/quotes/convert-direct', {
      quoteNumber: demoIdentifiers.expiredDirectQuote,
      ...input,
    });
    expect(expired.json()).toMatchObject({ code: 'quote.direct_expired' });
    const valid = await sales.post('/api/quotes/convert-direct', {
      quoteNumber: demoIdentifiers.validDirectQuote,
      ...input,
    });
    expect(valid.statusCode).toBe(201);
    expect(valid.json()).toMatchObject({
      convertedFrom: 'Q-2026-000045',
      customer: { customerId: '6703615' },
    });
  });

  it('gives Acme subscriptions on each side of the renewal window, found by Search licenses', async () => {
    const sales = await login(t.app, 'sales@demo-reseller.test', DEMO_PASSWORD);
    await sales.post('/api/customers/open', {
      identifier: { kind: 'customerId', value: demoIdentifiers.acme },
      email: 'it@acme.test',
    });
    const search = async (body: object) =>
      (await sales.post(`/api/customers/${demoIdentifiers.acme}/licenses/search`, body)).json().items as {
        productCode: string;
        standing: string;
        seats: number;
        actions: Record<string, boolean>;
        orderNumber: string | null;
      }[];
    const all = [
      ...(await search({ mode: 'email', email: 'dev1@acme.test' })),
      ...(await search({ mode: 'email', email: 'dev2@acme.test' })),
      ...(await search({ mode: 'email', email: 'lead@acme.test' })),
      ...(await search({ mode: 'serviceDomain', serviceDomain: 'acme.youtrack.cloud' })),
    ];
    const standing = Object.fromEntries(all.map((g) => [g.productCode, g.standing]));
    expect(standing).toEqual({
      II: 'renewable',
      PY: 'active',
      WS: 'lapsed',
      ALL: 'renewable',
      YTC: 'active',
    });
    expect(all.find((g) => g.productCode === 'PY')?.actions).toEqual({
      renew: false,
      upgrade: true,
      downgrade: false,
    });
    expect(all.find((g) => g.productCode === 'ALL')?.actions).toMatchObject({ downgrade: true });
    const byPo = await search({ mode: 'order', number: demoIdentifiers.acmePoNumber });
    expect(byPo).toMatchObject([{ productCode: 'II', seats: 3, orderNumber: demoIdentifiers.acmeOrder }]);
    // Each paid period names the order line that paid it.
    const paid = await t.db
      .select({
        orderNumber: orders.orderNumber,
        product: orderLines.productCode,
        quantity: orderLines.quantity,
      })
      .from(licensePeriods)
      .innerJoin(licenses, eq(licenses.id, licensePeriods.licenseId))
      .innerJoin(orderLines, eq(orderLines.id, licensePeriods.orderLineId))
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(eq(licenses.licenseId, demoIdentifiers.acmeLicenseId));
    expect(paid).toEqual([{ orderNumber: demoIdentifiers.acmeOrder, product: 'II', quantity: 3 }]);
  });
});
