import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../lib/dates.ts';
import {
  createTestCustomer,
  createTestLicenses,
  createTestPartner,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';
import { grantPurchaser, withdrawPurchaser } from './customers.service.ts';

let t: TestApp;
let partner: TestPartner;
let sales: TestSession;
let managed: Awaited<ReturnType<typeof createTestCustomer>>;
let today: string;

beforeAll(async () => {
  t = await startTestApp();
  today = todayUtc(t.clock.now);
  partner = await createTestPartner(t.db, t.app);
  sales = await partner.loginAs('sales');
  managed = await createTestCustomer(t.db, { name: 'Managed Mining Co' });
  await createTestCustomer(t.db, { name: 'Not Ours Inc' });
  await grantPurchaser(t.db, { partnerId: partner.id, customerAccountId: managed.id, now: t.clock.now });
  // Active, renewable, lapsed and expired seats, one assigned, some in a team.
  await createTestLicenses(t.db, managed, {
    productCode: 'II',
    seats: 2,
    periodStart: addDays(today, -100),
    periodEnd: addDays(today, 265),
    assignedEmails: ['dev@mining.test'],
    team: 'Backend',
  });
  await createTestLicenses(t.db, managed, {
    productCode: 'PY',
    seats: 1,
    periodStart: addDays(today, -300),
    periodEnd: addDays(today, 65),
  });
  await createTestLicenses(t.db, managed, {
    productCode: 'WS',
    seats: 1,
    periodStart: addDays(today, -400),
    periodEnd: addDays(today, -35),
  });
  await createTestLicenses(t.db, managed, {
    productCode: 'GO',
    seats: 1,
    periodStart: addDays(today, -600),
    periodEnd: addDays(today, -235),
  });
});
afterAll(() => t.close());

const report = (query = '') => sales.get(`/api/customers/${managed.customerId}/licensing-report${query}`);

describe('the Customers tab', () => {
  it('lists the accounts whose admin made this partner Purchaser, with their licenses', async () => {
    const list = (await sales.get('/api/customers/managed')).json();
    expect(list.items).toEqual([
      expect.objectContaining({ customerId: managed.customerId, name: 'Managed Mining Co', licenses: 5 }),
    ]);
    const other = await (await createTestPartner(t.db, t.app)).loginAs('sales');
    expect((await other.get('/api/customers/managed')).json().items).toEqual([]);
  });

  it('reports every license with product, License ID, user, team, pack, period, status and fallback', async () => {
    const res = await report();
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(5);
    expect(body.teams).toEqual(['Backend']);
    expect(body.products.map((p: { code: string }) => p.code).sort()).toEqual(['GO', 'II', 'PY', 'WS']);
    const assigned = body.items.find(
      (r: { assignedTo: string | null }) => r.assignedTo === 'dev@mining.test',
    );
    expect(assigned).toMatchObject({
      productCode: 'II',
      team: 'Backend',
      status: 'active',
      periodEnd: addDays(today, 265),
      perpetualFallback: true,
      packNumber: expect.stringMatching(/^\d{4}\/[A-Z0-9]{5,7}$/),
      licenseId: expect.stringMatching(/^[A-Z0-9]{10}$/),
    });
    const statuses = Object.fromEntries(
      body.items.map((r: { productCode: string; status: string }) => [r.productCode, r.status]),
    );
    expect(statuses).toEqual({ II: 'active', PY: 'renewable', WS: 'lapsed', GO: 'expired' });
  });

  it('filters by product, status, team and License ID or user, and pages', async () => {
    const codes = async (query: string) =>
      (await report(query)).json().items.map((r: { productCode: string }) => r.productCode);
    expect(await codes('?product=py')).toEqual(['PY']);
    for (const [status, code] of [
      ['active', 'II'],
      ['renewable', 'PY'],
      ['lapsed', 'WS'],
      ['expired', 'GO'],
    ] as const) {
      expect(new Set(await codes(`?status=${status}`)), status).toEqual(new Set([code]));
    }
    expect(await codes('?team=Backend')).toEqual(['II', 'II']);
    expect(await codes('?q=DEV@mining')).toEqual(['II']);
    const page = (await report('?pageSize=2&page=3')).json();
    expect(page).toMatchObject({ total: 5, page: 3 });
    expect(page.items).toHaveLength(1);
  });

  it('downloads the filtered report as CSV', async () => {
    const res = await sales.get(`/api/customers/${managed.customerId}/licensing-report.csv?status=active`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="licensing-report-${managed.customerId}.csv"`,
    );
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Product,Product code,License ID,Assigned user,Team,Subscription pack,Service domain,Period start,Period end,Status,Perpetual fallback',
    );
    expect(lines).toHaveLength(3);
    expect(lines.some((l: string) => l.includes(',dev@mining.test,Backend,'))).toBe(true);
    expect(lines.every((l: string, i: number) => i === 0 || l.endsWith(',active,yes'))).toBe(true);
  });

  it('is for the Purchaser alone, and ends with the grant; billing has no Customers tab', async () => {
    const other = await (await createTestPartner(t.db, t.app)).loginAs('sales');
    const foreign = await other.get(`/api/customers/${managed.customerId}/licensing-report`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'customer.managed_not_found' });
    expect((await (await partner.loginAs('billing')).get('/api/customers/managed')).statusCode).toBe(403);
    await withdrawPurchaser(t.db, { partnerId: partner.id, customerAccountId: managed.id, now: t.clock.now });
    expect((await report()).statusCode).toBe(404);
    expect((await sales.get('/api/customers/managed')).json().items).toEqual([]);
  });
});
