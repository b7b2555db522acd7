import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import {
  customerAccounts,
  invoices,
  licensePeriods,
  licenses,
  orderLines,
  orders,
  payments,
  quotes,
} from '../../db/schema/index.ts';

/** Everything the order page shows, of this partner's order only (another partner's is not found). */
export async function findOrderView(db: Queryable, scope: { partnerId: string; orderNumber: string }) {
  const [order] = await db
    .select({
      id: orders.id,
      orderNumber: orders.orderNumber,
      quoteId: orders.quoteId,
      poNumber: orders.poNumber,
      currency: orders.currency,
      totalMinor: orders.totalMinor,
      createdAt: orders.createdAt,
      document: orders.document,
      quoteNumber: quotes.quoteNumber,
      customerId: customerAccounts.customerId,
      customerName: customerAccounts.name,
      customerCountry: customerAccounts.country,
      customerAccountId: orders.customerAccountId,
    })
    .from(orders)
    .innerJoin(customerAccounts, eq(customerAccounts.id, orders.customerAccountId))
    .leftJoin(quotes, eq(quotes.id, orders.quoteId))
    .where(and(eq(orders.partnerId, scope.partnerId), eq(orders.orderNumber, scope.orderNumber)));
  if (!order) return null;
  const [invoice] = await db.select().from(invoices).where(eq(invoices.orderId, order.id));
  const [payment] = await db.select().from(payments).where(eq(payments.orderId, order.id));
  const issued = await db
    .select({
      lineNo: orderLines.lineNo,
      licenseId: licenses.licenseId,
      productCode: licensePeriods.productCode,
      sealedKey: licenses.licenseKeySealed,
    })
    .from(licensePeriods)
    .innerJoin(licenses, eq(licenses.id, licensePeriods.licenseId))
    .innerJoin(orderLines, eq(orderLines.id, licensePeriods.orderLineId))
    .where(eq(licensePeriods.orderId, order.id))
    .orderBy(asc(orderLines.lineNo), asc(licenses.licenseId));
  return {
    order,
    invoice: invoice ?? null,
    payment: payment ?? null,
    licenses: issued,
  };
}
