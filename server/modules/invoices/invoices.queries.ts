import { and, asc, count, desc, eq, gte, lt, lte, min, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { identifierPatterns } from '../../../contract/identifiers.ts';
import type { InvoiceFilterStatus } from '../../../contract/invoices.ts';
import type { BillingAddress } from '../../../contract/quotes.ts';
import type { Queryable } from '../../db/client.ts';
import { afterRow, keysetBatches } from '../../db/keyset.ts';
import { pageWindow, shapedListPage } from '../../db/page-total.ts';
import {
  creditNotes,
  customerAccounts,
  invoices,
  orderLines,
  orders,
  partners,
  payments,
  products,
  quotes,
} from '../../db/schema/index.ts';
import { preparedStatement, shapedStatements, shapeKey } from '../../db/shaped-statements.ts';
import { documentSearchCondition } from '../../shared/account-search.ts';

/** What the list search reads of invoices. */
const searchableInvoices = {
  partnerId: invoices.partnerId,
  customerAccountId: invoices.customerAccountId,
  number: invoices.invoiceNumber,
  endUserEmail: invoices.endUserEmail,
};

export interface InvoiceFilters {
  partnerId: string;
  /** Days of issue (invoices are dated, not timed). */
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  status?: InvoiceFilterStatus | undefined;
  today: string;
  page: number;
  pageSize: number;
}

/** Not Paid and past its due date: `isOverdue` (overdue.ts) in SQL. */
export const overdueOn = (today: string | Placeholder) =>
  and(eq(invoices.status, 'not_paid'), lt(invoices.dueOn, today));

function statusCondition(status: InvoiceFilterStatus, today: Placeholder): SQL | undefined {
  return status === 'overdue' ? overdueOn(today) : eq(invoices.status, status);
}

const summaryColumns = {
  id: invoices.id,
  invoiceNumber: invoices.invoiceNumber,
  issuedOn: invoices.issuedOn,
  paidOn: invoices.paidOn,
  dueOn: invoices.dueOn,
  paymentType: invoices.paymentType,
  status: invoices.status,
  currency: invoices.currency,
  amountMinor: invoices.amountMinor,
  poNumber: invoices.poNumber,
  endUserEmail: invoices.endUserEmail,
  orderId: invoices.orderId,
  orderNumber: orders.orderNumber,
  customerId: customerAccounts.customerId,
  customerName: customerAccounts.name,
  customerCountry: customerAccounts.country,
};

/** What makes two list statements differ: the filters set, the status, a search's condition. */
interface InvoiceListShape {
  from: boolean;
  to: boolean;
  status: InvoiceFilterStatus | undefined;
  search: SQL | undefined;
}

/** The values of a list statement's placeholders (days of issue: invoices are dated, not timed). */
type InvoiceListValues = {
  partnerId: string;
  from: string | undefined;
  to: string | undefined;
  today: string;
  limit: number;
  offset: number;
};

const placeholder = (name: keyof InvoiceListValues) => sql.placeholder(name);

function invoiceConditions(shape: InvoiceListShape): SQL | undefined {
  return and(
    eq(invoices.partnerId, placeholder('partnerId')),
    shape.from ? gte(invoices.issuedOn, placeholder('from')) : undefined,
    shape.to ? lte(invoices.issuedOn, placeholder('to')) : undefined,
    shape.status ? statusCondition(shape.status, placeholder('today')) : undefined,
    shape.search,
  );
}

const keyOf = ({ search, from, to, status }: InvoiceListShape) =>
  search ? null : shapeKey({ from, to, status });

const countingInvoices = (db: Queryable, shape: InvoiceListShape) =>
  db.select({ total: count() }).from(invoices).where(invoiceConditions(shape));

const invoicePage = shapedListPage('invoice', keyOf, countingInvoices, (db, shape: InvoiceListShape, total) =>
  db
    .select({ ...summaryColumns, total })
    .from(invoices)
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .innerJoin(customerAccounts, eq(customerAccounts.id, invoices.customerAccountId))
    .where(invoiceConditions(shape))
    .orderBy(desc(invoices.issuedOn), desc(invoices.invoiceNumber))
    .limit(placeholder('limit'))
    .offset(placeholder('offset')),
);

/** The statement's shape for the filters: a search's condition is looked up once, here. */
async function shapeOf(
  db: Queryable,
  f: Omit<InvoiceFilters, 'page' | 'pageSize'>,
): Promise<InvoiceListShape> {
  const search = f.q
    ? ((await documentSearchCondition(
        db,
        searchableInvoices,
        identifierPatterns.invoiceNumber,
        f.partnerId,
        f.q,
      )) ?? sql`false`)
    : undefined;
  return { from: Boolean(f.from), to: Boolean(f.to), status: f.status, search };
}

/** The partner's own invoices only: another partner's cannot appear, whatever the filters. */
export async function listInvoiceRows(db: Queryable, f: InvoiceFilters) {
  const shape = await shapeOf(db, f);
  const values: InvoiceListValues = {
    partnerId: f.partnerId,
    from: f.from,
    to: f.to,
    today: f.today,
    ...pageWindow(f.page, f.pageSize),
  };
  return invoicePage(db, shape, values);
}
export type InvoiceRow = Awaited<ReturnType<typeof listInvoiceRows>>['items'][number];

const invoiceExportBatch = shapedStatements('invoice_export', keyOf, (db, shape: InvoiceListShape) =>
  db
    .select(summaryColumns)
    .from(invoices)
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .innerJoin(customerAccounts, eq(customerAccounts.id, invoices.customerAccountId))
    .where(and(invoiceConditions(shape), afterRow(invoices, [invoices.issuedOn, invoices.invoiceNumber])))
    .orderBy(desc(invoices.issuedOn), desc(invoices.invoiceNumber))
    .limit(placeholder('limit')),
);

/** Every invoice of the list's filters, in its order, in batches (see keysetBatches). */
export async function* invoiceRowBatches(
  db: Queryable,
  f: Omit<InvoiceFilters, 'page' | 'pageSize'>,
  batchSize: number,
): AsyncGenerator<InvoiceRow[]> {
  const shape = await shapeOf(db, f);
  const values = { partnerId: f.partnerId, from: f.from, to: f.to, today: f.today };
  yield* keysetBatches<InvoiceRow>(batchSize, (after, limit) =>
    invoiceExportBatch(db, shape, { ...values, limit, after: after?.invoiceNumber ?? null }),
  );
}

const productsOfOrderIds = preparedStatement('invoice_order_products', (db) =>
  db
    .select({
      orderId: orderLines.orderId,
      productCode: orderLines.productCode,
      productName: products.name,
      quantity: orderLines.quantity,
      kind: orderLines.kind,
    })
    .from(orderLines)
    .innerJoin(products, eq(products.code, orderLines.productCode))
    // One statement for any number of orders: an array parameter instead of a list of them.
    .where(sql`${orderLines.orderId} = any(${sql.placeholder('orderIds')}::uuid[])`)
    .orderBy(asc(orderLines.orderId), asc(orderLines.lineNo)),
);

/** The products and quantities of the orders of some invoices, line by line. */
export async function productsOfOrders(db: Queryable, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return productsOfOrderIds(db, { orderIds });
}

const invoiceByNumber = preparedStatement('invoice_view', (db) =>
  db
    .select({
      ...summaryColumns,
      document: orders.document,
      quoteBillTo: sql<BillingAddress | null>`${quotes.document}->'billingAddress'`,
      partnerBillTo: partners.billingAddress,
      payment: { provider: payments.provider, brand: payments.brand, last4: payments.last4 },
      creditNote: {
        creditNoteNumber: creditNotes.creditNoteNumber,
        issuedOn: creditNotes.issuedOn,
        reason: creditNotes.reason,
        amountMinor: creditNotes.amountMinor,
      },
    })
    .from(invoices)
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .innerJoin(customerAccounts, eq(customerAccounts.id, invoices.customerAccountId))
    .innerJoin(partners, eq(partners.id, invoices.partnerId))
    .leftJoin(quotes, eq(quotes.id, orders.quoteId))
    .leftJoin(payments, eq(payments.orderId, invoices.orderId))
    .leftJoin(creditNotes, eq(creditNotes.invoiceId, invoices.id))
    .where(
      and(
        eq(invoices.partnerId, sql.placeholder('partnerId')),
        eq(invoices.invoiceNumber, sql.placeholder('invoiceNumber')),
      ),
    ),
);

/** One invoice of this partner, with its order's document, payment and credit note. */
export async function findInvoice(db: Queryable, scope: { partnerId: string; invoiceNumber: string }) {
  const [row] = await invoiceByNumber(db, scope);
  return row ?? null;
}

/** The partner's unpaid invoices past due: how many, and the oldest due date (partial index). */
export async function countOverdue(db: Queryable, partnerId: string, today: string) {
  const [row] = await db
    .select({ count: count(), oldestDueOn: min(invoices.dueOn) })
    .from(invoices)
    .where(and(eq(invoices.partnerId, partnerId), overdueOn(today)));
  return { count: row?.count ?? 0, oldestDueOn: row?.oldestDueOn ?? null };
}
