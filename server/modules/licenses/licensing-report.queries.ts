import { and, asc, count, eq, gt, ilike, lte, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Standing } from '../../../contract/licenses.ts';
import type { LicensingReportFilters } from '../../../contract/managed-accounts.ts';
import type { Queryable } from '../../db/client.ts';
import { keysetBatches } from '../../db/keyset.ts';
import { customerTeams, licenses, products, subscriptionPacks } from '../../db/schema/index.ts';
import { addDays } from '../../lib/dates.ts';
import { containsPattern } from '../../shared/account-search.ts';
import { RENEWAL_CLOSES_MONTHS_AFTER, RENEWAL_OPENS_DAYS_BEFORE } from './renewal-rules.ts';

export type Filters = Omit<LicensingReportFilters, 'page' | 'pageSize'>;

/**
 * A standing as a condition on the period's end, the renewal rules' window read backwards (see
 * standingOf): active until the window opens, renewable until the end, lapsed until it closes.
 */
function standingCondition(standing: z.infer<typeof Standing>, today: string): SQL | undefined {
  const opensBy = addDays(today, RENEWAL_OPENS_DAYS_BEFORE);
  const closedBefore = sql`${licenses.periodEnd} + ${`${RENEWAL_CLOSES_MONTHS_AFTER} months`}::interval < ${today}::date`;
  switch (standing) {
    case 'active':
      return gt(licenses.periodEnd, opensBy);
    case 'renewable':
      return and(gt(licenses.periodEnd, today), lte(licenses.periodEnd, opensBy));
    case 'lapsed':
      return and(lte(licenses.periodEnd, today), sql`not (${closedBefore})`);
    case 'expired':
      return closedBefore;
  }
}

function conditions(accountId: string, f: Filters, today: string): SQL | undefined {
  return and(
    eq(licenses.customerAccountId, accountId),
    f.product ? eq(licenses.productCode, f.product) : undefined,
    f.team ? eq(customerTeams.name, f.team) : undefined,
    f.status ? standingCondition(f.status, today) : undefined,
    f.q
      ? or(
          ilike(licenses.licenseId, containsPattern(f.q)),
          ilike(licenses.assignedEmail, containsPattern(f.q)),
        )
      : undefined,
  );
}

const rowColumns = {
  productCode: licenses.productCode,
  productName: products.name,
  licenseId: licenses.licenseId,
  assignedTo: licenses.assignedEmail,
  team: customerTeams.name,
  packNumber: subscriptionPacks.packNumber,
  serviceDomain: licenses.serviceDomain,
  periodStart: licenses.periodStart,
  periodEnd: licenses.periodEnd,
  perpetualFallback: licenses.perpetualFallback,
};

function selectRows(db: Queryable, where: SQL | undefined) {
  return db
    .select(rowColumns)
    .from(licenses)
    .innerJoin(products, eq(products.code, licenses.productCode))
    .innerJoin(subscriptionPacks, eq(subscriptionPacks.id, licenses.subscriptionPackId))
    .leftJoin(customerTeams, eq(customerTeams.id, licenses.teamId))
    .where(where)
    .orderBy(asc(products.name), asc(licenses.periodEnd), asc(licenses.licenseId));
}

/**
 * The licenses after the one numbered `after` in the report's order (product name, end, License
 * ID: unique), or every license when `after` is null: the report read in keyset batches.
 */
function afterLicense(after: string | null): SQL {
  return sql`(${after}::text is null or (${products.name}, ${licenses.periodEnd}, ${licenses.licenseId}) >
    (select p.name, k.period_end, k.license_id from ${licenses} k
      join ${products} p on p.code = k.product_code where k.license_id = ${after}::text))`;
}

/** The report's rows of an account matching the filters as of `today`, in its order, in batches. */
export function reportLicenseBatches(
  db: Queryable,
  accountId: string,
  filters: Filters,
  today: string,
  batchSize: number,
) {
  type Row = Awaited<ReturnType<typeof selectRows>>[number];
  return keysetBatches<Row>(batchSize, (after, limit) =>
    selectRows(db, and(conditions(accountId, filters, today), afterLicense(after?.licenseId ?? null))).limit(
      limit,
    ),
  );
}

/** One page of `findReportLicenses`. */
export function findReportLicensesPage(
  db: Queryable,
  accountId: string,
  filters: LicensingReportFilters,
  today: string,
) {
  return selectRows(db, conditions(accountId, filters, today))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
}

export async function countReportLicenses(
  db: Queryable,
  accountId: string,
  filters: Filters,
  today: string,
): Promise<number> {
  const [totalRow] = await db
    .select({ total: count() })
    .from(licenses)
    .leftJoin(customerTeams, eq(customerTeams.id, licenses.teamId))
    .where(conditions(accountId, filters, today));
  return totalRow?.total ?? 0;
}

/** The products an account holds licenses of, by name. */
export function findProductsLicensedTo(
  db: Queryable,
  accountId: string,
): Promise<{ code: string; name: string }[]> {
  return db
    .selectDistinct({ code: products.code, name: products.name })
    .from(licenses)
    .innerJoin(products, eq(products.code, licenses.productCode))
    .where(eq(licenses.customerAccountId, accountId))
    .orderBy(asc(products.name));
}

/** The names of an account's teams, sorted. */
export async function findTeamNames(db: Queryable, accountId: string): Promise<string[]> {
  const teams = await db
    .select({ name: customerTeams.name })
    .from(customerTeams)
    .where(eq(customerTeams.customerAccountId, accountId))
    .orderBy(asc(customerTeams.name));
  return teams.map((t) => t.name);
}
