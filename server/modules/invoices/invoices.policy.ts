import type { z } from 'zod';
import type { AdminInvoice } from '../../../contract/admin.ts';
import type { InvoiceDetails } from '../../../contract/invoices.ts';
import type { InvoiceStatus } from '../../../contract/orders.ts';
import { can, type PartnerUserActor } from '../../shared/actor.ts';

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

/**
 * What a partner user may do with one of their partner's invoices (issue 18): Pay now while it is
 * Not Paid (a postpaid invoice), for those who handle invoices and payment methods. Invoices are read
 * only within their own partner (the queries are scoped), so role and status decide.
 */
export function invoiceActions(
  actor: PartnerUserActor,
  invoice: { status: InvoiceStatus },
): z.infer<typeof InvoiceDetails>['actions'] {
  return { pay: invoice.status === 'not_paid' && can(actor, 'invoices.pay') };
}
