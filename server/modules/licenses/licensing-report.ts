import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { LicensingReport, LicensingReportFilters } from '../../../contract/managed-accounts.ts';
import type { Queryable } from '../../db/client.ts';
import { csvStream } from '../../lib/csv.ts';
import { todayUtc } from '../../lib/dates.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { managedAccount } from '../customers/managed-accounts.ts';
import {
  countReportLicenses,
  type Filters,
  findProductsLicensedTo,
  findReportLicensesPage,
  findTeamNames,
  reportLicenseBatches,
} from './licensing-report.queries.ts';
import { standingOf } from './renewal-rules.ts';

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
  const total = await countReportLicenses(db, account.id, filters, today);
  const rows = await findReportLicensesPage(db, account.id, filters, today);
  const offered = await findProductsLicensedTo(db, account.id);
  const teams = await findTeamNames(db, account.id);
  return {
    customer: { customerId: account.customerId, name: account.name, country: account.country },
    items: rows.map((r) => ({ ...r, status: standingOf(r.periodEnd, today) })),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
    products: offered,
    teams,
  };
}

/** Licenses read from the database at a time: a batch is one statement and one chunk of the file. */
export const REPORT_EXPORT_BATCH = 500;

/**
 * The same report as CSV: every matching license, in the report's order, read in batches as the
 * download goes (see quotes-csv.ts for the file's conventions; this report's header stays English,
 * as the spreadsheets resellers already built on it expect).
 */
export async function licensingReportCsv(
  db: Queryable,
  options: { actor: PartnerUserActor; now: Date; customerId: string; filters: Filters },
): Promise<{ stream: Readable; customerId: string }> {
  const today = todayUtc(options.now);
  const account = await managedAccount(db, {
    partnerId: options.actor.partner.id,
    customerId: options.customerId,
  });
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
  const batches = reportLicenseBatches(db, account.id, options.filters, today, REPORT_EXPORT_BATCH);
  const stream = await csvStream(header, batches, (r) => [
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
  ]);
  return { stream, customerId: account.customerId };
}
