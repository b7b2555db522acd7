import type { z } from 'zod';
import type { Currency } from '../../../contract/money.ts';
import type { AuditEntry, AuditLog, AuditLogFilters } from '../../../contract/partner-users.ts';
import type { Queryable } from '../../db/client.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { type AuditPageRow, findPartnerAuditPage } from './audit.queries.ts';

type Entry = z.input<typeof AuditEntry>;

/**
 * The portal page that shows an entry's subject, where the partner may open it: its own orders,
 * quotes and invoices (found by the join, so another partner's number links nowhere), its users,
 * the customer accounts it manages, its payment methods and its profile.
 */
function linkOf(r: AuditPageRow): string | null {
  const path = (...parts: string[]) => `/${parts.map(encodeURIComponent).join('/')}`;
  switch (r.subjectType) {
    case 'order':
      return r.orderNumber ? path('orders', r.orderNumber) : null;
    case 'quote':
      return r.quoteNumber ? path('quotes', r.quoteNumber) : null;
    case 'invoice':
      return r.invoiceNumber ? path('invoices', r.invoiceNumber) : null;
    case 'partner_user':
      return '/company/users';
    case 'payment_method':
      return '/payment-methods';
    case 'partner':
      return '/company';
    case 'customer_account':
    case 'license':
      return r.accountManaged && r.accountCustomerId
        ? path('customers', r.accountCustomerId, 'licensing-report')
        : null;
    default:
      return null;
  }
}

function actorOf(r: AuditPageRow): Entry['actor'] {
  if (r.userName !== null) return { kind: 'partner_user', name: r.userName, email: r.userEmail };
  if (r.staffName !== null) return { kind: 'vendor_staff', name: r.staffName, email: null };
  return null;
}

/** An entry as the page shows it: who, what, about what (by name, with its link), for whom, how much. */
export function entryOf(r: AuditPageRow): Entry {
  const { requestId: _requestId, ...details } = r.details as Record<string, unknown>;
  return {
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    actor: actorOf(r),
    action: r.action,
    subject: { kind: r.subjectType, id: r.subjectId, name: r.subjectUserName, link: linkOf(r) },
    account:
      r.accountCustomerId && r.accountName ? { customerId: r.accountCustomerId, name: r.accountName } : null,
    amount:
      r.amountMinor !== null && r.currency
        ? { minor: r.amountMinor, currency: r.currency as Currency }
        : null,
    details,
    ip: r.ip,
  };
}

/**
 * The partner's audit log (issue 10), newest first, for its admins: what its users did, and what
 * vendor staff did to its documents, resolved to names (issue 18) so that the page reads each
 * entry as a sentence. Filters: the user's days, an action (or its beginning, such as `order.`),
 * and a user's email or name, or a subject, in part.
 */
export async function listPartnerAudit(
  db: Queryable,
  options: { actor: PartnerUserActor; filters: AuditLogFilters },
): Promise<z.input<typeof AuditLog>> {
  const { actor, filters: f } = options;
  const { items, total } = await findPartnerAuditPage(db, actor.partner.id, f);
  return { items: items.map(entryOf), total, page: f.page, pageSize: f.pageSize };
}
