import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { formatMoney } from '../../lib/formatting.ts';
import {
  createTestCustomer,
  createTestPartner,
  openAccount,
  quoteFor,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { pdfText } from '../../test/pdf-text.ts';
import type { TestSession } from '../../test/session.ts';
import { SmtpSink } from '../../test/smtp-sink.ts';
import { smtpTransport, startMailDelivery } from '../mail/delivery.ts';

/**
 * Customer-facing quotes (issue 18): resale prices on the lines of an open quote, and the two
 * copies of the PDF — the customer copy never carries the partner's discount or buy price.
 */
let t: TestApp;
let smtp: SmtpSink;
let partner: TestPartner;
let sales: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  smtp = new SmtpSink();
  await smtp.start();
  await startMailDelivery(t.jobs, t.db, smtpTransport(smtp.url), { from: 'Portal <no-reply@portal.test>' });
  partner = await createTestPartner(t.db, t.app, { discountPercent: 20 });
  sales = await partner.loginAs('sales');
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

/** Spaces as a PDF reader and Intl give them vary (no-break, runs split): compare with single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const usd = (minor: number, locale: 'en' | 'pt-BR' = 'en') => flat(formatMoney(minor, 'USD', locale));

interface QuoteLine {
  listPriceMinor: number;
  discountMinor: number;
  totalMinor: number;
}
interface QuoteJson {
  quoteNumber: string;
  lines: QuoteLine[];
  totals: { listPriceMinor: number; discountMinor: number; totalMinor: number };
  resalePrices: (number | null)[];
}

/** A quote of two lines: two IntelliJ IDEA seats and three PyCharm seats for a year. */
async function twoLineQuote(): Promise<QuoteJson> {
  const customer = await createTestCustomer(t.db);
  await openAccount(sales, customer);
  const added = await sales.post(`/api/customers/${customer.customerId}/cart/lines`, {
    productCode: 'PY',
    quantity: 3,
    termYears: 1,
  });
  expect(added.statusCode).toBe(201);
  return quoteFor(sales, customer, quoteInput());
}

/** What the partner pays and gets off: figures a customer copy must not hold. */
function partnerFigures(quote: QuoteJson): string[] {
  return [
    ...quote.lines.flatMap((l) => [usd(l.discountMinor), usd(-l.discountMinor), usd(l.totalMinor)]),
    usd(quote.totals.discountMinor),
    usd(-quote.totals.discountMinor),
    usd(quote.totals.totalMinor),
  ];
}

describe('resale prices', () => {
  it('are set on lines of an open quote, shown on the quote, and audited', async () => {
    const quote = await twoLineQuote();
    expect(quote.resalePrices).toEqual([null, null]);
    const res = await sales.put(`/api/quotes/${quote.quoteNumber}/resale-prices`, {
      lines: [{ lineNo: 1, resaleMinor: 1_234_56 }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ resalePrices: [1_234_56, null], actions: { setResalePrices: true } });
    // The quote's own prices do not move.
    expect(res.json().totals).toEqual(quote.totals);

    const cleared = await sales.put(`/api/quotes/${quote.quoteNumber}/resale-prices`, {
      lines: [
        { lineNo: 1, resaleMinor: null },
        { lineNo: 2, resaleMinor: 0 },
      ],
    });
    expect(cleared.json().resalePrices).toEqual([null, 0]);
    expect((await sales.get(`/api/quotes/${quote.quoteNumber}`)).json().resalePrices).toEqual([null, 0]);

    const audit = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'quote.resale_prices_set'), eq(auditLog.subjectId, quote.quoteNumber)));
    expect(audit.map((a) => a.details)).toEqual([
      expect.objectContaining({ lines: [{ lineNo: 1, resaleMinor: 1_234_56 }] }),
      expect.objectContaining({
        lines: [
          { lineNo: 1, resaleMinor: null },
          { lineNo: 2, resaleMinor: 0 },
        ],
      }),
    ]);
  });

  it('refuses bad amounts, unknown or repeated lines, billing users and closed quotes', async () => {
    const quote = await twoLineQuote();
    const url = `/api/quotes/${quote.quoteNumber}/resale-prices`;
    for (const resaleMinor of [-1, 12.5, 1e15, '100']) {
      const res = await sales.put(url, { lines: [{ lineNo: 1, resaleMinor }] });
      expect(res.statusCode, String(resaleMinor)).toBe(400);
    }
    const repeated = await sales.put(url, {
      lines: [
        { lineNo: 1, resaleMinor: 1 },
        { lineNo: 1, resaleMinor: 2 },
      ],
    });
    expect(repeated.statusCode).toBe(400);
    const unknown = await sales.put(url, { lines: [{ lineNo: 3, resaleMinor: 1 }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'quote.line_not_found', params: { lineNo: 3 } });
    expect((await sales.put(url, { lines: [] })).statusCode).toBe(400);

    const billing = await partner.loginAs('billing');
    expect((await billing.put(url, { lines: [{ lineNo: 1, resaleMinor: 1 }] })).statusCode).toBe(403);
    const other = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    expect((await other.put(url, { lines: [{ lineNo: 1, resaleMinor: 1 }] })).statusCode).toBe(404);

    expect((await sales.post(`/api/quotes/${quote.quoteNumber}/cancel`)).statusCode).toBe(200);
    const closed = await sales.put(url, { lines: [{ lineNo: 1, resaleMinor: 1 }] });
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'quote.not_editable', params: { status: 'cancelled' } });
    expect((await sales.get(`/api/quotes/${quote.quoteNumber}`)).json().resalePrices).toEqual([null, null]);
  });
});

