import { and, asc, eq, max } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import {
  customerAccounts,
  invoices,
  licensePeriods,
  licenses,
  mailOutbox,
  orderLines,
  orders,
  payments,
  quotes,
} from '../../db/schema/index.ts';
import { subjectRefOf } from '../mail/email-kinds.ts';

/** The outbox reference of the emails that take an order's licenses to its end users. */
export const licensesEmailRef = (orderNumber: string) =>
  subjectRefOf({ kind: 'activation', ref: orderNumber });

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
      assignedTo: licenses.assignedEmail,
    })
    .from(licensePeriods)
    .innerJoin(licenses, eq(licenses.id, licensePeriods.licenseId))
    .innerJoin(orderLines, eq(orderLines.id, licensePeriods.orderLineId))
    .where(eq(licensePeriods.orderId, order.id))
    .orderBy(asc(orderLines.lineNo), asc(licenses.licenseId));
  // When the licenses last went to the end users (the activation email, or Resend licenses).
  const [sent] = await db
    .select({ at: max(mailOutbox.createdAt) })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.partnerId, scope.partnerId),
        eq(mailOutbox.subjectRef, licensesEmailRef(order.orderNumber)),
      ),
    );
  return {
    order,
    invoice: invoice ?? null,
    payment: payment ?? null,
    licenses: issued,
    licensesSentAt: sent?.at ?? null,
  };
}

/** Whether an order of this number exists (whoever placed it). */
export async function orderNumberTaken(db: Queryable, orderNumber: string): Promise<boolean> {
  const [row] = await db.select({ id: orders.id }).from(orders).where(eq(orders.orderNumber, orderNumber));
  return row !== undefined;
}

export async function insertOrder(
  tx: Queryable,
  values: typeof orders.$inferInsert,
): Promise<{ id: string; orderNumber: string } | undefined> {
  const [row] = await tx
    .insert(orders)
    .values(values)
    .returning({ id: orders.id, orderNumber: orders.orderNumber });
  return row;
}

/** Inserts an order's lines, answering their ids and line numbers (in whatever order the database answers). */
export function insertOrderLines(
  tx: Queryable,
  rows: (typeof orderLines.$inferInsert)[],
): Promise<{ id: string; lineNo: number }[]> {
  return tx.insert(orderLines).values(rows).returning({ id: orderLines.id, lineNo: orderLines.lineNo });
}

/** An order's number by its id. */
export async function orderNumberOf(db: Queryable, orderId: string): Promise<string | null> {
  const [row] = await db
    .select({ orderNumber: orders.orderNumber })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row?.orderNumber ?? null;
}
