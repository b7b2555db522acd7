import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, todayUtc } from '../../lib/dates.ts';
import { priceLine } from '../../lib/money.ts';
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
let listPrice: (code: string) => Promise<number>;

interface Line {
  id: string;
  kind: string;
  productCode: string;
  quantity: number;
  periodStart: string;
  periodEnd: string;
  listPriceMinor: number;
  discountMinor: number;
  totalMinor: number;
  unitListPriceMinor: number;
  perpetualFallback: boolean;
  defaultPeriodEnd: string | null;
  endRange: { min: string; max: string };
  fromProduct?: { productCode: string; productName: string };
  credit?: { days: number; listMinor: number; totalMinor: number };
}

beforeAll(async () => {
  t = await startTestApp();
  today = todayUtc(t.clock.now);
  partner = await createTestPartner(t.db, t.app, { discountPercent: 15 });
  customer = await createTestCustomer(t.db, { name: 'Upgrade Co' });
  session = await partner.loginAs('sales');
  await openAccount(session, customer);
  url = `/api/customers/${customer.customerId}/cart`;
  const catalog = (await session.get('/api/catalog/products')).json() as {
    items: { code: string; listPriceMinor: number }[];
  };
  listPrice = async (code) => catalog.items.find((p) => p.code === code)?.listPriceMinor ?? Number.NaN;
});
afterAll(() => t.close());

const seatsEnding = (days: number, seats: number, productCode: string) =>
  createTestLicenses(t.db, customer, {
    productCode,
    seats,
    periodStart: addYears(addDays(today, days), -1),
    periodEnd: addDays(today, days),
  });

const lineOf = (cart: { lines: Line[] }, kind: string) => {
  const line = cart.lines.find((l) => l.kind === kind);
  if (!line) throw new Error(`no ${kind} line in ${JSON.stringify(cart.lines)}`);
  return line;
};

describe('upgrading a running product to the All Products Pack', () => {
  it('runs from today to the old end date and credits the unused value as its own figure', async () => {
    const active = await seatsEnding(200, 2, 'PY');
    const licenseIds = active.licenses.map((l) => l.licenseId);
    const res = await session.post(`${url}/renewals`, { kind: 'upgrade', licenseIds });
    expect(res.statusCode).toBe(201);
    const cart = res.json();
    const line = lineOf(cart, 'upgrade');
    const oldEnd = addDays(today, 200);
    expect(line).toMatchObject({
      productCode: 'ALL',
      quantity: 2,
      periodStart: today,
      periodEnd: oldEnd,
      termYears: null,
      defaultPeriodEnd: oldEnd,
      endRange: { min: oldEnd, max: addYears(today, 3) },
      fromProduct: { productCode: 'PY' },
      licenseIds: [...licenseIds].sort(),
      // 200 days: under twelve months, so no perpetual fallback license.
      perpetualFallback: false,
    });
    // The pack for 200 days, less PyCharm's unused 200 days, each rounded once, after 15 % off.
    const charge = priceLine({
      unitYearlyListMinor: await listPrice('ALL'),
      quantity: 2,
      discountBps: 1_500,
      period: { kind: 'days', days: 200 },
    });
    const credit = priceLine({
      unitYearlyListMinor: -(await listPrice('PY')),
      quantity: 2,
      discountBps: 1_500,
      period: { kind: 'days', days: 200 },
    });
    expect(line.credit).toEqual({ days: 200, listMinor: credit.listMinor, totalMinor: credit.totalMinor });
    expect(credit.totalMinor).toBeLessThan(0);
    expect(line.listPriceMinor).toBe(charge.listMinor + credit.listMinor);
    expect(line.totalMinor).toBe(charge.totalMinor + credit.totalMinor);
    expect(line.listPriceMinor - line.discountMinor).toBe(line.totalMinor);
    expect(cart.totals.creditMinor).toBe(credit.totalMinor);

    // Co-termed later: the pack costs more days, the credit stays the old subscription's.
    const later = addDays(oldEnd, 30);
    const coTermed = lineOf(
      (await session.patch(`${url}/lines/${line.id}`, { quantity: 2, periodEnd: later })).json(),
      'upgrade',
    );
    expect(coTermed).toMatchObject({ periodEnd: later, credit: line.credit });
    expect(daysBetween(coTermed.periodStart, coTermed.periodEnd)).toBe(230);

    // Not before the old end (the unused time would be lost); no standard term; seats follow the licenses.
    const early = await session.patch(`${url}/lines/${line.id}`, {
      quantity: 2,
      periodEnd: addDays(oldEnd, -1),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'cart.period_end_out_of_range', params: { min: oldEnd } });
    const term = await session.patch(`${url}/lines/${line.id}`, { quantity: 2, termYears: 1 });
    expect(term.json()).toMatchObject({ code: 'cart.term_not_applicable' });
    const seats = await session.patch(`${url}/lines/${line.id}`, { quantity: 3, periodEnd: later });
    expect(seats.json()).toMatchObject({ code: 'cart.quantity_fixed', field: 'quantity' });

    // Set Default: the old end date again.
    const restored = lineOf(
      (await session.patch(`${url}/lines/${line.id}`, { quantity: 2, periodEnd: oldEnd })).json(),
      'upgrade',
    );
    expect(restored).toMatchObject({ periodEnd: oldEnd, totalMinor: line.totalMinor });

    // The quote shows the credit on the line and in the totals.
    const quote = await session.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() });
    expect(quote.statusCode).toBe(201);
    const quoted = quote.json();
    expect(lineOf(quoted, 'upgrade')).toMatchObject({
      credit: line.credit,
      fromProduct: { productCode: 'PY' },
      totalMinor: line.totalMinor,
      licenseIds: [...licenseIds].sort(),
    });
    expect(quoted.totals.creditMinor).toBe(credit.totalMinor);
    const again = (await session.get(`/api/quotes/${quoted.quoteNumber}`)).json();
    expect(again.totals).toEqual(quoted.totals);
  });

  it('offers the upgrade only for a running single desktop product', async () => {
    const pack = await seatsEnding(200, 1, 'ALL');
    const lapsed = await seatsEnding(-20, 1, 'WS');
    for (const licenses of [pack.licenses, lapsed.licenses]) {
      const res = await session.post(`${url}/renewals`, {
        kind: 'upgrade',
        licenseIds: licenses.map((l) => l.licenseId),
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'licenses.not_upgradable', field: 'licenseIds' });
    }
  });
});

