import type { Db } from '../db/client.ts';
import { DomainError } from '../lib/errors.ts';
import { leaseAttempt, type OrderAttemptRow, staleAttempts } from '../modules/orders/order-attempts.ts';
import { partnerUserContact } from '../modules/partners/partners.service.ts';
import { PaymentUnavailableError } from '../modules/payments/provider.ts';
import { claimedQuote } from '../modules/quotes/quote-orders.ts';
import { type PlaceOrderDeps, paymentOf, recordAttempt, release, takenOf } from './order-attempt-steps.ts';
import { findPayment } from './take-payment.ts';

export type Settlement = 'completed' | 'released' | 'waiting';

/**
 * The recovery of Place order: an attempt still live after its lease ran out lost the process that
 * worked on it between the steps (a crash, a deploy). Any app process may run this: each attempt is
 * taken with a guarded lease, so one process settles it. It asks the provider what the charge came
 * to: charged → the order is recorded as the request would have; declined or never charged → the
 * claim is released and the quote is open again; the provider not answering → it waits for the
 * next run. Answers what became of each attempt it took.
 */
export async function settleStaleOrderAttempts(
  db: Db,
  deps: PlaceOrderDeps,
  now: Date,
): Promise<{ attemptId: string; settlement: Settlement }[]> {
  const settled: { attemptId: string; settlement: Settlement }[] = [];
  for (const stale of await staleAttempts(db, now)) {
    const attempt = await leaseAttempt(db, stale, now);
    if (!attempt) continue;
    settled.push({ attemptId: attempt.id, settlement: await settleAttempt(db, deps, attempt, now) });
  }
  return settled;
}

async function settleAttempt(
  db: Db,
  deps: PlaceOrderDeps,
  attempt: OrderAttemptRow,
  now: Date,
): Promise<Settlement> {
  const quote = await claimedQuote(db, attempt.quoteId);
  const placer = await partnerUserContact(db, attempt.partnerUserId);
  if (!quote || !placer) throw new Error(`order attempt ${attempt.id} names no quote or user`);
  const work = { attempt, quote, placer, meta: { ip: '', requestId: `order-recovery:${attempt.id}`, now } };
  let taken = takenOf(attempt, quote.document);
  const payment = paymentOf(attempt, quote.document);
  if (payment && !taken) {
    let found: Awaited<ReturnType<typeof findPayment>>;
    try {
      found = await findPayment(deps, payment);
    } catch (error) {
      if (error instanceof PaymentUnavailableError) return 'waiting';
      throw error;
    }
    if (found === null || 'declined' in found) {
      await release(db, work, found ? found.declined.code : 'payment.not_taken');
      return 'released';
    }
    taken = found;
  }
  try {
    await recordAttempt(db, deps, work, taken);
    return 'completed';
  } catch (error) {
    // A refused step released the claim and gave the charge back (recordAttempt).
    if (error instanceof DomainError) return 'released';
    throw error;
  }
}

/** Runs the recovery every `everyMs` in this process (each process may: attempts are leased). */
export function startOrderRecovery(
  db: Db,
  deps: PlaceOrderDeps,
  options: { clock: () => Date; everyMs?: number; log: { error(obj: object, msg: string): void } },
): () => void {
  const run = () =>
    settleStaleOrderAttempts(db, deps, options.clock()).catch((err: unknown) => {
      options.log.error({ err }, 'order recovery failed');
    });
  const timer = setInterval(run, options.everyMs ?? 30_000);
  timer.unref();
  return () => clearInterval(timer);
}
