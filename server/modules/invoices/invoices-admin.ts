import type { z } from 'zod';
import type { AdminInvoice } from '../../../contract/admin.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { todayUtc } from '../../lib/dates.ts';
import { DomainError } from '../../lib/errors.ts';
import type { VendorStaffActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { staffInvoiceActions } from './invoices.policy.ts';
import { applyCreditNote, recordInvoicePaid } from './invoices.service.ts';
import {
  countStaffInvoices,
  findStaffInvoice,
  findStaffInvoicePage,
  type StaffInvoiceFilters,
  type StaffInvoiceRow,
} from './invoices-admin.queries.ts';
import { invoiceNotFound } from './invoices-view.ts';
import { isOverdue } from './overdue.ts';

const present = (row: StaffInvoiceRow, today: string): z.input<typeof AdminInvoice> => {
  const { id: _id, partnerId: _partnerId, ...rest } = row;
  return {
    ...rest,
    overdue: isOverdue(row, today),
    actions: staffInvoiceActions(row),
  };
};

/** Every partner's invoices for vendor staff (SPEC §1): search, status or overdue, newest first. */
export async function listAllInvoices(
  db: Queryable,
  options: {
    now: Date;
    filters: StaffInvoiceFilters;
  },
) {
  const { filters: f } = options;
  const today = todayUtc(options.now);
  const total = await countStaffInvoices(db, f, today);
  const rows = await findStaffInvoicePage(db, f, today);
  return {
    items: rows.map((r) => present(r, today)),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}

async function findForStaff(db: Queryable, invoiceNumber: string): Promise<StaffInvoiceRow> {
  const row = await findStaffInvoice(db, invoiceNumber);
  if (!row) throw invoiceNotFound(invoiceNumber);
  return row;
}

const notUnpaid = (row: StaffInvoiceRow) =>
  new DomainError(
    'conflict',
    'invoice.not_unpaid',
    `Invoice ${row.invoiceNumber} is ${row.status}: it is settled already.`,
    {
      params: { invoiceNumber: row.invoiceNumber, status: row.status },
    },
  );

interface StaffOptions {
  actor: VendorStaffActor;
  meta: RequestMeta;
  invoiceNumber: string;
}

/** Records the payment of a postpaid invoice (Postpaid → Paid), audited in the partner's log. */
export async function recordPaymentAsStaff(
  db: Queryable,
  options: StaffOptions & { paidOn: string },
): Promise<z.input<typeof AdminInvoice>> {
  return db.transaction(async (tx) => {
    const row = await findForStaff(tx, options.invoiceNumber);
    if (!staffInvoiceActions(row).recordPayment) throw notUnpaid(row);
    // The update is guarded by the status too, for a settlement made since the row was read.
    if (!(await recordInvoicePaid(tx, { invoiceId: row.id, paidOn: options.paidOn }))) throw notUnpaid(row);
    await recordAudit(tx, {
      partnerId: row.partnerId,
      actor: options.actor,
      action: 'invoice.paid',
      subjectType: 'invoice',
      subjectId: row.invoiceNumber,
      details: { paidOn: options.paidOn, amountMinor: row.amountMinor },
      meta: options.meta,
    });
    return present(await findForStaff(tx, options.invoiceNumber), todayUtc(options.meta.now));
  });
}

/** Settles an unpaid invoice with a credit note (→ Applied), audited in the partner's log. */
export async function creditNoteAsStaff(
  db: Queryable,
  options: StaffOptions & { reason: string },
): Promise<z.input<typeof AdminInvoice>> {
  const { meta } = options;
  return db.transaction(async (tx) => {
    const row = await findForStaff(tx, options.invoiceNumber);
    if (!staffInvoiceActions(row).creditNote) throw notUnpaid(row);
    const note = await applyCreditNote(tx, {
      invoiceId: row.id,
      reason: options.reason,
      today: todayUtc(meta.now),
      now: meta.now,
    });
    if (!note) throw notUnpaid(row);
    await recordAudit(tx, {
      partnerId: row.partnerId,
      actor: options.actor,
      action: 'invoice.credited',
      subjectType: 'invoice',
      subjectId: row.invoiceNumber,
      details: { creditNoteNumber: note.creditNoteNumber, reason: options.reason },
      meta,
    });
    return present(await findForStaff(tx, options.invoiceNumber), todayUtc(meta.now));
  });
}
