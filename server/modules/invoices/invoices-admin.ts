import { and, count, desc, eq, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminInvoice } from '../../../contract/admin.ts';
import type { Queryable } from '../../db/client.ts';
import { creditNotes, customerAccounts, invoices, orders, partners } from '../../db/schema/index.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { todayUtc } from '../../lib/dates.ts';
import { DomainError } from '../../lib/errors.ts';
import { containsPattern } from '../../shared/account-search.ts';
import type { VendorStaffActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { applyCreditNote, recordInvoicePaid } from './invoices.service.ts';
import { invoiceNotFound } from './invoices-view.ts';

const columns = {
  id: invoices.id,
  partnerId: invoices.partnerId,
  invoiceNumber: invoices.invoiceNumber,
  partnerName: partners.name,
  customerName: customerAccounts.name,
  orderNumber: orders.orderNumber,
  issuedOn: invoices.issuedOn,
  dueOn: invoices.dueOn,
  paidOn: invoices.paidOn,
  paymentType: invoices.paymentType,
  status: invoices.status,
  currency: invoices.currency,
  amountMinor: invoices.amountMinor,
  creditNoteNumber: creditNotes.creditNoteNumber,
};

function selectInvoices(db: Queryable) {
  return db
    .select(columns)
    .from(invoices)
    .innerJoin(partners, eq(partners.id, invoices.partnerId))
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .innerJoin(customerAccounts, eq(customerAccounts.id, invoices.customerAccountId))
    .leftJoin(creditNotes, eq(creditNotes.invoiceId, invoices.id));
}
type Row = Awaited<ReturnType<ReturnType<typeof selectInvoices>['execute']>>[number];

const present = (row: Row, today: string): z.input<typeof AdminInvoice> => {
  const { id: _id, partnerId: _partnerId, ...rest } = row;
  return { ...rest, overdue: row.status === 'not_paid' && row.dueOn !== null && row.dueOn < today };
};

/** Every partner's invoices for vendor staff (SPEC §1): search, status or overdue, newest first. */
export async function listAllInvoices(
  db: Queryable,
  options: {
    now: Date;
    filters: {
      q?: string | undefined;
      status?: 'paid' | 'applied' | 'not_paid' | 'overdue' | undefined;
      page: number;
      pageSize: number;
    };
  },
) {
  const { filters: f } = options;
  const today = todayUtc(options.now);
  const text = f.q ? containsPattern(f.q) : null;
  const where: SQL | undefined = and(
    f.status === 'overdue'
      ? and(eq(invoices.status, 'not_paid'), lt(invoices.dueOn, today))
      : f.status
        ? eq(invoices.status, f.status)
        : undefined,
    text
      ? or(
          ilike(invoices.invoiceNumber, text),
          ilike(orders.orderNumber, text),
          ilike(partners.name, text),
          ilike(customerAccounts.name, text),
        )
      : undefined,
  );
  const [total] = await db
    .select({ total: count() })
    .from(invoices)
    .innerJoin(partners, eq(partners.id, invoices.partnerId))
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .innerJoin(customerAccounts, eq(customerAccounts.id, invoices.customerAccountId))
    .where(where);
  const rows = await selectInvoices(db)
    .where(where)
    .orderBy(desc(invoices.issuedOn), desc(invoices.invoiceNumber))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    items: rows.map((r) => present(r, today)),
    total: total?.total ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}

async function findForStaff(db: Queryable, invoiceNumber: string): Promise<Row> {
  const [row] = await selectInvoices(db).where(eq(invoices.invoiceNumber, invoiceNumber));
  if (!row) throw invoiceNotFound(invoiceNumber);
  return row;
}

const notUnpaid = (row: Row) =>
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
