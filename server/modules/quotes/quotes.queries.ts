import {
  and,
  count,
  desc,
  eq,
  gte,
  inArray,
  lt,
  type Placeholder,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { identifierPatterns } from '../../../contract/identifiers.ts';
import type { QuoteStatus } from '../../../contract/quotes.ts';
import type { Queryable } from '../../db/client.ts';
import type { StoredQuote } from '../../db/documents/quote-document.ts';
import { afterRow, keysetBatches } from '../../db/keyset.ts';
import { pageWindow, shapedListPage } from '../../db/page-total.ts';
import { resalePricesOfQuote } from '../../db/quote-resale-prices.ts';
import { customerAccounts, licenses, quoteLineLicenses, quoteLines, quotes } from '../../db/schema/index.ts';
import { shapedStatements, shapeKey } from '../../db/shaped-statements.ts';
import { chunksOf } from '../../lib/chunks.ts';
import { dayBounds, withinDays } from '../../lib/day-range.ts';
import { jsonObject } from '../../lib/json-sql.ts';
import { documentSearchCondition } from '../../shared/account-search.ts';

/** What the list search reads of quotes. */
const searchableQuotes = {
  partnerId: quotes.partnerId,
  customerAccountId: quotes.customerAccountId,
  number: quotes.quoteNumber,
  endUserEmail: quotes.endUserEmail,
  poNumber: quotes.poNumber,
};

const qb = new QueryBuilder();

const storedQuote = jsonObject({
  document: quotes.document,
  status: quotes.status,
  cancelledAt: quotes.cancelledAt,
  resalePrices: resalePricesOfQuote,
});

/**
 * The quote `quoteNumber` of the partner `partnerId` as issued, with its status, as a scalar
 * subquery: another partner's quote is not there at all. Used alone, and inside the session lookup
 * of GET /api/quotes/:quoteNumber.
 */
export function storedQuoteOf(
  partnerId: SQLWrapper | string,
  quoteNumber: SQLWrapper | string,
): SQL<StoredQuote> {
  const select = qb
    .select({ stored: storedQuote })
    .from(quotes)
    .where(and(eq(quotes.partnerId, partnerId), eq(quotes.quoteNumber, quoteNumber)));
  return sql<StoredQuote>`(${select})`;
}

export interface QuoteFilters {
  partnerId: string;
  from?: string | undefined;
  to?: string | undefined;
  utcOffset?: number | undefined;
  q?: string | undefined;
  /** Status as the list shows it; `open` and `expired` are told apart by `today`. */
  status?: QuoteStatus | undefined;
  today: string;
  page: number;
  pageSize: number;
}

const summaryColumns = {
  quoteNumber: quotes.quoteNumber,
  origin: quotes.origin,
  status: quotes.status,
  endUserEmail: quotes.endUserEmail,
  poNumber: quotes.poNumber,
  currency: quotes.currency,
  totalMinor: quotes.totalMinor,
  createdAt: quotes.createdAt,
  validUntil: quotes.validUntil,
  customerId: customerAccounts.customerId,
  customerName: customerAccounts.name,
  customerCountry: customerAccounts.country,
};
export type QuoteSummaryRow = {
  [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['notNull'] extends true
    ? (typeof summaryColumns)[K]['_']['data']
    : (typeof summaryColumns)[K]['_']['data'] | null;
};

/** An open quote past its last valid day shows as expired (see quote-status.ts). */
function statusCondition(status: QuoteStatus, today: Placeholder): SQL | undefined {
  switch (status) {
    case 'open':
      return and(eq(quotes.status, 'open'), gte(quotes.validUntil, today));
    case 'expired':
      return and(eq(quotes.status, 'open'), lt(quotes.validUntil, today));
    default:
      return eq(quotes.status, status);
  }
}

/** What makes two list statements differ: the filters set, the status, a search's condition. */
interface QuoteListShape {
  from: boolean;
  to: boolean;
  status: QuoteStatus | undefined;
  search: SQL | undefined;
}

/** The values of a list statement's placeholders. */
type QuoteListValues = {
  partnerId: string;
  from: Date | undefined;
  to: Date | undefined;
  today: string;
  limit: number;
  offset: number;
};

const placeholder = (name: keyof QuoteListValues) => sql.placeholder(name);

function quoteConditions(shape: QuoteListShape): SQL | undefined {
  return and(
    eq(quotes.partnerId, placeholder('partnerId')),
    withinDays(quotes.createdAt, shape),
    shape.search,
    shape.status ? statusCondition(shape.status, placeholder('today')) : undefined,
  );
}

const keyOf = ({ search, from, to, status }: QuoteListShape) =>
  search ? null : shapeKey({ from, to, status });

// The filters name quotes' own columns only, and every quote has its account (not null, foreign
// key): the count needs no join (as for orders and invoices), and its planning, most of its cost
// on a small list, drops from 0.18 to 0.07 ms (EXPLAIN ANALYZE on the demo data).
const countingQuotes = (db: Queryable, shape: QuoteListShape) =>
  db.select({ total: count() }).from(quotes).where(quoteConditions(shape));

const quotePage = shapedListPage('quote', keyOf, countingQuotes, (db, shape: QuoteListShape, total) =>
  db
    .select({ ...summaryColumns, total })
    .from(quotes)
    .innerJoin(customerAccounts, eq(customerAccounts.id, quotes.customerAccountId))
    .where(quoteConditions(shape))
    .orderBy(desc(quotes.createdAt), desc(quotes.quoteNumber))
    .limit(placeholder('limit'))
    .offset(placeholder('offset')),
);

/** The statement's shape for the filters: a search's condition is looked up once, here. */
async function shapeOf(db: Queryable, f: Omit<QuoteFilters, 'page' | 'pageSize'>): Promise<QuoteListShape> {
  const search = f.q
    ? ((await documentSearchCondition(
        db,
        searchableQuotes,
        identifierPatterns.quoteNumber,
        f.partnerId,
        f.q,
      )) ?? sql`false`)
    : undefined;
  return { from: Boolean(f.from), to: Boolean(f.to), status: f.status, search };
}

/** Always scoped by partner: another partner's quotes cannot appear, whatever the filters. */
export async function listQuoteSummaries(
  db: Queryable,
  f: QuoteFilters,
): Promise<{ items: QuoteSummaryRow[]; total: number }> {
  const shape = await shapeOf(db, f);
  const values: QuoteListValues = {
    partnerId: f.partnerId,
    ...dayBounds(f),
    today: f.today,
    ...pageWindow(f.page, f.pageSize),
  };
  return quotePage(db, shape, values);
}

/** The values of an export batch's placeholders: the list's, and the last quote of the batch before. */
type QuoteExportValues = Omit<QuoteListValues, 'offset'> & { after: string | null };

const quoteExportBatch = shapedStatements('quote_export', keyOf, (db, shape: QuoteListShape) =>
  db
    .select(summaryColumns)
    .from(quotes)
    .innerJoin(customerAccounts, eq(customerAccounts.id, quotes.customerAccountId))
    .where(and(quoteConditions(shape), afterRow(quotes, [quotes.createdAt, quotes.quoteNumber])))
    .orderBy(desc(quotes.createdAt), desc(quotes.quoteNumber))
    .limit(placeholder('limit')),
);

/** Every quote of the list's filters, in its order, in batches (see keysetBatches). */
export async function* quoteSummaryBatches(
  db: Queryable,
  f: Omit<QuoteFilters, 'page' | 'pageSize'>,
  batchSize: number,
): AsyncGenerator<QuoteSummaryRow[]> {
  const shape = await shapeOf(db, f);
  const values = { partnerId: f.partnerId, ...dayBounds(f), today: f.today };
  yield* keysetBatches<QuoteSummaryRow>(batchSize, (after, limit) =>
    quoteExportBatch(db, shape, {
      ...values,
      limit,
      after: after?.quoteNumber ?? null,
    } satisfies QuoteExportValues),
  );
}

export async function insertQuote(db: Queryable, quote: typeof quotes.$inferInsert): Promise<string> {
  const [row] = await db.insert(quotes).values(quote).returning({ id: quotes.id });
  if (!row) throw new Error('quote insert returned no row');
  return row.id;
}

/**
 * Writes a quote's lines and links the lines that renew, upgrade or downgrade licenses to them (by
 * License ID, within the quoted account).
 */
export async function insertQuoteLines(
  db: Queryable,
  lines: (typeof quoteLines.$inferInsert & { licenseIds: string[] })[],
  customerAccountId: string,
): Promise<void> {
  if (lines.length === 0) return;
  const inserted = await db
    .insert(quoteLines)
    .values(lines.map(({ licenseIds: _ids, ...line }) => line))
    .returning({ id: quoteLines.id, lineNo: quoteLines.lineNo });
  for (const line of lines) {
    const id = inserted.find((row) => row.lineNo === line.lineNo)?.id;
    if (id === undefined) continue;
    // In slices: a line may renew thousands of licenses, one bind parameter each (see chunks.ts).
    for (const licenseIds of chunksOf(line.licenseIds)) {
      await db.insert(quoteLineLicenses).select(
        qb
          .select({ quoteLineId: sql`${id}::uuid`.as('quote_line_id'), licenseId: licenses.id })
          .from(licenses)
          .where(
            and(eq(licenses.customerAccountId, customerAccountId), inArray(licenses.licenseId, licenseIds)),
          ),
      );
    }
  }
}

/**
 * Cancels the quote if it is still open and valid on `today`; a guarded update, so two parallel
 * cancels (or a cancel racing an order) change it once. Answers whether it changed.
 */
export async function markCancelled(
  db: Queryable,
  scope: { partnerId: string; quoteNumber: string; today: string; now: Date },
): Promise<boolean> {
  const changed = await db
    .update(quotes)
    .set({ status: 'cancelled', cancelledAt: scope.now })
    .where(
      and(
        eq(quotes.partnerId, scope.partnerId),
        eq(quotes.quoteNumber, scope.quoteNumber),
        eq(quotes.status, 'open'),
        gte(quotes.validUntil, scope.today),
      ),
    )
    .returning({ id: quotes.id });
  return changed.length > 0;
}

export interface ClaimedDirectQuote {
  id: string;
  customerAccountId: string;
  currency: (typeof quotes.$inferSelect)['currency'];
  document: (typeof quotes.$inferSelect)['document'];
}

/**
 * Marks a vendor direct quote converted if it is still open and valid on `today`: a guarded
 * update, so of two partners converting it at the same moment exactly one gets the row.
 */
export async function markDirectQuoteConverted(
  db: Queryable,
  scope: { quoteNumber: string; today: string },
): Promise<ClaimedDirectQuote | null> {
  const [row] = await db
    .update(quotes)
    .set({ status: 'converted' })
    .where(
      and(
        eq(quotes.quoteNumber, scope.quoteNumber),
        eq(quotes.origin, 'direct'),
        eq(quotes.status, 'open'),
        gte(quotes.validUntil, scope.today),
      ),
    )
    .returning({
      id: quotes.id,
      customerAccountId: quotes.customerAccountId,
      currency: quotes.currency,
      document: quotes.document,
    });
  return row ?? null;
}

/** What a quote number names, to tell why it cannot be converted (or what it holds, if it can). */
export interface QuoteState {
  origin: (typeof quotes.$inferSelect)['origin'];
  status: (typeof quotes.$inferSelect)['status'];
  /** The reseller quote's partner (null on a direct quote). */
  partnerId: string | null;
  validUntil: string;
  currency: (typeof quotes.$inferSelect)['currency'];
  totalMinor: number;
  document: (typeof quotes.$inferSelect)['document'];
}

export async function findQuoteState(db: Queryable, quoteNumber: string): Promise<QuoteState | null> {
  const [row] = await db
    .select({
      origin: quotes.origin,
      status: quotes.status,
      partnerId: quotes.partnerId,
      validUntil: quotes.validUntil,
      currency: quotes.currency,
      totalMinor: quotes.totalMinor,
      document: quotes.document,
    })
    .from(quotes)
    .where(eq(quotes.quoteNumber, quoteNumber));
  return row ?? null;
}

/**
 * Claims a reseller quote for an order: open, valid on `today`, this partner's — then `ordering`
 * while the payment is taken. A guarded update, so of parallel Place order requests for one quote
 * exactly one gets it.
 */
export async function markQuoteOrdering(
  db: Queryable,
  scope: { partnerId: string; quoteNumber: string; today: string },
): Promise<{ id: string; customerAccountId: string; document: StoredQuote['document'] } | null> {
  const [row] = await db
    .update(quotes)
    .set({ status: 'ordering' })
    .where(
      and(
        eq(quotes.partnerId, scope.partnerId),
        eq(quotes.quoteNumber, scope.quoteNumber),
        eq(quotes.status, 'open'),
        gte(quotes.validUntil, scope.today),
      ),
    )
    .returning({ id: quotes.id, customerAccountId: quotes.customerAccountId, document: quotes.document });
  return row ?? null;
}

/** Moves a claimed quote on: `ordered` once its order is recorded, `open` again when the attempt fails. */
export async function settleQuoteOrdering(
  db: Queryable,
  quoteId: string,
  to: 'ordered' | 'open',
): Promise<boolean> {
  const moved = await db
    .update(quotes)
    .set({ status: to })
    .where(and(eq(quotes.id, quoteId), eq(quotes.status, 'ordering')))
    .returning({ id: quotes.id });
  return moved.length > 0;
}

/** A quote by its id, with what Place order needs (resuming a claimed attempt). */
export async function findQuoteById(
  db: Queryable,
  quoteId: string,
): Promise<{ id: string; customerAccountId: string; document: StoredQuote['document'] } | null> {
  const [row] = await db
    .select({ id: quotes.id, customerAccountId: quotes.customerAccountId, document: quotes.document })
    .from(quotes)
    .where(eq(quotes.id, quoteId));
  return row ?? null;
}

/**
 * Writes resale prices on lines of an open quote of the partner (the status checked in the same
 * statement, so a quote cancelled or ordered meanwhile is left alone); the number of lines changed.
 */
export async function updateResalePrices(
  tx: Queryable,
  scope: { partnerId: string; quoteNumber: string; today: string },
  lines: { lineNo: number; resaleMinor: number | null }[],
): Promise<number> {
  const cases = sql.join(
    lines.map((l) => sql`when ${l.lineNo}::int then ${l.resaleMinor}::bigint`),
    sql` `,
  );
  const openQuote = qb
    .select({ id: quotes.id })
    .from(quotes)
    .where(
      and(
        eq(quotes.partnerId, scope.partnerId),
        eq(quotes.quoteNumber, scope.quoteNumber),
        eq(quotes.status, 'open'),
        gte(quotes.validUntil, scope.today),
      ),
    );
  const changed = await tx
    .update(quoteLines)
    .set({ resaleMinor: sql`case ${quoteLines.lineNo} ${cases} end` })
    .where(
      and(
        inArray(quoteLines.quoteId, openQuote),
        inArray(
          quoteLines.lineNo,
          lines.map((l) => l.lineNo),
        ),
      ),
    )
    .returning({ id: quoteLines.id });
  return changed.length;
}
