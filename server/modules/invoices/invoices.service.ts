import type { Currency } from '../../../contract/money.ts';
import type { Tx } from '../../db/client.ts';
import { invoices } from '../../db/schema/index.ts';
import { addDays } from '../../lib/dates.ts';
import { nextDocumentNumber } from '../../lib/document-numbers.ts';

/** Postpaid invoices fall due this many days after delivery (SPEC §11a). */
export const POSTPAID_DUE_DAYS = 30;

/**
 * The invoice of an order (SPEC §11a): paid by card or PayPal at once (Online, Paid), or postpaid
 * (Postpaid, Not Paid, due 30 days after delivery) until vendor staff record the payment.
 */
export async function createInvoice(
  tx: Tx,
  input: {
    partnerId: string;
    orderId: string;
    customerAccountId: string;
    /** The order's PO number and licensee email, which the Invoices search finds. */
    poNumber: string | null;
    endUserEmail: string | null;
    currency: Currency;
    amountMinor: number;
    paid: boolean;
    today: string;
    now: Date;
  },
): Promise<{ id: string; invoiceNumber: string }> {
  const invoiceNumber = await nextDocumentNumber(tx, 'invoice', input.now);
  const [row] = await tx
    .insert(invoices)
    .values({
      invoiceNumber,
      partnerId: input.partnerId,
      orderId: input.orderId,
      customerAccountId: input.customerAccountId,
      poNumber: input.poNumber,
      endUserEmail: input.endUserEmail?.toLowerCase() ?? null,
      currency: input.currency,
      amountMinor: input.amountMinor,
      paymentType: input.paid ? 'online' : 'postpaid',
      status: input.paid ? 'paid' : 'not_paid',
      issuedOn: input.today,
      dueOn: input.paid ? null : addDays(input.today, POSTPAID_DUE_DAYS),
      paidOn: input.paid ? input.today : null,
      createdAt: input.now,
    })
    .returning({ id: invoices.id, invoiceNumber: invoices.invoiceNumber });
  if (!row) throw new Error('invoice insert returned no row');
  return row;
}
