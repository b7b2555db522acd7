import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPartnerBillingAddress } from '../modules/partners/partners.service.ts';
import {
  createTestCustomer,
  createTestDirectQuote,
  createTestPartner,
  quoteInput,
  type TestPartner,
} from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let partner: TestPartner;
let customer: Awaited<ReturnType<typeof createTestCustomer>>;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { discountPercent: 20 });
  customer = await createTestCustomer(t.db, { name: 'Direct Customer' });
});
afterAll(() => t.close());

const convert = (quoteNumber: string) => ({ quoteNumber, ...quoteInput() });

describe('converting a vendor direct quote', () => {
  it("becomes this partner's quote: lines and list prices copied, the partner's discount applied, both linked", async () => {
    const number = await createTestDirectQuote(t.db, customer, { now: t.clock.now });
    const session = await partner.loginAs('sales');
    const res = await session.post('/api/quotes/convert-direct', convert(number.toLowerCase()));
    expect(res.statusCode).toBe(201);
    const quote = res.json();
    expect(quote.quoteNumber).not.toBe(number);
    expect(quote).toMatchObject({
      origin: 'reseller',
      status: 'open',
      convertedFrom: number,
      customer: { customerId: customer.customerId, name: customer.customerId ? expect.any(String) : '' },
      discountPercent: 20,
      endUser: { name: 'Ada Lovelace', email: 'ada@initech.test', company: 'Initech' },
      poNumber: 'PO-7781',
    });
    expect(
      quote.lines.map((l: { productCode: string; quantity: number }) => [l.productCode, l.quantity]),
    ).toEqual([
      ['II', 3],
      ['WS', 1],
    ]);
    for (const line of quote.lines) {
      expect(line.discountMinor).toBe(Math.round(line.listPriceMinor * 0.2));
      expect(line.totalMinor).toBe(line.listPriceMinor - line.discountMinor);
    }
    // The partner finds it among its quotes; the original can no longer be converted.
    expect((await session.get(`/api/quotes/${quote.quoteNumber}`)).statusCode).toBe(200);
    const again = await session.post('/api/quotes/convert-direct', convert(number));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'quote.direct_converted', field: 'quoteNumber' });
  });

  it('refuses an expired, an unknown and a reseller quote, each with its own code', async () => {
    const session = await partner.loginAs('admin');
    const expired = await createTestDirectQuote(t.db, customer, { now: t.clock.now, ageDays: 31 });
    const refusals = [
      [expired, 422, 'quote.direct_expired'],
      ['Q-2026-999999', 404, 'quote.direct_not_found'],
    ] as const;
    for (const [number, status, code] of refusals) {
      const res = await session.post('/api/quotes/convert-direct', convert(number));
      expect(res.statusCode, number).toBe(status);
      expect(res.json()).toMatchObject({ code, field: 'quoteNumber' });
    }
    const direct = await createTestDirectQuote(t.db, customer, { now: t.clock.now });
    const own = (await session.post('/api/quotes/convert-direct', convert(direct))).json();
    const reseller = await session.post('/api/quotes/convert-direct', convert(own.quoteNumber));
    expect(reseller.statusCode).toBe(422);
    expect(reseller.json()).toMatchObject({ code: 'quote.not_direct' });
  });

  it("answers another partner's reseller quote exactly as a number that does not exist", async () => {
    const direct = await createTestDirectQuote(t.db, customer, { now: t.clock.now });
    const theirs = (
      await (await partner.loginAs('sales')).post('/api/quotes/convert-direct', convert(direct))
    ).json();
    const outsider = await (await createTestPartner(t.db, t.app)).loginAs('sales');
    const answers = await Promise.all(
      [theirs.quoteNumber, 'Q-2026-999998'].flatMap((number) => [
        outsider.post('/api/quotes/convert-direct', convert(number)),
        outsider.post('/api/quotes/convert-direct/check', { quoteNumber: number }),
      ]),
    );
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'quote.direct_not_found', field: 'quoteNumber' });
    }
    // The message names only the number asked for.
    expect(answers[0]?.json().message).toBe(`There is no direct quote ${theirs.quoteNumber}.`);
  });

  it('refuses a direct quote in another currency than the partner buys in, leaving it convertible', async () => {
    const brl = await createTestPartner(t.db, t.app, { currency: 'BRL' });
    const number = await createTestDirectQuote(t.db, customer, { now: t.clock.now });
    const res = await (await brl.loginAs('sales')).post('/api/quotes/convert-direct', convert(number));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'quote.direct_currency' });
    expect(
      (await (await partner.loginAs('sales')).post('/api/quotes/convert-direct', convert(number))).statusCode,
    ).toBe(201);
  });

  it("uses the partner's billing address on file when none is given, and asks for one when there is none", async () => {
    const number = await createTestDirectQuote(t.db, customer, { now: t.clock.now });
    const { billingAddress: _given, ...withoutAddress } = convert(number);
    const session = await partner.loginAs('sales');
    const missing = await session.post('/api/quotes/convert-direct', withoutAddress);
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'quote.billing_address_required', field: 'billingAddress' });
    const onFile = {
      companyName: 'On File LLC',
      addressLine1: '9 File St',
      city: 'Austin',
      state: 'TX',
      postalCode: '73301',
      country: 'US',
    };
    await setPartnerBillingAddress(t.db, { partnerId: partner.id, billingAddress: onFile });
    const converted = await session.post('/api/quotes/convert-direct', withoutAddress);
    expect(converted.statusCode).toBe(201);
    expect(converted.json().billingAddress).toEqual(onFile);
  });

  it('lets exactly one of two partners converting at the same moment succeed', async () => {
    for (let round = 0; round < 5; round++) {
      const number = await createTestDirectQuote(t.db, customer, { now: t.clock.now });
      const first = await (await createTestPartner(t.db, t.app)).loginAs('sales');
      const second = await (await createTestPartner(t.db, t.app)).loginAs('sales');
      const answers = await Promise.all([
        first.post('/api/quotes/convert-direct', convert(number)),
        second.post('/api/quotes/convert-direct', convert(number)),
        first.post('/api/quotes/convert-direct', convert(number)),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    }
  });
});

