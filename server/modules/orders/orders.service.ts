import type { LineKind } from '../../../contract/cart.ts';
import type { Currency } from '../../../contract/money.ts';
import type { Tx } from '../../db/client.ts';
import type { OrderDocument } from '../../db/documents/order-document.ts';
import { claimDocumentNumber, nextDocumentNumber } from '../../shared/document-numbers.ts';
import { insertOrder, insertOrderLines } from './orders.queries.ts';

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
  const row = await insertOrder(tx, {
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
  });
  if (!row) throw new Error('order insert returned no row');
  const lines =
    input.lines.length === 0
      ? []
      : await insertOrderLines(
          tx,
          input.lines.map((line, index) => ({
            ...line,
            fromProductCode: line.fromProductCode ?? null,
            creditMinor: line.creditMinor ?? 0,
            orderId: row.id,
            lineNo: index + 1,
          })),
        );
  // In the order of the input, whatever order the database answered in.
  const lineIds = lines.sort((a, b) => a.lineNo - b.lineNo).map((l) => l.id);
  return { ...row, lineIds };
}

/**
 * Read by the demo data, Renew from an order and placing an order: the order as its page shows it,
 * whether a number is used, and an order's number by its id.
 */
export { findOrderView, orderNumberOf, orderNumberTaken } from './orders.queries.ts';
