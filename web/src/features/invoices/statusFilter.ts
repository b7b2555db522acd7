import type { InvoiceFilterStatus } from '../../../../contract/index.ts';

/**
 * The text of a status an invoice list filters by: an invoice's own status, or Overdue (unpaid
 * past its due date, which the server decides and sends as `overdue`).
 */
export function statusFilterLabelKey(value: InvoiceFilterStatus): string {
  return value === 'overdue' ? 'invoicesList.overdue' : `invoice.status.${value}`;
}

/** The back office's order: unpaid and overdue first, the invoices staff act on. */
export const staffStatusFilters: readonly InvoiceFilterStatus[] = ['not_paid', 'overdue', 'paid', 'applied'];

/** Options of a status filter, with "any status" (the empty value) first when `anyLabel` is given. */
export function statusFilterOptions(
  values: readonly InvoiceFilterStatus[],
  translate: (key: string) => string,
  anyLabel?: string,
): { value: string; label: string }[] {
  const options = values.map((value) => ({ value, label: translate(statusFilterLabelKey(value)) }));
  return anyLabel === undefined ? options : [{ value: '', label: anyLabel }, ...options];
}
