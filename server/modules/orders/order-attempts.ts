import type { Queryable } from '../../db/client.ts';
import { DomainError } from '../../lib/errors.ts';
import {
  type AttemptCharge,
  type AttemptPayment,
  endLease,
  findAttempt,
  findAttemptForUpdate,
  insertAttempt,
  LIVE_STATUSES,
  listStaleAttempts,
  lockAttemptKey,
  markCharged,
  markCompleted,
  markReleased,
  type OrderAttemptRow,
  reopenAttempt,
  takeLease,
} from './order-attempts.queries.ts';

export type { AttemptCharge, AttemptPayment, OrderAttemptRow };
/** Taken by placing an order before it looks up the attempt of its key. */
export { lockAttemptKey };

/**
 * How long a request (or the recovery job) may work on an attempt before another may take it over:
 * longer than a provider's answer may take (30 s) and the order's recording after it.
 */
export const ATTEMPT_LEASE_MS = 2 * 60_000;

/**
 * The lease this process gives, set once at boot from ORDER_ATTEMPT_LEASE_MS (a process-wide
 * setting like the clock: threading it through every caller of the steps would change them all
 * for one number). A fault test shortens it so the recovery settles attempts within seconds.
 */
let leaseMs = ATTEMPT_LEASE_MS;
export function setAttemptLease(ms: number): void {
  if (!Number.isInteger(ms) || ms < 1_000) throw new RangeError(`an attempt lease of ${ms} ms is too short`);
  leaseMs = ms;
}

export const isLive = (attempt: OrderAttemptRow) =>
  (LIVE_STATUSES as readonly string[]).includes(attempt.status);

/** What a Place order request finds for its user and Idempotency-Key. */
export type AttemptOfKey =
  | { kind: 'new' }
  | { kind: 'completed'; attempt: OrderAttemptRow }
  /** A released attempt (its payment declined, a step refused): the same key tries again. */
  | { kind: 'retry'; attempt: OrderAttemptRow }
  /** Live, and this request may work on it (its lease ran out). */
  | { kind: 'resume'; attempt: OrderAttemptRow }
  /** Live, and another request works on it now. */
  | { kind: 'busy'; attempt: OrderAttemptRow };

/** The attempt of this key, locked until the caller's transaction ends; refused for another request. */
export async function attemptOfKey(
  tx: Queryable,
  key: { partnerUserId: string; attemptKey: string; requestHash: string; now: Date },
): Promise<AttemptOfKey> {
  const attempt = await findAttemptForUpdate(tx, key);
  if (!attempt) return { kind: 'new' };
  if (attempt.requestHash !== key.requestHash) {
    throw new DomainError(
      'unprocessable',
      'idempotency.key_reused',
      'This Idempotency-Key was used for another request: send a new key with each new request.',
      { field: 'idempotency-key' },
    );
  }
  if (attempt.status === 'completed') return { kind: 'completed', attempt };
  if (attempt.status === 'released') return { kind: 'retry', attempt };
  return attempt.leaseUntil.getTime() < key.now.getTime()
    ? { kind: 'resume', attempt }
    : { kind: 'busy', attempt };
}

export interface NewAttempt {
  partnerId: string;
  partnerUserId: string;
  attemptKey: string;
  requestHash: string;
  quoteId: string;
  payment: AttemptPayment;
  chargeKey: string;
  now: Date;
}

/** Records the claim of a quote (in the claim's transaction), leased to this request. */
export async function startAttempt(tx: Queryable, input: NewAttempt): Promise<OrderAttemptRow> {
  const leaseUntil = new Date(input.now.getTime() + leaseMs);
  const row = await insertAttempt(tx, { ...input, leaseUntil });
  // The key's row was locked (or absent) when read in this transaction: a conflict here is a bug.
  if (!row) throw new Error(`order attempt ${input.attemptKey} appeared meanwhile`);
  return row;
}

/** A released attempt of the same key claims its quote again. */
export async function restartAttempt(
  tx: Queryable,
  attempt: OrderAttemptRow,
  values: { payment: AttemptPayment; now: Date },
): Promise<OrderAttemptRow> {
  const leaseUntil = new Date(values.now.getTime() + leaseMs);
  await reopenAttempt(tx, attempt.id, { ...values, leaseUntil });
  return { ...attempt, status: 'charging', payment: values.payment, charge: null, leaseUntil };
}

/** Takes over a live attempt whose lease ran out; null when someone else took it first. */
export function leaseAttempt(
  db: Queryable,
  attempt: OrderAttemptRow,
  now: Date,
): Promise<OrderAttemptRow | null> {
  return takeLease(db, attempt.id, { now, leaseUntil: new Date(now.getTime() + leaseMs) });
}

/** The request ends without settling the attempt (the provider did not answer): the lease goes. */
export function releaseLease(db: Queryable, id: string, now: Date): Promise<void> {
  return endLease(db, id, now);
}

export function attemptCharged(db: Queryable, id: string, charge: AttemptCharge, now: Date): Promise<void> {
  return markCharged(db, id, { charge, now });
}

export function attemptCompleted(db: Queryable, id: string, orderId: string, now: Date): Promise<boolean> {
  return markCompleted(db, id, { orderId, now });
}

export function attemptReleased(db: Queryable, id: string, because: string, now: Date): Promise<boolean> {
  return markReleased(db, id, { because, now });
}

export function attemptById(db: Queryable, id: string): Promise<OrderAttemptRow | null> {
  return findAttempt(db, id);
}

/** Live attempts nobody works on any more (a process died between the steps), oldest first. */
export function staleAttempts(db: Queryable, now: Date, limit = 20): Promise<OrderAttemptRow[]> {
  return listStaleAttempts(db, now, limit);
}