describe('downgrading the All Products Pack at renewal', () => {
  it('renews the pack as the chosen single product from the old end date', async () => {
    const pack = await seatsEnding(30, 3, 'ALL');
    const licenseIds = pack.licenses.map((l) => l.licenseId);
    const res = await session.post(`${url}/renewals`, {
      kind: 'downgrade',
      licenseIds,
      productCode: 'II',
      termYears: 1,
    });
    expect(res.statusCode).toBe(201);
    const line = lineOf(res.json(), 'downgrade');
    const oldEnd = addDays(today, 30);
    expect(line).toMatchObject({
      productCode: 'II',
      quantity: 3,
      periodStart: oldEnd,
      periodEnd: addYears(oldEnd, 1),
      fromProduct: { productCode: 'ALL' },
      perpetualFallback: true,
    });
    expect(line.credit).toBeUndefined();
    expect(line.listPriceMinor).toBe((await listPrice('II')) * 3);

    // Co-termed under twelve months: no fallback license.
    const short = lineOf(
      (
        await session.patch(`${url}/lines/${line.id}`, { quantity: 3, periodEnd: addDays(oldEnd, 90) })
      ).json(),
      'downgrade',
    );
    expect(short.perpetualFallback).toBe(false);
  });

  it('refuses a downgrade outside the renewal window, of a single product, or to the pack or a cloud product', async () => {
    const running = await seatsEnding(200, 1, 'ALL');
    const single = await seatsEnding(30, 1, 'PY');
    const inWindow = await seatsEnding(20, 1, 'ALL');
    const cases = [
      { licenses: running.licenses, productCode: 'II', status: 409, code: 'licenses.not_downgradable' },
      { licenses: single.licenses, productCode: 'II', status: 409, code: 'licenses.not_downgradable' },
      { licenses: inWindow.licenses, productCode: 'ALL', status: 400, code: 'cart.downgrade_product' },
      { licenses: inWindow.licenses, productCode: 'YTC', status: 400, code: 'cart.downgrade_product' },
    ];
    for (const c of cases) {
      const res = await session.post(`${url}/renewals`, {
        kind: 'downgrade',
        licenseIds: c.licenses.map((l) => l.licenseId),
        productCode: c.productCode,
        termYears: 1,
      });
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: c.status, code: c.code });
    }
  });
});