describe('checking a direct quote before the licensee is asked for', () => {
  it('answers a valid one with its customer, lines and validity, and converts nothing', async () => {
    const number = await createTestDirectQuote(t.db, customer, { now: t.clock.now });
    const session = await partner.loginAs('sales');
    const res = await session.post('/api/quotes/convert-direct/check', { quoteNumber: number.toLowerCase() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      quoteNumber: number,
      customer: { customerId: customer.customerId },
      currency: 'USD',
      lines: [
        { productCode: 'II', quantity: 3, termYears: 1 },
        { productCode: 'WS', quantity: 1, termYears: 2 },
      ],
    });
    expect(res.json().validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Still convertible after the check.
    expect((await session.post('/api/quotes/convert-direct', convert(number))).statusCode).toBe(201);
  });

  it('refuses at once, with the code conversion would give, what cannot be converted', async () => {
    const session = await partner.loginAs('admin');
    const expired = await createTestDirectQuote(t.db, customer, { now: t.clock.now, ageDays: 31 });
    const converted = await createTestDirectQuote(t.db, customer, { now: t.clock.now });
    const own = (await session.post('/api/quotes/convert-direct', convert(converted))).json();
    const brl = await createTestDirectQuote(t.db, customer, { now: t.clock.now, currency: 'BRL' });
    const cases = [
      [expired, 422, 'quote.direct_expired'],
      ['Q-2026-999997', 404, 'quote.direct_not_found'],
      [converted, 409, 'quote.direct_converted'],
      [own.quoteNumber, 422, 'quote.not_direct'],
      [brl, 422, 'quote.direct_currency'],
    ] as const;
    for (const [number, status, code] of cases) {
      const res = await session.post('/api/quotes/convert-direct/check', { quoteNumber: number });
      expect(res.statusCode, number).toBe(status);
      expect(res.json()).toMatchObject({ code, field: 'quoteNumber' });
    }
  });

  it('counts refused checks against the lookup limits, as conversions do', async () => {
    const guesser = await (await createTestPartner(t.db, t.app)).loginAs('sales');
    const statuses: number[] = [];
    for (let n = 0; n < 11; n++) {
      const res = await guesser.post('/api/quotes/convert-direct/check', {
        quoteNumber: `Q-2026-9${String(n).padStart(5, '0')}`,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses[10]).toBe(429);
  });
});
