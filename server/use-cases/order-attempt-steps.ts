import type { Locale } from '../../contract/catalog.ts';
import type { PaymentProviderName } from '../../contract/orders.ts';
import type { Db } from '../db/client.ts';
import type { QuoteDocument } from '../db/documents/quote-document.ts';
import { redactError } from '../http/log-redaction.ts';
import type { PortalMail } from '../http/portal.ts';
import type { RequestMeta } from '../http/request-meta.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { todayUtc } from '../lib/dates.ts';
import { DomainError } from '../lib/errors.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { createInvoice } from '../modules/invoices/invoices.service.ts';
import { queueEmail } from '../modules/mail/outbox.ts';
import { orderPlacedEmail } from '../modules/mail/templates.ts';
import {
  type AttemptCharge,
  attemptCharged,
  attemptCompleted,
  attemptReleased,
  type OrderAttemptRow,
  releaseLease,
} from '../modules/orders/order-attempts.ts';
import { recordOrder } from '../modules/orders/orders.service.ts';
import { recordPayment } from '../modules/payments/payments.service.ts';
import { type PendingRefund, queueRefund, refund } from '../modules/payments/refunds.ts';
import { settleClaimedQuote } from '../modules/quotes/quote-orders.ts';
import type { PartnerUserActor } from '../shared/actor.ts';
import { issueOrderLicenses } from './issue-order-licenses.ts';
import {
  type PaymentOfQuote,
  type PaymentProviders,
  type TakenPayment,
  takePayment,
} from './take-payment.ts';

export interface PlaceOrderDeps extends PaymentProviders {
  jobs: JobQueue;
  mail: PortalMail;
}

export interface ClaimedQuote {
  id: string;
  customerAccountId: string;
  document: QuoteDocument;
}

/** Who placed the order: the order names them, the partner's email goes to them, the audit log too. */
export interface Placer {
  userId: string;
  email: string;
  locale: Locale;
  partner: { id: string; name: string };
}

export const placerOf = (actor: PartnerUserActor): Placer => ({
  userId: actor.userId,
  email: actor.email,
  locale: actor.locale,
  partner: { id: actor.partner.id, name: actor.partner.name },
});

export interface AttemptWork {
  attempt: OrderAttemptRow;
  quote: ClaimedQuote;
  placer: Placer;
  meta: RequestMeta;
}

/** The charge of an attempt, as the provider calls need it (null for postpaid). */
export function paymentOf(attempt: OrderAttemptRow, doc: QuoteDocument): PaymentOfQuote | null {
  const { payment } = attempt;
  if (payment.channel === 'postpaid') return null;
  return {
    payment,
    partnerId: attempt.partnerId,
    chargeKey: attempt.chargeKey,
    quote: { quoteNumber: doc.quoteNumber, currency: doc.currency, totalMinor: doc.totals.totalMinor },
  };
}

/** A charge the attempt recorded before it was interrupted, as a taken payment again. */
export function takenOf(attempt: OrderAttemptRow, doc: QuoteDocument): TakenPayment | null {
  const charge = attempt.charge;
  if (!charge) return null;
  const channel = attempt.payment.channel === 'card' ? 'card' : 'paypal';
  return {
    provider: charge.provider as PaymentProviderName,
    charge: { status: 'captured', reference: charge.reference, brand: charge.brand, last4: charge.last4 },
    refund: {
      channel,
      reference: charge.reference,
      amountMinor: doc.totals.totalMinor,
      currency: doc.currency,
      quoteNumber: doc.quoteNumber,
    },
  };
}

const chargeOf = (taken: TakenPayment): AttemptCharge => ({
  provider: taken.provider,
  reference: taken.charge.reference,
  brand: taken.charge.brand,
  last4: taken.charge.last4,
});

/**
 * Steps 2 and 3 of Place order for a claimed attempt (place-order.ts): the charge, with no
 * transaction open, then the order recorded in one transaction. Answers the order's id.
 * - A decline (or a payment refused before any charge) releases the claim: the quote is open again.
 * - The provider not answering leaves the claim as it is (the charge may exist): the same key again,
 *   or the recovery job, asks the provider and goes on from there.
 */
