import { and, asc, eq, sql } from 'drizzle-orm';
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
import { preparedStatement } from '../../db/shaped-statements.ts';
import { subjectRefOf } from '../mail/email-kinds.ts';

/** The outbox reference of the emails that take an order's licenses to its end users. */
export const licensesEmailRef = (orderNumber: string) =>
  subjectRefOf({ kind: 'activation', ref: orderNumber });

type OrderViewValues = { partnerId: string; orderNumber: string; licensesRef: string };
const placeholder = (name: keyof OrderViewValues) => sql.placeholder(name);

// The order with its invoice and payment (at most one each: unique by order) and when its licenses
// last went out, in one statement; its licenses in a second. Each statement is a round trip, and on
// this page the round trips cost more than the queries.
const orderWithInvoice = preparedStatement('order_view', (db) =>
  db
    .select({
      order: {
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
      },
      invoice: invoices,
      payment: payments,
      // When the licenses last went to the end users (the activation email, or Resend licenses).
      licensesSentAt: sql<Date | null>`(select max(${mailOutbox.createdAt}) from ${mailOutbox}
        where ${mailOutbox.partnerId} = ${placeholder('partnerId')}
          and ${mailOutbox.subjectRef} = ${placeholder('licensesRef')})`.mapWith(mailOutbox.createdAt),
    })
    .from(orders)
    .innerJoin(customerAccounts, eq(customerAccounts.id, orders.customerAccountId))
    .leftJoin(quotes, eq(quotes.id, orders.quoteId))
    .leftJoin(invoices, eq(invoices.orderId, orders.id))
    .leftJoin(payments, eq(payments.orderId, orders.id))
    .where(
      and(eq(orders.partnerId, placeholder('partnerId')), eq(orders.orderNumber, placeholder('orderNumber'))),
    ),
);

const licensesOfOrder = preparedStatement('order_view_licenses', (db) =>
  db
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
    .where(eq(licensePeriods.orderId, sql.placeholder('orderId')))
    .orderBy(asc(orderLines.lineNo), asc(licenses.licenseId)),
);

/** Everything the order page shows, of this partner's order only (another partner's is not found). */
export async function findOrderView(db: Queryable, scope: { partnerId: string; orderNumber: string }) {
  const [found] = await orderWithInvoice(db, { ...scope, licensesRef: licensesEmailRef(scope.orderNumber) });
  if (!found) return null;
  const issued = await licensesOfOrder(db, { orderId: found.order.id });
  return {
    order: found.order,
    invoice: found.invoice,
    payment: found.payment,
    licenses: issued,
    licensesSentAt: found.licensesSentAt,
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
