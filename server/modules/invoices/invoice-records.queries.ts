import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { creditNotes, invoices } from '../../db/schema/index.ts';

export async function insertInvoice(
  db: Queryable,
  values: typeof invoices.$inferInsert,
): Promise<{ id: string; invoiceNumber: string } | undefined> {
  const [row] = await db
    .insert(invoices)
    .values(values)
    .returning({ id: invoices.id, invoiceNumber: invoices.invoiceNumber });
  return row;
}

/**
 * Marks an invoice Applied by credit note on `today`, only while it is not paid (the guard is the
 * update's own condition); answers its amount, or undefined when it was settled already.
 */
export async function markInvoiceCredited(db: Queryable, invoiceId: string, today: string) {
  const [settled] = await db
    .update(invoices)
    .set({ status: 'applied', paymentType: 'credit_note', paidOn: today })
    .where(and(eq(invoices.id, invoiceId), eq(invoices.status, 'not_paid')))
    .returning({ amountMinor: invoices.amountMinor, currency: invoices.currency });
  return settled;
}

export async function insertCreditNote(
  db: Queryable,
  values: typeof creditNotes.$inferInsert,
): Promise<void> {
  await db.insert(creditNotes).values(values);
}

/** Marks a not-paid invoice paid on `paidOn`; undefined when it was not unpaid. */
export async function markInvoicePaid(
  db: Queryable,
  invoiceId: string,
  paidOn: string,
): Promise<{ invoiceNumber: string } | undefined> {
  const [paid] = await db
    .update(invoices)
    .set({ status: 'paid', paidOn })
    .where(and(eq(invoices.id, invoiceId), eq(invoices.status, 'not_paid')))
    .returning({ invoiceNumber: invoices.invoiceNumber });
  return paid;
}

/** What paying one of this partner's invoices reads of it (another partner's is not found). */
export async function findInvoiceToPay(db: Queryable, scope: { partnerId: string; invoiceNumber: string }) {
  const [row] = await db
    .select({
      id: invoices.id,
      invoiceNumber: invoices.invoiceNumber,
      partnerId: invoices.partnerId,
      orderId: invoices.orderId,
      status: invoices.status,
      amountMinor: invoices.amountMinor,
      currency: invoices.currency,
    })
    .from(invoices)
    .where(and(eq(invoices.partnerId, scope.partnerId), eq(invoices.invoiceNumber, scope.invoiceNumber)));
  return row ?? null;
}
