import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../lib/dates.ts';
import { createTestCustomer, createTestLicenses, createTestPartner } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';
import { grantPurchaser } from '../customers/customers.service.ts';
import { reportLicenseBatches } from './licensing-report.queries.ts';

let t: TestApp;
let sales: TestSession;
let managed: Awaited<ReturnType<typeof createTestCustomer>>;
let today: string;

beforeAll(async () => {
  t = await startTestApp();
  today = todayUtc(t.clock.now);
  const partner = await createTestPartner(t.db, t.app);
  sales = await partner.loginAs('sales');
  managed = await createTestCustomer(t.db, { name: 'Managed Mining Co' });
  await grantPurchaser(t.db, { partnerId: partner.id, customerAccountId: managed.id, now: t.clock.now });
  // Seats of one product ending the same day (the License ID orders them), and others around them.
  for (const [productCode, seats, end] of [
    ['II', 3, 265],
    ['PY', 2, 65],
    ['II', 1, 30],
    ['WS', 1, -35],
  ] as const) {
    await createTestLicenses(t.db, managed, {
      productCode,
      seats,
      periodStart: addDays(today, end - 365),
      periodEnd: addDays(today, end),
    });
  }
});
afterAll(() => t.close());

describe('the licensing report read in batches for its CSV', () => {
  it('reads each license once, in the report’s order, whatever the batch size', async () => {
    const res = await sales.get(`/api/customers/${managed.customerId}/licensing-report?pageSize=100`);
    const all = res.json().items.map((l: { licenseId: string }) => l.licenseId);
    expect(all).toHaveLength(7);
    for (const size of [1, 2, 3, 7, 50]) {
      const read: string[] = [];
      for await (const batch of reportLicenseBatches(t.db, managed.id, {}, today, size))
        read.push(...batch.map((row) => row.licenseId));
      expect(read).toEqual(all);
    }
    // With a filter: the CSV over HTTP holds what the report's pages hold.
    const csv = await sales.get(`/api/customers/${managed.customerId}/licensing-report.csv?product=II`);
    const ids = csv.body
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[2]);
    const pages = await sales.get(
      `/api/customers/${managed.customerId}/licensing-report?product=II&pageSize=100`,
    );
    expect(ids).toEqual(pages.json().items.map((l: { licenseId: string }) => l.licenseId));
  });
});
