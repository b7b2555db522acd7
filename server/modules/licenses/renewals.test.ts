import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, todayUtc } from '../../lib/dates.ts';
import {
  createTestCustomer,
  createTestLicenses,
  createTestPartner,
  openAccount,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';

let t: TestApp;
let partner: TestPartner;
let customer: Awaited<ReturnType<typeof createTestCustomer>>;
let session: TestSession;
let url = '';
let today = '';

beforeAll(async () => {
  t = await startTestApp();
  today = todayUtc(t.clock.now);
  partner = await createTestPartner(t.db, t.app, { discountPercent: 15 });
  customer = await createTestCustomer(t.db, { name: 'Renew Co' });
  session = await partner.loginAs('sales');
  await openAccount(session, customer);
  url = `/api/customers/${customer.customerId}/cart`;
});
afterAll(() => t.close());

const seatsEnding = (days: number, seats = 3, productCode = 'II') =>
  createTestLicenses(t.db, customer, {
    productCode,
    seats,
    periodStart: addYears(addDays(today, days), -1),
    periodEnd: addDays(today, days),
  });

describe('renewing licenses from Updates & Renewals', () => {
  it('adds one renewal line for the seats of a pack, from the old end date, for the term', async () => {
    const pack = await seatsEnding(40);
    const licenseIds = pack.licenses.map((l) => l.licenseId);
    const res = await session.post(`${url}/renewals`, { kind: 'renewal', licenseIds, termYears: 1 });
    expect(res.statusCode).toBe(201);
    const line = res.json().lines.find((l: { kind: string }) => l.kind === 'renewal');
    const oldEnd = addDays(today, 40);
    expect(line).toMatchObject({
      productCode: 'II',
      quantity: 3,
      periodStart: oldEnd,
      periodEnd: addYears(oldEnd, 1),
      termYears: 1,
      licenseIds: [...licenseIds].sort(),
      perpetualFallback: true,
    });
    expect(line.listPriceMinor).toBe(line.unitListPriceMinor * 3);

    // Co-termed like any line: priced by its days from the old end date.
    const end = addDays(oldEnd, 100);
    const custom = (await session.patch(`${url}/lines/${line.id}`, { quantity: 3, periodEnd: end })).json();
    const coTermed = custom.lines.find((l: { id: string }) => l.id === line.id);
    expect(coTermed).toMatchObject({ periodStart: oldEnd, periodEnd: end, perpetualFallback: false });
    expect(daysBetween(coTermed.periodStart, coTermed.periodEnd)).toBe(100);
    expect(coTermed.listPriceMinor).toBe(Math.round((line.unitListPriceMinor * 3 * 100) / 365));

    // The same licenses again: already in the cart.
    const again = await session.post(`${url}/renewals`, {
      kind: 'renewal',
      licenseIds: [licenseIds[0]],
      termYears: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'cart.license_in_cart', field: 'licenseIds' });

    // The quote keeps the kind, the period and the License IDs.
    const quote = (
      await session.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() })
    ).json();
    expect(quote.lines.find((l: { kind: string }) => l.kind === 'renewal')).toMatchObject({
      periodStart: oldEnd,
      licenseIds: [...licenseIds].sort(),
    });
  });

  it('renews a lapsed subscription from its old end date, so the gap is paid for', async () => {
    const lapsed = await seatsEnding(-30, 1, 'WS');
    const res = await session.post(`${url}/renewals`, {
      kind: 'renewal',
      licenseIds: lapsed.licenses.map((l) => l.licenseId),
      termYears: 2,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().lines.find((l: { productCode: string }) => l.productCode === 'WS')).toMatchObject({
      kind: 'renewal',
      periodStart: addDays(today, -30),
      periodEnd: addYears(addDays(today, -30), 2),
    });
  });

  it('refuses a license still outside its window, and another account’s as unknown', async () => {
    const active = await seatsEnding(200, 1, 'PY');
    const early = await session.post(`${url}/renewals`, {
      kind: 'renewal',
      licenseIds: [active.licenses[0]?.licenseId],
      termYears: 1,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'licenses.not_renewable',
      params: { opensOn: addDays(addDays(today, 200), -90) },
    });
    const other = await createTestLicenses(t.db, await createTestCustomer(t.db));
    const foreign = await session.post(`${url}/renewals`, {
      kind: 'renewal',
      licenseIds: [other.licenses[0]?.licenseId],
      termYears: 1,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'licenses.not_found' });
  });

  it('takes renewals from exactly 90 days before the end to exactly six months after it', async () => {
    // The last end date whose six months after still include today (month ends clamp, so search).
    let lateEnd = addMonths(today, -6);
    while (addMonths(addDays(lateEnd, -1), 6) >= today) lateEnd = addDays(lateEnd, -1);
    const cases = [
      { ends: 90, status: 201 },
      { ends: 91, status: 409 },
      { ends: daysBetween(today, lateEnd), status: 201 },
      { ends: daysBetween(today, lateEnd) - 1, status: 409 },
    ];
    for (const c of cases) {
      const seats = await seatsEnding(c.ends, 1, 'RD');
      const res = await session.post(`${url}/renewals`, {
        kind: 'renewal',
        licenseIds: seats.licenses.map((l) => l.licenseId),
        termYears: 1,
      });
      expect({ ends: c.ends, status: res.statusCode }).toEqual({ ends: c.ends, status: c.status });
    }
  });
});
