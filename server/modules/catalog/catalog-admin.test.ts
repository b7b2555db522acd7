import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCustomer,
  createTestPartner,
  createTestStaff,
  openAccount,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';

let t: TestApp;
let staff: TestSession;
let partner: TestPartner;

beforeAll(async () => {
  t = await startTestApp();
  staff = await (await createTestStaff(t.db, t.app)).login();
  partner = await createTestPartner(t.db, t.app, { discountPercent: 10 });
});
afterAll(() => t.close());

const catalogCodes = async (who: TestSession) =>
  ((await who.get('/api/catalog/products')).json().items as { code: string }[]).map((p) => p.code);

describe("the back office's catalog", () => {
  it('lists every product with its prices, and sets a price that new quotes use', async () => {
    const products = (await staff.get('/api/admin/products')).json().items;
    const ii = products.find((p: { code: string }) => p.code === 'II');
    expect(ii).toMatchObject({ active: true, kind: 'ide' });
    expect(ii.prices.map((p: { currency: string }) => p.currency).sort()).toEqual(['BRL', 'EUR', 'USD']);

    const res = await staff.put('/api/admin/products/ii/prices/USD', { yearlyListMinor: 70_000 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().prices).toContainEqual({ currency: 'USD', yearlyListMinor: 70_000 });
    const sales = await partner.loginAs('sales');
    const customer = await createTestCustomer(t.db);
    await openAccount(sales, customer);
    await sales.post(`/api/customers/${customer.customerId}/cart/lines`, {
      productCode: 'II',
      quantity: 1,
      termYears: 1,
    });
    const quote = (
      await sales.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() })
    ).json();
    expect(quote.lines[0]).toMatchObject({ unitListPriceMinor: 70_000, totalMinor: 63_000 });
  });

  it('refuses a price of zero or less, an absurd one, or one not in whole cents: 400 with its code, nothing written', async () => {
    const priceOfGo = async () =>
      (
        (await staff.get('/api/admin/products')).json().items as {
          code: string;
          prices: { currency: string; yearlyListMinor: number }[];
        }[]
      )
        .find((p) => p.code === 'GO')
        ?.prices.find((p) => p.currency === 'USD')?.yearlyListMinor;
    const before = await priceOfGo();
    expect(before).toBeGreaterThan(0);
    for (const [yearlyListMinor, code] of [
      [-500, 'validation.price_positive'],
      [0, 'validation.price_positive'],
      [100_000_001, 'validation.price_max'],
      [Number.MAX_SAFE_INTEGER, 'validation.price_max'],
      [1e300, 'validation.price_whole_cents'],
      [12.5, 'validation.price_whole_cents'],
      // Not a number at all: refused by type (the rule's name is the generic mapping's, not this test's).
      ['500', expect.stringMatching(/^validation\./)],
      [null, expect.stringMatching(/^validation\./)],
    ] as const) {
      const res = await staff.put('/api/admin/products/GO/prices/USD', { yearlyListMinor });
      expect(res.statusCode, `${yearlyListMinor}: ${res.body}`).toBe(400);
      expect(res.json(), String(yearlyListMinor)).toMatchObject({ code, field: 'yearlyListMinor' });
    }
    expect(await priceOfGo()).toBe(before);
  });

  it('withdraws a product: it leaves the catalog partners see', async () => {
    const sales = await partner.loginAs('sales');
    await openAccount(sales, await createTestCustomer(t.db));
    expect(await catalogCodes(sales)).toContain('AQ');
    const res = await staff.post('/api/admin/products/AQ/withdraw');
    expect(res.json()).toMatchObject({ code: 'AQ', active: false });
    expect(await catalogCodes(sales)).not.toContain('AQ');
    expect((await staff.post('/api/admin/products/ZZZ/withdraw')).statusCode).toBe(404);
  });

  it('makes a vendor direct quote for an account, which a partner then converts into its own', async () => {
    const customer = await createTestCustomer(t.db);
    const body = {
      customerId: customer.customerId,
      currency: 'USD',
      billingAddress: quoteInput().billingAddress,
      endUser: { name: 'Direct Buyer', email: 'buyer@direct.test' },
      lines: [{ productCode: 'PY', quantity: 3, termYears: 1 }],
    };
    const res = await staff.post('/api/admin/direct-quotes', body);
    expect(res.statusCode, res.body).toBe(201);
    const { quoteNumber } = res.json();
    expect(quoteNumber).toMatch(/^Q-\d{4}-\d{6}$/);
    const sales = await partner.loginAs('sales');
    const converted = await sales.post('/api/quotes/convert-direct', { quoteNumber, ...quoteInput() });
    expect(converted.statusCode, converted.body).toBe(201);
    expect(converted.json()).toMatchObject({ convertedFrom: quoteNumber });

    const unsold = await staff.post('/api/admin/direct-quotes', {
      ...body,
      lines: [{ productCode: 'AQ', quantity: 1, termYears: 1 }],
    });
    expect(unsold.json()).toMatchObject({ code: 'catalog.not_for_sale', field: 'lines.0.productCode' });
    const nobody = await staff.post('/api/admin/direct-quotes', { ...body, customerId: '1000001' });
    expect(nobody.statusCode).toBe(404);
  });
});
