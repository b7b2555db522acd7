import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, todayUtc } from '../../lib/dates.ts';
import {
  createTestCustomer,
  createTestLicenses,
  createTestPartner,
  openAccount,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';
import { parseLicenseList } from './license-search.ts';

let t: TestApp;
let partner: TestPartner;
let customer: Awaited<ReturnType<typeof createTestCustomer>>;
let session: TestSession;
let url = '';
let renewable: Awaited<ReturnType<typeof createTestLicenses>>;
let active: Awaited<ReturnType<typeof createTestLicenses>>;
let cloud: Awaited<ReturnType<typeof createTestLicenses>>;

beforeAll(async () => {
  t = await startTestApp();
  const today = todayUtc(t.clock.now);
  partner = await createTestPartner(t.db, t.app);
  customer = await createTestCustomer(t.db, { name: 'Search Co' });
  renewable = await createTestLicenses(t.db, customer, {
    seats: 3,
    periodStart: addDays(today, -300),
    periodEnd: addDays(today, 65),
    assignedEmails: ['dev1@search.test', 'dev2@search.test'],
    poNumber: 'PO-SEARCH-1',
  });
  active = await createTestLicenses(t.db, customer, {
    productCode: 'ALL',
    seats: 2,
    periodStart: addDays(today, -10),
    periodEnd: addYears(addDays(today, -10), 1),
    assignedEmails: ['dev1@search.test'],
  });
  cloud = await createTestLicenses(t.db, customer, {
    productCode: 'YTC',
    seats: 1,
    serviceDomain: 'search.youtrack.cloud',
    periodStart: addDays(today, -400),
    periodEnd: addDays(today, -35),
  });
  session = await partner.loginAs('sales');
  await openAccount(session, customer);
  url = `/api/customers/${customer.customerId}/licenses/search`;
});
afterAll(() => t.close());

const ids = (result: { items: { licenseIds: string[] }[] }) =>
  result.items.flatMap((g) => g.licenseIds).sort();

describe('Search licenses, five ways', () => {
  it('takes several License IDs and keys at once, lists unknown and malformed ones, ignores duplicates', async () => {
    const [a, b] = renewable.licenses;
    const [c] = active.licenses;
    if (!a || !b || !c) throw new Error('licenses missing');
    const other = await createTestLicenses(t.db, await createTestCustomer(t.db));
    const foreign = other.licenses[0]?.licenseId ?? '';
    const text = `${a.licenseId}, ${a.licenseId.toLowerCase()}\n${b.key} ${c.licenseId};ZZZZZZZZZZ ${foreign} nonsense ${a.licenseId}-WRONG-KEY-X`;
    const res = await session.post(url, { mode: 'licenses', text });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(ids(result)).toEqual([a.licenseId, b.licenseId, c.licenseId].sort());
    // Another account's license is as unknown as a missing one.
    expect(result.notFound.sort()).toEqual(['ZZZZZZZZZZ', foreign, `${a.licenseId}-WRONG-KEY-X`].sort());
    expect(result.invalid).toEqual(['NONSENSE']);
  });

  it("finds an invited user's subscriptions, a cloud domain, an order or PO number, and a pack", async () => {
    const byEmail = (await session.post(url, { mode: 'email', email: 'DEV1@search.test' })).json();
    expect(byEmail.items.map((g: { productCode: string }) => g.productCode).sort()).toEqual(['ALL', 'II']);
    const byDomain = (
      await session.post(url, { mode: 'serviceDomain', serviceDomain: 'search.youtrack.cloud' })
    ).json();
    expect(ids(byDomain)).toEqual(cloud.licenses.map((l) => l.licenseId));
    const byPo = (await session.post(url, { mode: 'order', number: 'PO-SEARCH-1' })).json();
    expect(byPo.items).toMatchObject([
      { seats: 3, poNumber: 'PO-SEARCH-1', orderNumber: renewable.orderNumber },
    ]);
    const byOrder = (await session.post(url, { mode: 'order', number: renewable.orderNumber })).json();
    expect(ids(byOrder)).toEqual(ids(byPo));
    const byPack = (
      await session.post(url, { mode: 'pack', packNumber: active.packNumber.toLowerCase() })
    ).json();
    expect(byPack.items).toMatchObject([{ productCode: 'ALL', seats: 2, packNumber: active.packNumber }]);
  });

  it('shows each group with its standing, window, seats, users and the actions the rules allow', async () => {
    const result = (await session.post(url, { mode: 'email', email: 'dev1@search.test' })).json();
    // By an invited user: the seats assigned to them.
    expect(result.items.find((g: { productCode: string }) => g.productCode === 'II')).toMatchObject({
      seats: 1,
      assignedUsers: ['dev1@search.test'],
    });
    const ide = (await session.post(url, { mode: 'pack', packNumber: renewable.packNumber })).json().items[0];
    expect(ide).toMatchObject({
      standing: 'renewable',
      seats: 3,
      assignedUsers: ['dev1@search.test', 'dev2@search.test'],
      actions: { renew: true, upgrade: true, downgrade: false },
    });
    const pack = result.items.find((g: { productCode: string }) => g.productCode === 'ALL');
    // Still active, outside its window: nothing to renew yet; the pack cannot be upgraded.
    expect(pack).toMatchObject({
      standing: 'active',
      actions: { renew: false, upgrade: false, downgrade: false },
      renewalOpensOn: addDays(pack.periodEnd, -90),
    });
    const lapsed = (await session.post(url, { mode: 'pack', packNumber: cloud.packNumber })).json().items[0];
    expect(lapsed).toMatchObject({ standing: 'lapsed', actions: { renew: true, upgrade: false } });
  });

  it('searches only the account open in this session', async () => {
    const elsewhere = await createTestCustomer(t.db);
    const res = await session.post(`/api/customers/${elsewhere.customerId}/licenses/search`, {
      mode: 'email',
      email: 'dev1@search.test',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'customer.not_open' });
  });
});

describe('the pasted list', () => {
  it('splits on spaces, commas, semicolons and new lines, upper-cases and drops duplicates', () => {
    expect(parseLicenseList(' oiy94jbduq,OIY94JBDUQ;\n\tABCDEFGHIJ-KLMNO-PQRST  what ')).toEqual({
      licenseIds: ['OIY94JBDUQ'],
      keys: ['ABCDEFGHIJ-KLMNO-PQRST'],
      invalid: ['WHAT'],
    });
  });

  it('refuses more than 100 at once', () => {
    const many = Array.from({ length: 101 }, (_, i) => `L${String(i).padStart(9, '0')}`).join(' ');
    expect(() => parseLicenseList(many)).toThrow(/at most 100/);
  });
});
