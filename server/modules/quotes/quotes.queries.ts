import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { identifierPatterns } from '../../../contract/identifiers.ts';
import type { Queryable } from '../../db/client.ts';
import {
  customerAccounts,
  customerContacts,
  partnerUsers,
  quoteLines,
  quotes,
} from '../../db/schema/index.ts';
import { addDays } from '../../lib/dates.ts';

export interface QuoteFilters {
  partnerId: string;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const summaryColumns = {
  id: quotes.id,
  quoteNumber: quotes.quoteNumber,
  origin: quotes.origin,
  status: quotes.status,
  endUserEmail: quotes.endUserEmail,
  poNumber: quotes.poNumber,
  currency: quotes.currency,
  totalMinor: quotes.totalMinor,
  createdAt: quotes.createdAt,
  validUntil: quotes.validUntil,
  customerId: customerAccounts.customerId,
  customerName: customerAccounts.name,
  customerCountry: customerAccounts.country,
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Above this many matching accounts the account arm stays a subquery instead of a list of ids. */
const ACCOUNT_ID_LIST_LIMIT = 500;

/**
 * Quotes of the customer accounts whose name or contact email matches. The ids are looked up
 * first, so the planner sees real values for (partner_id, customer_account_id) instead of guessing
 * the size of a subquery (which made it walk all of a partner's quotes).
 */
async function ofMatchingAccounts(
  db: Queryable,
  partnerId: string,
  match: { exactEmail: string } | { contains: string; customerId: string | null },
) {
  const byContact =
    'exactEmail' in match
      ? eq(customerContacts.email, match.exactEmail)
      : ilike(customerContacts.email, match.contains);
  const contacts = db
    .select({ id: customerContacts.customerAccountId })
    .from(customerContacts)
    .where(byContact);
  const accounts =
    'contains' in match
      ? db
          .select({ id: customerAccounts.id })
          .from(customerAccounts)
          .where(
            or(
              ilike(customerAccounts.name, match.contains),
              match.customerId ? eq(customerAccounts.customerId, match.customerId) : undefined,
            ),
          )
          .union(contacts)
      : contacts;
  const ids = (await accounts.limit(ACCOUNT_ID_LIST_LIMIT + 1)).map((r) => r.id);
  if (ids.length === 0) return undefined;
  if (ids.length <= ACCOUNT_ID_LIST_LIMIT) {
    return and(eq(quotes.partnerId, partnerId), inArray(quotes.customerAccountId, ids));
  }
  return and(eq(quotes.partnerId, partnerId), sql`${quotes.customerAccountId} in (${accounts})`);
}

/**
 * The search box takes a quote number, a customer name, a Customer ID or a customer email (the
 * licensee's or one of the account's contacts; SPEC §7). A complete quote number or email is
 * matched exactly; anything else is a "contains" search (parts of numbers, names and emails).
 * Every arm of the OR can use an index on quotes (trigram GIN indexes, or (partner_id,
 * customer_account_id)), so PostgreSQL combines bitmap index scans instead of scanning all of a
 * partner's quotes.
 */
async function searchCondition(db: Queryable, partnerId: string, q: string): Promise<SQL | undefined> {
  const text = q.trim();
  if (identifierPatterns.quoteNumber.test(text.toUpperCase())) {
    return eq(quotes.quoteNumber, text.toUpperCase());
  }
  if (identifierPatterns.email.test(text)) {
    const email = text.toLowerCase();
    return or(
      and(eq(quotes.partnerId, partnerId), eq(quotes.endUserEmail, email)),
      await ofMatchingAccounts(db, partnerId, { exactEmail: email }),
    );
  }
  const contains = `%${escapeLike(text)}%`;
  const customerId = identifierPatterns.customerId.test(text) ? text : null;
  return or(
    ilike(quotes.quoteNumber, contains),
    ilike(quotes.poNumber, contains),
    ilike(quotes.endUserEmail, contains),
    await ofMatchingAccounts(db, partnerId, { contains, customerId }),
  );
}

async function filtersOf(db: Queryable, f: QuoteFilters): Promise<SQL | undefined> {
  const conditions: (SQL | undefined)[] = [eq(quotes.partnerId, f.partnerId)];
  if (f.from) conditions.push(gte(quotes.createdAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) conditions.push(lt(quotes.createdAt, new Date(`${addDays(f.to, 1)}T00:00:00Z`)));
  if (f.q?.trim()) conditions.push((await searchCondition(db, f.partnerId, f.q)) ?? sql`false`);
  return and(...conditions);
}

/** Always scoped by partner: another partner's quotes cannot appear, whatever the filters. */
export async function listQuoteSummaries(db: Queryable, f: QuoteFilters) {
  const where = await filtersOf(db, f);
  const [totalRow] = await db
    .select({ total: count() })
    .from(quotes)
    .innerJoin(customerAccounts, eq(customerAccounts.id, quotes.customerAccountId))
    .where(where);
  const items = await db
    .select(summaryColumns)
    .from(quotes)
    .innerJoin(customerAccounts, eq(customerAccounts.id, quotes.customerAccountId))
    .where(where)
    .orderBy(desc(quotes.createdAt), desc(quotes.quoteNumber))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total: totalRow?.total ?? 0 };
}

export async function findQuote(db: Queryable, partnerId: string, quoteNumber: string) {
  const [row] = await db
    .select({
      ...summaryColumns,
      billingAddress: quotes.billingAddress,
      endUserName: quotes.endUserName,
      endUserCompany: quotes.endUserCompany,
      discountBps: quotes.discountBps,
      listTotalMinor: quotes.listTotalMinor,
      discountTotalMinor: quotes.discountTotalMinor,
      createdByName: partnerUsers.name,
    })
    .from(quotes)
    .innerJoin(customerAccounts, eq(customerAccounts.id, quotes.customerAccountId))
    .leftJoin(partnerUsers, eq(partnerUsers.id, quotes.createdByUserId))
    .where(and(eq(quotes.partnerId, partnerId), eq(quotes.quoteNumber, quoteNumber)));
  if (!row) return null;
  const lines = await db
    .select()
    .from(quoteLines)
    .where(eq(quoteLines.quoteId, row.id))
    .orderBy(asc(quoteLines.lineNo));
  return { ...row, lines };
}

export async function insertQuote(db: Queryable, quote: typeof quotes.$inferInsert): Promise<string> {
  const [row] = await db.insert(quotes).values(quote).returning({ id: quotes.id });
  if (!row) throw new Error('quote insert returned no row');
  return row.id;
}

export async function insertQuoteLines(
  db: Queryable,
  lines: (typeof quoteLines.$inferInsert)[],
): Promise<void> {
  if (lines.length > 0) await db.insert(quoteLines).values(lines);
}
