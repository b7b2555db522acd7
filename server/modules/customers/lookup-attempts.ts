import type { Db } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { DomainError, tooManyAttempts } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import {
  type Attempt,
  type AttemptOutcome,
  type Counter,
  countersOf,
  judgeAttempt,
  type LimitCheck,
  type RateLimit,
  takeAttempt,
} from '../../shared/rate-limit.ts';
import { recordAudit } from '../audit/audit.service.ts';

/**
 * The email step is a proof of knowledge (SPEC §3): attempts are counted per user first, then per
 * partner, across all app instances. A user stops at their own limit, so one user cannot spend the
 * partner's whole budget; successful proofs give their attempt back.
 */
export const lookupLimits = {
  perUser: { name: 'lookup:user', limit: 10, windowSeconds: 15 * 60 },
  perPartner: { name: 'lookup:partner', limit: 50, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimit>;

export interface LookupOptions {
  actor: PartnerUserActor;
  meta: RequestMeta;
}

/** Same code, message and status whether the identifier or the email was wrong: nothing leaks. */
export const lookupFailed = () =>
  new DomainError('not_found', 'customer.lookup_failed', 'No account matches this identifier and email.', {
    field: 'email',
  });

/** The answer without an email, for an account that exists and for one that does not alike. */
export const emailRequired = () =>
  new DomainError('unprocessable', 'customer.email_required', 'Enter an email associated with the account.', {
    field: 'email',
  });

/** The limits a lookup attempt of this user counts against, in order: the user's, the partner's. */
function lookupChecks(actor: PartnerUserActor): LimitCheck[] {
  return [
    [lookupLimits.perUser, actor.userId],
    [lookupLimits.perPartner, actor.partner.id],
  ];
}

/** The counters a lookup attempt of this user at `now` goes to, for a statement that counts it. */
export function lookupCounters({ actor, meta }: LookupOptions): Counter[] {
  return countersOf(lookupChecks(actor), meta.now);
}

/** The attempt, or the rate limit's answer when either limit is spent. */
function allowedOrThrow(taken: AttemptOutcome): Attempt {
  if (!taken.allowed) {
    throw tooManyAttempts('Too many failed customer lookups. Try again later.', taken.retryAfterSeconds);
  }
  return taken.attempt;
}

/**
 * Counts one lookup attempt of this user (and partner) before anything is checked; throws the
 * rate limit's answer when either is spent. Give it back with `giveBack` when the attempt succeeds.
 */
export async function countLookupAttempt(db: Db, { actor, meta }: LookupOptions): Promise<Attempt> {
  return allowedOrThrow(await takeAttempt(db, lookupChecks(actor), meta.now));
}

/**
 * The lookup attempt a statement counted (the counters' new counts, in the order of
 * `lookupCounters`); throws the rate limit's answer when either limit is spent.
 */
export function countedLookupAttempt(
  { actor, meta }: LookupOptions,
  hits: readonly (number | null)[],
): Attempt {
  return allowedOrThrow(judgeAttempt(lookupChecks(actor), meta.now, hits));
}

export async function auditFailure(
  db: Db,
  options: LookupOptions,
  method: string,
  subject: string,
): Promise<void> {
  await recordAudit(db, {
    partnerId: options.actor.partner.id,
    actor: options.actor,
    action: 'customer.open_failed',
    subjectType: 'customer_account',
    subjectId: subject,
    details: { method },
    meta: options.meta,
  });
}
