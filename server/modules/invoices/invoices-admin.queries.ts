import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { creditNotes, customerAccounts, invoices, orders, partners } from '../../db/schema/index.ts';
import { containsPattern } from '../../shared/account-search.ts';
import { overdueOn } from './invoices.queries.ts';

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
export type StaffInvoiceRow = Awaited<ReturnType<ReturnType<typeof selectInvoices>['execute']>>[number];

export interface StaffInvoiceFilters {
  q?: string | undefined;
  status?: 'paid' | 'applied' | 'not_paid' | 'overdue' | undefined;
  page: number;
  pageSize: number;
}

/** Invoices a staff search keeps: a status (overdue: not paid and due before `today`), and text in part. */
function staffSearch(f: StaffInvoiceFilters, today: string): SQL | undefined {
  const text = f.q ? containsPattern(f.q) : null;
  return and(
    f.status === 'overdue' ? overdueOn(today) : f.status ? eq(invoices.status, f.status) : undefined,
    text
      ? or(
          ilike(invoices.invoiceNumber, text),
          ilike(orders.orderNumber, text),
          ilike(partners.name, text),
          ilike(customerAccounts.name, text),
        )
      : undefined,
  );
}

export async function countStaffInvoices(
  db: Queryable,
  f: StaffInvoiceFilters,
  today: string,
): Promise<number> {
  const [total] = await db
    .select({ total: count() })
    .from(invoices)
    .innerJoin(partners, eq(partners.id, invoices.partnerId))
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .innerJoin(customerAccounts, eq(customerAccounts.id, invoices.customerAccountId))
    .where(staffSearch(f, today));
  return total?.total ?? 0;
}

/** One page of the staff search, newest first. */
export function findStaffInvoicePage(db: Queryable, f: StaffInvoiceFilters, today: string) {
  return selectInvoices(db)
    .where(staffSearch(f, today))
    .orderBy(desc(invoices.issuedOn), desc(invoices.invoiceNumber))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}

/** Any partner's invoice by number, as staff see it. */
export async function findStaffInvoice(
  db: Queryable,
  invoiceNumber: string,
): Promise<StaffInvoiceRow | undefined> {
  const [row] = await selectInvoices(db).where(eq(invoices.invoiceNumber, invoiceNumber));
  return row;
}
