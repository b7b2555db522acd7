import type { Readable } from 'node:stream';
import type { Locale } from '../../../contract/catalog.ts';
import type { OrderExportFilters } from '../../../contract/orders.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { type CsvCell, csvStream } from '../../lib/csv.ts';
import { todayUtc, userDayOf } from '../../lib/dates.ts';
import { decimalAmount } from '../../lib/formatting.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { pdfLabels } from '../pdf/labels.ts';
import { type OrderSummaryRow, orderSummaryBatches } from './order-search.queries.ts';

/** Orders read from the database at a time: a batch is one statement and one chunk of the file. */
export const ORDER_EXPORT_BATCH = 500;

/** The columns of the orders CSV, headed in the user's language as the list on screen is. */
const headers: Record<Locale, string[]> = {
  en: [
    'Order number',
    'Date',
    'Customer ID',
    'Customer',
    'Country',
    'End user email',
    'PO number',
    'Quote number',
    'Invoice number',
    'Invoice status',
    'Payment type',
    'Currency',
    'Total',
  ],
  'pt-BR': [
    'Número do pedido',
    'Data',
    'ID do cliente',
    'Cliente',
    'País',
    'E-mail do usuário final',
    'Número da OC',
    'Número do orçamento',
    'Número da fatura',
    'Situação da fatura',
    'Tipo de pagamento',
    'Moeda',
    'Total',
  ],
};

function csvRow(row: OrderSummaryRow, locale: Locale, utcOffset: number): CsvCell[] {
  // The invoice's words as the invoice itself prints them.
  const words = pdfLabels[locale];
  return [
    row.orderNumber,
    userDayOf(row.createdAt, utcOffset),
    row.customerId,
    row.customerName,
    row.customerCountry,
    row.endUserEmail,
    row.poNumber,
    row.quoteNumber,
    row.invoiceNumber,
    row.invoiceStatus ? words.statuses[row.invoiceStatus] : null,
    row.paymentType ? words.paymentTypes[row.paymentType] : null,
    row.currency,
    decimalAmount(row.totalMinor, row.currency),
  ];
}

/**
 * The orders list as CSV (issue 20): every order the filters match, in the list's order, read in
 * batches as the download goes (see quotes-csv.ts for the file's conventions).
 */
export async function ordersCsv(
  db: Queryable,
  options: { actor: PartnerUserActor; meta: RequestMeta; filters: OrderExportFilters },
): Promise<{ stream: Readable; filename: string }> {
  const { actor, filters } = options;
  const utcOffset = filters.utcOffset ?? 0;
  const batches = orderSummaryBatches(db, { partnerId: actor.partner.id, ...filters }, ORDER_EXPORT_BATCH);
  return {
    stream: await csvStream(headers[actor.locale], batches, (row) => csvRow(row, actor.locale, utcOffset)),
    filename: `orders-${todayUtc(options.meta.now)}.csv`,
  };
}
