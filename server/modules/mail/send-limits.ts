import type { Queryable } from '../../db/client.ts';
import { tooManyAttempts } from '../../lib/errors.ts';
import type { PartnerUserActor, VendorStaffActor } from '../../shared/actor.ts';
import { type LimitCheck, type RateLimit, takeAttempt } from '../../shared/rate-limit.ts';

/**
 * Emails a user sends to addresses a person names (a quote's copy, activation and license emails,
 * invitations): any address may be named, so the portal must not become anybody's mailer. Per
 * user, and per partner so that its many users cannot add up to a flood.
 */
export const emailSendLimits = {
  perUser: { name: 'email-send:user', limit: 30, windowSeconds: 60 * 60 },
  perPartner: { name: 'email-send:partner', limit: 100, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>;

/**
 * Counts one send (one request, whatever its number of recipients) in the transaction that queues
 * its emails, so that only a committed send counts; refuses it with 429 once the user's or the
 * partner's hour is spent. Vendor staff count per person.
 */
export async function countEmailSend(
  tx: Queryable,
  sender: PartnerUserActor | VendorStaffActor,
  now: Date,
): Promise<void> {
  const checks: LimitCheck[] =
    sender.kind === 'partner_user'
      ? [
          [emailSendLimits.perUser, sender.userId],
          [emailSendLimits.perPartner, sender.partner.id],
        ]
      : [[emailSendLimits.perUser, sender.staffId]];
  const taken = await takeAttempt(tx, checks, now);
  if (!taken.allowed) {
    throw tooManyAttempts('Too many emails sent in the last hour. Try again later.', taken.retryAfterSeconds);
  }
}
