import type { Currency } from '../../../contract/money.ts';
import type { Queryable, Tx } from '../../db/client.ts';
import { addDays } from '../../lib/dates.ts';
import { claimDocumentNumber, nextDocumentNumber } from '../../shared/document-numbers.ts';
import {
  findInvoiceToPay,
  insertCreditNote,
  insertInvoice,
  markInvoiceCredited,
  markInvoicePaid,
} from './invoice-records.queries.ts';

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
    /** A number from the vendor's own systems (demo data, imports); the next one when absent. */
    invoiceNumber?: string;
  },
): Promise<{ id: string; invoiceNumber: string }> {
  const invoiceNumber = input.invoiceNumber
    ? await claimDocumentNumber(tx, 'invoice', input.invoiceNumber)
    : await nextDocumentNumber(tx, 'invoice', input.now);
  const row = await insertInvoice(tx, {
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
  });
  if (!row) throw new Error('invoice insert returned no row');
  return row;
}

/**
 * Settles an invoice with a credit note (SPEC §11a): the invoice becomes Applied, payment type
 * Credit Note, settled on the note's date. An invoice already settled (paid or applied) is not
 * credited: the guarded update answers nothing and the caller says why.
 */
export async function applyCreditNote(
  tx: Tx,
  input: {
    invoiceId: string;
    reason: string;
    today: string;
    now: Date;
    /** A number from the vendor's own systems (demo data, imports); the next one when absent. */
    creditNoteNumber?: string;
  },
): Promise<{ creditNoteNumber: string } | null> {
  const settled = await markInvoiceCredited(tx, input.invoiceId, input.today);
  if (!settled) return null;
  const creditNoteNumber = input.creditNoteNumber
    ? await claimDocumentNumber(tx, 'credit_note', input.creditNoteNumber)
    : await nextDocumentNumber(tx, 'credit_note', input.now);
  await insertCreditNote(tx, {
    creditNoteNumber,
    invoiceId: input.invoiceId,
    amountMinor: settled.amountMinor,
    currency: settled.currency,
    reason: input.reason,
    issuedOn: input.today,
    createdAt: input.now,
  });
  return { creditNoteNumber };
}

/** Records the payment of a postpaid invoice (Postpaid → Paid); null when it was not unpaid. */
export async function recordInvoicePaid(
  tx: Queryable,
  input: { invoiceId: string; paidOn: string },
): Promise<{ invoiceNumber: string } | null> {
  return (await markInvoicePaid(tx, input.invoiceId, input.paidOn)) ?? null;
}

/** One of this partner's invoices as Pay now reads it: its id, order, status and amount; or null. */
export function invoiceToPay(db: Queryable, scope: { partnerId: string; invoiceNumber: string }) {
  return findInvoiceToPay(db, scope);
}
