import type { z } from 'zod';
import type { InviteUserRequest, PartnerUserList } from '../../../contract/partner-users.ts';
import type { Role } from '../../../contract/permissions.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { DomainError } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { pendingInvitations } from './invitations.queries.ts';
import { cancelInvitation, createInvitation, resendInvitation } from './invitations.ts';
import {
  authorizeUserAction,
  type PartnerUserAction,
  userActions,
  userNotFound,
} from './partner-users.policy.ts';
import {
  deleteSessionsOfUser,
  disableUser,
  findUserOfPartner,
  listOtherActiveAdmins,
  listUsersByName,
  lockPartner,
  updateUserRole,
} from './partners.queries.ts';

interface Options {
  actor: PartnerUserActor;
  meta: RequestMeta;
}

/** The partner's users (SPEC §1) and its pending invitations, as its admins manage them. */
export async function listPartnerUsers(
  db: Queryable,
  options: { actor: PartnerUserActor; now: Date },
): Promise<z.input<typeof PartnerUserList>> {
  const { actor, now } = options;
  const rows = await listUsersByName(db, actor.partner.id);
  const invitations = await pendingInvitations(db, actor.partner.id);
  return {
    items: rows.map((r) => {
      const user = { id: r.id, status: r.disabledAt ? ('deactivated' as const) : ('active' as const) };
      return {
        ...user,
        email: r.email,
        name: r.name,
        role: r.role,
        createdAt: r.createdAt.toISOString(),
        isYou: r.id === actor.userId,
        actions: userActions(actor, user),
      };
    }),
    invitations: invitations.map(({ createdAt, expiresAt, ...invitation }) => ({
      ...invitation,
      invitedAt: createdAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      expired: expiresAt <= now,
    })),
  };
}

/**
 * Invites a user (SPEC §1, issues 10 and 16): a pending invitation, listed beside the users, and an
 * email in the partner's language whose one-time link (7 days) makes the user with a password.
 */
export async function inviteUser(
  db: Queryable,
  jobs: JobQueue,
  options: Options & { invite: InviteUserRequest; publicUrl: string },
): Promise<z.input<typeof PartnerUserList>> {
  const { actor, meta } = options;
  return db.transaction(async (tx) => {
    await createInvitation(tx, jobs, {
      partner: actor.partner,
      inviter: actor,
      invite: options.invite,
      publicUrl: options.publicUrl,
      meta,
    });
    return listPartnerUsers(tx, { actor, now: meta.now });
  });
}

/** Sends a pending invitation again (a new link; the one sent before stops working). */
export function resendPartnerInvitation(
  db: Queryable,
  jobs: JobQueue,
  options: Options & { id: string; publicUrl: string },
): Promise<z.input<typeof PartnerUserList>> {
  return db.transaction(async (tx) => {
    await resendInvitation(tx, jobs, options);
    return listPartnerUsers(tx, { actor: options.actor, now: options.meta.now });
  });
}

/** Cancels a pending invitation: its link stops working. */
export function cancelPartnerInvitation(
  db: Queryable,
  options: Options & { id: string },
): Promise<z.input<typeof PartnerUserList>> {
  return db.transaction(async (tx) => {
    await cancelInvitation(tx, options);
    return listPartnerUsers(tx, { actor: options.actor, now: options.meta.now });
  });
}

/**
 * A change to another user of the partner, serialised per partner (its row locked), so that two
 * admins demoting each other at once cannot leave it without an active admin.
 */
async function changeUser(
  db: Queryable,
  action: PartnerUserAction,
  options: Options & { id: string },
  change: (tx: Queryable, target: { id: string; role: Role; email: string }) => Promise<void>,
): Promise<z.input<typeof PartnerUserList>> {
  const { actor } = options;
  return db.transaction(async (tx) => {
    await lockPartner(tx, actor.partner.id);
    const target = await findUserOfPartner(tx, { id: options.id, partnerId: actor.partner.id });
    if (!target) throw userNotFound();
    authorizeUserAction(actor, action, {
      id: target.id,
      status: target.disabledAt ? 'deactivated' : 'active',
    });
    await change(tx, target);
    return listPartnerUsers(tx, { actor, now: options.meta.now });
  });
}

/** The partner keeps an active admin besides the one being changed. */
async function requireAnotherAdmin(tx: Queryable, partnerId: string, exceptId: string): Promise<void> {
  const others = await listOtherActiveAdmins(tx, partnerId, exceptId);
  if (others.length === 0) {
    throw new DomainError(
      'conflict',
      'user.last_admin',
      'Your organisation needs at least one administrator.',
    );
  }
}

export function changeUserRole(db: Queryable, options: Options & { id: string; role: Role }) {
  return changeUser(db, 'changeRole', options, async (tx, target) => {
    if (target.role === 'admin' && options.role !== 'admin')
      await requireAnotherAdmin(tx, options.actor.partner.id, target.id);
    await updateUserRole(tx, target.id, options.role);
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
  return changeUser(db, 'deactivate', options, async (tx, target) => {
    if (target.role === 'admin') await requireAnotherAdmin(tx, options.actor.partner.id, target.id);
    await disableUser(tx, target.id, options.meta.now);
    await deleteSessionsOfUser(tx, target.id);
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
