import type { Currency } from '../../../contract/money.ts';
import type { Queryable } from '../../db/client.ts';
import { type JobQueue, queues } from '../../jobs/job-queue.ts';
import type { PayPalGateway } from './paypal/paypal-gateway.ts';
import type { PaymentProvider } from './provider.ts';

/** A charge to give back: by whom it was taken (the card provider or PayPal) and how much. */
export interface PendingRefund {
  channel: 'card' | 'paypal';
  reference: string;
  amountMinor: number;
  currency: Currency;
  /** The quote whose order failed, for whoever reads the queue. */
  quoteNumber: string;
}

const idempotencyKeyOf = (refund: PendingRefund) => `refund:${refund.reference}`;

/** Gives a charge back now, through the channel that took it. */
export function refund(
  providers: { payments: PaymentProvider; paypal: PayPalGateway | null },
  pending: PendingRefund,
): Promise<void> {
  const input = {
    reference: pending.reference,
    amountMinor: pending.amountMinor,
    currency: pending.currency,
    idempotencyKey: idempotencyKeyOf(pending),
  };
  if (pending.channel === 'card') return providers.payments.refund(input);
  if (!providers.paypal) throw new Error(`PayPal is not configured: cannot refund ${pending.reference}`);
  return providers.paypal.refund(input);
}

/**
 * A refund that failed when the order did (the provider away) is not left to a log line: it goes
 * to a queue in the database, written outside the order's transaction (which rolls back), and any
 * app process retries it with backoff for days. The refund's idempotency key is the charge, so a
 * refund that did go through before its answer was lost is not made twice. One job per charge.
 */
export async function queueRefund(db: Queryable, jobs: JobQueue, pending: PendingRefund): Promise<void> {
  await jobs.send(db, queues.refund.name, pending, { singletonKey: pending.reference });
}

/** Runs queued refunds in this process. */
export async function startRefunds(
  jobs: JobQueue,
  providers: { payments: PaymentProvider; paypal: PayPalGateway | null },
): Promise<void> {
  await jobs.work<PendingRefund>(queues.refund.name, (job) => refund(providers, job.data));
}
