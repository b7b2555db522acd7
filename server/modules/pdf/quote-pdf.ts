import { cityLine } from '../../../contract/addresses.ts';
import type { Locale } from '../../../contract/catalog.ts';
import type { QuoteCopy } from '../../../contract/quotes.ts';
import type { StoredQuote } from '../../db/documents/quote-document.ts';
import { countryName } from '../../lib/countries.ts';
import { fill } from '../../lib/fill.ts';
import { formatDate, formatMoney } from '../../lib/formatting.ts';
import { pdfLabels } from './labels.ts';
import {
  customerTable,
  finishPdf,
  internalTable,
  openPdf,
  writeHeading,
  writeLines,
  writeNote,
  writeParties,
  writeTotals,
} from './pdf-layout.ts';
import { vendorParty } from './vendor.ts';

/**
 * The file name of a quote's PDF. The customer copy carries the plain number (it is the one handed
 * on); the internal copy says so, so that a partner with both downloaded never sends the wrong one.
 */
export function quotePdfFilename(quoteNumber: string, copy: QuoteCopy = 'internal'): string {
  return copy === 'customer' ? `${quoteNumber}.pdf` : `${quoteNumber}-internal.pdf`;
}

/**
 * The PDF of a quote: vendor and reseller, customer and licensee, every line with its period,
 * quantity, list price, discount, credit and fallback note, the totals, validity and PO number — the
 * figures of the quote as it was issued (its frozen document), so screen, email and PDF agree.
 *
 * The customer copy (issue 18) is what the partner hands its customer: one price per line — the
 * partner's resale price where set, else the list price — and their sum. The partner's discount
 * and what it pays (the quote's own totals) are not written in it at all.
 */
export async function renderQuotePdf(
  stored: Pick<StoredQuote, 'document' | 'resalePrices'>,
  locale: Locale,
  copy: QuoteCopy = 'internal',
): Promise<Buffer> {
  const quote = stored.document;
  const t = pdfLabels[locale];
  const money = (minor: number) => formatMoney(minor, quote.currency, locale);
  const vendor = vendorParty();
  const { doc, finished } = openPdf({
    title: `${t.quote} ${quote.quoteNumber}`,
    author: vendor.name,
    subject: quote.customer.name,
    createdAt: new Date(quote.createdAt),
  });

  const facts: [string, string][] = [
    [t.date, formatDate(quote.createdAt, locale)],
    [t.validUntil, formatDate(quote.validUntil, locale)],
    [t.poNumber, quote.poNumber ?? '—'],
    [t.copy, copy === 'customer' ? t.customerCopy : t.internalCopy],
  ];
  if (quote.createdBy) facts.push([t.createdBy, quote.createdBy]);
  if (quote.details) {
    facts.push([t.team, quote.details.team?.name ?? t.defaultTeam]);
    facts.push([t.pack, quote.details.pack?.packNumber ?? t.newPack]);
  }
  writeHeading(
    doc,
    `${t.quote} ${quote.quoteNumber}`,
    quote.origin === 'direct' ? t.directQuote : t.resellerQuote,
    facts,
  );

  const address = quote.billingAddress;
  writeParties(doc, [
    [t.vendor, [vendor.name, ...vendor.lines]],
    [
      t.reseller,
      [
        address.companyName,
        address.addressLine1,
        ...(address.addressLine2 ? [address.addressLine2] : []),
        cityLine(address),
        countryName(address.country, locale),
        ...(address.vatId ? [`${t.taxId}: ${address.vatId}`] : []),
      ],
    ],
    [t.customer, [quote.customer.name, `${t.customerId}: ${quote.customer.customerId}`]],
    [
      t.licensee,
      [quote.endUser.name, quote.endUser.email, ...(quote.endUser.company ? [quote.endUser.company] : [])],
    ],
  ]);

  doc.moveDown(0.5);
  if (copy === 'customer') {
    // Quotes issued before resale prices existed, or read without them, show list prices.
    const customerPrice = (index: number) => {
      const line = quote.lines[index];
      return stored.resalePrices[index] ?? line?.listPriceMinor ?? 0;
    };
    writeNote(doc, t.customerNote);
    doc.moveDown(0.4);
    writeLines(
      doc,
      t,
      quote.lines,
      locale,
      money,
      customerTable(t, money, (index) => stored.resalePrices[index] ?? null),
    );
    const total = quote.lines.reduce((sum, _line, index) => sum + customerPrice(index), 0);
    writeTotals(doc, [], [t.total, money(total)]);
  } else {
    writeNote(doc, fill(t.discountNote, { percent: quote.discountPercent }));
    doc.moveDown(0.4);
    writeLines(doc, t, quote.lines, locale, money, internalTable(t, money));

    const totals: [string, string][] = [
      [t.list, money(quote.totals.listPriceMinor)],
      [t.discount, money(-quote.totals.discountMinor)],
    ];
    const credit = quote.totals.creditMinor ?? 0;
    // A credit reads as a positive amount: its label says it is taken off (and already is, above).
    if (credit !== 0) totals.push([t.credit, money(-credit)]);
    writeTotals(doc, totals, [t.total, money(quote.totals.totalMinor)]);
  }
  writeNote(doc, fill(t.validity, { date: formatDate(quote.validUntil, locale) }));

  finishPdf(doc, t, quote.quoteNumber);
  return finished;
}
