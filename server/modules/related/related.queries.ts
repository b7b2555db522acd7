import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { creditNotes, invoices, orders, quotes } from '../../db/schema/index.ts';
import { shapedStatements } from '../../db/shaped-statements.ts';

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
const anchorNumber = sql.placeholder('number');
const byAnchor: Record<DocumentAnchor['kind'], SQL> = {
  quote: eq(quotes.quoteNumber, anchorNumber),
  order: eq(orders.orderNumber, anchorNumber),
  invoice: eq(invoices.invoiceNumber, anchorNumber),
};

const documentChain = shapedStatements(
  'document_chain',
  (kind: DocumentAnchor['kind']) => kind,
  (db, kind) =>
    db
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
      .where(and(eq(orders.partnerId, sql.placeholder('partnerId')), byAnchor[kind]))
      .limit(1),
);

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
  const [row] = await documentChain(db, anchor.kind, { partnerId: scope.partnerId, number: anchor.number });
  return row ?? null;
}
