import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { ProductKind } from '../../../contract/catalog.ts';
import type { Queryable } from '../../db/client.ts';
import { licensePeriods, licenses, products, subscriptionPacks } from '../../db/schema/index.ts';
import type { IsoDate } from '../../lib/dates.ts';

export type NewLicenseRow = typeof licenses.$inferInsert;
export type NewLicensePeriodRow = typeof licensePeriods.$inferInsert;

export async function insertSubscriptionPack(
  db: Queryable,
  values: typeof subscriptionPacks.$inferInsert,
): Promise<{ id: string; packNumber: string } | undefined> {
  const [pack] = await db
    .insert(subscriptionPacks)
    .values(values)
    .returning({ id: subscriptionPacks.id, packNumber: subscriptionPacks.packNumber });
  return pack;
}

/** The kind of a product, by code; undefined for an unknown code. */
export async function findProductKind(db: Queryable, productCode: string): Promise<ProductKind | undefined> {
  const [product] = await db
    .select({ kind: products.kind })
    .from(products)
    .where(eq(products.code, productCode));
  return product?.kind;
}

/** Inserts licenses, answering their row ids in the order given. */
export function insertLicenses(db: Queryable, rows: NewLicenseRow[]): Promise<{ id: string }[]> {
  return db.insert(licenses).values(rows).returning({ id: licenses.id });
}

export async function insertLicensePeriods(db: Queryable, rows: NewLicensePeriodRow[]): Promise<void> {
  await db.insert(licensePeriods).values(rows);
}

/** Locks the named licenses (`for update`) in License ID order, answering the ones found. */
export function lockLicensesById(
  tx: Queryable,
  licenseIds: string[],
): Promise<{ id: string; licenseId: string }[]> {
  return tx
    .select({ id: licenses.id, licenseId: licenses.licenseId })
    .from(licenses)
    .where(inArray(licenses.licenseId, licenseIds))
    .orderBy(licenses.licenseId)
    .for('update');
}

/** Ends the periods of these licenses running over `day` on that day, keeping their end in `cut_short_from`. */
export async function cutShortPeriodsRunningOver(tx: Queryable, ids: string[], day: IsoDate): Promise<void> {
  await tx
    .update(licensePeriods)
    .set({ periodEnd: day, cutShortFrom: licensePeriods.periodEnd })
    .where(
      and(
        inArray(licensePeriods.licenseId, ids),
        lt(licensePeriods.periodStart, day),
        gt(licensePeriods.periodEnd, day),
      ),
    );
}

/** The License ID (lowest first) of one of these licenses with a period overlapping [start, end). */
export async function findFirstOverlappingPeriod(
  tx: Queryable,
  ids: string[],
  period: { periodStart: IsoDate; periodEnd: IsoDate },
): Promise<{ licenseId: string } | undefined> {
  const [overlapping] = await tx
    .select({ licenseId: licenses.licenseId })
    .from(licensePeriods)
    .innerJoin(licenses, eq(licenses.id, licensePeriods.licenseId))
    .where(
      and(
        inArray(licensePeriods.licenseId, ids),
        lt(licensePeriods.periodStart, period.periodEnd),
        gt(licensePeriods.periodEnd, period.periodStart),
      ),
    )
    .orderBy(licenses.licenseId)
    .limit(1);
  return overlapping;
}

/**
 * Sets each of these licenses' current product and period to its latest paid period (the one that
 * starts last), and its last order when given.
 */
export async function showLatestPeriods(
  tx: Queryable,
  ids: string[],
  orderId: string | undefined,
): Promise<void> {
  const latest = tx
    .selectDistinctOn([licensePeriods.licenseId], {
      licenseId: licensePeriods.licenseId,
      productCode: licensePeriods.productCode,
      periodStart: licensePeriods.periodStart,
      periodEnd: licensePeriods.periodEnd,
      perpetualFallback: licensePeriods.perpetualFallback,
    })
    .from(licensePeriods)
    .where(inArray(licensePeriods.licenseId, ids))
    .orderBy(licensePeriods.licenseId, desc(licensePeriods.periodStart))
    .as('latest');
  await tx
    .update(licenses)
    .set({
      productCode: sql`${latest.productCode}`,
      periodStart: sql`${latest.periodStart}`,
      periodEnd: sql`${latest.periodEnd}`,
      perpetualFallback: sql`${latest.perpetualFallback}`,
      ...(orderId ? { lastOrderId: orderId } : {}),
    })
    .from(latest)
    .where(eq(licenses.id, latest.licenseId));
}
