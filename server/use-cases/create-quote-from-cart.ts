import type { z } from 'zod';
import { defaultLocaleFor } from '../../contract/catalog.ts';
import type { CreateQuoteRequest, Quote } from '../../contract/quotes.ts';
import type { Queryable } from '../db/client.ts';
import type { PortalMail } from '../http/portal.ts';
import type { RequestMeta } from '../http/request-meta.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { emptyCart, takeCart } from '../modules/cart/cart.service.ts';
import { requireOpenAccount } from '../modules/customers/customers.service.ts';
import { countEmailSend } from '../modules/mail/send-limits.ts';
import { queueQuoteEmail } from '../modules/quotes/quote-emails.ts';
import { createQuote, findStoredQuote, getQuote } from '../modules/quotes/quotes.service.ts';
import type { PartnerUserActor } from '../shared/actor.ts';

/**
 * Get Quote (SPEC §7): the open account's cart becomes a numbered reseller quote and the cart is
 * emptied, in one transaction. The cart is locked first, so parallel requests for one cart make
 * one quote (the others find it empty); its lines are priced as of today, so a line that waited in
 * the cart starts on the day of the quote.
 */
export async function createQuoteFromCart(
  db: Queryable,
  options: {
    actor: PartnerUserActor;
    meta: RequestMeta;
    jobs: JobQueue;
    mail: PortalMail;
  } & CreateQuoteRequest,
): Promise<z.input<typeof Quote>> {
  const { actor, meta, jobs, mail, customerId, sendCopyTo, sendCopyAs, ...details } = options;
  const account = requireOpenAccount(actor, customerId);
  return db.transaction(async (tx) => {
    if (sendCopyTo) await countEmailSend(tx, actor, meta.now);
    const { cartId, lines, details: choices } = await takeCart(tx, { actor, account, meta });
    const quoteNumber = await createQuote(tx, { actor, meta, account, lines, details: choices, ...details });
    await emptyCart(tx, cartId);
    const quote = await getQuote(tx, { actor, meta, quoteNumber });
    // "Also send the quote to this email": in the customer's language, its PDF attached.
    if (sendCopyTo) {
      const stored = await findStoredQuote(tx, actor.partner.id, quoteNumber);
      if (!stored) throw new Error(`quote ${quoteNumber} just made is missing`);
      await queueQuoteEmail(tx, jobs, {
        actor,
        mail,
        quote: stored.document,
        to: sendCopyTo,
        locale: defaultLocaleFor(account.country),
        copy: sendCopyAs ?? 'customer',
      });
    }
    return quote;
  });
}
