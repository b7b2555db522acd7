import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayUtc } from '../../lib/dates.ts';
import {
  createTestCustomer,
  createTestLicenses,
  createTestPartner,
  openAccount,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';
import { endRangeOf } from './license-show.ts';
import { standingOf } from './renewal-rules.ts';

// Updates & Renewals on arrival (issue 18): the open account's subscriptions, soonest ending first,
// filtered by how soon they end, and a search narrowing the chosen filter.
let t: TestApp;
let partner: TestPartner;
let customer: Awaited<ReturnType<typeof createTestCustomer>>;
let session: TestSession;
let url = '';
/** One subscription (pack) per distance from today of its end date, in days. */
const ends: Record<string, Awaited<ReturnType<typeof createTestLicenses>>> = {};
let today = '';

beforeAll(async () => {
  t = await startTestApp();
  today = todayUtc(t.clock.now);
  partner = await createTestPartner(t.db, t.app);
  customer = await createTestCustomer(t.db, { name: 'Arrival Co' });
  // Made out of end-date order, so the answer's order is the query's, not the insert's.
  for (const [days, email] of [
    [200, 'dev@arrival.test'],
    [-35, 'dev@arrival.test'],
    [45, 'other@arrival.test'],
    [10, 'dev@arrival.test'],
    [-250, 'dev@arrival.test'],
    [80, 'other@arrival.test'],
    [0, 'other@arrival.test'],
  ] as const) {
    ends[days] = await createTestLicenses(t.db, customer, {
      seats: 2,
      periodStart: addDays(today, days - 365),
      periodEnd: addDays(today, days),
      assignedEmails: [email],
    });
  }
  session = await partner.loginAs('sales');
  await openAccount(session, customer);
  url = `/api/customers/${customer.customerId}/licenses`;
});
afterAll(() => t.close());

type Group = { packNumber: string; periodEnd: string; seats: number; standing: string };
const endsIn = (items: Group[]) =>
  items.map((g) => Math.round((Date.parse(g.periodEnd) - Date.parse(today)) / 86_400_000));

describe('the list on arrival', () => {
  it('lists every subscription of the open account, grouped, soonest ending first', async () => {
    const res = await session.get(url);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(endsIn(result.items)).toEqual([-250, -35, 0, 10, 45, 80, 200]);
    expect(result.items.every((g: Group) => g.seats === 2)).toBe(true);
    expect(result.items[0]).toMatchObject({ packNumber: ends[-250]?.packNumber, standing: 'expired' });
    expect(result).toMatchObject({ notFound: [], invalid: [], truncated: false, actions: { assign: true } });
  });

  it('keeps those ending within 30, 60 or 90 days (still running), lapsed ones, or all', async () => {
    const shown = async (show: string) => endsIn((await session.get(`${url}?show=${show}`)).json().items);
    expect(await shown('ending30')).toEqual([10]);
    expect(await shown('ending60')).toEqual([10, 45]);
    expect(await shown('ending90')).toEqual([10, 45, 80]);
    // Ended today is lapsed (the end date is the first day not covered); 250 days ago is past the window.
    expect(await shown('lapsed')).toEqual([-35, 0]);
    expect(await shown('all')).toEqual([-250, -35, 0, 10, 45, 80, 200]);
  });

  it('refuses a filter it does not know', async () => {
    const res = await session.get(`${url}?show=ending365`);
    expect(res.statusCode).toBe(400);
  });

  it('lets a search narrow the chosen filter, and tells not-found only what the account lacks', async () => {
    const search = (body: object) => session.post(`${url}/search`, body);
    const byEmail = (await search({ mode: 'email', email: 'dev@arrival.test', show: 'ending90' })).json();
    expect(endsIn(byEmail.items)).toEqual([10]);
    const everything = (await search({ mode: 'email', email: 'dev@arrival.test' })).json();
    expect(endsIn(everything.items)).toEqual([-250, -35, 10, 200]);
    const soon = ends[10]?.licenses[0]?.licenseId ?? '';
    const later = ends[200]?.licenses[0]?.licenseId ?? '';
    const pasted = (
      await search({ mode: 'licenses', text: `${soon} ${later} ZZZZZZZZZZ`, show: 'ending30' })
    ).json();
    expect(pasted.items.flatMap((g: { licenseIds: string[] }) => g.licenseIds)).toEqual([soon]);
    // The later license is the account's, only outside the filter.
    expect(pasted.notFound).toEqual(['ZZZZZZZZZZ']);
  });

  it("answers only for the account open in this session: not another account, not another partner's", async () => {
    const elsewhere = await createTestCustomer(t.db);
    await createTestLicenses(t.db, elsewhere, { periodEnd: addDays(today, 20) });
    const res = await session.get(`/api/customers/${elsewhere.customerId}/licenses?show=ending30`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'customer.not_open' });
    // Another partner's user, with that account open in its own session, still sees none of this one.
    const rival = await createTestPartner(t.db, t.app);
    const theirs = await rival.loginAs('sales');
    await openAccount(theirs, elsewhere);
    const refused = await theirs.get(url);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'customer.not_open' });
    expect(JSON.stringify(refused.json())).not.toContain(ends[10]?.packNumber ?? '?');
  });
});

describe('the lapsed filter', () => {
  it('is exactly the lapsed standing, across month ends (a late renewal closes six months on)', () => {
    for (let day = '2027-01-01'; day < '2028-12-31'; day = addDays(day, 1)) {
      const range = endRangeOf('lapsed', day);
      for (let end = addMonths(day, -7); end <= addDays(day, 3); end = addDays(end, 1)) {
        const listed = end >= (range.from ?? '') && end <= (range.to ?? '');
        expect(listed, `${end} on ${day}`).toBe(standingOf(end, day) === 'lapsed');
      }
    }
  });
});
