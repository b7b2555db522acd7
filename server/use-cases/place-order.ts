import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Order, PlaceOrderRequest } from '../../contract/orders.ts';
import { type Db, type Queryable, withPreparedStatements } from '../db/client.ts';
import type { RequestMeta } from '../http/request-meta.ts';
import { todayUtc } from '../lib/dates.ts';
import { DomainError } from '../lib/errors.ts';
import {
  type AttemptOfKey,
  attemptById,
  attemptOfKey,
  leaseAttempt,
  lockAttemptKey,
  type OrderAttemptRow,
  restartAttempt,
  startAttempt,
} from '../modules/orders/order-attempts.ts';
import { getOrder } from '../modules/orders/order-view.ts';
import { orderNumberOf } from '../modules/orders/orders.service.ts';
import { findPartnerTerms } from '../modules/partners/partners.service.ts';
import { claimedQuote, claimQuoteForOrder } from '../modules/quotes/quote-orders.ts';
import type { PartnerUserActor } from '../shared/actor.ts';
import { type ClaimedQuote, carryOutAttempt, type PlaceOrderDeps, placerOf } from './order-attempt-steps.ts';
import { resolvePayment } from './take-payment.ts';

export type { PlaceOrderDeps } from './order-attempt-steps.ts';

/** How long a request waits for a parallel one with the same Idempotency-Key before answering. */
const WAIT_FOR_TWIN_MS = 45_000;

type Claim =
  | Exclude<AttemptOfKey, { kind: 'new' | 'retry' | 'resume' }>
  | { kind: 'work'; attempt: OrderAttemptRow; quote: ClaimedQuote };

interface PlaceOrderOptions extends PlaceOrderRequest {
  actor: PartnerUserActor;
  meta: RequestMeta;
  /** The request's Idempotency-Key: the user's attempt, the same on a retry of it. */
  attemptKey: string;
}

/**
 * Place order (SPEC §8) for a valid quote, in three steps so that no transaction is open while
 * the provider answers (it may take seconds; on the embedded database one open transaction holds
 * every other request):
 * 1. claim: the quote becomes `ordering` and the attempt is recorded (one short transaction);
 * 2. charge: the payment is taken with no transaction open (postpaid takes none);
 * 3. record: the order, its licenses, invoice, payment, email and audit entry (a second one).
 * A decline or a refused step releases the claim (the quote is open again, a charge refunded); a
 * crash between the steps leaves a live attempt that a retry with the same Idempotency-Key or the
 * recovery job (settle-order-attempts.ts) settles by asking the provider. The attempt is the
 * request's idempotency record: the same key answers the same order, never a second charge.
 */
export async function placeOrder(
  db: Db,
  deps: PlaceOrderDeps,
  options: PlaceOrderOptions,
): Promise<{ order: z.input<typeof Order>; replayed: boolean }> {
  // Its statements are few and fixed: PostgreSQL parses and plans each once per connection.
  return withPreparedStatements(() => placeOrderNow(db, deps, options));
}

async function placeOrderNow(
  db: Db,
  deps: PlaceOrderDeps,
  options: PlaceOrderOptions,
): Promise<{ order: z.input<typeof Order>; replayed: boolean }> {
  const { actor, meta } = options;
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ quoteNumber: options.quoteNumber, payment: options.payment }))
    .digest('hex');
  const deadline = Date.now() + WAIT_FOR_TWIN_MS;
  for (;;) {
    const claim = await db.transaction((tx) => claimAttempt(tx, { ...options, requestHash }));
    if (claim.kind === 'completed') return { order: await answer(db, actor, claim.attempt), replayed: true };
    if (claim.kind === 'work') {
      const orderId = await carryOutAttempt(db, deps, {
        attempt: claim.attempt,
        quote: claim.quote,
        placer: placerOf(actor),
        meta,
      });
      return { order: await answer(db, actor, { ...claim.attempt, orderId }), replayed: false };
    }
    // The same key is being worked on by a parallel request (a double click): its answer is ours.
    if (Date.now() > deadline) throw inProgress(options.quoteNumber);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function claimAttempt(
  tx: Queryable,
  options: PlaceOrderOptions & { requestHash: string },
): Promise<Claim> {
  const { actor, meta } = options;
  const now = meta.now;
  // Requests of one key claim one after the other; the lock ends with this short transaction.
  await lockAttemptKey(tx, actor.userId, options.attemptKey);
  const found = await attemptOfKey(tx, {
    partnerUserId: actor.userId,
    attemptKey: options.attemptKey,
    requestHash: options.requestHash,
    now,
  });
  if (found.kind === 'completed' || found.kind === 'busy') return found;
  if (found.kind === 'resume') {
    const leased = await leaseAttempt(tx, found.attempt, now);
    const quote = leased ? await claimedQuote(tx, leased.quoteId) : null;
    if (!leased || !quote) return { kind: 'busy', attempt: found.attempt };
    return { kind: 'work', attempt: leased, quote };
  }
  const quote = await claimQuoteForOrder(tx, {
    actor,
    quoteNumber: options.quoteNumber,
    today: todayUtc(now),
  });
  if (options.payment.method === 'postpaid' && !(await findPartnerTerms(tx, actor.partner.id)).creditTerms) {
    throw new DomainError(
      'forbidden',
      'orders.postpaid_not_allowed',
      'Your organisation has no credit terms: pay by card to place the order.',
      { field: 'payment' },
    );
  }
  const payment = await resolvePayment(tx, options.payment, actor.partner.id);
  const attempt =
    found.kind === 'retry'
      ? await restartAttempt(tx, found.attempt, { payment, now })
      : await startAttempt(tx, {
          partnerId: actor.partner.id,
          partnerUserId: actor.userId,
          attemptKey: options.attemptKey,
          requestHash: options.requestHash,
          quoteId: quote.id,
          payment,
          // One charge per attempt: a retry finds the first; a new attempt after a decline is new.
          chargeKey: `order:${quote.document.quoteNumber}:${options.attemptKey}`,
          now,
        });
  return { kind: 'work', attempt, quote };
}

/** The order as Place order answers it: without the keys (the order page reads them). */
async function answer(db: Queryable, actor: PartnerUserActor, attempt: OrderAttemptRow) {
  const current = attempt.orderId ? attempt : await attemptById(db, attempt.id);
  const orderNumber = current?.orderId ? await orderNumberOf(db, current.orderId) : null;
  if (!orderNumber) throw new Error(`order attempt ${attempt.id} has no order`);
  return getOrder(db, { actor, orderNumber, withKeys: false });
}

const inProgress = (quoteNumber: string) =>
  new DomainError(
    'conflict',
    'quote.ordering',
    `An order for quote ${quoteNumber} is being placed now: wait a moment, then look at the quote again.`,
    { params: { quoteNumber } },
  );
