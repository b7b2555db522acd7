import { eq } from 'drizzle-orm';
import type { LineKind } from '../../../contract/cart.ts';
import type { Currency } from '../../../contract/money.ts';
import type { Queryable, Tx } from '../../db/client.ts';
import type { OrderDocument } from '../../db/documents/order-document.ts';
import { orderLines, orders } from '../../db/schema/index.ts';
import { claimDocumentNumber, nextDocumentNumber } from '../../shared/document-numbers.ts';

export interface NewOrder {
  partnerId: string | null;
  customerAccountId: string;
  poNumber: string | null;
  currency: Currency;
  totalMinor: number;
  createdAt: Date;
  /** A number from the vendor's own systems (demo data, imports); the next one when absent. */
  orderNumber?: string;
  lines: NewOrderLine[];
  /** Placed from this quote (one order per quote). */
  quoteId?: string;
  createdByUserId?: string;
  document?: OrderDocument;
}

export interface NewOrderLine {
  productCode: string;
  kind: LineKind;
  fromProductCode?: string | null;
  quantity: number;
  periodStart: string;
  periodEnd: string;
  listMinor: number;
  discountMinor: number;
  totalMinor: number;
  creditMinor?: number;
}

/**
 * Records an order (SPEC §9) inside the caller's transaction; the licenses it pays for name it.
 * Checkout (issue 9) places orders from quotes and carts through this.
 */
export async function recordOrder(
  tx: Tx,
  input: NewOrder,
): Promise<{ id: string; orderNumber: string; lineIds: string[] }> {
  const orderNumber = input.orderNumber
    ? await claimDocumentNumber(tx, 'order', input.orderNumber)
    : await nextDocumentNumber(tx, 'order', input.createdAt);
  const [row] = await tx
    .insert(orders)
    .values({
      orderNumber,
      partnerId: input.partnerId,
      customerAccountId: input.customerAccountId,
      poNumber: input.poNumber,
      endUserEmail: input.document?.endUser?.email.toLowerCase() ?? null,
      currency: input.currency,
      totalMinor: input.totalMinor,
      createdAt: input.createdAt,
      quoteId: input.quoteId ?? null,
      createdByUserId: input.createdByUserId ?? null,
      document: input.document ?? null,
    })
    .returning({ id: orders.id, orderNumber: orders.orderNumber });
  if (!row) throw new Error('order insert returned no row');
  const lines =
    input.lines.length === 0
      ? []
      : await tx
          .insert(orderLines)
          .values(
            input.lines.map((line, index) => ({
              ...line,
              fromProductCode: line.fromProductCode ?? null,
              creditMinor: line.creditMinor ?? 0,
              orderId: row.id,
              lineNo: index + 1,
            })),
          )
          .returning({ id: orderLines.id, lineNo: orderLines.lineNo });
  // In the order of the input, whatever order the database answered in.
  const lineIds = lines.sort((a, b) => a.lineNo - b.lineNo).map((l) => l.id);
  return { ...row, lineIds };
}

/** An order's number by its id. */
export async function orderNumberOf(db: Queryable, orderId: string): Promise<string | null> {
  const [row] = await db
    .select({ orderNumber: orders.orderNumber })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row?.orderNumber ?? null;
}

/** Read by the demo data and Renew from an order: the order as its page shows it, and whether a number is used. */
export { findOrderView, orderNumberTaken } from './orders.queries.ts';
