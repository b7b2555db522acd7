import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../lib/dates.ts';
import {
  createTestCustomer,
  createTestPartner,
  openAccount,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';

let t: TestApp;
let partner: TestPartner;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { discountPercent: 15 });
});
afterAll(() => t.close());

const quoteInput = (overrides: Record<string, unknown> = {}) => ({
  billingAddress: {
    companyName: 'Demo Reseller LLC',
    addressLine1: '1 Market St',
    city: 'San Francisco',
    postalCode: '94105',
    country: 'us',
  },
  endUser: { name: 'Ada Lovelace', email: 'Ada@Initech.test', company: 'Initech' },
  poNumber: 'PO-7781',
  ...overrides,
});

async function quoteFor(
  session: TestSession,
  customer: { customerId: string; email: string },
  input = quoteInput(),
) {
  await openAccount(session, customer);
  await session.post(`/api/customers/${customer.customerId}/cart/lines`, {
    productCode: 'II',
    quantity: 2,
    termYears: 1,
  });
  const res = await session.post('/api/quotes', { customerId: customer.customerId, ...input });
  if (res.statusCode !== 201) throw new Error(`quote failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

describe('Get Quote', () => {
  it('turns the cart into a numbered reseller quote valid 30 days, and empties the cart', async () => {
    const session = await partner.loginAs('sales');
    const customer = await createTestCustomer(t.db, { name: 'Initech' });
    const quote = await quoteFor(session, customer);
    expect(quote.quoteNumber).toMatch(/^Q-\d{4}-\d{6}$/);
    expect(quote).toMatchObject({
      origin: 'reseller',
      status: 'open',
      currency: 'USD',
      discountPercent: 15,
      validUntil: addDays(todayUtc(), 30),
      poNumber: 'PO-7781',
      customer: { customerId: customer.customerId, name: 'Initech' },
      endUser: { name: 'Ada Lovelace', email: 'ada@initech.test', company: 'Initech' },
      billingAddress: { country: 'US', city: 'San Francisco' },
      totals: { listPriceMinor: 119_800, discountMinor: 17_970, totalMinor: 101_830 },
    });
    expect(quote.lines).toEqual([
      expect.objectContaining({
        productCode: 'II',
        quantity: 2,
        listPriceMinor: 119_800,
        totalMinor: 101_830,
      }),
    ]);
    expect((await session.get(`/api/customers/${customer.customerId}/cart`)).json().lines).toHaveLength(0);

    const next = await quoteFor(session, customer);
    expect(Number(next.quoteNumber.slice(-6))).toBe(Number(quote.quoteNumber.slice(-6)) + 1);
  });

  it('refuses an empty cart', async () => {
    const session = await partner.loginAs('sales');
    const customer = await createTestCustomer(t.db);
    await openAccount(session, customer);
    const res = await session.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'cart.empty' });
  });

  it('names the field that is wrong', async () => {
    const session = await partner.loginAs('sales');
    const customer = await createTestCustomer(t.db);
    await openAccount(session, customer);
    await session.post(`/api/customers/${customer.customerId}/cart/lines`, {
      productCode: 'GO',
      quantity: 1,
      termYears: 1,
    });
    const post = (input: Record<string, unknown>) =>
      session.post('/api/quotes', { customerId: customer.customerId, ...input });
    const noCity = quoteInput();
    noCity.billingAddress.city = '  ';
    const res = await post(noCity);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation.required', field: 'billingAddress.city' });
    const badEmail = await post(quoteInput({ endUser: { name: 'X', email: 'nope' } }));
    expect(badEmail.json()).toMatchObject({ code: 'validation.format', field: 'endUser.email' });
    const missing = await post({ billingAddress: quoteInput().billingAddress });
    expect(missing.json()).toMatchObject({ code: 'validation.required', field: 'endUser' });
    const badCountry = await post(
      quoteInput({ billingAddress: { ...quoteInput().billingAddress, country: 'ZZ' } }),
    );
    expect(badCountry.json()).toMatchObject({
      field: 'billingAddress.country',
      message: 'Choose a country from the list.',
    });
    const badPostal = await post(
      quoteInput({ billingAddress: { ...quoteInput().billingAddress, postalCode: '!!!' } }),
    );
    expect(badPostal.json()).toMatchObject({ field: 'billingAddress.postalCode' });
    const otherAccount = await session.post('/api/quotes', { customerId: '1000000', ...quoteInput() });
    expect(otherAccount.statusCode).toBe(409);
    expect(otherAccount.json()).toMatchObject({ code: 'customer.not_open' });
  });
});

describe('Quotes list and detail', () => {
  let session: TestSession;
  const numbers: string[] = [];
  let umbrellaEmail = '';
  let umbrellaCustomerId = '';

  beforeAll(async () => {
    const lister = await createTestPartner(t.db, t.app);
    session = await lister.loginAs('sales');
    const umbrella = await createTestCustomer(t.db, { name: 'Umbrella Corporation' });
    umbrellaEmail = umbrella.email;
    umbrellaCustomerId = umbrella.customerId;
    const hooli = await createTestCustomer(t.db, { name: 'Hooli' });
    numbers.push((await quoteFor(session, umbrella)).quoteNumber);
    numbers.push(
      (
        await quoteFor(
          session,
          hooli,
          quoteInput({ endUser: { name: 'Gavin', email: 'gavin@hooli.test' }, poNumber: undefined }),
        )
      ).quoteNumber,
    );
    numbers.push((await quoteFor(session, hooli)).quoteNumber);
  });

  it('lists the partner’s quotes newest first, paginated on the server', async () => {
    const first = (await session.get('/api/quotes?pageSize=2')).json();
    expect(first.total).toBe(3);
    expect(first.items.map((q: { quoteNumber: string }) => q.quoteNumber)).toEqual([numbers[2], numbers[1]]);
    const second = (await session.get('/api/quotes?pageSize=2&page=2')).json();
    expect(second.items.map((q: { quoteNumber: string }) => q.quoteNumber)).toEqual([numbers[0]]);
  });

  it('searches by quote number, customer name and customer email', async () => {
    const search = async (q: string) =>
      (await session.get(`/api/quotes?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { quoteNumber: string }) => i.quoteNumber);
    expect(await search(numbers[0] as string)).toEqual([numbers[0]]);
    expect(await search('umbrella')).toEqual([numbers[0]]);
    expect((await search('Hooli')).sort()).toEqual([numbers[1], numbers[2]].sort());
    expect(await search('gavin@hooli')).toEqual([numbers[1]]);
    expect(await search('100%')).toEqual([]);
    // Part of a number, and the Customer ID.
    expect(await search((numbers[0] as string).slice(-6))).toEqual([numbers[0]]);
    expect(await search(umbrellaCustomerId)).toEqual([numbers[0]]);
    // The customer's own contact email finds its quotes too, whole or in part.
    expect(await search(umbrellaEmail.toUpperCase())).toEqual([numbers[0]]);
    expect(await search(umbrellaEmail.slice(0, 10))).toEqual([numbers[0]]);
    expect((await search((numbers[0] as string).slice(0, 7))).length).toBe(3);
  });

  it('still finds quotes when a name matches more accounts than fit in an id list', async () => {
    for (let i = 0; i < 501; i++) await createTestCustomer(t.db, { name: `Massive Dynamic ${i}` });
    const last = await createTestCustomer(t.db, { name: 'Massive Dynamic Last' });
    const quote = await quoteFor(session, last);
    const found = (await session.get('/api/quotes?q=massive%20dynamic')).json();
    expect(found.items.map((q: { quoteNumber: string }) => q.quoteNumber)).toEqual([quote.quoteNumber]);
    numbers.push(quote.quoteNumber);
  });

  it('filters by a date range', async () => {
    const today = todayUtc();
    expect((await session.get(`/api/quotes?from=${today}&to=${today}`)).json().total).toBe(numbers.length);
    expect((await session.get(`/api/quotes?to=${addDays(today, -1)}`)).json().total).toBe(0);
    expect((await session.get(`/api/quotes?from=${addDays(today, 1)}`)).json().total).toBe(0);
    const bad = await session.get('/api/quotes?from=25/11/2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'from' });
  });

  it('opens a quote with its lines and totals', async () => {
    const res = await session.get(`/api/quotes/${numbers[1]?.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      quoteNumber: numbers[1],
      poNumber: null,
      customer: { name: 'Hooli' },
    });
    expect(res.json().lines).toHaveLength(1);
  });

  it('answers 404 to another partner, exactly as for a quote that does not exist', async () => {
    const rival = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    const theirs = await rival.get(`/api/quotes/${numbers[0]}`);
    const none = await rival.get('/api/quotes/Q-2026-999999');
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('quote.not_found');
    expect(none.json().code).toBe('quote.not_found');
    expect((await rival.get('/api/quotes')).json().total).toBe(0);
    expect((await rival.get(`/api/quotes?q=${numbers[0]}`)).json().items).toEqual([]);
  });

  it('rejects a malformed quote number with a format message', async () => {
    const res = await session.get('/api/quotes/12345');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation.format', field: 'quoteNumber' });
  });

  it('is not for the billing role', async () => {
    const billing = await partner.loginAs('billing');
    expect((await billing.get('/api/quotes')).statusCode).toBe(403);
    expect((await billing.post('/api/quotes', { customerId: '6703615', ...quoteInput() })).statusCode).toBe(
      403,
    );
  });
});
