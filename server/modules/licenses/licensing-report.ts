import { and, asc, count, eq, gt, ilike, lte, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Standing } from '../../../contract/licenses.ts';
import type { LicensingReport, LicensingReportFilters } from '../../../contract/managed-accounts.ts';
import type { Queryable } from '../../db/client.ts';
import { customerTeams, licenses, products, subscriptionPacks } from '../../db/schema/index.ts';
import { toCsv } from '../../lib/csv.ts';
import { addDays, todayUtc } from '../../lib/dates.ts';
import { containsPattern } from '../../shared/account-search.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { managedAccount } from '../customers/managed-accounts.ts';
import { RENEWAL_CLOSES_MONTHS_AFTER, RENEWAL_OPENS_DAYS_BEFORE, standingOf } from './renewal-rules.ts';

type Filters = Omit<LicensingReportFilters, 'page' | 'pageSize'>;

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
 * A managed account's licensing report (SPEC §10): every license with its product, License ID,
 * assigned user, team, pack, current period, status (the renewal rules' standing today) and
 * fallback right. Only for an account this partner manages now.
 */
export async function licensingReport(
  db: Queryable,
  options: { actor: PartnerUserActor; now: Date; customerId: string; filters: LicensingReportFilters },
): Promise<z.input<typeof LicensingReport>> {
  const { actor, filters } = options;
  const today = todayUtc(options.now);
  const account = await managedAccount(db, { partnerId: actor.partner.id, customerId: options.customerId });
  const where = conditions(account.id, filters, today);
  const [totalRow] = await db
    .select({ total: count() })
    .from(licenses)
    .leftJoin(customerTeams, eq(customerTeams.id, licenses.teamId))
    .where(where);
  const rows = await selectRows(db, where)
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  const offered = await db
    .selectDistinct({ code: products.code, name: products.name })
    .from(licenses)
    .innerJoin(products, eq(products.code, licenses.productCode))
    .where(eq(licenses.customerAccountId, account.id))
    .orderBy(asc(products.name));
  const teams = await db
    .select({ name: customerTeams.name })
    .from(customerTeams)
    .where(eq(customerTeams.customerAccountId, account.id))
    .orderBy(asc(customerTeams.name));
  return {
    customer: { customerId: account.customerId, name: account.name, country: account.country },
    items: rows.map((r) => ({ ...r, status: standingOf(r.periodEnd, today) })),
    total: totalRow?.total ?? 0,
    page: filters.page,
    pageSize: filters.pageSize,
    products: offered,
    teams: teams.map((t) => t.name),
  };
}

/** The same report as CSV: every matching license, in the report's order. */
export async function licensingReportCsv(
  db: Queryable,
  options: { actor: PartnerUserActor; now: Date; customerId: string; filters: Filters },
): Promise<{ csv: string; customerId: string }> {
  const today = todayUtc(options.now);
  const account = await managedAccount(db, {
    partnerId: options.actor.partner.id,
    customerId: options.customerId,
  });
  const rows = await selectRows(db, conditions(account.id, options.filters, today));
  const header = [
    'Product',
    'Product code',
    'License ID',
    'Assigned user',
    'Team',
    'Subscription pack',
    'Service domain',
    'Period start',
    'Period end',
    'Status',
    'Perpetual fallback',
  ];
  const csv = toCsv([
    header,
    ...rows.map((r) => [
      r.productName,
      r.productCode,
      r.licenseId,
      r.assignedTo,
      r.team,
      r.packNumber,
      r.serviceDomain,
      r.periodStart,
      r.periodEnd,
      standingOf(r.periodEnd, today),
      r.perpetualFallback ? 'yes' : 'no',
    ]),
  ]);
  return { csv, customerId: account.customerId };
}
