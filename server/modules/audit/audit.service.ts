import type { AuditAction } from '../../../contract/audit-actions.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import type { Actor } from '../../shared/actor.ts';
import type { SessionOwner } from '../sessions/sessions.ts';
import { insertAuditEntry } from './audit.queries.ts';

export interface AuditEntry {
  partnerId: string | null;
  /** Who did it: a logged-in actor, a session owner (at login), or nobody known. */
  actor: Actor | SessionOwner | null;
  /** One of contract/audit-actions.ts, so that every action has its sentence on the page. */
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
  meta?: RequestMeta;
}

/** Users and staff are named by their ids; an account admin (a contact, no login) by email in details. */
function actorColumns(actor: AuditEntry['actor']) {
  const none = { actorUserId: null, actorStaffId: null };
  if (!actor) return none;
  if ('kind' in actor) {
    if (actor.kind === 'partner_user') return { actorUserId: actor.userId, actorStaffId: null };
    return actor.kind === 'vendor_staff' ? { actorUserId: null, actorStaffId: actor.staffId } : none;
  }
  if ('partnerUserId' in actor) return { actorUserId: actor.partnerUserId, actorStaffId: null };
  return 'vendorStaffId' in actor ? { actorUserId: null, actorStaffId: actor.vendorStaffId } : none;
}

/**
 * Written in the same transaction as the change it records, so the log never misses one; a
 * refused attempt (a failed login or email proof) is written outside any, so that it stays.
 */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await insertAuditEntry(db, {
    partnerId: entry.partnerId,
    ...actorColumns(entry.actor),
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    details: entry.meta ? { ...entry.details, requestId: entry.meta.requestId } : (entry.details ?? {}),
    // No address for work no request asked for (a recovery job).
    ip: entry.meta?.ip || null,
    ...(entry.meta ? { occurredAt: entry.meta.now } : {}),
  });
}
