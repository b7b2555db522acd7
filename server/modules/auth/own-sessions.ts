import type { UserSessionList } from '../../../contract/auth.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { notFound } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deleteUserSession, findLiveUserSessions } from './own-sessions.queries.ts';

/**
 * A partner user's own sessions (issue 18): where they are signed in, so that a forgotten browser
 * can be signed out from this one. Sessions are named by their public id, never the token's hash.
 */
export async function listOwnSessions(
  db: Queryable,
  actor: PartnerUserActor,
  now: Date,
): Promise<UserSessionList> {
  const rows = await findLiveUserSessions(db, actor.userId, now);
  return {
    items: rows.map((row) => ({
      id: row.id,
      userAgent: row.userAgent,
      signedInAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      current: row.tokenHash === actor.sessionTokenHash,
    })),
  };
}

/**
 * Signs one of the user's sessions out; another user's session, or one already ended, is not found
 * (the same answer, so ids of other people's sessions cannot be probed). Answers whether it was the
 * session of the browser asking, whose cookies then go too.
 */
export async function endOwnSession(
  db: Queryable,
  input: { actor: PartnerUserActor; id: string; meta: RequestMeta },
): Promise<{ current: boolean }> {
  const { actor, id, meta } = input;
  return db.transaction(async (tx) => {
    const ended = await deleteUserSession(tx, { userId: actor.userId, id, now: meta.now });
    if (!ended)
      throw notFound('session.not_found', 'No such session of yours: it has ended or is not yours.');
    const current = ended.tokenHash === actor.sessionTokenHash;
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'auth.session_ended',
      subjectType: 'session',
      subjectId: id,
      details: { current },
      meta,
    });
    return { current };
  });
}