export async function carryOutAttempt(db: Db, deps: PlaceOrderDeps, work: AttemptWork): Promise<string> {
  const { attempt, quote, meta } = work;
  let taken = takenOf(attempt, quote.document);
  const payment = paymentOf(attempt, quote.document);
  if (payment && !taken) {
    try {
      taken = await takePayment(deps, payment);
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'payment.unavailable')
        await release(db, work, error.code);
      // The one who asked may retry at once: no lease held while nobody works on it.
      else await releaseLease(db, attempt.id, meta.now);
      throw error;
    }
  }
  try {
    if (taken && !attempt.charge) await attemptCharged(db, attempt.id, chargeOf(taken), meta.now);
    return await recordAttempt(db, deps, work, taken);
  } catch (error) {
    // Not a refusal (those released the claim) but a failure of the moment, such as the database
    // connection lost mid-transaction (answered 503): the lease goes, so that the user's retry with
    // the same key goes on at once instead of waiting two minutes for it to run out. Best effort:
    // with the database away, the lease runs out by itself and the recovery job takes the attempt.
    if (!(error instanceof DomainError)) await releaseLease(db, attempt.id, meta.now).catch(() => undefined);
    throw error;
  }
}

/**
 * Step 3: the order, its lines, licenses issued or extended, the invoice (Online and Paid, or
 * Postpaid and due in 30 days), the payment, the partner's email and the audit entry, with the
 * quote `ordered` and the attempt completed — one transaction. A step refused (a license renewed
 * meanwhile) gives the charge back and releases the claim; anything else leaves the claim for a
 * retry or the recovery job.
 */
export async function recordAttempt(
  db: Db,
  deps: PlaceOrderDeps,
  work: AttemptWork,
  taken: TakenPayment | null,
): Promise<string> {
  const { attempt, quote, placer, meta } = work;
  const doc = quote.document;
  const today = todayUtc(meta.now);
  try {
    return await db.transaction(async (tx) => {
      if (!(await settleClaimedQuote(tx, quote.id, 'ordered')))
        throw new Error(`quote ${doc.quoteNumber} is no longer being ordered by attempt ${attempt.id}`);
      const order = await recordOrder(tx, {
        partnerId: placer.partner.id,
        customerAccountId: quote.customerAccountId,
        poNumber: doc.poNumber,
        currency: doc.currency,
        totalMinor: doc.totals.totalMinor,
        createdAt: meta.now,
        quoteId: quote.id,
        createdByUserId: placer.userId,
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
        partnerId: placer.partner.id,
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
          partnerId: placer.partner.id,
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
        partnerId: placer.partner.id,
        to: placer.email,
        ...orderPlacedEmail({
          locale: placer.locale,
          partnerName: placer.partner.name,
          orderNumber: order.orderNumber,
          customerName: doc.customer.name,
          total: { minor: doc.totals.totalMinor, currency: doc.currency },
          publicUrl: deps.mail.publicUrl,
        }),
        about: { kind: 'order', ref: order.orderNumber },
      });
      await recordAudit(tx, {
        partnerId: placer.partner.id,
        actor: { partnerUserId: placer.userId },
        action: 'order.placed',
        subjectType: 'order',
        subjectId: order.orderNumber,
        details: {
          quoteNumber: doc.quoteNumber,
          invoiceNumber: invoice.invoiceNumber,
          totalMinor: doc.totals.totalMinor,
          payment: attempt.payment.channel,
        },
        meta,
      });
      if (!(await attemptCompleted(tx, attempt.id, order.id, meta.now)))
        throw new Error(`order attempt ${attempt.id} was settled meanwhile`);
      return order.id;
    });
  } catch (error) {
    if (error instanceof DomainError) {
      if (taken) await compensate(db, deps, taken.refund);
      await release(db, work, error.code);
    }
    throw error;
  }
}

/** No order comes of the attempt: the quote is open again and the attempt says why. */
export async function release(db: Db, work: AttemptWork, because: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (await attemptReleased(tx, work.attempt.id, because, work.meta.now))
      await settleClaimedQuote(tx, work.quote.id, 'open');
  });
}

/**
 * Gives the charge of a failed order back. When the provider is away at that moment the refund is
 * queued to be retried (refunds.ts); a failure to queue it too is written where operations look.
 */
async function compensate(db: Db, deps: PlaceOrderDeps, pending: PendingRefund): Promise<void> {
  try {
    await refund(deps, pending);
  } catch (refundError) {
    // Outside the request's logger: written without bind values or tokens, like every log line.
    console.warn('refund failed, queued to retry', {
      reference: pending.reference,
      refundError: redactError(refundError),
    });
    await queueRefund(db, deps.jobs, pending).catch((queueError: unknown) => {
      console.error('refund could not be queued: give it back by hand', {
        ...pending,
        queueError: redactError(queueError),
      });
    });
  }
}
