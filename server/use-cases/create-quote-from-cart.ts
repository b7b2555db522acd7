import type { z } from 'zod';
import type { CreateQuoteRequest, Quote } from '../../contract/quotes.ts';
import type { Queryable } from '../db/client.ts';
import type { RequestMeta } from '../http/request-meta.ts';
import type { PartnerUserActor } from '../modules/auth/actor.ts';
import { emptyCart, takeCart } from '../modules/cart/cart.service.ts';
import { requireOpenAccount } from '../modules/customers/customers.service.ts';
import { createQuote, getQuote } from '../modules/quotes/quotes.service.ts';

/**
 * Get Quote (SPEC §7): the open account's cart becomes a numbered reseller quote and the cart is
 * emptied, in one transaction. The cart is locked first, so parallel requests for one cart make
 * one quote (the others find it empty); its lines are priced as of today, so a line that waited in
 * the cart starts on the day of the quote.
 */
export async function createQuoteFromCart(
  db: Queryable,
  options: { actor: PartnerUserActor; meta: RequestMeta } & CreateQuoteRequest,
): Promise<z.input<typeof Quote>> {
  const { actor, meta, customerId, ...details } = options;
  const account = requireOpenAccount(actor, customerId);
  return db.transaction(async (tx) => {
    const { cartId, lines, details: choices } = await takeCart(tx, { actor, account, meta });
    const quoteNumber = await createQuote(tx, { actor, meta, account, lines, details: choices, ...details });
    await emptyCart(tx, cartId);
    return getQuote(tx, { actor, meta, quoteNumber });
  });
}
