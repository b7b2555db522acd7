import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { identifierPatterns } from '../../../contract/identifiers.ts';
import type { Queryable } from '../../db/client.ts';
import { afterRow, keysetBatches } from '../../db/keyset.ts';
import { pageWindow, shapedListPage } from '../../db/page-total.ts';
import { customerAccounts, invoices, orders, quotes } from '../../db/schema/index.ts';
import { shapedStatements, shapeKey } from '../../db/shaped-statements.ts';
import { dayBounds, withinDays } from '../../lib/day-range.ts';
import { documentSearchCondition } from '../../shared/account-search.ts';

/** What the list search reads of orders. */
const searchableOrders = {
  partnerId: orders.partnerId,
  customerAccountId: orders.customerAccountId,
  number: orders.orderNumber,
  endUserEmail: orders.endUserEmail,
  poNumber: orders.poNumber,
};

export interface OrderFilters {
  partnerId: string;
  from?: string | undefined;
  to?: string | undefined;
  utcOffset?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** What makes two list statements differ: the date filters set, a search's condition. */
interface OrderListShape {
  from: boolean;
  to: boolean;
  search: SQL | undefined;
}

/** The values of a list statement's placeholders. */
type OrderListValues = {
  partnerId: string;
  from: Date | undefined;
  to: Date | undefined;
  limit: number;
  offset: number;
};

const placeholder = (name: keyof OrderListValues) => sql.placeholder(name);

function orderConditions(shape: OrderListShape): SQL | undefined {
  return and(
    eq(orders.partnerId, placeholder('partnerId')),
    withinDays(orders.createdAt, shape),
    shape.search,
  );
}

const keyOf = ({ search, from, to }: OrderListShape) => (search ? null : shapeKey({ from, to }));

const countingOrders = (db: Queryable, shape: OrderListShape) =>
  db.select({ total: count() }).from(orders).where(orderConditions(shape));

const summaryColumns = {
  orderNumber: orders.orderNumber,
  quoteNumber: quotes.quoteNumber,
  customerId: customerAccounts.customerId,
  customerName: customerAccounts.name,
  customerCountry: customerAccounts.country,
  endUserEmail: orders.endUserEmail,
  poNumber: orders.poNumber,
  currency: orders.currency,
  totalMinor: orders.totalMinor,
  createdAt: orders.createdAt,
  invoiceNumber: invoices.invoiceNumber,
  invoiceStatus: invoices.status,
  paymentType: invoices.paymentType,
};

const orderPage = shapedListPage('order', keyOf, countingOrders, (db, shape: OrderListShape, total) =>
  db
    .select({ ...summaryColumns, total })
    .from(orders)
    .innerJoin(customerAccounts, eq(customerAccounts.id, orders.customerAccountId))
    .leftJoin(quotes, eq(quotes.id, orders.quoteId))
    .leftJoin(invoices, eq(invoices.orderId, orders.id))
    .where(orderConditions(shape))
    .orderBy(desc(orders.createdAt), desc(orders.orderNumber))
    .limit(placeholder('limit'))
    .offset(placeholder('offset')),
);

/** The statement's shape for the filters: a search's condition is looked up once, here. */
async function shapeOf(db: Queryable, f: Omit<OrderFilters, 'page' | 'pageSize'>): Promise<OrderListShape> {
  const search = f.q
    ? ((await documentSearchCondition(
        db,
        searchableOrders,
        identifierPatterns.orderNumber,
        f.partnerId,
        f.q,
      )) ?? sql`false`)
    : undefined;
  return { from: Boolean(f.from), to: Boolean(f.to), search };
}

/** The partner's own orders only: another partner's cannot appear, whatever the filters. */
export async function listOrderSummaries(db: Queryable, f: OrderFilters) {
  const shape = await shapeOf(db, f);
  const values: OrderListValues = {
    partnerId: f.partnerId,
    ...dayBounds(f),
    ...pageWindow(f.page, f.pageSize),
  };
  return orderPage(db, shape, values);
}

const orderExportBatch = shapedStatements('order_export', keyOf, (db, shape: OrderListShape) =>
  db
    .select(summaryColumns)
    .from(orders)
    .innerJoin(customerAccounts, eq(customerAccounts.id, orders.customerAccountId))
    .leftJoin(quotes, eq(quotes.id, orders.quoteId))
    .leftJoin(invoices, eq(invoices.orderId, orders.id))
    .where(and(orderConditions(shape), afterRow(orders, [orders.createdAt, orders.orderNumber])))
    .orderBy(desc(orders.createdAt), desc(orders.orderNumber))
    .limit(placeholder('limit')),
);

/** An order as the list shows it (and its CSV). */
export type OrderSummaryRow = Awaited<ReturnType<typeof orderExportBatch>>[number];

/** Every order of the list's filters, in its order, in batches (see keysetBatches). */
export async function* orderSummaryBatches(
  db: Queryable,
  f: Omit<OrderFilters, 'page' | 'pageSize'>,
  batchSize: number,
): AsyncGenerator<OrderSummaryRow[]> {
  const shape = await shapeOf(db, f);
  const values = { partnerId: f.partnerId, ...dayBounds(f) };
  yield* keysetBatches<OrderSummaryRow>(batchSize, (after, limit) =>
    orderExportBatch(db, shape, { ...values, limit, after: after?.orderNumber ?? null }),
  );
}
