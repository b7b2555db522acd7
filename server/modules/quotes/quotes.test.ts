import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../lib/dates.ts';
import {
  createTestCustomer,
  createTestPartner,
  openAccount,
  quoteFor,
  quoteInput,
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
    expect(badEmail.json()).toMatchObject({ code: 'validation.email', field: 'endUser.email' });
    const missing = await post({ billingAddress: quoteInput().billingAddress });
    expect(missing.json()).toMatchObject({ code: 'validation.required', field: 'endUser' });
    const badCountry = await post(
      quoteInput({ billingAddress: { ...quoteInput().billingAddress, country: 'ZZ' } }),
    );
    expect(badCountry.json()).toMatchObject({
      code: 'validation.country',
      field: 'billingAddress.country',
      message: 'Choose a country from the list.',
    });
    const badPostal = await post(
      quoteInput({ billingAddress: { ...quoteInput().billingAddress, postalCode: '!!!' } }),
    );
    expect(badPostal.json()).toMatchObject({
      code: 'validation.zip_code',
      field: 'billingAddress.postalCode',
    });
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
    expect(second.total).toBe(3);
    // The total rides on the page's rows: a page past the end, with none, still says how many.
    expect((await session.get('/api/quotes?pageSize=2&page=5')).json()).toMatchObject({
      items: [],
      total: 3,
    });
    expect((await session.get('/api/quotes?q=nobody-at-all')).json()).toMatchObject({ items: [], total: 0 });
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
    // The customer's own contact email finds its quotes too, but only whole: a part of one must not
    // let a partner discover the contacts of accounts.
    expect(await search(umbrellaEmail.toUpperCase())).toEqual([numbers[0]]);
    expect(await search(umbrellaEmail.slice(0, 10))).toEqual([]);
    expect((await search((numbers[0] as string).slice(0, 7))).length).toBe(3);
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
    expect(res.json()).toMatchObject({ code: 'validation.quote_number', field: 'quoteNumber' });
  });

  it('is not for the billing role', async () => {
    const billing = await partner.loginAs('billing');
    expect((await billing.get('/api/quotes')).statusCode).toBe(403);
    expect((await billing.post('/api/quotes', { customerId: '6703615', ...quoteInput() })).statusCode).toBe(
      403,
    );
  });
});

describe('dates of the user’s calendar', () => {
  it('filters a date range by the days of the user’s time zone', async () => {
    const own = await startTestApp();
    try {
      // 01:30 UTC on 26 November is still 25 November, 22:30, in Brasília.
      own.clock.now = new Date('2026-11-26T01:30:00Z');
      const reseller = await createTestPartner(own.db, own.app);
      const session = await reseller.loginAs('sales');
      const quote = await quoteFor(session, await createTestCustomer(own.db));
      const found = async (query: string) =>
        (await session.get(`/api/quotes?${query}`))
          .json()
          .items.map((q: { quoteNumber: string }) => q.quoteNumber);
      expect(await found('from=2026-11-26&to=2026-11-26')).toEqual([quote.quoteNumber]);
      expect(await found('from=2026-11-25&to=2026-11-25&utcOffset=-180')).toEqual([quote.quoteNumber]);
      expect(await found('from=2026-11-26&to=2026-11-26&utcOffset=-180')).toEqual([]);
      expect(await found('from=2026-11-26&to=2026-11-26&utcOffset=840')).toEqual([quote.quoteNumber]);
      expect((await session.get('/api/quotes?utcOffset=900')).json()).toMatchObject({ field: 'utcOffset' });
    } finally {
      await own.close();
    }
  });
});

