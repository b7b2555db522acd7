import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { defaultLocaleFor, type Locale } from '../../../contract/catalog.ts';
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
import { invitationElsewhereEmail, invitationEmail } from '../mail/templates.ts';

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

const emailTaken = (field: string | undefined) =>
  new DomainError('conflict', 'user.email_taken', 'This email already has a Partner Portal login.', {
    field: field ?? 'email',
  });

/**
 * A user of a partner waiting for their password, and the invitation email with its one-time
 * link; in the caller's transaction, audited as whoever invites (a partner admin, or vendor staff
 * creating a partner). An email that already has a login in the same partner (or, for vendor
 * staff, anywhere) is refused next to the field; another partner's login is answered as a new
 * email is (see `inviteElsewhere`). Answers the new user's id, or null when none was made.
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
): Promise<string | null> {
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
    const [existing] = await tx
      .select({
        id: partnerUsers.id,
        partnerId: partnerUsers.partnerId,
        locale: partnerUsers.locale,
        country: partners.country,
      })
      .from(partnerUsers)
      .innerJoin(partners, eq(partners.id, partnerUsers.partnerId))
      .where(eq(partnerUsers.email, invite.email));
    if (!existing || existing.partnerId === partner.id || options.inviter.kind === 'vendor_staff') {
      throw emailTaken(options.emailField);
    }
    await inviteElsewhere(tx, jobs, { ...options, existing });
    await recordInvitation(tx, options);
    return null;
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
    about: { kind: 'invitation', ref: user.id },
  });
  await recordInvitation(tx, options);
  return user.id;
}

/**
 * A partner admin invited an address that is another partner's login (emails are unique across
 * partners). Telling the inviter so would reveal who works for a competitor, so the inviter gets
 * the answer and the audit entry of a new email, and only the addressee learns why nothing
 * changed: an email from the vendor (not the partner's outbox), in the addressee's language.
 */
async function inviteElsewhere(
  tx: Queryable,
  jobs: JobQueue,
  options: {
    partner: { name: string };
    inviter: { name: string };
    invite: InviteUserRequest;
    publicUrl: string;
    existing: { id: string; locale: Locale | null; country: string };
  },
): Promise<void> {
  await queueEmail(tx, jobs, {
    partnerId: null,
    to: options.invite.email,
    ...invitationElsewhereEmail({
      locale: options.existing.locale ?? defaultLocaleFor(options.existing.country),
      partnerName: options.partner.name,
      inviterName: options.inviter.name,
      publicUrl: options.publicUrl,
    }),
    about: { kind: 'invitation', ref: options.existing.id },
  });
}

function recordInvitation(
  tx: Queryable,
  options: {
    partner: { id: string };
    inviter: PartnerUserActor | VendorStaffActor;
    invite: InviteUserRequest;
    meta: RequestMeta;
  },
): Promise<void> {
  return recordAudit(tx, {
    partnerId: options.partner.id,
    actor: options.inviter,
    action: 'user.invited',
    subjectType: 'partner_user',
    subjectId: options.invite.email,
    details: { role: options.invite.role },
    meta: options.meta,
  });
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
