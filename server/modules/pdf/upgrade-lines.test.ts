import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, todayUtc } from '../../lib/dates.ts';
import { formatDate, formatMoney } from '../../lib/formatting.ts';
import {
  createTestCustomer,
  createTestLicenses,
  createTestPartner,
  openAccount,
  quoteInput,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { pdfText } from '../../test/pdf-text.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Amounts = { listMinor: number; discountMinor: number; totalMinor: number };

/** Without the spaces between a PDF's text runs (and Intl's no-break spaces): the figures in order. */
const tight = (text: string) => text.replace(/\s+/g, '');

describe('an upgrade line, on screen and on paper', () => {
  it('reads price, positive credit for one seat until the old end, and line total the same everywhere', async () => {
    const partner = await createTestPartner(t.db, t.app, { creditTerms: true, discountPercent: 15 });
    const sales = await partner.loginAs('sales');
    const billing = await partner.loginAs('billing');
    const customer = await createTestCustomer(t.db);
    const today = todayUtc(t.clock.now);
    const oldEnd = addDays(today, 200);
    const py = await createTestLicenses(t.db, customer, {
      productCode: 'PY',
      seats: 1,
      periodStart: addYears(oldEnd, -1),
      periodEnd: oldEnd,
    });
    await openAccount(sales, customer);
    const cartUrl = `/api/customers/${customer.customerId}/cart`;
    const added = await sales.post(`${cartUrl}/renewals`, {
      kind: 'upgrade',
      licenseIds: py.licenses.map((l) => l.licenseId),
    });
    expect(added.statusCode).toBe(201);

    // The cart's answer: the rows the screen shows.
    const cart = (await sales.get(cartUrl)).json();
    const cartLine = cart.lines.find((l: { kind: string }) => l.kind === 'upgrade');
    const rows = cartLine.breakdown;
    expect(rows.credit).toMatchObject({
      productName: 'PyCharm Professional',
      seats: 1,
      days: 200,
      until: oldEnd,
    });
    for (const column of ['listMinor', 'discountMinor', 'totalMinor'] as const) {
      expect(rows.credit[column], column).toBeGreaterThan(0);
      expect(rows.price[column] - rows.credit[column], column).toBe(rows.lineTotal[column]);
      expect(rows.lineTotal[column], column).toBe(
        {
          listMinor: cartLine.listPriceMinor,
          discountMinor: cartLine.discountMinor,
          totalMinor: cartLine.totalMinor,
        }[column],
      );
    }

    const created = await sales.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() });
    expect(created.statusCode).toBe(201);
    const quote = (await sales.get(`/api/quotes/${created.json().quoteNumber}`)).json();
    expect(quote.lines[0].breakdown).toEqual(rows);
    const order = await sales.post('/api/orders', {
      quoteNumber: quote.quoteNumber,
      payment: { method: 'postpaid' },
    });
    expect(order.statusCode).toBe(201);
    const invoiceNumber = order.json().invoice.invoiceNumber;
    const invoice = (await billing.get(`/api/invoices/${invoiceNumber}`)).json();
    expect(invoice.lines[0].breakdown).toEqual(rows);

    for (const locale of ['en', 'pt-BR'] as const) {
      const money = (minor: number) => formatMoney(minor, 'USD', locale);
      // The PDFs show a discount with its sign (taken off the list price); amounts otherwise as the API gives them.
      const figures = (a: Amounts) => `${money(a.listMinor)}${money(-a.discountMinor)}${money(a.totalMinor)}`;
      const until = formatDate(oldEnd, locale);
      const creditLabel =
        locale === 'en'
          ? `Credit for unused time of PyCharm Professional (1 seat, until ${until})`
          : `Crédito pelo tempo não usado de PyCharm Professional (1 licença, até ${until})`;
      const lineTotal = locale === 'en' ? 'Line total' : 'Total da linha';
      const expected = tight(
        `${figures(rows.price)}${creditLabel}${figures(rows.credit)}${lineTotal}${figures(rows.lineTotal)}`,
      );
      const creditTotal =
        locale === 'en'
          ? 'Credit for unused time (included above)'
          : 'Crédito pelo tempo não usado (incluído acima)';
      for (const url of [
        `/api/quotes/${quote.quoteNumber}/pdf?locale=${locale}`,
        `/api/invoices/${invoiceNumber}/pdf?locale=${locale}`,
      ]) {
        const session = url.startsWith('/api/quotes') ? sales : billing;
        const res = await session.get(url);
        expect(res.statusCode, url).toBe(200);
        const { text } = await pdfText(res.rawPayload);
        expect(text.replace(/\s+/g, ' '), url).toContain(creditLabel);
        expect(tight(text), url).toContain(expected);
        expect(tight(text), url).toContain(tight(`${creditTotal}${money(rows.credit.totalMinor)}`));
        expect(text, url).not.toMatch(/-\s*(credit|crédito)/i);
      }
    }
  });
});