describe('the customer copy and the internal copy of the PDF', () => {
  it('customer copy: resale or list prices and their total, never the discount or the buy price', async () => {
    const quote = await twoLineQuote();
    const resale = 2_500_00;
    await sales.put(`/api/quotes/${quote.quoteNumber}/resale-prices`, {
      lines: [{ lineNo: 1, resaleMinor: resale }],
    });
    const [first, second] = quote.lines;
    if (!first || !second) throw new Error('two lines expected');

    const res = await sales.get(`/api/quotes/${quote.quoteNumber}/pdf?copy=customer&locale=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // The copy handed on carries the plain number; the internal one says it is internal.
    expect(res.headers['content-disposition']).toBe(`inline; filename="${quote.quoteNumber}.pdf"`);
    const text = flat((await pdfText(res.rawPayload)).text);
    expect(text).toContain('Customer copy');
    expect(text).toContain(usd(resale));
    expect(text).toContain(usd(second.listPriceMinor));
    expect(text).toContain(usd(resale + second.listPriceMinor));
    // The first line's list price gave way to the resale price.
    expect(text).not.toContain(usd(first.listPriceMinor));
    for (const figure of partnerFigures(quote)) expect(text).not.toContain(figure);
    expect(text).not.toContain('Discount');
    expect(text).not.toContain('20%');

    const internal = flat(
      (await pdfText((await sales.get(`/api/quotes/${quote.quoteNumber}/pdf?copy=internal`)).rawPayload))
        .text,
    );
    expect(internal).toContain('Internal copy');
    expect(internal).toContain('Partner discount: 20%');
    expect(internal).toContain(usd(quote.totals.totalMinor));
    expect(internal).toContain(usd(-quote.totals.discountMinor));
    expect(internal).not.toContain(usd(resale));

    // The internal copy is still what a link without `copy` gives.
    const plain = flat(
      (await pdfText((await sales.get(`/api/quotes/${quote.quoteNumber}/pdf`)).rawPayload)).text,
    );
    expect(plain).toContain('Internal copy');
    expect((await sales.get(`/api/quotes/${quote.quoteNumber}/pdf?copy=both`)).statusCode).toBe(400);
  });

  it('in Portuguese: the customer copy in the words of the glossary', async () => {
    const quote = await twoLineQuote();
    await sales.put(`/api/quotes/${quote.quoteNumber}/resale-prices`, {
      lines: [{ lineNo: 2, resaleMinor: 999_99 }],
    });
    const res = await sales.get(`/api/quotes/${quote.quoteNumber}/pdf?copy=customer&locale=pt-BR`);
    const text = flat((await pdfText(res.rawPayload)).text);
    expect(text).toContain('Via do cliente');
    expect(text).toContain(usd(999_99, 'pt-BR'));
    expect(text).not.toContain('Desconto');
    expect(text).not.toContain(usd(quote.totals.totalMinor, 'pt-BR'));
  });
});

describe('emailing a copy', () => {
  it('requires choosing the copy, and attaches that copy', async () => {
    const quote = await twoLineQuote();
    const put = await sales.put(`/api/quotes/${quote.quoteNumber}/resale-prices`, {
      lines: [{ lineNo: 1, resaleMinor: 3_100_00 }],
    });
    expect(put.statusCode).toBe(200);
    const url = `/api/quotes/${quote.quoteNumber}/email`;
    const unchosen = await sales.post(url, { to: 'buyer@customer.test' });
    expect(unchosen.statusCode).toBe(400);

    const before = smtp.messages.length;
    expect((await sales.post(url, { to: 'buyer@customer.test', copy: 'customer' })).statusCode).toBe(202);
    const mail = (await smtp.waitFor(before + 1))[before];
    const [pdf] = mail?.attachments ?? [];
    expect(pdf).toMatchObject({ contentType: 'application/pdf' });
    const text = flat((await pdfText(pdf?.content ?? new Uint8Array())).text);
    expect(text).toContain('Customer copy');
    expect(text).toContain(usd(3_100_00));
    for (const figure of partnerFigures(quote)) expect(text).not.toContain(figure);

    expect((await sales.post(url, { to: 'me@partner.test', copy: 'internal' })).statusCode).toBe(202);
    const internal = (await smtp.waitFor(before + 2))[before + 1];
    const internalText = flat((await pdfText(internal?.attachments[0]?.content ?? new Uint8Array())).text);
    expect(internalText).toContain('Internal copy');
    expect(internalText).toContain(usd(quote.totals.totalMinor));

    const audit = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'quote.emailed'), eq(auditLog.subjectId, quote.quoteNumber)));
    expect(audit.map((a) => a.details)).toEqual([
      expect.objectContaining({ to: 'buyer@customer.test', copy: 'customer' }),
      expect.objectContaining({ to: 'me@partner.test', copy: 'internal' }),
    ]);
  });

  it('"also send the quote to this email" needs the copy chosen, and sends that one', async () => {
    const customer = await createTestCustomer(t.db);
    await openAccount(sales, customer);
    await sales.post(`/api/customers/${customer.customerId}/cart/lines`, {
      productCode: 'II',
      quantity: 2,
      termYears: 1,
    });
    const unchosen = await sales.post('/api/quotes', {
      customerId: customer.customerId,
      ...quoteInput({ sendCopyTo: 'buyer@customer.test' }),
    });
    expect(unchosen.statusCode).toBe(400);
    expect(unchosen.body).toContain('sendCopyAs');

    const before = smtp.messages.length;
    const created = await sales.post('/api/quotes', {
      customerId: customer.customerId,
      ...quoteInput({ sendCopyTo: 'buyer@customer.test', sendCopyAs: 'customer' }),
    });
    expect(created.statusCode).toBe(201);
    const quote = created.json() as QuoteJson;
    const mail = (await smtp.waitFor(before + 1))[before];
    const text = flat((await pdfText(mail?.attachments[0]?.content ?? new Uint8Array())).text);
    expect(text).toContain('Customer copy');
    expect(text).toContain(usd(quote.totals.listPriceMinor));
    for (const figure of partnerFigures(quote)) expect(text).not.toContain(figure);
  });
});
