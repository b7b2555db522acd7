import { sql } from 'drizzle-orm';
import { quoteLines } from './schema/index.ts';

/**
 * The resale prices of the quote of the outer query (`quotes`), in line order, null where none is
 * set (issue 18). They change while the quote is open, so they live on the lines, not in its
 * frozen document; every read that renders a customer copy (the page, the PDF, the email) takes them.
 */
/**
 * The outer query's quote id, written out in full: drizzle leaves a column of a single-table select
 * unqualified, and inside this subquery a bare "id" would be the line's own.
 */
const outerQuoteId = sql`${sql.identifier('quotes')}.${sql.identifier('id')}`;

export const resalePricesOfQuote = sql<
  (number | null)[]
>`(select coalesce(json_agg(${quoteLines.resaleMinor} order by ${quoteLines.lineNo}), '[]'::json) from ${quoteLines} where ${quoteLines.quoteId} = ${outerQuoteId})`;
