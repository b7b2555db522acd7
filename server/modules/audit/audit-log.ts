import type { z } from 'zod';
import type { AuditLog, AuditLogFilters } from '../../../contract/partner-users.ts';
import type { Queryable } from '../../db/client.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { countPartnerAuditEntries, findPartnerAuditPage } from './audit.queries.ts';

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
  const total = await countPartnerAuditEntries(db, actor.partner.id, f);
  const rows = await findPartnerAuditPage(db, actor.partner.id, f);
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
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}
