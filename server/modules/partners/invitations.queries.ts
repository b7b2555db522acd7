import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Role } from '../../../contract/permissions.ts';
import type { Queryable } from '../../db/client.ts';
import { partnerInvitations, partners } from '../../db/schema/index.ts';

/** Neither accepted nor cancelled (an expired one is still pending: it can be sent again). */
export const isPending = and(isNull(partnerInvitations.acceptedAt), isNull(partnerInvitations.cancelledAt));

/** The partner's pending invitations, oldest first. */
export function pendingInvitations(db: Queryable, partnerId: string) {
  return db
    .select({
      id: partnerInvitations.id,
      email: partnerInvitations.email,
      name: partnerInvitations.name,
      role: partnerInvitations.role,
      createdAt: partnerInvitations.createdAt,
      expiresAt: partnerInvitations.expiresAt,
    })
    .from(partnerInvitations)
    .where(and(eq(partnerInvitations.partnerId, partnerId), isPending))
    .orderBy(asc(partnerInvitations.createdAt), asc(partnerInvitations.email));
}

/**
 * Inserts a pending invitation; undefined when the partner has one pending for the address already
 * (the partial unique index keeps one pending invitation per partner and address).
 */
export async function insertPendingInvitation(
  tx: Queryable,
  values: typeof partnerInvitations.$inferInsert,
): Promise<{ id: string } | undefined> {
  const [invitation] = await tx
    .insert(partnerInvitations)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: partnerInvitations.id });
  return invitation;
}

const pendingOfPartner = (id: string, partnerId: string) =>
  and(eq(partnerInvitations.id, id), eq(partnerInvitations.partnerId, partnerId), isPending);

/** Gives a pending invitation of the partner a new link and expiry; undefined when there is none. */
export async function renewPendingInvitation(
  tx: Queryable,
  options: { id: string; partnerId: string; tokenHash: string; expiresAt: Date },
): Promise<{ id: string; email: string; name: string; role: Role } | undefined> {
  const [invitation] = await tx
    .update(partnerInvitations)
    .set({ tokenHash: options.tokenHash, expiresAt: options.expiresAt })
    .where(pendingOfPartner(options.id, options.partnerId))
    .returning({
      id: partnerInvitations.id,
      email: partnerInvitations.email,
      name: partnerInvitations.name,
      role: partnerInvitations.role,
    });
  return invitation;
}

/** Cancels a pending invitation of the partner; undefined when there is none. */
export async function cancelPendingInvitation(
  tx: Queryable,
  options: { id: string; partnerId: string; now: Date },
): Promise<{ email: string; role: Role } | undefined> {
  const [invitation] = await tx
    .update(partnerInvitations)
    .set({ cancelledAt: options.now })
    .where(pendingOfPartner(options.id, options.partnerId))
    .returning({ email: partnerInvitations.email, role: partnerInvitations.role });
  return invitation;
}

/** The invitation whose link has this token hash, while pending and unexpired. */
const usable = (tokenHash: string, now: Date) =>
  and(eq(partnerInvitations.tokenHash, tokenHash), isPending, gt(partnerInvitations.expiresAt, now));

/** What a usable invitation's link shows: the invitee and the inviting partner's name. */
export async function findUsableInvitation(
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<{ email: string; name: string; partnerName: string } | undefined> {
  const [invitation] = await db
    .select({ email: partnerInvitations.email, name: partnerInvitations.name, partnerName: partners.name })
    .from(partnerInvitations)
    .innerJoin(partners, eq(partners.id, partnerInvitations.partnerId))
    .where(usable(tokenHash, now));
  return invitation;
}

/** Marks a usable invitation accepted at `now`, answering whom it invites; undefined when none is usable. */
export async function acceptUsableInvitation(
  tx: Queryable,
  tokenHash: string,
  now: Date,
): Promise<{ partnerId: string; email: string; name: string; role: Role } | undefined> {
  const [invitation] = await tx
    .update(partnerInvitations)
    .set({ acceptedAt: now })
    .where(usable(tokenHash, now))
    .returning({
      partnerId: partnerInvitations.partnerId,
      email: partnerInvitations.email,
      name: partnerInvitations.name,
      role: partnerInvitations.role,
    });
  return invitation;
}
