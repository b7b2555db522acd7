import { and, count, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AuditLogFilters } from '../../../contract/partner-users.ts';
import type { Queryable } from '../../db/client.ts';
import { afterRow, keysetBatches } from '../../db/keyset.ts';
import { pageWindow, shapedListPage } from '../../db/page-total.ts';
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
import { shapedStatements, shapeKey } from '../../db/shaped-statements.ts';
import { dayBounds, withinDays } from '../../lib/day-range.ts';
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

/** What makes two audit page statements differ: the filters set, and how the action is matched. */
interface AuditListShape {
  from: boolean;
  to: boolean;
  action: 'prefix' | 'exact' | undefined;
  search: boolean;
}

/** The values of an audit page statement's placeholders. */
type AuditListValues = {
  partnerId: string;
  from: Date | undefined;
  to: Date | undefined;
  action: string | undefined;
  pattern: string | undefined;
  limit: number;
  offset: number;
};

const placeholder = (name: keyof AuditListValues) => sql.placeholder(name);
const partnerId = placeholder('partnerId');

/**
 * A partner's entries the filters keep: the user's days, an action (or its beginning, such as
 * `order.`), and a user's email or name, or a subject, in part.
 */
function partnerEntries(shape: AuditListShape): SQL | undefined {
  const pattern = placeholder('pattern');
  return and(
    eq(auditLog.partnerId, partnerId),
    withinDays(auditLog.occurredAt, shape),
    // Not a LIKE pattern: codes are lower case (the query's own rule), and a statement without a
    // pattern may be named, so planned once (shaped-statements.ts).
    shape.action === 'prefix'
      ? sql`starts_with(${auditLog.action}, ${placeholder('action')})`
      : shape.action === 'exact'
        ? eq(auditLog.action, placeholder('action'))
        : undefined,
    shape.search
      ? or(
          ilike(auditLog.subjectId, pattern),
          ilike(partnerUsers.email, pattern),
          ilike(partnerUsers.name, pattern),
        )
      : undefined,
  );
}

/** The statement's shape for the filters. */
const shapeOf = (f: Omit<AuditLogFilters, 'page' | 'pageSize'>): AuditListShape => ({
  from: Boolean(f.from),
  to: Boolean(f.to),
  action: f.action ? (f.action.endsWith('.') ? 'prefix' : 'exact') : undefined,
  search: Boolean(f.q),
});

/** A search by a pattern is planned for its own pattern each time: built each time, unnamed. */
const keyOf = ({ search, from, to, action }: AuditListShape) =>
  search ? null : shapeKey({ from, to, action });

/** The count of a partner's entries the filters keep (a statement to run, or to embed). */
function countingPartnerAuditEntries(db: Queryable, shape: AuditListShape) {
  return db
    .select({ total: count() })
    .from(auditLog)
    .leftJoin(partnerUsers, eq(partnerUsers.id, auditLog.actorUserId))
    .where(partnerEntries(shape));
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
export async function findPartnerAuditPage(db: Queryable, partner: string, f: AuditLogFilters) {
  const shape = shapeOf(f);
  const values: AuditListValues = {
    partnerId: partner,
    ...dayBounds(f),
    action: f.action,
    pattern: f.q ? containsPattern(f.q) : undefined,
    ...pageWindow(f.page, f.pageSize),
  };
  return auditPage(db, shape, values);
}

/** An entry's columns: who acted, what, and what it is about resolved to names (see below). */
const entryColumns = {
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
  accountCustomerId: sql<string | null>`coalesce(${documentAccount.customerId}, ${namedAccount.customerId})`,
  accountName: sql<string | null>`coalesce(${documentAccount.name}, ${namedAccount.name})`,
  accountManaged: partnerAccountGrants.customerAccountId,
};

/**
 * A partner's entries the filters keep (and `more`), with who acted and what each is about
 * resolved to names — the document (only the partner's own), its customer account and total, the
 * user — so that a list reads as sentences with no query per row. `total` is the page's count
 * column (totalColumn); an export, which has none, gives a constant.
 */
function entriesWithNames(db: Queryable, shape: AuditListShape, total: SQL<number>, more?: SQL) {
  return db
    .select({ ...entryColumns, total })
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
    .where(and(partnerEntries(shape), more));
}

const auditPage = shapedListPage(
  'audit',
  keyOf,
  countingPartnerAuditEntries,
  (db, shape: AuditListShape, total) =>
    entriesWithNames(db, shape, total)
      .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
      .limit(placeholder('limit'))
      .offset(placeholder('offset')),
);

export type AuditPageRow = Awaited<ReturnType<typeof findPartnerAuditPage>>['items'][number];

const auditExportBatch = shapedStatements('audit_export', keyOf, (db, shape: AuditListShape) =>
  entriesWithNames(db, shape, sql<number>`0`, afterRow(auditLog, [auditLog.occurredAt, auditLog.id]))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(placeholder('limit')),
);

/** Every entry of a partner's log the filters keep, newest first, in batches (see keysetBatches). */
export async function* partnerAuditBatches(
  db: Queryable,
  partner: string,
  f: Omit<AuditLogFilters, 'page' | 'pageSize'>,
  batchSize: number,
): AsyncGenerator<AuditPageRow[]> {
  const shape = shapeOf(f);
  const values = {
    partnerId: partner,
    ...dayBounds(f),
    action: f.action,
    pattern: f.q ? containsPattern(f.q) : undefined,
  };
  yield* keysetBatches<AuditPageRow>(batchSize, (after, limit) =>
    auditExportBatch(db, shape, { ...values, limit, after: after?.id ?? null }),
  );
}
