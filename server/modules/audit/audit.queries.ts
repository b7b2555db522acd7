import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { AuditLogFilters } from '../../../contract/partner-users.ts';
import type { Queryable } from '../../db/client.ts';
import { auditLog, partnerUsers, vendorStaff } from '../../db/schema/index.ts';
import { dayRange } from '../../lib/day-range.ts';
import { containsPattern } from '../../shared/account-search.ts';

export async function insertAuditEntry(db: Queryable, values: typeof auditLog.$inferInsert): Promise<void> {
  await db.insert(auditLog).values(values);
}

/**
 * A partner's entries the filters keep: the user's days, an action (or its beginning, such as
 * `order.`), and a user's email or a subject in part.
 */
function partnerEntries(partnerId: string, f: AuditLogFilters): SQL | undefined {
  return and(
    eq(auditLog.partnerId, partnerId),
    dayRange(auditLog.occurredAt, f),
    f.action ? ilike(auditLog.action, f.action.endsWith('.') ? `${f.action}%` : f.action) : undefined,
    f.q
      ? or(ilike(auditLog.subjectId, containsPattern(f.q)), ilike(partnerUsers.email, containsPattern(f.q)))
      : undefined,
  );
}

export async function countPartnerAuditEntries(
  db: Queryable,
  partnerId: string,
  filters: AuditLogFilters,
): Promise<number> {
  const [totalRow] = await db
    .select({ total: count() })
    .from(auditLog)
    .leftJoin(partnerUsers, eq(partnerUsers.id, auditLog.actorUserId))
    .where(partnerEntries(partnerId, filters));
  return totalRow?.total ?? 0;
}

/** One page of a partner's entries, newest first, with the user or staff member who acted. */
export function findPartnerAuditPage(db: Queryable, partnerId: string, f: AuditLogFilters) {
  return db
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
    .where(partnerEntries(partnerId, f))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}
