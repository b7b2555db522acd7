import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditLog, AuditLogFilters } from '../../../contract/partner-users.ts';
import type { Queryable } from '../../db/client.ts';
import { auditLog, partnerUsers, vendorStaff } from '../../db/schema/index.ts';
import { dayRange } from '../../lib/day-range.ts';
import { containsPattern } from '../../shared/account-search.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';

/**
 * The partner's audit log (issue 10), newest first, for its admins: what its users did, and what
 * vendor staff did to its documents. Filters: the user's days, an action (or its beginning, such as
 * `order.`), and a user's email or a subject in part.
 */
export async function listPartnerAudit(
  db: Queryable,
  options: { actor: PartnerUserActor; filters: AuditLogFilters },
): Promise<z.input<typeof AuditLog>> {
  const { actor, filters: f } = options;
  const where: SQL | undefined = and(
    eq(auditLog.partnerId, actor.partner.id),
    dayRange(auditLog.occurredAt, f),
    f.action ? ilike(auditLog.action, f.action.endsWith('.') ? `${f.action}%` : f.action) : undefined,
    f.q
      ? or(ilike(auditLog.subjectId, containsPattern(f.q)), ilike(partnerUsers.email, containsPattern(f.q)))
      : undefined,
  );
  const [totalRow] = await db
    .select({ total: count() })
    .from(auditLog)
    .leftJoin(partnerUsers, eq(partnerUsers.id, auditLog.actorUserId))
    .where(where);
  const rows = await db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      userName: partnerUsers.name,
      userEmail: partnerUsers.email,
      staffName: vendorStaff.name,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(partnerUsers, eq(partnerUsers.id, auditLog.actorUserId))
    .leftJoin(vendorStaff, eq(vendorStaff.id, auditLog.actorStaffId))
    .where(where)
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurredAt.toISOString(),
      actor: r.userEmail
        ? `${r.userName} <${r.userEmail}>`
        : r.staffName
          ? `${r.staffName} (vendor staff)`
          : null,
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      details: r.details as Record<string, unknown>,
      ip: r.ip,
    })),
    total: totalRow?.total ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}
