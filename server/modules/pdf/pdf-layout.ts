import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { z } from 'zod';
import type { PricedLine } from '../../../contract/cart.ts';
import type { Locale } from '../../../contract/catalog.ts';
import { fill } from '../../lib/fill.ts';
import { formatDate, formatInteger } from '../../lib/formatting.ts';
import { lineBreakdown } from '../../shared/line-pricing.ts';
import type { PdfLabels } from './labels.ts';

/**
 * DejaVu Sans, shipped as an npm package: pdfkit's built-in fonts are not Unicode, and names on
 * quotes carry accents, Cyrillic, Greek and symbols (R$, ✓). CJK scripts are outside it.
 */
const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

export const MARGIN = 48;
const PAGE = { width: 595.28, height: 841.89 };
export const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
/** Table columns: product, kind, quantity, period, list, discount, total (points, summing to the width). */
const INTERNAL_COLUMNS = [150, 52, 28, 86, 60, 56, 67.28] as const;
/** The customer copy's: product, kind, quantity, period, price (no discount, no buy price). */
const CUSTOMER_COLUMNS = [190, 60, 40, 100, 109.28] as const;

/** The amounts of a row: a line's, or an upgrade's price, credit or line total. */
export interface Figures {
  listMinor: number;
  discountMinor: number;
  totalMinor: number;
}

export type Line = z.input<typeof PricedLine>;

/**
 * A new A4 document with the portal's fonts (`body`, `bold`), and the bytes once it is ended. Pages
 * are kept until the end, so their numbers can be written once the count is known.
 */
export function openPdf(info: { title: string; author: string; subject: string; createdAt: Date }): {
  doc: PDFKit.PDFDocument;
  finished: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: info.title, Author: info.author, Subject: info.subject, CreationDate: info.createdAt },
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, finished };
}

/** The document's title, a line under it, and its facts as label–value rows. */
export function writeHeading(
  doc: PDFKit.PDFDocument,
  title: string,
  subtitle: string,
  facts: [string, string][],
): void {
  doc.font('bold').fontSize(18).text(title, MARGIN, MARGIN);
  doc.font('body').fontSize(9).fillColor('#444444').text(subtitle);
  doc.fillColor('#000000').moveDown(0.8);
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('bold').fontSize(9).text(label, MARGIN, y, { width: 130 });
    doc.font('body').text(value, MARGIN + 135, y, { width: CONTENT_WIDTH - 135 });
  }
  doc.moveDown(1);
}

/** The parties of the document (vendor, reseller, customer, licensee…), two by two. */
export function writeParties(doc: PDFKit.PDFDocument, parties: [string, string[]][]): void {
  const half = CONTENT_WIDTH / 2;
  for (let row = 0; row < parties.length; row += 2) {
    const top = doc.y;
    let bottom = top;
    for (let col = 0; col < 2; col++) {
      const party = parties[row + col];
      if (!party) continue;
      const x = MARGIN + col * half;
      doc
        .font('bold')
        .fontSize(9)
        .text(party[0], x, top, { width: half - 12 });
      doc.font('body').text(party[1].join('\n'), x, doc.y, { width: half - 12 });
      bottom = Math.max(bottom, doc.y);
    }
    doc.y = bottom + 10;
  }
}

/** The priced lines as a table that carries its header over to each new page. */
export function writeLines(
  doc: PDFKit.PDFDocument,
  t: PdfLabels,
  lines: readonly Line[],
  locale: Locale,
  money: (minor: number) => string,
  table: Table = internalTable(t, money),
): void {
  tableHeader(doc, table);
  lines.forEach((line, index) => {
    lineRow(doc, t, line, index, locale, table);
  });
}

/** Which columns a table has, their headings, and the figures of each row. */
export interface Table {
  columns: readonly number[];
  headings: string[];
  /** What the amount columns show of a row's figures (the last is bold on a line's own row). */
  amounts: (figures: Figures) => string[];
  /** A price of the customer's own for the line (a resale price): it stands for the line, without a breakdown. */
  ownPrice?: (index: number) => string | undefined;
}

