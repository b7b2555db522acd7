import type { QuoteActions, QuoteStatus } from '../../../contract/quotes.ts';
import { type Actor, can } from '../../shared/actor.ts';

/**
 * What this actor may do with this quote now (SPEC §7, §11a). Quotes are read only within their
 * own partner (the queries are scoped), so ownership is already settled; status and role decide.
 * An expired or cancelled quote can no longer be ordered or cancelled.
 */
export function quoteActions(actor: Actor, quote: { status: QuoteStatus }): QuoteActions {
  const open = quote.status === 'open';
  return {
    cancel: open && can(actor, 'quotes.cancel'),
    order: open && can(actor, 'orders.create'),
    /** A copy by email goes out while the quote can still be ordered. */
    email: open && can(actor, 'quotes.read'),
    /**
     * Resale prices are the partner's figures on its own quote: whoever may change a quote (cancel
     * it) may set them, while it is open; on an ordered or closed quote they are history.
     */
    setResalePrices: open && can(actor, 'quotes.cancel'),
  };
}
