import type { InvoiceStatus } from '../../../contract/orders.ts';

/**
 * An invoice is overdue while it is Not Paid and its due date has passed (SPEC §11): due today is not
 * yet overdue. `overdueOn` in invoices.queries.ts is the same rule in SQL, for filters and counts.
 */
export function isOverdue(invoice: { status: InvoiceStatus; dueOn: string | null }, today: string): boolean {
  return invoice.status === 'not_paid' && invoice.dueOn !== null && invoice.dueOn < today;
}
