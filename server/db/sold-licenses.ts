import { and, eq, isNull, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { licensePeriods, licenses, orders } from './schema/index.ts';

/** Whether an order of `orderWhere` paid for a period of the license of the outer query (`licenses`). */
export function paidByOrder(orderWhere: SQL | undefined): SQL {
  return sql`exists (select 1 from ${licensePeriods} inner join ${orders} on ${eq(orders.id, licensePeriods.orderId)} where ${and(
    eq(licensePeriods.licenseId, licenses.id),
    orderWhere,
  )})`;
}

/**
 * What a partner sold, as opposed to what it may see with the customer's proof or grant: licenses
 * an order of `partnerId` paid a period of. Shared by the reads that bound a session to its own
 * sales (license search, renewals, the account's packs).
 */
export function soldByPartner(partnerId: string | Placeholder): SQL {
  return paidByOrder(eq(orders.partnerId, partnerId));
}

/**
 * The orders whose numbers a partner may see beside an account's licenses: its own and the vendor's
 * direct ones (no partner), never another partner's (SPEC §13).
 */
export function ordersVisibleTo(partnerId: string): SQL | undefined {
  return or(eq(orders.partnerId, partnerId), isNull(orders.partnerId));
}
