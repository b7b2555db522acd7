import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, todayUtc } from '../../lib/dates.ts';
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
import { addTeam } from '../customers/customers.service.ts';

let t: TestApp;
let partner: TestPartner;
let customer: Awaited<ReturnType<typeof createTestCustomer>>;
let pack: Awaited<ReturnType<typeof createTestLicenses>>;
let session: TestSession;
let cartUrl = '';

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { discountPercent: 15 });
  customer = await createTestCustomer(t.db, { name: 'Coterm Co' });
  pack = await createTestLicenses(t.db, customer, {
    seats: 3,
    periodStart: '2026-06-01',
    periodEnd: '2027-06-01',
  });
  await addTeam(t.db, customer.id, 'Engineering');
  session = await partner.loginAs('sales');
  await openAccount(session, customer);
  cartUrl = `/api/customers/${customer.customerId}/cart`;
});
afterAll(() => t.close());

async function freshLine(productCode: string, quantity = 4) {
  const cart = (await session.post(`${cartUrl}/lines`, { productCode, quantity, termYears: 1 })).json();
  return cart.lines.find((l: { productCode: string }) => l.productCode === productCode);
}

describe('Set Custom and Set Default on a new-subscription line', () => {
  it('co-terms a line to a chosen end date, priced yearly × days / 365 and rounded once', async () => {
    const line = await freshLine('GO');
    const today = todayUtc(t.clock.now);
    const end = addDays(today, 200);
    const res = await session.patch(`${cartUrl}/lines/${line.id}`, { quantity: 4, periodEnd: end });
    expect(res.statusCode).toBe(200);
    const custom = res.json().lines.find((l: { id: string }) => l.id === line.id);
    const exact = (line.unitListPriceMinor * 4 * 200) / 365;
    expect(custom).toMatchObject({
      termYears: null,
      // What Set Default returns to: the term the line was added with.
      defaultTermYears: 1,
      periodStart: today,
      periodEnd: end,
      listPriceMinor: Math.round(exact),
      totalMinor: Math.round(exact * 0.85),
      // Shorter than twelve months: no perpetual fallback license.
      perpetualFallback: false,
    });
    expect(daysBetween(custom.periodStart, custom.periodEnd)).toBe(200);

    const back = await session.patch(`${cartUrl}/lines/${line.id}`, { quantity: 4, termYears: 1 });
    expect(back.json().lines.find((l: { id: string }) => l.id === line.id)).toMatchObject({
      termYears: 1,
      periodEnd: addYears(today, 1),
      listPriceMinor: line.unitListPriceMinor * 4,
      perpetualFallback: true,
    });
  });

  it('co-terms to the end date of an existing pack, and the quote keeps the period and the missing fallback', async () => {
    const line = await freshLine('RD', 2);
    await session.patch(`${cartUrl}/lines/${line.id}`, { quantity: 2, periodEnd: '2027-06-01' });
    const quote = (
      await session.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() })
    ).json();
    const quoted = quote.lines.find((l: { productCode: string }) => l.productCode === 'RD');
    expect(quoted).toMatchObject({ periodEnd: '2027-06-01', termYears: null, perpetualFallback: false });
  });

  it('refuses an end date not after the start, or more than three years on, and a request with both or neither', async () => {
    const line = await freshLine('CL');
    const today = todayUtc(t.clock.now);
    for (const periodEnd of [today, addDays(today, -3), addDays(addYears(today, 3), 1)]) {
      const res = await session.patch(`${cartUrl}/lines/${line.id}`, { quantity: 1, periodEnd });
      expect(res.statusCode, periodEnd).toBe(400);
      expect(res.json()).toMatchObject({ code: 'cart.period_end_out_of_range', field: 'periodEnd' });
    }
    for (const body of [{ quantity: 1 }, { quantity: 1, termYears: 1, periodEnd: addDays(today, 30) }]) {
      const res = await session.patch(`${cartUrl}/lines/${line.id}`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation.term_or_end', field: 'periodEnd' });
    }
  });

  it('flags a chosen end date that passed while the line waited, instead of quoting it', async () => {
    const line = await freshLine('DG');
    const end = addDays(todayUtc(t.clock.now), 2);
    await session.patch(`${cartUrl}/lines/${line.id}`, { quantity: 1, periodEnd: end });
    t.clock.advanceDays(3);
    // The session ended meanwhile (idle time); the user's cart waits for them.
    session = await partner.loginAs('sales');
    await openAccount(session, customer);
    const cart = (await session.get(cartUrl)).json();
    expect(cart.lines.find((l: { id: string }) => l.id === line.id)).toMatchObject({
      issue: 'period_ended',
      totalMinor: 0,
      perpetualFallback: false,
    });
    expect(cart.actions.getQuote).toBe(false);
    await session.delete(`${cartUrl}/lines/${line.id}`);
  });
});

