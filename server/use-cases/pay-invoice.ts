import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { InvoiceDetails, PayInvoiceRequest, PayPalApproval } from '../../contract/index.ts';
import type { Db } from '../db/client.ts';
import type { RequestMeta } from '../http/request-meta.ts';
import { todayUtc } from '../lib/dates.ts';
import { DomainError } from '../lib/errors.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { invoiceActions } from '../modules/invoices/invoices.policy.ts';
import { invoiceToPay, recordInvoicePaid } from '../modules/invoices/invoices.service.ts';
import { getInvoice, invoiceNotFound } from '../modules/invoices/invoices-view.ts';
import { payPalOffered } from '../modules/payments/payment-methods.service.ts';
import { paymentOfOrder, recordPayment } from '../modules/payments/payments.service.ts';
import { refund } from '../modules/payments/refunds.ts';
import { can, type PartnerUserActor } from '../shared/actor.ts';
import {
  asProviderCall,
  findPayment,
  type PaymentProviders,
  resolvePayment,
  takePayment,
} from './take-payment.ts';

interface PayOptions {
  actor: PartnerUserActor;
  meta: RequestMeta;
  invoiceNumber: string;
}

type Unpaid = NonNullable<Awaited<ReturnType<typeof invoiceToPay>>>;

const notUnpaid = (invoice: { invoiceNumber: string; status: string }) =>
  new DomainError(
    'conflict',
    'invoice.not_unpaid',
    `Invoice ${invoice.invoiceNumber} is ${invoice.status}: it is settled already.`,
    { params: { invoiceNumber: invoice.invoiceNumber, status: invoice.status } },
  );

/** The partner's invoice, which this user may pay now (the invoices policy), or why not. */
async function payableInvoice(db: Db, options: PayOptions): Promise<Unpaid> {
  const invoice = await invoiceToPay(db, {
    partnerId: options.actor.partner.id,
    invoiceNumber: options.invoiceNumber,
  });
  if (!invoice) throw invoiceNotFound(options.invoiceNumber);
  if (!invoiceActions(options.actor, invoice).pay) throw notUnpaid(invoice);
  return invoice;
}

/** Where PayPal sends the buyer back to: the invoice's page, which then pays it. */
export const payPalInvoiceReturn = (
  publicUrl: string,
  invoiceNumber: string,
  outcome: 'approved' | 'cancelled',
) => `${publicUrl}/invoices/${encodeURIComponent(invoiceNumber)}?paypal=${outcome}`;

/**
 * Pay now with PayPal, first step: PayPal's order for the invoice's amount and the link where the
 * buyer approves it. Nothing is taken yet: Pay now captures the approved order, which PayPal made
 * for this invoice's number and amount.
 */
export async function startInvoicePayPal(
  db: Db,
  paypal: PaymentProviders['paypal'],
  options: PayOptions & { attemptKey: string; publicUrl: string },
): Promise<z.input<typeof PayPalApproval>> {
  const gateway = payPalOffered(paypal);
  const invoice = await payableInvoice(db, options);
  const started = await asProviderCall(() =>
    gateway.start({
      quoteNumber: invoice.invoiceNumber,
      amountMinor: invoice.amountMinor,
      currency: invoice.currency,
      returnUrl: payPalInvoiceReturn(options.publicUrl, invoice.invoiceNumber, 'approved'),
      cancelUrl: payPalInvoiceReturn(options.publicUrl, invoice.invoiceNumber, 'cancelled'),
      idempotencyKey: `paypal:${invoice.invoiceNumber}:${options.attemptKey}`,
    }),
  );
  return { approveUrl: started.approveUrl, id: started.orderId };
}

/**
 * Pay now (issue 18): an unpaid postpaid invoice paid online, the ways Checkout pays, then Paid
 * (its payment type stays Postpaid: it was bought on terms) with the payment recorded on its order
 * and an audit entry. The charge runs with no transaction open, as Place order's does.
 *
 * Idempotent against double clicks and retries without a record of its own: the provider's
 * idempotency key is the invoice and what pays it (the card token, the stored method, the PayPal
 * order), so parallel requests with the same choice make one charge; the invoice's guarded update
 * lets one of them record it, and the others find that payment is theirs and answer the invoice.
 * A request that loses to another way of paying (a second card in another tab) gives its charge back.
 */
export async function payInvoice(
  db: Db,
  providers: PaymentProviders,
  options: PayOptions & PayInvoiceRequest,
): Promise<z.input<typeof InvoiceDetails>> {
  const { actor, meta } = options;
  const invoice = await invoiceToPay(db, {
    partnerId: actor.partner.id,
    invoiceNumber: options.invoiceNumber,
  });
  if (!invoice) throw invoiceNotFound(options.invoiceNumber);
  const payable = invoiceActions(actor, invoice).pay;
  if (!payable && !(invoice.status === 'paid' && can(actor, 'invoices.pay'))) throw notUnpaid(invoice);
  const payment = await resolvePayment(db, options.payment, actor.partner.id);
  if (payment.channel === 'postpaid') throw new Error('Pay now takes no postpaid payment');
  const source = createHash('sha256').update(JSON.stringify(payment)).digest('hex').slice(0, 32);
  const charge = {
    payment,
    partnerId: actor.partner.id,
    chargeKey: `invoice:${invoice.id}:${source}`,
    quote: {
      quoteNumber: invoice.invoiceNumber,
      currency: invoice.currency,
      totalMinor: invoice.amountMinor,
    },
  };
  if (!payable) {
    // Paid already: by this same choice (a click that came late), answer the paid invoice.
    const recorded = await paymentOfOrder(db, invoice.orderId);
    const found = recorded ? await asProviderCall(() => findPayment(providers, charge)) : null;
    if (found && 'charge' in found && found.charge.reference === recorded?.reference) {
      return getInvoice(db, { actor, meta, invoiceNumber: invoice.invoiceNumber });
    }
    throw notUnpaid(invoice);
  }
  const taken = await takePayment(providers, charge);
  const today = todayUtc(meta.now);
  const outcome = await db.transaction(async (tx) => {
    // Guarded by the status: of parallel requests, one records the payment.
    if (await recordInvoicePaid(tx, { invoiceId: invoice.id, paidOn: today })) {
      await recordPayment(tx, {
        partnerId: invoice.partnerId,
        orderId: invoice.orderId,
        provider: taken.provider,
        reference: taken.charge.reference,
        amountMinor: invoice.amountMinor,
        currency: invoice.currency,
        brand: taken.charge.brand,
        last4: taken.charge.last4,
        now: meta.now,
      });
      await recordAudit(tx, {
        partnerId: invoice.partnerId,
        actor,
        action: 'invoice.paid',
        subjectType: 'invoice',
        subjectId: invoice.invoiceNumber,
        details: {
          paidOn: today,
          amountMinor: invoice.amountMinor,
          provider: taken.provider,
          reference: taken.charge.reference,
        },
        meta,
      });
      return 'recorded' as const;
    }
    const recorded = await paymentOfOrder(tx, invoice.orderId);
    return recorded?.reference === taken.charge.reference ? ('replayed' as const) : ('settled' as const);
  });
  if (outcome === 'settled') {
    // Paid meanwhile another way: this charge is not owed.
    await refund(providers, taken.refund);
    throw notUnpaid({ invoiceNumber: invoice.invoiceNumber, status: 'paid' });
  }
  return getInvoice(db, { actor, meta, invoiceNumber: invoice.invoiceNumber });
}
