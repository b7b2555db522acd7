import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { defaultLocaleFor } from '../../../contract/catalog.ts';
import type { InviteUserRequest, PartnerUserList } from '../../../contract/partner-users.ts';
import type { Role } from '../../../contract/permissions.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { partners, partnerUsers, sessions } from '../../db/schema/index.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { DomainError } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { PartnerUserActor, VendorStaffActor } from '../auth/actor.ts';
import { issueLink } from '../auth/one-time-links.ts';
import { queueEmail } from '../mail/outbox.ts';
import { countEmailSend } from '../mail/send-limits.ts';
import { invitationEmail } from '../mail/templates.ts';

interface Options {
  actor: PartnerUserActor;
  meta: RequestMeta;
}

const userNotFound = () =>
  new DomainError('not_found', 'user.not_found', 'No such user in your organisation.');

/** The partner's users (SPEC §1), as its admins manage them. */
export async function listPartnerUsers(
  db: Queryable,
  actor: PartnerUserActor,
): Promise<z.input<typeof PartnerUserList>> {
  const rows = await db
    .select({
      id: partnerUsers.id,
      email: partnerUsers.email,
      name: partnerUsers.name,
      role: partnerUsers.role,
      hasPassword: partnerUsers.passwordHash,
      disabledAt: partnerUsers.disabledAt,
      createdAt: partnerUsers.createdAt,
    })
    .from(partnerUsers)
    .where(eq(partnerUsers.partnerId, actor.partner.id))
    .orderBy(asc(partnerUsers.name));
  return {
    items: rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      role: r.role,
      status: r.disabledAt ? 'deactivated' : r.hasPassword === null ? 'invited' : 'active',
      createdAt: r.createdAt.toISOString(),
      isYou: r.id === actor.userId,
    })),
  };
}

/**
 * Invites a user (SPEC §1, issue 10): the user exists at once with its role, without a password;
 * an email in the partner's language carries a one-time link (7 days) where they set one.
 */
export async function inviteUser(
  db: Queryable,
  jobs: JobQueue,
  options: Options & { invite: InviteUserRequest; publicUrl: string },
): Promise<z.input<typeof PartnerUserList>> {
  const { actor, meta } = options;
  return db.transaction(async (tx) => {
    await createInvitedUser(tx, jobs, {
      partner: actor.partner,
      inviter: actor,
      invite: options.invite,
      publicUrl: options.publicUrl,
      meta,
    });
    return listPartnerUsers(tx, actor);
  });
}

/**
 * A user of a partner waiting for their password, and the invitation email with its one-time
 * link; in the caller's transaction, audited as whoever invites (a partner admin, or vendor staff
 * creating a partner). An email that already has a login is refused next to the field.
 */
export async function createInvitedUser(
  tx: Queryable,
  jobs: JobQueue,
  options: {
    partner: { id: string; name: string; country: string };
    inviter: PartnerUserActor | VendorStaffActor;
    invite: InviteUserRequest;
    publicUrl: string;
    meta: RequestMeta;
    /** Where the form asks for the email (the refusal goes next to it). */
    emailField?: string;
  },
): Promise<string> {
  const { partner, invite, meta } = options;
  await countEmailSend(tx, options.inviter, meta.now);
  const [user] = await tx
    .insert(partnerUsers)
    .values({
      partnerId: partner.id,
      email: invite.email,
      name: invite.name,
      role: invite.role,
      passwordHash: null,
      createdAt: meta.now,
    })
    .onConflictDoNothing()
    .returning({ id: partnerUsers.id });
  if (!user) {
    throw new DomainError('conflict', 'user.email_taken', 'This email already has a Partner Portal login.', {
      field: options.emailField ?? 'email',
    });
  }
  const token = await issueLink(tx, {
    purpose: 'invitation',
    subject: { partnerUserId: user.id },
    email: invite.email,
    now: meta.now,
  });
  await queueEmail(tx, jobs, {
    partnerId: partner.id,
    to: invite.email,
    ...invitationEmail({
      locale: defaultLocaleFor(partner.country),
      partnerName: partner.name,
      inviterName: options.inviter.name,
      name: invite.name,
      role: invite.role,
      link: `${options.publicUrl}/invitations/${token}`,
    }),
    subjectRef: `invitation:${user.id}`,
    // The link logs a person in: it is sealed in the outbox like license keys.
    secret: true,
  });
  await recordAudit(tx, {
    partnerId: partner.id,
    actor: options.inviter,
    action: 'user.invited',
    subjectType: 'partner_user',
    subjectId: invite.email,
    details: { role: invite.role },
    meta,
  });
  return user.id;
}

