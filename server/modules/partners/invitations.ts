import { defaultLocaleFor } from '../../../contract/catalog.ts';
import type { InviteUserRequest } from '../../../contract/partner-users.ts';
import type { Role } from '../../../contract/permissions.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { DomainError } from '../../lib/errors.ts';
import type { PartnerUserActor, VendorStaffActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../mail/outbox.ts';
import { countEmailSend } from '../mail/send-limits.ts';
import { invitationEmail } from '../mail/templates.ts';
import { hashToken, newToken } from '../sessions/sessions.ts';
import {
  cancelPendingInvitation,
  insertPendingInvitation,
  renewPendingInvitation,
} from './invitations.queries.ts';
import { findPartnerOfLogin } from './partners.queries.ts';

/** How long an invitation's link works; a resend sends a new one for as long again. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

type Inviter = PartnerUserActor | VendorStaffActor;
interface InvitingPartner {
  id: string;
  name: string;
  country: string;
}

const invitationNotFound = () =>
  new DomainError('not_found', 'invitation.not_found', 'No such pending invitation in your organisation.');

const inviterColumns = (inviter: Inviter) =>
  inviter.kind === 'partner_user'
    ? { invitedByUserId: inviter.userId, invitedByStaffId: null }
    : { invitedByUserId: null, invitedByStaffId: inviter.staffId };

/**
 * Invites someone to be one of the partner's users (SPEC §1, issue 16), in the caller's
 * transaction: a pending invitation, and an email with its one-time link (7 days) where the invitee
 * chooses a password. Refused next to the field: an email that is already the partner's user, or
 * that has a pending invitation of the partner. Anything an address is elsewhere changes nothing for
 * a partner admin, so the answer cannot tell them who works for another partner; vendor staff
 * creating a partner (the vendor knows its partners' users) are refused any address that has a
 * login.
 */
export async function createInvitation(
  tx: Queryable,
  jobs: JobQueue,
  options: {
    partner: InvitingPartner;
    inviter: Inviter;
    invite: InviteUserRequest;
    publicUrl: string;
    meta: RequestMeta;
    /** Where the form asks for the email (a refusal goes next to it). */
    emailField?: string;
  },
): Promise<{ id: string }> {
  const { partner, inviter, invite, meta } = options;
  const field = options.emailField ?? 'email';
  const user = await findPartnerOfLogin(tx, invite.email);
  if (user && (user.partnerId === partner.id || inviter.kind === 'vendor_staff')) {
    throw new DomainError('conflict', 'user.email_taken', 'This email already has a Partner Portal login.', {
      field,
    });
  }
  const token = newToken();
  // Undefined when the address has a pending invitation of the partner (a partial unique index).
  const invitation = await insertPendingInvitation(tx, {
    partnerId: partner.id,
    email: invite.email,
    name: invite.name,
    role: invite.role,
    ...inviterColumns(inviter),
    tokenHash: hashToken(token),
    createdAt: meta.now,
    expiresAt: new Date(meta.now.getTime() + INVITATION_LIFETIME_MS),
  });
  if (!invitation) {
    throw new DomainError(
      'conflict',
      'user.already_invited',
      'This email has a pending invitation already: send it again from the list.',
      { field },
    );
  }
  await sendInvitation(tx, jobs, {
    ...options,
    invitation: { id: invitation.id, ...invite },
    token,
    now: meta.now,
  });
  await recordAudit(tx, {
    partnerId: partner.id,
    actor: inviter,
    action: 'user.invited',
    subjectType: 'partner_user',
    subjectId: invite.email,
    details: { role: invite.role },
    meta,
  });
  return invitation;
}

/** Sends a pending invitation again with a new link; the link sent before stops working. */
export async function resendInvitation(
  tx: Queryable,
  jobs: JobQueue,
  options: { actor: PartnerUserActor; meta: RequestMeta; id: string; publicUrl: string },
): Promise<void> {
  const { actor, meta } = options;
  const token = newToken();
  const invitation = await renewPendingInvitation(tx, {
    id: options.id,
    partnerId: actor.partner.id,
    tokenHash: hashToken(token),
    expiresAt: new Date(meta.now.getTime() + INVITATION_LIFETIME_MS),
  });
  if (!invitation) throw invitationNotFound();
  await sendInvitation(tx, jobs, {
    partner: actor.partner,
    inviter: actor,
    invitation,
    token,
    publicUrl: options.publicUrl,
    now: meta.now,
  });
  await recordAudit(tx, {
    partnerId: actor.partner.id,
    actor,
    action: 'user.invitation_resent',
    subjectType: 'partner_user',
    subjectId: invitation.email,
    details: { role: invitation.role },
    meta,
  });
}

/** Cancels a pending invitation: its link stops working, and the address may be invited again. */
export async function cancelInvitation(
  tx: Queryable,
  options: { actor: PartnerUserActor; meta: RequestMeta; id: string },
): Promise<void> {
  const { actor, meta } = options;
  const invitation = await cancelPendingInvitation(tx, {
    id: options.id,
    partnerId: actor.partner.id,
    now: meta.now,
  });
  if (!invitation) throw invitationNotFound();
  await recordAudit(tx, {
    partnerId: actor.partner.id,
    actor,
    action: 'user.invitation_cancelled',
    subjectType: 'partner_user',
    subjectId: invitation.email,
    details: { role: invitation.role },
    meta,
  });
}

/** The invitation email in the partner's language, sealed in the outbox: its link makes a login. */
async function sendInvitation(
  tx: Queryable,
  jobs: JobQueue,
  options: {
    partner: InvitingPartner;
    inviter: Inviter;
    invitation: { id: string; email: string; name: string; role: Role };
    token: string;
    publicUrl: string;
    now: Date;
  },
): Promise<void> {
  const { partner, invitation } = options;
  // An email to an address the inviter typed: counted against their hour (send-limits.ts).
  await countEmailSend(tx, options.inviter, options.now);
  await queueEmail(tx, jobs, {
    partnerId: partner.id,
    to: invitation.email,
    ...invitationEmail({
      locale: defaultLocaleFor(partner.country),
      partnerName: partner.name,
      inviterName: options.inviter.name,
      name: invitation.name,
      role: invitation.role,
      link: `${options.publicUrl}/invitations/${options.token}`,
    }),
    about: { kind: 'invitation', ref: invitation.id },
  });
}
