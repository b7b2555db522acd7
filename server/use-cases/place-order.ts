import type { z } from 'zod';
import type { Order, PlaceOrderRequest } from '../../contract/orders.ts';
import type { Queryable } from '../db/client.ts';
import type { PortalMail } from '../http/portal.ts';
import type { RequestMeta } from '../http/request-meta.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { todayUtc } from '../lib/dates.ts';
import { DomainError } from '../lib/errors.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import type { PartnerUserActor } from '../modules/auth/actor.ts';
import { createInvoice } from '../modules/invoices/invoices.service.ts';
import { queueEmail } from '../modules/mail/outbox.ts';
import { orderPlacedEmail } from '../modules/mail/templates.ts';
import { getOrder } from '../modules/orders/order-view.ts';
import { recordOrder } from '../modules/orders/orders.service.ts';
import { findPartnerTerms } from '../modules/partners/partners.service.ts';
import { recordPayment } from '../modules/payments/payments.service.ts';
import type { PayPalGateway } from '../modules/payments/paypal/paypal-gateway.ts';
import type { PaymentProvider } from '../modules/payments/provider.ts';
import { type PendingRefund, queueRefund, refund } from '../modules/payments/refunds.ts';
import { claimQuoteForOrder } from '../modules/quotes/quotes.service.ts';
import { issueOrderLicenses } from './issue-order-licenses.ts';
import { takePayment } from './take-payment.ts';

export interface PlaceOrderDeps {
  /** The database itself, for what must outlive a failed order's transaction (a refund to retry). */
  root: Queryable;
  payments: PaymentProvider;
  paypal: PayPalGateway | null;
  jobs: JobQueue;
  mail: PortalMail;
}

/**
 * Place order (SPEC §8) for a valid quote, as one use case: the quote claimed (one order per quote,
 * whoever asks how often), the payment captured (or postpaid for partners with credit terms), the
 * order and its lines recorded, licenses issued or extended, the invoice made (Online and Paid, or
 * Postpaid and due in 30 days), and an email to the partner with a link to the order — all in one
 * transaction. A charge is the one step outside it: if anything after it fails, the charge is
 * refunded before the error goes on (compensation), so nothing half-made stays and no money is
 * kept for nothing. The charge's idempotency key is the quote and the card token, so a retry after
 * a timeout finds the first charge instead of taking a second.
 */
export async function placeOrder(
  db: Queryable,
  deps: PlaceOrderDeps,
  options: {
    actor: PartnerUserActor;
    meta: RequestMeta;
    /** The request's Idempotency-Key: the user's attempt, the same on a retry of it. */
    attemptKey: string;
  } & PlaceOrderRequest,
): Promise<z.input<typeof Order>> {
  const { actor, meta, payment } = options;
  // One charge per attempt: a retry (same Idempotency-Key) finds the first charge; a new attempt
  // after a decline or a refund is a new charge. Without a key every request is its own attempt.
  const attempt = options.attemptKey;
  const today = todayUtc(meta.now);
  return db.transaction(async (tx) => {
    const quote = await claimQuoteForOrder(tx, { actor, quoteNumber: options.quoteNumber, today });
    const doc = quote.document;
    if (payment.method === 'postpaid') {
      const terms = await findPartnerTerms(tx, actor.partner.id);
      if (!terms.creditTerms) {
        throw new DomainError(
          'forbidden',
          'orders.postpaid_not_allowed',
          'Your organisation has no credit terms: pay by card to place the order.',
          { field: 'payment' },
        );
      }
    }
    const taken = await takePayment(tx, deps, {
      payment,
      partnerId: actor.partner.id,
      attempt,
      quote: { quoteNumber: doc.quoteNumber, currency: doc.currency, totalMinor: doc.totals.totalMinor },
    });
    try {
      const order = await recordOrder(tx, {
        partnerId: actor.partner.id,
        customerAccountId: quote.customerAccountId,
        poNumber: doc.poNumber,
        currency: doc.currency,
        totalMinor: doc.totals.totalMinor,
        createdAt: meta.now,
        quoteId: quote.id,
        createdByUserId: actor.userId,
        document: { lines: doc.lines, endUser: { name: doc.endUser.name, email: doc.endUser.email } },
        lines: doc.lines.map((line) => ({
          productCode: line.productCode,
          kind: line.kind,
          fromProductCode: line.fromProduct?.productCode ?? null,
          quantity: line.quantity,
          periodStart: line.periodStart,
          periodEnd: line.periodEnd,
          listMinor: line.listPriceMinor,
          discountMinor: line.discountMinor,
          totalMinor: line.totalMinor,
          creditMinor: line.credit?.totalMinor ?? 0,
        })),
      });
      await issueOrderLicenses(tx, {
        customerAccountId: quote.customerAccountId,
        orderId: order.id,
        lineIds: order.lineIds,
        lines: doc.lines,
        details: doc.details,
        now: meta.now,
      });
      const invoice = await createInvoice(tx, {
        partnerId: actor.partner.id,
        orderId: order.id,
        customerAccountId: quote.customerAccountId,
        poNumber: doc.poNumber,
        endUserEmail: doc.endUser.email,
        currency: doc.currency,
        amountMinor: doc.totals.totalMinor,
        paid: taken !== null,
        today,
        now: meta.now,
      });
      if (taken) {
        await recordPayment(tx, {
          partnerId: actor.partner.id,
          orderId: order.id,
          provider: taken.provider,
          reference: taken.charge.reference,
          amountMinor: doc.totals.totalMinor,
          currency: doc.currency,
          brand: taken.charge.brand,
          last4: taken.charge.last4,
          now: meta.now,
        });
      }
      await queueEmail(tx, deps.jobs, {
        partnerId: actor.partner.id,
        to: actor.email,
        ...orderPlacedEmail({
          locale: actor.locale,
          partnerName: actor.partner.name,
          orderNumber: order.orderNumber,
          customerName: doc.customer.name,
          total: { minor: doc.totals.totalMinor, currency: doc.currency },
          publicUrl: deps.mail.publicUrl,
        }),
        about: { kind: 'order', ref: order.orderNumber },
      });
      await recordAudit(tx, {
        partnerId: actor.partner.id,
        actor,
        action: 'order.placed',
        subjectType: 'order',
        subjectId: order.orderNumber,
        details: {
          quoteNumber: doc.quoteNumber,
          invoiceNumber: invoice.invoiceNumber,
          totalMinor: doc.totals.totalMinor,
          payment: payment.method,
        },
        meta,
      });
      // Without the keys: this answer is kept for retries; the order page reads them.
      return getOrder(tx, { actor, orderNumber: order.orderNumber, withKeys: false });
    } catch (error) {
      if (taken) await compensate(deps, taken.refund);
      throw error;
    }
  });
}

/**
 * Gives the charge of a failed order back. When the provider is away at that moment the refund is
 * queued to be retried (refunds.ts); the queue is written once this transaction has rolled back —
 * not awaited here, as the embedded database runs one transaction at a time and this one is still
 * open — and a failure to queue it is written where operations look.
 */
async function compensate(deps: PlaceOrderDeps, pending: PendingRefund): Promise<void> {
  try {
    await refund(deps, pending);
  } catch (refundError) {
    console.warn('refund failed, queued to retry', { reference: pending.reference, refundError });
    void queueRefund(deps.root, deps.jobs, pending).catch((queueError: unknown) => {
      console.error('refund could not be queued: give it back by hand', { ...pending, queueError });
    });
  }
}
