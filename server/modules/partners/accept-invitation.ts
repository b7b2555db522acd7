import type { z } from 'zod';
import type { Invitation } from '../../../contract/partner-users.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { DomainError } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashToken } from '../sessions/sessions.ts';
import { acceptUsableInvitation, findUsableInvitation } from './invitations.queries.ts';
import { hasLogin, insertPartnerUserIfEmailFree } from './partners.queries.ts';

/**
 * The invitee's side of an invitation (issue 16): whoever holds the link (it went to the invited
 * address) sees it and chooses a password with it, which makes the user. Only they learn that an
 * address with a login elsewhere cannot be used: nothing of it reaches the inviting partner.
 */

const linkGone = () =>
  new DomainError(
    'not_found',
    'link.not_found',
    'This link has expired or was used already. Ask for a new one.',
  );

const emailHasLogin = () =>
  new DomainError(
    'conflict',
    'invitation.email_has_login',
    'This email address already has a Partner Portal login, so this invitation cannot be accepted with it. Ask for an invitation to another address.',
  );

/** What an invitation's link shows before the password is chosen. */
export async function showInvitation(
  db: Queryable,
  options: { token: string; now: Date },
): Promise<z.input<typeof Invitation>> {
  const invitation = await findUsableInvitation(db, hashToken(options.token), options.now);
  if (!invitation) throw linkGone();
  return { ...invitation, emailHasLogin: await hasLogin(db, invitation.email) };
}

/**
 * Accepts the invitation with a password, once: the user is made with the invitation's role, and
 * they log in as anyone does. An address that has (or, in a race, has just got) a login anywhere is
 * refused to the invitee and nothing changes: users' emails are unique, so of two invitations of
 * the same address accepted at once the unique index lets one through and the other gets that
 * refusal, never a server error.
 */
export async function acceptInvitation(
  db: Db,
  options: { token: string; password: string; meta: RequestMeta },
): Promise<{ email: string }> {
  const { meta } = options;
  // Hashing takes a while: not while the transaction holds the invitation's row.
  const passwordHash = await hashPassword(options.password);
  return db.transaction(async (tx) => {
    const invitation = await acceptUsableInvitation(tx, hashToken(options.token), meta.now);
    if (!invitation) throw linkGone();
    const user = await insertPartnerUserIfEmailFree(tx, { ...invitation, passwordHash, createdAt: meta.now });
    // Thrown, it rolls the acceptance back too: the invitation stays as its partner sees it.
    if (!user) throw emailHasLogin();
    await recordAudit(tx, {
      partnerId: invitation.partnerId,
      actor: { partnerUserId: user.id },
      action: 'user.invitation_accepted',
      subjectType: 'partner_user',
      subjectId: invitation.email,
      meta,
    });
    return { email: invitation.email };
  });
}