export function internalTable(t: PdfLabels, money: (minor: number) => string): Table {
  return {
    columns: INTERNAL_COLUMNS,
    headings: [t.product, t.kind, t.quantity, t.period, t.list, t.discount, t.total],
    amounts: (figures) => [
      money(figures.listMinor),
      money(-figures.discountMinor),
      money(figures.totalMinor),
    ],
  };
}

/** The customer copy's table: one price per line, the resale price where set, else the list price. */
export function customerTable(
  t: PdfLabels,
  money: (minor: number) => string,
  resalePrice: (index: number) => number | null,
): Table {
  return {
    columns: CUSTOMER_COLUMNS,
    headings: [t.product, t.kind, t.quantity, t.period, t.price],
    amounts: (figures) => [money(figures.listMinor)],
    ownPrice: (index) => {
      const price = resalePrice(index);
      return price === null ? undefined : money(price);
    },
  };
}

/** Amounts right-aligned under the table, then the total in bold. */
export function writeTotals(
  doc: PDFKit.PDFDocument,
  rows: [string, string][],
  total: [string, string],
): void {
  ensureRoom(doc, 16 * (rows.length + 1) + 30);
  doc.moveDown(0.6);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc
      .font('body')
      .fontSize(9)
      .text(label, MARGIN + CONTENT_WIDTH - 260, y, { width: 160, align: 'right' });
    doc.text(value, MARGIN + CONTENT_WIDTH - 95, y, { width: 95, align: 'right' });
  }
  const y = doc.y + 2;
  doc
    .font('bold')
    .fontSize(11)
    .text(total[0], MARGIN + CONTENT_WIDTH - 260, y, { width: 160, align: 'right' });
  doc.text(total[1], MARGIN + CONTENT_WIDTH - 95, y, { width: 95, align: 'right' });
  doc.moveDown(1.2);
}

/** A paragraph across the page (validity, notes). */
export function writeNote(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('body').fontSize(9).text(text, MARGIN, doc.y, { width: CONTENT_WIDTH });
}

