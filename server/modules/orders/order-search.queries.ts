import { and, count, desc, eq, sql } from 'drizzle-orm';
import { identifierPatterns } from '../../../contract/identifiers.ts';
import type { Queryable } from '../../db/client.ts';
import { pageAndTotal, totalColumn } from '../../db/page-total.ts';
import { customerAccounts, invoices, orders, quotes } from '../../db/schema/index.ts';
import { dayRange } from '../../lib/day-range.ts';
import { documentSearchCondition } from '../../shared/account-search.ts';

/** What the list search reads of orders. */
const searchableOrders = {
  partnerId: orders.partnerId,
  customerAccountId: orders.customerAccountId,
  number: orders.orderNumber,
  endUserEmail: orders.endUserEmail,
  poNumber: orders.poNumber,
};

export interface OrderFilters {
  partnerId: string;
  from?: string | undefined;
  to?: string | undefined;
  utcOffset?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** The partner's own orders only: another partner's cannot appear, whatever the filters. */
export async function listOrderSummaries(db: Queryable, f: OrderFilters) {
  const where = and(
    eq(orders.partnerId, f.partnerId),
    dayRange(orders.createdAt, f),
    f.q
      ? ((await documentSearchCondition(
          db,
          searchableOrders,
          identifierPatterns.orderNumber,
          f.partnerId,
          f.q,
        )) ?? sql`false`)
      : undefined,
  );
  const counting = db.select({ total: count() }).from(orders).where(where);
  const rows = await db
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
      total: totalColumn(counting),
    })
    .from(orders)
    .innerJoin(customerAccounts, eq(customerAccounts.id, orders.customerAccountId))
    .leftJoin(quotes, eq(quotes.id, orders.quoteId))
    .leftJoin(invoices, eq(invoices.orderId, orders.id))
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.orderNumber))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return pageAndTotal(rows, f.page, counting);
}
