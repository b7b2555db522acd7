import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licensePeriods, licenses } from '../../db/schema/index.ts';
import { DomainError } from '../../lib/errors.ts';
import { createTestCustomer, createTestLicenses } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { extendLicense } from './licenses.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('a license is paid for a period once', () => {
  it('extends the same License ID with a new period and keeps the history', async () => {
    const customer = await createTestCustomer(t.db);
    const { licenses: issued } = await createTestLicenses(t.db, customer, {
      seats: 1,
      periodStart: '2026-02-14',
      periodEnd: '2027-02-14',
    });
    const licenseId = issued[0]?.licenseId ?? '';
    await t.db.transaction((tx) =>
      extendLicense(tx, {
        licenseId,
        productCode: 'ALL',
        periodStart: '2027-02-14',
        periodEnd: '2027-08-01',
      }),
    );
    const [now] = await t.db.select().from(licenses).where(eq(licenses.licenseId, licenseId));
    expect(now).toMatchObject({ productCode: 'ALL', periodEnd: '2027-08-01', perpetualFallback: false });
    const history = await t.db
      .select({ product: licensePeriods.productCode, start: licensePeriods.periodStart })
      .from(licensePeriods)
      .where(eq(licensePeriods.licenseId, now?.id ?? ''))
      .orderBy(licensePeriods.periodStart);
    expect(history).toEqual([
      { product: 'II', start: '2026-02-14' },
      { product: 'ALL', start: '2027-02-14' },
    ]);
  });

  it('lets exactly one of parallel renewals for the same period through, the others refused by name', async () => {
    for (let round = 0; round < 5; round++) {
      const customer = await createTestCustomer(t.db);
      const { licenses: issued } = await createTestLicenses(t.db, customer, { seats: 1 });
      const licenseId = issued[0]?.licenseId ?? '';
      const renew = () =>
        t.db.transaction((tx) =>
          extendLicense(tx, {
            licenseId,
            productCode: 'II',
            periodStart: '2027-02-14',
            periodEnd: '2028-02-14',
          }),
        );
      const outcomes = await Promise.allSettled([renew(), renew(), renew()]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes.filter((o) => o.status === 'rejected')) {
        expect((o as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
        expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'licenses.already_renewed' });
      }
    }
  });
});