/** "<reference> · Page n of m" at the foot of every page, then the document is ended. */
export function finishPdf(doc: PDFKit.PDFDocument, t: PdfLabels, reference: string): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Below the bottom margin: without lifting it, pdfkit would start a new page for the footer.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#666666')
      .text(
        `${reference} · ${fill(t.page, { page: i + 1, pages: range.count })}`,
        MARGIN,
        PAGE.height - MARGIN + 16,
        {
          width: CONTENT_WIDTH,
          align: 'right',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
}

function tableHeader(doc: PDFKit.PDFDocument, table: Table): void {
  const y = doc.y;
  let x = MARGIN;
  doc.font('bold').fontSize(8);
  table.headings.forEach((label, i) => {
    const width = table.columns[i] ?? 0;
    doc.text(label, x + 2, y, { width: width - 4, align: i >= 4 || i === 2 ? 'right' : 'left' });
    x += width;
  });
  const bottom = y + 14;
  doc
    .moveTo(MARGIN, bottom)
    .lineTo(MARGIN + CONTENT_WIDTH, bottom)
    .strokeColor('#999999')
    .stroke();
  doc.y = bottom + 4;
}

/** A new page (with the table header again) when less than `height` is left on this one. */
function ensureRoom(doc: PDFKit.PDFDocument, height: number, header?: Table): void {
  if (doc.y + height <= PAGE.height - MARGIN) return;
  doc.addPage();
  if (header) tableHeader(doc, header);
}

function lineRow(
  doc: PDFKit.PDFDocument,
  t: PdfLabels,
  line: Line,
  index: number,
  locale: Locale,
  table: Table,
): void {
  const notes = [
    ...(line.fromProduct
      ? [
          fill(line.kind === 'upgrade' ? t.from.upgrade : t.from.downgrade, {
            product: line.fromProduct.productName,
          }),
        ]
      : []),
    ...(line.serviceDomain ? [fill(t.serviceDomain, { domain: line.serviceDomain })] : []),
    ...(line.licenseIds?.length ? [fill(t.licenses, { ids: line.licenseIds.join(', ') })] : []),
    ...(!line.perpetualFallback && !line.serviceDomain ? [t.noFallback] : []),
  ];
  const productWidth = (table.columns[0] ?? 0) - 4;
  doc.font('bold').fontSize(8);
  const nameHeight = doc.heightOfString(line.productName, { width: productWidth });
  doc.font('body').fontSize(7);
  const notesHeight = notes.length > 0 ? doc.heightOfString(notes.join('\n'), { width: productWidth }) : 0;
  const height = Math.max(nameHeight + notesHeight, 20) + 6;
  ensureRoom(doc, height, table);
  const y = doc.y;
  doc
    .font('bold')
    .fontSize(8)
    .text(line.productName, MARGIN + 2, y, { width: productWidth });
  if (notes.length > 0)
    doc.font('body').fontSize(7).fillColor('#444444').text(notes.join('\n'), { width: productWidth });
  doc.fillColor('#000000');
  // An upgrade shows its product's price here, then its credit and its total as rows of their own;
  // a resale price stands for the whole line, so it has none.
  const own = table.ownPrice?.(index);
  const rows = own === undefined ? lineBreakdown(line) : undefined;
  const price = rows?.price ?? {
    listMinor: line.listPriceMinor,
    discountMinor: line.discountMinor,
    totalMinor: line.totalMinor,
  };
  const cells = [
    t.kinds[line.kind],
    formatInteger(line.quantity, locale),
    `${formatDate(line.periodStart, locale)} –\n${formatDate(line.periodEnd, locale)}`,
    ...(own === undefined ? table.amounts(price) : [own]),
  ];
  let x = MARGIN + (table.columns[0] ?? 0);
  cells.forEach((cell, i) => {
    const width = table.columns[i + 1] ?? 0;
    doc
      .font(i === cells.length - 1 && !rows ? 'bold' : 'body')
      .fontSize(8)
      .text(cell, x + 2, y, { width: width - 4, align: i === 0 || i === 2 ? 'left' : 'right' });
    x += width;
  });
  if (!rows) {
    rowRule(doc, y + height);
    return;
  }
  doc.y = y + height - 4;
  const { credit, lineTotal } = rows;
  const seats = new Intl.PluralRules(locale).select(credit.seats) === 'one' ? 'one' : 'other';
  subRow(
    doc,
    table,
    fill(t.creditRow[seats], {
      product: credit.productName,
      count: formatInteger(credit.seats, locale),
      date: formatDate(credit.until, locale),
    }),
    // The credit is taken off: positive at list and after the discount, its discount shown as such.
    table.amounts(credit),
    'body',
  );
  subRow(doc, table, t.lineTotal, table.amounts(lineTotal), 'bold');
  rowRule(doc, doc.y + 3);
}

/** A row under a line: its label across product to period, its amounts in the amount columns. */
function subRow(
  doc: PDFKit.PDFDocument,
  table: Table,
  label: string,
  amounts: string[],
  font: 'body' | 'bold',
): void {
  const labelWidth = table.columns.slice(0, 4).reduce((sum, w) => sum + w, 0) - 4;
  doc.font(font).fontSize(8);
  const height = doc.heightOfString(label, { width: labelWidth }) + 3;
  ensureRoom(doc, height, table);
  const y = doc.y;
  doc.text(label, MARGIN + 2, y, { width: labelWidth });
  let x = MARGIN + labelWidth + 4;
  amounts.forEach((cell, i) => {
    const width = table.columns[i + 4] ?? 0;
    doc.text(cell, x + 2, y, { width: width - 4, align: 'right' });
    x += width;
  });
  doc.y = y + height;
}

/** The rule under a line, and the next line below it. */
function rowRule(doc: PDFKit.PDFDocument, bottom: number): void {
  doc
    .moveTo(MARGIN, bottom - 3)
    .lineTo(MARGIN + CONTENT_WIDTH, bottom - 3)
    .strokeColor('#dddddd')
    .stroke();
  doc.y = bottom;
}
