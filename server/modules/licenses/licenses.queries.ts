import { and, desc, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { ProductKind } from '../../../contract/catalog.ts';
import type { Queryable } from '../../db/client.ts';
import {
  customerTeams,
  licensePeriods,
  licenses,
  orders,
  products,
  subscriptionPacks,
} from '../../db/schema/index.ts';
import { ordersVisibleTo, paidByOrder, soldByPartner } from '../../db/sold-licenses.ts';
import type { EndRange } from './license-show.ts';

/** Whether a cloud service domain has a running subscription of the product, on any account. */
export interface LicenseRow {
  licenseId: string;
  productCode: string;
  productName: string;
  productKind: ProductKind;
  packNumber: string;
  serviceDomain: string | null;
  periodStart: string;
  periodEnd: string;
  perpetualFallback: boolean;
  assignedEmail: string | null;
  teamName: string | null;
  orderNumber: string | null;
  poNumber: string | null;
  /** To tell which pasted keys matched (the hash of a key, never the key). */
  keyHash: string;
}

/** What a search names: licenses by ID or by ID and key hash, or one other field of theirs. */
export type LicenseFilter =
  | { mode: 'all' }
  | { mode: 'licenses'; licenseIds: string[]; keys: { licenseId: string; keyHash: string }[] }
  | { mode: 'email'; email: string }
  | { mode: 'serviceDomain'; serviceDomain: string }
  | { mode: 'order'; number: string }
  | { mode: 'pack'; packNumber: string };

/** Rows one search answers at most: a search is for choosing what to renew, not an export. */
export const LICENSE_SEARCH_ROWS_MAX = 2_000;

/** Whose licenses a read covers: the partner asking, and whether only those it sold (an own-sales session). */
export interface LicenseReader {
  partnerId: string;
  /** Only licenses a period of which an order of this partner paid for; null: the whole account. */
  soldBy: string | null;
}

function filterOf(filter: LicenseFilter, reader: LicenseReader): SQL | undefined {
  switch (filter.mode) {
    case 'all':
      return sql`true`;
    case 'licenses':
      return or(
        filter.licenseIds.length > 0 ? inArray(licenses.licenseId, filter.licenseIds) : undefined,
        ...filter.keys.map((k) =>
          and(eq(licenses.licenseId, k.licenseId), eq(licenses.licenseKeyHash, k.keyHash)),
        ),
      );
    case 'email':
      return eq(licenses.assignedEmail, filter.email);
    case 'serviceDomain':
      return eq(licenses.serviceDomain, filter.serviceDomain);
    case 'order':
      // Order and PO numbers are the partner's own documents: another partner's never match.
      return paidByOrder(
        and(
          ordersVisibleTo(reader.partnerId),
          eq(orders.customerAccountId, licenses.customerAccountId),
          or(eq(orders.orderNumber, filter.number), eq(orders.poNumber, filter.number)),
        ),
      );
    case 'pack':
      return eq(subscriptionPacks.packNumber, filter.packNumber);
  }
}

/**
 * The licenses of one account a search names whose end date is in `ends`, soonest ending first,
 * each with its product, pack, team and the latest order that paid for it of those the reader may
 * see (its own or the vendor's: another partner's order and PO numbers are not the reader's to see).
 * At most LICENSE_SEARCH_ROWS_MAX, and whether more matched.
 */
export async function findLicenses(
  db: Queryable,
  options: { customerAccountId: string; filter: LicenseFilter; ends?: EndRange; reader: LicenseReader },
): Promise<{ rows: LicenseRow[]; truncated: boolean }> {
  const { reader } = options;
  const where = filterOf(options.filter, reader);
  if (!where) return { rows: [], truncated: false };
  const ends = options.ends ?? {};
  const ownOrder = db
    .select({ orderNumber: orders.orderNumber, poNumber: orders.poNumber })
    .from(licensePeriods)
    .innerJoin(orders, eq(orders.id, licensePeriods.orderId))
    .where(and(eq(licensePeriods.licenseId, licenses.id), ordersVisibleTo(reader.partnerId)))
    .orderBy(desc(licensePeriods.periodStart))
    .limit(1)
    .as('own_order');
  const rows = await db
    .select({
      licenseId: licenses.licenseId,
      productCode: licenses.productCode,
      productName: products.name,
      productKind: products.kind,
      packNumber: subscriptionPacks.packNumber,
      serviceDomain: licenses.serviceDomain,
      periodStart: licenses.periodStart,
      periodEnd: licenses.periodEnd,
      perpetualFallback: licenses.perpetualFallback,
      assignedEmail: licenses.assignedEmail,
      teamName: customerTeams.name,
      orderNumber: ownOrder.orderNumber,
      poNumber: ownOrder.poNumber,
      keyHash: licenses.licenseKeyHash,
    })
    .from(licenses)
    .innerJoin(products, eq(products.code, licenses.productCode))
    .innerJoin(subscriptionPacks, eq(subscriptionPacks.id, licenses.subscriptionPackId))
    .leftJoin(customerTeams, eq(customerTeams.id, licenses.teamId))
    .leftJoinLateral(ownOrder, sql`true`)
    .where(
      and(
        eq(licenses.customerAccountId, options.customerAccountId),
        where,
        ends.from === undefined ? undefined : gte(licenses.periodEnd, ends.from),
        ends.to === undefined ? undefined : lte(licenses.periodEnd, ends.to),
        reader.soldBy === null ? undefined : soldByPartner(reader.soldBy),
      ),
    )
    // By end date first (what Updates & Renewals shows), then so a group's seats come together.
    .orderBy(licenses.periodEnd, subscriptionPacks.packNumber, licenses.productCode, licenses.licenseId)
    // One more than is answered, to tell whether there were more.
    .limit(LICENSE_SEARCH_ROWS_MAX + 1);
  return { rows: rows.slice(0, LICENSE_SEARCH_ROWS_MAX), truncated: rows.length > LICENSE_SEARCH_ROWS_MAX };
}

export interface RenewableRow {
  id: string;
  licenseId: string;
  productCode: string;
  productKind: ProductKind;
  periodStart: string;
  periodEnd: string;
  serviceDomain: string | null;
}

/** The named licenses of one account (only those `soldBy` sold, when given), with what the renewal rules need. */
export async function findLicensesOfAccount(
  db: Queryable,
  options: { customerAccountId: string; licenseIds: string[]; soldBy: string | null },
): Promise<RenewableRow[]> {
  if (options.licenseIds.length === 0) return [];
  return db
    .select({
      id: licenses.id,
      licenseId: licenses.licenseId,
      productCode: licenses.productCode,
      productKind: products.kind,
      periodStart: licenses.periodStart,
      periodEnd: licenses.periodEnd,
      serviceDomain: licenses.serviceDomain,
    })
    .from(licenses)
    .innerJoin(products, eq(products.code, licenses.productCode))
    .where(
      and(
        eq(licenses.customerAccountId, options.customerAccountId),
        inArray(licenses.licenseId, options.licenseIds),
        options.soldBy === null ? undefined : soldByPartner(options.soldBy),
      ),
    );
}

export interface AssignmentRow {
  id: string;
  licenseId: string;
  assignedEmail: string | null;
  team: string | null;
}

/** One license of an account with its assignment, locked until the caller's transaction ends. */
export async function lockAssignment(
  db: Queryable,
  options: { customerAccountId: string; licenseId: string },
): Promise<AssignmentRow | null> {
  const [row] = await db
    .select({
      id: licenses.id,
      licenseId: licenses.licenseId,
      assignedEmail: licenses.assignedEmail,
      team: customerTeams.name,
    })
    .from(licenses)
    .leftJoin(customerTeams, eq(customerTeams.id, licenses.teamId))
    .where(
      and(
        eq(licenses.customerAccountId, options.customerAccountId),
        eq(licenses.licenseId, options.licenseId),
      ),
    )
    .for('update', { of: licenses });
  return row ?? null;
}

export async function setAssignedEmail(db: Queryable, id: string, email: string | null): Promise<void> {
  await db.update(licenses).set({ assignedEmail: email }).where(eq(licenses.id, id));
}
