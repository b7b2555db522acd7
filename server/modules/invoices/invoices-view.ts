import type { z } from 'zod';
import type {
  InvoiceDetails,
  InvoiceList,
  InvoiceListFilters,
  InvoiceSummary,
  OverdueInvoices,
} from '../../../contract/invoices.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { todayUtc } from '../../lib/dates.ts';
import { DomainError } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { withBreakdown } from '../../shared/line-pricing.ts';
import { relatedDocuments } from '../related/related-documents.ts';
import { invoiceActions } from './invoices.policy.ts';
import {
  countOverdue,
  findInvoice,
  type InvoiceRow,
  listInvoiceRows,
  productsOfOrders,
} from './invoices.queries.ts';
import { isOverdue } from './overdue.ts';

interface Options {
  actor: PartnerUserActor;
  meta: RequestMeta;
}

export const invoiceNotFound = (invoiceNumber: string) =>
  new DomainError('not_found', 'invoice.not_found', `No invoice ${invoiceNumber}.`, {
    params: { invoiceNumber },
  });

function present(
  row: InvoiceRow,
  products: z.input<typeof InvoiceSummary>['products'],
  today: string,
): z.input<typeof InvoiceSummary> {
  const unpaid = row.status === 'not_paid';
  return {
    invoiceNumber: row.invoiceNumber,
    issuedOn: row.issuedOn,
    paidOn: row.paidOn,
    dueOn: row.dueOn,
    paymentType: row.paymentType,
    status: row.status,
    overdue: isOverdue(row, today),
    currency: row.currency,
    amountMinor: row.amountMinor,
    amountDueMinor: unpaid ? row.amountMinor : 0,
    orderNumber: row.orderNumber,
    poNumber: row.poNumber,
    customer: { customerId: row.customerId, name: row.customerName, country: row.customerCountry },
    customerEmail: row.endUserEmail,
    products,
  };
}

/** The Invoices tab (SPEC §11): this partner's invoices, newest first, searched and paginated. */
export async function listInvoices(
  db: Queryable,
  options: Options & { filters: InvoiceListFilters },
): Promise<z.input<typeof InvoiceList>> {
  const { actor, meta, filters } = options;
  const today = todayUtc(meta.now);
  const { items, total } = await listInvoiceRows(db, { partnerId: actor.partner.id, ...filters, today });
  const lines = await productsOfOrders(
    db,
    items.map((i) => i.orderId),
  );
  return {
    items: items.map((row) =>
      present(
        row,
        lines.filter((l) => l.orderId === row.orderId).map(({ orderId: _, ...product }) => product),
        today,
      ),
    ),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

/** One invoice: the tab's fields, the lines as ordered, the payment and any credit note. */
export async function getInvoice(
  db: Queryable,
  options: Options & { invoiceNumber: string },
): Promise<z.input<typeof InvoiceDetails>> {
  const { actor, meta, invoiceNumber } = options;
  const row = await findInvoice(db, { partnerId: actor.partner.id, invoiceNumber });
  if (!row) throw invoiceNotFound(invoiceNumber);
  const lines = row.document?.lines ?? [];
  return {
    ...present(
      row,
      (await productsOfOrders(db, [row.orderId])).map(({ orderId: _, ...product }) => product),
      todayUtc(meta.now),
    ),
    billTo: row.quoteBillTo ?? row.partnerBillTo ?? null,
    lines: lines.map(withBreakdown),
    payment: row.payment?.provider ? row.payment : null,
    creditNote: row.creditNote?.creditNoteNumber ? row.creditNote : null,
    related: await relatedDocuments(db, actor, { kind: 'invoice', number: row.invoiceNumber }),
    actions: invoiceActions(actor, row),
  };
}

/** Whether the Invoices tab warns: the partner's unpaid invoices past due. */
export function overdueInvoices(db: Queryable, options: Options): Promise<z.input<typeof OverdueInvoices>> {
  return countOverdue(db, options.actor.partner.id, todayUtc(options.meta.now));
}
