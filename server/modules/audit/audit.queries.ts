import { and, count, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AuditLogFilters } from '../../../contract/partner-users.ts';
import type { Queryable } from '../../db/client.ts';
import { pageAndTotal, totalColumn } from '../../db/page-total.ts';
import {
  auditLog,
  customerAccounts,
  invoices,
  orders,
  partnerAccountGrants,
  partnerUsers,
  quotes,
  vendorStaff,
} from '../../db/schema/index.ts';
import { dayRange } from '../../lib/day-range.ts';
import { containsPattern } from '../../shared/account-search.ts';

export type AuditRow = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: Queryable, values: AuditRow): Promise<void> {
  await db.insert(auditLog).values(values);
}

/** An entry's columns as a statement's parameters: placeholders, or values with JSON as text. */
export type AuditParams = Record<
  | 'partnerId'
  | 'actorUserId'
  | 'actorStaffId'
  | 'action'
  | 'subjectType'
  | 'subjectId'
  | 'details'
  | 'ip'
  | 'occurredAt',
  unknown
>;

/**
 * `insertAuditEntry` as a common table expression `name` of a caller's statement, so that the
 * entry is written in the same statement as the change it records. No `occurredAt`: now.
 */
export function auditEntryCte(name: string, values: AuditParams): SQL {
  return sql`${sql.raw(name)} as (
    insert into ${auditLog} (partner_id, actor_user_id, actor_staff_id, action, subject_type, subject_id, details, ip, occurred_at)
    values (${values.partnerId}::uuid, ${values.actorUserId}::uuid, ${values.actorStaffId}::uuid,
      ${values.action}::text, ${values.subjectType}::text, ${values.subjectId}::text, ${values.details}::jsonb,
      ${values.ip}::text, coalesce(${values.occurredAt}::timestamptz, now())))`;
}

/**
 * A partner's entries the filters keep: the user's days, an action (or its beginning, such as
 * `order.`), and a user's email or name, or a subject, in part.
 */
function partnerEntries(partnerId: string, f: AuditLogFilters): SQL | undefined {
  return and(
    eq(auditLog.partnerId, partnerId),
    dayRange(auditLog.occurredAt, f),
    // Not a LIKE pattern: codes are lower case (the query's own rule), and a statement without a
    // pattern may be named, so planned once (http/route.ts).
    f.action
      ? f.action.endsWith('.')
        ? sql`starts_with(${auditLog.action}, ${f.action})`
        : eq(auditLog.action, f.action)
      : undefined,
    f.q
      ? or(
          ilike(auditLog.subjectId, containsPattern(f.q)),
          ilike(partnerUsers.email, containsPattern(f.q)),
          ilike(partnerUsers.name, containsPattern(f.q)),
        )
      : undefined,
  );
}

/** The count of a partner's entries the filters keep (a statement to run, or to embed). */
function countingPartnerAuditEntries(db: Queryable, partnerId: string, filters: AuditLogFilters) {
  return db
    .select({ total: count() })
    .from(auditLog)
    .leftJoin(partnerUsers, eq(partnerUsers.id, auditLog.actorUserId))
    .where(partnerEntries(partnerId, filters));
}

/** The user an entry is about (its subject), as opposed to the one who acted. */
const subjectUser = alias(partnerUsers, 'subject_user');
/** The customer account named by a Customer ID: the subject's, or the one in its details. */
const namedAccount = alias(customerAccounts, 'named_account');
/** The customer account of the document (order, quote, invoice) the entry is about. */
const documentAccount = alias(customerAccounts, 'document_account');

const about = (kind: string) => eq(auditLog.subjectType, kind);
/**
 * The Customer ID an entry names. A failed attempt to open an account names what was typed, which
 * the partner may not see the account of: it resolves to nothing.
 */
const namedCustomerId = sql<string>`case
  when ${auditLog.action} = 'customer.open_failed' then null
  when ${auditLog.subjectType} = 'customer_account' then ${auditLog.subjectId}
  else ${auditLog.details} ->> 'customerId' end`;

/**
 * One page of a partner's entries, newest first, and their total, in one statement: the user or
 * staff member who acted, and what the entry is about resolved to names — the document (only the
 * partner's own), its customer account and total, the user — so that the page reads as sentences
 * with no query per row.
 */
export async function findPartnerAuditPage(db: Queryable, partnerId: string, f: AuditLogFilters) {
  const rows = await partnerAuditRows(db, partnerId, f);
  return pageAndTotal(rows, f.page, countingPartnerAuditEntries(db, partnerId, f));
}

function partnerAuditRows(db: Queryable, partnerId: string, f: AuditLogFilters) {
  return db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      userName: partnerUsers.name,
      userEmail: partnerUsers.email,
      staffName: vendorStaff.name,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
      ip: auditLog.ip,
      subjectUserName: subjectUser.name,
      orderNumber: orders.orderNumber,
      quoteNumber: quotes.quoteNumber,
      invoiceNumber: invoices.invoiceNumber,
      amountMinor: sql<
        number | null
      >`coalesce(${orders.totalMinor}, ${quotes.totalMinor}, ${invoices.amountMinor})`.mapWith((v) =>
        v === null ? null : Number(v),
      ),
      currency: sql<string | null>`coalesce(${orders.currency}, ${quotes.currency}, ${invoices.currency})`,
      accountCustomerId: sql<
        string | null
      >`coalesce(${documentAccount.customerId}, ${namedAccount.customerId})`,
      accountName: sql<string | null>`coalesce(${documentAccount.name}, ${namedAccount.name})`,
      accountManaged: partnerAccountGrants.customerAccountId,
      total: totalColumn(countingPartnerAuditEntries(db, partnerId, f)),
    })
    .from(auditLog)
    .leftJoin(partnerUsers, eq(partnerUsers.id, auditLog.actorUserId))
    .leftJoin(vendorStaff, eq(vendorStaff.id, auditLog.actorStaffId))
    .leftJoin(
      subjectUser,
      and(
        about('partner_user'),
        eq(subjectUser.email, auditLog.subjectId),
        eq(subjectUser.partnerId, partnerId),
      ),
    )
    .leftJoin(
      orders,
      and(about('order'), eq(orders.orderNumber, auditLog.subjectId), eq(orders.partnerId, partnerId)),
    )
    .leftJoin(
      quotes,
      and(about('quote'), eq(quotes.quoteNumber, auditLog.subjectId), eq(quotes.partnerId, partnerId)),
    )
    .leftJoin(
      invoices,
      and(
        about('invoice'),
        eq(invoices.invoiceNumber, auditLog.subjectId),
        eq(invoices.partnerId, partnerId),
      ),
    )
    .leftJoin(
      documentAccount,
      eq(
        documentAccount.id,
        sql`coalesce(${orders.customerAccountId}, ${quotes.customerAccountId}, ${invoices.customerAccountId})`,
      ),
    )
    .leftJoin(namedAccount, eq(namedAccount.customerId, namedCustomerId))
    .leftJoin(
      partnerAccountGrants,
      and(
        eq(partnerAccountGrants.partnerId, partnerId),
        eq(partnerAccountGrants.customerAccountId, sql`coalesce(${documentAccount.id}, ${namedAccount.id})`),
        isNull(partnerAccountGrants.revokedAt),
      ),
    )
    .where(partnerEntries(partnerId, f))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}

export type AuditPageRow = Awaited<ReturnType<typeof findPartnerAuditPage>>['items'][number];