describe('Get Quote under load', () => {
  it('makes one quote of one cart, however many parallel requests ask', async () => {
    const session = await partner.loginAs('sales');
    const customer = await createTestCustomer(t.db);
    await openAccount(session, customer);
    await session.post(`/api/customers/${customer.customerId}/cart/lines`, {
      productCode: 'CL',
      quantity: 4,
      termYears: 1,
    });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        session.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).map((a) => a.json().code)).toEqual(
      Array(4).fill('cart.empty'),
    );
    const listed = (await session.get(`/api/quotes?q=${customer.customerId}`)).json();
    expect(listed.total).toBe(1);
  });

  it('answers a retry with the same Idempotency-Key with the first quote, and refuses the key for another request', async () => {
    const session = await partner.loginAs('sales');
    const customer = await createTestCustomer(t.db);
    await openAccount(session, customer);
    await session.post(`/api/customers/${customer.customerId}/cart/lines`, {
      productCode: 'RM',
      quantity: 1,
      termYears: 2,
    });
    const body = { customerId: customer.customerId, ...quoteInput() };
    const headers = { 'idempotency-key': 'get-quote-7f3a' };
    const answers = await Promise.all([1, 2, 3].map(() => session.post('/api/quotes', body, headers)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    const numbers = new Set(answers.map((a) => a.json().quoteNumber));
    expect(numbers.size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    const later = await session.post('/api/quotes', body, headers);
    expect(later.json().quoteNumber).toBe([...numbers][0]);
    expect((await session.get(`/api/quotes?q=${customer.customerId}`)).json().total).toBe(1);

    const other = await session.post('/api/quotes', { ...body, poNumber: 'PO-OTHER' }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'idempotency.key_reused' });
    const bad = await session.post('/api/quotes', body, { 'idempotency-key': 'has spaces' });
    expect(bad.json()).toMatchObject({ code: 'validation.idempotency_key' });
  });
});

describe('Cancel quote', () => {
  it('cancels an open quote once, and then offers no action on it', async () => {
    const session = await partner.loginAs('sales');
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    expect(quote.actions).toEqual({ cancel: true, order: true, email: true, setResalePrices: true });
    const cancelled = await session.post(`/api/quotes/${quote.quoteNumber}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', actions: { cancel: false, order: false } });
    expect(cancelled.json().cancelledAt).toBeTruthy();
    const again = await session.post(`/api/quotes/${quote.quoteNumber}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'quote.not_cancellable', params: { status: 'cancelled' } });
    const listed = (await session.get(`/api/quotes?q=${quote.quoteNumber}`)).json();
    expect(listed.items[0]).toMatchObject({ status: 'cancelled' });
  });

  it('cancels once when two requests race', async () => {
    const session = await partner.loginAs('admin');
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    const answers = await Promise.all(
      [1, 2].map(() => session.post(`/api/quotes/${quote.quoteNumber}/cancel`)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
  });

  it('refuses an expired quote, which the quote says', async () => {
    const session = await partner.loginAs('sales');
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    t.clock.advanceDays(31);
    const later = await partner.loginAs('sales');
    const shown = (await later.get(`/api/quotes/${quote.quoteNumber}`)).json();
    expect(shown).toMatchObject({ status: 'expired', actions: { cancel: false, order: false } });
    const refused = await later.post(`/api/quotes/${quote.quoteNumber}/cancel`);
    expect(refused.json()).toMatchObject({ code: 'quote.not_cancellable', params: { status: 'expired' } });
  });

  it('is not for billing, and another partner cannot tell the quote exists', async () => {
    const session = await partner.loginAs('sales');
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    expect(
      (await (await partner.loginAs('billing')).post(`/api/quotes/${quote.quoteNumber}/cancel`)).statusCode,
    ).toBe(403);
    const rival = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    const theirs = await rival.post(`/api/quotes/${quote.quoteNumber}/cancel`);
    const none = await rival.post('/api/quotes/Q-2026-999999/cancel');
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).toBe(none.body.replace('Q-2026-999999', quote.quoteNumber));
  });
});

describe('Quotes list by status', () => {
  it('filters by the status the list shows, an open quote past its validity being expired', async () => {
    const own = await createTestPartner(t.db, t.app);
    const session = await own.loginAs('sales');
    const early = await quoteFor(session, await createTestCustomer(t.db));
    const cancelled = await quoteFor(session, await createTestCustomer(t.db));
    await session.post(`/api/quotes/${cancelled.quoteNumber}/cancel`);
    t.clock.advanceDays(31);
    const later = await own.loginAs('sales');
    const fresh = await quoteFor(later, await createTestCustomer(t.db));
    const numbers = async (status: string) =>
      (
        (await later.get(`/api/quotes?status=${status}`)).json().items as {
          quoteNumber: string;
          status: string;
        }[]
      ).map((i) => `${i.quoteNumber}:${i.status}`);
    expect(await numbers('open')).toEqual([`${fresh.quoteNumber}:open`]);
    expect(await numbers('expired')).toEqual([`${early.quoteNumber}:expired`]);
    expect(await numbers('cancelled')).toEqual([`${cancelled.quoteNumber}:cancelled`]);
    expect(await numbers('ordered')).toEqual([]);
    expect((await later.get('/api/quotes?status=lost')).statusCode).toBe(400);
  });
});
