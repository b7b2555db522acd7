import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Invitation } from '../../../contract/partner-users.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { partners, partnerUsers } from '../../db/schema/index.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { DomainError } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { consumeLink, findLink } from '../auth/one-time-links.ts';
import { hashPassword } from '../auth/passwords.ts';

/** The invited user a link is for, while it works and the user waits for a password. */
async function invitedUser(db: Queryable, partnerUserId: string | null) {
  if (!partnerUserId) return null;
  const [row] = await db
    .select({
      id: partnerUsers.id,
      email: partnerUsers.email,
      name: partnerUsers.name,
      partnerId: partners.id,
      partnerName: partners.name,
    })
    .from(partnerUsers)
    .innerJoin(partners, eq(partners.id, partnerUsers.partnerId))
    .where(
      and(
        eq(partnerUsers.id, partnerUserId),
        isNull(partnerUsers.passwordHash),
        isNull(partnerUsers.disabledAt),
      ),
    );
  return row ?? null;
}

const invitationGone = () =>
  new DomainError(
    'not_found',
    'link.not_found',
    'This link has expired or was used already. Ask for a new one.',
  );

/** What an invitation's link shows before the password is chosen. */
export async function showInvitation(
  db: Queryable,
  options: { token: string; now: Date },
): Promise<z.input<typeof Invitation>> {
  const link = await findLink(db, options.token, 'invitation', options.now);
  const user = await invitedUser(db, link.partnerUserId);
  if (!user) throw invitationGone();
  return { email: user.email, name: user.name, partnerName: user.partnerName };
}

/** Sets the invited user's password with the link, once; they then log in as anyone does. */
export async function acceptInvitation(
  db: Db,
  options: { token: string; password: string; meta: RequestMeta },
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(options.password);
  return db.transaction(async (tx) => {
    const link = await consumeLink(tx, options.token, 'invitation', options.meta.now);
    const user = await invitedUser(tx, link.partnerUserId);
    if (!user) throw invitationGone();
    await tx.update(partnerUsers).set({ passwordHash }).where(eq(partnerUsers.id, user.id));
    await recordAudit(tx, {
      partnerId: user.partnerId,
      actor: { partnerUserId: user.id },
      action: 'user.invitation_accepted',
      subjectType: 'partner_user',
      subjectId: user.email,
      meta: options.meta,
    });
    return { email: user.email };
  });
}
