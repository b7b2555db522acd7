import type { Readable } from 'node:stream';
import type { Locale } from '../../../contract/catalog.ts';
import type { QuoteExportFilters, QuoteStatus } from '../../../contract/quotes.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { type CsvCell, csvStream } from '../../lib/csv.ts';
import { todayUtc, userDayOf } from '../../lib/dates.ts';
import { decimalAmount } from '../../lib/formatting.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { effectiveStatus } from './quote-status.ts';
import { type QuoteSummaryRow, quoteSummaryBatches } from './quotes.queries.ts';

/** Quotes read from the database at a time: a batch is one statement and one chunk of the file. */
export const QUOTE_EXPORT_BATCH = 500;

/** The columns of the quotes CSV, headed in the user's language as the list on screen is. */
const headers: Record<Locale, string[]> = {
  en: [
    'Quote number',
    'Created',
    'Customer ID',
    'Customer',
    'Country',
    'End user email',
    'PO number',
    'Status',
    'Valid until',
    'Currency',
    'Total',
  ],
  'pt-BR': [
    'Número do orçamento',
    'Criado em',
    'ID do cliente',
    'Cliente',
    'País',
    'E-mail do usuário final',
    'Número da OC',
    'Situação',
    'Válido até',
    'Moeda',
    'Total',
  ],
};

const statusWords: Record<Locale, Record<QuoteStatus, string>> = {
  en: {
    open: 'Open',
    ordering: 'Being ordered',
    expired: 'Expired',
    cancelled: 'Cancelled',
    converted: 'Converted',
    ordered: 'Ordered',
  },
  'pt-BR': {
    open: 'Aberto',
    ordering: 'Pedido em andamento',
    expired: 'Expirado',
    cancelled: 'Cancelado',
    converted: 'Convertido',
    ordered: 'Pedido feito',
  },
};

function csvRow(row: QuoteSummaryRow, locale: Locale, today: string, utcOffset: number): CsvCell[] {
  return [
    row.quoteNumber,
    userDayOf(row.createdAt, utcOffset),
    row.customerId,
    row.customerName,
    row.customerCountry,
    row.endUserEmail,
    row.poNumber,
    statusWords[locale][effectiveStatus(row.status, row.validUntil, today)],
    row.validUntil,
    row.currency,
    decimalAmount(row.totalMinor, row.currency),
  ];
}

/**
 * The quotes list as CSV (issue 20): every quote the filters match, in the list's order, read in
 * batches as the download goes (memory stays at about a batch whatever the count). Amounts are
 * plain decimals and dates ISO days, so a spreadsheet reads them as numbers and dates in any
 * language; the header and statuses are in the user's.
 */
export async function quotesCsv(
  db: Queryable,
  options: { actor: PartnerUserActor; meta: RequestMeta; filters: QuoteExportFilters },
): Promise<{ stream: Readable; filename: string }> {
  const { actor, meta, filters } = options;
  const today = todayUtc(meta.now);
  const utcOffset = filters.utcOffset ?? 0;
  const batches = quoteSummaryBatches(
    db,
    { partnerId: actor.partner.id, ...filters, today },
    QUOTE_EXPORT_BATCH,
  );
  return {
    stream: await csvStream(headers[actor.locale], batches, (row) =>
      csvRow(row, actor.locale, today, utcOffset),
    ),
    filename: `quotes-${today}.csv`,
  };
}
