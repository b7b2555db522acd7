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

/** Normalises the spaces Intl puts in money (`R$ 1.234,56` has a no-break space) and PDF text runs. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the PDF of a quote', () => {
  it('has the figures of the quote, its parties in any script, the credit and the fallback note', async () => {
    const partner = await createTestPartner(t.db, t.app, {
      currency: 'BRL',
      country: 'BR',
      discountPercent: 10,
    });
    const session = await partner.loginAs('sales');
    const customer = await createTestCustomer(t.db, { name: 'Łódź Café Ōkubo Ltda' });
    const today = todayUtc(t.clock.now);
    const py = await createTestLicenses(t.db, customer, {
      productCode: 'PY',
      seats: 2,
      periodStart: addYears(addDays(today, 200), -1),
      periodEnd: addDays(today, 200),
    });
    await openAccount(session, customer);
    const cart = `/api/customers/${customer.customerId}/cart`;
    expect(
      (await session.post(`${cart}/lines`, { productCode: 'II', quantity: 3, termYears: 1 })).statusCode,
    ).toBe(201);
    const upgrade = await session.post(`${cart}/renewals`, {
      kind: 'upgrade',
      licenseIds: py.licenses.map((l) => l.licenseId),
    });
    expect(upgrade.statusCode).toBe(201);
    const created = await session.post('/api/quotes', {
      customerId: customer.customerId,
      ...quoteInput({
        billingAddress: {
          companyName: 'Revenda São João Ltda',
          addressLine1: 'Rua Augusta, 1500',
          city: 'São Paulo',
          state: 'SP',
          postalCode: '01304-001',
          country: 'BR',
          vatId: '11222333000181',
        },
        endUser: { name: 'José Müller Иванов', email: 'jose@lodz.test', company: 'Łódź Café' },
      }),
    });
    expect(created.statusCode).toBe(201);
    const quote = created.json();

    for (const locale of ['pt-BR', 'en'] as const) {
      const res = await session.get(`/api/quotes/${quote.quoteNumber}/pdf?locale=${locale}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`inline; filename="${quote.quoteNumber}-internal.pdf"`);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const { pages, text } = await pdfText(res.rawPayload);
      expect(pages).toBe(1);
      const page = flat(text);
      const money = (minor: number) => flat(formatMoney(minor, 'BRL', locale));
      expect(page).toContain(quote.quoteNumber);
      for (const name of [
        'Łódź Café Ōkubo Ltda',
        'José Müller Иванов',
        'Revenda São João Ltda',
        '11.222.333/0001-81',
      ]) {
        expect(page).toContain(name);
      }
      expect(page).toContain(customer.customerId);
      expect(page).toContain('PO-7781');
      expect(page).toContain(formatDate(quote.validUntil, locale));
      expect(page).toContain(money(quote.totals.totalMinor));
      expect(page).toContain(money(quote.totals.listPriceMinor));
      // The credit is positive wherever it shows: its label says it is taken off.
      expect(quote.totals.creditMinor).toBeLessThan(0);
      expect(page).toContain(money(-quote.totals.creditMinor));
      expect(page).not.toContain(money(quote.totals.creditMinor));
      // The upgrade's rows as the API answers them: price, credit, line total, figure for figure.
      const shown = (await session.get(`/api/quotes/${quote.quoteNumber}`)).json();
      const upgraded = shown.lines.find((l: { kind: string }) => l.kind === 'upgrade');
      const { price, credit, lineTotal } = upgraded.breakdown;
      expect(credit.seats).toBe(2);
      expect(credit.until).toBe(addDays(today, 200));
      expect(credit.totalMinor).toBe(-upgraded.credit.totalMinor);
      expect(price.totalMinor - credit.totalMinor).toBe(upgraded.totalMinor);
      const creditLabel =
        locale === 'en'
          ? `Credit for unused time of PyCharm Professional (2 seats, until ${formatDate(credit.until, locale)})`
          : `Crédito pelo tempo não usado de PyCharm Professional (2 licenças, até ${formatDate(credit.until, locale)})`;
      const lineTotalLabel = locale === 'en' ? 'Line total' : 'Total da linha';
      const amounts = (row: { listMinor: number; discountMinor: number; totalMinor: number }) =>
        `${money(row.listMinor)}${money(-row.discountMinor)}${money(row.totalMinor)}`;
      // Rows in order, whatever spacing the PDF's text runs have between cells.
      const tight = (text: string) => text.replace(/\s+/g, '');
      expect(page).toContain(creditLabel);
      expect(tight(page)).toContain(
        tight(`${amounts(price)}${creditLabel}${amounts(credit)}${lineTotalLabel}${amounts(lineTotal)}`),
      );
      expect(page).not.toMatch(/-\s*(credit|crédito)/i);
      expect(page).toContain(py.licenses[0]?.licenseId);
      if (locale === 'pt-BR') {
        expect(page).toContain(`Orçamento ${quote.quoteNumber}`);
        expect(page).toContain('Crédito pelo tempo não usado (incluído acima)');
        expect(page).toContain('Sem licença perpétua de reserva');
        expect(money(123456)).toBe('R$ 1.234,56');
      } else {
        expect(page).toContain(`Quote ${quote.quoteNumber}`);
        expect(page).toContain('Upgrade from PyCharm Professional');
        expect(page).toContain('No perpetual fallback license');
      }
    }
  });

  it('is another partner’s quote nowhere', async () => {
    const owner = await createTestPartner(t.db, t.app);
    const other = await createTestPartner(t.db, t.app);
    const customer = await createTestCustomer(t.db);
    const session = await owner.loginAs('sales');
    await openAccount(session, customer);
    await session.post(`/api/customers/${customer.customerId}/cart/lines`, {
      productCode: 'WS',
      quantity: 1,
      termYears: 1,
    });
    const quote = (
      await session.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() })
    ).json();
    const res = await (await other.loginAs('sales')).get(`/api/quotes/${quote.quoteNumber}/pdf`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'quote.not_found' });
  });
});
