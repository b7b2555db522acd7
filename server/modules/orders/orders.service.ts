import type { Currency } from '../../../contract/money.ts';
import type { Tx } from '../../db/client.ts';
import { orders } from '../../db/schema/index.ts';
import { claimDocumentNumber, nextDocumentNumber } from '../../lib/document-numbers.ts';

export interface NewOrder {
  partnerId: string | null;
  customerAccountId: string;
  poNumber: string | null;
  currency: Currency;
  totalMinor: number;
  createdAt: Date;
  /** A number from the vendor's own systems (demo data, imports); the next one when absent. */
  orderNumber?: string;
}

/**
 * Records an order (SPEC §9) inside the caller's transaction; the licenses it pays for name it.
 * Checkout (issue 9) places orders from quotes and carts through this.
 */
export async function recordOrder(tx: Tx, input: NewOrder): Promise<{ id: string; orderNumber: string }> {
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
      currency: input.currency,
      totalMinor: input.totalMinor,
      createdAt: input.createdAt,
    })
    .returning({ id: orders.id, orderNumber: orders.orderNumber });
  if (!row) throw new Error('order insert returned no row');
  return row;
}
