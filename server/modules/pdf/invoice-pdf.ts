import type { z } from 'zod';
import { cityLine } from '../../../contract/addresses.ts';
import type { Locale } from '../../../contract/catalog.ts';
import type { InvoiceDetails } from '../../../contract/invoices.ts';
import { countryName } from '../../lib/countries.ts';
import { fill } from '../../lib/fill.ts';
import { formatDate, formatMoney } from '../../lib/formatting.ts';
import { pdfLabels } from './labels.ts';
import {
  finishPdf,
  openPdf,
  writeHeading,
  writeLines,
  writeNote,
  writeParties,
  writeTotals,
} from './pdf-layout.ts';
import { vendorParty } from './vendor.ts';

/**
 * The PDF of an invoice (SPEC §11): number, dates, payment type and status, order and PO number,
 * vendor, reseller billed and customer, the order's lines as priced, the total and the amount due,
 * and how it was settled (payment or credit note) — the figures the Invoices tab shows.
 */
export async function renderInvoicePdf(
  invoice: z.input<typeof InvoiceDetails>,
  locale: Locale,
): Promise<Buffer> {
  const t = pdfLabels[locale];
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const vendor = vendorParty();
  const title = `${t.invoice} ${invoice.invoiceNumber}`;
  const { doc, finished } = openPdf({
    title,
    author: vendor.name,
    subject: invoice.customer.name,
    createdAt: new Date(`${invoice.issuedOn}T00:00:00Z`),
  });
  const status = t.statuses[invoice.status] + (invoice.overdue ? ` (${t.overdue})` : '');
  writeHeading(doc, title, `${t.paymentTypes[invoice.paymentType]} · ${status}`, [
    [t.issuedOn, formatDate(invoice.issuedOn, locale)],
    ...(invoice.dueOn ? ([[t.dueOn, formatDate(invoice.dueOn, locale)]] as [string, string][]) : []),
    [t.paymentDate, invoice.paidOn ? formatDate(invoice.paidOn, locale) : '—'],
    [t.paymentTypeLabel, t.paymentTypes[invoice.paymentType]],
    [t.statusLabel, status],
    [t.orderNumber, invoice.orderNumber],
    [t.poNumber, invoice.poNumber ?? '—'],
  ]);

  const billTo = invoice.billTo;
  writeParties(doc, [
    [t.vendor, [vendor.name, ...vendor.lines]],
    [
      t.reseller,
      billTo
        ? [
            billTo.companyName,
            billTo.addressLine1,
            ...(billTo.addressLine2 ? [billTo.addressLine2] : []),
            cityLine(billTo),
            countryName(billTo.country, locale),
            ...(billTo.vatId ? [`${t.taxId}: ${billTo.vatId}`] : []),
          ]
        : ['—'],
    ],
    [
      t.customer,
      [
        invoice.customer.name,
        `${t.customerId}: ${invoice.customer.customerId}`,
        ...(invoice.customerEmail ? [`${t.customerEmail}: ${invoice.customerEmail}`] : []),
      ],
    ],
  ]);

  doc.moveDown(0.5);
  writeLines(doc, t, invoice.lines, locale, money);
  const list = invoice.lines.reduce((sum, line) => sum + line.listPriceMinor, 0);
  const discount = invoice.lines.reduce((sum, line) => sum + line.discountMinor, 0);
  // Upgrade credits, as the invoice page shows them: positive, already included above.
  const credit = invoice.lines.reduce((sum, line) => sum + (line.credit?.totalMinor ?? 0), 0);
  writeTotals(
    doc,
    [
      [t.list, money(list)],
      [t.discount, money(-discount)],
      ...(credit !== 0 ? ([[t.credit, money(-credit)]] as [string, string][]) : []),
      [t.total, money(invoice.amountMinor)],
    ],
    [t.amountDue, money(invoice.amountDueMinor)],
  );
  if (invoice.creditNote) {
    writeNote(
      doc,
      fill(t.creditNoteLine, {
        number: invoice.creditNote.creditNoteNumber,
        date: formatDate(invoice.creditNote.issuedOn, locale),
        reason: invoice.creditNote.reason,
      }),
    );
  }
  if (invoice.payment) {
    const method =
      invoice.payment.brand === 'paypal'
        ? 'PayPal'
        : `${(invoice.payment.brand ?? '').toUpperCase()} •••• ${invoice.payment.last4 ?? ''}`;
    writeNote(doc, fill(t.paidWith, { method }));
  }
  finishPdf(doc, t, invoice.invoiceNumber);
  return finished;
}

/**
 * The credit note that settled an invoice (SPEC §11a): its number and date, the invoice and order it
 * settles, the parties, the reason and the amount credited — the invoice's lines for reference.
 */
export async function renderCreditNotePdf(
  invoice: z.input<typeof InvoiceDetails>,
  locale: Locale,
): Promise<Buffer> {
  const note = invoice.creditNote;
  if (!note) throw new Error(`invoice ${invoice.invoiceNumber} has no credit note`);
  const t = pdfLabels[locale];
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const vendor = vendorParty();
  const title = `${t.creditNote} ${note.creditNoteNumber}`;
  const { doc, finished } = openPdf({
    title,
    author: vendor.name,
    subject: invoice.customer.name,
    createdAt: new Date(`${note.issuedOn}T00:00:00Z`),
  });
  writeHeading(
    doc,
    title,
    fill(t.creditNoteFor, { invoice: invoice.invoiceNumber, order: invoice.orderNumber }),
    [
      [t.date, formatDate(note.issuedOn, locale)],
      [t.invoiceLabel, `${invoice.invoiceNumber} (${formatDate(invoice.issuedOn, locale)})`],
      [t.orderNumber, invoice.orderNumber],
      [t.poNumber, invoice.poNumber ?? '—'],
      [t.reason, note.reason],
    ],
  );
  writeParties(doc, [
    [t.vendor, [vendor.name, ...vendor.lines]],
    [t.reseller, invoice.billTo ? [invoice.billTo.companyName, cityLine(invoice.billTo)] : ['—']],
    [t.customer, [invoice.customer.name, `${t.customerId}: ${invoice.customer.customerId}`]],
  ]);
  doc.moveDown(0.5);
  writeLines(doc, t, invoice.lines, locale, money);
  writeTotals(doc, [[t.total, money(invoice.amountMinor)]], [t.credited, money(-note.amountMinor)]);
  finishPdf(doc, t, note.creditNoteNumber);
  return finished;
}
