import type { SQL } from 'drizzle-orm';
import type { AuditAction } from '../../../contract/audit-actions.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import type { Actor } from '../../shared/actor.ts';
import type { SessionOwner } from '../sessions/sessions.ts';
import { type AuditParams, type AuditRow, auditEntryCte, insertAuditEntry } from './audit.queries.ts';

export type { AuditParams };

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
  await insertAuditEntry(db, auditRow(entry));
}

/**
 * An entry as part of a caller's statement (a common table expression named `name`), written with
 * the change it records in one round trip; `auditParams` gives an entry's values.
 */
export function auditCte(name: string, params: AuditParams): SQL {
  return auditEntryCte(name, params);
}

/** An entry's values for `auditCte`: the row `recordAudit` writes, JSON as text, times as ISO text. */
export function auditParams(entry: AuditEntry): AuditParams {
  const row = auditRow(entry);
  return {
    partnerId: row.partnerId ?? null,
    actorUserId: row.actorUserId ?? null,
    actorStaffId: row.actorStaffId ?? null,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    details: JSON.stringify(row.details ?? {}),
    ip: row.ip ?? null,
    occurredAt: row.occurredAt?.toISOString() ?? null,
  };
}

function auditRow(entry: AuditEntry): AuditRow {
  return {
    partnerId: entry.partnerId,
    ...actorColumns(entry.actor),
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    details: entry.meta ? { ...entry.details, requestId: entry.meta.requestId } : (entry.details ?? {}),
    // No address for work no request asked for (a recovery job).
    ip: entry.meta?.ip || null,
    ...(entry.meta ? { occurredAt: entry.meta.now } : {}),
  };
}
