import { and, asc, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { customerAccounts, partnerUsers, quoteLines, quotes } from '../../db/schema/index.ts';
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

function filtersOf(f: QuoteFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(quotes.partnerId, f.partnerId)];
  if (f.from) conditions.push(gte(quotes.createdAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) conditions.push(lt(quotes.createdAt, new Date(`${addDays(f.to, 1)}T00:00:00Z`)));
  if (f.q) {
    const term = escapeLike(f.q.trim());
    conditions.push(
      or(
        ilike(quotes.quoteNumber, `${term}%`),
        ilike(customerAccounts.name, `%${term}%`),
        ilike(quotes.endUserEmail, `%${term}%`),
        ilike(quotes.poNumber, `${term}%`),
      ),
    );
  }
  return and(...conditions);
}

/** Always scoped by partner: another partner's quotes cannot appear, whatever the filters. */
export async function listQuoteSummaries(db: Queryable, f: QuoteFilters) {
  const where = filtersOf(f);
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
