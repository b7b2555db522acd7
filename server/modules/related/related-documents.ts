import type { RelatedDocument } from '../../../contract/related.ts';
import type { Queryable } from '../../db/client.ts';
import { can, type PartnerUserActor } from '../../shared/actor.ts';
import { type DocumentAnchor, findDocumentChain } from './related.queries.ts';

const page = (section: string, number: string) => `/${section}/${encodeURIComponent(number)}`;

/**
 * The documents tied to the one shown (issue 18), both ways along quote ↔ order ↔ invoice ↔ credit
 * note, leaving out the one itself and those this user may not open: quotes are for sales and
 * admins, invoices and credit notes for billing and admins, orders for everyone.
 */
export async function relatedDocuments(
  db: Queryable,
  actor: PartnerUserActor,
  anchor: DocumentAnchor,
): Promise<RelatedDocument[]> {
  const chain = await findDocumentChain(db, { partnerId: actor.partner.id, anchor });
  if (!chain) return [];
  const related: RelatedDocument[] = [];
  if (chain.quoteNumber && can(actor, 'quotes.read')) {
    related.push({ kind: 'quote', number: chain.quoteNumber, link: page('quotes', chain.quoteNumber) });
  }
  if (can(actor, 'orders.read')) {
    related.push({ kind: 'order', number: chain.orderNumber, link: page('orders', chain.orderNumber) });
  }
  if (chain.invoiceNumber && can(actor, 'invoices.read')) {
    related.push({
      kind: 'invoice',
      number: chain.invoiceNumber,
      link: page('invoices', chain.invoiceNumber),
    });
    if (chain.creditNoteNumber) {
      // A credit note has no page of its own: its PDF, as the invoice page offers it.
      related.push({
        kind: 'credit_note',
        number: chain.creditNoteNumber,
        link: `/api${page('invoices', chain.invoiceNumber)}/credit-note`,
      });
    }
  }
  return related.filter((doc) => doc.kind !== anchor.kind);
}
