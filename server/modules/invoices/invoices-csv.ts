import type { Readable } from 'node:stream';
import type { Locale } from '../../../contract/catalog.ts';
import type { InvoiceExportFilters } from '../../../contract/invoices.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { type CsvCell, csvStream } from '../../lib/csv.ts';
import { todayUtc } from '../../lib/dates.ts';
import { decimalAmount } from '../../lib/formatting.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { pdfLabels } from '../pdf/labels.ts';
import { type InvoiceRow, invoiceRowBatches, productsOfOrders } from './invoices.queries.ts';
import { isOverdue } from './overdue.ts';

/** Invoices read from the database at a time: a batch is two statements (with its products) and one chunk. */
export const INVOICE_EXPORT_BATCH = 500;

/** The columns of the invoices CSV, headed in the user's language as the list on screen is. */
const headers: Record<Locale, string[]> = {
  en: [
    'Invoice number',
    'Issued',
    'Due on',
    'Payment date',
    'Payment type',
    'Status',
    'Overdue',
    'Order number',
    'PO number',
    'Customer ID',
    'Customer',
    'Country',
    'Customer email',
    'Products',
    'Currency',
    'Amount',
    'Amount due',
  ],
  'pt-BR': [
    'Número da fatura',
    'Emitida em',
    'Vencimento',
    'Data do pagamento',
    'Tipo de pagamento',
    'Situação',
    'Vencida',
    'Número do pedido',
    'Número da OC',
    'ID do cliente',
    'Cliente',
    'País',
    'E-mail do cliente',
    'Produtos',
    'Moeda',
    'Valor',
    'Valor devido',
  ],
};

const yesNo: Record<Locale, [string, string]> = { en: ['Yes', 'No'], 'pt-BR': ['Sim', 'Não'] };

type Products = Awaited<ReturnType<typeof productsOfOrders>>;
type ExportedInvoice = InvoiceRow & { products: Products };

function csvRow(row: ExportedInvoice, locale: Locale, today: string): CsvCell[] {
  // The invoice's words as the invoice itself prints them.
  const words = pdfLabels[locale];
  const [yes, no] = yesNo[locale];
  return [
    row.invoiceNumber,
    row.issuedOn,
    row.dueOn,
    row.paidOn,
    words.paymentTypes[row.paymentType],
    words.statuses[row.status],
    isOverdue(row, today) ? yes : no,
    row.orderNumber,
    row.poNumber,
    row.customerId,
    row.customerName,
    row.customerCountry,
    row.endUserEmail,
    row.products.map((p) => `${p.quantity} × ${p.productName} (${words.kinds[p.kind]})`).join('; '),
    row.currency,
    decimalAmount(row.amountMinor, row.currency),
    decimalAmount(row.status === 'not_paid' ? row.amountMinor : 0, row.currency),
  ];
}

/** Each batch of invoices with the products of their orders, read in one statement per batch. */
async function* withProducts(
  db: Queryable,
  batches: AsyncIterable<InvoiceRow[]>,
): AsyncGenerator<ExportedInvoice[]> {
  for await (const batch of batches) {
    const products = await productsOfOrders(
      db,
      batch.map((row) => row.orderId),
    );
    yield batch.map((row) => ({ ...row, products: products.filter((p) => p.orderId === row.orderId) }));
  }
}

/**
 * The invoices list as CSV (issue 20): every invoice the filters match, in the list's order, with
 * the products of its order, read in batches as the download goes (see quotes-csv.ts for the
 * file's conventions).
 */
export async function invoicesCsv(
  db: Queryable,
  options: { actor: PartnerUserActor; meta: RequestMeta; filters: InvoiceExportFilters },
): Promise<{ stream: Readable; filename: string }> {
  const { actor, filters } = options;
  const today = todayUtc(options.meta.now);
  const batches = invoiceRowBatches(
    db,
    { partnerId: actor.partner.id, ...filters, today },
    INVOICE_EXPORT_BATCH,
  );
  return {
    stream: await csvStream(headers[actor.locale], withProducts(db, batches), (row) =>
      csvRow(row, actor.locale, today),
    ),
    filename: `invoices-${today}.csv`,
  };
}
