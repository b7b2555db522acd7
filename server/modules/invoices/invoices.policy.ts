import type { z } from 'zod';
import type { AdminInvoice } from '../../../contract/admin.ts';
import type { InvoiceStatus } from '../../../contract/orders.ts';

/**
 * What vendor staff may do with an invoice in the back office (SPEC §11a): settle it — record its
 * payment, or apply a credit note — while it is Not Paid; a settled invoice stays as it is. Every
 * staff member may (the routes admit vendor staff only), so the invoice's status decides.
 */
export function staffInvoiceActions(invoice: {
  status: InvoiceStatus;
}): z.infer<typeof AdminInvoice>['actions'] {
  const unpaid = invoice.status === 'not_paid';
  return { recordPayment: unpaid, creditNote: unpaid };
}