/**
 * A change to another user of the partner, serialised per partner (its row locked), so that two
 * admins demoting each other at once cannot leave it without an active admin.
 */
async function changeUser(
  db: Queryable,
  options: Options & { id: string },
  change: (tx: Queryable, target: { id: string; role: Role; email: string }) => Promise<void>,
): Promise<z.input<typeof PartnerUserList>> {
  const { actor } = options;
  return db.transaction(async (tx) => {
    await tx
      .select({ id: partners.id })
      .from(partners)
      .where(eq(partners.id, actor.partner.id))
      .for('update');
    const [target] = await tx
      .select({ id: partnerUsers.id, role: partnerUsers.role, email: partnerUsers.email })
      .from(partnerUsers)
      .where(
        and(
          eq(partnerUsers.id, options.id),
          eq(partnerUsers.partnerId, actor.partner.id),
          isNull(partnerUsers.disabledAt),
        ),
      );
    if (!target) throw userNotFound();
    if (target.id === actor.userId) {
      throw new DomainError(
        'conflict',
        'user.yourself',
        'Ask another administrator to change your own login.',
      );
    }
    await change(tx, target);
    return listPartnerUsers(tx, actor);
  });
}

/** The partner keeps an active admin besides the one being changed. */
async function requireAnotherAdmin(tx: Queryable, partnerId: string, exceptId: string): Promise<void> {
  const others = await tx
    .select({ id: partnerUsers.id })
    .from(partnerUsers)
    .where(
      and(
        eq(partnerUsers.partnerId, partnerId),
        eq(partnerUsers.role, 'admin'),
        isNull(partnerUsers.disabledAt),
        ne(partnerUsers.id, exceptId),
      ),
    );
  if (others.length === 0) {
    throw new DomainError(
      'conflict',
      'user.last_admin',
      'Your organisation needs at least one administrator.',
    );
  }
}

export function changeUserRole(db: Queryable, options: Options & { id: string; role: Role }) {
  return changeUser(db, options, async (tx, target) => {
    if (target.role === 'admin' && options.role !== 'admin')
      await requireAnotherAdmin(tx, options.actor.partner.id, target.id);
    await tx.update(partnerUsers).set({ role: options.role }).where(eq(partnerUsers.id, target.id));
    await recordAudit(tx, {
      partnerId: options.actor.partner.id,
      actor: options.actor,
      action: 'user.role_changed',
      subjectType: 'partner_user',
      subjectId: target.email,
      details: { from: target.role, to: options.role },
      meta: options.meta,
    });
  });
}

/** Deactivates a user: no more logins, and every session of theirs ends now (the rows go). */
export function deactivateUser(db: Db, options: Options & { id: string }) {
  return changeUser(db, options, async (tx, target) => {
    if (target.role === 'admin') await requireAnotherAdmin(tx, options.actor.partner.id, target.id);
    await tx.update(partnerUsers).set({ disabledAt: options.meta.now }).where(eq(partnerUsers.id, target.id));
    await tx.delete(sessions).where(eq(sessions.partnerUserId, target.id));
    await recordAudit(tx, {
      partnerId: options.actor.partner.id,
      actor: options.actor,
      action: 'user.deactivated',
      subjectType: 'partner_user',
      subjectId: target.email,
      meta: options.meta,
    });
  });
}
