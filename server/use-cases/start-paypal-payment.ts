import type { z } from 'zod';
import type { PayPalApproval } from '../../contract/orders.ts';
import type { Queryable } from '../db/client.ts';
import type { RequestMeta } from '../http/request-meta.ts';
import { todayUtc } from '../lib/dates.ts';
import { payPalOffered } from '../modules/payments/payment-methods.service.ts';
import type { PayPalGateway } from '../modules/payments/paypal/paypal-gateway.ts';
import { orderableQuote } from '../modules/quotes/quote-orders.ts';
import type { PartnerUserActor } from '../shared/actor.ts';
import { asProviderCall } from './take-payment.ts';

/** Where PayPal sends the buyer back to: the quote's checkout, which then places the order. */
export const payPalCheckoutReturn = (
  publicUrl: string,
  quoteNumber: string,
  outcome: 'approved' | 'cancelled',
) => `${publicUrl}/quotes/${encodeURIComponent(quoteNumber)}/checkout?paypal=${outcome}`;

/**
 * Paying a quote with PayPal, first step (SPEC §8): PayPal's order for the quote's total as it
 * stands, and the link where the buyer approves it. Nothing is taken yet: Place order captures
 * the approved order, after checking it is this quote's and for its amount.
 */
export async function startPayPalPayment(
  db: Queryable,
  paypal: PayPalGateway | null,
  options: {
    actor: PartnerUserActor;
    meta: RequestMeta;
    attemptKey: string;
    publicUrl: string;
    quoteNumber: string;
  },
): Promise<z.input<typeof PayPalApproval>> {
  const gateway = payPalOffered(paypal);
  const doc = await orderableQuote(db, {
    actor: options.actor,
    quoteNumber: options.quoteNumber,
    today: todayUtc(options.meta.now),
  });
  const started = await asProviderCall(() =>
    gateway.start({
      quoteNumber: doc.quoteNumber,
      amountMinor: doc.totals.totalMinor,
      currency: doc.currency,
      returnUrl: payPalCheckoutReturn(options.publicUrl, doc.quoteNumber, 'approved'),
      cancelUrl: payPalCheckoutReturn(options.publicUrl, doc.quoteNumber, 'cancelled'),
      idempotencyKey: `paypal:${doc.quoteNumber}:${options.attemptKey}`,
    }),
  );
  return { approveUrl: started.approveUrl, id: started.orderId };
}
