import { and, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { creditNotes, invoices, orders, quotes } from '../../db/schema/index.ts';

/** One document of the chain, by its number, that the others are found from. */
export type DocumentAnchor =
  | { kind: 'quote'; number: string }
  | { kind: 'order'; number: string }
  | { kind: 'invoice'; number: string };

/**
 * The chain an order makes, through the foreign keys that make it: its quote (orders.quote_id), its
 * invoice (invoices.order_id) and the credit note that settled that (credit_notes.invoice_id). One
 * order per quote and one invoice per order, so there is at most one chain; none for a quote not
 * ordered. Scoped to the partner's orders: another partner's documents are never found.
 */
export async function findDocumentChain(
  db: Queryable,
  scope: { partnerId: string; anchor: DocumentAnchor },
): Promise<{
  quoteNumber: string | null;
  orderNumber: string;
  invoiceNumber: string | null;
  creditNoteNumber: string | null;
} | null> {
  const { anchor } = scope;
  const byAnchor: Record<DocumentAnchor['kind'], SQL | undefined> = {
    quote: eq(quotes.quoteNumber, anchor.number),
    order: eq(orders.orderNumber, anchor.number),
    invoice: eq(invoices.invoiceNumber, anchor.number),
  };
  const [row] = await db
    .select({
      quoteNumber: quotes.quoteNumber,
      orderNumber: orders.orderNumber,
      invoiceNumber: invoices.invoiceNumber,
      creditNoteNumber: creditNotes.creditNoteNumber,
    })
    .from(orders)
    .leftJoin(quotes, eq(quotes.id, orders.quoteId))
    .leftJoin(invoices, eq(invoices.orderId, orders.id))
    .leftJoin(creditNotes, eq(creditNotes.invoiceId, invoices.id))
    .where(and(eq(orders.partnerId, scope.partnerId), byAnchor[anchor.kind]))
    .limit(1);
  return row ?? null;
}
