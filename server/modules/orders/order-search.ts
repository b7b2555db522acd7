import { and, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { identifierPatterns } from '../../../contract/identifiers.ts';
import type { Queryable } from '../../db/client.ts';
import { customerAccounts, invoices, orders, quotes } from '../../db/schema/index.ts';
import { dayRange } from '../../lib/day-range.ts';
import { containsPattern, documentsOfMatchingAccounts } from '../../shared/account-search.ts';

export interface OrderFilters {
  partnerId: string;
  from?: string | undefined;
  to?: string | undefined;
  utcOffset?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * The Orders search (SPEC §9): an order number, a PO number, a customer name (or Customer ID) or a
 * customer email — the licensee's, or one of the account's contacts, matched whole. Anything else
 * is a "contains" search in order numbers, PO numbers, licensee emails and customer names; each
 * arm of the OR has its index (trigram GIN, or (partner_id, customer_account_id)).
 */
async function searchCondition(db: Queryable, partnerId: string, q: string): Promise<SQL | undefined> {
  const text = q.trim();
  if (identifierPatterns.orderNumber.test(text.toUpperCase()))
    return eq(orders.orderNumber, text.toUpperCase());
  if (identifierPatterns.email.test(text)) {
    const email = text.toLowerCase();
    return or(
      and(eq(orders.partnerId, partnerId), eq(orders.endUserEmail, email)),
      await documentsOfMatchingAccounts(db, orders, partnerId, { contactEmail: email }),
    );
  }
  const contains = containsPattern(text);
  const customerId = identifierPatterns.customerId.test(text) ? text : null;
  return or(
    ilike(orders.orderNumber, contains),
    ilike(orders.poNumber, contains),
    ilike(orders.endUserEmail, contains),
    await documentsOfMatchingAccounts(db, orders, partnerId, { nameContains: contains, customerId }),
  );
}

/** The partner's own orders only: another partner's cannot appear, whatever the filters. */
export async function listOrderSummaries(db: Queryable, f: OrderFilters) {
  const where = and(
    eq(orders.partnerId, f.partnerId),
    dayRange(orders.createdAt, f),
    f.q ? ((await searchCondition(db, f.partnerId, f.q)) ?? sql`false`) : undefined,
  );
  const [totalRow] = await db.select({ total: count() }).from(orders).where(where);
  const items = await db
    .select({
      orderNumber: orders.orderNumber,
      quoteNumber: quotes.quoteNumber,
      customerId: customerAccounts.customerId,
      customerName: customerAccounts.name,
      customerCountry: customerAccounts.country,
      endUserEmail: orders.endUserEmail,
      poNumber: orders.poNumber,
      currency: orders.currency,
      totalMinor: orders.totalMinor,
      createdAt: orders.createdAt,
      invoiceNumber: invoices.invoiceNumber,
      invoiceStatus: invoices.status,
      paymentType: invoices.paymentType,
    })
    .from(orders)
    .innerJoin(customerAccounts, eq(customerAccounts.id, orders.customerAccountId))
    .leftJoin(quotes, eq(quotes.id, orders.quoteId))
    .leftJoin(invoices, eq(invoices.orderId, orders.id))
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.orderNumber))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total: totalRow?.total ?? 0 };
}
