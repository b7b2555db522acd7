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

  it('cuts the running period short for an upgrade, and keeps the end it had', async () => {
    const customer = await createTestCustomer(t.db);
    const { licenses: issued } = await createTestLicenses(t.db, customer, {
      seats: 1,
      productCode: 'PY',
      periodStart: '2026-06-01',
      periodEnd: '2027-06-01',
      poNumber: 'PO-UPGRADE',
    });
    const licenseId = issued[0]?.licenseId ?? '';
    await t.db.transaction((tx) =>
      extendLicense(tx, {
        licenseId,
        productCode: 'ALL',
        periodStart: '2026-11-26',
        periodEnd: '2027-06-01',
        upgrade: true,
      }),
    );
    const [now] = await t.db.select().from(licenses).where(eq(licenses.licenseId, licenseId));
    expect(now).toMatchObject({ productCode: 'ALL', periodStart: '2026-11-26', periodEnd: '2027-06-01' });
    const history = await t.db
      .select({
        product: licensePeriods.productCode,
        start: licensePeriods.periodStart,
        end: licensePeriods.periodEnd,
        cutShortFrom: licensePeriods.cutShortFrom,
        paidByLine: licensePeriods.orderLineId,
      })
      .from(licensePeriods)
      .where(eq(licensePeriods.licenseId, now?.id ?? ''))
      .orderBy(licensePeriods.periodStart);
    expect(history).toEqual([
      {
        product: 'PY',
        start: '2026-06-01',
        end: '2026-11-26',
        cutShortFrom: '2027-06-01',
        paidByLine: expect.any(String),
      },
      { product: 'ALL', start: '2026-11-26', end: '2027-06-01', cutShortFrom: null, paidByLine: null },
    ]);
  });

  it('lets one of a racing upgrade and renewal that cover the same days through', async () => {
    for (let round = 0; round < 5; round++) {
      const customer = await createTestCustomer(t.db);
      const { licenses: issued } = await createTestLicenses(t.db, customer, {
        seats: 1,
        productCode: 'PY',
        periodStart: '2026-02-14',
        periodEnd: '2027-02-14',
      });
      const licenseId = issued[0]?.licenseId ?? '';
      const pay = (productCode: string, periodStart: string, periodEnd: string) =>
        t.db.transaction((tx) =>
          extendLicense(tx, {
            licenseId,
            productCode,
            periodStart,
            periodEnd,
            upgrade: productCode === 'ALL',
          }),
        );
      const outcomes = await Promise.allSettled([
        // An upgrade co-termed past the old end, and a renewal from the old end: both pay for 2027.
        pay('ALL', '2026-11-26', '2027-06-01'),
        pay('PY', '2027-02-14', '2028-02-14'),
        pay('ALL', '2026-11-26', '2027-02-14'),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled').length;
      // The second upgrade never passes with the first; the renewal may pass only beside the upgrade
      // that ends at the old end date.
      expect(won).toBeGreaterThanOrEqual(1);
      expect(won).toBeLessThanOrEqual(2);
      expect(outcomes[0]?.status === 'fulfilled' && outcomes[2]?.status === 'fulfilled').toBe(false);
      for (const o of outcomes.filter((o) => o.status === 'rejected')) {
        expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'licenses.already_renewed' });
      }
      const periods = await t.db
        .select({ start: licensePeriods.periodStart, end: licensePeriods.periodEnd })
        .from(licensePeriods)
        .innerJoin(licenses, eq(licenses.id, licensePeriods.licenseId))
        .where(eq(licenses.licenseId, licenseId))
        .orderBy(licensePeriods.periodStart);
      // Whatever won, no day is paid twice.
      periods.slice(1).forEach((period, i) => {
        expect(period.start >= (periods[i]?.end ?? '')).toBe(true);
      });
    }
  });

  it('never cuts a paid period for a renewal: time already paid is refused', async () => {
    const customer = await createTestCustomer(t.db);
    const { licenses: issued } = await createTestLicenses(t.db, customer, {
      seats: 1,
      productCode: 'PY',
      periodStart: '2026-02-14',
      periodEnd: '2027-02-14',
    });
    const licenseId = issued[0]?.licenseId ?? '';
    // An upgrade co-termed past the old end, then a renewal from the old end (a stale cart).
    await t.db.transaction((tx) =>
      extendLicense(tx, {
        licenseId,
        productCode: 'ALL',
        periodStart: '2026-11-26',
        periodEnd: '2027-06-01',
        upgrade: true,
      }),
    );
    await expect(
      t.db.transaction((tx) =>
        extendLicense(tx, {
          licenseId,
          productCode: 'PY',
          periodStart: '2027-02-14',
          periodEnd: '2028-02-14',
        }),
      ),
    ).rejects.toMatchObject({ code: 'licenses.already_renewed' });
  });
});