describe('the Details tab', () => {
  it('lists the account’s teams and packs with their end dates', async () => {
    const res = await session.get(`/api/customers/${customer.customerId}/packs-and-teams`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      teams: [{ id: expect.any(String), name: 'Engineering' }],
      packs: [
        {
          packNumber: pack.packNumber,
          periodEnd: '2027-06-01',
          products: [{ code: 'II', name: 'IntelliJ IDEA Ultimate' }],
          licenses: 3,
        },
      ],
    });
  });

  it('keeps the team and pack choices with the cart and copies them to the quote', async () => {
    await freshLine('PY', 1);
    const { teams } = (await session.get(`/api/customers/${customer.customerId}/packs-and-teams`)).json();
    const chosen = await session.put(`${cartUrl}/details`, {
      team: { kind: 'existing', teamId: teams[0].id },
      pack: { kind: 'existing', packNumber: pack.packNumber.toLowerCase() },
    });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().details).toEqual({
      team: { id: teams[0].id, name: 'Engineering' },
      pack: { packNumber: pack.packNumber },
    });
    expect((await session.get(cartUrl)).json().details).toEqual(chosen.json().details);

    const quote = (
      await session.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() })
    ).json();
    expect(quote.details).toEqual(chosen.json().details);
    // The next purchase starts with its own choices.
    expect((await session.get(cartUrl)).json().details).toEqual({ team: null, pack: null });
  });

  it('takes a new team by name (an existing name is that team) and a new pack', async () => {
    const newTeam = await session.put(`${cartUrl}/details`, {
      team: { kind: 'new', name: ' Design ' },
      pack: { kind: 'new' },
    });
    expect(newTeam.json().details).toEqual({ team: { id: null, name: 'Design' }, pack: null });
    const same = await session.put(`${cartUrl}/details`, {
      team: { kind: 'new', name: 'engineering' },
      pack: { kind: 'new' },
    });
    expect(same.json().details.team).toMatchObject({ id: expect.any(String), name: 'Engineering' });
  });

  it("refuses another account's team or pack with a 404 naming the field", async () => {
    const other = await createTestCustomer(t.db);
    const otherPack = await createTestLicenses(t.db, other);
    const res = await session.put(`${cartUrl}/details`, {
      team: { kind: 'none' },
      pack: { kind: 'existing', packNumber: otherPack.packNumber },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'cart.pack_not_found', field: 'pack.packNumber' });
    const team = await session.put(`${cartUrl}/details`, {
      team: { kind: 'existing', teamId: '00000000-0000-4000-8000-000000000000' },
      pack: { kind: 'new' },
    });
    expect(team.json()).toMatchObject({ code: 'cart.team_not_found', field: 'team.teamId' });
  });

  it('refuses a pack of the account whose subscriptions have all ended, as the Details tab leaves it out', async () => {
    const today = todayUtc(t.clock.now);
    const ended = await createTestLicenses(t.db, customer, {
      seats: 1,
      periodStart: addYears(today, -1),
      periodEnd: addDays(today, -1),
    });
    const listed = (await session.get(`/api/customers/${customer.customerId}/packs-and-teams`)).json();
    expect(listed.packs.map((p: { packNumber: string }) => p.packNumber)).not.toContain(ended.packNumber);
    const res = await session.put(`${cartUrl}/details`, {
      team: { kind: 'none' },
      pack: { kind: 'existing', packNumber: ended.packNumber },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'cart.pack_ended',
      field: 'pack.packNumber',
      params: { packNumber: ended.packNumber },
    });
    const live = await session.put(`${cartUrl}/details`, {
      team: { kind: 'none' },
      pack: { kind: 'existing', packNumber: pack.packNumber },
    });
    expect(live.statusCode).toBe(200);
  });
});

describe('cloud products: one subscription per service domain and product', () => {
  it('puts more seats for a domain on its line, and refuses a second line for it', async () => {
    const add = (termYears: number, quantity = 5) =>
      session.post(`${cartUrl}/lines`, {
        productCode: 'YTC',
        quantity,
        termYears,
        serviceDomain: 'coterm.youtrack.cloud',
      });
    expect((await add(1)).statusCode).toBe(201);
    const more = (await add(1, 3)).json();
    expect(more.lines.filter((l: { productCode: string }) => l.productCode === 'YTC')).toMatchObject([
      { quantity: 8, serviceDomain: 'coterm.youtrack.cloud' },
    ]);
    const other = await add(2);
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'cart.service_domain_in_cart', field: 'serviceDomain' });
  });

  it('refuses a domain that already has a running subscription of the product, on any account', async () => {
    const elsewhere = await createTestCustomer(t.db);
    await createTestLicenses(t.db, elsewhere, {
      productCode: 'YTC',
      serviceDomain: 'taken.youtrack.cloud',
      periodStart: todayUtc(t.clock.now),
      periodEnd: addYears(todayUtc(t.clock.now), 1),
    });
    const res = await session.post(`${cartUrl}/lines`, {
      productCode: 'YTC',
      quantity: 1,
      termYears: 1,
      serviceDomain: 'taken.youtrack.cloud',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'cart.service_domain_subscribed', field: 'serviceDomain' });
  });
});
